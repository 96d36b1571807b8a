package io.synchron.simulator.shopify;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request the simulator answered, as received and as answered.
 *
 * @param requestHeaders header names are case-insensitive keys
 * @param rootFields the root fields of the executed operation, empty when the body could not be
 *     parsed or the request was refused before parsing
 */
public record RecordedExchange(
    String method,
    String path,
    Map<String, List<String>> requestHeaders,
    String requestBody,
    int status,
    String responseBody,
    List<String> rootFields) {

  /** The first value of a request header, matched case-insensitively. */
  public Optional<String> requestHeader(String name) {
    List<String> values = requestHeaders.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
