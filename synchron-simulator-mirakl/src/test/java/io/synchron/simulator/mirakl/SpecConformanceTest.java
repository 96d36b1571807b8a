package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Checks the simulator against Mirakl's seller OpenAPI spec in the shared reference directory
 * (system property {@code synchron.shared.dir}, else {@code ../../shared} or {@code ../shared}).
 */
class SpecConformanceTest {
  private static final String SPEC = "specs/mirakl/mmp-seller-openapi.json";
  private static final String ORDERS = "/api/orders";
  private static final String ACCEPT = "/api/orders/{order_id}/accept";

  /**
   * The spec declares only the success status of OR11 (200) and OR21 (204) and no error response at
   * all; its error codes come without statuses. These are the generic statuses of Mirakl's API the
   * reference notes document (mirakl.md 1.2 to 1.5): validation and wrong state 400, bad key 401,
   * key without access to the shop 403, unknown resource 404, rate limit 429.
   */
  private static final Set<Integer> GENERIC_ERROR_STATUSES = Set.of(400, 401, 403, 404, 429);

  private static JsonNode spec;
  private static MiraklSimulator simulator;
  private static MiraklClient client;

  @BeforeAll
  static void loadSpecAndExerciseEveryPath() throws Exception {
    Path specFile = locateSpec();
    if (specFile == null) {
      Assumptions.abort(
          "Mirakl seller spec not found: set -Dsynchron.shared.dir to the shared reference"
              + " directory holding "
              + SPEC);
    }
    spec = MiraklClient.JSON.readTree(Files.readString(specFile));
    simulator = MiraklSimulator.start(MiraklSimulator.Options.defaults().withShopId(2001L));
    client = new MiraklClient(simulator);
    exerciseEveryStatus();
  }

  @AfterAll
  static void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  private static Path locateSpec() {
    return SpecWalk.locateSpec();
  }

  /** Drives OR11 and OR21 through every status the simulator can answer by itself. */
  private static void exerciseEveryStatus() {
    String waiting = place();
    String decided = place();
    List<String> decidedLines = simulator.order(decided).lineIds();
    MiraklClient anonymous = new MiraklClient(simulator.baseUrl(), null);

    client.get("/api/orders");
    client.get("/api/orders?max=oops");
    client.get("/api/orders?shop_id=9");
    anonymous.get("/api/orders");
    simulator.faults().enqueue("OR11", Fault.rateLimited(Duration.ofSeconds(1)));
    client.get("/api/orders");

    client.accept(decided, true, decidedLines);
    client.accept(decided, true, decidedLines);
    client.accept(waiting, true, List.of(waiting + "-1"));
    client.accept(waiting, true, List.of(waiting + "-1", waiting + "-1", waiting + "-2"));
    client.accept(waiting, true, List.of(waiting + "-1", "Elsewhere-A-1"));
    client.put(ACCEPT.replace("{order_id}", waiting), "{\"order_lines\":[null]}");
    client.put(ACCEPT.replace("{order_id}", waiting), "{\"order_lines\":");
    client.put(
        ACCEPT.replace("{order_id}", waiting),
        "{\"order_lines\":[{\"id\":\""
            + waiting
            + "-1\",\"accepted\":true},{\"id\":\""
            + waiting
            + "-2\",\"accepted\":false}]}");
    client.accept("Unknown-A", true, List.of("Unknown-A-1"));
    anonymous.accept(waiting, true, List.of(waiting + "-1"));
    client.put(ACCEPT.replace("{order_id}", waiting) + "?shop_id=9", "{}");
    simulator.faults().enqueue("OR21", Fault.rateLimited(Duration.ofSeconds(1)));
    client.accept(waiting, true, simulator.order(waiting).lineIds());
  }

  private static String place() {
    return simulator.placeOrder(
        NewOrder.builder()
            .line("SKU-1", "Mug", 2, new BigDecimal("19.99"))
            .line("SKU-2", "Plate", 1, new BigDecimal("9.50"))
            .build());
  }

  private static JsonNode operation(String path, String method) {
    return spec.get("paths").get(path).get(method);
  }

  private static Set<Integer> declaredStatuses(String path, String method) {
    Set<Integer> statuses = new TreeSet<>();
    for (String status : operation(path, method).get("responses").propertyNames()) {
      statuses.add(Integer.valueOf(status));
    }
    return statuses;
  }

  private static Set<Integer> answeredStatuses(String operation) {
    Set<Integer> statuses = new TreeSet<>();
    for (RecordedExchange exchange : simulator.journal()) {
      if (operation.equals(exchange.operation())) {
        statuses.add(exchange.status());
      }
    }
    return statuses;
  }

  @Test
  void theSpecStillNamesTheOperationsTheSimulatorServes() {
    assertThat(operation(ORDERS, "get").get("operationId").stringValue()).isEqualTo("OR11");
    assertThat(operation(ACCEPT, "put").get("operationId").stringValue()).isEqualTo("OR21");
  }

