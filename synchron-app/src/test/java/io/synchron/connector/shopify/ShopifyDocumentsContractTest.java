package io.synchron.connector.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synchron.connector.ShopifyGateway.Contact;
import io.synchron.connector.ShopifyGateway.Line;
import io.synchron.connector.ShopifyGateway.Metafield;
import io.synchron.connector.ShopifyGateway.OrderDraft;
import io.synchron.connector.ShopifyGateway.ShippingLine;
import io.synchron.connector.ShopifyGateway.TaxLine;
import io.synchron.contracts.ShopifyAdminSchema;
import io.synchron.simulator.shopify.ShopifySimulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every GraphQL document Synchron sends to Shopify, and the variables it builds, validate against the real Admin
 * schema (2026-07). A document that does not validate fails here, before any store sees it.
 */
class ShopifyDocumentsContractTest {

  static Stream<String> documents() throws IOException, URISyntaxException {
    Path folder = Path.of(ShopifyGraphQlClient.class.getResource("VariantsBySku.graphql").toURI()).getParent();
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".graphql"))
          .map(n -> n.substring(0, n.length() - ".graphql".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("documents")
  void everyDocumentValidatesAgainstTheAdminSchema(String name) {
    assertThat(ShopifyAdminSchema.get().validate(ShopifyGraphQlClient.document(name))).isEmpty();
  }

  @Test
  void thereAreDocumentsToCheck() throws Exception {
    assertThat(documents()).contains("ImportMarketplaceOrder", "OrderByCustomId", "VariantsBySku");
  }

  @Test
  void orderCreateVariablesForAnOrdinaryOrderCoerceAgainstTheSchema() {
    assertThat(ShopifyAdminSchema.get().validateWithVariables(
            ShopifyGraphQlClient.document("ImportMarketplaceOrder"),
            ShopifyConnector.orderCreateVariables(draft("EUR", true, new Contact("Camille", "Durand", null,
                "12 rue des Lilas", null, "75011", "Paris", null, "FR", "+33612345678")), "DECREMENT_OBEYING_POLICY")))
        .isEmpty();
  }

  @Test
  void orderCreateVariablesForAnOrderWithoutAddressOrPhoneInAThreeDecimalCurrencyCoerce() {
    assertThat(ShopifyAdminSchema.get().validateWithVariables(
            ShopifyGraphQlClient.document("ImportMarketplaceOrder"),
            ShopifyConnector.orderCreateVariables(draft("KWD", false, null), "BYPASS")))
        .isEmpty();
  }

  @Test
  void theOtherDocumentsVariablesCoerce() {
    ShopifyAdminSchema schema = ShopifyAdminSchema.get();
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("VariantsBySku"),
        Map.of("query", "sku:\"A\" OR sku:\"B\"", "first", 250))).isEmpty();
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("OrderByCustomId"),
        Map.of("identifier", Map.of("customId",
            Map.of("namespace", ShopifyConnector.ID_NAMESPACE, "key", ShopifyConnector.ID_KEY, "value", "x")),
            "lines", 3))).isEmpty();
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("OrdersBySourceIdentifier"),
        Map.of("query", "source_identifier:\"mirakl:fr:1\"", "lines", 3))).isEmpty();
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("CreateOrderIdDefinition"),
        Map.of("definition", Map.of("name", "Marketplace order", "namespace", ShopifyConnector.ID_NAMESPACE,
            "key", ShopifyConnector.ID_KEY, "type", "id", "ownerType", "ORDER")))).isEmpty();
  }

  @Test
  void theFulfilmentAndCancellationDocumentsVariablesCoerce() {
    ShopifyAdminSchema schema = ShopifyAdminSchema.get();
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("OrderForSync"),
        Map.of("id", "gid://shopify/Order/1", "lines", 3))).isEmpty();
    java.util.Map<String, Object> page = new java.util.HashMap<>();
    page.put("query", "updated_at:>'2026-11-26T10:00:00Z'");
    page.put("after", null);
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("OrdersUpdatedSince"), page)).isEmpty();
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("CancelOrder"),
        Map.of("orderId", "gid://shopify/Order/1", "reason", "CUSTOMER", "staffNote", "Cancelled on Mirakl"))).isEmpty();
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("CreateWebhookSubscription"),
        Map.of("topic", "FULFILLMENTS_CREATE", "uri", "https://synchron.example/webhooks/shopify"))).isEmpty();
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("WebhookSubscriptions"),
        Map.of("uri", "https://synchron.example/webhooks/shopify"))).isEmpty();
  }

  @Test
  void theRefundDocumentsVariablesCoerce() {
    assertThat(ShopifyAdminSchema.get().validateWithVariables(ShopifyGraphQlClient.document("RecordMarketplaceRefund"),
        Map.of("key", "synchron-refund-fr-1106", "input", ShopifyConnector.refundInput("gid://shopify/Order/1",
            Map.of("gid://shopify/LineItem/2", 1), new BigDecimal("6.82"), "EUR", "mirakl", "Refund 1106"))))
        .isEmpty();
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * An order as ReturnableFulfillmentLines reads it: line 2 fulfilled in a cancelled fulfillment and twice more (one
   * unit in an open return, one in a cancelled return), line 3 once.
   */
  private static final String RETURNABLE_ORDER = """
      {"id": "gid://shopify/Order/1",
       "fulfillments": [
         {"id": "gid://shopify/Fulfillment/10", "status": "CANCELLED", "fulfillmentLineItems": {
           "pageInfo": {"hasNextPage": false},
           "nodes": [{"id": "gid://shopify/FulfillmentLineItem/100", "quantity": 2,
                      "lineItem": {"id": "gid://shopify/LineItem/2"}}]}},
         {"id": "gid://shopify/Fulfillment/11", "status": "SUCCESS", "fulfillmentLineItems": {
           "pageInfo": {"hasNextPage": false},
           "nodes": [{"id": "gid://shopify/FulfillmentLineItem/110", "quantity": 2,
                      "lineItem": {"id": "gid://shopify/LineItem/2"}}]}},
         {"id": "gid://shopify/Fulfillment/12", "status": "SUCCESS", "fulfillmentLineItems": {
           "pageInfo": {"hasNextPage": false},
           "nodes": [{"id": "gid://shopify/FulfillmentLineItem/120", "quantity": 1,
                      "lineItem": {"id": "gid://shopify/LineItem/2"}},
                     {"id": "gid://shopify/FulfillmentLineItem/121", "quantity": 1,
                      "lineItem": {"id": "gid://shopify/LineItem/3"}}]}}],
       "returns": {"pageInfo": {"hasNextPage": false}, "nodes": [
         {"id": "gid://shopify/Return/5", "status": "OPEN", "returnLineItems": {"pageInfo": {"hasNextPage": false},
           "nodes": [{"quantity": 1, "fulfillmentLineItem": {"id": "gid://shopify/FulfillmentLineItem/110"}}]}},
         {"id": "gid://shopify/Return/6", "status": "CANCELED", "returnLineItems": {"pageInfo": {"hasNextPage": false},
           "nodes": [{"quantity": 1, "fulfillmentLineItem": {"id": "gid://shopify/FulfillmentLineItem/120"}}]}}]}}
      """;

  /** A return as OrderReturnToProcess reads it: one line processed, one with 2 units left. */
  private static final String RETURN_TO_PROCESS = """
      {"id": "gid://shopify/Return/5", "status": "OPEN",
       "returnLineItems": {"pageInfo": {"hasNextPage": false}, "nodes": [
         {"id": "gid://shopify/ReturnLineItem/51", "quantity": 1, "unprocessedQuantity": 0,
          "fulfillmentLineItem": {"id": "gid://shopify/FulfillmentLineItem/110"}},
         {"id": "gid://shopify/ReturnLineItem/52", "quantity": 2, "unprocessedQuantity": 2,
          "fulfillmentLineItem": {"id": "gid://shopify/FulfillmentLineItem/120"}}]},
       "reverseFulfillmentOrders": {"nodes": [{"id": "gid://shopify/ReverseFulfillmentOrder/7", "lineItems": {"nodes": [
         {"id": "gid://shopify/ReverseFulfillmentOrderLineItem/71",
          "fulfillmentLineItem": {"id": "gid://shopify/FulfillmentLineItem/110"}},
         {"id": "gid://shopify/ReverseFulfillmentOrderLineItem/72",
          "fulfillmentLineItem": {"id": "gid://shopify/FulfillmentLineItem/120"}}]}}]}}
      """;

  private static final String FULFILLMENTS_TO_PROCESS = """
      [{"status": "SUCCESS", "location": {"id": "gid://shopify/Location/9"},
        "fulfillmentLineItems": {"nodes": [{"id": "gid://shopify/FulfillmentLineItem/120"}]}}]
      """;

  @Test
  void theReturnDocumentsVariablesCoerce() {
    ShopifyAdminSchema schema = ShopifyAdminSchema.get();
    List<Map<String, Object>> lines = ShopifyConnector.returnLines(JSON.readTree(RETURNABLE_ORDER),
        Map.of("gid://shopify/LineItem/2", 2, "gid://shopify/LineItem/3", 1), "DEFECTIVE",
        "Mirakl return 7f3c (RETURN_DEFECTIVE_ITEM)");
    assertThat(lines).extracting(l -> l.get("fulfillmentLineItemId")).containsExactlyInAnyOrder(
        "gid://shopify/FulfillmentLineItem/120", "gid://shopify/FulfillmentLineItem/110",
        "gid://shopify/FulfillmentLineItem/121");
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("OpenReturn"),
        Map.of("input", ShopifyConnector.returnInput("gid://shopify/Order/1", lines)))).isEmpty();
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("OpenReturn"),
        Map.of("input", ShopifyConnector.returnInput("gid://shopify/Order/1", ShopifyConnector.returnLines(
            JSON.readTree(RETURNABLE_ORDER), Map.of("gid://shopify/LineItem/3", 1), null, null))))).isEmpty();

    for (boolean restock : List.of(true, false)) {
      Map<String, Object> input = ShopifyConnector.returnProcessInput(JSON.readTree(RETURN_TO_PROCESS),
          JSON.readTree(FULFILLMENTS_TO_PROCESS), "gid://shopify/Location/1", restock);
      assertThat(input.get("returnLineItems")).isEqualTo(List.of(Map.of(
          "id", "gid://shopify/ReturnLineItem/52",
          "quantity", 2,
          "dispositions", List.of(restock
              ? Map.of("reverseFulfillmentOrderLineItemId", "gid://shopify/ReverseFulfillmentOrderLineItem/72",
                  "quantity", 2, "dispositionType", "RESTOCKED", "locationId", "gid://shopify/Location/9")
              : Map.of("reverseFulfillmentOrderLineItemId", "gid://shopify/ReverseFulfillmentOrderLineItem/72",
                  "quantity", 2, "dispositionType", "NOT_RESTOCKED")))));
      assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("ProcessReturn"), Map.of("input", input)))
          .isEmpty();
    }
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("ReturnableFulfillmentLines"),
        Map.of("id", "gid://shopify/Order/1"))).isEmpty();
    java.util.Map<String, Object> firstPage = new java.util.HashMap<>();
    firstPage.put("id", "gid://shopify/Order/1");
    firstPage.put("after", null);
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("OrderReturnToProcess"), firstPage))
        .isEmpty();
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("OrderReturnToProcess"),
        Map.of("id", "gid://shopify/Order/1", "after", "eyJsYXN0X2lkIjo1fQ=="))).isEmpty();
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("CloseReturn"),
        Map.of("id", "gid://shopify/Return/5"))).isEmpty();
  }

  @Test
  void aReturnWithNothingLeftToProcessNeedsNoCallAndUnitsNotFulfilledCannotBeReturned() {
    String processed = RETURN_TO_PROCESS.replace("\"unprocessedQuantity\": 2", "\"unprocessedQuantity\": 0")
        .replace("\"OPEN\"", "\"CLOSED\"");
    assertThat(ShopifyConnector.returnProcessInput(JSON.readTree(processed), JSON.readTree("[]"), null, true))
        .isNull();
    assertThatThrownBy(() -> ShopifyConnector.returnProcessInput(
            JSON.readTree(RETURN_TO_PROCESS.replace("\"OPEN\"", "\"CLOSED\"")), JSON.readTree("[]"), null, true))
        .isInstanceOfSatisfying(ShopifyException.class,
            e -> assertThat(e.failure()).isInstanceOf(io.synchron.shared.Failure.Permanent.class));
    assertThatThrownBy(() -> ShopifyConnector.returnLines(JSON.readTree(RETURNABLE_ORDER),
            Map.of("gid://shopify/LineItem/2", 3), "OTHER", null))
        .isInstanceOfSatisfying(ShopifyException.class, e -> {
          assertThat(e.failure()).isInstanceOf(io.synchron.shared.Failure.Permanent.class);
          assertThat(e.getMessage()).contains("only 2 fulfilled unit(s)");
        });
  }

  @Test
  void returnsOpenProcessAndCloseAgainstTheSimulator() {
    ShopifySimulator simulator = ShopifySimulator.start(ShopifySimulator.Options.defaults());
    try {
      String mug = simulator.addProduct("SKU-1", "Mug", new BigDecimal("19.99"), 10);
      String sample = simulator.addProduct("SKU-FREE", "Sample", BigDecimal.ZERO, 10);
      ShopifyConnector connector = new ShopifyConnector("shop", java.net.URI.create(simulator.adminBaseUrl()
              + "/admin/api/" + simulator.apiVersion() + "/graphql.json"), simulator.accessToken(),
          simulator.apiVersion(), "DECREMENT_OBEYING_POLICY", java.time.Duration.ofSeconds(10),
          java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build(), JSON,
          java.time.Clock.systemUTC());
      var created = connector.create(draft("EUR", true, null, mug, sample));
      String mugLine = created.lineItemIds().get(0);
      simulator.fulfill(created.gid(), Map.of("SKU-1", 1), "UPS", "1Z1", null);
      simulator.fulfill(created.gid(), Map.of(), "UPS", "1Z2", null);
      int stock = simulator.available("SKU-1");

      String opened = connector.openReturn(created.gid(), Map.of(mugLine, 2), "DEFECTIVE", "Mirakl return R1");
      assertThat(simulator.returnOf(opened)).get().satisfies(r -> {
        assertThat(r.status()).isEqualTo("OPEN");
        assertThat(r.lines()).extracting(l -> l.quantity()).containsExactly(1, 1);
        assertThat(r.lines()).extracting(l -> l.returnReason()).containsOnly("DEFECTIVE");
      });
      assertThatThrownBy(() -> connector.openReturn(created.gid(), Map.of(mugLine, 1), "DEFECTIVE", null))
          .isInstanceOfSatisfying(ShopifyException.class,
              e -> assertThat(e.failure()).isInstanceOf(io.synchron.shared.Failure.Permanent.class));

      assertThat(connector.orderState(created.gid(), 2).orElseThrow().returns()).singleElement().satisfies(r -> {
        assertThat(r.gid()).isEqualTo(opened);
        assertThat(r.status()).isEqualTo("OPEN");
        assertThat(r.lines()).allSatisfy(l -> {
          assertThat(l.lineItemId()).isEqualTo(mugLine);
          assertThat(l.sku()).isEqualTo("SKU-1");
          assertThat(l.processedQuantity()).isZero();
        });
      });

      simulator.processReturn(opened, Map.of("SKU-1", 1), false, false);
      connector.processReturn(created.gid(), opened, true);
      assertThat(simulator.returnOf(opened).orElseThrow().status()).isEqualTo("CLOSED");
      assertThat(simulator.available("SKU-1")).isEqualTo(stock + 1);
      connector.processReturn(created.gid(), opened, true);
      assertThat(simulator.available("SKU-1")).isEqualTo(stock + 1);
      assertThat(connector.orderState(created.gid(), 2).orElseThrow().returns()).singleElement()
          .satisfies(r -> assertThat(r.lines()).extracting(l -> l.processedQuantity()).containsExactly(1, 1));

      String sampleReturn = connector.openReturn(created.gid(), Map.of(created.lineItemIds().get(1), 1), "UNWANTED",
          null);
      connector.closeReturn(sampleReturn);
      assertThat(simulator.returnOf(sampleReturn).orElseThrow().status()).isEqualTo("CLOSED");
      assertThatThrownBy(() -> connector.closeReturn(sampleReturn)).isInstanceOf(ShopifyException.class);
    } finally {
      simulator.close();
    }
  }

  @Test
  void everyTopicSynchronSubscribesToExists() {
    for (String topic : io.synchron.intake.ShopifyReconciliation.TOPICS) {
      assertThat(ShopifyAdminSchema.get().validateWithVariables(ShopifyGraphQlClient.document("CreateWebhookSubscription"),
          Map.of("topic", topic, "uri", "https://synchron.example/webhooks/shopify"))).as(topic).isEmpty();
    }
  }

  @Test
  void aWrongInventoryBehaviourWouldBeCaught() {
    assertThat(ShopifyAdminSchema.get().validateWithVariables(
            ShopifyGraphQlClient.document("ImportMarketplaceOrder"),
            ShopifyConnector.orderCreateVariables(draft("EUR", true, null), "DECREMENT_SOMETIMES")))
        .isNotEmpty();
  }

  private static OrderDraft draft(String currency, boolean taxesIncluded, Contact address) {
    return draft(currency, taxesIncluded, address, "gid://shopify/ProductVariant/1", "gid://shopify/ProductVariant/2");
  }

  private static OrderDraft draft(String currency, boolean taxesIncluded, Contact address, String mugVariant,
      String sampleVariant) {
    return new OrderDraft(
        "mirakl:fr:ORDER-1-A",
        null,
        "ORDER-1-A",
        currency,
        taxesIncluded,
        Instant.parse("2026-11-20T10:00:00Z"),
        "relay@notification.mirakl.net",
        "Mirakl order ORDER-1-A",
        List.of("synchron", "platform:mirakl", "channel:fr"),
        new Contact("Ελένη", "王", null, null, null, null, null, null, null, null),
        address,
        address,
        List.of(
            new Line("ORDER-1-A-1", mugVariant, "SKU-1", "Mug", 2, new BigDecimal("19.990"),
                List.of(new TaxLine("TVA", new BigDecimal("0.2"), new BigDecimal("6.663")))),
            new Line("ORDER-1-A-2", sampleVariant, "SKU-FREE", "Sample", 1, BigDecimal.ZERO, List.of())),
        new ShippingLine("Standard", null, new BigDecimal("4.900"),
            List.of(new TaxLine("TVA", new BigDecimal("0.2"), new BigDecimal("0.817")))),
        new BigDecimal("44.880"),
        "mirakl",
        Map.of("Marketplace order", "ORDER-1-A"),
        List.of(new Metafield("$app:synchron", "shipping_deadline", "date_time", "2026-11-22T10:00:00Z")));
  }
}
