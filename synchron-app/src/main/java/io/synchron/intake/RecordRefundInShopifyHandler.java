package io.synchron.intake;

import io.synchron.connector.Connectors;
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
import io.synchron.shared.Money;
import io.synchron.refunds.RefundTransfer;
import io.synchron.refunds.RefundTransfers;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records in Shopify a refund the marketplace made (its customer service, a resolved incident, a return): on the
 * refunded line for the quantity the marketplace gives, for exactly the amount it paid back (taxes included), as a
 * transaction on the marketplace's gateway, so Shopify's financial status follows the marketplace's. Restocking
 * follows the return, not the refund, so none is made here. The refund's id keys the job and Shopify's
 * {@code @idempotent} call, so a retry after a lost answer never refunds twice.
 */
@Component
class RecordRefundInShopifyHandler implements JobHandler {

  private final SyncedOrders orders;
  private final Connectors connectors;
  private final TransactionTemplate tx;
  private final RefundTransfers transfers;

  RecordRefundInShopifyHandler(SyncedOrders orders, Connectors connectors, TransactionTemplate tx,
      RefundTransfers transfers) {
    this.transfers = transfers;
    this.orders = orders;
    this.connectors = connectors;
    this.tx = tx;
  }

  @Override
  public String kind() {
    return OrderFlow.RECORD_REFUND_IN_SHOPIFY;
  }

  @Override
  public void run(Job job, JobContext context) {
    String refundId = Json.text(job.payload(), "refund");
    SyncedOrder order = orders.find(new SyncedOrderId(job.syncedOrderId())).orElseThrow();
    MarketplaceOrder snapshot = order.snapshot();
    MarketplaceOrder.Line line = null;
    MarketplaceOrder.Refund refund = null;
    for (MarketplaceOrder.Line l : snapshot.lines()) {
      for (MarketplaceOrder.Refund r : l.refunds()) {
        if (r.id().equals(refundId)) {
          line = l;
          refund = r;
        }
      }
    }
    if (refund == null || order.shopifyOrder() == null) {
      return;
    }
    List<RefundTransfer> carried = transfers.ofOrder(order.id());
    for (RefundTransfer t : carried) {
      if (t.direction() == RefundTransfer.Direction.SHOPIFY_TO_MARKETPLACE && t.marketplaceRefundIds().contains(refundId)) {
        // Synchron made this refund on the marketplace from a Shopify refund: Shopify has it already.
        tx.executeWithoutResult(status -> context.completeInTransaction("from " + t.shopifyRefundGid()));
        return;
      }
      if (t.direction() == RefundTransfer.Direction.SHOPIFY_TO_MARKETPLACE && t.inDoubt()
          && !t.knownRefundIds().contains(refundId)) {
        throw new RefundInDoubt("Marketplace refund " + refundId + " may be the one Synchron sent for Shopify refund "
            + t.shopifyRefundGid() + ", whose answer was lost; waiting until that is settled");
      }
    }
    BigDecimal amount = Money.orZero(refund.amount()).add(Money.orZero(refund.shippingAmount()));
    if (snapshot.taxMode() == MarketplaceOrder.TaxMode.TAX_EXCLUDED) {
      for (MarketplaceOrder.Tax t : refund.taxes()) {
        amount = amount.add(t.amount());
      }
      for (MarketplaceOrder.Tax t : refund.shippingTaxes()) {
        amount = amount.add(t.amount());
      }
    }
    String lineId = line.lineId();
    int refundedQuantity = refund.quantity();
    Map<String, Integer> items = new LinkedHashMap<>();
    if (refundedQuantity > 0) {
      orders.lineLinks(order.id()).stream()
          .filter(k -> k.marketplaceLineId().equals(lineId) && k.shopifyLineItemId() != null)
          .findFirst()
          .ifPresent(k -> items.put(k.shopifyLineItemId(), Math.min(k.quantity(), refundedQuantity)));
    }
    BigDecimal total = amount;
    String refundGid = connectors.shopFor(order.channelId()).recordRefund(order.shopifyOrder().gid(),
        "synchron-refund-" + order.channelId() + "-" + refundId, items, total, snapshot.currency(), "mirakl",
        "Marketplace refund " + refundId + OWN_NOTE + (refund.reasonCode() == null ? ""
            : " (reason " + refund.reasonCode() + ")"));
    tx.executeWithoutResult(status -> {
      SyncedOrder locked = orders.lock(order.id()).orElseThrow();
      locked.note(OrderEvent.Side.SHOPIFY, "REFUND_RECORDED", "Marketplace refund " + refundId + " of "
          + Money.format(total, snapshot.currency()) + " " + snapshot.currency() + " on line " + lineId
          + " recorded in Shopify (" + refundGid + "), no restock");
      orders.save(locked);
      transfers.insertIfAbsent(new RefundTransfer(UUID.randomUUID(), order.id().value(),
          RefundTransfer.Direction.MARKETPLACE_TO_SHOPIFY, refundGid, List.of(refundId), RefundTransfer.State.DONE,
          null, null, null, total, snapshot.currency(), "Recorded in Shopify"));
      context.completeInTransaction(refundGid);
    });
  }

  /** Marks the refunds Synchron records in Shopify, so they are never carried back to the marketplace. */
  static final String OWN_NOTE = " made on the marketplace, recorded by Synchron";

  static boolean isOwn(String note) {
    // Earlier versions wrote "Refund <id> made on the marketplace": those are Synchron's too.
    return note != null && (note.contains(OWN_NOTE) || LEGACY_NOTE.matcher(note).lookingAt());
  }

  private static final java.util.regex.Pattern LEGACY_NOTE =
      java.util.regex.Pattern.compile("Refund \\S+ made on the marketplace");

  /** A marketplace refund that may be Synchron's own, sent from Shopify with an answer that was lost. */
  static final class RefundInDoubt extends RuntimeException implements Failure.Classified {
    RefundInDoubt(String message) {
      super(message);
    }

    @Override
    public Failure failure() {
      return new Failure.RetryAfter(java.time.Duration.ofMinutes(1), getMessage());
    }
  }

  @Override
  public void failed(Job job, Failure failure, boolean parked) {
    IntakeNotes.note(orders, job, OrderEvent.Side.SHOPIFY, "Recording the marketplace refund in Shopify", failure,
        parked);
  }
}
