package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** ST01, ST11, ST23 and ST24, with multi-shipment enabled unless said otherwise. */
class MultiShipmentTest {
  private final MutableClock clock = MutableClock.at("2025-03-10T08:00:00Z");
  private MiraklSimulator simulator =
      MiraklSimulator.start(
          MiraklSimulator.Options.defaults().withClock(clock).withMultiShipment(true));
  private MiraklClient client = new MiraklClient(simulator);

  @AfterEach
  void stop() {
    simulator.close();
  }

  private static String shipment(
      String orderId, String lines, String tracking, boolean shipped) {
    return "{\"order_id\":\""
        + orderId
        + "\",\"shipment_lines\":["
        + lines
        + "]"
        + (tracking == null ? "" : ",\"tracking\":" + tracking)
        + ",\"shipped\":"
        + shipped
        + "}";
  }

  private static String line(String lineId, int quantity) {
    return "{\"order_line_id\":\"" + lineId + "\",\"quantity\":" + quantity + "}";
  }

  private HttpResponse<String> create(String... shipments) {
    return client.post("/api/shipments", "{\"shipments\":[" + String.join(",", shipments) + "]}");
  }

  private String createOne(String orderId, String lines, boolean shipped) {
    HttpResponse<String> response = create(shipment(orderId, lines, null, shipped));
    return MiraklClient.json(response).at("/shipment_success/0/id").stringValue();
  }

  @Test
  void st01CreatesAShipmentStillToBeShipped() {
    String orderId = Fixtures.shipping(simulator, client);

    HttpResponse<String> response =
        create(
            shipment(
                orderId,
                line(orderId + "-1", 1),
                "{\"carrier_code\":\"UPS\",\"tracking_number\":\"1Z9\"}",
                false));

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = MiraklClient.json(response);
    assertThat(body.get("shipment_errors")).isEmpty();
    JsonNode created = body.get("shipment_success").get(0);
    assertThat(created.get("id").stringValue())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(created.get("order_id").stringValue()).isEqualTo(orderId);
    assertThat(created.get("status").stringValue()).isEqualTo("SHIPPING");
    assertThat(created.at("/tracking/tracking_url").stringValue())
        .isEqualTo("https://www.ups.com/track?tracknum=1Z9");
    assertThat(created.at("/shipment_lines/0/quantity").intValue()).isEqualTo(1);
    assertThat(simulator.order(orderId).state()).isEqualTo("SHIPPING");
    assertThat(simulator.order(orderId).shipments()).hasSize(1);
  }

  @Test
  void theOrderStaysShippingUntilEveryUnitHasShipped() {
    String orderId = Fixtures.shipping(simulator, client);
    createOne(orderId, line(orderId + "-1", 1), true);

    assertThat(simulator.order(orderId).state()).isEqualTo("SHIPPING");
    assertThat(simulator.order(orderId).lineStates()).containsEntry(orderId + "-1", "SHIPPING");
    assertThat(client.order(orderId).get("can_cancel").booleanValue()).isFalse();

    createOne(orderId, line(orderId + "-1", 1) + "," + line(orderId + "-2", 1), true);

    assertThat(simulator.order(orderId).state()).isEqualTo("SHIPPED");
    assertThat(simulator.order(orderId).lineStates().values()).containsOnly("SHIPPED");
  }

  @Test
  void aLineIsShippedOnceAllItsUnitsHave() {
    String orderId = Fixtures.shipping(simulator, client);

    createOne(orderId, line(orderId + "-2", 1), true);

    assertThat(simulator.order(orderId).lineStates())
        .containsEntry(orderId + "-2", "SHIPPED")
        .containsEntry(orderId + "-1", "SHIPPING");
    assertThat(client.order(orderId).at("/order_lines/1/shipped_date").stringValue())
        .isEqualTo("2025-03-10T08:00:00Z");
  }

  @Test
  void st01CannotShipMoreThanRemainsOfALine() {
    String orderId = Fixtures.shipping(simulator, client);
    createOne(orderId, line(orderId + "-1", 2), false);

    HttpResponse<String> response = create(shipment(orderId, line(orderId + "-1", 1), null, true));

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = MiraklClient.json(response);
    assertThat(body.get("shipment_success")).isEmpty();
    assertThat(body.at("/shipment_errors/0/order_id").stringValue()).isEqualTo(orderId);
    assertThat(body.at("/shipment_errors/0/message").stringValue())
        .isEqualTo("Shipment quantity is invalid.");
  }

