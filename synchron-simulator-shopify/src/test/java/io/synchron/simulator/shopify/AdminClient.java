package io.synchron.simulator.shopify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A minimal Admin GraphQL client over java.net.http, for the tests. */
final class AdminClient {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ShopifySimulator simulator;

  AdminClient(ShopifySimulator simulator) {
    this.simulator = simulator;
  }

  /** A response with its body parsed as JSON. */
  record Reply(int status, HttpResponse<String> raw, JsonNode json) {
    JsonNode data() {
      return json.path("data");
    }

    JsonNode firstError() {
      return json.path("errors").path(0);
    }
  }

  Reply post(String query) {
    return post(query, Map.of());
  }

  Reply post(String query, Map<String, Object> variables) {
    return send("2026-07", simulator.accessToken(), body(query, variables));
  }

  Reply send(String version, String token, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(simulator.adminBaseUrl() + "/admin/api/" + version + "/graphql.json"))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("X-Shopify-Access-Token", token);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json;
      try {
        json = JSON.readTree(response.body());
      } catch (RuntimeException notJson) {
        json = JSON.missingNode();
      }
      return new Reply(response.statusCode(), response, json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String body(String query, Map<String, Object> variables) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", query);
    body.put("variables", variables);
    return JSON.writeValueAsString(body);
  }
}
