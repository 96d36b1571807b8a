package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** OR29 (whole order), OR30 (lines) and the operator's cancellation. */
class CancelingTest {
  private final MutableClock clock = MutableClock.at("2025-03-10T08:00:00Z");
  private final MiraklSimulator simulator =
      MiraklSimulator.start(MiraklSimulator.Options.defaults().withClock(clock));
  private final MiraklClient client = new MiraklClient(simulator);

  @AfterEach
  void stop() {
    simulator.close();
  }

  private HttpResponse<String> cancelOrder(String orderId) {
    return client.put("/api/orders/" + orderId + "/cancel");
  }

  private HttpResponse<String> cancelLine(
      String lineId, String amount, String shipping, int quantity, String reason) {
    return client.put(
        "/api/orders/cancel",
        "{\"cancelations\":[{\"order_line_id\":\""
            + lineId
            + "\",\"amount\":"
            + amount
            + ",\"shipping_amount\":"
            + shipping
            + ",\"quantity\":"
            + quantity
            + ",\"reason_code\":\""
            + reason
            + "\"}]}");
  }

  @Test
  void or29CancelsAShippingOrderAndEveryLine() {
    String orderId = Fixtures.shipping(simulator, client);
    assertThat(client.order(orderId).get("can_cancel").booleanValue()).isTrue();
    clock.advance(Duration.ofMinutes(3));

    HttpResponse<String> response = cancelOrder(orderId);

    assertThat(response.statusCode()).isEqualTo(204);
    JsonNode order = client.order(orderId);
    assertThat(order.get("order_state").stringValue()).isEqualTo("CANCELED");
    assertThat(order.get("last_updated_date").stringValue()).isEqualTo("2025-03-10T08:03:00Z");
    assertThat(order.get("total_price").decimalValue()).isEqualByComparingTo("0");
    assertThat(order.get("can_cancel").booleanValue()).isFalse();
    assertThat(simulator.order(orderId).lineStates().values()).containsOnly("CANCELED");
    assertThat(simulator.order(orderId).cancelations())
        .extracting(OrderView.Cancelation::amount, OrderView.Cancelation::quantity)
        .containsExactly(
            tuple(new BigDecimal("39.98"), 2),
            tuple(new BigDecimal("9.50"), 1));
  }

