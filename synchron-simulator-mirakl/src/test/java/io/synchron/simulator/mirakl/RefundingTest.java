package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** OR28 and the refunds the operator makes and pays back. */
class RefundingTest {
  private final MutableClock clock = MutableClock.at("2025-03-10T08:00:00Z");
  private MiraklSimulator simulator =
      MiraklSimulator.start(MiraklSimulator.Options.defaults().withClock(clock));
  private MiraklClient client = new MiraklClient(simulator);

  @AfterEach
  void stop() {
    simulator.close();
  }

  private HttpResponse<String> refund(
      String lineId, String amount, String shipping, String reason) {
    return client.put(
        "/api/orders/refund",
        "{\"refunds\":[{\"order_line_id\":\""
            + lineId
            + "\",\"amount\":"
            + amount
            + ",\"shipping_amount\":"
            + shipping
            + ",\"quantity\":1,\"reason_code\":\""
            + reason
            + "\"}]}");
  }

  @Test
  void or28RefundsPartOfAShippedLineAndListsItOnTheLine() {
    String orderId = Fixtures.shipped(simulator, client);
    clock.advance(Duration.ofDays(1));

    HttpResponse<String> response = refund(orderId + "-1", "10.00", "0", "15");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = MiraklClient.json(response);
    JsonNode created = body.get("refunds").get(0);
    assertThat(created.get("refund_id").stringValue()).isNotBlank();
    assertThat(created.get("order_refund_id").stringValue()).isNotBlank();
    assertThat(created.get("order_line_id").stringValue()).isEqualTo(orderId + "-1");
    assertThat(created.get("amount").decimalValue()).isEqualByComparingTo("10.00");
    assertThat(created.get("shipping_amount").decimalValue()).isEqualByComparingTo("0");
    assertThat(created.at("/taxes/0/code").stringValue()).isEqualTo("VAT");
    assertThat(created.at("/taxes/0/amount").decimalValue()).isEqualByComparingTo("1.67");
    assertThat(body.get("order_tax_mode").stringValue()).isEqualTo("TAX_INCLUDED");
    JsonNode order = client.order(orderId);
    JsonNode listed = order.at("/order_lines/0/refunds/0");
    assertThat(listed.get("id").stringValue()).isEqualTo(created.get("refund_id").stringValue());
    assertThat(listed.get("state").stringValue()).isEqualTo("WAITING_REFUND");
    assertThat(listed.get("refund_state").stringValue()).isEqualTo("WAITING_REFUND");
    assertThat(listed.get("reason_code").stringValue()).isEqualTo("15");
    assertThat(listed.get("created_date").stringValue()).isEqualTo("2025-03-11T08:00:00Z");
    assertThat(order.get("last_updated_date").stringValue()).isEqualTo("2025-03-11T08:00:00Z");
    assertThat(order.get("total_price").decimalValue()).isEqualByComparingTo("54.38");
    assertThat(order.get("order_state").stringValue()).isEqualTo("SHIPPED");
  }

  @Test
  void refundsCreatedTogetherOnAnOrderShareTheirGroupId() {
    String orderId = Fixtures.shipped(simulator, client);

    HttpResponse<String> response =
        client.put(
            "/api/orders/refund",
            "{\"refunds\":[{\"order_line_id\":\""
                + orderId
                + "-1\",\"amount\":1,\"shipping_amount\":0,\"reason_code\":\"19\"},"
                + "{\"order_line_id\":\""
                + orderId
                + "-2\",\"amount\":1,\"shipping_amount\":0,\"reason_code\":\"20\"}]}");

    JsonNode refunds = MiraklClient.json(response).get("refunds");
    assertThat(refunds.get(0).get("order_refund_id"))
        .isEqualTo(refunds.get(1).get("order_refund_id"));
    assertThat(refunds.get(0).get("refund_id")).isNotEqualTo(refunds.get(1).get("refund_id"));
  }

