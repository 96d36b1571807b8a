package io.synchron.simulator.mirakl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A bare java.net.http client of the simulator for tests: no knowledge of Synchron's client. */
final class MiraklClient {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;
  private final String apiKey;

  MiraklClient(MiraklSimulator simulator) {
    this(simulator.baseUrl(), simulator.apiKey());
  }

  MiraklClient(String baseUrl, String apiKey) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  HttpResponse<String> get(String pathAndQuery) {
    return send(request(pathAndQuery).GET().build());
  }

  HttpResponse<String> put(String path, String body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  HttpResponse<String> post(String path, String body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** A PUT without a body, as OR24 and OR29 are sent. */
  HttpResponse<String> put(String path) {
    return send(request(path).PUT(HttpRequest.BodyPublishers.noBody()).build());
  }

  /** A multipart/form-data POST of {@code parts}. */
  HttpResponse<String> multipart(String path, List<FormPart> parts) {
    String boundary = "----simulator-test-boundary-7MA4YWxk";
    return send(
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(FormPart.encode(boundary, parts)))
            .build());
  }

  HttpResponse<String> accept(String orderId, boolean accepted, List<String> lineIds) {
    StringBuilder body = new StringBuilder("{\"order_lines\":[");
    for (int i = 0; i < lineIds.size(); i++) {
      body.append(i == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(lineIds.get(i))
          .append("\",\"accepted\":")
          .append(accepted)
          .append('}');
    }
    return put("/api/orders/" + orderId + "/accept", body.append("]}").toString());
  }

  /** OR74 with one file and its metadata in the spec's JSON form. */
  HttpResponse<String> upload(String orderId, String fileName, String typeCode, byte[] content) {
    return multipart(
        "/api/orders/" + orderId + "/documents",
        List.of(
            FormPart.file("files", fileName, "application/pdf", content),
            FormPart.field(
                "order_documents",
                "application/json",
                "{\"order_documents\":[{\"file_name\":\""
                    + fileName
                    + "\",\"type_code\":\""
                    + typeCode
                    + "\"}]}")));
  }

  /** OR11 body of {@code GET /api/orders?<query>}, asserting nothing. */
  JsonNode orders(String query) {
    return JSON.readTree(get("/api/orders?" + query).body());
  }

  JsonNode order(String orderId) {
    return orders("order_ids=" + orderId).get("orders").get(0);
  }

  HttpRequest.Builder request(String pathAndQuery) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(10));
    return apiKey == null ? builder : builder.header("Authorization", apiKey);
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String errorCode(HttpResponse<String> response) {
    return JSON.readTree(response.body()).get("errors").get(0).get("code").stringValue();
  }

  static List<String> orderIds(JsonNode or11Body) {
    List<String> ids = new ArrayList<>();
    for (JsonNode order : or11Body.get("orders")) {
      ids.add(order.get("order_id").stringValue());
    }
    return ids;
  }

  /** One part of a multipart/form-data body. */
  record FormPart(String name, String fileName, String contentType, byte[] content) {

    static FormPart file(String name, String fileName, String contentType, byte[] content) {
      return new FormPart(name, fileName, contentType, content);
    }

    static FormPart field(String name, String contentType, String text) {
      return new FormPart(name, null, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] encode(String boundary, List<FormPart> parts) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (FormPart part : parts) {
        StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n");
        head.append("Content-Disposition: form-data; name=\"").append(part.name).append('"');
        if (part.fileName != null) {
          head.append("; filename=\"").append(part.fileName).append('"');
        }
        head.append("\r\n");
        if (part.contentType != null) {
          head.append("Content-Type: ").append(part.contentType).append("\r\n");
        }
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(part.content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return out.toByteArray();
    }
  }
}
