package io.synchron.simulator.shopify;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves {@code POST /admin/api/{version}/graphql.json}: token check, parsing, validation against
 * the real schema, the simulator's static checks, scripted faults, the cost bucket, and execution.
 * Any version is answered by {@value AdminSchema#VERSION}, as Shopify falls forward.
 */
final class AdminApiHandler implements HttpHandler {

  static final String INVALID_TOKEN =
      "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong"
          + " password)\"}";
  static final String RATE_LIMITS_DOC = "https://shopify.dev/api/usage/rate-limits";

  private static final Pattern PATH = Pattern.compile("/admin/api/[^/]+/graphql\\.json");
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final String accessToken;
  private final ShopState state;
  private final LeakyBucket bucket;
  private final ScriptedFaults faults;
  private final Journal journal;
  private final AdminSchema schema;
  private final AtomicLong requestIds = new AtomicLong();

  AdminApiHandler(
      String accessToken,
      ShopState state,
      LeakyBucket bucket,
      ScriptedFaults faults,
      Journal journal,
      AdminSchema schema) {
    this.accessToken = accessToken;
    this.state = state;
    this.bucket = bucket;
    this.faults = faults;
    this.journal = journal;
    this.schema = schema;
  }

  /** What to answer; {@code rootFields} goes to the journal. */
  private record Reply(
      int status, String body, List<String> rootFields, Map<String, String> headers) {
    static Reply of(int status, String body) {
      return new Reply(status, body, List.of(), Map.of());
    }

    Reply withRootFields(List<String> fields) {
      return new Reply(status, body, fields, headers);
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String requestBody =
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Reply reply;
      try {
        reply = route(exchange, requestBody);
      } catch (RuntimeException e) {
        reply =
            Reply.of(500, "{\"errors\":\"Internal Server Error: " + escape(e.toString()) + "\"}");
      }
      journal.record(
          new RecordedExchange(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              copy(exchange.getRequestHeaders()),
              requestBody,
              reply.status(),
              reply.body(),
              reply.rootFields()));
      Headers headers = exchange.getResponseHeaders();
      headers.set("Content-Type", "application/json; charset=utf-8");
      headers.set("X-Shopify-API-Version", AdminSchema.VERSION);
      headers.set("X-Request-Id", "sim-" + requestIds.incrementAndGet());
      reply.headers().forEach(headers::set);
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  private Reply route(HttpExchange exchange, String body) {
    if (!PATH.matcher(exchange.getRequestURI().getPath()).matches()) {
      return Reply.of(404, "{\"errors\":\"Not Found\"}");
    }
    String token = exchange.getRequestHeaders().getFirst("X-Shopify-Access-Token");
    if (token == null
        || !MessageDigest.isEqual(
            token.getBytes(StandardCharsets.UTF_8), accessToken.getBytes(StandardCharsets.UTF_8))) {
      return Reply.of(401, INVALID_TOKEN);
    }
    if (!exchange.getRequestMethod().equals("POST")) {
      return Reply.of(405, "{\"errors\":\"Method Not Allowed\"}");
    }
    Request request = Request.parse(body);
    if (request == null) {
      return Reply.of(400, "{\"errors\":{\"query\":\"Required parameter missing or invalid\"}}");
    }
    return graphQl(request);
  }

  /** A decoded request body. */
  private record Request(String query, String operationName, Map<String, Object> variables) {

    @SuppressWarnings("unchecked")
    static Request parse(String body) {
      Object parsed;
      try {
        parsed = JSON.readValue(body, Object.class);
      } catch (JacksonException e) {
        return null;
      }
      if (!(parsed instanceof Map<?, ?> map) || !(map.get("query") instanceof String query)) {
        return null;
      }
      Object variables = map.get("variables");
      if (variables instanceof String text && !text.isBlank()) {
        try {
          variables = JSON.readValue(text, Object.class);
        } catch (JacksonException e) {
          return null;
        }
      }
      if (variables != null && !(variables instanceof Map) && !"".equals(variables)) {
        return null;
      }
      Map<String, Object> variableMap =
          variables instanceof Map ? (Map<String, Object>) variables : Map.of();
      Object operationName = map.get("operationName");
      return new Request(
          query,
          operationName instanceof String name && !name.isEmpty() ? name : null,
          variableMap);
    }
  }

  private Reply graphQl(Request request) {
    Document document;
    try {
      document = Parser.parse(request.query());
    } catch (InvalidSyntaxException e) {
      return errors(List.of(error(e.getMessage(), e.getLocation(), "parseError")));
    }
    List<ValidationError> invalid =
        new graphql.validation.Validator()
            .validateDocument(schema.schema(), document, Locale.ENGLISH);
    if (!invalid.isEmpty()) {
      return errors(invalid.stream().map(AdminApiHandler::shopifyError).toList());
    }
    Optional<OperationDefinition> selected = operation(document, request.operationName());
    if (selected.isEmpty()) {
      String message =
          request.operationName() == null
              ? "An operation name is required when the document holds several operations"
              : "No operation named \"" + request.operationName() + "\"";
      return errors(List.of(error(message, null, "BAD_REQUEST")));
    }
    OperationDefinition operation = selected.get();
    DocumentAnalysis.Result analysis =
        DocumentAnalysis.analyse(schema.schema(), document, operation, request.variables());
    if (!analysis.problems().isEmpty()) {
      return errors(analysis.problems()).withRootFields(analysis.rootFields());
    }
    try {
      ValuesResolver.coerceVariableValues(
          schema.schema(),
          operation.getVariableDefinitions(),
          RawVariables.of(request.variables()),
          GraphQLContext.getDefault(),
          Locale.ENGLISH);
    } catch (RuntimeException e) {
      if (!(e instanceof GraphQLError graphQlError)) {
        throw e;
      }
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("message", graphQlError.getMessage());
      if (graphQlError.getLocations() != null && !graphQlError.getLocations().isEmpty()) {
        error.put("locations", locations(graphQlError.getLocations()));
      }
      error.put("extensions", Map.of("code", "INVALID_VARIABLE"));
      return errors(List.of(error)).withRootFields(analysis.rootFields());
    }
    Optional<Fault> fault = faults.take(analysis.rootFields());
    Reply reply = faulted(fault, document, request, analysis);
    return reply.withRootFields(analysis.rootFields());
  }

  private Reply faulted(
      Optional<Fault> fault, Document document, Request request, DocumentAnalysis.Result analysis) {
    if (fault.isEmpty()) {
      return execute(document, request, analysis);
    }
    Fault f = fault.get();
    if (f instanceof Fault.Status status) {
      return statusReply(status.status());
    } else if (f instanceof Fault.Throttled) {
      synchronized (state) {
        return throttled(analysis.requestedCost());
      }
    } else if (f instanceof Fault.Delay delay) {
      if (!sleep(delay.duration())) {
        return statusReply(503);
      }
      return execute(document, request, analysis);
    } else if (f instanceof Fault.ApplyThenStatus applyThenStatus) {
      execute(document, request, analysis);
      return statusReply(applyThenStatus.status());
    } else if (f instanceof Fault.RewriteBody rewrite) {
      Reply normal = execute(document, request, analysis);
      return new Reply(
          normal.status(), rewrite.rewrite().apply(normal.body()), List.of(), normal.headers());
    }
    throw new IllegalStateException("unknown fault " + f);
  }

  private Reply execute(Document document, Request request, DocumentAnalysis.Result analysis) {
    synchronized (state) {
      int requested = analysis.requestedCost();
      if (!bucket.tryTake(requested)) {
        return throttled(requested);
      }
      ExecutionResult result =
          schema.execute(
              document, request.query(), request.operationName(), request.variables(), state);
      OperationDefinition operation = operation(document, request.operationName()).orElseThrow();
      int actual =
          DocumentAnalysis.actualCost(
              schema.schema(), document, operation, request.variables(), result.getData());
      bucket.giveBack(requested - actual);
      Map<String, Object> response = new LinkedHashMap<>();
      if (!result.getErrors().isEmpty()) {
        response.put(
            "errors", result.getErrors().stream().map(AdminApiHandler::shopifyError).toList());
      }
      if (result.isDataPresent()) {
        response.put("data", result.getData());
      }
      Map<String, Object> extensions = new LinkedHashMap<>();
      if (result.getExtensions() != null) {
        result.getExtensions().forEach((k, v) -> extensions.put(String.valueOf(k), v));
      }
      extensions.put("cost", cost(requested, actual));
      response.put("extensions", extensions);
      return Reply.of(200, JSON.writeValueAsString(response));
    }
  }

  /** Caller holds the state monitor. */
  private Reply throttled(int requested) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", "Throttled");
    error.put("extensions", Map.of("code", "THROTTLED", "documentation", RATE_LIMITS_DOC));
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("errors", List.of(error));
    response.put("extensions", Map.of("cost", cost(requested, null)));
    return Reply.of(200, JSON.writeValueAsString(response));
  }

  private Map<String, Object> cost(int requested, Integer actual) {
    Map<String, Object> throttleStatus = new LinkedHashMap<>();
    throttleStatus.put("maximumAvailable", bucket.size());
    // Whole points, as Shopify reports them; the bucket itself keeps fractions.
    throttleStatus.put("currentlyAvailable", Math.floor(bucket.available()));
    throttleStatus.put("restoreRate", bucket.restoreRate());
    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put("requestedQueryCost", requested);
    cost.put("actualQueryCost", actual);
    cost.put("throttleStatus", throttleStatus);
    return cost;
  }

  private static Reply statusReply(int status) {
    String reason = reason(status);
    Map<String, String> headers = status == 429 ? Map.of("Retry-After", "2.0") : Map.of();
    return new Reply(status, "{\"errors\":\"" + reason + "\"}", List.of(), headers);
  }

  private static boolean sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Optional<OperationDefinition> operation(Document document, String name) {
    List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
    if (name == null) {
      return operations.size() == 1 ? Optional.of(operations.get(0)) : Optional.empty();
    }
    return operations.stream().filter(o -> name.equals(o.getName())).findFirst();
  }

  private static Reply errors(List<Map<String, Object>> errors) {
    return Reply.of(200, JSON.writeValueAsString(Map.of("errors", errors)));
  }

  private static Map<String, Object> error(String message, SourceLocation location, String code) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    if (location != null) {
      error.put("locations", locations(List.of(location)));
    }
    error.put("extensions", Map.of("code", code));
    return error;
  }

  private static List<Map<String, Object>> locations(List<SourceLocation> locations) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (SourceLocation location : locations) {
      if (location != null) {
        result.add(Map.of("line", location.getLine(), "column", location.getColumn()));
      }
    }
    return result;
  }

  /** A graphql-java error in Shopify's shape: {@code extensions.code} instead of classification. */
  private static Map<String, Object> shopifyError(GraphQLError error) {
    Map<String, Object> spec = new LinkedHashMap<>(error.toSpecification());
    Map<String, Object> extensions = new LinkedHashMap<>();
    if (spec.get("extensions") instanceof Map<?, ?> existing) {
      existing.forEach((k, v) -> extensions.put(String.valueOf(k), v));
    }
    extensions.remove("classification");
    extensions.putIfAbsent("code", code(error));
    spec.put("extensions", extensions);
    return spec;
  }

  private static String code(GraphQLError error) {
    if (!(error instanceof ValidationError validation)) {
      return "INTERNAL_SERVER_ERROR";
    }
    // graphql-ruby's static-validation codes, which Shopify's API answers with.
    if (!(validation.getValidationErrorType() instanceof ValidationErrorType type)) {
      return "validationError";
    }
    return switch (type) {
      case FieldUndefined -> "undefinedField";
      case UnknownArgument -> "argumentNotAccepted";
      case MissingFieldArgument -> "missingRequiredArguments";
      case WrongType -> "argumentLiteralsIncompatible";
      case VariableTypeMismatch -> "variableMismatch";
      case UndefinedVariable -> "variableNotDefined";
      case UnusedVariable -> "variableNotUsed";
      case SubselectionRequired, SubselectionNotAllowed -> "selectionMismatch";
      case UnknownType -> "undefinedType";
      case UnknownDirective -> "undefinedDirective";
      default -> "validationError";
    };
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 402 -> "Payment Required";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 423 -> "Locked";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "HTTP " + status;
    };
  }

  private static Map<String, List<String>> copy(Headers headers) {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    return Collections.unmodifiableMap(copy);
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\r\\n]", " ");
  }
}
