package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the customer and the operator do once an order has shipped. */
class AfterShipmentTest {
  private final MutableClock clock = MutableClock.at("2025-03-10T08:00:00Z");
  private final MiraklSimulator simulator =
      MiraklSimulator.start(MiraklSimulator.Options.defaults().withClock(clock));
  private final MiraklClient client = new MiraklClient(simulator);

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void theCustomerConfirmsReceiptOfAShippedOrder() {
    String orderId = Fixtures.shipped(simulator, client);
    clock.advance(Duration.ofDays(3));

    simulator.confirmReceipt(orderId);

    JsonNode order = client.order(orderId);
    assertThat(order.get("order_state").stringValue()).isEqualTo("RECEIVED");
    assertThat(order.get("last_updated_date").stringValue()).isEqualTo("2025-03-13T08:00:00Z");
    assertThat(order.at("/order_lines/0/order_line_state").stringValue()).isEqualTo("RECEIVED");
    assertThat(order.at("/order_lines/0/received_date").stringValue())
        .isEqualTo("2025-03-13T08:00:00Z");
  }

  @Test
  void receiptBeforeShipmentIsRefused() {
    String orderId = Fixtures.shipping(simulator, client);

    assertThatThrownBy(() -> simulator.confirmReceipt(orderId))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theOperatorClosesAReceivedOrder() {
    String orderId = Fixtures.shipped(simulator, client);
    simulator.confirmReceipt(orderId);
    clock.advance(Duration.ofDays(14));

    simulator.close(orderId);

    OrderView order = simulator.order(orderId);
    assertThat(order.state()).isEqualTo("CLOSED");
    assertThat(order.lineStates().values()).containsOnly("CLOSED");
    assertThat(order.lastUpdated()).isEqualTo(clock.instant());
    assertThat(client.order(orderId).at("/order_lines/0/can_refund").booleanValue()).isFalse();
  }

  @Test
  void anOrderStillToBeShippedCannotBeClosed() {
    String orderId = Fixtures.shipping(simulator, client);

    assertThatThrownBy(() -> simulator.close(orderId)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anIncidentOnALineShowsInOr11AndItsFilter() {
    String orderId = Fixtures.shipped(simulator, client);
    String calm = Fixtures.shipped(simulator, client);
    clock.advance(Duration.ofDays(1));

    simulator.openIncident(orderId, orderId + "-1", "1");

    JsonNode order = client.order(orderId);
    assertThat(order.get("has_incident").booleanValue()).isTrue();
    assertThat(order.get("last_updated_date").stringValue()).isEqualTo("2025-03-11T08:00:00Z");
    JsonNode line = order.at("/order_lines/0");
    assertThat(line.get("order_line_state").stringValue()).isEqualTo("INCIDENT_OPEN");
    assertThat(line.get("order_line_state_reason_code").stringValue()).isEqualTo("1");
    assertThat(MiraklClient.orderIds(client.orders("has_incident=true"))).containsExactly(orderId);
    assertThat(MiraklClient.orderIds(client.orders("has_incident=false"))).containsExactly(calm);
  }

  @Test
  void anIncidentNeedsAnIncidentOpeningReason() {
    String orderId = Fixtures.shipped(simulator, client);

    assertThatThrownBy(() -> simulator.openIncident(orderId, orderId + "-1", "15"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anIncidentCannotBeOpenedBeforeShipment() {
    String orderId = Fixtures.shipping(simulator, client);

    assertThatThrownBy(() -> simulator.openIncident(orderId, orderId + "-1", "1"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aLineWithAnIncidentCanStillBeRefunded() {
    String orderId = Fixtures.shipped(simulator, client);
    simulator.openIncident(orderId, orderId + "-1", "1");

    int status =
        client
            .put(
                "/api/orders/refund",
                "{\"refunds\":[{\"order_line_id\":\""
                    + orderId
                    + "-1\",\"amount\":39.98,\"shipping_amount\":3.96,\"reason_code\":\"19\"}]}")
            .statusCode();

    assertThat(status).isEqualTo(200);
  }
}
