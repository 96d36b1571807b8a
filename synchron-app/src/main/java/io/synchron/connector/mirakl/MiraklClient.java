package io.synchron.connector.mirakl;

import io.synchron.connector.Deadline;
import io.synchron.shared.Failure;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP to one Mirakl seller account: the raw API key in {@code Authorization} (no Bearer prefix, as Mirakl
 * documents), {@code shop_id} on every call when configured, JSON in and out. Retries are not done here: a failed
 * call throws a classified {@link MiraklException} and the job runner decides when to try again.
 */
final class MiraklClient {

  private final HttpClient http;
  private final URI baseUrl;
  private final String apiKey;
  private final Long shopId;
  private final Duration timeout;
  private final JsonMapper json;

  MiraklClient(HttpClient http, URI baseUrl, String apiKey, Long shopId, Duration timeout, JsonMapper json) {
    this.http = http;
    this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", ""));
    this.apiKey = apiKey;
    this.shopId = shopId;
    this.timeout = timeout;
    this.json = json;
  }

  String get(String operation, String path, Map<String, String> query) {
    return send(operation, HttpRequest.newBuilder(uri(path, query)).GET());
  }

  String put(String operation, String path, Object body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path, Map.of()));
    if (body == null) {
      return send(operation, builder.PUT(HttpRequest.BodyPublishers.noBody()));
    }
    return send(
        operation,
        builder
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
  }

  String post(String operation, String path, Object body) {
    return send(
        operation,
        HttpRequest.newBuilder(uri(path, Map.of()))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
  }

  /** A multipart/form-data POST: JSON parts and file parts, in order. */
  String postMultipart(String operation, String path, List<Part> parts) {
    String boundary = "synchron-" + java.util.UUID.randomUUID();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    for (Part part : parts) {
      StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
          .append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
      if (part.fileName() != null) {
        head.append("; filename=\"").append(part.fileName()).append('"');
      }
      head.append("\r\nContent-Type: ").append(part.contentType()).append("\r\n\r\n");
      body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
      body.writeBytes(part.content());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        operation,
        HttpRequest.newBuilder(uri(path, Map.of()))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  record Part(String name, String fileName, String contentType, byte[] content) {}

  private URI uri(String path, Map<String, String> query) {
    Map<String, String> params = new LinkedHashMap<>(query);
    if (shopId != null) {
      params.put("shop_id", shopId.toString());
    }
    String qs =
        params.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return URI.create(baseUrl + path + (qs.isEmpty() ? "" : "?" + qs));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private String send(String operation, HttpRequest.Builder builder) {
    HttpRequest request =
        builder.header("Authorization", apiKey).header("Accept", "application/json").timeout(timeout).build();
    HttpResponse<String> response;
    try {
      response = Deadline.send(http, request, timeout);
    } catch (HttpTimeoutException e) {
      throw new MiraklException(operation + " timed out after " + timeout, 0, null, null,
          new Failure.Retry("timeout"), e);
    } catch (IOException e) {
      throw new MiraklException(operation + " failed: " + e, 0, null, null, new Failure.Retry("io"), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MiraklException(operation + " interrupted", 0, null, null, new Failure.Retry("interrupted"), e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response.body();
    }
    String requestId = response.headers().firstValue("X-Request-Id").orElse(null);
    ErrorBody error = parseError(response.body());
    String message = operation + " answered " + status + (error.message() == null ? "" : ": " + error.message());
    throw new MiraklException(
        message,
        status,
        error.code(),
        requestId,
        MiraklErrorClassifier.classify(status, response.headers().firstValue("Retry-After"), message),
        null);
  }

  /** Mirakl has two error shapes: {status, message} on older APIs, {errors:[{code, field, message}]} on newer. */
  private ErrorBody parseError(String body) {
    if (body == null || body.isBlank()) {
      return new ErrorBody(null, null);
    }
    try {
      JsonNode node = json.readTree(body);
      JsonNode errors = node.path("errors");
      if (errors.isArray() && !errors.isEmpty()) {
        JsonNode first = errors.get(0);
        String field = first.path("field").isString() ? " (" + first.path("field").asString() + ")" : "";
        return new ErrorBody(
            text(first, "code"), text(first, "message") == null ? null : text(first, "message") + field);
      }
      return new ErrorBody(text(node, "code"), text(node, "message"));
    } catch (RuntimeException e) {
      return new ErrorBody(null, body.length() > 300 ? body.substring(0, 300) : body);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asString();
  }

  private record ErrorBody(String code, String message) {}
}
