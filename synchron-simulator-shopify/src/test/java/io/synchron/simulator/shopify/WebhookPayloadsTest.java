package io.synchron.simulator.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The REST-shaped bodies of each topic, fired by mutations and by the merchant-side Java API. */
class WebhookPayloadsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
  private final WebhookReceiver receiver = new WebhookReceiver();
  private ShopifySimulator simulator;
  private AdminClient client;
  private String orderId;

  @BeforeEach
  void start() {
    simulator = ShopifySimulator.start(ShopifySimulator.Options.defaults().withClock(clock));
    client = new AdminClient(simulator);
    String mugId = simulator.addProduct("MUG", "Blue mug", new BigDecimal("19.99"), 50);
    String teeId = simulator.addProduct("TEE", "T-shirt", new BigDecimal("15.00"), 50);
    for (String topic :
        new String[] {
          "ORDERS_CREATE",
          "ORDERS_UPDATED",
          "ORDERS_CANCELLED",
          "ORDERS_EDITED",
          "ORDERS_FULFILLED",
          "ORDERS_PARTIALLY_FULFILLED",
          "FULFILLMENTS_CREATE",
          "FULFILLMENTS_UPDATE"
        }) {
      client.post(Fixtures.SUBSCRIBE, Map.of("topic", topic, "uri", receiver.uri("/shopify")));
    }
    orderId =
        client
            .post(
                Fixtures.ORDER_CREATE,
                Fixtures.variables(Fixtures.order("M-1", mugId, teeId), null))
            .data()
            .path("orderCreate")
            .path("order")
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
  void ordersCreateCarriesTheOrderInRestShape() {
    JsonNode order = receiver.awaitTopic("orders/create").json();

    assertThat(order.path("id").isNumber()).isTrue();
    assertThat(order.path("id").asLong()).isEqualTo(WebhookPayloads.legacyId(orderId));
    assertThat(order.path("admin_graphql_api_id").asString()).isEqualTo(orderId);
    assertThat(order.path("name").asString()).isEqualTo("#1001");
    assertThat(order.path("created_at").asString()).isEqualTo("2026-11-26T09:00:00+00:00");
    assertThat(order.path("updated_at").asString()).isEqualTo("2026-11-26T09:00:00+00:00");
    assertThat(order.path("cancelled_at").isNull()).isTrue();
    assertThat(order.path("fulfillment_status").isNull()).isTrue();
    assertThat(order.path("financial_status").asString()).isEqualTo("paid");
    assertThat(order.path("source_identifier").asString()).isEqualTo("M-1");
    assertThat(order.path("tags").asString()).isEqualTo("marketplace:mirakl, mkp-order:M-1");
    JsonNode line = order.path("line_items").path(0);
    assertThat(line.path("id").isNumber()).isTrue();
    assertThat(line.path("admin_graphql_api_id").asString()).startsWith("gid://shopify/LineItem/");
    assertThat(line.path("sku").asString()).isEqualTo("MUG");
    assertThat(line.path("quantity").asInt()).isEqualTo(2);
    assertThat(line.path("current_quantity").asInt()).isEqualTo(2);
    assertThat(line.path("price").asString()).isEqualTo("19.99");
  }

  @Test
  void fulfillingPartOfAnOrderFiresFulfillmentsCreateWithTheShippedLines() {
    String fulfillmentId = simulator.fulfill(orderId, Map.of("MUG", 1), "UPS", "1Z999", null);

    JsonNode fulfillment = receiver.awaitTopic("fulfillments/create").json();

    assertThat(fulfillment.path("id").asLong()).isEqualTo(WebhookPayloads.legacyId(fulfillmentId));
    assertThat(fulfillment.path("admin_graphql_api_id").asString()).isEqualTo(fulfillmentId);
    assertThat(fulfillment.path("order_id").asLong()).isEqualTo(WebhookPayloads.legacyId(orderId));
    assertThat(fulfillment.path("status").asString()).isEqualTo("success");
    assertThat(fulfillment.path("shipment_status").isNull()).isTrue();
    assertThat(fulfillment.path("tracking_company").asString()).isEqualTo("UPS");
    assertThat(fulfillment.path("tracking_number").asString()).isEqualTo("1Z999");
    assertThat(fulfillment.path("tracking_numbers").path(0).asString()).isEqualTo("1Z999");
    assertThat(fulfillment.path("tracking_url").asString())
        .isEqualTo("https://www.ups.com/track?tracknum=1Z999");
    assertThat(fulfillment.path("tracking_urls")).hasSize(1);
    assertThat(fulfillment.path("created_at").asString()).isEqualTo("2026-11-26T09:10:00+00:00");
    JsonNode line = fulfillment.path("line_items").path(0);
    assertThat(fulfillment.path("line_items")).hasSize(1);
    assertThat(line.path("sku").asString()).isEqualTo("MUG");
    assertThat(line.path("quantity").asInt()).isEqualTo(1);
    assertThat(line.path("admin_graphql_api_id").asString()).startsWith("gid://shopify/LineItem/");
    assertThat(line.path("id").isNumber()).isTrue();
  }

  @Test
  void fulfillingPartOfAnOrderAlsoFiresOrdersUpdatedAndPartiallyFulfilled() {
    simulator.fulfill(orderId, Map.of("MUG", 1), null, null, null);

    JsonNode partial = receiver.awaitTopic("orders/partially_fulfilled").json();
    receiver.awaitTopic("orders/updated");

    assertThat(partial.path("fulfillment_status").asString()).isEqualTo("partial");
    assertThat(partial.path("updated_at").asString()).isEqualTo("2026-11-26T09:10:00+00:00");
    assertThat(partial.path("fulfillments").path(0).path("status").asString()).isEqualTo("success");
  }

  @Test
  void fulfillingEverythingFiresOrdersFulfilled() {
    simulator.fulfill(orderId, Map.of(), null, null, null);

    JsonNode order = receiver.awaitTopic("orders/fulfilled").json();

    assertThat(order.path("fulfillment_status").asString()).isEqualTo("fulfilled");
    assertThat(order.path("line_items").path(1).path("fulfillable_quantity").asInt()).isZero();
  }

  @Test
  void aShipmentEventFiresFulfillmentsUpdateWithTheShipmentStatus() {
    String fulfillmentId = simulator.fulfill(orderId, Map.of(), "UPS", "1Z1", null);

    simulator.addFulfillmentEvent(fulfillmentId, "IN_TRANSIT");

    JsonNode fulfillment = receiver.awaitTopic("fulfillments/update").json();
    assertThat(fulfillment.path("shipment_status").asString()).isEqualTo("in_transit");
  }

  @Test
  void aTrackingUpdateFiresFulfillmentsUpdateWithTheNewTracking() {
    String fulfillmentId = simulator.fulfill(orderId, Map.of(), "UPS", "1Z1", null);

    simulator.updateTracking(fulfillmentId, "DHL Express", "JD01", "https://dhl.example/JD01");

    JsonNode fulfillment = receiver.awaitTopic("fulfillments/update").json();
    assertThat(fulfillment.path("tracking_company").asString()).isEqualTo("DHL Express");
    assertThat(fulfillment.path("tracking_number").asString()).isEqualTo("JD01");
    assertThat(fulfillment.path("tracking_url").asString()).isEqualTo("https://dhl.example/JD01");
  }

  @Test
  void aCancelledFulfillmentIsReportedByFulfillmentsUpdate() {
    String fulfillmentId = simulator.fulfill(orderId, Map.of(), null, null, null);

    simulator.cancelFulfillment(fulfillmentId);

    JsonNode fulfillment = receiver.awaitTopic("fulfillments/update").json();
    assertThat(fulfillment.path("status").asString()).isEqualTo("cancelled");
  }

  @Test
  void cancellingAnOrderFiresOrdersCancelledAndOrdersUpdatedAsTwoEvents() {
    simulator.cancelOrder(orderId, "INVENTORY", true);

    WebhookReceiver.Received cancelled = receiver.awaitTopic("orders/cancelled");
    WebhookReceiver.Received updated = receiver.awaitTopic("orders/updated");

    assertThat(cancelled.json().path("cancelled_at").asString())
        .isEqualTo("2026-11-26T09:10:00+00:00");
    assertThat(cancelled.json().path("cancel_reason").asString()).isEqualTo("inventory");
    assertThat(cancelled.json().path("line_items").path(0).path("current_quantity").asInt())
        .isZero();
    assertThat(updated.json().path("updated_at").asString()).isEqualTo("2026-11-26T09:10:00+00:00");
    assertThat(cancelled.header("X-Shopify-Event-Id"))
        .isNotEqualTo(updated.header("X-Shopify-Event-Id"));
  }

  @Test
  void removingALineFiresOrdersEditedWithTheRemovalAndOrdersUpdated() {
    OrderView before = simulator.order(orderId).orElseThrow();
    String teeLine = before.lineItems().get(1).id();

    simulator.removeLine(orderId, "TEE");

    JsonNode edit = receiver.awaitTopic("orders/edited").json().path("order_edit");
    assertThat(edit.path("order_id").asLong()).isEqualTo(WebhookPayloads.legacyId(orderId));
    assertThat(edit.path("line_items").path("additions")).isEmpty();
    JsonNode removal = edit.path("line_items").path("removals").path(0);
    assertThat(removal.path("id").asLong()).isEqualTo(WebhookPayloads.legacyId(teeLine));
    assertThat(removal.path("delta").asInt()).isEqualTo(2);
    JsonNode updated = receiver.awaitTopic("orders/updated").json();
    assertThat(updated.path("line_items").path(1).path("current_quantity").asInt()).isZero();
    assertThat(updated.path("line_items").path(1).path("quantity").asInt()).isEqualTo(2);
  }
}
