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

/**
 * Taxes and shipping in refunds: tax prorated by quantity (half-even, the last units taking the
 * remainder), both {@code taxesIncluded} readings, shipping refund lines with their tax, refund
 * discrepancies, over-refund refusal and money-only refunds.
 */
class RefundTaxesTest {

  static final String REFUND_CREATE =
      """
      mutation CreateRefund($input: RefundInput!, $key: String!) {
        refundCreate(input: $input) @idempotent(key: $key) {
          refund {
            id
            totalRefundedSet { shopMoney { amount } }
            refundLineItems(first: 10) {
              nodes {
                quantity
                subtotalSet { shopMoney { amount } }
                totalTaxSet { shopMoney { amount currencyCode } }
              }
            }
            refundShippingLines(first: 5) {
              nodes {
                id
                shippingLine {
                  id title
                  originalPriceSet { shopMoney { amount } }
                  taxLines { title rate priceSet { shopMoney { amount } } }
                }
                subtotalAmountSet { shopMoney { amount } }
                taxAmountSet { shopMoney { amount } }
              }
            }
            orderAdjustments(first: 5) {
              nodes { id reason amountSet { shopMoney { amount } } taxAmountSet { shopMoney { amount } } }
            }
          }
          userErrors { field message }
        }
      }
      """;

  static final String ORDER_TAXES =
      """
      query OrderTaxes($id: ID!) {
        order(id: $id) {
          taxesIncluded
          totalTaxSet { shopMoney { amount } }
          totalPriceSet { shopMoney { amount } }
          totalRefundedSet { shopMoney { amount } }
          totalRefundedShippingSet { shopMoney { amount } }
          displayFinancialStatus
          lineItems(first: 5) { nodes { sku taxable taxLines { title rate ratePercentage priceSet { shopMoney { amount } } } } }
          shippingLines(first: 5) { nodes { id title originalPriceSet { shopMoney { amount } } taxLines { priceSet { shopMoney { amount } } } } }
          transactions { id kind status gateway amountSet { shopMoney { amount } } }
          refunds { id orderAdjustments(first: 5) { nodes { reason amountSet { shopMoney { amount } } } } }
        }
      }
      """;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
  private final WebhookReceiver receiver = new WebhookReceiver();
  private ShopifySimulator simulator;
  private AdminClient client;
  private String mugId;
  private String penId;

  @BeforeEach
  void start() {
    simulator = ShopifySimulator.start(ShopifySimulator.Options.defaults().withClock(clock));
    client = new AdminClient(simulator);
    mugId = simulator.addProduct("MUG", "Blue mug", new BigDecimal("3.33"), 50);
    penId = simulator.addProduct("PEN", "Pen", new BigDecimal("0.25"), 50);
    client.post(Fixtures.SUBSCRIBE, Map.of("topic", "REFUNDS_CREATE", "uri", receiver.uri("/s")));
  }

  @AfterEach
  void stop() {
    simulator.close();
    receiver.close();
  }

