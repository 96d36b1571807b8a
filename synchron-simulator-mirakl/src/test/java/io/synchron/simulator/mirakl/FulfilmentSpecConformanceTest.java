package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;

import io.synchron.simulator.mirakl.MiraklClient.FormPart;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks the fulfilment, cancellation, refund, document and reference-data operations against
 * Mirakl's seller OpenAPI spec in the shared reference directory (system property {@code
 * synchron.shared.dir}, else {@code ../../shared} or {@code ../shared}): their paths and codes,
 * their statuses, the fields their answers must and may carry, and that the requests the simulator
 * accepts are ones the spec describes.
 */
class FulfilmentSpecConformanceTest {
  private static final String SPEC = "specs/mirakl/mmp-seller-openapi.json";

  /** Operation code to {method, path} in the spec. */
  private static final Map<String, List<String>> OPERATIONS =
      Map.ofEntries(
          Map.entry("SH21", List.of("get", "/api/shipping/carriers")),
          Map.entry("RE01", List.of("get", "/api/reasons")),
          Map.entry("OR23", List.of("put", "/api/orders/{order_id}/tracking")),
          Map.entry("OR24", List.of("put", "/api/orders/{order_id}/ship")),
          Map.entry("OR28", List.of("put", "/api/orders/refund")),
          Map.entry("OR29", List.of("put", "/api/orders/{order_id}/cancel")),
          Map.entry("OR30", List.of("put", "/api/orders/cancel")),
          Map.entry(
              "OR64", List.of("put", "/api/orders/{order_id}/lines/{line}/resolve_incident")),
          Map.entry("OR72", List.of("get", "/api/orders/documents")),
          Map.entry("OR74", List.of("post", "/api/orders/{order_id}/documents")),
          Map.entry("ST01", List.of("post", "/api/shipments")),
          Map.entry("ST11", List.of("get", "/api/shipments")),
          Map.entry("ST23", List.of("post", "/api/shipments/tracking")),
          Map.entry("ST24", List.of("put", "/api/shipments/ship")));

  /** As in {@link SpecConformanceTest}: the spec declares no error response at all. */
  private static final Set<Integer> GENERIC_ERROR_STATUSES = Set.of(400, 401, 403, 404, 429);

  private static final String METADATA =
      "{\"order_documents\":[{\"file_name\":\"INV-1.pdf\",\"type_code\":\"CUSTOMER_INVOICE\"}]}";

  private static JsonNode spec;
  private static MiraklSimulator simulator;
  private static MiraklSimulator withoutMultiShipment;
  private static MiraklClient client;
  private static final List<RecordedExchange> exchanges = new ArrayList<>();
  private static final List<String> ordersToCheck = new ArrayList<>();

  @BeforeAll
  static void loadSpecAndExerciseEveryOperation() throws Exception {
    Path specFile = locateSpec();
    if (specFile == null) {
      Assumptions.abort(
          "Mirakl seller spec not found: set -Dsynchron.shared.dir to the shared reference"
              + " directory holding "
              + SPEC);
    }
    spec = MiraklClient.JSON.readTree(Files.readString(specFile));
    simulator =
        MiraklSimulator.start(
            MiraklSimulator.Options.defaults().withShopId(2001L).withMultiShipment(true));
    withoutMultiShipment = MiraklSimulator.start(MiraklSimulator.Options.defaults());
    client = new MiraklClient(simulator);
    exercise();
    exerciseWithoutMultiShipment();
    exchanges.addAll(simulator.journal());
    exchanges.addAll(withoutMultiShipment.journal());
  }

  @AfterAll
  static void stop() {
    if (simulator != null) {
      simulator.close();
      withoutMultiShipment.close();
    }
  }

  private static Path locateSpec() {
    return SpecWalk.locateSpec();
  }

