package io.synchron.contracts;

import com.networknt.schema.ValidationMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mirakl's published seller API (MMP, OpenAPI 3.1) as a test oracle: checks recorded HTTP exchanges against it and
 * returns human-readable violations, each starting with the operation id ({@code "OR21 request body: ..."}). An
 * empty list means the exchange conforms. Test support only; never used in production code.
 *
 * <p>The spec is read from {@code <shared>/specs/mirakl/mmp-seller-openapi.json} and never copied into the project;
 * see {@link #load()}. It is parsed once per JVM and cached. All methods are safe to call from several threads.
 *
 * <h2>Requests</h2>
 * The path must match one of the spec's path templates for that method; path and query parameters must be declared,
 * parse as their declared type ({@code integer}, {@code number}, {@code boolean}; {@code array} parameters may repeat)
 * and satisfy their schema ({@code enum}, {@code format: date-time}, lengths...); required ones must be present; a
 * non-array parameter may appear once. Values are form-decoded, so an unencoded {@code +} in a date-time reads as a
 * space and is reported, as a servlet container would read it. Where a parameter's description says it takes a
 * comma-separated list, each item is checked on its own (OR11's {@code order_state_codes} is a single string with an
 * enum, yet takes {@code WAITING_ACCEPTANCE,SHIPPING}).
 *
 * <p><b>Offset pagination.</b> This copy of the spec does not declare {@code max}, {@code offset}, {@code paginate},
 * {@code sort} and {@code order} on OR11 and the other list operations, while their descriptions say the resource
 * "supports offset pagination" and Mirakl's generated client and SDK send them. For operations whose description
 * says so, these five parameters are therefore accepted and checked: {@code max} and {@code offset} non-negative
 * integers, {@code paginate} a boolean, {@code order} {@code asc} or {@code desc}, and {@code sort} one of the sort
 * fields the description lists (any value when it lists none).
 *
 * <p>A JSON body is validated against the operation's {@code requestBody} schema (JSON Schema 2020-12, strict: no
 * {@code null} where the schema does not allow it). The spec never marks a request body {@code required}; an absent
 * body is reported when the body schema has required properties, since it cannot satisfy them. Other media types
 * (multipart, CSV) are only checked to be declared.
 *
 * <h2>Responses</h2>
 * The status must be declared for the operation, with three exceptions: 429 and 5xx are always allowed (Mirakl
 * documents rate limiting apart from the spec), and 400 and 404 are allowed for operations whose description
 * carries an "Error Codes" table (OR21 lists {@code ORDER_INVALID_STATE} and others there while declaring only 204);
 * the spec gives no schema for those bodies, so they are not checked. A declared status with content must carry a
 * declared media type, and a JSON body must validate against the response schema. Unknown extra fields are allowed
 * unless a schema says {@code additionalProperties: false}, and, following the spec's own examples, an
 * object member may be {@code null} and a required-but-deprecated property may be absent; see {@link OpenApiSchemas}
 * for the dialect, including the handling of OpenAPI's {@code discriminator}. Enums in this spec's response schemas
 * appear only in descriptions, so new enum values (which Mirakl says clients must tolerate) are never violations.
 */
public final class MiraklSellerSpec {

  private static final String RELATIVE_PATH = "specs/mirakl/mmp-seller-openapi.json";
  private static final ConcurrentMap<Path, MiraklSellerSpec> LOADED = new ConcurrentHashMap<>();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
  private static final Set<Integer> DOCUMENTED_ERROR_STATUSES = Set.of(400, 404);
  private static final Set<String> PAGINATION_PARAMETERS = Set.of("max", "offset", "paginate", "sort", "order");
  private static final Set<String> SEEK_PARAMETERS = Set.of("limit", "page_token", "sort");
  private static final Pattern SORT_FIELD = Pattern.compile("<li><b>([^<]+)</b>");
  private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

  private final JsonNode document;
  private final List<Operation> operations;
  private final OpenApiSchemas requestSchemas;
  private final OpenApiSchemas responseSchemas;

  private MiraklSellerSpec(Path file) {
    this.document = JSON.readTree(file);
    this.operations = readOperations(document);
    String uri = file.toUri().toString();
    this.requestSchemas = new OpenApiSchemas(uri, OpenApiSchemas.Leniency.REQUEST);
    this.responseSchemas = new OpenApiSchemas(uri, OpenApiSchemas.Leniency.RESPONSE);
  }