  /**
   * 3 mugs at 3.33 with 2.00 VAT, 4 pens at 0.25 with 0.10 VAT, 5.00 shipping with 1.00 VAT; with
   * taxes excluded the customer paid 19.09.
   */
  private String taxedOrder(boolean taxesIncluded, String paid) {
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("currency", "EUR");
    order.put("taxesIncluded", taxesIncluded);
    order.put(
        "lineItems",
        List.of(
            line(mugId, 3, "3.33", tax("VAT", "0.2", "2.00")),
            line(penId, 4, "0.25", tax("VAT", "0.1", "0.10"))));
    order.put(
        "shippingLines",
        List.of(
            Map.of(
                "title",
                "Standard",
                "priceSet",
                money("5.00"),
                "taxLines",
                List.of(tax("VAT", "0.2", "1.00")))));
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
                money(paid))));
    String id =
        client
            .post(Fixtures.ORDER_CREATE, Fixtures.variables(order, null))
            .data()
            .path("orderCreate")
            .path("order")
            .path("id")
            .asString();
    clock.advance(Duration.ofMinutes(5));
    return id;
  }

  @Test
  void
      eachRefundedUnitCarriesItsShareOfTheTaxAndTheLastUnitsTakeTheRemainderWhenTaxesAreExcluded() {
    String orderId = taxedOrder(false, "19.09");

    simulator.refund(orderId, Map.of("MUG", 1), false, null, "first");
    simulator.refund(orderId, Map.of("MUG", 1), false, null, "second");
    simulator.refund(orderId, Map.of("MUG", 1), false, null, "last");

    List<OrderView.RefundView> refunds = simulator.order(orderId).orElseThrow().refunds();
    // 2.00 × 1/3 = 0.666… → 0.67 twice; the last unit takes 2.00 − 1.34 = 0.66.
    assertThat(refunds)
        .extracting(r -> r.lines().get(0).totalTax())
        .containsExactly(new BigDecimal("0.67"), new BigDecimal("0.67"), new BigDecimal("0.66"));
    assertThat(refunds)
        .extracting(OrderView.RefundView::totalRefunded)
        .containsExactly(new BigDecimal("4.00"), new BigDecimal("4.00"), new BigDecimal("3.99"));
    assertThat(refunds.stream().map(OrderView.RefundView::totalTax).reduce(BigDecimal::add))
        .hasValue(new BigDecimal("2.00"));
  }

  @Test
  void taxIsRoundedHalfEvenToTheCent() {
    String orderId = taxedOrder(false, "19.09");

    // 0.10 × 1/4 = 0.025: half-even gives 0.02 where half-up would give 0.03.
    simulator.refund(orderId, Map.of("PEN", 1), false, null, null);
    // 0.10 × 2/4 = 0.05 exactly; the last unit then takes 0.10 − 0.07 = 0.03.
    simulator.refund(orderId, Map.of("PEN", 2), false, null, null);
    simulator.refund(orderId, Map.of("PEN", 1), false, null, null);

    assertThat(simulator.order(orderId).orElseThrow().refunds())
        .extracting(r -> r.lines().get(0).totalTax())
        .containsExactly(new BigDecimal("0.02"), new BigDecimal("0.05"), new BigDecimal("0.03"));
  }

  @Test
  void refundCreateShowsTheProratedTaxOnTheRefundLineItem() {
    String orderId = taxedOrder(false, "19.09");
    String mugLine = lineId(orderId, "MUG");

    JsonNode refund =
        refund(
                Map.of(
                    "orderId",
                    orderId,
                    "refundLineItems",
                    List.of(Map.of("lineItemId", mugLine, "quantity", 2, "restockType", "CANCEL")),
                    "transactions",
                    List.of(transaction(orderId, "7.99"))),
                "k")
            .path("refund");

    JsonNode line = refund.path("refundLineItems").path("nodes").path(0);
    assertThat(line.path("subtotalSet").path("shopMoney").path("amount").asString())
        .isEqualTo("6.66");
    assertThat(line.path("totalTaxSet").path("shopMoney").path("amount").asString())
        .isEqualTo("1.33");
    assertThat(line.path("totalTaxSet").path("shopMoney").path("currencyCode").asString())
        .isEqualTo("EUR");
    // 6.66 + 1.33 = 7.99: the money matches the lines, so there is no discrepancy.
    assertThat(refund.path("orderAdjustments").path("nodes")).isEmpty();
    assertThat(simulator.available("MUG")).isEqualTo(52);
  }

  @Test
  void withTaxesIncludedTheMoneyIsTheSubtotalWithTheTaxInside() {
    String orderId = taxedOrder(true, "15.99");

    simulator.refund(orderId, Map.of("MUG", 1), false, null, null);
    simulator.refund(orderId, Map.of("MUG", 2), false, null, null);

    List<OrderView.RefundView> refunds = simulator.order(orderId).orElseThrow().refunds();
    assertThat(refunds)
        .extracting(OrderView.RefundView::totalRefunded)
        .containsExactly(new BigDecimal("3.33"), new BigDecimal("6.66"));
    // The tax inside: 2.00 / 3 → 0.67, then the last two units take 1.33.
    assertThat(refunds)
        .extracting(r -> r.lines().get(0).totalTax())
        .containsExactly(new BigDecimal("0.67"), new BigDecimal("1.33"));
    JsonNode order = orderTaxes(orderId);
    assertThat(order.path("taxesIncluded").asBoolean()).isTrue();
    assertThat(order.path("totalPriceSet").path("shopMoney").path("amount").asString())
        .isEqualTo("15.99");
    assertThat(order.path("totalTaxSet").path("shopMoney").path("amount").asString())
        .isEqualTo("3.10");
  }

  @Test
  void withTaxesIncludedAShippingRefundIncludesItsTax() {
    String orderId = taxedOrder(true, "15.99");

    simulator.refund(orderId, Map.of(), false, new BigDecimal("2.50"), null);

    OrderView.RefundView refund = simulator.order(orderId).orElseThrow().refunds().get(0);
    assertThat(refund.totalRefunded()).isEqualByComparingTo("2.50");
    assertThat(refund.shippingLines())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.subtotal()).isEqualByComparingTo("2.50");
              assertThat(s.tax()).isEqualTo(new BigDecimal("0.50"));
              assertThat(s.title()).isEqualTo("Standard");
            });
  }

  @Test
  void aShippingRefundCarriesTheShippingTaxProratedByAmount() {
    String orderId = taxedOrder(false, "19.09");

    JsonNode partial =
        refund(
                Map.of(
                    "orderId",
                    orderId,
                    "shipping",
                    Map.of("amount", "1.99"),
                    "transactions",
                    List.of(transaction(orderId, "2.39"))),
                "k1")
            .path("refund");
    JsonNode rest =
        refund(
                Map.of(
                    "orderId",
                    orderId,
                    "shipping",
                    Map.of("fullRefund", true),
                    "transactions",
                    List.of(transaction(orderId, "3.61"))),
                "k2")
            .path("refund");

    JsonNode first = partial.path("refundShippingLines").path("nodes").path(0);
    assertThat(first.path("subtotalAmountSet").path("shopMoney").path("amount").asString())
        .isEqualTo("1.99");
    // 1.00 × 1.99 / 5.00 = 0.398 → 0.40.
    assertThat(first.path("taxAmountSet").path("shopMoney").path("amount").asString())
        .isEqualTo("0.40");
    assertThat(first.path("shippingLine").path("title").asString()).isEqualTo("Standard");
    assertThat(
            first
                .path("shippingLine")
                .path("originalPriceSet")
                .path("shopMoney")
                .path("amount")
                .asString())
        .isEqualTo("5.00");
    assertThat(first.path("shippingLine").path("taxLines").path(0).path("rate").asDouble())
        .isEqualTo(0.2);
    JsonNode second = rest.path("refundShippingLines").path("nodes").path(0);
    assertThat(second.path("subtotalAmountSet").path("shopMoney").path("amount").asString())
        .isEqualTo("3.01");
    assertThat(second.path("taxAmountSet").path("shopMoney").path("amount").asString())
        .isEqualTo("0.60");
    assertThat(second.path("shippingLine").path("id").asString())
        .isEqualTo(first.path("shippingLine").path("id").asString());
    assertThat(partial.path("orderAdjustments").path("nodes")).isEmpty();
    assertThat(rest.path("orderAdjustments").path("nodes")).isEmpty();
    assertThat(
            orderTaxes(orderId)
                .path("totalRefundedShippingSet")
                .path("shopMoney")
                .path("amount")
                .asString())
        .isEqualTo("5.00");
  }

  @Test
  void moreShippingThanIsLeftIsAUserError() {
    String orderId = taxedOrder(false, "19.09");
    simulator.refund(orderId, Map.of(), false, new BigDecimal("4.00"), null);

    JsonNode payload =
        client
            .post(
                REFUND_CREATE,
                Map.of(
                    "input",
                    Map.of("orderId", orderId, "shipping", Map.of("amount", "1.01")),
                    "key",
                    "k"))
            .data()
            .path("refundCreate");

    assertThat(payload.path("userErrors").path(0).path("field").toString())
        .isEqualTo("[\"shipping\",\"amount\"]");
    assertThat(payload.path("userErrors").path(0).path("message").asString()).contains("1.00");
  }

  @Test
  void theMerchantRefundMovesUnitsShippingAndTheirTaxes() {
    String orderId = taxedOrder(false, "19.09");

    simulator.refund(orderId, Map.of("MUG", 3, "PEN", 4), true, new BigDecimal("5.00"), "all");

    OrderView order = simulator.order(orderId).orElseThrow();
    assertThat(order.refunds().get(0).totalRefunded()).isEqualByComparingTo("19.09");
    assertThat(order.refunds().get(0).adjustments()).isEmpty();
    assertThat(order.displayFinancialStatus()).isEqualTo("REFUNDED");
    assertThat(simulator.available("MUG")).isEqualTo(53);
  }

  @Test
  void refundingMoreThanWasPaidWithTaxIsRefused() {
    String orderId = taxedOrder(false, "19.09");
    String mugLine = lineId(orderId, "MUG");
    simulator.refund(orderId, Map.of("PEN", 4), false, new BigDecimal("5.00"), null);

    // Left: 19.09 − (1.00 + 0.10 + 5.00 + 1.00) = 11.99, exactly the mugs with their tax.
    JsonNode refused =
        refund(
            Map.of(
                "orderId",
                orderId,
                "refundLineItems",
                List.of(Map.of("lineItemId", mugLine, "quantity", 3)),
                "transactions",
                List.of(transaction(orderId, "12.00"))),
            "too-much");
    JsonNode accepted =
        refund(
            Map.of(
                "orderId",
                orderId,
                "refundLineItems",
                List.of(Map.of("lineItemId", mugLine, "quantity", 3)),
                "transactions",
                List.of(transaction(orderId, "11.99"))),
            "exact");

    assertThat(refused.path("refund").isNull()).isTrue();
    assertThat(refused.path("userErrors").path(0).path("field").toString())
        .isEqualTo("[\"transactions\"]");
    assertThat(refused.path("userErrors").path(0).path("message").asString()).contains("11.99");
    assertThat(accepted.path("userErrors")).isEmpty();
    assertThat(simulator.order(orderId).orElseThrow().displayFinancialStatus())
        .isEqualTo("REFUNDED");
    assertThatThrownBy(() -> simulator.refundMoneyOnly(orderId, new BigDecimal("0.01"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceeds");
  }

  @Test
  void theMerchantRefundIsCappedAtWhatIsLeftAndTheShortfallIsADiscrepancy() {
    String orderId = taxedOrder(false, "19.09");
    simulator.refundMoneyOnly(orderId, new BigDecimal("18.00"), "goodwill");

    simulator.refund(orderId, Map.of("MUG", 1), false, null, null);

    OrderView.RefundView capped = simulator.order(orderId).orElseThrow().refunds().get(1);
    assertThat(capped.totalRefunded()).isEqualByComparingTo("1.09");
    // Calculated 4.00, refunded 1.09.
    assertThat(capped.adjustments())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.amount()).isEqualByComparingTo("2.91");
              assertThat(a.reason()).isEqualTo("REFUND_DISCREPANCY");
            });
  }

  @Test
  void aMoneyOnlyRefundIsARefundDiscrepancy() {
    String orderId = taxedOrder(false, "19.09");

    String refundId = simulator.refundMoneyOnly(orderId, new BigDecimal("2.00"), "tax refund");

    OrderView order = simulator.order(orderId).orElseThrow();
    OrderView.RefundView refund = order.refunds().get(0);
    assertThat(refund.id()).isEqualTo(refundId);
    assertThat(refund.lines()).isEmpty();
    assertThat(refund.shippingLines()).isEmpty();
    assertThat(refund.totalRefunded()).isEqualByComparingTo("2.00");
    assertThat(order.displayFinancialStatus()).isEqualTo("PARTIALLY_REFUNDED");
    JsonNode adjustment =
        orderTaxes(orderId).path("refunds").path(0).path("orderAdjustments").path("nodes").path(0);
    assertThat(adjustment.path("reason").asString()).isEqualTo("REFUND_DISCREPANCY");
    assertThat(adjustment.path("amountSet").path("shopMoney").path("amount").asString())
        .isEqualTo("-2.00");
    JsonNode body = receiver.awaitTopic("refunds/create").json();
    assertThat(body.path("refund_line_items")).isEmpty();
    assertThat(body.path("refund_shipping_lines")).isEmpty();
    assertThat(body.path("transactions").path(0).path("amount").asString()).isEqualTo("2.00");
    assertThat(body.path("order_adjustments").path(0).path("kind").asString())
        .isEqualTo("refund_discrepancy");
    assertThat(body.path("order_adjustments").path(0).path("amount").asString()).isEqualTo("-2.00");
  }

  @Test
  void aDiscrepancyReasonIsKeptOnTheOrderAdjustment() {
    String orderId = taxedOrder(false, "19.09");
    String penLine = lineId(orderId, "PEN");

    JsonNode refund =
        refund(
                Map.of(
                    "orderId",
                    orderId,
                    "refundLineItems",
                    List.of(Map.of("lineItemId", penLine, "quantity", 1)),
                    "transactions",
                    List.of(transaction(orderId, "1.00")),
                    "discrepancyReason",
                    "DAMAGE"),
                "k")
            .path("refund");

    JsonNode adjustment = refund.path("orderAdjustments").path("nodes").path(0);
    assertThat(adjustment.path("reason").asString()).isEqualTo("DAMAGE");
    // Calculated 0.25 + 0.02 = 0.27, refunded 1.00.
    assertThat(adjustment.path("amountSet").path("shopMoney").path("amount").asString())
        .isEqualTo("-0.73");
    assertThat(adjustment.path("taxAmountSet").path("shopMoney").path("amount").asString())
        .isEqualTo("0.00");
  }

  @Test
  void refundsCreateCarriesTheTaxOfLinesAndShipping() {
    String orderId = taxedOrder(false, "19.09");

    simulator.refund(orderId, Map.of("MUG", 1), false, new BigDecimal("5.00"), null);

    JsonNode body = receiver.awaitTopic("refunds/create").json();
    JsonNode line = body.path("refund_line_items").path(0);
    assertThat(line.path("total_tax").asString()).isEqualTo("0.67");
    assertThat(line.path("total_tax_set").path("shop_money").path("amount").asString())
        .isEqualTo("0.67");
    assertThat(line.path("line_item").path("tax_lines").path(0).path("price").asString())
        .isEqualTo("2.00");
    JsonNode shipping = body.path("refund_shipping_lines").path(0);
    assertThat(shipping.path("shipping_line").path("title").asString()).isEqualTo("Standard");
    assertThat(shipping.path("subtotal_amount_set").path("shop_money").path("amount").asString())
        .isEqualTo("5.00");
    assertThat(shipping.path("tax_amount_set").path("shop_money").path("amount").asString())
        .isEqualTo("1.00");
    assertThat(body.path("transactions").path(0).path("amount").asString()).isEqualTo("10.00");
    assertThat(body.path("order_adjustments")).isEmpty();
  }

  @Test
  void orderLevelTaxLinesAreSplitOverTheLinesByTheirTotals() {
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("currency", "EUR");
    order.put("financialStatus", "PAID");
    order.put("lineItems", List.of(line(mugId, 3, "3.33", null), line(penId, 4, "0.25", null)));
    // 9.99 and 1.00 of 10.99: 1.00 × 9.99 / 10.99 = 0.909… → 0.91, the pens take 0.09.
    order.put("taxLines", List.of(tax("VAT", "0.09", "1.00")));
    String orderId =
        client
            .post(Fixtures.ORDER_CREATE, Fixtures.variables(order, null))
            .data()
            .path("orderCreate")
            .path("order")
            .path("id")
            .asString();

    JsonNode lines = orderTaxes(orderId).path("lineItems").path("nodes");
    assertThat(
            lines
                .path(0)
                .path("taxLines")
                .path(0)
                .path("priceSet")
                .path("shopMoney")
                .path("amount")
                .asString())
        .isEqualTo("0.91");
    assertThat(
            lines
                .path(1)
                .path("taxLines")
                .path(0)
                .path("priceSet")
                .path("shopMoney")
                .path("amount")
                .asString())
        .isEqualTo("0.09");
    assertThat(lines.path(0).path("taxLines").path(0).path("ratePercentage").asDouble())
        .isEqualTo(9.0);
    // An order created PAID without transactions has one manual SALE of its total price.
    JsonNode transactions = orderTaxes(orderId).path("transactions");
    assertThat(transactions).hasSize(1);
    assertThat(transactions.path(0).path("gateway").asString()).isEqualTo("manual");
    assertThat(transactions.path(0).path("amountSet").path("shopMoney").path("amount").asString())
        .isEqualTo("11.99");
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private JsonNode refund(Map<String, Object> input, String key) {
    return client
        .post(REFUND_CREATE, Map.of("input", input, "key", key))
        .data()
        .path("refundCreate");
  }

  private JsonNode orderTaxes(String orderId) {
    return client.post(ORDER_TAXES, Map.of("id", orderId)).data().path("order");
  }

  private String lineId(String orderId, String sku) {
    return simulator.order(orderId).orElseThrow().lineItems().stream()
        .filter(l -> l.sku().equals(sku))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private static Map<String, Object> transaction(String orderId, String amount) {
    return Map.of("orderId", orderId, "amount", amount, "gateway", "mirakl", "kind", "REFUND");
  }

  private static Map<String, Object> line(
      String variantId, int quantity, String price, Map<String, Object> tax) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("variantId", variantId);
    line.put("quantity", quantity);
    line.put("requiresShipping", true);
    line.put("priceSet", money(price));
    List<Object> taxes = new ArrayList<>();
    if (tax != null) {
      taxes.add(tax);
    }
    line.put("taxLines", taxes);
    return line;
  }

  private static Map<String, Object> tax(String title, String rate, String amount) {
    return Map.of("title", title, "rate", rate, "priceSet", money(amount));
  }

  private static Map<String, Object> money(String amount) {
    return Map.of("shopMoney", Map.of("amount", amount, "currencyCode", "EUR"));
  }
}
