package io.synchron.intake;

import io.synchron.connector.Connectors;
import io.synchron.connector.ShopifyGateway;
import io.synchron.connector.ShopifyGateway.Fulfillment;
import io.synchron.connector.ShopifyGateway.OrderState;
import io.synchron.inbox.InboxJobs;
import io.synchron.jobs.Job;
import io.synchron.jobs.JobContext;
import io.synchron.jobs.JobHandler;
import io.synchron.order.MarketplaceOrder;
import io.synchron.order.MarketplaceStatus;
import io.synchron.order.OrderEvent;
import io.synchron.order.Shipment;
import io.synchron.order.Shipments;
import io.synchron.order.ShopifyStatus;
import io.synchron.order.SyncedOrder;
import io.synchron.order.SyncedOrderId;
import io.synchron.order.SyncedOrders;
import io.synchron.shared.Failure;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import io.synchron.refunds.RefundSplit;
import io.synchron.refunds.RefundTransfer;
import io.synchron.refunds.RefundTransfers;
import io.synchron.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the ledger in step with a Shopify order as Shopify has it now (after a webhook, or when the reconciliation
 * sweep sees it changed): new fulfilments become shipments to send to the marketplace, corrected tracking is sent
 * again, delivery states go on the timeline, and a cancellation (of the order or of lines) is sent to the
 * marketplace. Reading the current state rather than trusting a delivery's payload makes duplicated, late and
 * reordered webhooks harmless.
 */
@Component
class ShopifySyncHandler implements JobHandler {

  private final SyncedOrders orders;
  private final Shipments shipments;
  private final Connectors connectors;
  private final OrderFlow flow;
  private final TransactionTemplate tx;
  private final RefundTransfers transfers;
  private final ReturnFlow returnFlow;

  ShopifySyncHandler(SyncedOrders orders, Shipments shipments, Connectors connectors, OrderFlow flow,
      TransactionTemplate tx, RefundTransfers transfers, ReturnFlow returnFlow) {
    this.transfers = transfers;
    this.returnFlow = returnFlow;
    this.orders = orders;
    this.shipments = shipments;
    this.connectors = connectors;
    this.flow = flow;
    this.tx = tx;
  }

  @Override
  public String kind() {
    return InboxJobs.SYNC_FROM_SHOPIFY;
  }

  @Override
  public void run(Job job, JobContext context) {
    SyncedOrderId id = new SyncedOrderId(job.syncedOrderId());
    SyncedOrder order = orders.find(id).orElseThrow();
    if (order.shopifyOrder() == null) {
      return;
    }
    ShopifyGateway shop = connectors.shopFor(order.channelId());
    OrderState state =
        shop.orderState(order.shopifyOrder().gid(), order.snapshot().lines().size())
            .orElseThrow(() -> new ShopifyOrderGone(order.shopifyOrder().gid()));
    tx.executeWithoutResult(
        status -> {
          SyncedOrder locked = orders.lock(id).orElseThrow();
          apply(locked, state);
          flow.saveAndQueue(locked);
          context.completeInTransaction(String.valueOf(state.updatedAt()));
        });
  }

  private void apply(SyncedOrder order, OrderState state) {
    Map<String, String> lineOfItem = new HashMap<>();
    for (SyncedOrders.LineLink link : orders.lineLinks(order.id())) {
      if (link.shopifyLineItemId() != null) {
        lineOfItem.put(link.shopifyLineItemId(), link.marketplaceLineId());
      }
    }
    for (Fulfillment f : state.fulfillments()) {
      applyFulfillment(order, f, lineOfItem);
    }
    applyFulfilmentProgress(order, state, lineOfItem);
    Map<String, Integer> refundedToSend = applyRefunds(order, state, lineOfItem);
    returnFlow.applyShopifyReturns(order, state.returns(), lineOfItem);
    if (state.cancelledAt() != null) {
      applyCancellation(order, state);
    } else {
      applyRemovedLines(order, state, lineOfItem, refundedToSend);
    }
  }

