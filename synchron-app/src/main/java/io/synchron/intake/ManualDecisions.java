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
  private final io.synchron.refunds.OrderReturns returns;
  private final ReturnFlow returnFlow;

  ManualDecisions(SyncedOrders orders, OrderFlow flow, TransactionTemplate tx, MarketplaceReferenceData reference,
      io.synchron.refunds.OrderReturns returns, ReturnFlow returnFlow) {
    this.returns = returns;
    this.returnFlow = returnFlow;
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

  /**
   * Accepts or refuses (with a RETURN_REJECTION reason) a return the customer asked for on the marketplace (Mirakl
   * RT21). A return that is not waiting for a decision is a wrong-state call.
   */
  public void decideReturn(SyncedOrderId id, String marketplaceReturnId, boolean accept, String reasonCode) {
    SyncedOrder current = orders.find(id).orElseThrow(() -> new OrderNotFoundException(id));
    io.synchron.refunds.OrderReturn r = returns.byMarketplaceId(current.channelId(), marketplaceReturnId)
        .filter(x -> x.syncedOrderId().equals(id.value()))
        .orElseThrow(() -> new java.util.NoSuchElementException("Order " + id + " has no return "
            + marketplaceReturnId));
    if (!"WAITING_ACCEPTANCE".equals(r.state())) {
      throw new IllegalStateException("Return " + marketplaceReturnId + " is " + r.state()
          + "; only a return waiting for acceptance can be accepted or refused");
    }
    if (!accept && (reasonCode == null || reasonCode.isBlank())) {
      throw new IllegalArgumentException("Refusing a return needs a reasonCode (a RETURN_REJECTION reason)");
    }
    if (!accept && !reference.knowsReason(current.channelId(), "RETURN_REJECTION", reasonCode)) {
      throw new IllegalArgumentException("Reason code " + reasonCode + " is not among the marketplace's return"
          + " rejection reasons the shop may use");
    }
    tx.executeWithoutResult(status -> {
      SyncedOrder order = orders.lock(id).orElseThrow(() -> new OrderNotFoundException(id));
      order.note(io.synchron.order.OrderEvent.Side.MARKETPLACE, "RETURN_DECISION_REQUESTED", "A person decided to "
          + (accept ? "accept" : "refuse") + " return " + marketplaceReturnId
          + (accept ? "" : " with reason " + reasonCode));
      if (order.attention() != null && order.attention().contains("Return " + marketplaceReturnId + " ")) {
        order.attentionResolved("a person");
        // Another return still waiting is shown again.
        returns.ofOrder(id).stream()
            .filter(x -> "WAITING_ACCEPTANCE".equals(x.state()) && !x.id().equals(r.id()))
            .findFirst().ifPresent(x -> returnFlow.askForDecision(order, x));
      }
      orders.save(order);
      // Each decision a person makes is its own action (a retry after a refused one included).
      flow.queue(order, ReturnFlow.DECIDE_RETURN, "return-decision:" + r.id() + ":" + java.util.UUID.randomUUID(), "{\"return\":\"" + r.id()
          + "\",\"accept\":" + accept + ",\"reason\":" + (accept ? "null" : "\"" + reasonCode.replace("\"", "")
          + "\"") + "}");
    });
  }

  /** No order with this id. */
  public static class OrderNotFoundException extends RuntimeException {
    public OrderNotFoundException(SyncedOrderId id) {
      super("No order " + id);
    }
  }
}
