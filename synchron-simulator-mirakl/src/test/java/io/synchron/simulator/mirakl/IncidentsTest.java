package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Incidents the customer opens on shipped lines, and the shop resolving them with OR64. */
class IncidentsTest {
  private final MutableClock clock = MutableClock.at("2025-03-10T08:00:00Z");
  private final MiraklSimulator simulator =
      MiraklSimulator.start(MiraklSimulator.Options.defaults().withClock(clock));
  private final MiraklClient client = new MiraklClient(simulator);

  @AfterEach
  void stop() {
    simulator.close();
  }

  private HttpResponse<String> resolve(String orderId, String lineId, String body) {
    return client.put(
        "/api/orders/" + orderId + "/lines/" + lineId + "/resolve_incident", body);
  }

  private static String message(HttpResponse<String> response) {
    return MiraklClient.json(response).get("message").stringValue();
  }

  @Test
  void anOpenedIncidentIsSeenByPollingOr11ForUpdates() {
    String orderId = Fixtures.shipped(simulator, client);
    clock.advance(Duration.ofHours(2));

    simulator.openIncident(orderId, orderId + "-2", "2");

    JsonNode polled = client.orders("start_update_date=2025-03-10T09:00:00Z");
    assertThat(MiraklClient.orderIds(polled)).containsExactly(orderId);
    assertThat(simulator.incidentOpen(orderId, orderId + "-2")).isTrue();
    assertThat(simulator.incidentOpen(orderId, orderId + "-1")).isFalse();
    assertThat(simulator.order(orderId).state()).isEqualTo("SHIPPED");
  }

  @Test
  void theShopResolvesAnIncidentAndTheLineGoesBackToShipped() {
    String orderId = Fixtures.shipped(simulator, client);
    simulator.openIncident(orderId, orderId + "-1", "1");
    clock.advance(Duration.ofDays(1));

    HttpResponse<String> response = resolve(orderId, orderId + "-1", "{\"reason_code\":\"8\"}");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    JsonNode order = client.order(orderId);
    assertThat(order.get("has_incident").booleanValue()).isFalse();
    assertThat(order.get("last_updated_date").stringValue()).isEqualTo("2025-03-11T08:00:00Z");
    JsonNode line = order.at("/order_lines/0");
    assertThat(line.get("order_line_state").stringValue()).isEqualTo("SHIPPED");
    assertThat(line.get("order_line_state_reason_code").stringValue()).isEqualTo("8");
    assertThat(line.get("last_updated_date").stringValue()).isEqualTo("2025-03-11T08:00:00Z");
    assertThat(MiraklClient.orderIds(client.orders("has_incident=true"))).isEmpty();
    assertThat(MiraklClient.orderIds(client.orders("start_update_date=2025-03-11T08:00:00Z")))
        .containsExactly(orderId);
    assertThat(simulator.incidentOpen(orderId, orderId + "-1")).isFalse();
  }

  @Test
  void anIncidentStillOpenWhenTheOrderIsReceivedIsResolvedToReceived() {
    String orderId = Fixtures.shipped(simulator, client);
    simulator.openIncident(orderId, orderId + "-1", "1");
    clock.advance(Duration.ofDays(1));
    simulator.confirmReceipt(orderId);

    assertThat(simulator.order(orderId).lineStates())
        .containsEntry(orderId + "-1", "INCIDENT_OPEN")
        .containsEntry(orderId + "-2", "RECEIVED");
    assertThat(client.order(orderId).get("has_incident").booleanValue()).isTrue();

    assertThat(resolve(orderId, orderId + "-1", "{\"reason_code\":\"8\"}").statusCode())
        .isEqualTo(204);

    JsonNode line = client.order(orderId).at("/order_lines/0");
    assertThat(line.get("order_line_state").stringValue()).isEqualTo("RECEIVED");
    assertThat(line.get("received_date").stringValue()).isEqualTo("2025-03-11T08:00:00Z");
  }

  @Test
  void theOrderIsNotClosedWhileAnIncidentIsOpenAndIsOnceItIsResolved() {
    String orderId = Fixtures.shipped(simulator, client);
    simulator.confirmReceipt(orderId);
    simulator.openIncident(orderId, orderId + "-2", "2");

    assertThatThrownBy(() -> simulator.close(orderId))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("incident");

    resolve(orderId, orderId + "-2", "{\"reason_code\":\"8\"}");
    simulator.close(orderId);
    assertThat(simulator.order(orderId).lineStates().values()).containsOnly("CLOSED");
  }

