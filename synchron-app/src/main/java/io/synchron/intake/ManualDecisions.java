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
  private final MarketplaceReferenceData reference;

  ManualDecisions(SyncedOrders orders, OrderFlow flow, TransactionTemplate tx, MarketplaceReferenceData reference) {
    this.reference = reference;
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

  /**
   * Resolves the incident open on a line (Mirakl OR64), with the given INCIDENT_CLOSE reason or the channel's mapped
   * one. A line with no open incident is a wrong-state call; an unknown reason code is refused before anything is
   * queued.
   */
  public void resolveIncident(SyncedOrderId id, String lineId, String reasonCode) {
    SyncedOrder current = orders.find(id).orElseThrow(() -> new OrderNotFoundException(id));
    if (reasonCode != null && !reasonCode.isBlank()
        && !reference.knowsReason(current.channelId(), "INCIDENT_CLOSE", reasonCode)) {
      throw new IllegalArgumentException("Reason code " + reasonCode + " is not among the marketplace's incident"
          + " close reasons the shop may use");
    }
    tx.executeWithoutResult(
        status -> {
          SyncedOrder order = orders.lock(id).orElseThrow(() -> new OrderNotFoundException(id));
          var line = order.snapshot().lines().stream().filter(l -> l.lineId().equals(lineId)).findFirst()
              .orElseThrow(() -> new java.util.NoSuchElementException("Order " + id + " has no line " + lineId));
          if (!SyncedOrder.INCIDENT_OPEN.equals(line.rawState())) {
            throw new IllegalStateException("Line " + lineId + " has no open incident on the marketplace (it is "
                + line.rawState() + ")");
          }
          order.note(io.synchron.order.OrderEvent.Side.MARKETPLACE, "INCIDENT_RESOLUTION_REQUESTED",
              "A person asked to resolve the incident on line " + lineId
                  + (reasonCode == null || reasonCode.isBlank() ? "" : " with reason " + reasonCode));
          orders.save(order);
          flow.queue(order, OrderFlow.RESOLVE_INCIDENT, "incident:" + id + ":" + lineId + "@"
              + order.snapshot().updatedAt(), "{\"line\":\"" + lineId + "\",\"reason\":"
              + (reasonCode == null || reasonCode.isBlank() ? "null" : "\"" + reasonCode.replace("\"", "") + "\"")
              + "}");
        });
  }

  /** No order with this id. */
  public static class OrderNotFoundException extends RuntimeException {
    public OrderNotFoundException(SyncedOrderId id) {
      super("No order " + id);
    }
  }
}
