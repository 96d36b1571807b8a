package io.synchron.simulator.mirakl;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One HTTP exchange as the simulator saw and answered it. Header maps are case-insensitive on
 * names. The response body is the one actually sent, after any {@link Fault#rewriteBody} fault.
 *
 * @param method HTTP method
 * @param path raw request path, e.g. {@code /api/orders}
 * @param rawQuery raw query string without {@code ?}, or null
 * @param requestHeaders request headers
 * @param requestBody request body as UTF-8 text, empty if none
 * @param status response status
 * @param responseHeaders response headers
 * @param responseBody response body, empty if none
 * @param operation the Mirakl operation code the request matched ("OR11", "OR24"...), or null
 * @param orderIds the orders the request names: in its path, in its {@code order_ids} or {@code
 *     order_id} query (OR11, OR72, ST11), by order id in its body (ST01), or through line ids
 *     (OR28, OR30), shipment ids (ST23, ST24), commercial ids (RT01, and RT11 and RT12 with their
 *     {@code order_line_id} and {@code return_id} filters, read from the page token when there is
 *     one) and return ids (RT21, RT25, RT26, RT27, RT29: each order of the batch) traced to the
 *     orders they belong to; empty if none
 */
public record RecordedExchange(
    String method,
    String path,
    String rawQuery,
    Map<String, List<String>> requestHeaders,
    String requestBody,
    int status,
    Map<String, List<String>> responseHeaders,
    String responseBody,
    String operation,
    Set<String> orderIds) {

  public RecordedExchange {
    requestHeaders = caseInsensitiveCopy(requestHeaders);
    responseHeaders = caseInsensitiveCopy(responseHeaders);
    orderIds = Collections.unmodifiableSet(new LinkedHashSet<>(orderIds));
  }

  /** An exchange that names no order. */
  public RecordedExchange(
      String method,
      String path,
      String rawQuery,
      Map<String, List<String>> requestHeaders,
      String requestBody,
      int status,
      Map<String, List<String>> responseHeaders,
      String responseBody,
      String operation) {
    this(
        method,
        path,
        rawQuery,
        requestHeaders,
        requestBody,
        status,
        responseHeaders,
        responseBody,
        operation,
        Set.of());
  }

  private static Map<String, List<String>> caseInsensitiveCopy(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    return Collections.unmodifiableMap(copy);
  }
}