  @Test
  void st01CreatesTheValidShipmentsAndReportsTheOthers() {
    String orderId = Fixtures.shipping(simulator, client);
    String shipped = Fixtures.shipped(simulator, client);

    JsonNode body =
        MiraklClient.json(
            create(
                shipment(orderId, line(orderId + "-2", 1), null, false),
                shipment(shipped, line(shipped + "-2", 1), null, false),
                shipment("Nope-A", line("Nope-A-1", 1), null, false),
                shipment(orderId, line(orderId + "-1", 0), null, false),
                shipment(orderId, line(orderId + "-1", 1), "{\"carrier_code\":\"X\"}", false)));

    assertThat(body.get("shipment_success")).hasSize(1);
    List<String> messages = new ArrayList<>();
    body.get("shipment_errors").forEach(e -> messages.add(e.get("message").stringValue()));
    assertThat(messages)
        .hasSize(4)
        .contains("The order status must be 'SHIPPING' but it is 'SHIPPED'.")
        .contains("Shipment quantity is invalid.");
    assertThat(simulator.order(orderId).shipments()).hasSize(1);
  }

  @Test
  void st01AcceptsAnUnregisteredCarrierWithItsUrl() {
    String orderId = Fixtures.shipping(simulator, client);

    JsonNode body =
        MiraklClient.json(
            create(
                shipment(
                    orderId,
                    line(orderId + "-2", 1),
                    "{\"carrier_name\":\"Custom carrier\","
                        + "\"tracking_url\":\"http://www.customcarrier.com/tracking\"}",
                    true)));

    assertThat(body.at("/shipment_success/0/tracking/carrier_name").stringValue())
        .isEqualTo("Custom carrier");
    assertThat(client.order(orderId).get("shipping_tracking_url").stringValue())
        .isEqualTo("http://www.customcarrier.com/tracking");
  }

  @Test
  void st01WithoutShipmentsIsABadRequest() {
    assertThat(client.post("/api/shipments", "{\"shipments\":[]}").statusCode()).isEqualTo(400);
  }

