package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Checks the return operations (RT01, RT11, RT12, RT21, RT25, RT26, RT27, RT29) against Mirakl's
 * seller OpenAPI spec in the shared reference directory (system property {@code
 * synchron.shared.dir}, else {@code ../../shared} or {@code ../shared}): paths, statuses, the
 * fields answers must and may carry and the enum values they take, the request bodies accepted,
 * and the spec's own request examples.
 */
class ReturnsSpecConformanceTest {
  private static final Map<String, List<String>> OPERATIONS =
      Map.of(
          "RT01", List.of("post", "/api/returns"),
          "RT11", List.of("get", "/api/returns"),
          "RT12", List.of("get", "/api/returns/items_to_return"),
          "RT21", List.of("put", "/api/returns/accept"),
          "RT25", List.of("put", "/api/returns/receive"),
          "RT26", List.of("put", "/api/returns/compliance"),
          "RT27", List.of("put", "/api/returns/close"),
          "RT29", List.of("put", "/api/returns/cancel"));

  /** The spec declares only 200 for these; the generic Mirakl statuses of mirakl.md 1.2 to 1.5. */
  private static final Set<Integer> GENERIC_ERROR_STATUSES = Set.of(400, 401, 403, 404, 429);

  private static final Pattern ENUM_VALUE = Pattern.compile("`\"([A-Za-z0-9_]+)\"`");

  private static JsonNode spec;
  private static MiraklSimulator simulator;
  private static MiraklSimulator withoutReturns;
  private static MiraklClient client;
  private static final List<RecordedExchange> exchanges = new ArrayList<>();

  @BeforeAll
  static void loadSpecAndExerciseEveryOperation() throws Exception {
    Path specFile = SpecWalk.locateSpec();
    if (specFile == null) {
      Assumptions.abort("Mirakl seller spec not found: set -Dsynchron.shared.dir");
    }
    spec = MiraklClient.JSON.readTree(Files.readString(specFile));
    simulator = MiraklSimulator.start(MiraklSimulator.Options.defaults().withShopId(2001L));
    withoutReturns =
        MiraklSimulator.start(MiraklSimulator.Options.defaults().withReturns(false));
    client = new MiraklClient(simulator);
    exercise();
    exerciseWithoutReturns();
    exchanges.addAll(simulator.journal());
    exchanges.addAll(withoutReturns.journal());
  }

  @AfterAll
  static void stop() {
    if (simulator != null) {
      simulator.close();
      withoutReturns.close();
    }
  }

  private static String lines(String orderId, int line, int quantity, String reason) {
    return "{\"order_line_id\":\""
        + orderId
        + "-"
        + line
        + "\",\"quantity\":"
        + quantity
        + ",\"reason_code\":\""
        + reason
        + "\"}";
  }

  private static String creation(String orderId, String extra, String lines) {
    return "{\"order_commercial_id\":\""
        + simulator.order(orderId).commercialId()
        + "\",\"method_code\":\"RETURN_METHOD_BY_MAIL\""
        + extra
        + ",\"return_lines\":["
        + lines
        + "]}";
  }