  /** Drives every operation through its successes and the errors it answers by itself. */
  private static void exercise() {
    MiraklClient anonymous = new MiraklClient(simulator.baseUrl(), null);
    client.get("/api/shipping/carriers");
    anonymous.get("/api/shipping/carriers");
    simulator.faults().enqueue("SH21", Fault.rateLimited(Duration.ofSeconds(1)));
    client.get("/api/shipping/carriers");
    client.get("/api/reasons");
    client.get("/api/reasons?shop_id=9");

    String tracked = Fixtures.shipping(simulator, client);
    client.put(
        "/api/orders/" + tracked + "/tracking",
        "{\"carrier_code\":\"UPS\",\"tracking_number\":\"1Z1\"}");
    client.put(
        "/api/orders/" + tracked + "/tracking",
        "{\"carrier_name\":\"Local\",\"carrier_url\":\"https://local.example/1\","
            + "\"tracking_number\":\"1\"}");
    client.put("/api/orders/" + tracked + "/tracking", "{\"carrier_code\":\"PIGEON\"}");
    client.put("/api/orders/Nope-A/tracking", "{\"carrier_code\":\"UPS\"}");
    client.put("/api/orders/" + tracked + "/ship");
    client.put("/api/orders/" + tracked + "/ship");
    client.put("/api/orders/Nope-A/ship");
    anonymous.put("/api/orders/" + tracked + "/ship");
    ordersToCheck.add(tracked);

    String refunded = Fixtures.shipped(simulator, client);
    client.put(
        "/api/orders/refund",
        "{\"refunds\":[{\"order_line_id\":\""
            + refunded
            + "-1\",\"amount\":10,\"shipping_amount\":1,\"quantity\":1,\"reason_code\":\"15\"}]}");
    client.put(
        "/api/orders/refund",
        "{\"order_tax_mode\":\"TAX_EXCLUDED\",\"refunds\":[{\"order_line_id\":\""
            + refunded
            + "-2\",\"amount\":1,\"shipping_amount\":0,\"reason_code\":\"19\","
            + "\"taxes\":[{\"code\":\"VAT\",\"amount\":0.2}]}]}");
    client.put(
        "/api/orders/refund",
        "{\"refunds\":[{\"order_line_id\":\""
            + refunded
            + "-2\",\"amount\":100,\"shipping_amount\":0,\"reason_code\":\"15\"}]}");
    client.put(
        "/api/orders/refund",
        "{\"refunds\":[{\"order_line_id\":\"Nope-A-1\",\"amount\":1,\"shipping_amount\":0,"
            + "\"reason_code\":\"15\"}]}");
    simulator.refundByOperator(refunded, refunded + "-1", BigDecimal.ONE, BigDecimal.ZERO, "20");
    simulator.completeRefunds(refunded);
    client.upload(refunded, "INV-1.pdf", "CUSTOMER_INVOICE", new byte[] {1, 2});
    client.upload(refunded, "label.pdf", "SYSTEM_RETURN_LABEL", new byte[] {1});
    client.upload("Nope-A", "INV-1.pdf", "CUSTOMER_INVOICE", new byte[] {1});
    client.multipart(
        "/api/orders/" + refunded + "/documents",
        List.of(FormPart.file("files", "a.pdf", "application/pdf", new byte[] {1})));
    client.get("/api/orders/documents?order_ids=" + refunded);
    client.get("/api/orders/documents");
    ordersToCheck.add(refunded);

    String received = Fixtures.shipped(simulator, client);
    simulator.openIncident(received, received + "-1", "1");
    simulator.confirmReceipt(received);
    ordersToCheck.add(received);
    String resolved = Fixtures.shipped(simulator, client);
    String resolvePath = "/api/orders/" + resolved + "/lines/" + resolved + "-2/resolve_incident";
    simulator.openIncident(resolved, resolved + "-2", "2");
    client.put(resolvePath, "{\"reason_code\":\"10\"}");
    client.put(resolvePath, "{\"reason_code\":\"8\"}");
    client.put(resolvePath, "{\"reason_code\":\"8\"}");
    client.put("/api/orders/Nope-A/lines/Nope-A-1/resolve_incident", "{\"reason_code\":\"8\"}");
    ordersToCheck.add(resolved);
    String closed = Fixtures.shipped(simulator, client);
    simulator.confirmReceipt(closed);
    simulator.close(closed);
    client.put(
        "/api/orders/refund",
        "{\"refunds\":[{\"order_line_id\":\""
            + closed
            + "-1\",\"amount\":1,\"shipping_amount\":0,\"reason_code\":\"15\"}]}");
    ordersToCheck.add(closed);

    String partlyCanceled = Fixtures.shipping(simulator, client);
    client.put(
        "/api/orders/cancel",
        "{\"cancelations\":[{\"order_line_id\":\""
            + partlyCanceled
            + "-1\",\"amount\":19.99,\"shipping_amount\":0,\"quantity\":1,"
            + "\"reason_code\":\"35\"}]}");
    client.put(
        "/api/orders/cancel",
        "{\"order_tax_mode\":\"TAX_EXCLUDED\",\"cancelations\":[{\"order_line_id\":\""
            + partlyCanceled
            + "-2\",\"amount\":1,\"shipping_amount\":0,\"quantity\":0,\"reason_code\":\"34\","
            + "\"taxes\":[{\"code\":\"VAT\",\"amount\":0.2}],\"shipping_taxes\":[]}]}");
    client.put(
        "/api/orders/cancel",
        "{\"cancelations\":[{\"order_line_id\":\""
            + partlyCanceled
            + "-1\",\"amount\":1,\"shipping_amount\":0,\"quantity\":0,\"reason_code\":\"15\"}]}");
    ordersToCheck.add(partlyCanceled);

    String canceled = Fixtures.shipping(simulator, client);
    client.put("/api/orders/" + canceled + "/cancel");
    client.put("/api/orders/" + canceled + "/cancel");
    client.put("/api/orders/Nope-A/cancel");
    client.put(
        "/api/orders/cancel",
        "{\"cancelations\":[{\"order_line_id\":\""
            + canceled
            + "-1\",\"amount\":1,\"shipping_amount\":0,\"quantity\":0,\"reason_code\":\"34\"}]}");
    ordersToCheck.add(canceled);

    String multi = Fixtures.shipping(simulator, client);
    String created =
        client
            .post(
                "/api/shipments",
                "{\"shipments\":[{\"order_id\":\""
                    + multi
                    + "\",\"shipment_lines\":[{\"order_line_id\":\""
                    + multi
                    + "-1\",\"quantity\":2}],\"tracking\":{\"carrier_code\":\"DHL\","
                    + "\"tracking_number\":\"JD1\"},\"shipped\":false,"
                    + "\"invoice_reference\":\"INV-9\"},{\"order_id\":\"Nope-A\","
                    + "\"shipment_lines\":[{\"order_line_id\":\"Nope-A-1\",\"quantity\":1}]}]}")
            .body();
    String id = MiraklClient.JSON.readTree(created).at("/shipment_success/0/id").stringValue();
    client.post(
        "/api/shipments",
        "{\"shipments\":[{\"order_id\":\""
            + multi
            + "\",\"shipment_lines\":[{\"order_line_id\":\""
            + multi
            + "-2\",\"quantity\":1}],\"tracking\":{\"carrier_name\":\"Custom carrier\","
            + "\"tracking_url\":\"http://www.customcarrier.com/tracking\"},\"shipped\":true}]}");
    client.post("/api/shipments", "{\"shipments\":[]}");
    client.post(
        "/api/shipments/tracking",
        "{\"shipments\":[{\"id\":\""
            + id
            + "\",\"tracking\":{\"carrier_code\":\"DPD\",\"tracking_number\":\"D2\"}},"
            + "{\"id\":\"nope\",\"tracking\":{\"carrier_code\":\"DPD\"}}]}");
    client.put(
        "/api/shipments/ship", "{\"shipments\":[{\"id\":\"" + id + "\"},{\"id\":\"nope\"}]}");
    client.get("/api/shipments?order_id=" + multi);
    client.get("/api/shipments?limit=1");
    client.get("/api/shipments?limit=0");
    ordersToCheck.add(multi);
  }

