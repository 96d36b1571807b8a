package io.synchron.simulator.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code returnProcess}: dispositions, restocking, refunds, closing, webhooks. */
class ReturnProcessTest {

  static final String RETURN_PROCESS =
      """
      mutation ProcessReturn($input: ReturnProcessInput!) {
        returnProcess(input: $input) {
          return {
            id status closedAt
            returnLineItems(first: 10) {
              nodes {
                id quantity processedQuantity unprocessedQuantity processableQuantity
                refundedQuantity refundableQuantity
              }
            }
            refunds(first: 5) {
              nodes {
                id
                return { id }
                totalRefundedSet { shopMoney { amount } }
                refundLineItems(first: 5) {
                  nodes { quantity restockType restocked totalTaxSet { shopMoney { amount } } }
                }
                refundShippingLines(first: 5) { nodes { subtotalAmountSet { shopMoney { amount } } taxAmountSet { shopMoney { amount } } } }
                transactions(first: 5) { nodes { kind gateway parentTransaction { id } amountSet { shopMoney { amount } } } }
              }
            }
            reverseFulfillmentOrders(first: 2) {
              nodes {
                id status
                lineItems(first: 10) {
                  nodes { id totalQuantity dispositions { quantity type location { id } } }
                }
              }
            }
          }
          userErrors { field message code }
        }
      }
      """;

  static final String PROCESS_IDEMPOTENT =
      """
      mutation ProcessReturn($input: ReturnProcessInput!) {
        returnProcess(input: $input) @idempotent(key: "k") { return { id } userErrors { message } }
      }
      """;

  static final String SALE =
      """
      query Sale($id: ID!) { order(id: $id) { transactions { id kind } } }
      """;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
  private final WebhookReceiver receiver = new WebhookReceiver();
  private ShopifySimulator simulator;
  private AdminClient client;
  private String orderId;
  private String returnId;
  private String saleId;

  /**
   * 2 mugs at 19.99 (8.00 VAT) and 2 tees at 15.00 (6.00 VAT), 4.90 shipping (0.98 VAT), taxes
   * excluded, paid 89.86; all fulfilled; a return of both mugs and one tee.
   */
  @BeforeEach
  void start() {
    simulator = ShopifySimulator.start(ShopifySimulator.Options.defaults().withClock(clock));
    client = new AdminClient(simulator);
    String mugId = simulator.addProduct("MUG", "Blue mug", new BigDecimal("19.99"), 10);
    String teeId = simulator.addProduct("TEE", "T-shirt", new BigDecimal("15.00"), 10);
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("currency", "EUR");
    order.put("taxesIncluded", false);
    order.put("lineItems", List.of(line(mugId, "19.99", "8.00"), line(teeId, "15.00", "6.00")));
    order.put(
        "shippingLines",
        List.of(
            Map.of(
                "title",
                "Standard",
                "priceSet",
                money("4.90"),
                "taxLines",
                List.of(Map.of("title", "VAT", "rate", "0.2", "priceSet", money("0.98"))))));
    order.put(
        "transactions",
        List.of(
            Map.of(
                "kind",
                "SALE",
                "status",
                "SUCCESS",
                "gateway",
                "mirakl",
                "amountSet",
                money("89.86"))));
    orderId =
        client
            .post(Fixtures.ORDER_CREATE, Fixtures.variables(order, "DECREMENT_OBEYING_POLICY"))
            .data()
            .path("orderCreate")
            .path("order")
            .path("id")
            .asString();
    simulator.fulfill(orderId, Map.of(), "UPS", "1Z1", null);
    Map<String, Integer> returned = new LinkedHashMap<>();
    returned.put("MUG", 2);
    returned.put("TEE", 1);
    returnId = simulator.requestReturn(orderId, returned);
    saleId =
        client
            .post(SALE, Map.of("id", orderId))
            .data()
            .path("order")
            .path("transactions")
            .path(0)
            .path("id")
            .asString();
    clock.advance(Duration.ofMinutes(10));
  }

  @AfterEach
  void stop() {
    simulator.close();
    receiver.close();
  }