  @Test
  void or29OnAShippedOrderIsAWrongState() {
    String orderId = Fixtures.shipped(simulator, client);

    HttpResponse<String> response = cancelOrder(orderId);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.errorCode(response)).isEqualTo("ORDER_INVALID_STATE");
    assertThat(simulator.order(orderId).state()).isEqualTo("SHIPPED");
  }

  @Test
  void or29BeforeTheDebitIsAWrongStateSinceTheOrderCannotBeCanceledYet() {
    String orderId = simulator.placeOrder(Fixtures.mugsAndPlate());

    assertThat(cancelOrder(orderId).statusCode()).isEqualTo(400);
  }

  @Test
  void or29OnAnUnknownOrderIsNotFound() {
    assertThat(cancelOrder("Nope-A").statusCode()).isEqualTo(404);
  }

  @Test
  void or30CancelsPartOfALineAndDeductsItFromTheTotal() {
    String orderId = Fixtures.shipping(simulator, client);
    clock.advance(Duration.ofMinutes(1));

    HttpResponse<String> response = cancelLine(orderId + "-1", "19.99", "0", 1, "35");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode created = MiraklClient.json(response).get("cancelations").get(0);
    assertThat(created.get("cancelation_id").stringValue()).isNotBlank();
    assertThat(created.get("order_line_id").stringValue()).isEqualTo(orderId + "-1");
    assertThat(created.get("amount").decimalValue()).isEqualByComparingTo("19.99");
    assertThat(created.get("reason_code").stringValue()).isEqualTo("35");
    assertThat(created.at("/taxes/0/amount").decimalValue()).isEqualByComparingTo("3.33");
    assertThat(MiraklClient.json(response).get("order_tax_mode").stringValue())
        .isEqualTo("TAX_INCLUDED");
    JsonNode order = client.order(orderId);
    JsonNode line = order.get("order_lines").get(0);
    assertThat(line.get("order_line_state").stringValue()).isEqualTo("SHIPPING");
    assertThat(line.get("cancelations").get(0).get("id").stringValue())
        .isEqualTo(created.get("cancelation_id").stringValue());
    assertThat(line.get("cancelations").get(0).get("quantity").intValue()).isEqualTo(1);
    assertThat(line.get("total_price").decimalValue()).isEqualByComparingTo("23.95");
    assertThat(order.get("total_price").decimalValue()).isEqualByComparingTo("34.39");
    assertThat(order.get("price").decimalValue()).isEqualByComparingTo("49.48");
    assertThat(order.get("last_updated_date").stringValue()).isEqualTo("2025-03-10T08:01:00Z");
  }

  @Test
  void or30CancelingAWholeLineCancelsTheLine() {
    String orderId = Fixtures.shipping(simulator, client);

    cancelLine(orderId + "-2", "9.50", "0.94", 1, "34");

    assertThat(simulator.order(orderId).lineStates())
        .containsEntry(orderId + "-2", "CANCELED")
        .containsEntry(orderId + "-1", "SHIPPING");
    assertThat(simulator.order(orderId).state()).isEqualTo("SHIPPING");
  }

  @Test
  void or30CancelingEveryUnitCancelsTheLineWhateverTheAmount() {
    String orderId = Fixtures.shipping(simulator, client);

    cancelLine(orderId + "-2", "5", "0", 1, "34");

    assertThat(simulator.order(orderId).lineStates()).containsEntry(orderId + "-2", "CANCELED");
  }

  @Test
  void or30CancelingEveryLineCancelsTheOrder() {
    String orderId = Fixtures.shipping(simulator, client);

    HttpResponse<String> response =
        client.put(
            "/api/orders/cancel",
            "{\"cancelations\":[{\"order_line_id\":\""
                + orderId
                + "-1\",\"amount\":39.98,\"shipping_amount\":3.96,\"quantity\":2,"
                + "\"reason_code\":\"34\"},{\"order_line_id\":\""
                + orderId
                + "-2\",\"amount\":9.50,\"shipping_amount\":0.94,\"quantity\":1,"
                + "\"reason_code\":\"34\"}]}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode order = client.order(orderId);
    assertThat(order.get("order_state").stringValue()).isEqualTo("CANCELED");
    assertThat(order.get("order_state_reason_code").stringValue()).isEqualTo("34");
    assertThat(order.get("total_price").decimalValue()).isEqualByComparingTo("0");
  }

  @Test
  void or30ReadsAmountsInTheRequestedTaxModeWithTheTaxesGiven() {
    String orderId = Fixtures.shipping(simulator, client);

    HttpResponse<String> response =
        client.put(
            "/api/orders/cancel",
            "{\"order_tax_mode\":\"TAX_EXCLUDED\",\"cancelations\":[{\"order_line_id\":\""
                + orderId
                + "-1\",\"amount\":10,\"shipping_amount\":0,\"quantity\":0,\"reason_code\":34,"
                + "\"taxes\":[{\"code\":\"VAT\",\"amount\":2}]}]}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(MiraklClient.json(response).at("/cancelations/0/amount").decimalValue())
        .isEqualByComparingTo("10");
    assertThat(simulator.order(orderId).cancelations().get(0).amount())
        .isEqualByComparingTo("12.00");
  }

  @Test
  void or30WithAReasonThatIsNotACancelationReasonIsABadRequest() {
    String orderId = Fixtures.shipping(simulator, client);

    HttpResponse<String> response = cancelLine(orderId + "-1", "1", "0", 0, "15");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.json(response).at("/errors/0/field").stringValue())
        .isEqualTo("cancelations[0].reason_code");
  }

  @Test
  void or30WithAReasonTheShopMayNotUseIsABadRequest() {
    String orderId = Fixtures.shipping(simulator, client);

    assertThat(cancelLine(orderId + "-1", "1", "0", 0, "36").statusCode()).isEqualTo(400);
  }

  @Test
  void or30BeyondWhatRemainsOnTheLineIsABadRequestAndChangesNothing() {
    String orderId = Fixtures.shipping(simulator, client);

    HttpResponse<String> response = cancelLine(orderId + "-2", "9.51", "0", 0, "34");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.errorCode(response)).isEqualTo("VALIDATION_ERROR");
    assertThat(simulator.order(orderId).cancelations()).isEmpty();
  }

  @Test
  void or30WithMoreUnitsThanTheLineHasIsABadRequest() {
    String orderId = Fixtures.shipping(simulator, client);

    assertThat(cancelLine(orderId + "-2", "1", "0", 2, "34").statusCode()).isEqualTo(400);
  }

  @Test
  void or30AppliesNothingWhenOneEntryIsWrong() {
    String orderId = Fixtures.shipping(simulator, client);

    HttpResponse<String> response =
        client.put(
            "/api/orders/cancel",
            "{\"cancelations\":[{\"order_line_id\":\""
                + orderId
                + "-1\",\"amount\":1,\"shipping_amount\":0,\"quantity\":0,\"reason_code\":\"34\"},"
                + "{\"order_line_id\":\"Nope-A-1\",\"amount\":1,\"shipping_amount\":0,"
                + "\"quantity\":0,\"reason_code\":\"34\"}]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.errorCode(response)).isEqualTo("ORDER_LINE_NOT_FOUND");
    assertThat(simulator.order(orderId).cancelations()).isEmpty();
  }

  @Test
  void or30WithoutARequiredFieldIsABadRequest() {
    String orderId = Fixtures.shipping(simulator, client);

    HttpResponse<String> response =
        client.put(
            "/api/orders/cancel",
            "{\"cancelations\":[{\"order_line_id\":\""
                + orderId
                + "-1\",\"amount\":1,\"shipping_amount\":0,\"reason_code\":\"34\"}]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.json(response).at("/errors/0/field").stringValue())
        .isEqualTo("cancelations[0].quantity");
  }

  @Test
  void or30WithAnEmptyListIsABadRequest() {
    assertThat(client.put("/api/orders/cancel", "{\"cancelations\":[]}").statusCode())
        .isEqualTo(400);
  }

  @Test
  void or30OnAShippedOrderIsAWrongState() {
    String orderId = Fixtures.shipped(simulator, client);

    HttpResponse<String> response = cancelLine(orderId + "-1", "1", "0", 0, "34");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.errorCode(response)).isEqualTo("ORDER_INVALID_STATE");
  }

  @Test
  void or30OnACanceledLineIsAWrongLineState() {
    String orderId = Fixtures.shipping(simulator, client);
    cancelLine(orderId + "-2", "9.50", "0.94", 1, "34");

    HttpResponse<String> response = cancelLine(orderId + "-2", "0", "0", 0, "34");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.errorCode(response)).isEqualTo("ORDER_LINE_INVALID_STATE");
  }

  @Test
  void theOperatorCancelsWithItsOwnReason() {
    String orderId = Fixtures.shipping(simulator, client);
    clock.advance(Duration.ofMinutes(7));

    simulator.cancelByOperator(orderId, "36");

    JsonNode order = client.order(orderId);
    assertThat(order.get("order_state").stringValue()).isEqualTo("CANCELED");
    assertThat(order.get("order_state_reason_code").stringValue()).isEqualTo("36");
    assertThat(order.get("order_state_reason_label").stringValue())
        .isEqualTo("Cancelled by the operator");
    assertThat(order.get("last_updated_date").stringValue()).isEqualTo("2025-03-10T08:07:00Z");
    assertThat(simulator.order(orderId).cancelations())
        .extracting(OrderView.Cancelation::reasonCode)
        .containsOnly("36");
  }

  @Test
  void theOperatorCancelsOnlyWhatAPartialCancelationLeft() {
    String orderId = Fixtures.shipping(simulator, client);
    cancelLine(orderId + "-1", "19.99", "0", 1, "35");

    simulator.cancelByOperator(orderId, "36");

    assertThat(simulator.order(orderId).cancelations())
        .filteredOn(c -> c.lineId().equals(orderId + "-1"))
        .extracting(OrderView.Cancelation::amount, OrderView.Cancelation::quantity)
        .containsExactly(
            tuple(new BigDecimal("19.99"), 1),
            tuple(new BigDecimal("19.99"), 1));
    assertThat(client.order(orderId).get("total_price").decimalValue()).isEqualByComparingTo("0");
  }

  @Test
  void theOperatorCannotCancelWithAnUnknownReason() {
    String orderId = Fixtures.shipping(simulator, client);

    assertThatThrownBy(() -> simulator.cancelByOperator(orderId, "15"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theOperatorCannotCancelAShippedOrder() {
    String orderId = Fixtures.shipped(simulator, client);

    assertThatThrownBy(() -> simulator.cancelByOperator(orderId, "36"))
        .isInstanceOf(IllegalStateException.class);
  }
}