  /**
   * Each refund made in Shopify (not one Synchron recorded for the marketplace) is carried to the marketplace once:
   * its figures are kept as Shopify gave them and a job sends them. Units refunded with restock type CANCEL never
   * shipped: they are line cancellations, sent by the removed-lines path instead. Returns, by Shopify line item, the
   * units refunds will carry (so they are not also taken for removals).
   */
  private Map<String, Integer> applyRefunds(SyncedOrder order, OrderState state, Map<String, String> lineOfItem) {
    Map<String, Integer> carried = new HashMap<>();
    String currency = order.snapshot().currency();
    int scale = Money.minorUnits(currency);
    boolean taxIncluded = order.snapshot().taxMode() != MarketplaceOrder.TaxMode.TAX_EXCLUDED;
    // Which refunded units had shipped (a refund on the marketplace) and which never did (a line cancellation):
    // CANCEL restocks never shipped, RETURN restocks and refunds made for a return did; other refunds take
    // unfulfilled units first, as Shopify does. Refunds are taken oldest first, and those already carried keep the
    // split they were given, so every sync classifies alike.
    Map<String, Integer> shippedPool = new HashMap<>();
    for (Fulfillment f : state.fulfillments()) {
      if ("SUCCESS".equals(f.status())) {
        for (ShopifyGateway.FulfilledLine line : f.lines()) {
          shippedPool.merge(line.lineItemId(), line.quantity(), Integer::sum);
        }
      }
    }
    Map<String, Integer> unshippedPool = new HashMap<>();
    for (ShopifyGateway.LineState line : state.lines()) {
      unshippedPool.put(line.id(), Math.max(0, line.quantity() - shippedPool.getOrDefault(line.id(), 0)));
    }
    Map<String, MarketplaceOrder.Line> marketplaceLines = new HashMap<>();
    order.snapshot().lines().forEach(l -> marketplaceLines.put(l.lineId(), l));
    List<ShopifyGateway.Refund> refunds = new ArrayList<>(state.refunds());
    refunds.sort(java.util.Comparator.comparing(ShopifyGateway.Refund::createdAt,
        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
    for (ShopifyGateway.Refund refund : refunds) {
      boolean own = RecordRefundInShopifyHandler.isOwn(refund.note());
      RefundTransfer known = own ? null : transfers.ofShopifyRefund(order.id(), refund.gid()).orElse(null);
      if (own || (known != null && known.direction() == RefundTransfer.Direction.MARKETPLACE_TO_SHOPIFY)) {
        // Synchron's record of a marketplace refund: the marketplace refunds shipped units.
        refund.lines().forEach(l -> take(l.lineItemId(), l.quantity(), shippedPool, unshippedPool));
        continue;
      }
      Map<String, Integer> carriedBefore = new HashMap<>();
      if (known != null && known.figures() != null) {
        known.figures().lines().forEach(l -> carriedBefore.merge(l.marketplaceLineId(), l.quantity(), Integer::sum));
      }
      List<RefundSplit.StoreLine> lines = new ArrayList<>();
      BigDecimal cancelled = BigDecimal.ZERO;
      BigDecimal cancelledShipping = BigDecimal.ZERO;
      for (ShopifyGateway.RefundedLine line : refund.lines()) {
        String marketplaceLine = lineOfItem.get(line.lineItemId());
        int shipped;
        if (marketplaceLine == null || "CANCEL".equals(line.restockType())) {
          shipped = 0;
        } else if (known != null) {
          shipped = Math.min(line.quantity(), carriedBefore.getOrDefault(marketplaceLine, 0));
          carriedBefore.merge(marketplaceLine, -shipped, Integer::sum);
        } else if ("RETURN".equals(line.restockType()) || refund.returnGid() != null) {
          shipped = line.quantity();
        } else {
          shipped = line.quantity() - Math.min(line.quantity(), unshippedPool.getOrDefault(line.lineItemId(), 0));
        }
        int unshipped = line.quantity() - shipped;
        unshippedPool.merge(line.lineItemId(), -Math.min(unshipped, unshippedPool.getOrDefault(line.lineItemId(), 0)),
            Integer::sum);
        shippedPool.merge(line.lineItemId(), -shipped, Integer::sum);
        BigDecimal value = line.subtotal().add(taxIncluded ? BigDecimal.ZERO : line.tax());
        MarketplaceOrder.Line ml = marketplaceLine == null ? null : marketplaceLines.get(marketplaceLine);
        if (unshipped > 0 && ml != null && ml.quantity() > 0) {
          // The line cancellation gives back these units' share of the line's shipping.
          cancelledShipping = cancelledShipping.add(Money.orZero(ml.shippingPrice())
              .multiply(BigDecimal.valueOf(unshipped)).divide(BigDecimal.valueOf(ml.quantity()), scale,
                  java.math.RoundingMode.HALF_EVEN));
        }
        if (shipped == 0) {
          cancelled = cancelled.add(value);
          continue;
        }
        carried.merge(line.lineItemId(), shipped, Integer::sum);
        if (shipped == line.quantity()) {
          lines.add(new RefundSplit.StoreLine(marketplaceLine, shipped, line.subtotal(), line.tax()));
        } else {
          // Part shipped, part not: the shipped units' share of the amounts, to the cent.
          BigDecimal share = BigDecimal.valueOf(shipped).divide(BigDecimal.valueOf(line.quantity()), 12,
              java.math.RoundingMode.HALF_EVEN);
          BigDecimal subtotal = line.subtotal().multiply(share).setScale(scale, java.math.RoundingMode.HALF_EVEN);
          BigDecimal tax = line.tax().multiply(share).setScale(scale, java.math.RoundingMode.HALF_EVEN);
          lines.add(new RefundSplit.StoreLine(marketplaceLine, shipped, subtotal, tax));
          cancelled = cancelled.add(value.subtract(subtotal.add(taxIncluded ? BigDecimal.ZERO : tax)));
        }
      }
      if (known != null) {
        continue;
      }
      // Shipping refunded beyond what the cancellations give back is sent as a refund; its tax in proportion.
      BigDecimal shipping = refund.shipping().subtract(cancelledShipping).max(BigDecimal.ZERO);
      BigDecimal shippingTax = refund.shipping().signum() == 0 ? BigDecimal.ZERO
          : refund.shippingTax().multiply(shipping).divide(refund.shipping(), scale, java.math.RoundingMode.HALF_EVEN);
      BigDecimal notSent = cancelled.add(refund.shipping().subtract(shipping))
          .add(taxIncluded ? BigDecimal.ZERO : refund.shippingTax().subtract(shippingTax));
      RefundSplit.StoreRefund figures = new RefundSplit.StoreRefund(refund.gid(), lines, shipping, shippingTax,
          refund.money().subtract(notSent).max(BigDecimal.ZERO), refund.returnGid() != null);
      RefundTransfer transfer = new RefundTransfer(UUID.randomUUID(), order.id().value(),
          RefundTransfer.Direction.SHOPIFY_TO_MARKETPLACE, refund.gid(), List.of(), RefundTransfer.State.PENDING,
          figures, null, null, figures.money(), currency, null);
      if (transfers.insertIfAbsent(transfer)) {
        boolean withCancellation = notSent.signum() > 0;
        order.note(OrderEvent.Side.SHOPIFY, "REFUNDED_IN_SHOPIFY", "Refund " + refund.gid() + " in Shopify: "
            + Money.format(refund.money(), currency) + " " + currency
            + (withCancellation ? " (of which " + Money.format(notSent.min(refund.money()), currency) + " " + currency
                + " for units that never shipped and their shipping, sent as line cancellations)" : ""));
        flow.queue(order, OrderFlow.SEND_REFUND_TO_MARKETPLACE, "marketplace-refund:" + refund.gid(),
            "{\"refund\":\"" + refund.gid() + "\"}");
      }
    }
    return carried;
  }

  /** Takes units from the shipped pool first, then from the unshipped one. */
  private static void take(String item, int quantity, Map<String, Integer> shippedPool,
      Map<String, Integer> unshippedPool) {
    int fromShipped = Math.min(quantity, Math.max(0, shippedPool.getOrDefault(item, 0)));
    shippedPool.merge(item, -fromShipped, Integer::sum);
    unshippedPool.merge(item, -(quantity - fromShipped), Integer::sum);
  }

  private void applyFulfillment(SyncedOrder order, Fulfillment f, Map<String, String> lineOfItem) {
    Shipment.Tracking tracking = new Shipment.Tracking(f.trackingCompany(), f.trackingNumber(), f.trackingUrl());
    Shipment known = shipments.byFulfillment(f.gid()).orElse(null);
    boolean cancelled = "CANCELLED".equals(f.status()) || "ERROR".equals(f.status()) || "FAILURE".equals(f.status());
    if (known == null) {
      if (cancelled) {
        return;
      }
      Map<String, Integer> lines = new LinkedHashMap<>();
      for (ShopifyGateway.FulfilledLine line : f.lines()) {
        String marketplaceLine = lineOfItem.get(line.lineItemId());
        if (marketplaceLine != null) {
          lines.merge(marketplaceLine, line.quantity(), Integer::sum);
        }
      }
      Shipment shipment = new Shipment(UUID.randomUUID(), order.id(), f.gid(), Shipment.Status.TO_PUSH,
          f.displayStatus(), tracking, lines, null, null, f.updatedAt());
      shipments.save(shipment);
      order.note(OrderEvent.Side.SHOPIFY, "FULFILLED_IN_SHOPIFY",
          "Fulfilment " + f.gid() + " in Shopify: " + describe(tracking) + ", lines " + lines);
      flow.queue(order, OrderFlow.PUSH_SHIPMENT, "push:" + f.gid(), "{\"fulfillment\":\"" + f.gid() + "\"}");
      return;
    }
    if (cancelled && known.status() != Shipment.Status.CANCELLED) {
      shipments.save(known.withStatus(Shipment.Status.CANCELLED));
      order.note(OrderEvent.Side.SHOPIFY, "FULFILMENT_CANCELLED", "Fulfilment " + f.gid() + " was cancelled in Shopify"
          + (known.status() == Shipment.Status.PUSHED ? "; the marketplace had been told it shipped" : ""));
      return;
    }
    if (!Objects.equals(known.displayStatus(), f.displayStatus()) && f.displayStatus() != null) {
      order.note(OrderEvent.Side.SHOPIFY, "DELIVERY_" + f.displayStatus(),
          "Fulfilment " + f.gid() + ": " + f.displayStatus().toLowerCase().replace('_', ' '));
    }
    boolean trackingChanged = !Objects.equals(known.tracking(), tracking);
    Shipment updated = new Shipment(known.id(), known.orderId(), known.fulfillmentGid(), known.status(),
        f.displayStatus(), tracking, known.lines(), known.marketplaceShipmentId(), known.pushedTracking(),
        f.updatedAt());
    shipments.save(updated);
    if (trackingChanged) {
      order.note(OrderEvent.Side.SHOPIFY, "TRACKING_CHANGED",
          "Tracking of " + f.gid() + " changed in Shopify: " + describe(known.tracking()) + " -> " + describe(tracking));
      if (updated.trackingCorrected()) {
        flow.queue(order, OrderFlow.CORRECT_TRACKING, "tracking:" + f.gid() + ":" + tracking.fingerprint().hashCode() + "@" + f.updatedAt(),
            "{\"fulfillment\":\"" + f.gid() + "\"}");
      }
    }
  }

  private void applyFulfilmentProgress(SyncedOrder order, OrderState state, Map<String, String> lineOfItem) {
    if (order.shopifyStatus() == ShopifyStatus.CANCELLED || !order.shopifyStatus().exists()) {
      return;
    }
    Map<String, Integer> fulfilled = new HashMap<>();
    for (Fulfillment f : state.fulfillments()) {
      if ("SUCCESS".equals(f.status())) {
        for (ShopifyGateway.FulfilledLine line : f.lines()) {
          fulfilled.merge(line.lineItemId(), line.quantity(), Integer::sum);
        }
      }
    }
    if (fulfilled.isEmpty()) {
      return;
    }
    boolean everyLine = state.lines().stream()
        .allMatch(l -> fulfilled.getOrDefault(l.id(), 0) >= l.currentQuantity());
    order.fulfilledInShopify(everyLine, everyLine ? "Every line fulfilled in Shopify" : "Some lines fulfilled in Shopify");
  }

  private void applyCancellation(SyncedOrder order, OrderState state) {
    if (order.shopifyStatus() == ShopifyStatus.CANCELLED) {
      return;
    }
    order.cancelledInShopify("Cancelled in Shopify (reason " + state.cancelReason() + ")");
    MarketplaceStatus m = order.marketplaceStatus();
    if (m == MarketplaceStatus.SHIPPED || m == MarketplaceStatus.CLOSED) {
      order.requireAttention("Conflict: cancelled in Shopify (reason " + state.cancelReason()
          + ") after the marketplace was told the order shipped. Refund the customer through the marketplace or"
          + " arrange a return, then dismiss.");
    } else if (m != MarketplaceStatus.CANCELED && m != MarketplaceStatus.REFUSED) {
      flow.queue(order, OrderFlow.CANCEL_ON_MARKETPLACE, "cancel-marketplace:" + order.id(),
          "{\"reason\":\"" + state.cancelReason() + "\",\"lines\":{}}");
    }
  }

  /** Lines taken off the order in Shopify (an edit, a refund with restock) before they shipped. */
  private void applyRemovedLines(SyncedOrder order, OrderState state, Map<String, String> lineOfItem,
      Map<String, Integer> refundedToSend) {
    Map<String, Integer> removed = new LinkedHashMap<>();
    for (ShopifyGateway.LineState line : state.lines()) {
      String marketplaceLine = lineOfItem.get(line.id());
      if (marketplaceLine == null) {
        continue;
      }
      // Units Synchron itself refunded in Shopify, following marketplace refunds, are not removals to send back.
      int refundedByMarketplace = order.snapshot().lines().stream()
          .filter(l -> l.lineId().equals(marketplaceLine))
          .flatMap(l -> l.refunds().stream())
          .mapToInt(MarketplaceOrder.Refund::quantity)
          .sum();
      int gone = line.quantity() - line.currentQuantity() - refundedByMarketplace
          - refundedToSend.getOrDefault(line.id(), 0);
      if (gone > 0) {
        removed.put(marketplaceLine, gone);
      }
    }
    if (removed.isEmpty()) {
      return;
    }
    MarketplaceStatus m = order.marketplaceStatus();
    if (m == MarketplaceStatus.SHIPPED || m == MarketplaceStatus.CLOSED) {
      order.requireAttention("Conflict: lines " + removed + " were removed in Shopify after the marketplace was told"
          + " the order shipped. Refund them through the marketplace or arrange a return, then dismiss.");
      return;
    }
    StringBuilder payload = new StringBuilder("{\"reason\":\"OTHER\",\"lines\":{");
    String sep = "";
    for (Map.Entry<String, Integer> e : removed.entrySet()) {
      payload.append(sep).append('"').append(e.getKey()).append("\":").append(e.getValue());
      sep = ",";
    }
    payload.append("}}");
    if (flow.queue(order, OrderFlow.CANCEL_ON_MARKETPLACE, "cancel-lines:" + order.id() + ":" + removed,
        payload.toString())) {
      order.note(OrderEvent.Side.SHOPIFY, "LINES_REMOVED_IN_SHOPIFY", "Lines removed in Shopify: " + removed);
    }
  }

  static String describe(Shipment.Tracking t) {
    if (t == null || (t.company() == null && t.number() == null)) {
      return "no tracking";
    }
    return (t.company() == null ? "" : t.company() + " ") + (t.number() == null ? "" : t.number());
  }

  @Override
  public void failed(Job job, Failure failure, boolean parked) {
    IntakeNotes.note(orders, job, OrderEvent.Side.SHOPIFY, "Reading the order from Shopify", failure, parked);
  }

  /** Synchron's Shopify order is no longer there (deleted in Shopify): a person must look. */
  static final class ShopifyOrderGone extends RuntimeException implements Failure.Classified {
    ShopifyOrderGone(String gid) {
      super("Shopify order " + gid + " was not found (deleted in Shopify?)");
    }

    @Override
    public Failure failure() {
      return new Failure.Permanent(getMessage());
    }
  }

  static List<MarketplaceOrder.Line> sold(MarketplaceOrder order) {
    return ImportDraftFactory.importedLines(order);
  }
}
