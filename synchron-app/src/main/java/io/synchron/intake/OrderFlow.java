package io.synchron.intake;

import io.synchron.jobs.JobRequest;
import io.synchron.jobs.Jobs;
import io.synchron.order.MarketplaceState;
import io.synchron.order.MarketplaceStatus;
import io.synchron.order.SyncedOrder;
import io.synchron.order.SyncedOrders;
import org.springframework.stereotype.Component;

/**
 * The rules that turn an order's new position into the actions it implies, recorded in the same transaction as the
 * ledger change. Each action's idempotency key is derived from the order, so applying the same change twice queues
 * nothing new.
 */
@Component
class OrderFlow {

  static final String DECIDE = "DECIDE_ACCEPTANCE";
  static final String SEND_DECISION = "SEND_DECISION";
  static final String IMPORT = "IMPORT_TO_SHOPIFY";
  static final String PUSH_SHIPMENT = "PUSH_SHIPMENT";
  static final String CORRECT_TRACKING = "CORRECT_TRACKING";
  static final String CANCEL_ON_MARKETPLACE = "CANCEL_ON_MARKETPLACE";
  static final String CANCEL_IN_SHOPIFY = "CANCEL_IN_SHOPIFY";
  static final String RECORD_REFUND_IN_SHOPIFY = "RECORD_REFUND_IN_SHOPIFY";
  static final String SEND_REFUND_TO_MARKETPLACE = "SEND_REFUND_TO_MARKETPLACE";
  static final String RESOLVE_INCIDENT = "RESOLVE_INCIDENT";

  private final SyncedOrders orders;
  private final Jobs jobs;
  private final StockReservations reservations;
  private final io.synchron.invoicing.InvoicingFlow invoicing;

  private final io.synchron.order.Shipments shipments;
  private final io.synchron.refunds.RefundTransfers transfers;

  OrderFlow(SyncedOrders orders, Jobs jobs, StockReservations reservations,
      io.synchron.invoicing.InvoicingFlow invoicing, io.synchron.order.Shipments shipments,
      io.synchron.refunds.RefundTransfers transfers) {
    this.transfers = transfers;
    this.shipments = shipments;
    this.invoicing = invoicing;
    this.orders = orders;
    this.jobs = jobs;
    this.reservations = reservations;
  }

  /** Saves the order and queues what its state calls for. Must run inside the transaction holding its lock. */
  void saveAndQueue(SyncedOrder order) {
    boolean waitingForDecision =
        order.marketplaceStatus() == MarketplaceStatus.NEW
            && order.snapshot().state() == MarketplaceState.WAITING_ACCEPTANCE;
    if (order.needsImport()) {
      order.queueImport();
    }
    orders.save(order);
    reservations.follow(order);
    if (waitingForDecision) {
      jobs.enqueue(new JobRequest(DECIDE, "decide:" + order.id(), orderKey(order), order.id().value(), null));
    }
    if (order.marketplaceStatus() == MarketplaceStatus.ACCEPTING) {
      jobs.enqueue(sendDecision(order, true));
    }
    if (order.marketplaceStatus() == MarketplaceStatus.REFUSING) {
      jobs.enqueue(sendDecision(order, false));
    }
    if (order.shopifyStatus() == io.synchron.order.ShopifyStatus.IMPORT_QUEUED) {
      jobs.enqueue(new JobRequest(IMPORT, "import:" + order.id(), orderKey(order), order.id().value(), null));
    }
    invoicing.queueIfDue(order);
    queueWaitingShipmentsNowComplete(order);
    if (order.shopifyStatus().exists()) {
      // Each refund the marketplace made is recorded once in Shopify, keyed by the marketplace's refund id; those
      // Synchron made itself from Shopify refunds are Shopify's already.
      java.util.List<io.synchron.refunds.RefundTransfer> carried = transfers.ofOrder(order.id());
      java.util.Set<String> fromShopify = new java.util.HashSet<>();
      for (var t : carried) {
        if (t.direction() == io.synchron.refunds.RefundTransfer.Direction.SHOPIFY_TO_MARKETPLACE) {
          fromShopify.addAll(t.marketplaceRefundIds());
        }
      }
      for (var line : order.snapshot().lines()) {
        for (var refund : line.refunds()) {
          if (!fromShopify.contains(refund.id())) {
            queue(order, RECORD_REFUND_IN_SHOPIFY, "shopify-refund:" + order.id() + ":" + refund.id(),
                "{\"refund\":\"" + refund.id() + "\"}");
          }
        }
      }
      // Shopify refunds waiting for the marketplace to take refunds are sent when the order gets there.
      if (SendRefundToMarketplaceHandler.refundable(order.snapshot().state())) {
        for (var t : carried) {
          if (t.state() == io.synchron.refunds.RefundTransfer.State.WAITING_FOR_MARKETPLACE) {
            queue(order, SEND_REFUND_TO_MARKETPLACE, "marketplace-refund:" + t.shopifyRefundGid() + "@"
                + order.snapshot().rawState(), "{\"refund\":\"" + t.shopifyRefundGid() + "\"}");
          }
        }
      }
    }
    if (order.needsCancellationInShopify()) {
      jobs.enqueue(new JobRequest(CANCEL_IN_SHOPIFY, "cancel-shopify:" + order.id(), orderKey(order),
          order.id().value(), null));
    }
  }

  /**
   * A partial shipment waits for the order's other lines; if those lines are cancelled instead, nothing else would
   * send it: once the waiting shipments cover every line still sold, they are pushed.
   */
  private void queueWaitingShipmentsNowComplete(SyncedOrder order) {
    if (!order.shopifyStatus().exists()) {
      return;
    }
    java.util.List<io.synchron.order.Shipment> all = shipments.ofOrder(order.id()).stream()
        .filter(s -> s.status() != io.synchron.order.Shipment.Status.CANCELLED)
        .toList();
    boolean waiting = all.stream().anyMatch(s -> s.status() == io.synchron.order.Shipment.Status.WAITING_FOR_OTHER_LINES);
    if (waiting && PushShipmentHandler.allLinesShipped(order, all)) {
      io.synchron.order.Shipment last = all.get(all.size() - 1);
      queue(order, PUSH_SHIPMENT, "push:" + last.fulfillmentGid() + "@" + order.snapshot().updatedAt(),
          "{\"fulfillment\":\"" + last.fulfillmentGid() + "\"}");
    }
  }

  /** Queues an action on the order with a key derived from what it does, so queueing it twice queues it once. */
  boolean queue(SyncedOrder order, String kind, String key, String payload) {
    return jobs.enqueue(new JobRequest(kind, key, orderKey(order), order.id().value(), payload));
  }

  private static JobRequest sendDecision(SyncedOrder order, boolean accept) {
    return new JobRequest(
        SEND_DECISION,
        "decision:" + order.id(),
        orderKey(order),
        order.id().value(),
        "{\"accept\":" + accept + "}");
  }

  static String orderKey(SyncedOrder order) {
    return "order:" + order.id();
  }
}
