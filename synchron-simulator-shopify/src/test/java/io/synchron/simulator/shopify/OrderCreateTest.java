package io.synchron.simulator.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import io.synchron.simulator.shopify.OrderView.LineView;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OrderCreateTest {

  private ShopifySimulator simulator;
  private AdminClient client;
  private String mugId;
  private String teeId;

  @BeforeEach
  void start() {
    simulator = ShopifySimulator.start(ShopifySimulator.Options.defaults());
    client = new AdminClient(simulator);
    mugId = simulator.addProduct("MUG", "Blue mug", new BigDecimal("19.99"), 5);
    teeId = simulator.addProduct("TEE", "T-shirt", new BigDecimal("15.00"), 1);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void anOrderIsCreatedWithShopifyIdsANameAndItsLinesBoundToVariants() {
    JsonNode payload = create(Fixtures.order("M-1", mugId, teeId), null);

    assertThat(payload.path("userErrors")).isEmpty();
    JsonNode order = payload.path("order");
    assertThat(order.path("id").asString()).matches("gid://shopify/Order/\\d+");
    assertThat(order.path("name").asString()).isEqualTo("#1001");
    assertThat(order.path("sourceIdentifier").asString()).isEqualTo("M-1");
    assertThat(order.path("displayFinancialStatus").asString()).isEqualTo("PAID");
    assertThat(order.path("metafield").path("value").asString()).isEqualTo("M-1");
    JsonNode line = order.path("lineItems").path("nodes").path(0);
    assertThat(line.path("variant").path("id").asString()).isEqualTo(mugId);
    assertThat(line.path("sku").asString()).isEqualTo("MUG");
    assertThat(line.path("title").asString()).isEqualTo("Blue mug");
    assertThat(line.path("quantity").asInt()).isEqualTo(2);
    assertThat(line.path("originalUnitPriceSet").path("shopMoney").path("amount").asString())
        .isEqualTo("19.99");
  }

  @Test
  void theJavaApiShowsTheOrderWithItsInputAsReceived() {
    Map<String, Object> input = Fixtures.order("M-1", mugId);
    create(input, "BYPASS");

    OrderView order = simulator.orderBySourceIdentifier("M-1").orElseThrow();
    assertThat(order.input()).isEqualTo(input);
    assertThat(order.input()).doesNotContainKey("test");
    assertThat(order.tags()).containsExactly("marketplace:mirakl", "mkp-order:M-1");
    assertThat(order.currencyCode()).isEqualTo("EUR");
    assertThat(order.metafields()).containsEntry("$app:marketplace.order_ref", "M-1");
    assertThat(order.inventoryBehaviour()).isEqualTo("BYPASS");
    LineView line = order.lineItems().get(0);
    assertThat(line.variantId()).isEqualTo(mugId);
    assertThat(line.sku()).isEqualTo("MUG");
    assertThat(line.quantity()).isEqualTo(2);
    assertThat(line.unitPrice()).isEqualByComparingTo("19.99");
    assertThat(simulator.orders()).containsExactly(order);
  }

  @Test
  void anInlineLiteralInputIsStoredAsWritten() {
    String document =
        """
        mutation {
          orderCreate(order: {name: "MIR-7", lineItems: [{title: "Gift wrap", quantity: 1,
              priceSet: {shopMoney: {amount: "2.50", currencyCode: EUR}}}]}) {
            order { id name } userErrors { code }
          }
        }
        """;
    AdminClient.Reply reply = client.post(document);

    assertThat(reply.data().path("orderCreate").path("order").path("name").asString())
        .isEqualTo("MIR-7");
    Map<String, Object> input = simulator.orders().get(0).input();
    assertThat(input).containsEntry("name", "MIR-7");
    assertThat(input.get("lineItems"))
        .isEqualTo(
            List.of(
                Map.of(
                    "title",
                    "Gift wrap",
                    "quantity",
                    1,
                    "priceSet",
                    Map.of("shopMoney", Map.of("amount", "2.50", "currencyCode", "EUR")))));
  }

  @Test
  void successiveOrdersAreNamedInSequence() {
    create(Fixtures.order("M-1", mugId), null);
    create(Fixtures.order("M-2", mugId), null);

    assertThat(simulator.orders()).extracting(OrderView::name).containsExactly("#1001", "#1002");
  }

  @Test
  void bypassLeavesStockUntouched() {
    create(Fixtures.order("M-1", mugId), "BYPASS");

    assertThat(simulator.available("MUG")).isEqualTo(5);
  }

  @Test
  void withoutOptionsStockIsUntouched() {
    create(Fixtures.order("M-1", mugId), null);

    assertThat(simulator.available("MUG")).isEqualTo(5);
  }

  @Test
  void decrementObeyingPolicyTakesTheOrderedQuantityFromStock() {
    create(Fixtures.order("M-1", mugId), "DECREMENT_OBEYING_POLICY");

    assertThat(simulator.available("MUG")).isEqualTo(3);
    assertThat(simulator.orders().get(0).inventoryBehaviour())
        .isEqualTo("DECREMENT_OBEYING_POLICY");
  }

  @Test
  void decrementObeyingPolicyWithInsufficientStockFailsAndCreatesNothing() {
    JsonNode payload = create(Fixtures.order("M-1", mugId, teeId), "DECREMENT_OBEYING_POLICY");

    assertThat(payload.path("order").isNull()).isTrue();
    assertThat(payload.path("userErrors").path(0).path("code").asString())
        .isEqualTo("INVENTORY_CLAIM_FAILED");
    assertThat(simulator.orders()).isEmpty();
    assertThat(simulator.available("MUG")).isEqualTo(5);
    assertThat(simulator.available("TEE")).isEqualTo(1);
  }

  @Test
  void decrementIgnoringPolicyMayTakeStockBelowZero() {
    create(Fixtures.order("M-1", teeId), "DECREMENT_IGNORING_POLICY");

    assertThat(simulator.available("TEE")).isEqualTo(-1);
  }

  @Test
  void anUnknownVariantIsAUserErrorOnThatLine() {
    JsonNode payload =
        create(Fixtures.order("M-1", mugId, "gid://shopify/ProductVariant/999"), null);

    assertThat(payload.path("order").isNull()).isTrue();
    JsonNode error = payload.path("userErrors").path(0);
    assertThat(error.path("code").asString()).isEqualTo("INVALID");
    assertThat(error.path("field").toString())
        .isEqualTo("[\"order\",\"lineItems\",\"1\",\"variantId\"]");
    assertThat(simulator.orders()).isEmpty();
  }

  @Test
  void taxLinesOnBothTheOrderAndALineAreRefused() {
    Map<String, Object> taxLine =
        Map.of(
            "title", "TVA",
            "rate", "0.2",
            "priceSet", Map.of("shopMoney", Map.of("amount", "6.66", "currencyCode", "EUR")));
    Map<String, Object> order = Fixtures.order("M-1", mugId);
    order.put("taxLines", List.of(taxLine));
    @SuppressWarnings("unchecked")
    Map<String, Object> line = (Map<String, Object>) ((List<?>) order.get("lineItems")).get(0);
    line.put("taxLines", List.of(taxLine));

    JsonNode payload = create(order, null);

    assertThat(payload.path("userErrors").path(0).path("code").asString()).isEqualTo("INVALID");
    assertThat(payload.path("userErrors").path(0).path("field").toString())
        .isEqualTo("[\"order\",\"taxLines\"]");
    assertThat(simulator.orders()).isEmpty();
  }

  @Test
  void aSecondOrderWithTheSameIdMetafieldValueIsRefused() {
    client.post(Fixtures.DEFINE_ORDER_REF);
    create(Fixtures.order("M-1", mugId), null);

    JsonNode payload = create(Fixtures.order("M-1", mugId), null);

    assertThat(payload.path("order").isNull()).isTrue();
    JsonNode error = payload.path("userErrors").path(0);
    assertThat(error.path("code").asString()).isEqualTo("INVALID");
    assertThat(error.path("message").asString()).contains("taken");
    assertThat(simulator.orders()).hasSize(1);
  }

  @Test
  void withUniquenessNotEnforcedTheDuplicateIsCreated() {
    simulator.close();
    simulator =
        ShopifySimulator.start(
            ShopifySimulator.Options.defaults().withUniqueIdMetafieldEnforced(false));
    client = new AdminClient(simulator);
    String variant = simulator.addProduct("MUG", "Blue mug", new BigDecimal("19.99"), 5);
    client.post(Fixtures.DEFINE_ORDER_REF);
    create(Fixtures.order("M-1", variant), null);

    JsonNode payload = create(Fixtures.order("M-1", variant), null);

    assertThat(payload.path("userErrors")).isEmpty();
    assertThat(simulator.orders()).hasSize(2);
  }

  @Test
  void theSameMetafieldValueWithoutAnIdDefinitionIsNotUnique() {
    create(Fixtures.order("M-1", mugId), null);

    JsonNode payload = create(Fixtures.order("M-1", mugId), null);

    assertThat(payload.path("userErrors")).isEmpty();
    assertThat(simulator.orders()).hasSize(2);
  }

  @Test
  void aMetafieldWhoseTypeContradictsItsDefinitionIsRefused() {
    client.post(Fixtures.DEFINE_ORDER_REF);
    Map<String, Object> order = Fixtures.order("M-1", mugId);
    order.put(
        "metafields",
        List.of(
            Map.of(
                "namespace", "$app:marketplace",
                "key", "order_ref",
                "type", "single_line_text_field",
                "value", "M-1")));

    JsonNode payload = create(order, null);

    assertThat(payload.path("userErrors").path(0).path("field").toString())
        .isEqualTo("[\"order\",\"metafields\",\"0\",\"type\"]");
  }

  @Test
  void aCustomLineWithoutVariantKeepsItsOwnTitleSkuAndPrice() {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("title", "Engraving");
    line.put("sku", "SRV-ENGRAVE");
    line.put("quantity", 1);
    line.put("priceSet", Map.of("shopMoney", Map.of("amount", "5.00", "currencyCode", "EUR")));
    Map<String, Object> order = Fixtures.order("M-1");
    order.put("lineItems", List.of(line));

    JsonNode line0 = create(order, null).path("order").path("lineItems").path("nodes").path(0);

    assertThat(line0.path("variant").isNull()).isTrue();
    assertThat(line0.path("title").asString()).isEqualTo("Engraving");
    assertThat(line0.path("sku").asString()).isEqualTo("SRV-ENGRAVE");
    assertThat(simulator.orders().get(0).lineItems().get(0).unitPrice())
        .isEqualByComparingTo("5.00");
  }

  private JsonNode create(Map<String, Object> order, String inventoryBehaviour) {
    AdminClient.Reply reply =
        client.post(Fixtures.ORDER_CREATE, Fixtures.variables(order, inventoryBehaviour));
    assertThat(reply.json().has("errors")).as(reply.raw().body()).isFalse();
    return reply.data().path("orderCreate");
  }
}
