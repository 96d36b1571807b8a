package io.synchron.intake;

import io.synchron.order.SyncedOrder;
import io.synchron.order.SyncedOrderId;
import io.synchron.order.SyncedOrders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person accepts or refuses an order Synchron held for review. Wrong-state calls (the order is no longer waiting
 * for a decision) throw {@link io.synchron.order.IllegalOrderTransitionException} naming the current state.
 */
@Component
public class ManualDecisions {

  private final SyncedOrders orders;
  private final OrderFlow flow;
  private final TransactionTemplate tx;

  ManualDecisions(SyncedOrders orders, OrderFlow flow, TransactionTemplate tx) {
    this.orders = orders;
    this.flow = flow;
    this.tx = tx;
  }

  public void accept(SyncedOrderId id) {
    tx.executeWithoutResult(
        status -> {
          SyncedOrder order = orders.lock(id).orElseThrow(() -> new OrderNotFoundException(id));
          order.decideToAccept();
          flow.saveAndQueue(order);
        });
  }

  public void refuse(SyncedOrderId id, String reason) {
    tx.executeWithoutResult(
        status -> {
          SyncedOrder order = orders.lock(id).orElseThrow(() -> new OrderNotFoundException(id));
          order.decideToRefuse(reason == null || reason.isBlank() ? "refused by a person" : reason);
          flow.saveAndQueue(order);
        });
  }

  /** A person has dealt with what needed attention on the order (e.g. cancelled its Shopify order by hand). */
  public void resolveAttention(SyncedOrderId id) {
    tx.executeWithoutResult(
        status -> {
          SyncedOrder order = orders.lock(id).orElseThrow(() -> new OrderNotFoundException(id));
          order.attentionResolved("a person");
          orders.save(order);
        });
  }

  /** No order with this id. */
  public static class OrderNotFoundException extends RuntimeException {
    public OrderNotFoundException(SyncedOrderId id) {
      super("No order " + id);
    }
  }
}
