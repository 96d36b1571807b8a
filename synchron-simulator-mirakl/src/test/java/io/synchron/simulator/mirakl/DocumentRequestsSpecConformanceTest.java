package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;

import io.synchron.simulator.mirakl.MiraklClient.FormPart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Checks DR11, DR12 and DR74 against Mirakl's seller OpenAPI spec in the shared reference
 * directory (system property {@code synchron.shared.dir}, else {@code ../../shared} or {@code
 * ../shared}): paths, statuses, required and declared response fields, the DR74 input's shape.
 */
class DocumentRequestsSpecConformanceTest {
  private static final String SPEC = "specs/mirakl/mmp-seller-openapi.json";
  private static final Map<String, List<String>> OPERATIONS =
      Map.of(
          "DR11", List.of("get", "/api/document-request/requests"),
          "DR12", List.of("get", "/api/document-request/{document_request_id}/lines"),
          "DR74", List.of("post", "/api/document-request/documents/upload"));

  /** The spec declares only 200 for these; the generic Mirakl statuses of mirakl.md 1.2 to 1.5. */
  private static final Set<Integer> GENERIC_ERROR_STATUSES = Set.of(400, 401, 403, 404, 429);

  private static JsonNode spec;
  private static MiraklSimulator simulator;
  private static MiraklClient client;
  private static final List<RecordedExchange> exchanges = new ArrayList<>();

