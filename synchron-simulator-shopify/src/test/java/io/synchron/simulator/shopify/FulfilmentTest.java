package io.synchron.simulator.shopify;

import static org.assertj.core.api.Assertions.assertThat;

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

class FulfilmentTest {

  private static final String UPDATE_TRACKING =
      """
      mutation UpdateTracking($fulfillmentId: ID!, $tracking: FulfillmentTrackingInput!) {
        fulfillmentTrackingInfoUpdate(fulfillmentId: $fulfillmentId, trackingInfoInput: $tracking,
                                      notifyCustomer: false) {
          fulfillment { id trackingInfo(first: 10) { company number url } }
          userErrors { field message }
        }
      }
      """;

  private static final String ADD_EVENT =
      """
      mutation AddFulfillmentEvent($event: FulfillmentEventInput!) {
        fulfillmentEventCreate(fulfillmentEvent: $event) {
          fulfillmentEvent { id status happenedAt }
          userErrors { field message }
        }
      }
      """;

  private static final String FULFILLMENT =
      """
      query FulfillmentDetails($id: ID!) {
        fulfillment(id: $id) {
          id name status displayStatus createdAt updatedAt inTransitAt deliveredAt
          trackingInfo(first: 10) { company number url }
          fulfillmentLineItems(first: 10) { nodes { id quantity lineItem { id sku } } }
          events(first: 10) { nodes { status happenedAt } }
        }
      }
      """;

  private static final String CANCEL_FULFILLMENT =
      """
      mutation CancelFulfillment($id: ID!) {
        fulfillmentCancel(id: $id) {
          fulfillment { id status displayStatus }
          userErrors { field message }
        }
      }
      """;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
  private ShopifySimulator simulator;
  private AdminClient client;
  private String mugId;
  private String teeId;