  private static void exerciseWithoutMultiShipment() {
    MiraklClient other = new MiraklClient(withoutMultiShipment);
    other.post("/api/shipments", "{\"shipments\":[{\"order_id\":\"X-A\"}]}");
    other.get("/api/shipments");
    other.post("/api/shipments/tracking", "{\"shipments\":[{\"id\":\"x\"}]}");
    other.put("/api/shipments/ship", "{\"shipments\":[{\"id\":\"x\"}]}");
  }

  private static JsonNode operation(String code) {
    List<String> route = OPERATIONS.get(code);
    return spec.get("paths").get(route.get(1)).get(route.get(0));
  }

  private static Set<Integer> declaredStatuses(String code) {
    Set<Integer> statuses = new TreeSet<>();
    for (String status : operation(code).get("responses").propertyNames()) {
      statuses.add(Integer.valueOf(status));
    }
    return statuses;
  }

  private static Set<Integer> answeredStatuses(String code) {
    Set<Integer> statuses = new TreeSet<>();
    for (RecordedExchange exchange : exchanges) {
      if (code.equals(exchange.operation())) {
        statuses.add(exchange.status());
      }
    }
    return statuses;
  }

  private static JsonNode schema(String name) {
    return spec.get("components").get("schemas").get(name);
  }