  /**
   * The spec from {@code <shared>/specs/mirakl/mmp-seller-openapi.json}, where {@code <shared>} is the system
   * property {@code synchron.shared.dir}, else {@code ../shared}, else {@code ../../shared}; empty when none has it.
   */
  public static Optional<MiraklSellerSpec> load() {
    return SharedFolder.find(RELATIVE_PATH).map(file -> LOADED.computeIfAbsent(file, MiraklSellerSpec::new));
  }

  /** The spec, or aborts the calling test (JUnit "skipped") when the shared folder is not there. */
  public static MiraklSellerSpec requireOrSkip() {
    Optional<MiraklSellerSpec> spec = load();
    if (spec.isEmpty()) {
      Assumptions.abort("Skipped: the Mirakl OpenAPI spec was not found at " + SharedFolder.expected(RELATIVE_PATH)
          + " (set -Dsynchron.shared.dir)");
    }
    return spec.get();
  }

  /**
   * The operation id ({@code OR11}) for a method and path (a query string, if any, is ignored).
   *
   * @throws IllegalArgumentException when no operation of the spec matches
   */
  public String operationId(String method, String path) {
    String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    Resolution resolution = resolve(method, withoutQuery);
    if (resolution.operation() == null) {
      throw new IllegalArgumentException(resolution.problem());
    }
    return resolution.operation().id();
  }

  /**
   * Checks a request against the spec.
   *
   * @param method HTTP method, any case
   * @param pathWithoutQuery the raw (still percent-encoded) path, e.g. {@code /api/orders/Order-1-A/accept}
   * @param rawQuery the raw query string without {@code ?}; null or empty for none
   * @param contentType the Content-Type header; may be null when there is no body
   * @param body the body; null or empty for none
   * @return violations, empty when the request conforms
   */
  public synchronized List<String> validateRequest(String method, String pathWithoutQuery, String rawQuery,
      String contentType, String body) {
    Resolution resolution = resolve(method, pathWithoutQuery);
    if (resolution.operation() == null) {
      return List.of(resolution.problem());
    }
    Operation operation = resolution.operation();
    List<String> violations = new ArrayList<>();
    checkPathParameters(operation, resolution.pathValues(), violations);
    checkQuery(operation, rawQuery, violations);
    checkRequestBody(operation, contentType, body, violations);
    return violations;
  }

  /**
   * Checks a response against the spec.
   *
   * @param method HTTP method of the request, any case
   * @param pathWithoutQuery the raw path of the request
   * @param status the HTTP status
   * @param contentType the response's Content-Type header; may be null when there is no body
   * @param body the response body; null or empty for none
   * @return violations, empty when the response conforms
   */
  public synchronized List<String> validateResponse(String method, String pathWithoutQuery, int status,
      String contentType, String body) {
    Resolution resolution = resolve(method, pathWithoutQuery);
    if (resolution.operation() == null) {
      return List.of(resolution.problem());
    }
    Operation operation = resolution.operation();
    String label = operation.id() + " response " + status;
    JsonNode response = operation.node().path("responses").path(String.valueOf(status));
    if (response.isMissingNode()) {
      boolean allowed = status == 429 || status >= 500
          || (operation.documentsErrorCodes() && DOCUMENTED_ERROR_STATUSES.contains(status));
      return allowed ? List.of() : List.of(label + ": status not declared by the spec (declared: "
          + String.join(", ", operation.node().path("responses").propertyNames()) + ")");
    }
    JsonNode content = response.path("content");
    boolean hasBody = body != null && !body.isBlank();
    if (content.isMissingNode() || content.isEmpty()) {
      return hasBody ? List.of(label + ": the spec declares no body, but one was sent") : List.of();
    }
    String pointer = operation.pointer() + "/responses/" + escape(String.valueOf(status)) + "/content";
    return checkContent(label + " body", content, pointer, contentType, body, true, responseSchemas);
  }

  private void checkRequestBody(Operation operation, String contentType, String body, List<String> violations) {
    String label = operation.id() + " request body";
    JsonNode requestBody = operation.node().path("requestBody");
    boolean hasBody = body != null && !body.isBlank();
    if (requestBody.isMissingNode()) {
      if (hasBody) {
        violations.add(label + ": the spec declares no request body, but one was sent");
      }
      return;
    }
    violations.addAll(checkContent(label, requestBody.path("content"), operation.pointer() + "/requestBody/content",
        contentType, body, requestBody.path("required").asBoolean(false), requestSchemas));
  }