  @Test
  void or28ReadsAmountsInTheRequestedTaxModeAndAnswersInIt() {
    String orderId = Fixtures.shipped(simulator, client);

    HttpResponse<String> response =
        client.put(
            "/api/orders/refund",
            "{\"order_tax_mode\":\"TAX_EXCLUDED\",\"refunds\":[{\"order_line_id\":\""
                + orderId
                + "-1\",\"amount\":\"5\",\"shipping_amount\":0,\"reason_code\":\"15\","
                + "\"taxes\":[{\"code\":\"VAT\",\"amount\":\"1\"}]}]}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(MiraklClient.json(response).at("/refunds/0/amount").decimalValue())
        .isEqualByComparingTo("5");
    assertThat(MiraklClient.json(response).get("order_tax_mode").stringValue())
        .isEqualTo("TAX_EXCLUDED");
    assertThat(simulator.order(orderId).refunds().get(0).amount()).isEqualByComparingTo("6.00");
  }

  @Test
  void or28WithATaxCodeTheLineDoesNotHaveIsABadRequest() {
    String orderId = Fixtures.shipped(simulator, client);

    HttpResponse<String> response =
        client.put(
            "/api/orders/refund",
            "{\"refunds\":[{\"order_line_id\":\""
                + orderId
                + "-1\",\"amount\":5,\"shipping_amount\":0,\"reason_code\":\"15\","
                + "\"taxes\":[{\"code\":\"tax1\",\"amount\":1}]}]}");

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void refundsOfALineMayAddUpToWhatWasPaidForIt() {
    String orderId = Fixtures.shipped(simulator, client);
    refund(orderId + "-1", "20.00", "3.96", "15");

    HttpResponse<String> response = refund(orderId + "-1", "19.98", "0", "19");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode line = client.order(orderId).at("/order_lines/0");
    assertThat(line.get("can_refund").booleanValue()).isFalse();
    assertThat(line.get("refunds")).hasSize(2);
  }

  @Test
  void refundsOfALineBeyondWhatWasPaidForItAreABadRequest() {
    String orderId = Fixtures.shipped(simulator, client);
    refund(orderId + "-1", "39.98", "0", "15");

    HttpResponse<String> response = refund(orderId + "-1", "0.01", "0", "15");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.errorCode(response)).isEqualTo("VALIDATION_ERROR");
    assertThat(simulator.order(orderId).refunds()).hasSize(1);
  }

  @Test
  void aShippingRefundBeyondTheLinesShippingIsABadRequest() {
    String orderId = Fixtures.shipped(simulator, client);

    HttpResponse<String> response = refund(orderId + "-2", "0", "0.95", "15");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.json(response).at("/errors/0/field").stringValue())
        .isEqualTo("refunds[0].shipping_amount");
  }

  @Test
  void refundingEverythingMarksTheOrderFullyRefunded() {
    String orderId = Fixtures.shipped(simulator, client);
    refund(orderId + "-1", "39.98", "3.96", "15");
    assertThat(client.order(orderId).get("fully_refunded").booleanValue()).isFalse();

    refund(orderId + "-2", "9.50", "0.94", "15");

    assertThat(client.order(orderId).get("fully_refunded").booleanValue()).isTrue();
  }