  private static JsonNode resolve(JsonNode schema) {
    return SpecWalk.resolve(spec, schema);
  }

  private static JsonNode responseSchema(String code, int status) {
    return operation(code).at("/responses/" + status + "/content/application~1json/schema");
  }

  private static JsonNode requestSchema(String code) {
    return operation(code).at("/requestBody/content/application~1json/schema");
  }

  @Test
  void theSpecStillNamesTheOperationsTheSimulatorServes() {
    OPERATIONS.forEach(
        (code, route) ->
            assertThat(operation(code).get("operationId").stringValue()).isEqualTo(code));
  }

  @Test
  void theSuccessStatusesAreTheOnesTheSpecDeclares() {
    for (String code : OPERATIONS.keySet()) {
      assertThat(answeredStatuses(code))
          .as(code)
          .filteredOn(status -> status < 300)
          .containsExactlyElementsOf(declaredStatuses(code));
    }
  }

  @Test
  void everyStatusAnsweredIsDeclaredOrAGenericMiraklError() {
    for (String code : OPERATIONS.keySet()) {
      Set<Integer> allowed = new HashSet<>(declaredStatuses(code));
      allowed.addAll(GENERIC_ERROR_STATUSES);
      assertThat(answeredStatuses(code)).as(code).isSubsetOf(allowed);
    }
    assertThat(answeredStatuses("OR23")).contains(204, 400, 404);
    assertThat(answeredStatuses("OR24")).contains(204, 400, 401, 404);
    assertThat(answeredStatuses("OR28")).contains(200, 400);
    assertThat(answeredStatuses("OR29")).contains(204, 400, 404);
    assertThat(answeredStatuses("OR30")).contains(200, 400);
    assertThat(answeredStatuses("OR64")).contains(204, 400, 404);
    assertThat(answeredStatuses("OR72")).contains(200, 400);
    assertThat(answeredStatuses("OR74")).contains(200, 400, 404);
    assertThat(answeredStatuses("SH21")).contains(200, 401, 429);
    assertThat(answeredStatuses("RE01")).contains(200, 403);
    assertThat(answeredStatuses("ST01")).contains(201, 400, 404);
    assertThat(answeredStatuses("ST11")).contains(200, 400, 404);
    assertThat(answeredStatuses("ST23")).contains(200, 404);
    assertThat(answeredStatuses("ST24")).contains(200, 404);
  }

  @Test
  void everyErrorBodyCarriesTheLegacyShapeAndOnlyErrorCodesOfTheSpecsTables() {
    Set<String> documented = new HashSet<>();
    for (String tabled : List.of("OR21", "OR32")) {
      String path = tabled.equals("OR21") ? "/api/orders/{order_id}/accept" : "/api/orders/adjust";
      Matcher code =
          Pattern.compile("<code>([A-Z_]+)</code>")
              .matcher(spec.get("paths").get(path).get("put").get("description").stringValue());
      while (code.find()) {
        documented.add(code.group(1));
      }
    }
    Set<String> answered = new TreeSet<>();
    for (RecordedExchange exchange : exchanges) {
      if (!OPERATIONS.containsKey(exchange.operation()) || exchange.status() < 400) {
        continue;
      }
      JsonNode body = MiraklClient.JSON.readTree(exchange.responseBody());
      assertThat(body.get("status").intValue()).isEqualTo(exchange.status());
      assertThat(body.get("message").stringValue()).isNotBlank();
      if (body.has("errors")) {
        body.get("errors").forEach(error -> answered.add(error.get("code").stringValue()));
      }
    }

    assertThat(answered)
        .isSubsetOf(documented)
        .contains(
            "ORDER_INVALID_STATE", "ORDER_LINE_NOT_FOUND", "ORDER_NOT_FOUND", "VALIDATION_ERROR");
  }

