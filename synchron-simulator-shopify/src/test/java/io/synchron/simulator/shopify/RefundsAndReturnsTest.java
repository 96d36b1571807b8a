package io.synchron.simulator.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code refundCreate}, returns, and the merchant-side refund and return methods. */
class RefundsAndReturnsTest {

  static final String REFUND_CREATE =
      """
      mutation CreateRefund($input: RefundInput!, $key: String!) {
        refundCreate(input: $input) @idempotent(key: $key) {
          refund {
            id createdAt note
            totalRefundedSet { shopMoney { amount currencyCode } }
            refundLineItems(first: 10) {
              nodes { lineItem { id sku } quantity restockType subtotalSet { shopMoney { amount } } }
            }
            transactions(first: 5) { nodes { kind gateway status amountSet { shopMoney { amount } } } }
          }
          order { id displayFinancialStatus }
          userErrors { field message }
        }
      }
      """;

  static final String REFUND_WITHOUT_KEY =
      """
      mutation CreateRefund($input: RefundInput!) {
        refundCreate(input: $input) { refund { id } userErrors { field message } }
      }
      """;

  static final String ORDER_MONEY =
      """
      query OrderMoney($id: ID!) {
        order(id: $id) {
          displayFinancialStatus
          totalRefundedSet { shopMoney { amount currencyCode } }
          lineItems(first: 10) { nodes { sku currentQuantity refundableQuantity } }
          refunds(first: 10) { id note refundLineItems(first: 5) { nodes { quantity } } }
          returns(first: 5) { nodes { id name status returnLineItems(first: 5) { nodes { id quantity } } } }
        }
      }
      """;

  static final String RETURN_CREATE =
      """
      mutation CreateReturn($input: ReturnInput!) {
        returnCreate(returnInput: $input) {
          return {
            id status name totalQuantity
            returnLineItems(first: 5) {
              nodes { id quantity ... on ReturnLineItem { returnReason fulfillmentLineItem { id } } }
            }
          }
          userErrors { field message code }
        }
      }
      """;

  static final String RETURN_CLOSE =
      """
      mutation CloseReturn($id: ID!) {
        returnClose(id: $id) { return { id status closedAt } userErrors { field message code } }
      }
      """;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
  private final WebhookReceiver receiver = new WebhookReceiver();
  private ShopifySimulator simulator;
  private AdminClient client;
  private String orderId;
  private String mugLine;
  private String teeLine;