  private List<String> checkContent(String label, JsonNode content, String contentPointer, String contentType,
      String body, boolean bodyRequired, OpenApiSchemas schemas) {
    boolean hasBody = body != null && !body.isBlank();
    String declaredType = null;
    if (contentType != null && !contentType.isBlank()) {
      String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
      declaredType = content.propertyNames().stream()
          .filter(t -> t.toLowerCase(Locale.ROOT).equals(mediaType)).findFirst().orElse(null);
      if (declaredType == null && hasBody) {
        return List.of(label + ": media type " + mediaType + " not declared (declared: "
            + String.join(", ", content.propertyNames()) + ")");
      }
    }
    if (!hasBody) {
      return bodyRequired || requiresProperties(content) ? List.of(label + ": missing, but the spec requires one")
          : List.of();
    }
    if (declaredType == null) {
      return List.of(label + ": no Content-Type (declared: " + String.join(", ", content.propertyNames()) + ")");
    }
    if (!isJson(declaredType) || content.path(declaredType).path("schema").isMissingNode()) {
      return List.of();
    }
    try {
      JSON.readTree(body);
    } catch (JacksonException e) {
      return List.of(label + ": not valid JSON: " + e.getOriginalMessage());
    }
    String schemaPointer = contentPointer + "/" + escape(declaredType) + "/schema";
    List<String> violations = new ArrayList<>();
    for (ValidationMessage message : schemas.validate(schemaPointer, body)) {
      violations.add(label + ": " + message.getMessage());
    }
    return violations;
  }