  @Test
  void everySuccessfulAnswerHasTheFieldsItsSchemaRequires() {
    List<String> missing = new ArrayList<>();
    for (RecordedExchange exchange : exchanges) {
      if (OPERATIONS.containsKey(exchange.operation())
          && exchange.status() < 300
          && !exchange.responseBody().isEmpty()) {
        JsonNode body = MiraklClient.JSON.readTree(exchange.responseBody());
        checkRequired(
            body,
            responseSchema(exchange.operation(), exchange.status()),
            exchange.operation(),
            missing);
      }
    }

    assertThat(missing).isEmpty();
  }

  @Test
  void everyFieldOfASuccessfulAnswerIsDeclaredByTheSpec() {
    List<String> undeclared = new ArrayList<>();
    for (RecordedExchange exchange : exchanges) {
      if (OPERATIONS.containsKey(exchange.operation())
          && exchange.status() < 300
          && !exchange.responseBody().isEmpty()) {
        JsonNode body = MiraklClient.JSON.readTree(exchange.responseBody());
        checkDeclared(
            body,
            responseSchema(exchange.operation(), exchange.status()),
            exchange.operation(),
            undeclared);
      }
    }

    assertThat(undeclared).isEmpty();
  }

  @Test
  void everyAcceptedJsonRequestIsOneTheSpecDescribes() {
    List<String> problems = new ArrayList<>();
    for (RecordedExchange exchange : exchanges) {
      String code = exchange.operation();
      if (OPERATIONS.containsKey(code)
          && exchange.status() < 300
          && !exchange.requestBody().isEmpty()
          && !requestSchema(code).isMissingNode()) {
        JsonNode body = MiraklClient.JSON.readTree(exchange.requestBody());
        checkRequired(body, requestSchema(code), code + " request", problems);
        checkDeclared(body, requestSchema(code), code + " request", problems);
      }
    }

    assertThat(problems).isEmpty();
  }

  @Test
  void theDocumentMetadataSentToOr74IsTheSpecsShape() {
    JsonNode partSchema =
        operation("OR74")
            .at("/requestBody/content/multipart~1form-data/schema/properties/order_documents");
    List<String> problems = new ArrayList<>();
    JsonNode metadata = MiraklClient.JSON.readTree(METADATA);
    checkRequired(metadata, partSchema, "order_documents", problems);
    checkDeclared(metadata, partSchema, "order_documents", problems);
    String orderId = Fixtures.shipped(simulator, client);

    JsonNode answer =
        MiraklClient.json(
            client.multipart(
                "/api/orders/" + orderId + "/documents",
                List.of(
                    FormPart.file("files", "INV-1.pdf", "application/pdf", new byte[] {1}),
                    FormPart.field("order_documents", "application/json", METADATA))));

    assertThat(problems).isEmpty();
    assertThat(answer.get("errors_count").intValue()).isZero();
  }

  @Test
  void theSpecsOwnOr64ExampleIsUnderstood() {
    String orderId = Fixtures.shipped(simulator, client);
    simulator.openIncident(orderId, orderId + "-1", "1");
    JsonNode example =
        operation("OR64")
            .at("/requestBody/content/application~1json/examples/application~1json-0/value");

    int status =
        client
            .put(
                "/api/orders/" + orderId + "/lines/" + orderId + "-1/resolve_incident",
                example.toString())
            .statusCode();

    assertThat(status).isEqualTo(204);
    assertThat(simulator.incidentOpen(orderId, orderId + "-1")).isFalse();
  }