  @Test
  void st24ShipsAShipmentAndReportsUnknownIds() {
    String orderId = Fixtures.shipping(simulator, client);
    String id = createOne(orderId, line(orderId + "-1", 2) + "," + line(orderId + "-2", 1), false);
    clock.advance(Duration.ofHours(1));

    HttpResponse<String> response =
        client.put(
            "/api/shipments/ship",
            "{\"shipments\":[{\"id\":\"" + id + "\"},{\"id\":\"no-such-shipment\"}]}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = MiraklClient.json(response);
    assertThat(body.at("/shipment_success/0/id").stringValue()).isEqualTo(id);
    assertThat(body.at("/shipment_errors/0/id").stringValue()).isEqualTo("no-such-shipment");
    assertThat(body.at("/shipment_errors/0/message").stringValue())
        .isEqualTo("No shipment with id 'no-such-shipment'.");
    OrderView order = simulator.order(orderId);
    assertThat(order.state()).isEqualTo("SHIPPED");
    assertThat(order.shipments().get(0).status()).isEqualTo("SHIPPED");
    assertThat(order.shipments().get(0).shippedDate()).isEqualTo(clock.instant());
  }

  @Test
  void st24OnAShippedShipmentIsReportedAsAnError() {
    String orderId = Fixtures.shipping(simulator, client);
    String id = createOne(orderId, line(orderId + "-1", 1), true);

    JsonNode body =
        MiraklClient.json(
            client.put("/api/shipments/ship", "{\"shipments\":[{\"id\":\"" + id + "\"}]}"));

    assertThat(body.get("shipment_success")).isEmpty();
    assertThat(body.at("/shipment_errors/0/id").stringValue()).isEqualTo(id);
  }

  @Test
  void st23ReplacesAShipmentsTrackingAndTheOrdersOne() {
    String orderId = Fixtures.shipping(simulator, client);
    String id = createOne(orderId, line(orderId + "-1", 1), false);

    HttpResponse<String> response =
        client.post(
            "/api/shipments/tracking",
            "{\"shipments\":[{\"id\":\""
                + id
                + "\",\"tracking\":{\"carrier_code\":\"DHL\",\"tracking_number\":\"JD01\"}}]}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(MiraklClient.json(response).at("/shipment_success/0/id").stringValue())
        .isEqualTo(id);
    assertThat(simulator.order(orderId).shipments().get(0).tracking().trackingNumber())
        .isEqualTo("JD01");
    assertThat(client.order(orderId).get("shipping_tracking").stringValue()).isEqualTo("JD01");
  }

  @Test
  void st23WithAnUnknownCarrierIsReportedAsAnError() {
    String orderId = Fixtures.shipping(simulator, client);
    String id = createOne(orderId, line(orderId + "-1", 1), false);

    JsonNode body =
        MiraklClient.json(
            client.post(
                "/api/shipments/tracking",
                "{\"shipments\":[{\"id\":\""
                    + id
                    + "\",\"tracking\":{\"carrier_code\":\"PIGEON\"}}]}"));

    assertThat(body.get("shipment_success")).isEmpty();
    assertThat(body.at("/shipment_errors/0/message").stringValue()).contains("PIGEON");
  }

  @Test
  void st11ListsShipmentsOfAnOrderWithLinesAndTracking() {
    String orderId = Fixtures.shipping(simulator, client);
    String other = Fixtures.shipping(simulator, client);
    create(
        shipment(
            orderId,
            line(orderId + "-1", 2),
            "{\"carrier_code\":\"GLS\",\"tracking_number\":\"G7\"}",
            true));
    createOne(other, line(other + "-1", 1), false);

    HttpResponse<String> response = client.get("/api/shipments?order_id=" + orderId);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode data = MiraklClient.json(response).get("data");
    assertThat(data).hasSize(1);
    assertThat(data.get(0).get("status").stringValue()).isEqualTo("SHIPPED");
    assertThat(data.get(0).at("/shipment_lines/0/order_line_id").stringValue())
        .isEqualTo(orderId + "-1");
    assertThat(data.get(0).at("/tracking/tracking_number").stringValue()).isEqualTo("G7");
    assertThat(MiraklClient.json(response).has("next_page_token")).isFalse();
  }

  @Test
  void st11PagesWithSeekTokens() {
    String orderId = Fixtures.shipping(simulator, client);
    createOne(orderId, line(orderId + "-1", 1), false);
    createOne(orderId, line(orderId + "-1", 1), false);
    createOne(orderId, line(orderId + "-2", 1), false);

    JsonNode first = MiraklClient.json(client.get("/api/shipments?limit=2"));
    String token = first.get("next_page_token").stringValue();
    JsonNode second = MiraklClient.json(client.get("/api/shipments?limit=2&page_token=" + token));

    assertThat(first.get("data")).hasSize(2);
    assertThat(first.has("previous_page_token")).isFalse();
    assertThat(second.get("data")).hasSize(1);
    assertThat(second.has("next_page_token")).isFalse();
    assertThat(second.has("previous_page_token")).isTrue();
  }

  @Test
  void st11WithAForeignPageTokenIsABadRequest() {
    assertThat(client.get("/api/shipments?page_token=bogus").statusCode()).isEqualTo(400);
  }

  @Test
  void st11FiltersByShipmentState() {
    String orderId = Fixtures.shipping(simulator, client);
    createOne(orderId, line(orderId + "-1", 1), true);
    createOne(orderId, line(orderId + "-2", 1), false);

    JsonNode data =
        MiraklClient.json(client.get("/api/shipments?shipment_state_code=SHIPPING")).get("data");

    assertThat(data).hasSize(1);
    assertThat(data.at("/0/shipment_lines/0/order_line_id").stringValue())
        .isEqualTo(orderId + "-2");
  }

  @Test
  void cancelingTheOrderCancelsShipmentsStillBeingPrepared() {
    String orderId = Fixtures.shipping(simulator, client);
    createOne(orderId, line(orderId + "-1", 1), false);

    client.put("/api/orders/" + orderId + "/cancel");

    assertThat(simulator.order(orderId).shipments().get(0).status()).isEqualTo("CANCELED");
  }

  @Test
  void unitsInAShipmentCannotBeCanceledAnyMore() {
    String orderId = Fixtures.shipping(simulator, client);
    createOne(orderId, line(orderId + "-2", 1), false);

    HttpResponse<String> response =
        client.put(
            "/api/orders/cancel",
            "{\"cancelations\":[{\"order_line_id\":\""
                + orderId
                + "-2\",\"amount\":1,\"shipping_amount\":0,\"quantity\":1,"
                + "\"reason_code\":\"34\"}]}");

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void withoutMultiShipmentEveryShipmentOperationIsNotFoundWithAStatusInTheBody() {
    simulator.close();
    simulator = MiraklSimulator.start(MiraklSimulator.Options.defaults());
    client = new MiraklClient(simulator);
    String orderId = Fixtures.shipping(simulator, client);

    List<HttpResponse<String>> responses =
        List.of(
            create(shipment(orderId, line(orderId + "-1", 1), null, true)),
            client.get("/api/shipments"),
            client.post("/api/shipments/tracking", "{\"shipments\":[{\"id\":\"x\"}]}"),
            client.put("/api/shipments/ship", "{\"shipments\":[{\"id\":\"x\"}]}"));

    for (HttpResponse<String> response : responses) {
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(MiraklClient.json(response).get("status").intValue()).isEqualTo(404);
    }
    assertThat(simulator.journal())
        .extracting(RecordedExchange::operation)
        .containsSubsequence("ST01", "ST11", "ST23", "ST24");
    assertThat(simulator.order(orderId).state()).isEqualTo("SHIPPING");
  }

  @Test
  void callCountTracesShipmentOperationsToTheirOrders() {
    String orderId = Fixtures.shipping(simulator, client);
    String id = createOne(orderId, line(orderId + "-1", 1), false);
    client.put("/api/shipments/ship", "{\"shipments\":[{\"id\":\"" + id + "\"}]}");

    assertThat(simulator.callCount("ST01", orderId)).isEqualTo(1);
    assertThat(simulator.callCount("ST24", orderId)).isEqualTo(1);
  }
}
