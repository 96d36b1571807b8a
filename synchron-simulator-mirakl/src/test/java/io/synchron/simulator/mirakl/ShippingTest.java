package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** OR23 (tracking) and OR24 (ship) on a whole order. */
class ShippingTest {
  private final MutableClock clock = MutableClock.at("2025-03-10T08:00:00Z");
  private final MiraklSimulator simulator =
      MiraklSimulator.start(MiraklSimulator.Options.defaults().withClock(clock));
  private final MiraklClient client = new MiraklClient(simulator);

  @AfterEach
  void stop() {
    simulator.close();
  }

  private HttpResponse<String> track(String orderId, String body) {
    return client.put("/api/orders/" + orderId + "/tracking", body);
  }

  private HttpResponse<String> ship(String orderId) {
    return client.put("/api/orders/" + orderId + "/ship");
  }

  @Test
  void or23WithARegisteredCarrierComputesTheTrackingUrlAndShowsItInOr11() {
    String orderId = Fixtures.shipping(simulator, client);
    clock.advance(Duration.ofMinutes(5));

    HttpResponse<String> response =
        track(orderId, "{\"carrier_code\":\"COLISSIMO\",\"tracking_number\":\"6A123\"}");

    assertThat(response.statusCode()).isEqualTo(204);
    JsonNode order = client.order(orderId);
    assertThat(order.get("shipping_carrier_code").stringValue()).isEqualTo("COLISSIMO");
    assertThat(order.get("shipping_carrier_standard_code").stringValue()).isEqualTo("COLISSIMO");
    assertThat(order.get("shipping_company").stringValue()).isEqualTo("Colissimo");
    assertThat(order.get("shipping_tracking").stringValue()).isEqualTo("6A123");
    assertThat(order.get("shipping_tracking_url").stringValue())
        .isEqualTo("https://www.laposte.fr/outils/suivre-vos-envois?code=6A123");
    assertThat(order.get("last_updated_date").stringValue()).isEqualTo("2025-03-10T08:05:00Z");
    assertThat(order.get("order_state").stringValue()).isEqualTo("SHIPPING");
  }

  @Test
  void or23WithAnUnregisteredCarrierKeepsItsNameAndUrl() {
    String orderId = Fixtures.shipping(simulator, client);

    track(
        orderId,
        "{\"carrier_name\":\"Coursier Express\",\"carrier_url\":\"https://cx.example/t/77\","
            + "\"tracking_number\":\"77\"}");

    OrderView.Tracking tracking = simulator.order(orderId).tracking();
    assertThat(tracking)
        .isEqualTo(
            new OrderView.Tracking(null, "Coursier Express", "77", "https://cx.example/t/77"));
    assertThat(client.order(orderId).get("shipping_carrier_code").isNull()).isTrue();
  }

  @Test
  void or23IgnoresTheUrlGivenForARegisteredCarrier() {
    String orderId = Fixtures.shipping(simulator, client);

    track(
        orderId,
        "{\"carrier_code\":\"UPS\",\"carrier_name\":\"UPS\",\"carrier_standard_code\":\"UPS\","
            + "\"carrier_url\":\"https://ups.com\",\"tracking_number\":\"5555\"}");

    assertThat(simulator.order(orderId).tracking().trackingUrl())
        .isEqualTo("https://www.ups.com/track?tracknum=5555");
  }