  @BeforeEach
  void start() {
    simulator = ShopifySimulator.start(ShopifySimulator.Options.defaults().withClock(clock));
    client = new AdminClient(simulator);
    String mugId = simulator.addProduct("MUG", "Blue mug", new BigDecimal("19.99"), 50);
    String teeId = simulator.addProduct("TEE", "T-shirt", new BigDecimal("15.00"), 50);
    for (String topic :
        List.of("REFUNDS_CREATE", "ORDERS_UPDATED", "RETURNS_APPROVE", "RETURNS_CLOSE")) {
      client.post(Fixtures.SUBSCRIBE, Map.of("topic", topic, "uri", receiver.uri("/shopify")));
    }
    Map<String, Object> order = new LinkedHashMap<>(Fixtures.order("M-1", mugId, teeId));
    order.put(
        "shippingLines",
        List.of(
            Map.of(
                "title",
                "Standard",
                "priceSet",
                Map.of("shopMoney", Map.of("amount", "4.90", "currencyCode", "EUR")))));
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
                Map.of("shopMoney", Map.of("amount", "74.88", "currencyCode", "EUR")))));
    JsonNode created =
        client
            .post(Fixtures.ORDER_CREATE, Fixtures.variables(order, "DECREMENT_IGNORING_POLICY"))
            .data()
            .path("orderCreate")
            .path("order");
    orderId = created.path("id").asString();
    mugLine = created.path("lineItems").path("nodes").path(0).path("id").asString();
    teeLine = created.path("lineItems").path("nodes").path(1).path("id").asString();
    clock.advance(Duration.ofMinutes(10));
  }

  @AfterEach
  void stop() {
    simulator.close();
    receiver.close();
  }

  @Test
  void aRefundWithoutTheIdempotentDirectiveIsRefusedAndChangesNothing() {
    AdminClient.Reply reply =
        client.post(REFUND_WITHOUT_KEY, Map.of("input", input(line(mugLine, 1, "CANCEL"))));

    assertThat(reply.firstError().path("message").asString()).contains("@idempotent");
    assertThat(reply.data().path("refundCreate").isNull()).isTrue();
    assertThat(simulator.order(orderId).orElseThrow().refunds()).isEmpty();
    assertThat(simulator.available("MUG")).isEqualTo(48);
  }

  @Test
  void aBlankIdempotencyKeyIsRefused() {
    AdminClient.Reply reply = refund(input(line(mugLine, 1, "CANCEL")), "   ");

    assertThat(reply.firstError().path("message").asString()).contains("empty");
    assertThat(simulator.order(orderId).orElseThrow().refunds()).isEmpty();
  }

  @Test
  void aCancelRefundRestocksTheUnitsAndPaysBackTheTransaction() {
    Map<String, Object> input = input(line(mugLine, 1, "CANCEL"));
    input.put("transactions", List.of(transaction("19.99")));
    input.put("note", "Out of stock at the marketplace");

    JsonNode payload = refund(input, "key-1").data().path("refundCreate");

    JsonNode refund = payload.path("refund");
    assertThat(payload.path("userErrors")).isEmpty();
    assertThat(refund.path("id").asString()).startsWith("gid://shopify/Refund/");
    assertThat(refund.path("createdAt").asString()).isEqualTo("2026-11-26T09:10:00Z");
    assertThat(refund.path("note").asString()).isEqualTo("Out of stock at the marketplace");
    assertThat(refund.path("totalRefundedSet").path("shopMoney").path("amount").asString())
        .isEqualTo("19.99");
    JsonNode line = refund.path("refundLineItems").path("nodes").path(0);
    assertThat(line.path("lineItem").path("sku").asString()).isEqualTo("MUG");
    assertThat(line.path("quantity").asInt()).isEqualTo(1);
    assertThat(line.path("restockType").asString()).isEqualTo("CANCEL");
    assertThat(line.path("subtotalSet").path("shopMoney").path("amount").asString())
        .isEqualTo("19.99");
    JsonNode transaction = refund.path("transactions").path("nodes").path(0);
    assertThat(transaction.path("kind").asString()).isEqualTo("REFUND");
    assertThat(transaction.path("gateway").asString()).isEqualTo("mirakl");
    assertThat(payload.path("order").path("displayFinancialStatus").asString())
        .isEqualTo("PARTIALLY_REFUNDED");
    assertThat(simulator.available("MUG")).isEqualTo(49);
    JsonNode order = orderMoney();
    assertThat(order.path("totalRefundedSet").path("shopMoney").path("amount").asString())
        .isEqualTo("19.99");
    assertThat(order.path("lineItems").path("nodes").path(0).path("currentQuantity").asInt())
        .isEqualTo(1);
    assertThat(order.path("lineItems").path("nodes").path(0).path("refundableQuantity").asInt())
        .isEqualTo(1);
    assertThat(order.path("refunds").path(0).path("id").asString())
        .isEqualTo(refund.path("id").asString());
  }

  @Test
  void aRepeatedKeyReturnsTheFirstRefundWithoutRefundingAgain() {
    Map<String, Object> input = input(line(mugLine, 1, "CANCEL"));
    input.put("transactions", List.of(transaction("19.99")));

    String first = refundId(refund(input, "same-key"));
    String second = refundId(refund(input, "same-key"));

    assertThat(second).isEqualTo(first);
    assertThat(simulator.order(orderId).orElseThrow().refunds()).hasSize(1);
    assertThat(simulator.available("MUG")).isEqualTo(49);
    assertThat(simulator.order(orderId).orElseThrow().totalRefunded())
        .isEqualByComparingTo("19.99");
  }

  @Test
  void aRepeatedKeyWithOtherParametersIsRefused() {
    refund(input(line(mugLine, 1, "CANCEL")), "k");

    AdminClient.Reply reply = refund(input(line(teeLine, 1, "CANCEL")), "k");

    assertThat(reply.firstError().path("extensions").path("code").asString())
        .isEqualTo("IDEMPOTENCY_KEY_PARAMETER_MISMATCH");
    assertThat(simulator.order(orderId).orElseThrow().refunds()).hasSize(1);
  }

  @Test
  void refundingMoreUnitsThanAreLeftIsAUserError() {
    JsonNode payload = refund(input(line(mugLine, 3, "CANCEL")), "k").data().path("refundCreate");

    assertThat(payload.path("refund").isNull()).isTrue();
    assertThat(payload.path("userErrors").path(0).path("field").toString())
        .isEqualTo("[\"refundLineItems\",\"0\",\"quantity\"]");
    assertThat(simulator.available("MUG")).isEqualTo(48);
  }

  @Test
  void refundingMoreMoneyThanWasPaidIsAUserError() {
    // Paid: 2 x 19.99 + 2 x 15.00 + 4.90 shipping = 74.88.
    Map<String, Object> first = input();
    first.put("transactions", List.of(transaction("70.00")));
    refund(first, "k1");
    Map<String, Object> second = input();
    second.put("transactions", List.of(transaction("5.00")));

    JsonNode payload = refund(second, "k2").data().path("refundCreate");

    assertThat(payload.path("userErrors").path(0).path("field").toString())
        .isEqualTo("[\"transactions\"]");
    assertThat(payload.path("userErrors").path(0).path("message").asString()).contains("4.88");
    assertThat(simulator.order(orderId).orElseThrow().refunds()).hasSize(1);
  }

  @Test
  void aReturnRestockTypeNeedsFulfilledUnits() {
    JsonNode payload = refund(input(line(mugLine, 1, "RETURN")), "k").data().path("refundCreate");

    assertThat(payload.path("userErrors").path(0).path("message").asString()).contains("RETURN");
  }

  @Test
  void noRestockLeavesStockAloneButTakesTheUnitsOffTheFulfillmentOrder() {
    refund(input(line(teeLine, 2, "NO_RESTOCK")), "k");

    assertThat(simulator.available("TEE")).isEqualTo(48);
    OrderView order = simulator.order(orderId).orElseThrow();
    assertThat(order.fulfillmentOrders().get(0).lines().get(1).remainingQuantity()).isZero();
    assertThat(order.lineItems().get(1).currentQuantity()).isZero();
  }

  @Test
  void theFinancialStatusGoesFromPaidToPartiallyRefundedToRefunded() {
    assertThat(simulator.order(orderId).orElseThrow().displayFinancialStatus()).isEqualTo("PAID");

    simulator.refund(orderId, Map.of("MUG", 2), true, null, "first");
    assertThat(orderMoney().path("displayFinancialStatus").asString())
        .isEqualTo("PARTIALLY_REFUNDED");

    simulator.refund(orderId, Map.of("TEE", 2), true, new BigDecimal("4.90"), "rest");
    OrderView order = simulator.order(orderId).orElseThrow();
    assertThat(order.displayFinancialStatus()).isEqualTo("REFUNDED");
    assertThat(order.totalRefunded()).isEqualByComparingTo("74.88");
    assertThat(order.refunds())
        .extracting(OrderView.RefundView::note)
        .containsExactly("first", "rest");
    assertThat(order.refunds().get(1).shipping()).isEqualByComparingTo("4.90");
  }

  @Test
  void theMerchantRefundReturnsFulfilledUnitsToStockAsReturn() {
    simulator.fulfill(orderId, Map.of("MUG", 2), "UPS", "1Z1", null);

    String refundId = simulator.refund(orderId, Map.of("MUG", 1), true, null, null);

    OrderView order = simulator.order(orderId).orElseThrow();
    assertThat(refundId).startsWith("gid://shopify/Refund/");
    assertThat(order.refunds().get(0).lines())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.restockType()).isEqualTo("RETURN");
              assertThat(l.subtotal()).isEqualByComparingTo("19.99");
            });
    assertThat(simulator.available("MUG")).isEqualTo(49);
    assertThat(order.displayFulfillmentStatus()).isEqualTo("PARTIALLY_FULFILLED");
    assertThatThrownBy(() -> simulator.refund(orderId, Map.of("MUG", 2), true, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refundsCreateCarriesTheRestRefundSignedWithTheSecret() {
    String refundId =
        simulator.refund(orderId, Map.of("MUG", 1), true, new BigDecimal("4.90"), "n");

    WebhookReceiver.Received received = receiver.awaitTopic("refunds/create");
    JsonNode body = received.json();
    assertThat(WebhookReceiver.verifies(received, ShopifySimulator.DEFAULT_WEBHOOK_SECRET))
        .isTrue();
    assertThat(body.path("id").asLong()).isEqualTo(WebhookPayloads.legacyId(refundId));
    assertThat(body.path("admin_graphql_api_id").asString()).isEqualTo(refundId);
    assertThat(body.path("order_id").asLong()).isEqualTo(WebhookPayloads.legacyId(orderId));
    assertThat(body.path("note").asString()).isEqualTo("n");
    assertThat(body.path("restock").asBoolean()).isTrue();
    assertThat(body.path("created_at").asString()).isEqualTo("2026-11-26T09:10:00+00:00");
    JsonNode line = body.path("refund_line_items").path(0);
    assertThat(line.path("id").isNumber()).isTrue();
    assertThat(line.path("line_item_id").asLong()).isEqualTo(WebhookPayloads.legacyId(mugLine));
    assertThat(line.path("quantity").asInt()).isEqualTo(1);
    assertThat(line.path("restock_type").asString()).isEqualTo("cancel");
    assertThat(line.path("subtotal").asString()).isEqualTo("19.99");
    assertThat(line.path("total_tax").asString()).isEqualTo("0.00");
    assertThat(line.path("line_item").path("sku").asString()).isEqualTo("MUG");
    JsonNode transaction = body.path("transactions").path(0);
    assertThat(transaction.path("amount").asString()).isEqualTo("24.89");
    assertThat(transaction.path("kind").asString()).isEqualTo("refund");
    assertThat(transaction.path("gateway").asString()).isEqualTo("mirakl");
    assertThat(transaction.path("status").asString()).isEqualTo("success");
    assertThat(
            body.path("refund_shipping_lines")
                .path(0)
                .path("subtotal_amount_set")
                .path("shop_money")
                .path("amount")
                .asString())
        .isEqualTo("4.90");
    JsonNode updated = receiver.awaitTopic("orders/updated").json();
    assertThat(updated.path("financial_status").asString()).isEqualTo("partially_refunded");
  }

  @Test
  void aReturnOpensOnFulfilledUnitsAndCanBeClosed() {
    String fulfillmentId = simulator.fulfill(orderId, Map.of("MUG", 2), "UPS", "1Z1", null);
    String fulfillmentLine =
        simulator.order(orderId).orElseThrow().fulfillments().get(0).lines().get(0).id();
    assertThat(fulfillmentId).isNotNull();

    JsonNode created =
        client
            .post(
                RETURN_CREATE,
                Map.of(
                    "input",
                    Map.of(
                        "orderId",
                        orderId,
                        "returnLineItems",
                        List.of(
                            Map.of(
                                "fulfillmentLineItemId",
                                fulfillmentLine,
                                "quantity",
                                1,
                                "returnReason",
                                "DEFECTIVE")))))
            .data()
            .path("returnCreate");

    JsonNode returned = created.path("return");
    assertThat(created.path("userErrors")).isEmpty();
    assertThat(returned.path("status").asString()).isEqualTo("OPEN");
    assertThat(returned.path("name").asString()).isEqualTo("#1001-R1");
    assertThat(returned.path("totalQuantity").asInt()).isEqualTo(1);
    JsonNode line = returned.path("returnLineItems").path("nodes").path(0);
    assertThat(line.path("returnReason").asString()).isEqualTo("DEFECTIVE");
    assertThat(line.path("fulfillmentLineItem").path("id").asString()).isEqualTo(fulfillmentLine);
    JsonNode approve = receiver.awaitTopic("returns/approve").json();
    assertThat(approve.path("status").asString()).isEqualTo("open");
    assertThat(approve.path("return_line_items").path(0).path("quantity").asInt()).isEqualTo(1);

    String returnId = returned.path("id").asString();
    JsonNode closed = client.post(RETURN_CLOSE, Map.of("id", returnId)).data().path("returnClose");
    assertThat(closed.path("return").path("status").asString()).isEqualTo("CLOSED");
    assertThat(receiver.awaitTopic("returns/close").json().path("status").asString())
        .isEqualTo("closed");
    JsonNode again = client.post(RETURN_CLOSE, Map.of("id", returnId)).data().path("returnClose");
    assertThat(again.path("userErrors").path(0).path("code").asString()).isEqualTo("INVALID_STATE");
    assertThat(orderMoney().path("returns").path("nodes").path(0).path("status").asString())
        .isEqualTo("CLOSED");
  }

  @Test
  void aReturnOfMoreUnitsThanWereFulfilledIsAUserError() {
    simulator.fulfill(orderId, Map.of("MUG", 1), null, null, null);
    String fulfillmentLine =
        simulator.order(orderId).orElseThrow().fulfillments().get(0).lines().get(0).id();

    JsonNode payload =
        client
            .post(
                RETURN_CREATE,
                Map.of(
                    "input",
                    Map.of(
                        "orderId",
                        orderId,
                        "returnLineItems",
                        List.of(Map.of("fulfillmentLineItemId", fulfillmentLine, "quantity", 2)))))
            .data()
            .path("returnCreate");

    assertThat(payload.path("return").isNull()).isTrue();
    assertThat(payload.path("userErrors").path(0).path("code").asString())
        .isEqualTo("LESS_THAN_OR_EQUAL_TO");
  }

  @Test
  void theMerchantRequestsAReturnBySku() {
    simulator.fulfill(orderId, Map.of(), null, null, null);

    String returnId = simulator.requestReturn(orderId, Map.of("TEE", 2));

    OrderView.ReturnView returned = simulator.order(orderId).orElseThrow().returns().get(0);
    assertThat(returned.id()).isEqualTo(returnId);
    assertThat(returned.status()).isEqualTo("OPEN");
    assertThat(returned.lines())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.sku()).isEqualTo("TEE");
              assertThat(l.quantity()).isEqualTo(2);
            });
    assertThatThrownBy(() -> simulator.requestReturn(orderId, Map.of("TEE", 1)))
        .isInstanceOf(IllegalArgumentException.class);
    simulator.closeReturn(returnId);
    assertThat(simulator.order(orderId).orElseThrow().returns().get(0).status())
        .isEqualTo("CLOSED");
  }

  private AdminClient.Reply refund(Map<String, Object> input, String key) {
    return client.post(REFUND_CREATE, Map.of("input", input, "key", key));
  }

  private static String refundId(AdminClient.Reply reply) {
    return reply.data().path("refundCreate").path("refund").path("id").asString();
  }

  private JsonNode orderMoney() {
    return client.post(ORDER_MONEY, Map.of("id", orderId)).data().path("order");
  }

  @SafeVarargs
  private Map<String, Object> input(Map<String, Object>... lines) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("orderId", orderId);
    input.put("refundLineItems", List.of(lines));
    return input;
  }

  private static Map<String, Object> line(String lineItemId, int quantity, String restockType) {
    return Map.of("lineItemId", lineItemId, "quantity", quantity, "restockType", restockType);
  }

  private Map<String, Object> transaction(String amount) {
    return Map.of("orderId", orderId, "amount", amount, "gateway", "mirakl", "kind", "REFUND");
  }
}
