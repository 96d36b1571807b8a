package io.synchron.intake;

import io.synchron.connector.Connectors;
import io.synchron.connector.MarketplaceConnector;
import io.synchron.connector.PlatformException;
import io.synchron.jobs.Job;
import io.synchron.jobs.JobContext;
import io.synchron.jobs.JobHandler;
import io.synchron.order.MarketplaceOrder;
import io.synchron.order.MarketplaceState;
import io.synchron.order.OrderEvent;
import io.synchron.order.SyncedOrder;
import io.synchron.order.SyncedOrderId;
import io.synchron.order.SyncedOrders;
import io.synchron.shared.Failure;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends an acceptance or refusal (every line in one call, as Mirakl requires). It reads the order's current state
 * first: if the order has already left WAITING_ACCEPTANCE (our earlier call went through although its answer was
 * lost, or someone decided in the back office) nothing is sent, so a decision is never sent twice.
 */
@Component
class SendDecisionHandler implements JobHandler {

  private final SyncedOrders orders;
  private final Connectors connectors;
  private final OrderFlow flow;
  private final TransactionTemplate tx;

  SendDecisionHandler(SyncedOrders orders, Connectors connectors, OrderFlow flow, TransactionTemplate tx) {
    this.orders = orders;
    this.connectors = connectors;
    this.flow = flow;
    this.tx = tx;
  }

  @Override
  public String kind() {
    return OrderFlow.SEND_DECISION;
  }

  @Override
  public void run(Job job, JobContext context) {
    boolean accept = job.payload().contains("\"accept\":true");
    SyncedOrderId id = new SyncedOrderId(job.syncedOrderId());
    SyncedOrder order = orders.find(id).orElseThrow();
    MarketplaceConnector connector = connectors.marketplace(order.channelId());
    MarketplaceOrder current = currentOrFail(connector, order);
    boolean sent = false;
    if (current.state() == MarketplaceState.WAITING_ACCEPTANCE) {
      try {
        connector.decide(order.marketplaceOrderId(), current.lines().stream().map(MarketplaceOrder.Line::lineId).toList(), accept);
        sent = true;
      } catch (PlatformException e) {
        // A 400 may mean the order moved on between our read and our call: read again before giving up.
        if (e.status() != 400) {
          throw e;
        }
        current = currentOrFail(connector, order);
        if (current.state() == MarketplaceState.WAITING_ACCEPTANCE) {
          throw e;
        }
      }
    }
    MarketplaceOrder latest = current;
    boolean callSent = sent;
    tx.executeWithoutResult(
        status -> {
          SyncedOrder locked = orders.lock(id).orElseThrow();
          if (!callSent) {
            locked.note(OrderEvent.Side.MARKETPLACE, "DECISION_NOT_SENT",
                "Not sent: the order is already " + latest.rawState() + " on the marketplace");
          }
          locked.observe(latest);
          if (callSent && accept) {
            locked.acceptanceConfirmed();
          } else if (callSent) {
            locked.refusalConfirmed();
          }
          flow.saveAndQueue(locked);
          context.completeInTransaction(callSent ? "sent" : "already " + latest.rawState());
        });
  }

  private static MarketplaceOrder currentOrFail(MarketplaceConnector connector, SyncedOrder order) {
    Optional<MarketplaceOrder> current = connector.currentOrder(order.marketplaceOrderId());
    return current.orElseThrow(
        () -> new PlatformException(connector.platformName(), "Order " + order.marketplaceOrderId()
            + " is not found on the marketplace", 404, "ORDER_NOT_FOUND", null,
            new Failure.Permanent("not found"), null));
  }

  @Override
  public void failed(Job job, Failure failure, boolean parked) {
    boolean accept = job.payload().contains("\"accept\":true");
    IntakeNotes.note(orders, job, OrderEvent.Side.MARKETPLACE,
        accept ? "Sending the acceptance" : "Sending the refusal", failure, parked);
  }
}