  @Test
  void theSuccessStatusesOfOr11AndOr21AreTheOnesTheSpecDeclares() {
    assertThat(answeredStatuses("OR11"))
        .filteredOn(status -> status < 300)
        .containsExactlyElementsOf(declaredStatuses(ORDERS, "get"));
    assertThat(answeredStatuses("OR21"))
        .filteredOn(status -> status < 300)
        .containsExactlyElementsOf(declaredStatuses(ACCEPT, "put"));
  }

  @Test
  void everyStatusOr11AnswersIsDeclaredOrAGenericMiraklError() {
    Set<Integer> allowed = new HashSet<>(declaredStatuses(ORDERS, "get"));
    allowed.addAll(GENERIC_ERROR_STATUSES);

    assertThat(answeredStatuses("OR11")).isSubsetOf(allowed).contains(200, 400, 401, 403, 429);
  }

  @Test
  void everyStatusOr21AnswersIsDeclaredOrAGenericMiraklError() {
    Set<Integer> allowed = new HashSet<>(declaredStatuses(ACCEPT, "put"));
    allowed.addAll(GENERIC_ERROR_STATUSES);

    assertThat(answeredStatuses("OR21")).isSubsetOf(allowed).contains(204, 400, 401, 403, 404, 429);
  }

  @Test
  void everyErrorCodeOr21AnswersIsInTheSpecsOr21ErrorTable() {
    Set<String> documented = new HashSet<>();
    Matcher code =
        Pattern.compile("<code>([A-Z_]+)</code>")
            .matcher(operation(ACCEPT, "put").get("description").stringValue());
    while (code.find()) {
      documented.add(code.group(1));
    }
    Set<String> answered = new TreeSet<>();
    for (RecordedExchange exchange : simulator.journal()) {
      if ("OR21".equals(exchange.operation()) && exchange.responseBody().contains("\"errors\"")) {
        for (JsonNode error : MiraklClient.JSON.readTree(exchange.responseBody()).get("errors")) {
          answered.add(error.get("code").stringValue());
        }
      }
    }

    assertThat(answered)
        .isSubsetOf(documented)
        .contains(
            "ORDER_INVALID_STATE",
            "ORDER_LINE_ACCEPTANCE_DECISION_MISSING",
            "ORDER_LINE_DUPLICATE_ID",
            "ORDER_LINE_NOT_FOUND",
            "ORDER_LINE_NULL_ELEMENT",
            "ORDER_NOT_FOUND",
            "ORDER_PARTIAL_ACCEPTANCE_DISABLED",
            "VALIDATION_ERROR");
  }

  @Test
  void theSpecsOwnOr21ExampleBodyIsUnderstood() {
    String orderId =
        simulator.placeOrder(NewOrder.builder().line("S", "T", 1, BigDecimal.ONE).build());
    JsonNode example =
        operation(ACCEPT, "put")
            .at("/requestBody/content/application~1json/examples/application~1json-0/value");
    String body = example.toString().replace("Order_00012-B-1", orderId + "-1");

    assertThat(client.put(ACCEPT.replace("{order_id}", orderId), body).statusCode()).isEqualTo(204);
  }

  @Test
  void everyFieldTheSpecRequiresInAnOr11OrderIsWrittenBeforeAndAfterShipping() {
    String before = place();
    String after = place();
    client.accept(after, true, simulator.order(after).lineIds());
    simulator.debitCustomer(after);

    for (String orderId : List.of(before, after)) {
      List<String> missing = new ArrayList<>();
      JsonNode order = MiraklClient.JSON.readTree(simulator.order(orderId).json());
      checkRequired(order, schema("OR11_Response_200_Orders"), "order", missing);
      assertThat(missing).as("required fields missing in %s", orderId).isEmpty();
    }
  }

  @Test
  void everyFieldWrittenInAnOr11ResponseIsDeclaredByTheSpec() {
    String canceled = place();
    simulator.cancelByCustomer(canceled);
    String shipping = place();
    client.accept(shipping, true, simulator.order(shipping).lineIds());
    simulator.debitCustomer(shipping);

    List<String> undeclared = new ArrayList<>();
    JsonNode body = client.orders("paginate=false");
    checkDeclared(body, schema("OR11_Response_200"), "$", undeclared);

    assertThat(undeclared).isEmpty();
  }

  private static JsonNode schema(String name) {
    return spec.get("components").get("schemas").get(name);
  }

  private static JsonNode resolve(JsonNode schema) {
    return SpecWalk.resolve(spec, schema);
  }

  private static void checkRequired(JsonNode node, JsonNode schema, String at, List<String> missing) {
    SpecWalk.checkRequired(spec, node, schema, at, missing);
  }

  private static void checkDeclared(JsonNode node, JsonNode schema, String at, List<String> undeclared) {
    SpecWalk.checkDeclared(spec, node, schema, at, undeclared);
  }
}