  @BeforeAll
  static void loadSpecAndExerciseEveryOperation() throws Exception {
    Path specFile = locateSpec();
    if (specFile == null) {
      Assumptions.abort("Mirakl seller spec not found: set -Dsynchron.shared.dir");
    }
    spec = MiraklClient.JSON.readTree(Files.readString(specFile));
    simulator =
        MiraklSimulator.start(
            MiraklSimulator.Options.defaults().withShopId(2001L).withDocumentRequests(true));
    client = new MiraklClient(simulator);
    exercise();
    exchanges.addAll(simulator.journal());
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

  private static void exercise() {
    MiraklClient anonymous = new MiraklClient(simulator.baseUrl(), null);
    String orderId = Fixtures.shipping(simulator, client);
    String invoice = simulator.requestDocument(orderId, "INVOICE");
    String second = simulator.requestDocument(orderId, "INVOICE");
    client.get(DocumentRequestsTest.REQUESTS + "?limit=1");
    client.get(DocumentRequestsTest.REQUESTS + "?entity_id=" + orderId);
    client.get(DocumentRequestsTest.REQUESTS + "?shop_id=9");
    anonymous.get(DocumentRequestsTest.REQUESTS);
    simulator.faults().enqueue("DR11", Fault.rateLimited(Duration.ofSeconds(1)));
    client.get(DocumentRequestsTest.REQUESTS);
    client.get("/api/document-request/" + invoice + "/lines");
    client.get("/api/document-request/unknown/lines");
    DocumentRequestsTest.upload(
        client, DocumentRequestsTest.input(invoice, "INV-1", "inv.pdf"), "inv.pdf");
    DocumentRequestsTest.upload(
        client, DocumentRequestsTest.input(invoice, "INV-2", "again.pdf"), "again.pdf");
    DocumentRequestsTest.upload(
        client, DocumentRequestsTest.input(second, "INV-3", "x.pdf"), "other.pdf");
    client.multipart(
        DocumentRequestsTest.UPLOAD,
        List.of(
            FormPart.file(
                "files", "a.pdf", "application/pdf", "a".getBytes(StandardCharsets.US_ASCII))));
    simulator.cancelByCustomer(orderId);
    String credit = simulator.requestDocument(orderId, "CREDIT_NOTE");
    client.get(DocumentRequestsTest.REQUESTS + "?id=" + credit);
    client.get("/api/document-request/" + credit + "/lines");
  }

  private static JsonNode operation(String code) {
    List<String> route = OPERATIONS.get(code);
    return spec.get("paths").get(route.get(1)).get(route.get(0));
  }

  private static JsonNode resolve(JsonNode schema) {
    return SpecWalk.resolve(spec, schema);
  }

  private static JsonNode responseSchema(String code, int status) {
    return operation(code).at("/responses/" + status + "/content/application~1json/schema");
  }

  @Test
  void theSpecNamesTheOperationsAtThePathsTheSimulatorServes() {
    OPERATIONS.forEach(
        (code, route) ->
            assertThat(operation(code).get("operationId").stringValue()).isEqualTo(code));
  }

  @Test
  void everyOperationWasCalledAndAnsweredOnlyDeclaredOrGenericStatuses() {
    for (String code : OPERATIONS.keySet()) {
      Set<Integer> declared = new TreeSet<>();
      for (String status : operation(code).get("responses").propertyNames()) {
        declared.add(Integer.valueOf(status));
      }
      Set<Integer> answered = new TreeSet<>();
      for (RecordedExchange exchange : exchanges) {
        if (code.equals(exchange.operation())) {
          answered.add(exchange.status());
        }
      }
      Set<Integer> allowed = new TreeSet<>(declared);
      allowed.addAll(GENERIC_ERROR_STATUSES);
      assertThat(answered).as(code).contains(200).isSubsetOf(allowed);
    }
  }

  @Test
  void everySuccessfulAnswerHasTheFieldsItsSchemaRequiresAndOnlyDeclaredOnes() {
    List<String> missing = new ArrayList<>();
    List<String> undeclared = new ArrayList<>();
    int checked = 0;
    for (RecordedExchange exchange : exchanges) {
      if (OPERATIONS.containsKey(exchange.operation()) && exchange.status() == 200) {
        JsonNode body = MiraklClient.JSON.readTree(exchange.responseBody());
        JsonNode schema = responseSchema(exchange.operation(), 200);
        checkRequired(body, schema, exchange.operation(), missing);
        checkDeclared(body, schema, exchange.operation(), undeclared);
        checked++;
      }
    }

    assertThat(checked).isGreaterThanOrEqualTo(7);
    assertThat(missing).isEmpty();
    assertThat(undeclared).isEmpty();
  }

  @Test
  void theDocumentsInputSentToDr74HasOnlyFieldsOfTheSpecsSchema() {
    JsonNode schema =
        operation("DR74")
            .at("/requestBody/content/multipart~1form-data/schema/properties/documents_input");
    JsonNode sent =
        MiraklClient.JSON.readTree(DocumentRequestsTest.input("id", "N", "f.pdf"));
    List<String> missing = new ArrayList<>();
    List<String> undeclared = new ArrayList<>();

    checkRequired(sent, schema, "documents_input", missing);
    checkDeclared(sent, schema, "documents_input", undeclared);

    assertThat(missing).isEmpty();
    assertThat(undeclared).isEmpty();
    assertThat(
            operation("DR74")
                .at("/requestBody/content/multipart~1form-data/schema/required")
                .toString())
        .contains("documents_input", "files");
  }

  @Test
  void theDr11FiltersTheSimulatorReadsAreParametersOfTheSpec() {
    Set<String> names = new TreeSet<>();
    for (JsonNode parameter : operation("DR11").get("parameters")) {
      names.add(resolve(parameter).get("name").stringValue());
    }

    assertThat(names)
        .contains(
            "id",
            "document_number",
            "state",
            "type",
            "issuer_type",
            "entity_id",
            "entity_type",
            "date_created_from",
            "date_created_to",
            "last_updated_from",
            "last_updated_to",
            "issue_date_from",
            "issue_date_to",
            "payment_state",
            "shop_billing_cycle_id");
  }

  private static void checkRequired(JsonNode node, JsonNode schema, String at, List<String> missing) {
    SpecWalk.checkRequired(spec, node, schema, at, missing);
  }

  private static void checkDeclared(JsonNode node, JsonNode schema, String at, List<String> undeclared) {
    SpecWalk.checkDeclared(spec, node, schema, at, undeclared);
  }
}