  private boolean requiresProperties(JsonNode content) {
    for (JsonNode media : content.values()) {
      JsonNode schema = media.path("schema");
      if (schema.has("$ref")) {
        schema = document.at(JsonPointer.compile(schema.path("$ref").asString().substring(1)));
      }
      if (!schema.path("required").isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private void checkPathParameters(Operation operation, Map<String, String> values, List<String> violations) {
    for (Map.Entry<String, String> value : values.entrySet()) {
      Parameter parameter = operation.pathParameters().get(value.getKey());
      if (parameter == null) {
        violations.add(operation.id() + " path parameter " + value.getKey() + " is not declared by the spec");
        continue;
      }
      String decoded;
      try {
        decoded = URLDecoder.decode(value.getValue().replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        violations.add(operation.id() + " path parameter " + parameter.name() + ": bad percent-encoding");
        continue;
      }
      checkParameterValues(operation, "path", parameter, List.of(decoded), violations);
    }
  }

  private void checkQuery(Operation operation, String rawQuery, List<String> violations) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        try {
          String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
          String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
          query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        } catch (IllegalArgumentException e) {
          violations.add(operation.id() + " query: bad percent-encoding in '" + pair + "'");
        }
      }
    }
    for (Map.Entry<String, List<String>> entry : query.entrySet()) {
      String name = entry.getKey();
      Parameter parameter = operation.queryParameters().get(name);
      if (parameter != null) {
        checkParameterValues(operation, "query", parameter, entry.getValue(), violations);
      } else if (operation.offsetPagination() && PAGINATION_PARAMETERS.contains(name)) {
        checkPagination(operation, name, entry.getValue(), violations);
      } else if (operation.seekPagination() && SEEK_PARAMETERS.contains(name)) {
        checkSeekPagination(operation, name, entry.getValue(), violations);
      } else {
        violations.add(operation.id() + " query parameter " + name + " is not declared by the spec (declared: "
            + String.join(", ", new TreeSet<>(operation.queryParameters().keySet())) + ")");
      }
    }
    for (Parameter parameter : operation.queryParameters().values()) {
      if (parameter.required() && !query.containsKey(parameter.name())) {
        violations.add(operation.id() + " query parameter " + parameter.name() + " is required but missing");
      }
    }
  }

  private void checkParameterValues(Operation operation, String in, Parameter parameter, List<String> values,
      List<String> violations) {
    String label = operation.id() + " " + in + " parameter " + parameter.name();
    boolean array = "array".equals(parameter.type());
    if (!array && values.size() > 1) {
      violations.add(label + ": given " + values.size() + " times, but it is not an array");
      return;
    }
    List<String> items = new ArrayList<>();
    for (String value : values) {
      items.addAll(parameter.commaSeparated() ? List.of(value.split(",", -1)) : List.of(value));
    }
    String itemType = array ? parameter.itemType() : parameter.type();
    for (int i = 0; i < items.size(); i++) {
      String item = items.get(i);
      Optional<String> json = toJson(itemType, item);
      String itemLabel = label + "='" + item + "'";
      if (json.isEmpty()) {
        violations.add(itemLabel + ": not a valid " + itemType);
        continue;
      }
      String pointer = parameter.schemaPointer() + (array ? "/items" : "");
      for (ValidationMessage message : requestSchemas.validate(pointer, json.get())) {
        String text = message.getMessage();
        violations.add(itemLabel + ": " + (text.startsWith("$: ") ? text.substring(3) : text));
      }
    }
  }

  private static Optional<String> toJson(String type, String raw) {
    switch (type == null ? "" : type) {
      case "integer":
        return raw.matches("-?\\d+") ? Optional.of(raw) : Optional.empty();
      case "number":
        return JSON_NUMBER.matcher(raw).matches() ? Optional.of(raw) : Optional.empty();
      case "boolean":
        return raw.equals("true") || raw.equals("false") ? Optional.of(raw) : Optional.empty();
      default:
        return Optional.of(JSON.writeValueAsString(raw));
    }
  }

  /**
   * Seek pagination ({@code limit}, {@code page_token}, {@code sort=field[,ASC|DESC]}), which this copy of the spec
   * describes in prose ("supports seek pagination") without declaring the parameters, as for offset pagination.
   */
  private static void checkSeekPagination(Operation operation, String name, List<String> values,
      List<String> violations) {
    String label = operation.id() + " query parameter " + name;
    if (values.size() > 1) {
      violations.add(label + ": given " + values.size() + " times");
      return;
    }
    String value = values.get(0);
    String problem = switch (name) {
      case "limit" -> value.matches("[1-9]\\d*") ? null : "not a positive integer";
      case "page_token" -> value.isEmpty() ? "empty" : null;
      default -> {
        String field = value.split(",", 2)[0];
        boolean directionOk = !value.contains(",") || value.endsWith(",ASC") || value.endsWith(",DESC")
            || value.endsWith(",asc") || value.endsWith(",desc");
        yield !directionOk ? "direction not ASC or DESC"
            : operation.sortFields().isEmpty() || operation.sortFields().contains(field) ? null
                : "not one of the sort fields " + operation.sortFields();
      }
    };
    if (problem != null) {
      violations.add(label + "='" + value + "': " + problem
          + " (a seek-pagination parameter the operation's description documents)");
    }
  }

  private static void checkPagination(Operation operation, String name, List<String> values,
      List<String> violations) {
    String label = operation.id() + " query parameter " + name;
    if (values.size() > 1) {
      violations.add(label + ": given " + values.size() + " times");
      return;
    }
    String value = values.get(0);
    String problem = switch (name) {
      case "max", "offset" -> value.matches("\\d+") ? null : "not a non-negative integer";
      case "paginate" -> value.equals("true") || value.equals("false") ? null : "not a boolean";
      case "order" -> value.equals("asc") || value.equals("desc") ? null : "not asc or desc";
      default -> operation.sortFields().isEmpty() ? (value.isEmpty() ? "empty" : null)
          : operation.sortFields().contains(value) ? null : "not one of the sort fields " + operation.sortFields();
    };
    if (problem != null) {
      violations.add(label + "='" + value + "': " + problem
          + " (an offset-pagination parameter the operation's description documents)");
    }
  }

  private Resolution resolve(String method, String path) {
    String verb = method.toLowerCase(Locale.ROOT);
    Set<String> methodsHere = new TreeSet<>();
    for (Operation operation : operations) {
      Matcher matcher = operation.pattern().matcher(path);
      if (!matcher.matches()) {
        continue;
      }
      if (operation.method().equals(verb)) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < operation.variables().size(); i++) {
          values.put(operation.variables().get(i), matcher.group(i + 1));
        }
        return new Resolution(operation, values, null);
      }
      methodsHere.add(operation.method().toUpperCase(Locale.ROOT));
    }
    String request = method.toUpperCase(Locale.ROOT) + " " + path;
    return new Resolution(null, Map.of(), methodsHere.isEmpty()
        ? request + ": no path of the Mirakl seller spec matches"
        : request + ": the spec declares only " + String.join(", ", methodsHere) + " on this path");
  }

  private static List<Operation> readOperations(JsonNode document) {
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> pathItem : document.path("paths").properties()) {
      String template = pathItem.getKey();
      List<String> variables = new ArrayList<>();
      StringBuilder regex = new StringBuilder();
      int literalSegments = 0;
      for (String segment : template.substring(1).split("/", -1)) {
        regex.append('/');
        if (segment.startsWith("{") && segment.endsWith("}")) {
          variables.add(segment.substring(1, segment.length() - 1));
          regex.append("([^/]+)");
        } else {
          literalSegments++;
          regex.append(Pattern.quote(segment));
        }
      }
      for (Map.Entry<String, JsonNode> entry : pathItem.getValue().properties()) {
        if (!METHODS.contains(entry.getKey())) {
          continue;
        }
        String pointer = "/paths/" + escape(template) + "/" + entry.getKey();
        operations.add(readOperation(document, template, entry.getKey(), entry.getValue(), pointer,
            Pattern.compile(regex.toString()), variables, literalSegments, pathItem.getValue()));
      }
    }
    // Literal segments win over variables: PUT /api/orders/shipping_from is OR07, not an order id.
    operations.sort(Comparator.comparingInt(Operation::literalSegments).reversed());
    return List.copyOf(operations);
  }

  private static Operation readOperation(JsonNode document, String template, String method, JsonNode node,
      String pointer, Pattern pattern, List<String> variables, int literalSegments, JsonNode pathItem) {
    Map<String, Parameter> query = new LinkedHashMap<>();
    Map<String, Parameter> path = new LinkedHashMap<>();
    String pathItemPointer = pointer.substring(0, pointer.lastIndexOf('/'));
    readParameters(document, pathItem.path("parameters"), pathItemPointer + "/parameters", query, path);
    readParameters(document, node.path("parameters"), pointer + "/parameters", query, path);
    String description = node.path("description").asString("");
    Set<String> sortFields = new LinkedHashSet<>();
    int sortSection = description.indexOf("Sort fields");
    if (sortSection >= 0) {
      int end = description.indexOf("</ul>", sortSection);
      Matcher matcher = SORT_FIELD.matcher(description.substring(sortSection, end < 0 ? description.length() : end));
      while (matcher.find()) {
        sortFields.add(matcher.group(1).trim());
      }
    }
    return new Operation(node.path("operationId").asString(method + " " + template), method, pattern,
        List.copyOf(variables), literalSegments, pointer, node, query, path,
        description.contains("supports offset pagination"), description.contains("supports seek pagination"),
        sortFields, description.contains("Error Codes"));
  }

  private static void readParameters(JsonNode document, JsonNode parameters, String pointer,
      Map<String, Parameter> query, Map<String, Parameter> path) {
    for (int i = 0; i < parameters.size(); i++) {
      JsonNode parameter = parameters.get(i);
      String parameterPointer = pointer + "/" + i;
      if (parameter.has("$ref")) {
        parameterPointer = parameter.path("$ref").asString().substring(1);
        parameter = document.at(JsonPointer.compile(parameterPointer));
      }
      JsonNode schema = parameter.path("schema");
      String in = parameter.path("in").asString("");
      Parameter read = new Parameter(parameter.path("name").asString(), parameter.path("required").asBoolean(false),
          parameterPointer + "/schema", schema.path("type").asString(null),
          schema.path("items").path("type").asString(null),
          parameter.path("description").asString("").toLowerCase(Locale.ROOT).contains("comma-separated"));
      if (in.equals("query")) {
        query.put(read.name(), read);
      } else if (in.equals("path")) {
        path.put(read.name(), read);
      }
    }
  }

  private static boolean isJson(String mediaType) {
    String type = mediaType.toLowerCase(Locale.ROOT);
    return type.equals("application/json") || type.endsWith("+json");
  }

  private static String escape(String pointerToken) {
    return pointerToken.replace("~", "~0").replace("/", "~1");
  }

  private record Operation(String id, String method, Pattern pattern, List<String> variables, int literalSegments,
      String pointer, JsonNode node, Map<String, Parameter> queryParameters, Map<String, Parameter> pathParameters,
      boolean offsetPagination, boolean seekPagination, Set<String> sortFields, boolean documentsErrorCodes) {
  }

  private record Parameter(String name, boolean required, String schemaPointer, String type, String itemType,
      boolean commaSeparated) {
  }

  private record Resolution(Operation operation, Map<String, String> pathValues, String problem) {
  }
}