  /** Drives every operation through its successes, its per-return errors and its rejections. */
  private static void exercise() {
    MiraklClient anonymous = new MiraklClient(simulator.baseUrl(), null);
    String orderId = Fixtures.shipped(simulator, client);
    String other = Fixtures.shipped(simulator, client);
    String waiting = simulator.requestReturn(orderId, Map.of(orderId + "-1", 1), "RETURN_OTHER");

    client.post(
        "/api/returns",
        "{\"returns\":["
            + creation(
                orderId,
                ",\"rma\":\"RMA-1\",\"reason_code\":\"RETURN_BROKEN_ITEM\","
                    + "\"description\":\"Broken on arrival\",\"label_url\":\"https://l.example/1\","
                    + "\"accepted\":true",
                lines(orderId, 2, 1, "RETURN_BROKEN_ITEM"))
            + ","
            + creation(other, "", lines(other, 1, 2, "RETURN_CHANGED_MIND"))
            + ","
            + creation(other, "", lines(other, 1, 5, "RETURN_CHANGED_MIND"))
            + "]}");
    client.post("/api/returns", "{\"returns\":[]}");
    anonymous.post("/api/returns", "{\"returns\":[]}");
    client.post(
        "/api/returns?shop_id=9",
        "{\"returns\":[" + creation(orderId, "", lines(orderId, 1, 1, "RETURN_OTHER")) + "]}");

    List<ReturnView> returns = new ArrayList<>(simulator.returns(orderId));
    returns.addAll(simulator.returns(other));
    String accepted = returns.get(1).id();
    String refusedLater = returns.get(2).id();

    client.put(
        "/api/returns/accept",
        "{\"returns\":[{\"id\":\""
            + waiting
            + "\",\"accepted\":true},{\"id\":\""
            + refusedLater
            + "\",\"accepted\":false,\"rejection_reason_code\":\"RETURN_REJECTION_NOT_NEEDED\"},"
            + "{\"id\":\"no-such-return\",\"accepted\":true}]}");
    client.put("/api/returns/accept", "{\"returns\":[{\"id\":\"" + waiting + "\"}]}");
    client.put("/api/returns/receive", ReturnsTest.ids(waiting, accepted, "no-such-return"));
    client.put(
        "/api/returns/compliance",
        "{\"returns\":[{\"id\":\""
            + waiting
            + "\",\"return_lines\":[{\"order_line_id\":\""
            + orderId
            + "-1\",\"compliant\":false,\"non_compliance_reason_code\":"
            + "\"RETURN_NON_COMPLIANT_MISSING_ITEM\",\"non_compliance_additional_info\":\"Empty box\"}]},"
            + "{\"id\":\""
            + accepted
            + "\",\"return_lines\":[{\"order_line_id\":\""
            + orderId
            + "-2\",\"compliant\":true}]},{\"id\":\""
            + refusedLater
            + "\",\"return_lines\":[{\"order_line_id\":\""
            + other
            + "-1\",\"compliant\":true}]}]}");
    client.put("/api/returns/compliance", "{\"returns\":[{\"id\":\"" + waiting + "\"}]}");
    client.put("/api/returns/close", ReturnsTest.ids(waiting, refusedLater));
    String toCancel = simulator.requestReturn(other, Map.of(other + "-2", 1), "RETURN_OTHER");
    client.put("/api/returns/cancel", ReturnsTest.ids(toCancel, waiting));
    client.put("/api/returns/cancel", "{\"returns\":[{}]}");

    client.get("/api/returns");
    client.get("/api/returns?limit=1");
    String token =
        MiraklClient.json(client.get("/api/returns?limit=2")).get("next_page_token").stringValue();
    client.get("/api/returns?page_token=" + token);
    client.get("/api/returns?return_state=CLOSED&return_state=CANCELED&sort=date_created,DESC");
    client.get("/api/returns?order_commercial_id=" + simulator.order(other).commercialId());
    client.get("/api/returns?return_last_updated_from=2000-01-01T00:00:00Z");
    client.get("/api/returns?limit=500");
    anonymous.get("/api/returns");
    simulator.faults().enqueue("RT11", Fault.rateLimited(Duration.ofSeconds(1)));
    client.get("/api/returns");

    client.get("/api/returns/items_to_return");
    client.get("/api/returns/items_to_return?limit=1");
    client.get("/api/returns/items_to_return?order_line_id=" + orderId + "-1");
    client.get("/api/returns/items_to_return?sort=date_created");
  }

  private static void exerciseWithoutReturns() {
    MiraklClient other = new MiraklClient(withoutReturns);
    other.get("/api/returns");
    other.get("/api/returns/items_to_return");
    other.post("/api/returns", "{\"returns\":[]}");
    for (String action : List.of("accept", "receive", "compliance", "close", "cancel")) {
      other.put("/api/returns/" + action, ReturnsTest.ids("x"));
    }
  }

  private static JsonNode operation(String code) {
    List<String> route = OPERATIONS.get(code);
    return spec.get("paths").get(route.get(1)).get(route.get(0));
  }

  private static JsonNode responseSchema(String code) {
    return operation(code).at("/responses/200/content/application~1json/schema");
  }

  private static JsonNode requestSchema(String code) {
    return operation(code).at("/requestBody/content/application~1json/schema");
  }

