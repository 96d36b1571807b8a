package io.synchron.simulator.mirakl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP face of the simulator. A request goes through, in order: API key check (401), {@code
 * shop_id} check (400 if not an integer, 403 if it names another shop than the configured one),
 * routing (404), the {@code minIntervalPerOperation} limit (429), the next scripted fault, then the
 * operation itself. Every exchange is journaled.
 */
final class HttpFrontend implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(HttpFrontend.class);
  private static final Pattern ACCEPT_PATH = Pattern.compile("^/api/orders/([^/]+)/accept$");
  private static final String JSON = "application/json;charset=UTF-8";

  private final MiraklSimulator.Options options;
  private final OrderBook book;
  private final ScriptedFaults faults;
  private final Consumer<RecordedExchange> journal;
  private final JsonMapper mapper;
  private final Map<String, Instant> lastAdmitted = new HashMap<>();

  HttpFrontend(
      MiraklSimulator.Options options,
      OrderBook book,
      ScriptedFaults faults,
      Consumer<RecordedExchange> journal,
      JsonMapper mapper) {
    this.options = options;
    this.book = book;
    this.faults = faults;
    this.journal = journal;
    this.mapper = mapper;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    Map<String, List<String>> requestHeaders = new LinkedHashMap<>(exchange.getRequestHeaders());
    Route route = Route.of(method, path);
    String requestBody = "";
    Answer answer;
    try {
      requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      answer = process(exchange, route, query, requestBody);
    } catch (RuntimeException e) {
      LOG.error("Simulator failed on {} {}", method, path, e);
      answer = error(ApiError.of(500, "Simulator failure: " + e));
    }
    // Journal before answering, so that a client that got its answer finds the exchange recorded.
    journal.accept(
        new RecordedExchange(
            method,
            path,
            query,
            requestHeaders,
            requestBody,
            answer.status,
            answer.headers,
            answer.body,
            route == null ? null : route.operation));
    try {
      send(exchange, answer);
    } catch (IOException e) {
      // The client gave up, typically on a read timeout provoked by a delay fault.
      LOG.debug("Could not answer {} {}: {}", method, path, e.toString());
    } finally {
      exchange.close();
    }
  }

  private Answer process(HttpExchange exchange, Route route, String query, String body) {
    if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
      return error(ApiError.of(401, "Unauthorized: missing or invalid API key"));
    }
    Map<String, List<String>> params;
    try {
      params = parseQuery(query);
      checkShop(params);
    } catch (ApiError.Failure failure) {
      return error(failure.error);
    }
    if (route == null) {
      return error(
          ApiError.of(
              404,
              "No endpoint "
                  + exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getRawPath()
                  + " in the Mirakl simulator"));
    }
    Duration wait = admit(route.operation);
    if (wait != null) {
      return rateLimited(wait);
    }
    Optional<Fault> fault = faults.next(route.operation);
    if (fault.isPresent() && fault.get() instanceof Fault.Status) {
      return error(ApiError.of(((Fault.Status) fault.get()).status(), "Scripted fault"));
    }
    if (fault.isPresent() && fault.get() instanceof Fault.RateLimited) {
      return rateLimited(((Fault.RateLimited) fault.get()).retryAfter());
    }
    Answer answer = run(route, params, body);
    if (fault.isEmpty()) {
      return answer;
    }
    if (fault.get() instanceof Fault.ApplyThenStatus) {
      return error(ApiError.of(((Fault.ApplyThenStatus) fault.get()).status(), "Scripted fault"));
    }
    if (fault.get() instanceof Fault.RewriteBody) {
      String rewritten = ((Fault.RewriteBody) fault.get()).rewrite().apply(answer.body);
      return new Answer(answer.status, answer.headers, rewritten == null ? "" : rewritten);
    }
    if (fault.get() instanceof Fault.Delay) {
      pause(((Fault.Delay) fault.get()).delay());
    }
    return answer;
  }

  private Answer run(Route route, Map<String, List<String>> params, String body) {
    try {
      if (route.operation.equals("OR11")) {
        OrdersQuery query = OrdersQuery.parse(params);
        return new Answer(200, jsonHeaders(), mapper.writeValueAsString(book.list(query)));
      }
      List<OrderBook.AcceptanceDecision> decisions = parseAcceptance(body);
      ApiError error = book.accept(route.orderId, decisions);
      return error == null ? new Answer(204, new LinkedHashMap<>(), "") : error(error);
    } catch (ApiError.Failure failure) {
      return error(failure.error);
    }
  }

  private List<OrderBook.AcceptanceDecision> parseAcceptance(String body) {
    JsonNode root;
    try {
      root = body.isBlank() ? null : mapper.readTree(body);
    } catch (JacksonException e) {
      throw validation(null, "Malformed JSON body: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw validation(null, "The body must be a JSON object with order_lines");
    }
    JsonNode lines = root.get("order_lines");
    if (lines == null || !lines.isArray()) {
      throw validation("order_lines", "order_lines is required and must be an array");
    }
    List<OrderBook.AcceptanceDecision> decisions = new ArrayList<>();
    int index = 0;
    for (JsonNode line : lines) {
      String field = "order_lines[" + index++ + "]";
      if (line.isNull()) {
        throw new ApiError.Failure(
            ApiError.badRequest(
                "ORDER_LINE_NULL_ELEMENT", field, "The order lines list contains a null element"));
      }
      JsonNode id = line.get("id");
      JsonNode accepted = line.get("accepted");
      if (id == null || !id.isString() || id.stringValue().isBlank()) {
        throw validation(field + ".id", "id is required");
      }
      if (accepted == null || !accepted.isBoolean()) {
        throw validation(field + ".accepted", "accepted is required and must be a boolean");
      }
      decisions.add(new OrderBook.AcceptanceDecision(id.stringValue(), accepted.booleanValue()));
    }
    return decisions;
  }

  private static ApiError.Failure validation(String field, String message) {
    return new ApiError.Failure(ApiError.badRequest("VALIDATION_ERROR", field, message));
  }

  private boolean authorized(String key) {
    return key != null
        && MessageDigest.isEqual(
            key.getBytes(StandardCharsets.UTF_8),
            options.apiKey().getBytes(StandardCharsets.UTF_8));
  }

  private void checkShop(Map<String, List<String>> params) {
    List<String> values = params.get("shop_id");
    if (values == null || values.isEmpty()) {
      return;
    }
    long shopId;
    try {
      shopId = Long.parseLong(values.get(values.size() - 1).trim());
    } catch (NumberFormatException e) {
      throw validation("shop_id", "shop_id must be an integer");
    }
    if (options.shopId() != null && options.shopId() != shopId) {
      throw new ApiError.Failure(
          ApiError.of(403, "Forbidden: this API key has no access to shop " + shopId));
    }
  }

  /** Returns null if the call is admitted, else how long until it would be. */
  private Duration admit(String operation) {
    Duration interval = options.minIntervalPerOperation().get(operation);
    if (interval == null || interval.isZero()) {
      return null;
    }
    Clock clock = options.clock();
    synchronized (lastAdmitted) {
      Instant now = clock.instant();
      Instant last = lastAdmitted.get(operation);
      if (last != null) {
        Instant next = last.plus(interval);
        if (now.isBefore(next)) {
          return Duration.between(now, next);
        }
      }
      lastAdmitted.put(operation, now);
      return null;
    }
  }

  private Answer rateLimited(Duration retryAfter) {
    Answer answer = error(ApiError.of(429, "Too many requests"));
    long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
    answer.headers.put("Retry-After", List.of(Long.toString(seconds)));
    return answer;
  }

  private Answer error(ApiError error) {
    return new Answer(error.status(), jsonHeaders(), error.toJson(mapper));
  }

  private static Map<String, List<String>> jsonHeaders() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of(JSON));
    return headers;
  }

  private static void pause(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      // The simulator is closing; answer at once.
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    answer.headers.forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
    byte[] bytes = answer.body.getBytes(StandardCharsets.UTF_8);
    boolean bodyless = answer.status == 204 || answer.status == 304 || bytes.length == 0;
    exchange.sendResponseHeaders(answer.status, bodyless ? -1 : bytes.length);
    if (!bodyless) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    try {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
    } catch (IllegalArgumentException e) {
      throw validation(null, "Malformed query string");
    }
    return params;
  }

  /** A matched operation; {@code orderId} is set for OR21. */
  private record Route(String operation, String orderId) {
    static Route of(String method, String rawPath) {
      if (rawPath.equals("/api/orders") && method.equals("GET")) {
        return new Route("OR11", null);
      }
      Matcher accept = ACCEPT_PATH.matcher(rawPath);
      if (accept.matches() && method.equals("PUT")) {
        try {
          // Path segments are percent-encoded, not form-encoded: a '+' stays a '+'.
          String segment = accept.group(1).replace("+", "%2B");
          return new Route("OR21", URLDecoder.decode(segment, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
      return null;
    }
  }

  private record Answer(int status, Map<String, List<String>> headers, String body) {}
}
