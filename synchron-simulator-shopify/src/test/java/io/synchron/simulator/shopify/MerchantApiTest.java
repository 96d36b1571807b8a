package io.synchron.simulator.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synchron.simulator.shopify.OrderView.FulfillmentView;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a merchant or a 3PL does in the Shopify admin, through the simulator's Java API. */
class MerchantApiTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
  private ShopifySimulator simulator;
  private AdminClient client;
  private String orderId;

  @BeforeEach
  void start() {
    simulator = ShopifySimulator.start(ShopifySimulator.Options.defaults().withClock(clock));
    client = new AdminClient(simulator);
    String mugId = simulator.addProduct("MUG", "Blue mug", new BigDecimal("19.99"), 10);
    String teeId = simulator.addProduct("TEE", "T-shirt", new BigDecimal("15.00"), 10);
    orderId =
        client
            .post(
                Fixtures.ORDER_CREATE,
                Fixtures.variables(Fixtures.order("M-1", mugId, teeId), "DECREMENT_OBEYING_POLICY"))
            .data()
            .path("orderCreate")
            .path("order")
            .path("id")
            .asString();
    clock.advance(Duration.ofMinutes(30));
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void aNewOrderViewIsUnfulfilledWithOneOpenFulfillmentOrder() {
    OrderView order = simulator.order(orderId).orElseThrow();

    assertThat(order.displayFulfillmentStatus()).isEqualTo("UNFULFILLED");
    assertThat(order.cancelledAt()).isNull();
    assertThat(order.cancellation()).isNull();
    assertThat(order.updatedAt()).isEqualTo(order.createdAt());
    assertThat(order.fulfillments()).isEmpty();
    assertThat(order.fulfillmentOrders()).hasSize(1);
    assertThat(order.fulfillmentOrders().get(0).status()).isEqualTo("OPEN");
    assertThat(order.fulfillmentOrders().get(0).lines())
        .extracting(OrderView.FulfillmentOrderLineView::remainingQuantity)
        .containsExactly(2, 2);
  }

  @Test
  void fulfillingSomeUnitsOfASkuShipsThemAndBumpsUpdatedAt() {
    String fulfillmentId = simulator.fulfill(orderId, Map.of("MUG", 1), "UPS", "1Z1", null);

    OrderView order = simulator.order(orderId).orElseThrow();
    FulfillmentView fulfillment = order.fulfillments().get(0);
    assertThat(fulfillment.id()).isEqualTo(fulfillmentId);
    assertThat(fulfillment.status()).isEqualTo("SUCCESS");
    assertThat(fulfillment.lines()).hasSize(1);
    assertThat(fulfillment.lines().get(0).sku()).isEqualTo("MUG");
    assertThat(fulfillment.lines().get(0).quantity()).isEqualTo(1);
    assertThat(fulfillment.tracking().get(0).number()).isEqualTo("1Z1");
    assertThat(order.displayFulfillmentStatus()).isEqualTo("PARTIALLY_FULFILLED");
    assertThat(order.fulfillmentOrders().get(0).status()).isEqualTo("IN_PROGRESS");
    assertThat(order.updatedAt()).isEqualTo(Instant.parse("2026-11-26T09:30:00Z"));
  }

  @Test
  void fulfillingWithAnEmptyMapShipsEverythingLeft() {
    simulator.fulfill(orderId, Map.of("MUG", 1), null, null, null);

    simulator.fulfill(orderId, Map.of(), null, null, null);

    OrderView order = simulator.order(orderId).orElseThrow();
    assertThat(order.fulfillments()).hasSize(2);
    assertThat(order.fulfillments().get(1).lines())
        .extracting(OrderView.FulfilledLineView::quantity)
        .containsExactly(1, 2);
    assertThat(order.displayFulfillmentStatus()).isEqualTo("FULFILLED");
  }

  @Test
  void fulfillingMoreThanIsLeftIsRefused() {
    assertThatThrownBy(() -> simulator.fulfill(orderId, Map.of("MUG", 3), null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only 2 of SKU MUG");
    assertThat(simulator.order(orderId).orElseThrow().fulfillments()).isEmpty();
  }

  @Test
  void fulfillingAnUnknownSkuIsRefused() {
    assertThatThrownBy(() -> simulator.fulfill(orderId, Map.of("CAP", 1), null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CAP");
  }

  @Test
  void aFulfilledOrderHasNothingLeftToFulfil() {
    simulator.fulfill(orderId, Map.of(), null, null, null);

    assertThatThrownBy(() -> simulator.fulfill(orderId, Map.of(), null, null, null))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shipmentEventsMoveTheDisplayStatusAndTimes() {
    String fulfillmentId = simulator.fulfill(orderId, Map.of(), "UPS", "1Z1", null);
    clock.advance(Duration.ofHours(2));
    simulator.addFulfillmentEvent(fulfillmentId, "IN_TRANSIT");
    clock.advance(Duration.ofDays(1));

    simulator.addFulfillmentEvent(fulfillmentId, "DELIVERED");

    FulfillmentView fulfillment = simulator.order(orderId).orElseThrow().fulfillments().get(0);
    assertThat(fulfillment.displayStatus()).isEqualTo("DELIVERED");
    assertThat(fulfillment.inTransitAt()).isEqualTo(Instant.parse("2026-11-26T11:30:00Z"));
    assertThat(fulfillment.deliveredAt()).isEqualTo(Instant.parse("2026-11-27T11:30:00Z"));
    assertThat(simulator.order(orderId).orElseThrow().updatedAt())
        .isEqualTo(Instant.parse("2026-11-27T11:30:00Z"));
  }

  @Test
  void anUnknownEventStatusIsRefused() {
    String fulfillmentId = simulator.fulfill(orderId, Map.of(), null, null, null);

    assertThatThrownBy(() -> simulator.addFulfillmentEvent(fulfillmentId, "LOST_AT_SEA"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void updatingTrackingReplacesIt() {
    String fulfillmentId = simulator.fulfill(orderId, Map.of(), "UPS", "1Z1", null);

    simulator.updateTracking(fulfillmentId, "Colissimo", "6A9", null);

    FulfillmentView fulfillment = simulator.order(orderId).orElseThrow().fulfillments().get(0);
    assertThat(fulfillment.tracking()).hasSize(1);
    assertThat(fulfillment.tracking().get(0).company()).isEqualTo("Colissimo");
    assertThat(fulfillment.tracking().get(0).url())
        .isEqualTo("https://www.laposte.fr/outils/suivre-vos-envois?code=6A9");
  }

  @Test
  void cancellingAnOrderWithRestockPutsTheUnitsBack() {
    simulator.cancelOrder(orderId, "CUSTOMER", true);

    OrderView order = simulator.order(orderId).orElseThrow();
    assertThat(order.cancelledAt()).isEqualTo(Instant.parse("2026-11-26T09:30:00Z"));
    assertThat(order.cancellation().reason()).isEqualTo("CUSTOMER");
    assertThat(order.cancellation().restock()).isTrue();
    assertThat(order.lineItems()).extracting(OrderView.LineView::currentQuantity).containsOnly(0);
    assertThat(simulator.available("MUG")).isEqualTo(10);
    assertThat(simulator.available("TEE")).isEqualTo(10);
  }

  @Test
  void cancellingAnOrderTwiceIsRefused() {
    simulator.cancelOrder(orderId, "CUSTOMER", false);

    assertThatThrownBy(() -> simulator.cancelOrder(orderId, "CUSTOMER", false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already been cancelled");
  }

  @Test
  void cancellingWithAnUnknownReasonIsRefused() {
    assertThatThrownBy(() -> simulator.cancelOrder(orderId, "BORED", false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void removingALineZeroesItsCurrentQuantityAndRestocksIt() {
    simulator.removeLine(orderId, "TEE");

    OrderView order = simulator.order(orderId).orElseThrow();
    assertThat(order.lineItems().get(1).quantity()).isEqualTo(2);
    assertThat(order.lineItems().get(1).currentQuantity()).isZero();
    assertThat(order.lineItems().get(0).currentQuantity()).isEqualTo(2);
    assertThat(order.fulfillmentOrders().get(0).lines().get(1).totalQuantity()).isZero();
    assertThat(simulator.available("TEE")).isEqualTo(10);
    assertThat(order.updatedAt()).isEqualTo(Instant.parse("2026-11-26T09:30:00Z"));
  }

  @Test
  void removingTheOnlyUnfulfilledLineLetsTheOrderBecomeFulfilled() {
    simulator.fulfill(orderId, Map.of("MUG", 2), null, null, null);

    simulator.removeLine(orderId, "TEE");

    OrderView order = simulator.order(orderId).orElseThrow();
    assertThat(order.displayFulfillmentStatus()).isEqualTo("FULFILLED");
    assertThat(order.fulfillmentOrders().get(0).status()).isEqualTo("CLOSED");
  }

  @Test
  void aFulfilledLineCannotBeRemoved() {
    simulator.fulfill(orderId, Map.of("TEE", 2), null, null, null);

    assertThatThrownBy(() -> simulator.removeLine(orderId, "TEE"))
        .isInstanceOf(IllegalStateException.class);
  }
}