  @Test
  void or23WithAnUnknownCarrierCodeIsABadRequest() {
    String orderId = Fixtures.shipping(simulator, client);

    HttpResponse<String> response =
        track(orderId, "{\"carrier_code\":\"PIGEON\",\"tracking_number\":\"1\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.errorCode(response)).isEqualTo("VALIDATION_ERROR");
    assertThat(simulator.order(orderId).tracking()).isNull();
  }

  @Test
  void or23WithoutATrackingNumberForACarrierWhoseUrlNeedsOneIsABadRequest() {
    String orderId = Fixtures.shipping(simulator, client);

    HttpResponse<String> response = track(orderId, "{\"carrier_code\":\"DHL\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.json(response).at("/errors/0/field").stringValue())
        .isEqualTo("tracking_number");
  }

  @Test
  void or23WithoutAnyCarrierIsABadRequest() {
    String orderId = Fixtures.shipping(simulator, client);

    assertThat(track(orderId, "{\"tracking_number\":\"1\"}").statusCode()).isEqualTo(400);
  }

  @Test
  void or23WithAMalformedBodyIsABadRequest() {
    String orderId = Fixtures.shipping(simulator, client);

    assertThat(track(orderId, "{\"carrier_code\":").statusCode()).isEqualTo(400);
  }

  @Test
  void callingOr23AgainOverwritesTheTracking() {
    String orderId = Fixtures.shipping(simulator, client);
    track(orderId, "{\"carrier_code\":\"UPS\",\"tracking_number\":\"1Z1\"}");

    track(orderId, "{\"carrier_code\":\"DPD\",\"tracking_number\":\"0987\"}");

    JsonNode order = client.order(orderId);
    assertThat(order.get("shipping_carrier_code").stringValue()).isEqualTo("DPD");
    assertThat(order.get("shipping_tracking").stringValue()).isEqualTo("0987");
  }

  @Test
  void or23CorrectsTheTrackingOfAShippedOrder() {
    String orderId = Fixtures.shipped(simulator, client);

    HttpResponse<String> response =
        track(orderId, "{\"carrier_code\":\"GLS\",\"tracking_number\":\"G-1\"}");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(simulator.order(orderId).tracking().carrierCode()).isEqualTo("GLS");
  }

  @Test
  void or23BeforeTheOrderIsToBeShippedIsAWrongState() {
    String orderId = simulator.placeOrder(Fixtures.mugsAndPlate());

    HttpResponse<String> response =
        track(orderId, "{\"carrier_code\":\"UPS\",\"tracking_number\":\"1\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.errorCode(response)).isEqualTo("ORDER_INVALID_STATE");
  }

  @Test
  void or23OnAnUnknownOrderIsNotFound() {
    HttpResponse<String> response =
        track("Nope-A", "{\"carrier_code\":\"UPS\",\"tracking_number\":\"1\"}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(MiraklClient.errorCode(response)).isEqualTo("ORDER_NOT_FOUND");
  }

  @Test
  void or24ShipsTheOrderAndItsLines() {
    String orderId = Fixtures.shipping(simulator, client);
    clock.advance(Duration.ofHours(2));

    HttpResponse<String> response = ship(orderId);

    assertThat(response.statusCode()).isEqualTo(204);
    JsonNode order = client.order(orderId);
    assertThat(order.get("order_state").stringValue()).isEqualTo("SHIPPED");
    assertThat(order.get("last_updated_date").stringValue()).isEqualTo("2025-03-10T10:00:00Z");
    assertThat(order.get("can_shop_ship").booleanValue()).isFalse();
    assertThat(order.get("can_cancel").booleanValue()).isFalse();
    for (JsonNode line : order.get("order_lines")) {
      assertThat(line.get("order_line_state").stringValue()).isEqualTo("SHIPPED");
      assertThat(line.get("shipped_date").stringValue()).isEqualTo("2025-03-10T10:00:00Z");
      assertThat(line.get("can_refund").booleanValue()).isTrue();
    }
  }

  @Test
  void or24OnAnAlreadyShippedOrderIsAWrongState() {
    String orderId = Fixtures.shipped(simulator, client);

    HttpResponse<String> response = ship(orderId);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.errorCode(response)).isEqualTo("ORDER_INVALID_STATE");
  }

  @Test
  void or24BeforeTheDebitIsAWrongState() {
    String orderId = simulator.placeOrder(Fixtures.mugsAndPlate());
    client.accept(orderId, true, simulator.order(orderId).lineIds());

    assertThat(ship(orderId).statusCode()).isEqualTo(400);
    assertThat(simulator.order(orderId).state()).isEqualTo("WAITING_DEBIT_PAYMENT");
  }

  @Test
  void or24OnAnUnknownOrderIsNotFound() {
    assertThat(ship("Nope-A").statusCode()).isEqualTo(404);
  }

  @Test
  void or24LeavesCanceledLinesCanceled() {
    String orderId = Fixtures.shipping(simulator, client);
    client.put(
        "/api/orders/cancel",
        "{\"cancelations\":[{\"order_line_id\":\""
            + orderId
            + "-2\",\"amount\":9.50,\"shipping_amount\":0.94,\"quantity\":1,"
            + "\"reason_code\":\"35\"}]}");

    ship(orderId);

    assertThat(simulator.order(orderId).lineStates())
        .containsEntry(orderId + "-1", "SHIPPED")
        .containsEntry(orderId + "-2", "CANCELED");
  }

  @Test
  void callCountTellsHowOftenOr24WasCalledForOneOrder() {
    String orderId = Fixtures.shipping(simulator, client);
    String other = Fixtures.shipping(simulator, client);
    ship(orderId);
    ship(orderId);
    ship(other);

    assertThat(simulator.callCount("OR24", orderId)).isEqualTo(2);
    assertThat(simulator.callCount("OR24", other)).isEqualTo(1);
    assertThat(simulator.callCount("OR23", orderId)).isZero();
    assertThat(simulator.callCount("OR24")).isEqualTo(3);
  }
}
