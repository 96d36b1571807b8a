package io.synchron.connector.shopify;

import io.synchron.connector.Deadline;
import io.synchron.shared.Failure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs GraphQL documents to one store's versioned endpoint with {@code X-Shopify-Access-Token}. Before each
 * request it waits (briefly) if the bucket it last saw cannot pay for the request; a longer wait, an HTTP 429 or a
 * THROTTLED error become a retry-after failure for the job runner. Documents are the {@code .graphql} resources of
 * this package, loaded by name.
 */
final class ShopifyGraphQlClient {

  private static final Logger log = LoggerFactory.getLogger(ShopifyGraphQlClient.class);
  private static final double DEFAULT_COST_ESTIMATE = 50;
  private static final Duration MAX_INLINE_WAIT = Duration.ofSeconds(5);
  private static final Map<String, String> DOCUMENTS = new ConcurrentHashMap<>();

  private final HttpClient http;
  private final URI endpoint;
  private final String accessToken;
  private final String apiVersion;
  private final Duration timeout;
  private final JsonMapper json;
  private final ThrottleState throttle;
  private final Sleeper sleeper;
  private final Map<String, Double> lastCost = new ConcurrentHashMap<>();

  /** Waits; injected so tests never sleep. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  ShopifyGraphQlClient(
      HttpClient http,
      URI endpoint,
      String accessToken,
      String apiVersion,
      Duration timeout,
      JsonMapper json,
      Clock clock,
      Sleeper sleeper) {
    this.http = http;
    this.endpoint = endpoint;
    this.accessToken = accessToken;
    this.apiVersion = apiVersion;
    this.timeout = timeout;
    this.json = json;
    this.throttle = new ThrottleState(clock);
    this.sleeper = sleeper;
  }

  /** The text of a document shipped with this package, e.g. {@code document("VariantsBySku")}. */
  static String document(String name) {
    return DOCUMENTS.computeIfAbsent(
        name,
        n -> {
          try (InputStream in = ShopifyGraphQlClient.class.getResourceAsStream(n + ".graphql")) {
            if (in == null) {
              throw new IllegalArgumentException("No GraphQL document " + n + ".graphql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** Runs a document and returns its {@code data}; throws a classified {@link ShopifyException} otherwise. */
  JsonNode execute(String documentName, Map<String, Object> variables) {
    pace(documentName);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", document(documentName));
    body.put("variables", variables);
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("X-Shopify-Access-Token", accessToken)
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
            .build();
    HttpResponse<String> response;
    try {
      response = Deadline.send(http, request, timeout);
    } catch (HttpTimeoutException e) {
      throw new ShopifyException(documentName + " timed out after " + timeout, 0, null, null,
          new Failure.Retry("timeout"), e);
    } catch (IOException e) {
      throw new ShopifyException(documentName + " failed: " + e, 0, null, null, new Failure.Retry("io"), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ShopifyException(documentName + " interrupted", 0, null, null, new Failure.Retry("interrupted"), e);
    }
    String requestId = response.headers().firstValue("X-Request-Id").orElse(null);
    response.headers().firstValue("X-Shopify-API-Version")
        .filter(v -> !v.equals(apiVersion))
        .ifPresent(v -> log.warn("Shopify answered with API version {} although {} was asked for", v, apiVersion));
    int status = response.statusCode();
    if (status == 429) {
      Duration after = response.headers().firstValue("Retry-After").flatMap(ShopifyGraphQlClient::seconds)
          .orElse(Duration.ofSeconds(2));
      throw new ShopifyException(documentName + " rate limited (HTTP 429)", status, "THROTTLED", requestId,
          new Failure.RetryAfter(after, "429"), null);
    }
    if (status < 200 || status >= 300) {
      Failure failure = status >= 500 || status == 408 ? new Failure.Retry("http") : new Failure.Permanent("http");
      throw new ShopifyException(documentName + " answered HTTP " + status + ": " + abbreviate(response.body()),
          status, null, requestId, failure, null);
    }
    JsonNode root;
    try {
      root = json.readTree(response.body());
    } catch (JacksonException e) {
      throw new ShopifyException(documentName + " answered unreadable JSON: " + e.getOriginalMessage(), status,
          null, requestId, new Failure.Retry("unreadable"), e);
    }
    JsonNode cost = root.path("extensions").path("cost");
    observeCost(documentName, cost);
    JsonNode errors = root.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      String code = errors.get(0).path("extensions").path("code").asString("");
      String message = errors.get(0).path("message").asString("GraphQL error");
      if ("THROTTLED".equals(code)) {
        throw new ShopifyException(documentName + " throttled", status, code, requestId,
            new Failure.RetryAfter(throttledWait(cost), "throttled"), null);
      }
      if ("INTERNAL_SERVER_ERROR".equals(code)) {
        throw new ShopifyException(documentName + ": " + message, status, code, requestId,
            new Failure.Retry("internal"), null);
      }
      throw new ShopifyException(documentName + ": " + message, status, code.isEmpty() ? null : code, requestId,
          new Failure.Permanent("graphql"), null);
    }
    JsonNode data = root.get("data");
    if (data == null || data.isNull()) {
      throw new ShopifyException(documentName + " answered no data", status, null, requestId,
          new Failure.Retry("no data"), null);
    }
    return data;
  }

  private void pace(String documentName) {
    Duration wait = throttle.waitFor(lastCost.getOrDefault(documentName, DEFAULT_COST_ESTIMATE));
    if (wait.isZero()) {
      return;
    }
    if (wait.compareTo(MAX_INLINE_WAIT) > 0) {
      throw new ShopifyException(documentName + " would exceed the rate limit; waiting " + wait, 0, "THROTTLED",
          null, new Failure.RetryAfter(wait, "paced"), null);
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ShopifyException("interrupted while pacing", 0, null, null, new Failure.Retry("interrupted"), e);
    }
  }

  private void observeCost(String documentName, JsonNode cost) {
    JsonNode status = cost.path("throttleStatus");
    if (!status.isObject()) {
      return;
    }
    double requested = cost.path("requestedQueryCost").asDouble(DEFAULT_COST_ESTIMATE);
    lastCost.put(documentName, requested);
    throttle.observe(
        status.path("maximumAvailable").asDouble(),
        status.path("currentlyAvailable").asDouble(),
        status.path("restoreRate").asDouble(),
        cost.path("actualQueryCost").isNumber() ? cost.path("actualQueryCost").asDouble() : 0);
  }

  private static Duration throttledWait(JsonNode cost) {
    double requested = cost.path("requestedQueryCost").asDouble(DEFAULT_COST_ESTIMATE);
    JsonNode status = cost.path("throttleStatus");
    double available = status.path("currentlyAvailable").asDouble(0);
    double restore = status.path("restoreRate").asDouble(50);
    double seconds = restore <= 0 ? 1 : Math.max(0, requested - available) / restore;
    return Duration.ofMillis(Math.max(1000, (long) Math.ceil(seconds * 1000)));
  }

  private static Optional<Duration> seconds(String value) {
    try {
      return Optional.of(Duration.ofMillis((long) (Double.parseDouble(value.trim()) * 1000)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  /** Cost points Shopify reported as actually used by this client, and the bucket's restore rate. */
  double pointsUsed() {
    return throttle.pointsUsed();
  }

  double restoreRate() {
    return throttle.restoreRate();
  }
}
