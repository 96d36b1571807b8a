package io.synchron.simulator.mirakl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP face of the simulator. A request goes through, in order: API key check (401), {@code
 * shop_id} check (400 if not an integer, 403 if it names another shop than the configured one),
 * routing (404), the {@code minIntervalPerOperation} limit (429), the next scripted fault, then the
 * operation itself. Every exchange is journaled.
 */
final class HttpFrontend implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(HttpFrontend.class);
  private static final Pattern ORDER_ACTION_PATH =
      Pattern.compile("^/api/orders/([^/]+)/(accept|tracking|ship|cancel|documents)$");
  private static final Map<String, String> ORDER_ACTIONS =
      Map.of(
          "PUT accept", "OR21",
          "PUT tracking", "OR23",
          "PUT ship", "OR24",
          "PUT cancel", "OR29",
          "POST documents", "OR74");
  private static final Pattern RESOLVE_INCIDENT_PATH =
      Pattern.compile("^/api/orders/([^/]+)/lines/([^/]+)/resolve_incident$");
  private static final Pattern DOCUMENT_REQUEST_LINES_PATH =
      Pattern.compile("^/api/document-request/([^/]+)/lines$");
  private static final Map<String, String> FIXED_ROUTES =
      Map.ofEntries(
          Map.entry("GET /api/document-request/requests", "DR11"),
          Map.entry("POST /api/document-request/documents/upload", "DR74"),
          Map.entry("GET /api/orders", "OR11"),
          Map.entry("GET /api/orders/documents", "OR72"),
          Map.entry("PUT /api/orders/refund", "OR28"),
          Map.entry("PUT /api/orders/cancel", "OR30"),
          Map.entry("GET /api/shipping/carriers", "SH21"),
          Map.entry("GET /api/reasons", "RE01"),
          Map.entry("POST /api/returns", "RT01"),
          Map.entry("GET /api/returns", "RT11"),
          Map.entry("GET /api/returns/items_to_return", "RT12"),
          Map.entry("PUT /api/returns/accept", "RT21"),
          Map.entry("PUT /api/returns/receive", "RT25"),
          Map.entry("PUT /api/returns/compliance", "RT26"),
          Map.entry("PUT /api/returns/close", "RT27"),
          Map.entry("PUT /api/returns/cancel", "RT29"),
          Map.entry("POST /api/shipments", "ST01"),
          Map.entry("GET /api/shipments", "ST11"),
          Map.entry("POST /api/shipments/tracking", "ST23"),
          Map.entry("PUT /api/shipments/ship", "ST24"));
  private static final String JSON = "application/json;charset=UTF-8";

  private final MiraklSimulator.Options options;
  private volatile boolean multiShipment;
  private volatile boolean documentRequests;
  private final DocumentRequestDesk requests;
  private final OrderBook book;
  private final ShipmentDesk shipments;
  private final DocumentDesk documents;
  private final ReturnDesk returns;
  private final ScriptedFaults faults;
  private final Consumer<RecordedExchange> journal;
  private final JsonMapper mapper;
  private final RequestParser parser;
  private final Map<String, Instant> lastAdmitted = new HashMap<>();

  HttpFrontend(
      MiraklSimulator.Options options,
      OrderBook book,
      ShipmentDesk shipments,
      DocumentDesk documents,
      DocumentRequestDesk requests,
      ReturnDesk returns,
      ScriptedFaults faults,
      Consumer<RecordedExchange> journal,
      JsonMapper mapper) {
    this.options = options;
    this.multiShipment = options.multiShipment();
    this.documentRequests = options.documentRequests();
    this.requests = requests;
    this.book = book;
    this.shipments = shipments;
    this.documents = documents;
    this.returns = returns;
    this.faults = faults;
    this.journal = journal;
    this.mapper = mapper;
    this.parser = new RequestParser(mapper);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    Map<String, List<String>> requestHeaders = new LinkedHashMap<>(exchange.getRequestHeaders());
    Route route = Route.of(method, path);
    String requestBody = "";
    Set<String> orderIds = Set.of();
    Answer answer;
    try {
      byte[] bytes = exchange.getRequestBody().readAllBytes();
      requestBody = new String(bytes, StandardCharsets.UTF_8);
      orderIds =
          referencedOrders(
              route,
              query,
              requestBody,
              bytes,
              exchange.getRequestHeaders().getFirst("Content-Type"));
      answer = process(exchange, route, query, new Body(requestBody, bytes));
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
            route == null ? null : route.operation,
            orderIds));
    try {
      send(exchange, answer);
    } catch (IOException e) {
      // The client gave up, typically on a read timeout provoked by a delay fault.
      LOG.debug("Could not answer {} {}: {}", method, path, e.toString());
    } finally {
      exchange.close();
    }
  }

  private Answer process(HttpExchange exchange, Route route, String query, Body body) {
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
    Answer answer =
        run(route, params, body, exchange.getRequestHeaders().getFirst("Content-Type"));
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

  private Answer run(
      Route route, Map<String, List<String>> params, Body body, String contentType) {
    try {
      switch (route.operation) {
        case "OR11":
          return ok(book.list(OrdersQuery.parse(params)));
        case "OR21":
          ApiError error = book.accept(route.orderId, parseAcceptance(body.text));
          if (error != null) {
            return error(error);
          }
          return noContent();
        case "SH21":
          return ok(shipments.carriers());
        case "RE01":
          return ok(reasons());
        case "OR23":
          shipments.updateTracking(route.orderId, parser.orderTracking(body.text));
          return noContent();
        case "OR24":
          shipments.ship(route.orderId);
          return noContent();
        case "OR29":
          book.cancelOrder(route.orderId);
          return noContent();
        case "OR64":
          book.resolveIncident(
              route.orderId, route.resourceId, parser.incidentResolution(body.text));
          return noContent();
        case "OR30":
          JsonNode cancel = parser.object(body.text);
          return ok(
              book.cancelLines(
                  parser.adjustments(cancel, "cancelations", true), parser.taxMode(cancel)));
        case "OR28":
          JsonNode refund = parser.object(body.text);
          return ok(
              book.refund(parser.adjustments(refund, "refunds", false), parser.taxMode(refund)));
        case "OR74":
          return uploadDocuments(route.orderId, body.bytes, contentType);
        case "OR72":
          return ok(documents.list(requiredOrderIds(params)));
        case "DR11":
        case "DR12":
        case "DR74":
          return runDocumentRequests(route, params, body, contentType);
        case "RT01":
        case "RT11":
        case "RT12":
        case "RT21":
        case "RT25":
        case "RT26":
        case "RT27":
        case "RT29":
          return runReturns(route, params, body);
        default:
          return runShipments(route, params, body);
      }
    } catch (ApiError.Failure failure) {
      return error(failure.error);
    }
  }

  private Answer runShipments(Route route, Map<String, List<String>> params, Body body) {
    if (!multiShipment) {
      // A marketplace without multi-shipment answers so (reference 3.2): a 404 whose body says it.
      return error(ApiError.of(404, "Multi-shipment is not enabled on this marketplace"));
    }
    switch (route.operation) {
      case "ST01":
        return new Answer(201, jsonHeaders(), json(shipments.create(parser.shipments(body.text))));
      case "ST11":
        return ok(shipments.list(shipmentsQuery(params)));
      case "ST23":
        return ok(shipments.updateTracking(parser.shipmentTrackings(body.text)));
      case "ST24":
        return ok(shipments.ship(parser.shipmentIds(body.text)));
      default:
        throw new IllegalStateException("no handler for " + route.operation);
    }
  }

  private Answer runReturns(Route route, Map<String, List<String>> params, Body body) {
    if (!returns.enabled()) {
      // An operator without returns: the endpoints are not there.
      return error(ApiError.of(404, "Returns are not enabled on this marketplace"));
    }
    switch (route.operation) {
      case "RT01":
        return ok(returns.create(parser.returnCreations(body.text)));
      case "RT11":
        return ok(returns.list(SeekPage.Request.read("RT11", params, mapper)));
      case "RT12":
        return ok(returns.itemsToReturn(SeekPage.Request.read("RT12", params, mapper)));
      case "RT21":
        return ok(returns.decide(parser.returnDecisions(body.text)));
      case "RT25":
        return ok(returns.receive(parser.returnIds(body.text)));
      case "RT26":
        return ok(returns.comply(parser.returnCompliances(body.text)));
      case "RT27":
        return ok(returns.close(parser.returnIds(body.text)));
      case "RT29":
        return ok(returns.cancel(parser.returnIds(body.text)));
      default:
        throw new IllegalStateException("no handler for " + route.operation);
    }
  }

  private Answer runDocumentRequests(
      Route route, Map<String, List<String>> params, Body body, String contentType) {
    if (!documentRequests) {
      // An operator that does not use accounting document requests: the endpoints are not there.
      return error(
          ApiError.of(404, "Accounting document requests are not enabled on this marketplace"));
    }
    switch (route.operation) {
      case "DR11":
        return ok(requests.list(documentRequestsQuery(params)));
      case "DR12":
        return ok(requests.lines(route.resourceId));
      case "DR74":
        return uploadAccountingDocuments(body.bytes, contentType);
      default:
        throw new IllegalStateException("no handler for " + route.operation);
    }
  }

  private Answer uploadAccountingDocuments(byte[] body, String contentType) {
    List<Multipart.Part> parts = Multipart.parse(body, contentType);
    Map<String, byte[]> files = new LinkedHashMap<>();
    Set<String> repeated = new LinkedHashSet<>();
    String input = null;
    for (Multipart.Part part : parts) {
      if (part.name().equals("files")) {
        if (part.fileName() == null || part.fileName().isBlank()) {
          throw validation("files", "Every files part needs a file name");
        }
        if (files.put(part.fileName(), part.content()) != null) {
          repeated.add(part.fileName());
        }
      } else if (part.name().equals("documents_input")) {
        input = part.text();
      }
    }
    if (input == null) {
      throw validation("documents_input", "The documents_input part is required");
    }
    if (files.isEmpty()) {
      throw validation("files", "At least one files part is required");
    }
    return ok(requests.upload(accountingDocuments(input), files, repeated));
  }

  private List<DocumentRequestDesk.UploadInput> accountingDocuments(String text) {
    JsonNode root;
    try {
      root = mapper.readTree(text);
    } catch (JacksonException e) {
      throw validation("documents_input", "Malformed JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !root.path("requests").isArray()) {
      throw validation("documents_input.requests", "requests is required and must be an array");
    }
    List<DocumentRequestDesk.UploadInput> inputs = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : root.get("requests")) {
      String field = "requests[" + index++ + "]";
      if (!entry.isObject()) {
        throw validation(field, "Each request must be an object");
      }
      String requestId = requiredText(entry, "request_id", field);
      String number = requiredText(entry, "document_number", field);
      JsonNode filesNode = entry.get("files");
      if (filesNode == null || !filesNode.isArray()) {
        throw new ApiError.Failure(
            ApiError.badRequest("INVALID_FIELD_TYPE", field + ".files", "Field type is invalid"));
      }
      List<DocumentRequestDesk.FileInput> files = new ArrayList<>();
      int fileIndex = 0;
      for (JsonNode file : filesNode) {
        String fileField = field + ".files[" + fileIndex++ + "]";
        if (!file.isObject()) {
          throw new ApiError.Failure(
              ApiError.badRequest("INVALID_FIELD_TYPE", fileField, "Field type is invalid"));
        }
        files.add(
            new DocumentRequestDesk.FileInput(
                requiredText(file, "format", fileField), requiredText(file, "name", fileField)));
      }
      inputs.add(
          new DocumentRequestDesk.UploadInput(
              requestId,
              number,
              jsonDate(entry, "issue_date", field),
              jsonDate(entry, "due_date", field),
              jsonAmount(entry, "total_amount_excluding_taxes", field),
              jsonAmount(entry, "total_tax_amount", field),
              files));
    }
    return inputs;
  }

  private static String requiredText(JsonNode node, String name, String field) {
    JsonNode value = node.get(name);
    if (value == null || !value.isString() || value.stringValue().isBlank()) {
      throw validation(field + "." + name, name + " is required and must be a string");
    }
    return value.stringValue();
  }

  private static Instant jsonDate(JsonNode node, String name, String field) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.asString()).toInstant();
    } catch (DateTimeParseException e) {
      throw validation(field + "." + name, name + " must be an ISO-8601 date-time with an offset");
    }
  }

  private static BigDecimal jsonAmount(JsonNode node, String name, String field) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw new ApiError.Failure(
          ApiError.badRequest("INVALID_FIELD_TYPE", field + "." + name, "Field type is invalid"));
    }
    return value.decimalValue();
  }

  private static DocumentRequestDesk.Query documentRequestsQuery(Map<String, List<String>> params) {
    Set<String> entityIds = list(params.get("entity_id"));
    Set<String> entityTypes =
        checkedValues(params, "entity_type", DocumentRequestDesk.ENTITY_TYPES);
    if (!entityIds.isEmpty() && entityTypes == null) {
      throw validation("entity_type", "entity_type must be given with entity_id");
    }
    int limit = DocumentRequestDesk.Query.DEFAULT_LIMIT;
    String limitText = last(params, "limit");
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText);
      } catch (NumberFormatException e) {
        throw validation("limit", "limit must be an integer");
      }
      if (limit < 1 || limit > DocumentRequestDesk.Query.MAX_LIMIT) {
        throw validation("limit", "limit must be between 1 and 100");
      }
    }
    int offset = 0;
    String token = last(params, "page_token");
    if (token != null) {
      offset = ShipmentDesk.ShipmentsQuery.offsetOf(token);
      if (offset < 0) {
        throw validation("page_token", "Unknown page_token");
      }
    }
    boolean descending = true;
    String sort = last(params, "sort");
    if (sort != null) {
      String[] pieces = sort.split(",");
      if (!pieces[0].trim().equals("dateCreated")
          || pieces.length > 2
          || (pieces.length == 2 && !pieces[1].trim().matches("(?i)asc|desc"))) {
        throw validation("sort", "sort must be dateCreated, optionally with ,ASC or ,DESC");
      }
      descending = pieces.length == 1 || pieces[1].trim().equalsIgnoreCase("desc");
    }
    String paymentState = last(params, "payment_state");
    if (paymentState != null && !paymentState.equals("PAID") && !paymentState.equals("PENDING")) {
      throw validation("payment_state", "payment_state must be PAID or PENDING");
    }
    // These filters apply only to billing-cycle and purchase-order requests, never to a
    // PRODUCT_LOGISTIC_ORDER one (the spec's parameter descriptions).
    boolean onlyOther =
        paymentState != null
            || last(params, "shop_billing_cycle_id") != null
            || date(params, "shop_billing_cycle_from") != null
            || date(params, "shop_billing_cycle_to") != null
            || date(params, "billing_cycle_from") != null
            || date(params, "billing_cycle_to") != null;
    Set<String> ids = list(params.get("id"));
    Set<String> numbers = list(params.get("document_number"));
    return new DocumentRequestDesk.Query(
        ids.isEmpty() ? null : ids,
        numbers.isEmpty() ? null : numbers,
        checkedValues(params, "state", DocumentRequestDesk.STATES),
        checkedValues(params, "type", DocumentRequestDesk.TYPES),
        checkedValues(params, "issuer_type", DocumentRequestDesk.ISSUER_TYPES),
        entityIds.isEmpty() ? null : entityIds,
        entityTypes,
        date(params, "date_created_from"),
        date(params, "date_created_to"),
        date(params, "last_updated_from"),
        date(params, "last_updated_to"),
        date(params, "issue_date_from"),
        date(params, "issue_date_to"),
        onlyOther,
        limit,
        offset,
        descending);
  }

  /** A repeatable enum parameter's values, null if absent; 400 for one outside {@code allowed}. */
  private static Set<String> checkedValues(
      Map<String, List<String>> params, String name, Set<String> allowed) {
    Set<String> values = list(params.get(name));
    for (String value : values) {
      if (!allowed.contains(value)) {
        throw validation(name, name + " must be one of " + new TreeSet<>(allowed));
      }
    }
    return values.isEmpty() ? null : values;
  }

  private Answer uploadDocuments(String orderId, byte[] body, String contentType) {
    List<Multipart.Part> parts = Multipart.parse(body, contentType);
    Map<String, byte[]> files = new LinkedHashMap<>();
    String metadata = null;
    for (Multipart.Part part : parts) {
      if (part.name().equals("files")) {
        if (part.fileName() == null || part.fileName().isBlank()) {
          throw validation("files", "Every files part needs a file name");
        }
        files.put(part.fileName(), part.content());
      } else if (part.name().equals("order_documents")) {
        metadata = part.text();
      }
    }
    if (files.isEmpty()) {
      throw validation("files", "At least one files part is required");
    }
    if (metadata == null) {
      throw validation("order_documents", "The order_documents part is required");
    }
    return ok(documents.upload(orderId, parser.documents(metadata), files));
  }

  private ObjectNode reasons() {
    ObjectNode body = mapper.createObjectNode();
    ArrayNode array = body.putArray("reasons");
    for (Reason reason : options.reasons()) {
      ObjectNode json = array.addObject();
      json.put("code", reason.code());
      json.put("label", reason.label());
      json.put("type", reason.type());
      json.put("is_shop_right", reason.shopRight());
    }
    // Deprecated but still required by the spec's RE01 schema.
    body.put("total_count", array.size());
    return body;
  }

  private static Set<String> requiredOrderIds(Map<String, List<String>> params) {
    Set<String> ids = list(params.get("order_ids"));
    if (ids.isEmpty()) {
      throw validation("order_ids", "order_ids is required");
    }
    if (ids.size() > OrdersQuery.MAX_PAGE) {
      throw validation("order_ids", "At most 100 order ids may be given");
    }
    return ids;
  }

  private static ShipmentDesk.ShipmentsQuery shipmentsQuery(Map<String, List<String>> params) {
    Set<String> states = list(params.get("shipment_state_code"));
    Set<String> debitStates = list(params.get("shipment_customer_debit_state_code"));
    int limit = ShipmentDesk.ShipmentsQuery.DEFAULT_LIMIT;
    String limitText = last(params, "limit");
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText);
      } catch (NumberFormatException e) {
        throw validation("limit", "limit must be an integer");
      }
      if (limit < 1 || limit > ShipmentDesk.ShipmentsQuery.MAX_LIMIT) {
        throw validation("limit", "limit must be between 1 and 100");
      }
    }
    int offset = 0;
    String token = last(params, "page_token");
    if (token != null) {
      offset = ShipmentDesk.ShipmentsQuery.offsetOf(token);
      if (offset < 0) {
        throw validation("page_token", "Unknown page_token");
      }
    }
    boolean descending = false;
    String sort = last(params, "sort");
    if (sort != null) {
      String[] pieces = sort.split(",");
      if (!pieces[0].trim().equals("dateCreated")
          || pieces.length > 2
          || (pieces.length == 2 && !pieces[1].trim().matches("(?i)asc|desc"))) {
        throw validation("sort", "sort must be dateCreated, optionally with ,ASC or ,DESC");
      }
      descending = pieces.length == 2 && pieces[1].trim().equalsIgnoreCase("desc");
    }
    Set<String> orderIds = list(params.get("order_id"));
    return new ShipmentDesk.ShipmentsQuery(
        orderIds.isEmpty() ? null : orderIds,
        states.isEmpty() ? null : states,
        debitStates.isEmpty() ? null : debitStates,
        date(params, "last_updated_from"),
        date(params, "last_updated_to"),
        limit,
        offset,
        descending);
  }

  private static Instant date(Map<String, List<String>> params, String name) {
    String value = last(params, name);
    if (value == null) {
      return null;
    }
    try {
      // An unencoded '+' of an offset arrives as a space after form decoding.
      return OffsetDateTime.parse(value.replace(' ', '+')).toInstant();
    } catch (DateTimeParseException e) {
      throw validation(name, name + " must be an ISO-8601 date-time with an offset");
    }
  }

  private static String last(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    String value = values.get(values.size() - 1).trim();
    return value.isEmpty() ? null : value;
  }

  /** Repeated and comma-separated values, blanks dropped. */
  private static Set<String> list(List<String> values) {
    Set<String> items = new LinkedHashSet<>();
    if (values != null) {
      for (String value : values) {
        for (String item : value.split(",")) {
          if (!item.isBlank()) {
            items.add(item.trim());
          }
        }
      }
    }
    return items;
  }

  /** The orders a request names, for the journal; best effort, never failing the request. */
  private Set<String> referencedOrders(
      Route route, String query, String body, byte[] bytes, String contentType) {
    if (route == null) {
      return Set.of();
    }
    if (route.orderId != null) {
      return Set.of(route.orderId);
    }
    try {
      switch (route.operation) {
        case "OR11":
        case "OR72":
          return list(parseQuery(query).get("order_ids"));
        case "ST11":
          return list(parseQuery(query).get("order_id"));
        case "OR28":
          return book.ordersOfLines(fieldValues(body, "refunds", "order_line_id"));
        case "OR30":
          return book.ordersOfLines(fieldValues(body, "cancelations", "order_line_id"));
        case "ST01":
          return new LinkedHashSet<>(fieldValues(body, "shipments", "order_id"));
        case "DR11":
          return documentRequestOrders(query);
        case "DR12":
          return ordersOfRequests(List.of(route.resourceId));
        case "DR74":
          return ordersOfRequests(uploadedRequestIds(bytes, contentType));
        case "ST23":
        case "ST24":
          return shipments.ordersOfShipments(fieldValues(body, "shipments", "id"));
        case "RT01":
          return returns.ordersOfCommercialIds(
              fieldValues(body, "returns", "order_commercial_id"));
        case "RT11":
        case "RT12":
          return returnListOrders(route.operation, query);
        case "RT21":
        case "RT25":
        case "RT26":
        case "RT27":
        case "RT29":
          return returns.ordersOfReturns(fieldValues(body, "returns", "id"));
        default:
          return Set.of();
      }
    } catch (RuntimeException e) {
      return Set.of();
    }
  }

  /**
   * RT11 and RT12: the orders of the commercial ids, order line ids and return ids filtered on,
   * read from the page token when there is one.
   */
  private Set<String> returnListOrders(String operation, String query) {
    Map<String, List<String>> params =
        SeekPage.Request.read(operation, parseQuery(query), mapper).params();
    Set<String> orders =
        new LinkedHashSet<>(returns.ordersOfCommercialIds(list(params.get("order_commercial_id"))));
    orders.addAll(book.ordersOfLines(list(params.get("order_line_id"))));
    orders.addAll(returns.ordersOfReturns(list(params.get("return_id"))));
    return orders;
  }

  /** DR11: the entity ids filtered on, and the orders of the request ids filtered on. */
  private Set<String> documentRequestOrders(String query) {
    Map<String, List<String>> params = parseQuery(query);
    Set<String> orders = new LinkedHashSet<>(list(params.get("entity_id")));
    orders.addAll(ordersOfRequests(new ArrayList<>(list(params.get("id")))));
    return orders;
  }

  private Set<String> ordersOfRequests(List<String> requestIds) {
    Set<String> orders = new LinkedHashSet<>();
    for (String requestId : requestIds) {
      String orderId = requests.orderOf(requestId);
      if (orderId != null) {
        orders.add(orderId);
      }
    }
    return orders;
  }

  private List<String> uploadedRequestIds(byte[] bytes, String contentType) {
    for (Multipart.Part part : Multipart.parse(bytes, contentType)) {
      if (part.name().equals("documents_input")) {
        return fieldValues(part.text(), "requests", "request_id");
      }
    }
    return List.of();
  }

  private List<String> fieldValues(String body, String arrayField, String field) {
    List<String> values = new ArrayList<>();
    JsonNode array = mapper.readTree(body).get(arrayField);
    if (array != null && array.isArray()) {
      for (JsonNode entry : array) {
        JsonNode value = entry.get(field);
        if (value != null && value.isString()) {
          values.add(value.stringValue());
        }
      }
    }
    return values;
  }

  private Answer ok(ObjectNode body) {
    return new Answer(200, jsonHeaders(), json(body));
  }

  private String json(ObjectNode body) {
    return mapper.writeValueAsString(body);
  }

  private static Answer noContent() {
    return new Answer(204, new LinkedHashMap<>(), "");
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

  /**
   * A matched operation; {@code orderId} is set for those with an order id in their path, {@code
   * resourceId} for DR12's document request id and OR64's order line id.
   */
  private record Route(String operation, String orderId, String resourceId) {
    Route(String operation, String orderId) {
      this(operation, orderId, null);
    }

    static Route of(String method, String rawPath) {
      String fixed = FIXED_ROUTES.get(method + " " + rawPath);
      if (fixed != null) {
        return new Route(fixed, null);
      }
      Matcher lines = DOCUMENT_REQUEST_LINES_PATH.matcher(rawPath);
      if (lines.matches()) {
        if (!method.equals("GET")) {
          return null;
        }
        try {
          String segment = lines.group(1).replace("+", "%2B");
          return new Route(
              "DR12", null, URLDecoder.decode(segment, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
      Matcher incident = RESOLVE_INCIDENT_PATH.matcher(rawPath);
      if (incident.matches()) {
        if (!method.equals("PUT")) {
          return null;
        }
        try {
          return new Route(
              "OR64", pathSegment(incident.group(1)), pathSegment(incident.group(2)));
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
      Matcher action = ORDER_ACTION_PATH.matcher(rawPath);
      if (!action.matches()) {
        return null;
      }
      String operation = ORDER_ACTIONS.get(method + " " + action.group(2));
      if (operation == null) {
        return null;
      }
      try {
        // Path segments are percent-encoded, not form-encoded: a '+' stays a '+'.
        String segment = action.group(1).replace("+", "%2B");
        return new Route(operation, URLDecoder.decode(segment, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    /** Path segments are percent-encoded, not form-encoded: a '+' stays a '+'. */
    private static String pathSegment(String raw) {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
  }

  /** A request body, as text for JSON and as bytes for multipart. */
  private record Body(String text, byte[] bytes) {}

  private record Answer(int status, Map<String, List<String>> headers, String body) {}

  /** Switches whether the operator uses accounting document requests while running. */
  void documentRequests(boolean enabled) {
    this.documentRequests = enabled;
  }

  /** Switches whether the operator has returns enabled while running. */
  void returns(boolean enabled) {
    returns.enabled(enabled);
  }

  /** Switches the operator's multi-shipment setting while running. */
  void multiShipment(boolean enabled) {
    this.multiShipment = enabled;
  }
}