  @Test
  void or28WithACancelationReasonIsABadRequest() {
    String orderId = Fixtures.shipped(simulator, client);

    HttpResponse<String> response = refund(orderId + "-1", "1", "0", "34");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.json(response).at("/errors/0/field").stringValue())
        .isEqualTo("refunds[0].reason_code");
  }

  @Test
  void or28BeforeShipmentIsAWrongState() {
    String orderId = Fixtures.shipping(simulator, client);

    HttpResponse<String> response = refund(orderId + "-1", "1", "0", "15");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.errorCode(response)).isEqualTo("ORDER_INVALID_STATE");
  }

  @Test
  void or28AfterReceiptIsAllowed() {
    String orderId = Fixtures.shipped(simulator, client);
    simulator.confirmReceipt(orderId);

    assertThat(refund(orderId + "-1", "1", "0", "15").statusCode()).isEqualTo(200);
  }

  @Test
  void or28OnAClosedOrderIsAWrongState() {
    String orderId = Fixtures.shipped(simulator, client);
    simulator.confirmReceipt(orderId);
    simulator.close(orderId);

    assertThat(refund(orderId + "-1", "1", "0", "15").statusCode()).isEqualTo(400);
  }

  @Test
  void refundableStatesCanBeWidenedToShipping() {
    simulator.close();
    simulator =
        MiraklSimulator.start(
            MiraklSimulator.Options.defaults()
                .withRefundableStates(Set.of("SHIPPING", "SHIPPED", "TO_COLLECT", "RECEIVED")));
    client = new MiraklClient(simulator);
    String orderId = Fixtures.shipping(simulator, client);

    assertThat(refund(orderId + "-1", "1", "0", "15").statusCode()).isEqualTo(200);
  }

  @Test
  void or28OnAnUnknownLineIsABadRequest() {
    HttpResponse<String> response = refund("Nope-A-1", "1", "0", "15");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.errorCode(response)).isEqualTo("ORDER_LINE_NOT_FOUND");
  }

  @Test
  void or28WithANegativeAmountIsABadRequest() {
    String orderId = Fixtures.shipped(simulator, client);

    assertThat(refund(orderId + "-1", "-1", "0", "15").statusCode()).isEqualTo(400);
  }

  @Test
  void or28WithMoreDecimalsThanTheCurrencyAllowsIsABadRequest() {
    String orderId = Fixtures.shipped(simulator, client);

    assertThat(refund(orderId + "-1", "1.001", "0", "15").statusCode()).isEqualTo(400);
  }

  @Test
  void or28WithoutRefundsIsABadRequest() {
    assertThat(client.put("/api/orders/refund", "{}").statusCode()).isEqualTo(400);
  }

  @Test
  void theOperatorRefundsAsCustomerServiceWould() {
    String orderId = Fixtures.shipped(simulator, client);
    clock.advance(Duration.ofHours(5));

    String refundId =
        simulator.refundByOperator(
            orderId, orderId + "-2", new BigDecimal("9.50"), new BigDecimal("0.94"), "20");

    OrderView.Refund refund = simulator.order(orderId).refunds().get(0);
    assertThat(refund.id()).isEqualTo(refundId);
    assertThat(refund.lineId()).isEqualTo(orderId + "-2");
    assertThat(refund.state()).isEqualTo("WAITING_REFUND");
    JsonNode listed = client.order(orderId).at("/order_lines/1/refunds/0");
    assertThat(listed.at("/taxes/0/amount").decimalValue()).isEqualByComparingTo("1.58");
    assertThat(listed.at("/shipping_taxes/0/amount").decimalValue()).isEqualByComparingTo("0.16");
    assertThat(simulator.order(orderId).lastUpdated()).isEqualTo(clock.instant());
  }

  @Test
  void theOperatorCanRefundTaxOnlyWithExplicitTaxes() {
    String orderId = Fixtures.shipped(simulator, client);

    simulator.refundByOperator(orderId, orderId + "-2", BigDecimal.ZERO, BigDecimal.ZERO,
        java.util.Map.of("VAT", new BigDecimal("1.00")), "20");

    JsonNode listed = client.order(orderId).at("/order_lines/1/refunds/0");
    assertThat(listed.get("amount").decimalValue()).isEqualByComparingTo("0");
    assertThat(listed.at("/taxes/0/code").stringValue()).isEqualTo("VAT");
    assertThat(listed.at("/taxes/0/amount").decimalValue()).isEqualByComparingTo("1.00");
  }

  @Test
  void theOperatorCannotRefundMoreThanTheLineCost() {
    String orderId = Fixtures.shipped(simulator, client);

    assertThatThrownBy(
            () ->
                simulator.refundByOperator(
                    orderId, orderId + "-2", new BigDecimal("9.51"), BigDecimal.ZERO, "20"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theOperatorCannotRefundBeforeShipment() {
    String orderId = Fixtures.shipping(simulator, client);

    assertThatThrownBy(
            () ->
                simulator.refundByOperator(
                    orderId, orderId + "-2", BigDecimal.ONE, BigDecimal.ZERO, "20"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void completingRefundsMarksThemRefundedWithATransaction() {
    String orderId = Fixtures.shipped(simulator, client);
    refund(orderId + "-1", "5", "0", "15");
    clock.advance(Duration.ofDays(2));

    simulator.completeRefunds(orderId);

    JsonNode listed = client.order(orderId).at("/order_lines/0/refunds/0");
    assertThat(listed.get("state").stringValue()).isEqualTo("REFUNDED");
    assertThat(listed.get("refund_state").stringValue()).isEqualTo("REFUNDED");
    assertThat(listed.get("transaction_date").stringValue()).isEqualTo("2025-03-12T08:00:00Z");
    assertThat(listed.get("transaction_number").stringValue()).isNotBlank();
    assertThat(simulator.order(orderId).lastUpdated()).isEqualTo(clock.instant());
  }
}
