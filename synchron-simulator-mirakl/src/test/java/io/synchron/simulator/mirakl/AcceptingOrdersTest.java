package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AcceptingOrdersTest {
  private final MutableClock clock = MutableClock.at("2025-03-10T08:00:00Z");
  private MiraklSimulator simulator =
      MiraklSimulator.start(MiraklSimulator.Options.defaults().withClock(clock));
  private MiraklClient client = new MiraklClient(simulator);

  @AfterEach
  void stop() {
    simulator.close();
  }

  private void restart(MiraklSimulator.Options options) {
    simulator.close();
    simulator = MiraklSimulator.start(options.withClock(clock));
    client = new MiraklClient(simulator);
  }

  private String placeTwoLineOrder() {
    return simulator.placeOrder(
        NewOrder.builder()
            .line("SKU-1", "Mug", 2, new BigDecimal("19.99"))
            .line("SKU-2", "Plate", 1, new BigDecimal("9.50"))
            .build());
  }

  private static String decisions(String... idAndAccepted) {
    StringBuilder body = new StringBuilder("{\"order_lines\":[");
    for (int i = 0; i < idAndAccepted.length; i += 2) {
      body.append(i == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(idAndAccepted[i])
          .append("\",\"accepted\":")
          .append(idAndAccepted[i + 1])
          .append('}');
    }
    return body.append("]}").toString();
  }

  private HttpResponse<String> accept(String orderId, String body) {
    return client.put("/api/orders/" + orderId + "/accept", body);
  }

  @Test
  void acceptingEveryLineAnswersNoContentAndAwaitsTheDebit() {
    String orderId = placeTwoLineOrder();
    clock.advance(Duration.ofMinutes(3));

    HttpResponse<String> response =
        accept(orderId, decisions(orderId + "-1", "true", orderId + "-2", "true"));

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    OrderView order = simulator.order(orderId);
    assertThat(order.state()).isEqualTo("WAITING_DEBIT_PAYMENT");
    assertThat(order.lineStates()).containsOnlyKeys(orderId + "-1", orderId + "-2");
    assertThat(order.lineStates().values()).containsOnly("WAITING_DEBIT_PAYMENT");
    assertThat(order.lastUpdated()).isEqualTo(Instant.parse("2025-03-10T08:03:00Z"));
  }

  @Test
  void anAcceptedOrderShowsItsDecisionDateInOr11() {
    String orderId = placeTwoLineOrder();
    clock.advance(Duration.ofMinutes(3));

    client.accept(orderId, true, simulator.order(orderId).lineIds());

    JsonNode order = client.order(orderId);
    assertThat(order.get("acceptance_decision_date").stringValue())
        .isEqualTo("2025-03-10T08:03:00Z");
    assertThat(order.get("last_updated_date").stringValue()).isEqualTo("2025-03-10T08:03:00Z");
    assertThat(order.get("order_lines").get(0).get("last_updated_date").stringValue())
        .isEqualTo("2025-03-10T08:03:00Z");
  }

  @Test
  void refusingEveryLineRefusesTheOrder() {
    String orderId = placeTwoLineOrder();

    HttpResponse<String> response =
        client.accept(orderId, false, simulator.order(orderId).lineIds());

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(simulator.order(orderId).state()).isEqualTo("REFUSED");
    assertThat(simulator.order(orderId).lineStates().values()).containsOnly("REFUSED");
  }

  @Test
  void leavingALineUndecidedIsRejectedWithItsCode() {
    String orderId = placeTwoLineOrder();

    HttpResponse<String> response = accept(orderId, decisions(orderId + "-1", "true"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.errorCode(response))
        .isEqualTo("ORDER_LINE_ACCEPTANCE_DECISION_MISSING");
    assertThat(simulator.order(orderId).state()).isEqualTo("WAITING_ACCEPTANCE");
  }

  @Test
  void theErrorBodyCarriesTheStatusAMessageAndTheCode() {
    String orderId = placeTwoLineOrder();

    JsonNode body =
        MiraklClient.JSON.readTree(accept(orderId, decisions(orderId + "-1", "true")).body());

    assertThat(body.get("status").intValue()).isEqualTo(400);
    assertThat(body.get("message").stringValue()).isNotBlank();
    assertThat(body.get("errors").get(0).get("field").stringValue()).isEqualTo("order_lines");
  }

  @Test
  void anUnknownLineIsRejected() {
    String orderId = placeTwoLineOrder();

    HttpResponse<String> response =
        accept(orderId, decisions(orderId + "-1", "true", orderId + "-9", "true"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.errorCode(response)).isEqualTo("ORDER_LINE_NOT_FOUND");
  }

  @Test
  void aLineDecidedTwiceIsRejected() {
    String orderId = placeTwoLineOrder();

    HttpResponse<String> response =
        accept(
            orderId,
            decisions(orderId + "-1", "true", orderId + "-1", "true", orderId + "-2", "true"));

    assertThat(MiraklClient.errorCode(response)).isEqualTo("ORDER_LINE_DUPLICATE_ID");
  }

  @Test
  void aNullLineIsRejected() {
    String orderId = placeTwoLineOrder();

    HttpResponse<String> response = accept(orderId, "{\"order_lines\":[null]}");

    assertThat(MiraklClient.errorCode(response)).isEqualTo("ORDER_LINE_NULL_ELEMENT");
  }

  @Test
  void aLineWithoutDecisionFieldIsAValidationError() {
    String orderId = placeTwoLineOrder();

    HttpResponse<String> response = accept(orderId, "{\"order_lines\":[{\"id\":\"x\"}]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.errorCode(response)).isEqualTo("VALIDATION_ERROR");
  }

  @Test
  void mixingAcceptanceAndRefusalIsRejectedWhenPartialAcceptanceIsOff() {
    String orderId = placeTwoLineOrder();

    HttpResponse<String> response =
        accept(orderId, decisions(orderId + "-1", "true", orderId + "-2", "false"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.errorCode(response)).isEqualTo("ORDER_PARTIAL_ACCEPTANCE_DISABLED");
    assertThat(simulator.order(orderId).state()).isEqualTo("WAITING_ACCEPTANCE");
  }

  @Test
  void partialAcceptanceRefusesOnlyTheRefusedLines() {
    restart(MiraklSimulator.Options.defaults().withPartialAcceptance(true));
    String orderId = placeTwoLineOrder();

    HttpResponse<String> response =
        accept(orderId, decisions(orderId + "-1", "true", orderId + "-2", "false"));

    assertThat(response.statusCode()).isEqualTo(204);
    OrderView order = simulator.order(orderId);
    assertThat(order.state()).isEqualTo("WAITING_DEBIT_PAYMENT");
    assertThat(order.lineStates())
        .containsEntry(orderId + "-1", "WAITING_DEBIT_PAYMENT")
        .containsEntry(orderId + "-2", "REFUSED");
  }

  @Test
  void anUnknownOrderIsNotFound() {
    HttpResponse<String> response = accept("Nope-A", decisions("Nope-A-1", "true"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(MiraklClient.errorCode(response)).isEqualTo("ORDER_NOT_FOUND");
  }

  @Test
  void decidingAnOrderThatNoLongerWaitsForAcceptanceIsAWrongStateError() {
    String orderId = placeTwoLineOrder();
    List<String> lines = simulator.order(orderId).lineIds();
    client.accept(orderId, true, lines);

    HttpResponse<String> again = client.accept(orderId, false, lines);

    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.errorCode(again)).isEqualTo("ORDER_INVALID_STATE");
    assertThat(simulator.order(orderId).state()).isEqualTo("WAITING_DEBIT_PAYMENT");
  }

  @Test
  void everyAcceptCallReachingTheOrderIsCounted() {
    String orderId = placeTwoLineOrder();
    accept(orderId, decisions(orderId + "-1", "true"));
    client.accept(orderId, true, simulator.order(orderId).lineIds());

    assertThat(simulator.order(orderId).acceptCalls()).isEqualTo(2);
  }

  @Test
  void aMalformedJsonBodyIsABadRequest() {
    String orderId = placeTwoLineOrder();

    HttpResponse<String> response = accept(orderId, "{\"order_lines\":[");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.errorCode(response)).isEqualTo("VALIDATION_ERROR");
  }

  @Test
  void aBodyWithoutOrderLinesIsABadRequest() {
    String orderId = placeTwoLineOrder();

    assertThat(accept(orderId, "{}").statusCode()).isEqualTo(400);
  }

  @Test
  void withAutoDebitAnAcceptedOrderGoesStraightToShippingWithTheCustomerDebited() {
    restart(MiraklSimulator.Options.defaults().withAutoDebit(true));
    String orderId = placeTwoLineOrder();

    client.accept(orderId, true, simulator.order(orderId).lineIds());

    JsonNode order = client.order(orderId);
    assertThat(order.get("order_state").stringValue()).isEqualTo("SHIPPING");
    assertThat(order.get("customer_debited_date").stringValue()).isEqualTo("2025-03-10T08:00:00Z");
    assertThat(order.get("customer").get("shipping_address").isObject()).isTrue();
    assertThat(simulator.order(orderId).lineStates().values()).containsOnly("SHIPPING");
  }

  @Test
  void withAutoDebitARefusedOrderStaysRefused() {
    restart(MiraklSimulator.Options.defaults().withAutoDebit(true));
    String orderId = placeTwoLineOrder();

    client.accept(orderId, false, simulator.order(orderId).lineIds());

    assertThat(simulator.order(orderId).state()).isEqualTo("REFUSED");
  }
}