  @Test
  void processingWithRestockPutsTheUnitsBackInStockWithoutRefunding() {
    OrderView.ReturnLineView mugs = returnLine("MUG");

    JsonNode payload =
        process(input(processLine(mugs, 1, disposition(mugs, 1, "RESTOCKED", true))));

    assertThat(payload.path("userErrors")).isEmpty();
    JsonNode returned = payload.path("return");
    assertThat(returned.path("status").asString()).isEqualTo("OPEN");
    JsonNode line = returned.path("returnLineItems").path("nodes").path(0);
    assertThat(line.path("processedQuantity").asInt()).isEqualTo(1);
    assertThat(line.path("unprocessedQuantity").asInt()).isEqualTo(1);
    assertThat(line.path("processableQuantity").asInt()).isEqualTo(1);
    assertThat(line.path("refundedQuantity").asInt()).isZero();
    assertThat(line.path("refundableQuantity").asInt()).isEqualTo(2);
    assertThat(returned.path("refunds").path("nodes")).isEmpty();
    JsonNode reverse = returned.path("reverseFulfillmentOrders").path("nodes").path(0);
    assertThat(reverse.path("status").asString()).isEqualTo("OPEN");
    JsonNode disposition =
        reverse.path("lineItems").path("nodes").path(0).path("dispositions").path(0);
    assertThat(disposition.path("type").asString()).isEqualTo("RESTOCKED");
    assertThat(disposition.path("quantity").asInt()).isEqualTo(1);
    assertThat(disposition.path("location").path("id").asString())
        .isEqualTo(simulator.order(orderId).orElseThrow().fulfillmentOrders().get(0).locationId());
    assertThat(simulator.available("MUG")).isEqualTo(9);
    assertThat(simulator.order(orderId).orElseThrow().refunds()).isEmpty();
  }

  @Test
  void processingWithoutRestockLeavesStockAlone() {
    OrderView.ReturnLineView mugs = returnLine("MUG");

    process(input(processLine(mugs, 2, disposition(mugs, 2, "NOT_RESTOCKED", false))));

    assertThat(simulator.available("MUG")).isEqualTo(8);
    assertThat(simulator.returnOf(returnId).orElseThrow().lines().get(0).dispositions())
        .singleElement()
        .satisfies(d -> assertThat(d.type()).isEqualTo("NOT_RESTOCKED"));
  }

  @Test
  void processingWithARefundRefundsTheUnitsWithTheirTaxAgainstTheParentPayment() {
    OrderView.ReturnLineView mugs = returnLine("MUG");
    Map<String, Object> input =
        input(processLine(mugs, 1, disposition(mugs, 1, "RESTOCKED", true)));
    // One mug: 19.99 + 8.00 / 2 = 23.99.
    input.put("financialTransfer", issueRefund("23.99"));

    JsonNode returned = process(input).path("return");

    JsonNode refund = returned.path("refunds").path("nodes").path(0);
    assertThat(refund.path("return").path("id").asString()).isEqualTo(returnId);
    assertThat(refund.path("totalRefundedSet").path("shopMoney").path("amount").asString())
        .isEqualTo("23.99");
    JsonNode refundLine = refund.path("refundLineItems").path("nodes").path(0);
    assertThat(refundLine.path("quantity").asInt()).isEqualTo(1);
    assertThat(refundLine.path("restockType").asString()).isEqualTo("RETURN");
    assertThat(refundLine.path("restocked").asBoolean()).isTrue();
    assertThat(refundLine.path("totalTaxSet").path("shopMoney").path("amount").asString())
        .isEqualTo("4.00");
    JsonNode transaction = refund.path("transactions").path("nodes").path(0);
    assertThat(transaction.path("kind").asString()).isEqualTo("REFUND");
    assertThat(transaction.path("gateway").asString()).isEqualTo("mirakl");
    assertThat(transaction.path("parentTransaction").path("id").asString()).isEqualTo(saleId);
    assertThat(
            returned.path("returnLineItems").path("nodes").path(0).path("refundedQuantity").asInt())
        .isEqualTo(1);
    // Restocked once, by the disposition, not again by the refund.
    assertThat(simulator.available("MUG")).isEqualTo(9);
    OrderView order = simulator.order(orderId).orElseThrow();
    assertThat(order.totalRefunded()).isEqualByComparingTo("23.99");
    assertThat(order.displayFinancialStatus()).isEqualTo("PARTIALLY_REFUNDED");
    assertThat(order.refunds().get(0).returnId()).isEqualTo(returnId);
    assertThat(order.lineItems().get(0).currentQuantity()).isEqualTo(1);
  }

