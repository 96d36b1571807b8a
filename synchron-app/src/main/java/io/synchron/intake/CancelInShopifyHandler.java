package io.synchron.intake;

import io.synchron.config.SynchronProperties;
import io.synchron.connector.Connectors;
import io.synchron.connector.PlatformException;
import io.synchron.connector.ShopifyGateway;
import io.synchron.jobs.Job;
import io.synchron.jobs.JobContext;
import io.synchron.jobs.JobHandler;
import io.synchron.order.OrderEvent;
import io.synchron.order.SyncedOrder;
import io.synchron.order.SyncedOrderId;
import io.synchron.order.SyncedOrders;
import io.synchron.shared.Failure;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancels the Shopify order of a marketplace order that was cancelled (by the customer, the operator, a failed
 * debit), with restock and without refunding through Shopify money that the marketplace, not Shopify, collected.
 * It reads the order first: already cancelled is done; already fulfilled is a conflict for a person.
 */
@Component
class CancelInShopifyHandler implements JobHandler {

  private final SyncedOrders orders;
  private final Connectors connectors;
  private final SynchronProperties properties;
  private final OrderFlow flow;
  private final TransactionTemplate tx;

  CancelInShopifyHandler(SyncedOrders orders, Connectors connectors, SynchronProperties properties, OrderFlow flow,
      TransactionTemplate tx) {
    this.orders = orders;
    this.connectors = connectors;
    this.properties = properties;
    this.flow = flow;
    this.tx = tx;
  }

  @Override
  public String kind() {
    return OrderFlow.CANCEL_IN_SHOPIFY;
  }

  @Override
  public void run(Job job, JobContext context) {
    SyncedOrder order = orders.find(new SyncedOrderId(job.syncedOrderId())).orElseThrow();
    if (!order.needsCancellationInShopify()) {
      return;
    }
    ShopifyGateway shop = connectors.shopFor(order.channelId());
    ShopifyGateway.OrderState state = shop.orderState(order.shopifyOrder().gid(), order.snapshot().lines().size())
        .orElseThrow(() -> new ShopifySyncHandler.ShopifyOrderGone(order.shopifyOrder().gid()));
    String reason = order.snapshot().rawState();
    boolean cancelledAlready = state.cancelledAt() != null;
    if (!cancelledAlready) {
      boolean fulfilled = state.fulfillments().stream().anyMatch(f -> "SUCCESS".equals(f.status()));
      if (fulfilled) {
        throw new PlatformException("Synchron", "Conflict: cancelled on the marketplace but Shopify order "
            + state.name() + " already has fulfilments; stop the parcel or arrange a return", 0, "CONFLICT", null,
            new Failure.Permanent("fulfilled"), null);
      }
      shop.cancel(order.shopifyOrder().gid(), properties.channel(order.channelId()).shopifyCancelReason(),
          "Cancelled on the marketplace (order " + order.marketplaceOrderId() + ", " + reason + ") — Synchron");
    }
    tx.executeWithoutResult(status -> {
      SyncedOrder locked = orders.lock(order.id()).orElseThrow();
      locked.cancelledInShopify(cancelledAlready
          ? "Shopify order was already cancelled"
          : "Cancelled in Shopify with restock, following the marketplace; no refund through Shopify");
      flow.saveAndQueue(locked);
      context.completeInTransaction("cancelled");
    });
  }

  @Override
  public void failed(Job job, Failure failure, boolean parked) {
    IntakeNotes.note(orders, job, OrderEvent.Side.SHOPIFY, "Cancelling the Shopify order", failure, parked);
  }
}
