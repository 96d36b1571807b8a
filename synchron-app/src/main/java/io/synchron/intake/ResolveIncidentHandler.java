package io.synchron.intake;

import io.synchron.connector.Connectors;
import io.synchron.connector.MarketplaceConnector;
import io.synchron.connector.PlatformException;
import io.synchron.jobs.Job;
import io.synchron.jobs.JobContext;
import io.synchron.jobs.JobHandler;
import io.synchron.order.MarketplaceOrder;
import io.synchron.order.OrderEvent;
import io.synchron.order.SyncedOrder;
import io.synchron.order.SyncedOrderId;
import io.synchron.order.SyncedOrders;
import io.synchron.shared.Failure;
import io.synchron.shared.Json;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolves an incident on a marketplace line (Mirakl OR64) that a person asked to resolve. The line is read first:
 * an incident already closed (on the marketplace, or by an attempt whose answer was lost) is not resolved again.
 */
@Component
class ResolveIncidentHandler implements JobHandler {

  private final SyncedOrders orders;
  private final Connectors connectors;
  private final MarketplaceReferenceData reference;
  private final OrderFlow flow;
  private final TransactionTemplate tx;

  ResolveIncidentHandler(SyncedOrders orders, Connectors connectors, MarketplaceReferenceData reference,
      OrderFlow flow, TransactionTemplate tx) {
    this.orders = orders;
    this.connectors = connectors;
    this.reference = reference;
    this.flow = flow;
    this.tx = tx;
  }

  @Override
  public String kind() {
    return OrderFlow.RESOLVE_INCIDENT;
  }

  @Override
  public void run(Job job, JobContext context) {
    String lineId = Json.text(job.payload(), "line");
    String given = Json.text(job.payload(), "reason");
    SyncedOrderId id = new SyncedOrderId(job.syncedOrderId());
    SyncedOrder order = orders.find(id).orElseThrow();
    MarketplaceConnector marketplace = connectors.marketplace(order.channelId());
    MarketplaceOrder current = marketplace.currentOrder(order.marketplaceOrderId())
        .orElseThrow(() -> new PlatformException(marketplace.platformName(), "Order " + order.marketplaceOrderId()
            + " not found on the marketplace", 404, null, null, new Failure.Permanent("not found"), null));
    MarketplaceOrder.Line line = current.lines().stream().filter(l -> l.lineId().equals(lineId)).findFirst()
        .orElseThrow(() -> new PlatformException(marketplace.platformName(), "Line " + lineId
            + " not found on the marketplace", 404, null, null, new Failure.Permanent("not found"), null));
    String message;
    if (!SyncedOrder.INCIDENT_OPEN.equals(line.rawState())) {
      message = "The incident on line " + lineId + " is already closed on the marketplace (line " + line.rawState()
          + "); nothing sent";
    } else {
      String reason = given == null ? reference.incidentCloseReason(order.channelId(), null) : given;
      context.requireLease();
      marketplace.resolveIncident(order.marketplaceOrderId(), lineId, reason);
      message = "Incident on line " + lineId + " resolved on the marketplace with reason " + reason;
    }
    MarketplaceOrder after = marketplace.currentOrder(order.marketplaceOrderId()).orElse(current);
    tx.executeWithoutResult(status -> {
      SyncedOrder locked = orders.lock(id).orElseThrow();
      locked.observe(after);
      locked.note(OrderEvent.Side.MARKETPLACE, "INCIDENT_RESOLVED", message);
      flow.saveAndQueue(locked);
      context.completeInTransaction(message);
    });
  }

  @Override
  public void failed(Job job, Failure failure, boolean parked) {
    IntakeNotes.note(orders, job, OrderEvent.Side.MARKETPLACE, "Resolving the incident on the marketplace", failure,
        parked);
  }
}
