package io.synchron.intake;

import io.synchron.connector.Connectors;
import io.synchron.connector.MarketplaceConnector;
import io.synchron.connector.MarketplaceConnector.CarrierTracking;
import io.synchron.jobs.Job;
import io.synchron.jobs.JobContext;
import io.synchron.jobs.JobHandler;
import io.synchron.order.OrderEvent;
import io.synchron.order.Shipment;
import io.synchron.order.Shipments;
import io.synchron.order.SyncedOrder;
import io.synchron.order.SyncedOrderId;
import io.synchron.order.SyncedOrders;
import io.synchron.shared.Failure;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a tracking correction made in Shopify after the marketplace already had the shipment: to the shipment itself
 * (Mirakl ST23) when it was sent as its own shipment, else as the order's tracking (Mirakl OR23, which overwrites).
 * Sending the same tracking twice is harmless, so no read is needed first.
 */
@Component
class CorrectTrackingHandler implements JobHandler {

  private final SyncedOrders orders;
  private final Shipments shipments;
  private final Connectors connectors;
  private final MarketplaceReferenceData reference;
  private final TransactionTemplate tx;

  CorrectTrackingHandler(SyncedOrders orders, Shipments shipments, Connectors connectors,
      MarketplaceReferenceData reference, TransactionTemplate tx) {
    this.orders = orders;
    this.shipments = shipments;
    this.connectors = connectors;
    this.reference = reference;
    this.tx = tx;
  }

  @Override
  public String kind() {
    return OrderFlow.CORRECT_TRACKING;
  }

  @Override
  public void run(Job job, JobContext context) {
    SyncedOrder order = orders.find(new SyncedOrderId(job.syncedOrderId())).orElseThrow();
    Shipment shipment = shipments.byFulfillment(JobPayloads.text(job.payload(), "fulfillment")).orElseThrow();
    if (!shipment.trackingCorrected()) {
      return;
    }
    MarketplaceConnector marketplace = connectors.marketplace(order.channelId());
    CarrierTracking tracking = reference.tracking(order.channelId(), shipment.tracking().company(),
        shipment.tracking().number(), shipment.tracking().url());
    if (shipment.marketplaceShipmentId() != null) {
      marketplace.updateShipmentTracking(shipment.marketplaceShipmentId(), tracking);
    } else {
      marketplace.setTracking(order.marketplaceOrderId(), tracking);
    }
    tx.executeWithoutResult(status -> {
      SyncedOrder locked = orders.lock(order.id()).orElseThrow();
      shipments.save(shipment.pushed(shipment.marketplaceShipmentId(), shipment.tracking().fingerprint()));
      locked.note(OrderEvent.Side.MARKETPLACE, "TRACKING_CORRECTED",
          "Corrected tracking sent to the marketplace: " + PushShipmentHandler.describe(tracking));
      orders.save(locked);
      context.completeInTransaction("corrected");
    });
  }

  @Override
  public void failed(Job job, Failure failure, boolean parked) {
    IntakeNotes.note(orders, job, OrderEvent.Side.MARKETPLACE, "Sending the corrected tracking", failure, parked);
  }
}
