package io.synchron.intake;

import io.synchron.connector.Connectors;
import io.synchron.connector.MarketplaceConnector;
import io.synchron.connector.MarketplaceConnector.LineCancellation;
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
import io.synchron.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancels on the marketplace what was cancelled in Shopify before it shipped: the whole order, or the lines an edit
 * removed. It uses Mirakl's line cancellation (OR30) for both, because it carries a reason code (chosen from the
 * marketplace's own list through the channel's mapping of Shopify's cancel reasons) and the amounts, taxes included,
 * as the marketplace charged them, prorated to the quantity. It reads the marketplace first: lines already cancelled
 * are not cancelled again, and an order that has shipped meanwhile is a conflict for a person.
 */
@Component
class CancelOnMarketplaceHandler implements JobHandler {

  private final SyncedOrders orders;
  private final Connectors connectors;
  private final MarketplaceReferenceData reference;
  private final OrderFlow flow;
  private final TransactionTemplate tx;
  private final io.synchron.jobs.Jobs jobs;

  CancelOnMarketplaceHandler(SyncedOrders orders, Connectors connectors, MarketplaceReferenceData reference,
      OrderFlow flow, TransactionTemplate tx, io.synchron.jobs.Jobs jobs) {
    this.jobs = jobs;
    this.orders = orders;
    this.connectors = connectors;
    this.reference = reference;
    this.flow = flow;
    this.tx = tx;
  }

  @Override
  public String kind() {
    return OrderFlow.CANCEL_ON_MARKETPLACE;
  }

  @Override
  public void run(Job job, JobContext context) {
    SyncedOrder order = orders.find(new SyncedOrderId(job.syncedOrderId())).orElseThrow();
    Map<String, Integer> requested = new java.util.LinkedHashMap<>(JobPayloads.quantities(job.payload(), "lines"));
    // Removal totals are cumulative ("2 removed so far"): what earlier line cancellations covered (the largest
    // total among them) is not sent again.
    Map<String, Integer> covered = new java.util.HashMap<>();
    for (io.synchron.jobs.Job earlier : jobs.forOrder(job.syncedOrderId())) {
      if (earlier.kind().equals(OrderFlow.CANCEL_ON_MARKETPLACE) && earlier.state() == io.synchron.jobs.JobState.DONE
          && !earlier.id().equals(job.id())) {
        JobPayloads.quantities(earlier.payload(), "lines").forEach((line, total) -> covered.merge(line, total, Math::max));
      }
    }
    covered.forEach((line, done) -> requested.computeIfPresent(line, (k, total) -> Math.max(0, total - done)));
    if (!JobPayloads.quantities(job.payload(), "lines").isEmpty()
        && requested.values().stream().allMatch(q -> q == 0)) {
      return;
    }
    String shopifyReason = JobPayloads.text(job.payload(), "reason");
    MarketplaceConnector marketplace = connectors.marketplace(order.channelId());
    MarketplaceOrder current = marketplace.currentOrder(order.marketplaceOrderId())
        .orElseThrow(() -> new PlatformException(marketplace.platformName(), "Order not found on the marketplace",
            404, null, null, new Failure.Permanent("not found"), null));
    if (current.state() == MarketplaceState.CANCELED || current.state() == MarketplaceState.REFUSED) {
      record(order, current, "The marketplace order is already " + current.rawState() + "; nothing to cancel", context);
      return;
    }
    if (current.state() != MarketplaceState.SHIPPING && current.state() != MarketplaceState.WAITING_DEBIT_PAYMENT
        && current.state() != MarketplaceState.WAITING_DEBIT) {
      throw new PlatformException("Synchron", "Conflict: cancelled in Shopify but the marketplace order is "
          + current.rawState() + " and can no longer be cancelled; refund through the marketplace or arrange a return",
          0, "CONFLICT", null, new Failure.Permanent("cannot cancel in " + current.rawState()), null);
    }
    String reason = reference.cancellationReason(order.channelId(), shopifyReason);
    List<LineCancellation> lines = new ArrayList<>();
    java.util.List<String> alreadyShipped = new java.util.ArrayList<>();
    for (MarketplaceOrder.Line line : current.lines()) {
      if ("CANCELED".equals(line.rawState()) || "REFUSED".equals(line.rawState())) {
        continue;
      }
      if (java.util.Set.of("SHIPPED", "TO_COLLECT", "RECEIVED", "CLOSED").contains(line.rawState())) {
        // A shipped line cannot be cancelled (only refunded): left to a person, named below.
        alreadyShipped.add(line.lineId());
        continue;
      }
      int quantity = requested.isEmpty() ? line.quantity() : Math.min(line.quantity(), requested.getOrDefault(line.lineId(), 0));
      if (quantity > 0) {
        lines.add(cancellation(line, quantity, reason, current.currency()));
      }
    }
    if (lines.isEmpty()) {
      record(order, current, "Nothing left to cancel on the marketplace", context);
      return;
    }
    if (!alreadyShipped.isEmpty()) {
      tx.executeWithoutResult(status -> {
        SyncedOrder locked = orders.lock(order.id()).orElseThrow();
        locked.requireAttention("Conflict: cancelled in Shopify but lines " + alreadyShipped + " have already shipped"
            + " on the marketplace; refund them through the marketplace or arrange a return, then dismiss.");
        orders.save(locked);
      });
    }
    marketplace.cancelLines(order.marketplaceOrderId(), lines);
    // Take in the marketplace's order as our cancellation left it, so the next poll does not read it as lines the
    // marketplace cancelled on its own.
    MarketplaceOrder after = marketplace.currentOrder(order.marketplaceOrderId()).orElse(null);
    String message = "Cancelled on the marketplace with reason " + reason + ": "
        + lines.stream().map(l -> l.lineId() + " x" + l.quantity()).toList();
    tx.executeWithoutResult(status -> {
      SyncedOrder locked = orders.lock(order.id()).orElseThrow();
      if (after != null) {
        locked.observeAfterOwnCancellation(after);
      }
      locked.note(OrderEvent.Side.MARKETPLACE, "CANCELLATION_SENT", message);
      flow.saveAndQueue(locked);
      context.completeInTransaction(message);
    });
  }