  @BeforeEach
  void start() {
    simulator = ShopifySimulator.start(ShopifySimulator.Options.defaults().withClock(clock));
    client = new AdminClient(simulator);
    mugId = simulator.addProduct("MUG", "Blue mug", new BigDecimal("19.99"), 50);
    teeId = simulator.addProduct("TEE", "T-shirt", new BigDecimal("15.00"), 50);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void aNewOrderHasOneOpenFulfillmentOrderAtTheShopLocationWithEveryLine() {
    JsonNode order = state(create("M-1", mugId, teeId));

    assertThat(order.path("displayFulfillmentStatus").asString()).isEqualTo("UNFULFILLED");
    JsonNode fulfillmentOrders = order.path("fulfillmentOrders").path("nodes");
    assertThat(fulfillmentOrders).hasSize(1);
    JsonNode fulfillmentOrder = fulfillmentOrders.path(0);
    assertThat(fulfillmentOrder.path("status").asString()).isEqualTo("OPEN");
    assertThat(fulfillmentOrder.path("assignedLocation").path("location").path("id").asString())
        .startsWith("gid://shopify/Location/");
    JsonNode lines = fulfillmentOrder.path("lineItems").path("nodes");
    assertThat(lines).hasSize(2);
    assertThat(lines.path(0).path("lineItem").path("sku").asString()).isEqualTo("MUG");
    assertThat(lines.path(0).path("totalQuantity").asInt()).isEqualTo(2);
    assertThat(lines.path(0).path("remainingQuantity").asInt()).isEqualTo(2);
    assertThat(order.path("fulfillments")).isEmpty();
  }

  @Test
  void fulfillingAWholeFulfillmentOrderClosesItAndFulfilsTheOrder() {
    String orderId = create("M-1", mugId, teeId);
    String fulfillmentOrderId = fulfillmentOrder(orderId).path("id").asString();

    JsonNode payload =
        fulfillmentCreate(
            Fixtures.wholeFulfillmentOrder(
                fulfillmentOrderId,
                Map.of(
                    "company",
                    "Colissimo",
                    "number",
                    "6A12345678901",
                    "url",
                    "https://track.example/6A12345678901")));

    assertThat(payload.path("userErrors")).isEmpty();
    JsonNode fulfillment = payload.path("fulfillment");
    assertThat(fulfillment.path("status").asString()).isEqualTo("SUCCESS");
    assertThat(fulfillment.path("name").asString()).isEqualTo("#1001.1");
    assertThat(fulfillment.path("trackingInfo").path(0).path("number").asString())
        .isEqualTo("6A12345678901");
    assertThat(fulfillment.path("trackingInfo").path(0).path("url").asString())
        .isEqualTo("https://track.example/6A12345678901");
    assertThat(fulfillment.path("fulfillmentLineItems").path("nodes")).hasSize(2);
    JsonNode order = state(orderId);
    assertThat(order.path("displayFulfillmentStatus").asString()).isEqualTo("FULFILLED");
    assertThat(order.path("fulfillmentOrders").path("nodes").path(0).path("status").asString())
        .isEqualTo("CLOSED");
  }

  @Test
  void fulfillingSomeLinesLeavesTheRestToFulfilAndTheOrderPartiallyFulfilled() {
    String orderId = create("M-1", mugId, teeId);
    JsonNode fulfillmentOrder = fulfillmentOrder(orderId);
    JsonNode mugLine = fulfillmentOrder.path("lineItems").path("nodes").path(0);

    JsonNode payload =
        fulfillmentCreate(
            Fixtures.someOf(
                fulfillmentOrder.path("id").asString(), mugLine.path("id").asString(), 1));

    assertThat(payload.path("userErrors")).isEmpty();
    JsonNode shipped =
        payload.path("fulfillment").path("fulfillmentLineItems").path("nodes").path(0);
    assertThat(shipped.path("quantity").asInt()).isEqualTo(1);
    assertThat(shipped.path("lineItem").path("sku").asString()).isEqualTo("MUG");
    JsonNode order = state(orderId);
    assertThat(order.path("displayFulfillmentStatus").asString()).isEqualTo("PARTIALLY_FULFILLED");
    JsonNode after = order.path("fulfillmentOrders").path("nodes").path(0);
    assertThat(after.path("status").asString()).isEqualTo("IN_PROGRESS");
    assertThat(after.path("lineItems").path("nodes").path(0).path("remainingQuantity").asInt())
        .isEqualTo(1);
    assertThat(after.path("lineItems").path("nodes").path(1).path("remainingQuantity").asInt())
        .isEqualTo(2);
  }

  @Test
  void aQuantityAboveWhatRemainsIsAUserErrorAndFulfilsNothing() {
    String orderId = create("M-1", mugId);
    JsonNode fulfillmentOrder = fulfillmentOrder(orderId);
    String lineId = fulfillmentOrder.path("lineItems").path("nodes").path(0).path("id").asString();

    JsonNode payload =
        fulfillmentCreate(Fixtures.someOf(fulfillmentOrder.path("id").asString(), lineId, 3));

    assertThat(payload.path("fulfillment").isNull()).isTrue();
    assertThat(payload.path("userErrors").path(0).path("message").asString())
        .isEqualTo("Invalid fulfillment order line item quantity requested.");
    assertThat(payload.path("userErrors").path(0).path("field").toString())
        .contains("fulfillmentOrderLineItems", "quantity");
    assertThat(state(orderId).path("fulfillments")).isEmpty();
  }

  @Test
  void anUnknownFulfillmentOrderIsAUserError() {
    JsonNode payload =
        fulfillmentCreate(
            Fixtures.wholeFulfillmentOrder("gid://shopify/FulfillmentOrder/424242", null));

    assertThat(payload.path("userErrors").path(0).path("message").asString())
        .isEqualTo("Fulfillment order does not exist.");
  }

  @Test
  void aClosedFulfillmentOrderCannotBeFulfilledAgain() {
    String orderId = create("M-1", mugId);
    String fulfillmentOrderId = fulfillmentOrder(orderId).path("id").asString();
    fulfillmentCreate(Fixtures.wholeFulfillmentOrder(fulfillmentOrderId, null));

    JsonNode payload = fulfillmentCreate(Fixtures.wholeFulfillmentOrder(fulfillmentOrderId, null));

    assertThat(payload.path("userErrors").path(0).path("message").asString())
        .contains("has an unfulfillable status= closed");
  }

  @Test
  void aTrackingUrlWithoutANumberIsAUserError() {
    String orderId = create("M-1", mugId);
    String fulfillmentOrderId = fulfillmentOrder(orderId).path("id").asString();

    JsonNode payload =
        fulfillmentCreate(
            Fixtures.wholeFulfillmentOrder(
                fulfillmentOrderId, Map.of("company", "UPS", "url", "https://ups.example/1")));

    assertThat(payload.path("userErrors").path(0).path("field").toString())
        .isEqualTo("[\"fulfillment\",\"trackingInfo\",\"number\"]");
    assertThat(state(orderId).path("fulfillments")).isEmpty();
  }

  @Test
  void bothUrlAndUrlsIsAUserError() {
    String orderId = create("M-1", mugId);
    String fulfillmentOrderId = fulfillmentOrder(orderId).path("id").asString();

    JsonNode payload =
        fulfillmentCreate(
            Fixtures.wholeFulfillmentOrder(
                fulfillmentOrderId,
                Map.of(
                    "numbers",
                    List.of("1Z1"),
                    "url",
                    "https://ups.example/1",
                    "urls",
                    List.of("https://ups.example/1"))));

    assertThat(payload.path("userErrors").toString()).contains("urls");
    assertThat(payload.path("fulfillment").isNull()).isTrue();
  }

  @Test
  void aKnownCarrierNamedExactlyGetsItsTrackingUrlBuilt() {
    String first = create("M-1", mugId);
    String second = create("M-2", mugId);

    JsonNode exact =
        fulfillmentCreate(
            Fixtures.wholeFulfillmentOrder(
                fulfillmentOrder(first).path("id").asString(),
                Map.of("company", "Colissimo", "number", "6A1")));
    JsonNode lowerCase =
        fulfillmentCreate(
            Fixtures.wholeFulfillmentOrder(
                fulfillmentOrder(second).path("id").asString(),
                Map.of("company", "colissimo", "number", "6A2")));

    assertThat(exact.path("fulfillment").path("trackingInfo").path(0).path("url").asString())
        .isEqualTo("https://www.laposte.fr/outils/suivre-vos-envois?code=6A1");
    assertThat(lowerCase.path("fulfillment").path("trackingInfo").path(0).path("url").isNull())
        .isTrue();
  }

  @Test
  void severalTrackingNumbersGiveOneTrackingInfoEach() {
    String orderId = create("M-1", mugId);

    JsonNode payload =
        fulfillmentCreate(
            Fixtures.wholeFulfillmentOrder(
                fulfillmentOrder(orderId).path("id").asString(),
                Map.of(
                    "company",
                    "DPD",
                    "numbers",
                    List.of("P1", "P2"),
                    "urls",
                    List.of("https://dpd.example/P1", "https://dpd.example/P2"))));

    JsonNode tracking = payload.path("fulfillment").path("trackingInfo");
    assertThat(tracking).hasSize(2);
    assertThat(tracking.path(1).path("company").asString()).isEqualTo("DPD");
    assertThat(tracking.path(1).path("number").asString()).isEqualTo("P2");
    assertThat(tracking.path(1).path("url").asString()).isEqualTo("https://dpd.example/P2");
  }

  @Test
  void theFulfillmentQueryAnswersWithTheSameFieldsAsTheOrder() {
    String orderId = create("M-1", mugId);
    String fulfillmentId = fulfilWhole(orderId, Map.of("company", "UPS", "number", "1Z9"));

    JsonNode fulfillment =
        client.post(FULFILLMENT, Map.of("id", fulfillmentId)).data().path("fulfillment");

    assertThat(fulfillment.path("id").asString()).isEqualTo(fulfillmentId);
    assertThat(fulfillment.path("displayStatus").asString()).isEqualTo("FULFILLED");
    assertThat(fulfillment.path("createdAt").asString()).isEqualTo("2026-11-26T09:00:00Z");
    assertThat(fulfillment.path("trackingInfo").path(0).path("company").asString())
        .isEqualTo("UPS");
    assertThat(
            fulfillment.path("fulfillmentLineItems").path("nodes").path(0).path("quantity").asInt())
        .isEqualTo(2);
    assertThat(state(orderId).path("fulfillments").path(0).path("id").asString())
        .isEqualTo(fulfillmentId);
  }

  @Test
  void trackingInfoUpdateReplacesTheTrackingAndBumpsTheOrder() {
    String orderId = create("M-1", mugId);
    String fulfillmentId = fulfilWhole(orderId, Map.of("company", "UPS", "number", "1Z1"));
    clock.advance(Duration.ofMinutes(5));

    JsonNode payload =
        client
            .post(
                UPDATE_TRACKING,
                Map.of(
                    "fulfillmentId",
                    fulfillmentId,
                    "tracking",
                    Map.of("company", "FedEx", "number", "7777", "url", "https://fx.example/7777")))
            .data()
            .path("fulfillmentTrackingInfoUpdate");

    assertThat(payload.path("userErrors")).isEmpty();
    JsonNode tracking = payload.path("fulfillment").path("trackingInfo");
    assertThat(tracking).hasSize(1);
    assertThat(tracking.path(0).path("company").asString()).isEqualTo("FedEx");
    assertThat(tracking.path(0).path("number").asString()).isEqualTo("7777");
    assertThat(state(orderId).path("updatedAt").asString()).isEqualTo("2026-11-26T09:05:00Z");
  }

  @Test
  void trackingInfoUpdateOfAnUnknownFulfillmentIsAUserError() {
    JsonNode payload =
        client
            .post(
                UPDATE_TRACKING,
                Map.of(
                    "fulfillmentId",
                    "gid://shopify/Fulfillment/99",
                    "tracking",
                    Map.of("number", "1")))
            .data()
            .path("fulfillmentTrackingInfoUpdate");

    assertThat(payload.path("userErrors").path(0).path("field").path(0).asString())
        .isEqualTo("fulfillmentId");
    assertThat(payload.path("fulfillment").isNull()).isTrue();
  }

  @Test
  void inTransitThenDeliveredEventsSetTheDisplayStatusAndTheirTimes() {
    String orderId = create("M-1", mugId);
    String fulfillmentId = fulfilWhole(orderId, Map.of("company", "UPS", "number", "1Z1"));
    clock.advance(Duration.ofHours(1));
    JsonNode inTransit = event(fulfillmentId, "IN_TRANSIT");
    clock.advance(Duration.ofHours(20));
    event(fulfillmentId, "DELIVERED");

    JsonNode fulfillment =
        client.post(FULFILLMENT, Map.of("id", fulfillmentId)).data().path("fulfillment");

    assertThat(inTransit.path("userErrors")).isEmpty();
    assertThat(inTransit.path("fulfillmentEvent").path("status").asString())
        .isEqualTo("IN_TRANSIT");
    assertThat(fulfillment.path("displayStatus").asString()).isEqualTo("DELIVERED");
    assertThat(fulfillment.path("inTransitAt").asString()).isEqualTo("2026-11-26T10:00:00Z");
    assertThat(fulfillment.path("deliveredAt").asString()).isEqualTo("2026-11-27T06:00:00Z");
    assertThat(fulfillment.path("events").path("nodes")).hasSize(2);
  }

  @Test
  void anEventOnAnUnknownFulfillmentIsAUserError() {
    JsonNode payload = event("gid://shopify/Fulfillment/99", "DELIVERED");

    assertThat(payload.path("userErrors").path(0).path("message").asString())
        .isEqualTo("Fulfillment does not exist.");
  }

  @Test
  void cancellingAFulfillmentOfAWholeFulfillmentOrderOpensANewOneForItsItems() {
    String orderId = create("M-1", mugId);
    String fulfillmentId = fulfilWhole(orderId, null);

    JsonNode payload =
        client
            .post(CANCEL_FULFILLMENT, Map.of("id", fulfillmentId))
            .data()
            .path("fulfillmentCancel");

    assertThat(payload.path("fulfillment").path("status").asString()).isEqualTo("CANCELLED");
    assertThat(payload.path("fulfillment").path("displayStatus").asString()).isEqualTo("CANCELED");
    JsonNode order = state(orderId);
    assertThat(order.path("displayFulfillmentStatus").asString()).isEqualTo("UNFULFILLED");
    JsonNode fulfillmentOrders = order.path("fulfillmentOrders").path("nodes");
    assertThat(fulfillmentOrders).hasSize(2);
    assertThat(fulfillmentOrders.path(0).path("status").asString()).isEqualTo("CLOSED");
    assertThat(fulfillmentOrders.path(1).path("status").asString()).isEqualTo("OPEN");
    assertThat(
            fulfillmentOrders
                .path(1)
                .path("lineItems")
                .path("nodes")
                .path(0)
                .path("remainingQuantity")
                .asInt())
        .isEqualTo(2);
  }

  @Test
  void cancellingAPartialFulfillmentGivesItsQuantityBackToItsFulfillmentOrder() {
    String orderId = create("M-1", mugId, teeId);
    JsonNode fulfillmentOrder = fulfillmentOrder(orderId);
    String mugLine = fulfillmentOrder.path("lineItems").path("nodes").path(0).path("id").asString();
    String fulfillmentId =
        fulfillmentCreate(Fixtures.someOf(fulfillmentOrder.path("id").asString(), mugLine, 2))
            .path("fulfillment")
            .path("id")
            .asString();

    client.post(CANCEL_FULFILLMENT, Map.of("id", fulfillmentId));

    JsonNode fulfillmentOrders = state(orderId).path("fulfillmentOrders").path("nodes");
    assertThat(fulfillmentOrders).hasSize(1);
    assertThat(fulfillmentOrders.path(0).path("status").asString()).isEqualTo("OPEN");
    assertThat(
            fulfillmentOrders
                .path(0)
                .path("lineItems")
                .path("nodes")
                .path(0)
                .path("remainingQuantity")
                .asInt())
        .isEqualTo(2);
  }

  @Test
  void cancellingAFulfillmentTwiceIsAUserError() {
    String fulfillmentId = fulfilWhole(create("M-1", mugId), null);
    client.post(CANCEL_FULFILLMENT, Map.of("id", fulfillmentId));

    JsonNode payload =
        client
            .post(CANCEL_FULFILLMENT, Map.of("id", fulfillmentId))
            .data()
            .path("fulfillmentCancel");

    assertThat(payload.path("userErrors").path(0).path("message").asString())
        .isEqualTo("Fulfillment has already been cancelled.");
  }

  @Test
  void ordersUpdatedAfterAMomentAreFoundSortedByUpdate() {
    String first = create("M-1", mugId);
    clock.advance(Duration.ofMinutes(1));
    String second = create("M-2", mugId);
    create("M-3", mugId);
    clock.advance(Duration.ofHours(1));
    fulfilWhole(first, null);
    clock.advance(Duration.ofMinutes(1));
    fulfilWhole(second, null);

    JsonNode after = orders("updated_at:>'2026-11-26T10:00:00Z'", "UPDATED_AT");
    JsonNode atOrAfter = orders("updated_at:>='2026-11-26T09:01:00Z'", "UPDATED_AT");
    JsonNode before = orders("updated_at:<'2026-11-26T10:00:00Z'", "UPDATED_AT");

    assertThat(ids(after)).containsExactly(first, second);
    assertThat(ids(atOrAfter)).hasSize(3).endsWith(first, second);
    assertThat(ids(before)).hasSize(1);
  }

  @Test
  void statusOpenLeavesOutCancelledAndClosedOrders() {
    String open = create("M-1", mugId);
    String cancelled = create("M-2", mugId);
    String fulfilled = create("M-3", mugId);
    simulator.cancelOrder(cancelled, "CUSTOMER", false);
    fulfilWhole(fulfilled, null);

    assertThat(ids(orders("status:open", null))).containsExactly(open);
    assertThat(ids(orders("status:cancelled", null))).containsExactly(cancelled);
  }

  @Test
  void lineItemsCurrentQuantityDropsWhenTheLineIsRemoved() {
    String orderId = create("M-1", mugId, teeId);

    simulator.removeLine(orderId, "TEE");

    JsonNode lines = state(orderId).path("lineItems").path("nodes");
    assertThat(lines.path(0).path("currentQuantity").asInt()).isEqualTo(2);
    assertThat(lines.path(1).path("quantity").asInt()).isEqualTo(2);
    assertThat(lines.path(1).path("currentQuantity").asInt()).isZero();
  }

  @Test
  void fulfillmentOrdersOfTwoOrdersCannotShareAFulfillment() {
    String first = fulfillmentOrder(create("M-1", mugId)).path("id").asString();
    String second = fulfillmentOrder(create("M-2", mugId)).path("id").asString();

    JsonNode payload =
        fulfillmentCreate(
            Map.of(
                "fulfillment",
                Map.of(
                    "lineItemsByFulfillmentOrder",
                    List.of(
                        Map.of("fulfillmentOrderId", first),
                        Map.of("fulfillmentOrderId", second)))));

    assertThat(payload.path("userErrors").path(0).path("message").asString())
        .isEqualTo("All fulfillment orders must belong to the same order.");
    assertThat(payload.path("fulfillment").isNull()).isTrue();
  }

  @Test
  void anOrderCreatedAsFulfilledComesWithItsFulfillment() {
    Map<String, Object> input = new LinkedHashMap<>(Fixtures.order("M-1", mugId));
    input.put("fulfillmentStatus", "FULFILLED");
    input.put(
        "fulfillment",
        Map.of(
            "locationId",
            "gid://shopify/Location/1",
            "trackingCompany",
            "UPS",
            "trackingNumber",
            "1Z5"));
    String orderId =
        client
            .post(Fixtures.ORDER_CREATE, Fixtures.variables(input, null))
            .data()
            .path("orderCreate")
            .path("order")
            .path("id")
            .asString();

    JsonNode order = state(orderId);

    assertThat(order.path("displayFulfillmentStatus").asString()).isEqualTo("FULFILLED");
    assertThat(
            order
                .path("fulfillments")
                .path(0)
                .path("trackingInfo")
                .path(0)
                .path("number")
                .asString())
        .isEqualTo("1Z5");
    assertThat(order.path("fulfillmentOrders").path("nodes").path(0).path("status").asString())
        .isEqualTo("CLOSED");
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private String create(String sourceIdentifier, String... variantIds) {
    AdminClient.Reply reply =
        client.post(
            Fixtures.ORDER_CREATE,
            Fixtures.variables(Fixtures.order(sourceIdentifier, variantIds), null));
    return reply.data().path("orderCreate").path("order").path("id").asString();
  }

  private JsonNode state(String orderId) {
    AdminClient.Reply reply = client.post(Fixtures.ORDER_STATE, Map.of("id", orderId));
    assertThat(reply.json().has("errors")).as(reply.raw().body()).isFalse();
    return reply.data().path("order");
  }

  private JsonNode fulfillmentOrder(String orderId) {
    return state(orderId).path("fulfillmentOrders").path("nodes").path(0);
  }

  private JsonNode fulfillmentCreate(Map<String, Object> variables) {
    AdminClient.Reply reply = client.post(Fixtures.FULFILLMENT_CREATE, variables);
    assertThat(reply.json().has("errors")).as(reply.raw().body()).isFalse();
    return reply.data().path("fulfillmentCreate");
  }

  private String fulfilWhole(String orderId, Map<String, Object> tracking) {
    return fulfillmentCreate(
            Fixtures.wholeFulfillmentOrder(
                fulfillmentOrder(orderId).path("id").asString(), tracking))
        .path("fulfillment")
        .path("id")
        .asString();
  }

  private JsonNode event(String fulfillmentId, String status) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("fulfillmentId", fulfillmentId);
    event.put("status", status);
    AdminClient.Reply reply = client.post(ADD_EVENT, Map.of("event", event));
    assertThat(reply.json().has("errors")).as(reply.raw().body()).isFalse();
    return reply.data().path("fulfillmentEventCreate");
  }

  private JsonNode orders(String query, String sortKey) {
    String document =
        """
        query Changed($q: String, $sortKey: OrderSortKeys) {
          orders(first: 50, query: $q, sortKey: $sortKey) { nodes { id updatedAt } }
        }
        """;
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("q", query);
    variables.put("sortKey", sortKey);
    AdminClient.Reply reply = client.post(document, variables);
    assertThat(reply.json().has("errors")).as(reply.raw().body()).isFalse();
    return reply.data().path("orders").path("nodes");
  }

  private static List<String> ids(JsonNode nodes) {
    List<String> ids = new ArrayList<>();
    nodes.forEach(n -> ids.add(n.path("id").asString()));
    return ids;
  }
}