  private static JsonNode example(String code) {
    return operation(code)
        .at("/requestBody/content/application~1json/examples/application~1json-0/value")
        .deepCopy();
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

  @Test
  void theSpecNamesTheOperationsAtThePathsTheSimulatorServes() {
    OPERATIONS.forEach(
        (code, route) ->
            assertThat(operation(code).get("operationId").stringValue()).isEqualTo(code));
  }

  @Test
  void everyOperationAnsweredItsDeclaredSuccessAndOnlyGenericErrors() {
    for (String code : OPERATIONS.keySet()) {
      Set<Integer> allowed = new TreeSet<>(GENERIC_ERROR_STATUSES);
      for (String status : operation(code).get("responses").propertyNames()) {
        allowed.add(Integer.valueOf(status));
      }
      assertThat(answeredStatuses(code)).as(code).contains(200, 404).isSubsetOf(allowed);
    }
    assertThat(answeredStatuses("RT01")).contains(400, 401, 403);
    assertThat(answeredStatuses("RT11")).contains(400, 401, 429);
    assertThat(answeredStatuses("RT12")).contains(400);
    assertThat(answeredStatuses("RT21")).contains(400);
    assertThat(answeredStatuses("RT26")).contains(400);
    assertThat(answeredStatuses("RT29")).contains(400);
  }

  @Test
  void everySuccessfulAnswerHasTheFieldsItsSchemaRequiresAndOnlyDeclaredOnes() {
    List<String> missing = new ArrayList<>();
    List<String> undeclared = new ArrayList<>();
    int checked = 0;
    for (RecordedExchange exchange : exchanges) {
      if (OPERATIONS.containsKey(exchange.operation()) && exchange.status() == 200) {
        JsonNode body = MiraklClient.JSON.readTree(exchange.responseBody());
        JsonNode schema = responseSchema(exchange.operation());
        SpecWalk.checkRequired(spec, body, schema, exchange.operation(), missing);
        SpecWalk.checkDeclared(spec, body, schema, exchange.operation(), undeclared);
        checked++;
      }
    }

    assertThat(checked).isGreaterThanOrEqualTo(16);
    assertThat(missing).isEmpty();
    assertThat(undeclared).isEmpty();
  }

  @Test
  void theAnswersCoverSuccessesPerReturnErrorsPagesAndCompliance() {
    String all =
        exchanges.stream()
            .filter(e -> e.status() == 200 && OPERATIONS.containsKey(e.operation()))
            .map(RecordedExchange::responseBody)
            .reduce("", String::concat);

    assertThat(all)
        .contains("\"return_errors\":[{")
        .contains("\"return_success\":[{")
        .contains("\"next_page_token\"")
        .contains("\"previous_page_token\"")
        .contains("\"compliant\":false")
        .contains("\"state\":\"CLOSED\"")
        .contains("\"state\":\"CANCELED\"")
        .contains("\"returnable_quantity\"");
  }

  @Test
  void everyFieldTheSpecEnumeratesTakesOneOfItsValues() {
    JsonNode item = property(responseSchema("RT11"), "data", "items");
    Map<String, Set<String>> enums = new LinkedHashMap<>();
    for (String field : List.of("state", "method_code", "reason_code", "rejection_reason_code")) {
      enums.put(field, enumOf(property(item, field)));
    }
    Set<String> lineReasons = enumOf(property(item, "return_lines", "items", "reason_code"));
    List<String> outside = new ArrayList<>();
    int returnsSeen = 0;
    for (RecordedExchange exchange : exchanges) {
      if (!List.of("RT01", "RT11").contains(exchange.operation()) || exchange.status() != 200) {
        continue;
      }
      JsonNode body = MiraklClient.JSON.readTree(exchange.responseBody());
      JsonNode list = body.has("data") ? body.get("data") : body.get("return_success");
      for (JsonNode found : list) {
        returnsSeen++;
        enums.forEach(
            (field, values) -> {
              JsonNode value = found.get(field);
              if (!value.isNull() && !values.contains(value.stringValue())) {
                outside.add(field + "=" + value.stringValue());
              }
            });
        for (JsonNode line : found.get("return_lines")) {
          if (!lineReasons.contains(line.get("reason_code").stringValue())) {
            outside.add("return_lines.reason_code=" + line.get("reason_code").stringValue());
          }
        }
      }
    }

    assertThat(enums.get("state")).hasSize(7);
    assertThat(returnsSeen).isGreaterThan(5);
    assertThat(outside).isEmpty();
  }

  @Test
  void theDefaultReturnReasonsAreValuesOfTheSpecsEnums() {
    JsonNode item = property(responseSchema("RT11"), "data", "items");
    Set<String> rejection = enumOf(property(item, "rejection_reason_code"));
    Set<String> returnReasons = enumOf(property(item, "reason_code"));
    Set<String> nonCompliance =
        enumOf(
            property(
                requestSchema("RT26"),
                "returns",
                "items",
                "return_lines",
                "items",
                "non_compliance_reason_code"));

    for (Reason reason : Reason.defaults()) {
      switch (reason.type()) {
        case Reason.RETURN -> assertThat(returnReasons).contains(reason.code());
        case Reason.RETURN_REJECTION -> assertThat(rejection).contains(reason.code());
        case Reason.RETURN_NON_COMPLIANT -> assertThat(nonCompliance).contains(reason.code());
        default -> {}
      }
    }
    assertThat(rejection).hasSize(3);
  }

  @Test
  void everyAcceptedRequestBodyIsOneTheSpecDescribes() {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (RecordedExchange exchange : exchanges) {
      String code = exchange.operation();
      if (OPERATIONS.containsKey(code)
          && exchange.status() == 200
          && !exchange.requestBody().isEmpty()) {
        JsonNode body = MiraklClient.JSON.readTree(exchange.requestBody());
        SpecWalk.checkRequired(spec, body, requestSchema(code), code + " request", problems);
        SpecWalk.checkDeclared(spec, body, requestSchema(code), code + " request", problems);
        checked++;
      }
    }

    assertThat(checked).isGreaterThanOrEqualTo(6);
    assertThat(problems).isEmpty();
  }

  @Test
  void everyErrorBodyCarriesTheLegacyShape() {
    for (RecordedExchange exchange : exchanges) {
      if (OPERATIONS.containsKey(exchange.operation()) && exchange.status() >= 400) {
        JsonNode body = MiraklClient.JSON.readTree(exchange.responseBody());
        assertThat(body.get("status").intValue()).isEqualTo(exchange.status());
        assertThat(body.get("message").stringValue()).isNotBlank();
      }
    }
  }

  @Test
  void theListFiltersTheSimulatorReadsAreParametersOfTheSpec() {
    assertThat(parameterNames("RT11"))
        .contains(
            "return_id",
            "return_state",
            "return_creation_date_from",
            "return_creation_date_to",
            "return_last_updated_from",
            "return_last_updated_to",
            "order_commercial_id",
            "order_line_id",
            "return_rma",
            "customer_id");
    assertThat(parameterNames("RT12")).contains("order_commercial_id", "order_line_id");
    assertThat(operation("RT11").get("description").stringValue())
        .contains("seek pagination", "date_created");
    assertThat(operation("RT12").get("description").stringValue()).contains("order_line_id");
  }

  @Test
  void theSpecsOwnRt01ExampleIsUnderstoodOnceItsOrdersExist() {
    String order = placeShipped("ORDER-001");
    String dropship = placeShipped("ORDER-DROPSHIP-1");
    ObjectNode example = (ObjectNode) example("RT01");
    // The first return also names ORDER-001-B-2, a line of another shop's logistic order.
    ArrayNode firstLines = (ArrayNode) example.at("/returns/0/return_lines");
    firstLines.remove(1);

    JsonNode answer =
        MiraklClient.json(client.post("/api/returns", example.toString()));

    assertThat(answer.get("return_errors")).as(answer.toString()).isEmpty();
    assertThat(answer.get("return_success")).hasSize(2);
    assertThat(simulator.returns(order).get(0).state()).isEqualTo("WAITING_ACCEPTANCE");
    assertThat(simulator.returns(order).get(0).rma()).isEqualTo("RETURN_RMA");
    assertThat(simulator.returns(dropship).get(0).state()).isEqualTo("IN_PROGRESS");
    assertThat(simulator.returns(dropship).get(0).methodCode())
        .isEqualTo("RETURN_METHOD_DROP_OFF_POINT");
  }

  @Test
  void theSpecsOwnBatchExamplesAreUnderstoodOnceTheirIdsAreReturnsOfTheShop() {
    String orderId = Fixtures.shipped(simulator, client);
    List<String> ids = new ArrayList<>();
    ids.add(simulator.requestReturn(orderId, Map.of(orderId + "-1", 1), "RETURN_OTHER"));
    ids.add(simulator.requestReturn(orderId, Map.of(orderId + "-1", 1), "RETURN_OTHER"));
    ids.add(simulator.requestReturn(orderId, Map.of(orderId + "-2", 1), "RETURN_OTHER"));

    JsonNode accepted = send("RT21", "/api/returns/accept", ids);
    assertThat(accepted.get("return_success")).hasSize(3);
    assertThat(simulator.returnView(ids.get(1)).state()).isEqualTo("REFUSED");
    assertThat(simulator.returnView(ids.get(1)).rejectionReasonCode())
        .isEqualTo("RETURN_REJECTION_NOT_ELIGIBLE");

    JsonNode received = send("RT25", "/api/returns/receive", ids);
    assertThat(received.get("return_success")).hasSize(2);
    assertThat(received.get("return_errors")).hasSize(1);

    ObjectNode compliance = (ObjectNode) example("RT26");
    ObjectNode entry = (ObjectNode) compliance.at("/returns/0");
    entry.put("id", ids.get(0));
    ((ObjectNode) entry.at("/return_lines/0")).put("order_line_id", orderId + "-1");
    ((ArrayNode) entry.get("return_lines")).remove(1);
    JsonNode complied =
        MiraklClient.json(client.put("/api/returns/compliance", compliance.toString()));
    assertThat(complied.get("return_success")).as(complied.toString()).hasSize(1);

    JsonNode closed = send("RT27", "/api/returns/close", ids);
    assertThat(closed.get("return_success")).hasSize(2);

    String fresh = simulator.requestReturn(orderId, Map.of(orderId + "-1", 1), "RETURN_OTHER");
    JsonNode canceled =
        send("RT29", "/api/returns/cancel", List.of(fresh, ids.get(0), ids.get(1)));
    assertThat(canceled.get("return_success")).hasSize(1);
    assertThat(simulator.returnView(fresh).state()).isEqualTo("CANCELED");
  }

  /** The operation's first example with its return ids replaced, in order, by {@code ids}. */
  private static JsonNode send(String code, String path, List<String> ids) {
    ObjectNode example = (ObjectNode) example(code);
    ArrayNode entries = (ArrayNode) example.get("returns");
    assertThat(entries).hasSize(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      ((ObjectNode) entries.get(i)).put("id", ids.get(i));
    }
    var response = client.put(path, example.toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return MiraklClient.json(response);
  }

  private static String placeShipped(String commercialId) {
    String orderId =
        Fixtures.shipping(
            simulator,
            client,
            NewOrder.builder()
                .commercialId(commercialId)
                .line("SKU-1", "Mug", 2, new BigDecimal("19.99"))
                .build());
    client.put("/api/orders/" + orderId + "/ship");
    return orderId;
  }

  private static Set<String> parameterNames(String code) {
    Set<String> names = new TreeSet<>();
    for (JsonNode parameter : operation(code).get("parameters")) {
      names.add(SpecWalk.resolve(spec, parameter).get("name").stringValue());
    }
    return names;
  }

  /** The schema down a path of property names and {@code items}, following every reference. */
  private static JsonNode property(JsonNode schema, String... path) {
    JsonNode node = SpecWalk.resolve(spec, schema);
    for (String name : path) {
      node =
          SpecWalk.resolve(
              spec, name.equals("items") ? node.get("items") : node.get("properties").get(name));
    }
    return node;
  }

  private static Set<String> enumOf(JsonNode property) {
    Set<String> values = new TreeSet<>();
    Matcher matcher = ENUM_VALUE.matcher(property.get("description").stringValue());
    while (matcher.find()) {
      values.add(matcher.group(1));
    }
    return values;
  }
}