  private void record(SyncedOrder order, MarketplaceOrder current, String message, JobContext context) {
    tx.executeWithoutResult(status -> {
      SyncedOrder locked = orders.lock(order.id()).orElseThrow();
      if (current != null) {
        locked.observeAfterOwnCancellation(current);
      }
      locked.note(OrderEvent.Side.MARKETPLACE, "CANCELLATION_SENT", message);
      flow.saveAndQueue(locked);
      context.completeInTransaction(message);
    });
  }

  /** The line's amounts for the cancelled quantity, prorated and rounded to the currency; all of it for the whole. */
  static LineCancellation cancellation(MarketplaceOrder.Line line, int quantity, String reason, String currency) {
    BigDecimal share = BigDecimal.valueOf(quantity).divide(BigDecimal.valueOf(line.quantity()), 10, RoundingMode.HALF_UP);
    boolean whole = quantity == line.quantity();
    return new LineCancellation(
        line.lineId(),
        quantity,
        prorate(line.price(), share, whole, currency),
        prorate(line.shippingPrice(), share, whole, currency),
        line.taxes().stream().map(t -> new MarketplaceOrder.Tax(t.code(), t.rate(),
            prorate(t.amount(), share, whole, currency))).toList(),
        line.shippingTaxes().stream().map(t -> new MarketplaceOrder.Tax(t.code(), t.rate(),
            prorate(t.amount(), share, whole, currency))).toList(),
        reason);
  }

  private static BigDecimal prorate(BigDecimal amount, BigDecimal share, boolean whole, String currency) {
    BigDecimal value = Money.orZero(amount);
    return whole ? Money.scaled(value, currency) : Money.scaled(value.multiply(share), currency);
  }

  @Override
  public void failed(Job job, Failure failure, boolean parked) {
    IntakeNotes.note(orders, job, OrderEvent.Side.MARKETPLACE, "Cancelling on the marketplace", failure, parked);
  }
}