  @Test
  void theSpecsOwnOr23ExampleIsUnderstood() {
    String orderId = Fixtures.shipping(simulator, client);
    JsonNode example =
        operation("OR23")
            .at("/requestBody/content/application~1json/examples/application~1json-0/value");

    int status =
        client.put("/api/orders/" + orderId + "/tracking", example.toString()).statusCode();

    assertThat(status).isEqualTo(204);
    assertThat(simulator.order(orderId).tracking().trackingNumber()).isEqualTo("5555");
  }

  @Test
  void theSpecsOwnOr28ExampleIsUnderstoodOnceItsTaxCodesAreThePlatforms() {
    String orderId = Fixtures.shipping(simulator, client, withShippingBigEnoughForTheExamples());
    client.put("/api/orders/" + orderId + "/ship");
    ObjectNode example =
        (ObjectNode)
            operation("OR28")
                .at("/requestBody/content/application~1json/examples/application~1json-0/value")
                .deepCopy();
    ObjectNode refund = (ObjectNode) example.get("refunds").get(0);
    refund.put("order_line_id", orderId + "-1");
    useOnlyVat(refund);

    var response = client.put("/api/orders/refund", example.toString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(simulator.order(orderId).refunds()).hasSize(1);
  }

  @Test
  void theSpecsOwnOr30ExampleIsUnderstoodOnceItsTaxCodesAreThePlatforms() {
    String orderId = Fixtures.shipping(simulator, client, withShippingBigEnoughForTheExamples());
    ObjectNode example =
        (ObjectNode)
            operation("OR30")
                .at("/requestBody/content/application~1json/examples/application~1json-0/value")
                .deepCopy();
    ObjectNode cancelation = (ObjectNode) example.get("cancelations").get(0);
    cancelation.put("order_line_id", orderId + "-1");
    useOnlyVat(cancelation);

    var response = client.put("/api/orders/cancel", example.toString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(simulator.order(orderId).cancelations()).hasSize(1);
  }

  /** The examples take back 1 of shipping tax: more than the standard order's 0.66. */
  private static NewOrder withShippingBigEnoughForTheExamples() {
    return NewOrder.builder()
        .shippingPrice(new BigDecimal("12.00"))
        .line("SKU-1", "Mug", 2, new BigDecimal("19.99"))
        .build();
  }

  /** The examples' tax codes tax1 and tax2 are another platform's: keep tax1, renamed VAT. */
  private static void useOnlyVat(ObjectNode entry) {
    for (String field : List.of("taxes", "shipping_taxes")) {
      ArrayNode taxes = (ArrayNode) entry.get(field);
      ObjectNode first = (ObjectNode) taxes.get(0);
      first.put("code", "VAT");
      taxes.removeAll();
      taxes.add(first);
    }
  }

  @Test
  void everyOr11OrderAfterTheseOperationsHasEveryRequiredAndOnlyDeclaredFields() {
    List<String> missing = new ArrayList<>();
    List<String> undeclared = new ArrayList<>();
    for (String orderId : ordersToCheck) {
      JsonNode order = MiraklClient.JSON.readTree(simulator.order(orderId).json());
      checkRequired(order, schema("OR11_Response_200_Orders"), orderId, missing);
      checkDeclared(order, schema("OR11_Response_200_Orders"), orderId, undeclared);
    }

    assertThat(missing).isEmpty();
    assertThat(undeclared).isEmpty();
  }

  @Test
  void theOr11OrdersCheckedCarryRefundsCancelationsTrackingAndIncidents() {
    String all =
        ordersToCheck.stream()
            .map(orderId -> simulator.order(orderId).json())
            .reduce("", String::concat);

    assertThat(all)
        .contains("\"refund_state\":\"REFUNDED\"")
        .contains("\"cancelations\":[{")
        .contains("\"shipping_tracking\":\"1\"")
        .contains("\"has_incident\":true")
        .contains("\"received_date\":\"")
        .contains("\"has_invoice\":true");
  }

  private static void checkRequired(JsonNode node, JsonNode schema, String at, List<String> missing) {
    SpecWalk.checkRequired(spec, node, schema, at, missing);
  }

  private static void checkDeclared(JsonNode node, JsonNode schema, String at, List<String> undeclared) {
    SpecWalk.checkDeclared(spec, node, schema, at, undeclared);
  }
}