  @Test
  void aReasonTheShopMayNotUseIsRefusedWithAClearMessage() {
    String orderId = Fixtures.shipped(simulator, client);
    simulator.openIncident(orderId, orderId + "-1", "1");

    HttpResponse<String> response = resolve(orderId, orderId + "-1", "{\"reason_code\":\"10\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.errorCode(response)).isEqualTo("VALIDATION_ERROR");
    assertThat(message(response)).contains("10", "is_shop_right");
    assertThat(simulator.incidentOpen(orderId, orderId + "-1")).isTrue();
  }

  @Test
  void aReasonOfAnotherTypeIsRefused() {
    String orderId = Fixtures.shipped(simulator, client);
    simulator.openIncident(orderId, orderId + "-1", "1");

    HttpResponse<String> refund = resolve(orderId, orderId + "-1", "{\"reason_code\":\"15\"}");
    HttpResponse<String> opening = resolve(orderId, orderId + "-1", "{\"reason_code\":\"1\"}");

    assertThat(refund.statusCode()).isEqualTo(400);
    assertThat(message(refund)).contains("15", "INCIDENT_CLOSE");
    assertThat(opening.statusCode()).isEqualTo(400);
    assertThat(simulator.incidentOpen(orderId, orderId + "-1")).isTrue();
  }

  @Test
  void aMissingReasonCodeIsAValidationError() {
    String orderId = Fixtures.shipped(simulator, client);
    simulator.openIncident(orderId, orderId + "-1", "1");

    HttpResponse<String> empty = resolve(orderId, orderId + "-1", "{}");
    HttpResponse<String> malformed = resolve(orderId, orderId + "-1", "{\"reason_code\":");

    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.json(empty).at("/errors/0/field").stringValue())
        .isEqualTo("reason_code");
    assertThat(malformed.statusCode()).isEqualTo(400);
  }

  @Test
  void aLineWithoutAnOpenIncidentCannotBeResolved() {
    String orderId = Fixtures.shipped(simulator, client);

    HttpResponse<String> response = resolve(orderId, orderId + "-1", "{\"reason_code\":\"8\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.errorCode(response)).isEqualTo("ORDER_LINE_INVALID_STATE");
    assertThat(message(response)).contains("no open incident");
  }

  @Test
  void anUnknownOrderOrLineIsNotFound() {
    String orderId = Fixtures.shipped(simulator, client);

    HttpResponse<String> order = resolve("Nope-A", "Nope-A-1", "{\"reason_code\":\"8\"}");
    HttpResponse<String> line = resolve(orderId, orderId + "-9", "{\"reason_code\":\"8\"}");

    assertThat(order.statusCode()).isEqualTo(404);
    assertThat(MiraklClient.errorCode(order)).isEqualTo("ORDER_NOT_FOUND");
    assertThat(line.statusCode()).isEqualTo(404);
    assertThat(MiraklClient.errorCode(line)).isEqualTo("ORDER_LINE_NOT_FOUND");
  }

  @Test
  void onlyPutResolvesAnIncident() {
    String orderId = Fixtures.shipped(simulator, client);

    assertThat(client.get("/api/orders/" + orderId + "/lines/" + orderId + "-1/resolve_incident")
            .statusCode())
        .isEqualTo(404);
  }

  @Test
  void or64CallsAreJournaledAndCountedForTheirOrder() {
    String orderId = Fixtures.shipped(simulator, client);
    simulator.openIncident(orderId, orderId + "-1", "1");

    resolve(orderId, orderId + "-1", "{\"reason_code\":\"8\"}");
    resolve(orderId, orderId + "-1", "{\"reason_code\":\"8\"}");

    assertThat(simulator.callCount("OR64", orderId)).isEqualTo(2);
    assertThat(simulator.callCount("OR64")).isEqualTo(2);
  }

  @Test
  void aScriptedFaultCanHitOr64() {
    String orderId = Fixtures.shipped(simulator, client);
    simulator.openIncident(orderId, orderId + "-1", "1");
    simulator.faults().enqueue("OR64", Fault.status(503));

    assertThat(resolve(orderId, orderId + "-1", "{\"reason_code\":\"8\"}").statusCode())
        .isEqualTo(503);
    assertThat(simulator.incidentOpen(orderId, orderId + "-1")).isTrue();
  }

  @Test
  void anIncidentCannotBeOpenedTwiceOnALine() {
    String orderId = Fixtures.shipped(simulator, client);
    simulator.openIncident(orderId, orderId + "-1", "1");

    assertThatThrownBy(() -> simulator.openIncident(orderId, orderId + "-1", "2"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aResolvedIncidentCanBeOpenedAgain() {
    String orderId = Fixtures.shipped(simulator, client);
    simulator.openIncident(orderId, orderId + "-1", "1");
    resolve(orderId, orderId + "-1", "{\"reason_code\":\"8\"}");

    simulator.openIncident(orderId, orderId + "-1", "2");

    assertThat(client.order(orderId).at("/order_lines/0/order_line_state_reason_code").stringValue())
        .isEqualTo("2");
  }

  @Test
  void theDefaultReasonsOfferAnIncidentClosingReasonTheShopMayUse() {
    assertThat(Reason.defaults())
        .anyMatch(r -> r.type().equals(Reason.INCIDENT_CLOSE) && r.shopRight())
        .anyMatch(r -> r.type().equals(Reason.INCIDENT_OPEN));
  }
}
