package io.synchron.order;

import static io.synchron.order.SyncedOrderFixtures.T0;
import static io.synchron.order.SyncedOrderFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SyncedOrderTest {

  @Test
  void aNewOrderWaitingForAcceptanceStartsNewAndNotImported() {
    SyncedOrder order = SyncedOrder.discovered("mirakl-fr", snapshot("WAITING_ACCEPTANCE", T0));

    assertThat(order.marketplaceStatus()).isEqualTo(MarketplaceStatus.NEW);
    assertThat(order.shopifyStatus()).isEqualTo(ShopifyStatus.NOT_IMPORTED);
    assertThat(order.pendingEvents()).extracting(OrderEvent::type).containsExactly("ORDER_RECEIVED");
  }

  @Test
  void anOrderFirstSeenAlreadyPaidIsReadyToShipAndNeedsImport() {
    SyncedOrder order = SyncedOrder.discovered("mirakl-fr", snapshot("SHIPPING", T0));

    assertThat(order.marketplaceStatus()).isEqualTo(MarketplaceStatus.TO_SHIP);
    assertThat(order.needsImport()).isTrue();
  }

  @Test
  void acceptingMovesToAcceptingAndRecordsWhy() {
    SyncedOrder order = SyncedOrderFixtures.newOrder();

    order.decideToAccept();

    assertThat(order.marketplaceStatus()).isEqualTo(MarketplaceStatus.ACCEPTING);
    assertThat(order.pendingEvents()).extracting(OrderEvent::type).containsExactly("MARKETPLACE_ACCEPTING");
  }

  @Test
  void acceptingAnOrderThatIsAlreadyToShipIsRefusedNamingTheCurrentState() {
    SyncedOrder order = SyncedOrderFixtures.toShip();

    assertThatThrownBy(order::decideToAccept)
        .isInstanceOf(IllegalOrderTransitionException.class)
        .hasMessageContaining("current status: TO_SHIP");
  }

  @Test
  void aHeldOrderCanBeAcceptedByAPerson() {
    SyncedOrder order = SyncedOrderFixtures.newOrder();
    order.holdForReview("SKU X matches no Shopify variant");

    order.decideToAccept();

    assertThat(order.marketplaceStatus()).isEqualTo(MarketplaceStatus.ACCEPTING);
    assertThat(order.reviewReason()).isNull();
  }

  @Test
  void aPaidSnapshotMovesAnAcceptedOrderToShip() {
    SyncedOrder order = SyncedOrderFixtures.accepting();

    boolean taken = order.observe(snapshot("SHIPPING", T0.plusSeconds(10)));

    assertThat(taken).isTrue();
    assertThat(order.marketplaceStatus()).isEqualTo(MarketplaceStatus.TO_SHIP);
    assertThat(order.needsImport()).isTrue();
  }

  @Test
  void anOlderSnapshotIsIgnoredAndNeverMovesTheOrderBack() {
    SyncedOrder order = SyncedOrderFixtures.toShip();

    boolean taken = order.observe(snapshot("WAITING_DEBIT_PAYMENT", T0.plusSeconds(30)));

    assertThat(taken).isFalse();
    assertThat(order.marketplaceStatus()).isEqualTo(MarketplaceStatus.TO_SHIP);
    assertThat(order.snapshot().rawState()).isEqualTo("SHIPPING");
  }

  @Test
  void anUnknownMarketplaceStateIsRecordedWithoutAMove() {
    SyncedOrder order = SyncedOrderFixtures.accepting();

    order.observe(snapshot("WAITING_SOMETHING_NEW", T0.plusSeconds(10)));

    assertThat(order.marketplaceStatus()).isEqualTo(MarketplaceStatus.ACCEPTING);
    assertThat(order.pendingEvents())
        .anySatisfy(e -> assertThat(e.message()).contains("WAITING_SOMETHING_NEW").contains("no action"));
  }

  @Test
  void aCancellationBeforeImportMeansNoShopifyOrderIsRequired() {
    SyncedOrder order = SyncedOrderFixtures.accepting();

    order.observe(snapshot("CANCELED", T0.plusSeconds(10)));

    assertThat(order.marketplaceStatus()).isEqualTo(MarketplaceStatus.CANCELED);
    assertThat(order.shopifyStatus()).isEqualTo(ShopifyStatus.NOT_REQUIRED);
    assertThat(order.needsImport()).isFalse();
  }

  @Test
  void aStateThatCannotFollowTheCurrentOneIsNotedAsInconsistent() {
    SyncedOrder order = SyncedOrderFixtures.toShip();

    order.observe(snapshot("REFUSED", T0.plusSeconds(120)));

    assertThat(order.marketplaceStatus()).isEqualTo(MarketplaceStatus.TO_SHIP);
    assertThat(order.pendingEvents()).extracting(OrderEvent::type).contains("INCONSISTENT_STATE");
  }

  @Test
  void importingTwiceIsRefused() {
    SyncedOrder order = SyncedOrderFixtures.toShip();
    order.queueImport();
    order.imported(new ShopifyOrderRef("gid://shopify/Order/1", "#1001"), false);

    assertThatThrownBy(() -> order.imported(new ShopifyOrderRef("gid://shopify/Order/2", "#1002"), false))
        .isInstanceOf(IllegalOrderTransitionException.class)
        .hasMessageContaining("current status: IMPORTED");
  }

  @Test
  void refusalConfirmedEndsTheOrderWithoutShopify() {
    SyncedOrder order = SyncedOrderFixtures.newOrder();
    order.decideToRefuse("short stock");

    order.refusalConfirmed();

    assertThat(order.marketplaceStatus()).isEqualTo(MarketplaceStatus.REFUSED);
    assertThat(order.shopifyStatus()).isEqualTo(ShopifyStatus.NOT_REQUIRED);
  }

  @Test
  void aSecondChangeWithinTheSameSecondIsTakenWhenItIsFurtherAlong() {
    SyncedOrder order = SyncedOrderFixtures.accepting();
    order.observe(snapshot("WAITING_DEBIT_PAYMENT", T0.plusSeconds(5)));

    boolean taken = order.observe(snapshot("SHIPPING", T0.plusSeconds(5)));

    assertThat(taken).isTrue();
    assertThat(order.marketplaceStatus()).isEqualTo(MarketplaceStatus.TO_SHIP);
  }

  @Test
  void theSameVersionSeenTwiceIsIgnored() {
    SyncedOrder order = SyncedOrderFixtures.toShip();

    assertThat(order.observe(snapshot("SHIPPING", T0.plusSeconds(60)))).isFalse();
    assertThat(order.observe(snapshot("WAITING_DEBIT_PAYMENT", T0.plusSeconds(60)))).isFalse();
  }

  @Test
  void aCancellationAfterImportCallsForCancellingTheShopifyOrder() {
    SyncedOrder order = SyncedOrderFixtures.toShip();
    order.queueImport();
    order.imported(new ShopifyOrderRef("gid://shopify/Order/1", "#1001"), false);

    order.observe(snapshot("CANCELED", T0.plusSeconds(600)));

    assertThat(order.marketplaceStatus()).isEqualTo(MarketplaceStatus.CANCELED);
    assertThat(order.needsCancellationInShopify()).isTrue();
    assertThat(order.attention()).isNull();
  }

  @Test
  void anOrderCancelledWhileItsShopifyOrderWasBeingCreatedIsCancelledInShopifyToo() {
    SyncedOrder order = SyncedOrderFixtures.toShip();
    order.queueImport();
    order.observe(snapshot("CANCELED", T0.plusSeconds(600)));

    order.imported(new ShopifyOrderRef("gid://shopify/Order/1", "#1001"), false);

    assertThat(order.needsCancellationInShopify()).isTrue();
  }

  @Test
  void aCancellationAfterShopifyFulfilledIsAConflictForAPerson() {
    SyncedOrder order = SyncedOrderFixtures.toShip();
    order.queueImport();
    order.imported(new ShopifyOrderRef("gid://shopify/Order/1", "#1001"), false);
    order.fulfilledInShopify(true, "Fulfilled in Shopify");

    order.observe(snapshot("CANCELED", T0.plusSeconds(600)));

    assertThat(order.needsCancellationInShopify()).isFalse();
    assertThat(order.attention()).startsWith("Conflict").contains("#1001").contains("fulfilled");
  }

  @Test
  void aLineCancelledWithinTheSameSecondIsStillTakenIn() {
    MarketplaceOrder before = snapshot("SHIPPING", T0);
    MarketplaceOrder.Line line = before.lines().get(0);
    MarketplaceOrder after = new MarketplaceOrder(before.orderId(), before.commercialId(), before.state(),
        before.rawState(), before.createdAt(), T0, before.currency(), before.taxMode(), before.rawTaxMode(),
        before.shippingPrice(), before.totalPrice(), before.totalCommission(), before.shippingDeadline(),
        before.customerOrderReference(), before.salesChannel(), before.shippingMethod(), before.customer(),
        java.util.List.of(new MarketplaceOrder.Line(line.lineId(), line.sku(), line.title(), line.quantity(),
            line.unitPrice(), line.price(), line.shippingPrice(), line.commission(), line.taxes(),
            line.shippingTaxes(), "CANCELED")));

    assertThat(SyncedOrder.furtherAlong(after, before)).isTrue();
    assertThat(SyncedOrder.furtherAlong(before, after)).isFalse();
    assertThat(SyncedOrder.furtherAlong(before, before)).isFalse();
  }

  @Test
  void aFulfilmentCancelledInShopifyTakesAFulfilledOrderBackToPartlyFulfilled() {
    SyncedOrder order = SyncedOrderFixtures.toShip();
    order.queueImport();
    order.imported(new ShopifyOrderRef("gid://shopify/Order/1", "#1001"), false);
    order.fulfilledInShopify(true, "all lines");

    order.fulfilledInShopify(false, "one fulfilment cancelled");

    assertThat(order.shopifyStatus()).isEqualTo(ShopifyStatus.PARTIALLY_FULFILLED);
  }
}