  @Test
  void processingCanRefundShippingWithItsTax() {
    OrderView.ReturnLineView tee = returnLine("TEE");
    Map<String, Object> input =
        input(processLine(tee, 1, disposition(tee, 1, "NOT_RESTOCKED", false)));
    input.put("refundShipping", Map.of("fullRefund", true));
    // 15.00 + 3.00 + 4.90 + 0.98.
    input.put("financialTransfer", issueRefund("23.88"));

    JsonNode refund = process(input).path("return").path("refunds").path("nodes").path(0);

    JsonNode shipping = refund.path("refundShippingLines").path("nodes").path(0);
    assertThat(shipping.path("subtotalAmountSet").path("shopMoney").path("amount").asString())
        .isEqualTo("4.90");
    assertThat(shipping.path("taxAmountSet").path("shopMoney").path("amount").asString())
        .isEqualTo("0.98");
    assertThat(refund.path("refundLineItems").path("nodes").path(0).path("restockType").asString())
        .isEqualTo("NO_RESTOCK");
    assertThat(simulator.order(orderId).orElseThrow().refunds().get(0).adjustments()).isEmpty();
  }

  @Test
  void partialProcessingKeepsTheReturnOpenAndProcessingTheRestClosesIt() {
    simulator.processReturn(returnId, Map.of("MUG", 1), true, false);
    assertThat(simulator.returnOf(returnId).orElseThrow().status()).isEqualTo("OPEN");

    simulator.processReturn(returnId, Map.of("MUG", 1, "TEE", 1), false, false);

    OrderView.ReturnView returned = simulator.returnOf(returnId).orElseThrow();
    assertThat(returned.status()).isEqualTo("CLOSED");
    assertThat(returned.closedAt()).isEqualTo(Instant.parse("2026-11-26T09:10:00Z"));
    assertThat(returned.lines()).allSatisfy(l -> assertThat(l.unprocessedQuantity()).isZero());
    OrderView.ReturnLineView mugs = returned.lines().get(0);
    JsonNode refused = process(input(processLine(mugs, 1, null)));
    assertThat(refused.path("return").isNull()).isTrue();
    assertThat(refused.path("userErrors").path(0).path("code").asString())
        .isEqualTo("INVALID_STATE");
    assertThatThrownBy(() -> simulator.processReturn(returnId, Map.of("MUG", 1), true, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theMerchantProcessesAndRefundsByMoney() {
    String refundId = simulator.processReturn(returnId, Map.of("MUG", 2, "TEE", 1), true, true);

    OrderView order = simulator.order(orderId).orElseThrow();
    OrderView.RefundView refund = order.refunds().get(0);
    assertThat(refund.id()).isEqualTo(refundId);
    // 2 × 19.99 + 8.00 + 15.00 + 3.00.
    assertThat(refund.totalRefunded()).isEqualByComparingTo("65.98");
    assertThat(refund.totalTax()).isEqualByComparingTo("11.00");
    assertThat(refund.adjustments()).isEmpty();
    assertThat(simulator.available("MUG")).isEqualTo(10);
    assertThat(simulator.available("TEE")).isEqualTo(9);
    OrderView.ReturnView returned = simulator.returnOf(returnId).orElseThrow();
    assertThat(returned.status()).isEqualTo("CLOSED");
    assertThat(returned.refundIds()).containsExactly(refundId);
    assertThat(returned.lines())
        .allSatisfy(l -> assertThat(l.refundedQuantity()).isEqualTo(l.quantity()));
  }

  @Test
  void processingWithoutARefundAnswersNoRefund() {
    assertThat(simulator.processReturn(returnId, Map.of("TEE", 1), false, false)).isNull();
    assertThat(simulator.order(orderId).orElseThrow().refunds()).isEmpty();
  }

  @Test
  void eachWebhookOfAProcessingThatClosesTheReturnFiresOnce() {
    for (String topic :
        List.of(
            "RETURNS_PROCESS",
            "RETURNS_CLOSE",
            "REFUNDS_CREATE",
            "REVERSE_FULFILLMENT_ORDERS_DISPOSE",
            "ORDERS_UPDATED")) {
      client.post(Fixtures.SUBSCRIBE, Map.of("topic", topic, "uri", receiver.uri("/shopify")));
    }
    simulator.webhooks().holdAll();

    String refundId = simulator.processReturn(returnId, Map.of("MUG", 2, "TEE", 1), true, true);

    assertThat(simulator.webhooks().held()).isEqualTo(5);
    simulator.webhooks().releaseAll();
    List<WebhookReceiver.Received> received = receiver.awaitCount(5);
    assertThat(received)
        .extracting(WebhookReceiver.Received::topic)
        .containsExactlyInAnyOrder(
            "returns/process",
            "returns/close",
            "refunds/create",
            "reverse_fulfillment_orders/dispose",
            "orders/updated");
    long returnLegacyId = WebhookPayloads.legacyId(returnId);
    JsonNode processed = receiver.awaitTopic("returns/process").json();
    assertThat(processed.path("id").asLong()).isEqualTo(returnLegacyId);
    assertThat(processed.path("admin_graphql_api_order_id").asString()).isEqualTo(orderId);
    assertThat(processed.path("order_id").asLong()).isEqualTo(WebhookPayloads.legacyId(orderId));
    assertThat(processed.path("return_line_items").path(0).path("processed_quantity").asInt())
        .isEqualTo(2);
    assertThat(processed.path("exchange_line_items")).isEmpty();
    JsonNode closed = receiver.awaitTopic("returns/close").json();
    assertThat(closed.path("status").asString()).isEqualTo("closed");
    assertThat(closed.path("admin_graphql_api_id").asString()).isEqualTo(returnId);
    assertThat(closed.path("order_id").asLong()).isEqualTo(WebhookPayloads.legacyId(orderId));
    JsonNode refund = receiver.awaitTopic("refunds/create").json();
    assertThat(refund.path("admin_graphql_api_id").asString()).isEqualTo(refundId);
    assertThat(refund.path("return").path("admin_graphql_api_id").asString()).isEqualTo(returnId);
    assertThat(refund.path("restock").asBoolean()).isTrue();
    JsonNode disposed = receiver.awaitTopic("reverse_fulfillment_orders/dispose").json();
    assertThat(disposed.path("admin_graphql_api_id").asString())
        .startsWith("gid://shopify/ReverseFulfillmentOrder/");
    assertThat(disposed.path("total_dispositions").asInt()).isEqualTo(2);
    assertThat(disposed.path("dispositions").path(0).path("type").asString())
        .isEqualTo("restocked");
    assertThat(disposed.path("dispositions").path(0).path("quantity").asInt()).isEqualTo(2);
  }

  @Test
  void moreUnitsThanAreLeftToProcessIsAUserErrorAndChangesNothing() {
    OrderView.ReturnLineView tee = returnLine("TEE");

    JsonNode payload = process(input(processLine(tee, 2, disposition(tee, 2, "RESTOCKED", true))));

    assertThat(payload.path("return").isNull()).isTrue();
    assertThat(payload.path("userErrors").path(0).path("code").asString())
        .isEqualTo("LESS_THAN_OR_EQUAL_TO");
    assertThat(payload.path("userErrors").path(0).path("field").toString())
        .isEqualTo("[\"input\",\"returnLineItems\",\"0\",\"quantity\"]");
    assertThat(simulator.available("TEE")).isEqualTo(8);
    assertThat(simulator.returnOf(returnId).orElseThrow().lines().get(1).processedQuantity())
        .isZero();
  }

  @Test
  void restockingNeedsALocation() {
    OrderView.ReturnLineView mugs = returnLine("MUG");

    JsonNode payload =
        process(input(processLine(mugs, 1, disposition(mugs, 1, "RESTOCKED", false))));

    assertThat(payload.path("userErrors").path(0).path("code").asString()).isEqualTo("BLANK");
    assertThat(payload.path("userErrors").path(0).path("field").path(5).asString())
        .isEqualTo("locationId");
    assertThat(simulator.available("MUG")).isEqualTo(8);
  }

  @Test
  void aDispositionMustNameTheReturnLinesReverseFulfillmentOrderLine() {
    OrderView.ReturnLineView mugs = returnLine("MUG");
    OrderView.ReturnLineView tee = returnLine("TEE");

    JsonNode payload = process(input(processLine(mugs, 1, disposition(tee, 1, "RESTOCKED", true))));

    assertThat(payload.path("userErrors").path(0).path("code").asString()).isEqualTo("INVALID");
    assertThat(simulator.available("TEE")).isEqualTo(8);
  }

  @Test
  void aRefundMustNameAPaymentOfTheOrder() {
    OrderView.ReturnLineView mugs = returnLine("MUG");
    Map<String, Object> input = input(processLine(mugs, 1, null));
    input.put(
        "financialTransfer",
        Map.of(
            "issueRefund",
            Map.of(
                "orderTransactions",
                List.of(
                    Map.of(
                        "parentId",
                        "gid://shopify/OrderTransaction/1",
                        "transactionAmount",
                        Map.of("amount", "1.00", "currencyCode", "EUR"))))));

    JsonNode payload = process(input);

    assertThat(payload.path("userErrors").path(0).path("code").asString()).isEqualTo("NOT_FOUND");
    assertThat(payload.path("userErrors").path(0).path("field").toString()).contains("parentId");
    assertThat(simulator.returnOf(returnId).orElseThrow().lines().get(0).processedQuantity())
        .isZero();
  }

  @Test
  void refundingMoreThanWasPaidWhileProcessingIsRefusedAndProcessesNothing() {
    simulator.refundMoneyOnly(orderId, new BigDecimal("80.00"), "goodwill");
    OrderView.ReturnLineView mugs = returnLine("MUG");
    Map<String, Object> input =
        input(processLine(mugs, 1, disposition(mugs, 1, "RESTOCKED", true)));
    input.put("financialTransfer", issueRefund("23.99"));

    JsonNode payload = process(input);

    assertThat(payload.path("return").isNull()).isTrue();
    assertThat(payload.path("userErrors").path(0).path("message").asString()).contains("9.86");
    assertThat(simulator.available("MUG")).isEqualTo(8);
    assertThat(simulator.returnOf(returnId).orElseThrow().lines().get(0).processedQuantity())
        .isZero();
    assertThat(simulator.order(orderId).orElseThrow().refunds()).hasSize(1);
  }

  @Test
  void refundingShippingNeedsARefund() {
    OrderView.ReturnLineView tee = returnLine("TEE");
    Map<String, Object> input = input(processLine(tee, 1, null));
    input.put("refundShipping", Map.of("fullRefund", true));

    JsonNode payload = process(input);

    assertThat(payload.path("userErrors").path(0).path("field").toString())
        .isEqualTo("[\"input\",\"refundShipping\"]");
  }

  @Test
  void theIdempotentDirectiveIsNotSupportedOnReturnProcess() {
    OrderView.ReturnLineView tee = returnLine("TEE");

    AdminClient.Reply reply =
        client.post(PROCESS_IDEMPOTENT, Map.of("input", input(processLine(tee, 1, null))));

    assertThat(reply.firstError().path("message").asString()).contains("@idempotent");
    assertThat(simulator.returnOf(returnId).orElseThrow().lines().get(1).processedQuantity())
        .isZero();
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private JsonNode process(Map<String, Object> input) {
    return client.post(RETURN_PROCESS, Map.of("input", input)).data().path("returnProcess");
  }

  private OrderView.ReturnLineView returnLine(String sku) {
    return simulator.returnOf(returnId).orElseThrow().lines().stream()
        .filter(l -> l.sku().equals(sku))
        .findFirst()
        .orElseThrow();
  }

  @SafeVarargs
  private Map<String, Object> input(Map<String, Object>... lines) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("returnId", returnId);
    input.put("returnLineItems", List.of(lines));
    return input;
  }

  private static Map<String, Object> processLine(
      OrderView.ReturnLineView line, int quantity, Map<String, Object> disposition) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("id", line.id());
    input.put("quantity", quantity);
    if (disposition != null) {
      input.put("dispositions", List.of(disposition));
    }
    return input;
  }

  private Map<String, Object> disposition(
      OrderView.ReturnLineView line, int quantity, String type, boolean withLocation) {
    Map<String, Object> disposition = new LinkedHashMap<>();
    disposition.put("reverseFulfillmentOrderLineItemId", line.reverseFulfillmentOrderLineItemId());
    disposition.put("quantity", quantity);
    disposition.put("dispositionType", type);
    if (withLocation) {
      disposition.put(
          "locationId",
          simulator.order(orderId).orElseThrow().fulfillmentOrders().get(0).locationId());
    }
    return disposition;
  }

  private Map<String, Object> issueRefund(String amount) {
    return Map.of(
        "issueRefund",
        Map.of(
            "orderTransactions",
            List.of(
                Map.of(
                    "parentId",
                    saleId,
                    "transactionAmount",
                    Map.of("amount", amount, "currencyCode", "EUR")))));
  }

  private static Map<String, Object> line(String variantId, String price, String tax) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("variantId", variantId);
    line.put("quantity", 2);
    line.put("requiresShipping", true);
    line.put("priceSet", money(price));
    List<Object> taxes = new ArrayList<>();
    taxes.add(Map.of("title", "VAT", "rate", "0.2", "priceSet", money(tax)));
    line.put("taxLines", taxes);
    return line;
  }

  private static Map<String, Object> money(String amount) {
    return Map.of("shopMoney", Map.of("amount", amount, "currencyCode", "EUR"));
  }
}
