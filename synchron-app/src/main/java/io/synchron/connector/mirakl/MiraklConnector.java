package io.synchron.connector.mirakl;

import io.synchron.connector.MalformedPayloadException;
import io.synchron.connector.MarketplaceConnector;
import io.synchron.order.MarketplaceOrder;
import io.synchron.order.MarketplaceOrder.TaxMode;
import io.synchron.order.MarketplaceState;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Mirakl seller account. Orders are read with OR11 by last-update date (never by creation date, which loses
 * orders), sorted by creation date so that offset paging over a window closed at the poll's start is stable;
 * acceptance is OR21 with every line in one call.
 */
public final class MiraklConnector implements MarketplaceConnector {

  static final String PLATFORM = "Mirakl";

  private final String channelId;
  private final MiraklClient client;
  private final JsonMapper json;

  public MiraklConnector(
      String channelId, URI baseUrl, String apiKey, Long shopId, Duration timeout, HttpClient http) {
    this.channelId = channelId;
    this.json =
        JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    this.client = new MiraklClient(http, baseUrl, apiKey, shopId, timeout, json);
  }

  @Override
  public String channelId() {
    return channelId;
  }

  @Override
  public String platformName() {
    return "mirakl";
  }

  @Override
  public OrderPage updatedOrders(Instant since, int offset, int pageSize) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("start_update_date", DateTimeFormatter.ISO_INSTANT.format(since));
    query.put("sort", "dateCreated");
    query.put("order", "asc");
    query.put("max", Integer.toString(Math.min(100, pageSize)));
    query.put("offset", Integer.toString(offset));
    return page(client.get("OR11", "/api/orders", query));
  }

  @Override
  public Optional<MarketplaceOrder> currentOrder(String orderId) {
    OrderPage page = page(client.get("OR11", "/api/orders", Map.of("order_ids", orderId)));
    return page.orders().stream()
        .filter(o -> orderId.equals(o.orderId()))
        .findFirst()
        .map(this::read);
  }

  @Override
  public void decide(String orderId, List<String> lineIds, boolean accept) {
    List<MiraklDtos.AcceptLine> lines = lineIds.stream().map(id -> new MiraklDtos.AcceptLine(id, accept)).toList();
    client.put("OR21", "/api/orders/" + encodePath(orderId) + "/accept", new MiraklDtos.Accept(lines));
  }

  @Override
  public List<Carrier> carriers() {
    MiraklDtos.Carriers list = parse("SH21", client.get("SH21", "/api/shipping/carriers", Map.of()), MiraklDtos.Carriers.class);
    return list.carriers() == null
        ? List.of()
        : list.carriers().stream().map(c -> new Carrier(c.code(), c.label(), c.standardCode(), c.trackingUrl())).toList();
  }

  @Override
  public List<Reason> reasons(String type) {
    MiraklDtos.Reasons list = parse("RE01", client.get("RE01", "/api/reasons", Map.of()), MiraklDtos.Reasons.class);
    return list.reasons() == null
        ? List.of()
        : list.reasons().stream()
            .filter(r -> type.equals(r.type()) && !Boolean.FALSE.equals(r.isShopRight()))
            .map(r -> new Reason(r.code(), r.label(), r.type()))
            .toList();
  }

  @Override
  public void setTracking(String orderId, CarrierTracking t) {
    client.put("OR23", "/api/orders/" + encodePath(orderId) + "/tracking",
        new MiraklDtos.TrackingUpdate(t.carrierCode(), t.carrierCode() == null ? t.carrierName() : null,
            t.carrierCode() == null ? t.carrierUrl() : null, t.trackingNumber()));
  }

  @Override
  public void confirmShipment(String orderId) {
    client.put("OR24", "/api/orders/" + encodePath(orderId) + "/ship", null);
  }

  @Override
  public String createShipment(String orderId, Map<String, Integer> quantityByLine, CarrierTracking t) {
    List<MiraklDtos.ShipmentLine> lines = quantityByLine.entrySet().stream()
        .map(e -> new MiraklDtos.ShipmentLine(e.getKey(), e.getValue())).toList();
    MiraklDtos.NewShipments body = new MiraklDtos.NewShipments(List.of(
        new MiraklDtos.NewShipment(orderId, lines, shipmentTracking(t), true)));
    String answer;
    try {
      answer = client.post("ST01", "/api/shipments", body);
    } catch (MiraklException e) {
      if (e.status() == 404) {
        throw new io.synchron.connector.MultiShipmentUnavailableException(
            "Multiple shipments are not enabled on this marketplace (ST01 answered 404)");
      }
      throw e;
    }
    MiraklDtos.ShipmentResults results = parse("ST01", answer, MiraklDtos.ShipmentResults.class);
    if (results.shipmentErrors() != null && !results.shipmentErrors().isEmpty()) {
      String message = results.shipmentErrors().get(0).message();
      throw new MiraklException("ST01 refused the shipment of " + orderId + ": " + message, 200, null, null,
          new io.synchron.shared.Failure.Permanent(message), null);
    }
    if (results.shipmentSuccess() == null || results.shipmentSuccess().isEmpty()) {
      throw new io.synchron.connector.MalformedPayloadException(PLATFORM, "ST01 answered no shipment", null);
    }
    return results.shipmentSuccess().get(0).id();
  }

  @Override
  public List<RemoteShipment> shipments(String orderId) {
    String answer;
    try {
      answer = client.get("ST11", "/api/shipments", Map.of("order_id", orderId));
    } catch (MiraklException e) {
      if (e.status() == 404) {
        throw new io.synchron.connector.MultiShipmentUnavailableException(
            "Multiple shipments are not enabled on this marketplace (ST11 answered 404)");
      }
      throw e;
    }
    MiraklDtos.ShipmentPage page = parse("ST11", answer, MiraklDtos.ShipmentPage.class);
    if (page.data() == null) {
      return List.of();
    }
    return page.data().stream()
        .map(s -> new RemoteShipment(
            s.id(),
            s.status(),
            s.tracking() == null ? null : s.tracking().trackingNumber(),
            s.shipmentLines() == null
                ? Map.of()
                : s.shipmentLines().stream()
                    .filter(l -> l.orderLineId() != null && l.quantity() != null)
                    .collect(java.util.stream.Collectors.toMap(
                        MiraklDtos.ShipmentLine::orderLineId, MiraklDtos.ShipmentLine::quantity, Integer::sum))))
        .toList();
  }

  @Override
  public void updateShipmentTracking(String shipmentId, CarrierTracking t) {
    String answer = client.post("ST23", "/api/shipments/tracking", new MiraklDtos.TrackingChanges(
        List.of(new MiraklDtos.TrackingChange(shipmentId, shipmentTracking(t)))));
    MiraklDtos.ShipmentResults results = parse("ST23", answer, MiraklDtos.ShipmentResults.class);
    if (results.shipmentErrors() != null && !results.shipmentErrors().isEmpty()) {
      String message = results.shipmentErrors().get(0).message();
      throw new MiraklException("ST23 refused the tracking of shipment " + shipmentId + ": " + message, 200, null,
          null, new io.synchron.shared.Failure.Permanent(message), null);
    }
  }

  @Override
  public void cancelOrder(String orderId) {
    client.put("OR29", "/api/orders/" + encodePath(orderId) + "/cancel", null);
  }

  @Override
  public void cancelLines(String orderId, List<LineCancellation> lines) {
    List<MiraklDtos.Cancelation> cancelations = lines.stream()
        .map(l -> new MiraklDtos.Cancelation(l.lineId(), l.amount(), l.shippingAmount(), l.quantity(),
            l.reasonCode(), taxAmounts(l.taxes()), taxAmounts(l.shippingTaxes())))
        .toList();
    client.put("OR30", "/api/orders/cancel", new MiraklDtos.Cancelations(cancelations));
  }

  @Override
  public List<CreatedRefund> refundLines(List<LineRefund> refunds, MarketplaceOrder.TaxMode taxMode,
      String currency) {
    List<MiraklDtos.RefundRequest> lines = refunds.stream()
        .map(r -> new MiraklDtos.RefundRequest(r.lineId(), r.amount(), r.shippingAmount(), r.quantity(),
            r.reasonCode(), currency, taxAmounts(r.taxes()), taxAmounts(r.shippingTaxes())))
        .toList();
    String mode = taxMode == MarketplaceOrder.TaxMode.UNKNOWN ? null : taxMode.name();
    String answer = client.put("OR28", "/api/orders/refund", new MiraklDtos.RefundRequests(mode, lines));
    MiraklDtos.RefundsCreated created = parse("OR28", answer, MiraklDtos.RefundsCreated.class);
    if (created.refunds() == null) {
      throw new MalformedPayloadException(PLATFORM, "OR28 answered without refunds[]", null);
    }
    return created.refunds().stream()
        .map(r -> new CreatedRefund(r.refundId(), r.orderLineId(), r.amount(), r.shippingAmount()))
        .toList();
  }

  @Override
  public void resolveIncident(String orderId, String lineId, String reasonCode) {
    client.put("OR64", "/api/orders/" + encodePath(orderId) + "/lines/" + encodePath(lineId) + "/resolve_incident",
        new MiraklDtos.ResolveIncident(reasonCode));
  }

  /** The page size of RT11 reads (Mirakl's maximum). */
  static final int RETURNS_PAGE_SIZE = 100;

  /** The method of the returns the shop creates: the customer sends the parcel back. */
  static final String RETURN_METHOD = "RETURN_METHOD_BY_MAIL";

  @Override
  public List<MarketplaceReturn> returnsUpdatedSince(Instant since) {
    List<MarketplaceReturn> found = new ArrayList<>(
        returns(Map.of("return_last_updated_from", DateTimeFormatter.ISO_INSTANT.format(since)), RETURNS_PAGE_SIZE));
    // RT11 sorts by creation date only; callers want the oldest change first.
    found.sort(java.util.Comparator.comparing(MarketplaceReturn::updatedAt,
        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
    return found;
  }

  @Override
  public Optional<MarketplaceReturn> marketplaceReturn(String returnId) {
    return returns(Map.of("return_id", returnId), RETURNS_PAGE_SIZE).stream()
        .filter(r -> returnId.equals(r.id()))
        .findFirst();
  }

  @Override
  public List<MarketplaceReturn> returnsOfOrder(String orderCommercialId) {
    return returns(Map.of("order_commercial_id", orderCommercialId), RETURNS_PAGE_SIZE).stream()
        .filter(r -> orderCommercialId.equals(r.orderCommercialId()))
        .toList();
  }

  /**
   * Every page of RT11 with these filters, in Mirakl's order (creation date), following next_page_token as DR11
   * does. Package-visible so the contract test can page with a small page size.
   */
  List<MarketplaceReturn> returns(Map<String, String> filters, int pageSize) {
    List<MarketplaceReturn> found = new ArrayList<>();
    String token = null;
    for (int page = 0; page < 1000; page++) {
      Map<String, String> query = new LinkedHashMap<>(filters);
      query.put("limit", Integer.toString(Math.max(1, Math.min(100, pageSize))));
      if (token != null) {
        query.put("page_token", token);
      }
      MiraklDtos.ReturnPage answer = parse("RT11", returnsCall("RT11", () -> client.get("RT11", "/api/returns", query)),
          MiraklDtos.ReturnPage.class);
      if (answer.data() == null) {
        throw new MalformedPayloadException(PLATFORM, "RT11 answered without data[]", null);
      }
      for (MiraklDtos.Return r : answer.data()) {
        found.add(toReturn("RT11", r));
      }
      if (answer.nextPageToken() == null || answer.nextPageToken().isEmpty()) {
        break;
      }
      token = answer.nextPageToken();
    }
    return found;
  }

  @Override
  public List<String> decideReturn(String returnId, boolean accept, String rejectionReasonCode) {
    MiraklDtos.ReturnDecisions body = new MiraklDtos.ReturnDecisions(List.of(
        new MiraklDtos.ReturnDecision(returnId, accept, accept ? null : rejectionReasonCode)));
    return updateErrors("RT21", returnsCall("RT21", () -> client.put("RT21", "/api/returns/accept", body)));
  }

  @Override
  public List<String> receiveReturn(String returnId) {
    MiraklDtos.ReturnIds body = new MiraklDtos.ReturnIds(List.of(new MiraklDtos.ReturnId(returnId)));
    return updateErrors("RT25", returnsCall("RT25", () -> client.put("RT25", "/api/returns/receive", body)));
  }

  @Override
  public MarketplaceReturn createReturn(String orderCommercialId, Map<String, Integer> quantityByLine,
      String reasonCode) {
    List<MiraklDtos.ReturnLine> lines = quantityByLine.entrySet().stream()
        .filter(e -> e.getValue() != null && e.getValue() > 0)
        .map(e -> new MiraklDtos.ReturnLine(e.getKey(), e.getValue(), reasonCode))
        .toList();
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("A return of order " + orderCommercialId + " needs at least one unit");
    }
    MiraklDtos.NewReturns body = new MiraklDtos.NewReturns(List.of(
        new MiraklDtos.NewReturn(orderCommercialId, RETURN_METHOD, reasonCode, true, lines)));
    MiraklDtos.ReturnsCreated created = parse("RT01",
        returnsCall("RT01", () -> client.post("RT01", "/api/returns", body)), MiraklDtos.ReturnsCreated.class);
    if (created.returnErrors() != null && !created.returnErrors().isEmpty()) {
      String message = created.returnErrors().stream()
          .map(e -> e.message() == null ? "(no message)" : e.message())
          .collect(java.util.stream.Collectors.joining("; "));
      throw new MiraklException("RT01 refused the return of " + orderCommercialId + ": " + message, 200, null, null,
          new io.synchron.shared.Failure.Permanent(message), null);
    }
    if (created.returnSuccess() == null || created.returnSuccess().isEmpty()) {
      throw new MalformedPayloadException(PLATFORM, "RT01 answered neither a return nor an error", null);
    }
    return toReturn("RT01", created.returnSuccess().get(0));
  }

  /** Runs an RT call; a 404 means the operator has not enabled returns (the endpoints are not there). */
  private String returnsCall(String operation, java.util.function.Supplier<String> call) {
    try {
      return call.get();
    } catch (MiraklException e) {
      if (e.status() == 404) {
        throw new io.synchron.connector.FeatureUnavailableException(
            "Returns are not enabled on this marketplace (" + operation + " answered 404)");
      }
      throw e;
    }
  }

  /** RT21 and RT25 answer 200 with return_errors for the returns they refused: their messages. */
  private List<String> updateErrors(String operation, String answer) {
    MiraklDtos.ReturnUpdates updates = parse(operation, answer, MiraklDtos.ReturnUpdates.class);
    if (updates.returnErrors() == null) {
      return List.of();
    }
    return updates.returnErrors().stream()
        .map(e -> e.message() == null ? operation + " refused the return without a message" : e.message())
        .toList();
  }

  private static MarketplaceReturn toReturn(String operation, MiraklDtos.Return r) {
    if (r.id() == null) {
      throw new MalformedPayloadException(PLATFORM, operation + " answered a return without an id", null);
    }
    List<ReturnLine> lines = new ArrayList<>();
    String lineReason = null;
    for (MiraklDtos.ReturnLine line : r.returnLines() == null ? List.<MiraklDtos.ReturnLine>of() : r.returnLines()) {
      if (line == null || line.orderLineId() == null || line.quantity() == null) {
        throw new MalformedPayloadException(PLATFORM,
            operation + " answered return " + r.id() + " with a line missing order_line_id or quantity", null);
      }
      lines.add(new ReturnLine(line.orderLineId(), line.quantity()));
      if (lineReason == null) {
        lineReason = line.reasonCode();
      }
    }
    return new MarketplaceReturn(r.id(), r.orderId(), r.orderCommercialId(),
        r.state() != null ? r.state() : r.status(), r.reasonCode() != null ? r.reasonCode() : lineReason, lines,
        r.lastUpdated());
  }

  @Override
  public List<String> uploadDocument(String orderId, String fileName, String typeCode, byte[] content) {
    String metadata = json.writeValueAsString(java.util.Map.of("order_documents",
        List.of(java.util.Map.of("file_name", fileName, "type_code", typeCode))));
    String answer = client.postMultipart("OR74", "/api/orders/" + encodePath(orderId) + "/documents", List.of(
        new MiraklClient.Part("files", fileName, contentType(fileName), content),
        new MiraklClient.Part("order_documents", null, "application/json",
            metadata.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    JsonNode root;
    try {
      root = json.readTree(answer);
    } catch (JacksonException e) {
      throw new MalformedPayloadException(PLATFORM, "OR74 answered unreadable JSON: " + e.getOriginalMessage(), e);
    }
    List<String> errors = new ArrayList<>();
    for (JsonNode document : root.path("order_documents")) {
      for (JsonNode error : document.path("errors")) {
        errors.add(error.path("code").asString("") + " (" + error.path("field").asString("") + "): "
            + error.path("message").asString(""));
      }
    }
    return errors;
  }

  @Override
  public List<DocumentRequest> openDocumentRequests() {
    List<DocumentRequest> requests = new ArrayList<>();
    String token = null;
    for (int page = 0; page < 1000; page++) {
      Map<String, String> query = new LinkedHashMap<>();
      query.put("state", "TO_PROCESS");
      query.put("entity_type", "PRODUCT_LOGISTIC_ORDER");
      query.put("limit", "100");
      if (token != null) {
        query.put("page_token", token);
      }
      String answer;
      try {
        answer = client.get("DR11", "/api/document-request/requests", query);
      } catch (MiraklException e) {
        if (e.status() == 404) {
          return List.of();
        }
        throw e;
      }
      JsonNode root;
      try {
        root = json.readTree(answer);
      } catch (JacksonException e) {
        throw new MalformedPayloadException(PLATFORM, "DR11 answered unreadable JSON: " + e.getOriginalMessage(), e);
      }
      for (JsonNode r : root.path("data")) {
        requests.add(new DocumentRequest(r.path("id").asString(), r.path("type").asString(null),
            r.path("entity_id").asString(null), r.path("currency_iso_code").asString(null),
            r.path("total_amount_excluding_taxes").decimalValue(), r.path("total_tax_amount").decimalValue()));
      }
      JsonNode next = root.get("next_page_token");
      if (next == null || next.isNull() || next.asString().isEmpty()) {
        break;
      }
      token = next.asString();
    }
    return requests;
  }

  @Override
  public List<String> answerDocumentRequest(String requestId, String documentNumber, java.time.LocalDate issueDate,
      java.math.BigDecimal totalExcludingTaxes, java.math.BigDecimal totalTax, String fileName, byte[] pdf) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("request_id", requestId);
    request.put("document_number", documentNumber);
    request.put("issue_date", issueDate.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toString());
    request.put("total_amount_excluding_taxes", totalExcludingTaxes);
    request.put("total_tax_amount", totalTax);
    request.put("files", List.of(Map.of("name", fileName, "format", "PDF")));
    String input = json.writeValueAsString(Map.of("requests", List.of(request)));
    String answer = client.postMultipart("DR74", "/api/document-request/documents/upload", List.of(
        new MiraklClient.Part("files", fileName, "application/pdf", pdf),
        new MiraklClient.Part("documents_input", null, "application/json",
            input.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    List<String> errors = new ArrayList<>();
    try {
      JsonNode root = json.readTree(answer);
      collectErrors(root, errors);
    } catch (JacksonException e) {
      throw new MalformedPayloadException(PLATFORM, "DR74 answered unreadable JSON: " + e.getOriginalMessage(), e);
    }
    return errors;
  }

  /** DR74 answers 200 with errors on the refused requests: gather every {code, message} it carries. */
  private static void collectErrors(JsonNode node, List<String> errors) {
    if (node.isObject()) {
      JsonNode list = node.get("errors");
      if (list != null && list.isArray()) {
        for (JsonNode e : list) {
          errors.add(e.path("code").asString("") + ": " + e.path("message").asString(""));
        }
      }
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (!field.getKey().equals("errors")) {
          collectErrors(field.getValue(), errors);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        collectErrors(child, errors);
      }
    }
  }

  @Override
  public List<String> documentFileNames(String orderId) {
    String answer = client.get("OR72", "/api/orders/documents", Map.of("order_ids", orderId));
    List<String> names = new ArrayList<>();
    try {
      for (JsonNode document : json.readTree(answer).path("order_documents")) {
        String name = document.path("file_name").asString(null);
        if (name != null) {
          names.add(name);
        }
      }
    } catch (JacksonException e) {
      throw new MalformedPayloadException(PLATFORM, "OR72 answered unreadable JSON: " + e.getOriginalMessage(), e);
    }
    return names;
  }

  private static String contentType(String fileName) {
    String lower = fileName.toLowerCase(java.util.Locale.ROOT);
    return lower.endsWith(".pdf") ? "application/pdf" : lower.endsWith(".xml") ? "application/xml"
        : "application/octet-stream";
  }

  /**
   * Units of the line cancelled but still counted in its {@code quantity}. UNCERTAIN: Mirakl does not document
   * whether {@code quantity} drops after a partial cancellation (Mirakl Connect's does). Read as the seller spec's
   * shape suggests (quantity as ordered, cancellations listed beside it), the cancellations' quantities are
   * subtracted; where that would leave nothing on a line that is not cancelled, the quantity must already be the
   * remainder, and nothing is subtracted.
   */
  static int cancelledUnits(MiraklDtos.OrderLine l) {
    if (l.cancelations() == null || l.cancelations().isEmpty() || l.quantity() == null) {
      return 0;
    }
    int cancelled = l.cancelations().stream().mapToInt(c -> c.quantity() == null ? 0 : c.quantity()).sum();
    if (cancelled <= 0) {
      return 0;
    }
    if (cancelled >= l.quantity() && !"CANCELED".equals(l.orderLineState())) {
      return 0;
    }
    return Math.min(cancelled, l.quantity());
  }

  private static List<MiraklDtos.TaxAmount> taxAmounts(List<MarketplaceOrder.Tax> taxes) {
    return taxes.stream().map(t -> new MiraklDtos.TaxAmount(t.code(), t.amount())).toList();
  }

  private static MiraklDtos.ShipmentTracking shipmentTracking(CarrierTracking t) {
    return new MiraklDtos.ShipmentTracking(t.carrierCode(), t.carrierCode() == null ? t.carrierName() : null,
        t.trackingNumber(), t.carrierCode() == null ? t.carrierUrl() : null);
  }

  private <T> T parse(String operation, String body, Class<T> type) {
    try {
      return json.readValue(body, type);
    } catch (JacksonException e) {
      throw new MalformedPayloadException(PLATFORM, operation + " answered unreadable JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String encodePath(String segment) {
    return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  private OrderPage page(String body) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JacksonException e) {
      throw new MalformedPayloadException(PLATFORM, "OR11 answered unreadable JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode orders = root == null ? null : root.get("orders");
    if (orders == null || !orders.isArray()) {
      throw new MalformedPayloadException(PLATFORM, "OR11 answer has no 'orders' array", null);
    }
    List<RawOrder> raw = new ArrayList<>();
    for (JsonNode order : orders) {
      raw.add(new RawOrder(text(order, "order_id"), instant(order, "last_updated_date"), json.writeValueAsString(order)));
    }
    JsonNode total = root.get("total_count");
    int totalCount = total != null && total.canConvertToInt() ? total.asInt() : raw.size();
    return new OrderPage(raw, totalCount);
  }

  @Override
  public MarketplaceOrder read(RawOrder raw) {
    try {
      return readOrder(raw);
    } catch (MalformedPayloadException e) {
      throw e;
    } catch (RuntimeException e) {
      // e.g. a null inside a list where an object is expected: unreadable data, not a bug to retry.
      throw new MalformedPayloadException(PLATFORM, "Order " + raw.orderId() + " cannot be read: " + e, e);
    }
  }

  private MarketplaceOrder readOrder(RawOrder raw) {
    MiraklDtos.Order o;
    try {
      o = json.readValue(raw.json(), MiraklDtos.Order.class);
    } catch (JacksonException e) {
      throw new MalformedPayloadException(
          PLATFORM, "Order " + raw.orderId() + " cannot be read: " + e.getOriginalMessage(), e);
    }
    require(o.orderId(), "order_id", raw);
    require(o.orderState(), "order_state", raw);
    require(o.lastUpdatedDate(), "last_updated_date", raw);
    require(o.orderLines(), "order_lines", raw);
    List<MarketplaceOrder.Line> lines = new ArrayList<>();
    for (MiraklDtos.OrderLine l : o.orderLines()) {
      require(l.orderLineId(), "order_lines[].order_line_id", raw);
      require(l.offerSku(), "order_lines[].offer_sku of " + l.orderLineId(), raw);
      require(l.quantity(), "order_lines[].quantity of " + l.orderLineId(), raw);
      lines.add(
          new MarketplaceOrder.Line(
              l.orderLineId(),
              l.offerSku(),
              l.productTitle(),
              l.quantity(),
              l.priceUnit(),
              l.price(),
              l.shippingPrice(),
              l.totalCommission() != null ? l.totalCommission() : l.commissionFee(),
              taxes(l.taxes()),
              taxes(l.shippingTaxes()),
              l.orderLineState(),
              l.refunds() == null
                  ? List.of()
                  : l.refunds().stream()
                      .filter(r -> r.id() != null)
                      .map(r -> new MarketplaceOrder.Refund(r.id(), r.amount(), r.shippingAmount(), taxes(r.taxes()),
                          taxes(r.shippingTaxes()), r.reasonCode(), r.refundState() != null ? r.refundState() : r.state(),
                          r.quantity() == null ? 0 : r.quantity()))
                      .toList(),
              cancelledUnits(l)));
    }
    MiraklDtos.Customer c = o.customer();
    return new MarketplaceOrder(
        o.orderId(),
        o.commercialId(),
        MarketplaceState.parse(o.orderState()),
        o.orderState(),
        o.createdDate(),
        o.lastUpdatedDate(),
        o.currencyIsoCode(),
        taxMode(o.orderTaxMode()),
        o.orderTaxMode(),
        o.shippingPrice(),
        o.totalPrice(),
        o.totalCommission(),
        o.shippingDeadline(),
        o.references() == null ? null : o.references().orderReferenceForCustomer(),
        o.channel() == null ? null : o.channel().code(),
        o.shippingTypeLabel() != null ? o.shippingTypeLabel() : o.shippingTypeCode(),
        c == null
            ? null
            : new MarketplaceOrder.Customer(
                c.customerId(),
                c.firstname(),
                c.lastname(),
                o.customerNotificationEmail(),
                address(c.billingAddress()),
                address(c.shippingAddress())),
        lines);
  }

  private static TaxMode taxMode(String raw) {
    if ("TAX_INCLUDED".equals(raw)) {
      return TaxMode.TAX_INCLUDED;
    }
    if ("TAX_EXCLUDED".equals(raw)) {
      return TaxMode.TAX_EXCLUDED;
    }
    return TaxMode.UNKNOWN;
  }

  private static List<MarketplaceOrder.Tax> taxes(List<MiraklDtos.Tax> taxes) {
    if (taxes == null) {
      return List.of();
    }
    return taxes.stream()
        .map(t -> new MarketplaceOrder.Tax(t.code(), t.rate(), t.amount() == null ? BigDecimal.ZERO : t.amount()))
        .toList();
  }

  private static MarketplaceOrder.Address address(MiraklDtos.Address a) {
    if (a == null) {
      return null;
    }
    return new MarketplaceOrder.Address(
        a.firstname(), a.lastname(), a.company(), a.street1(), a.street2(), a.zipCode(), a.city(), a.state(),
        a.countryIsoCode(), a.phone());
  }

  private static void require(Object value, String field, RawOrder raw) {
    if (value == null) {
      throw new MalformedPayloadException(
          PLATFORM, "Order " + raw.orderId() + " is missing the required field " + field, null);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
  }

  private static Instant instant(JsonNode node, String field) {
    String value = text(node, field);
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
