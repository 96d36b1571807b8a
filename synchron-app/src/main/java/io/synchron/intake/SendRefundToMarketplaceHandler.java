package io.synchron.intake;

import io.synchron.connector.Connectors;
import io.synchron.connector.MarketplaceConnector;
import io.synchron.connector.MarketplaceConnector.CreatedRefund;
import io.synchron.connector.MarketplaceConnector.LineRefund;
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
import io.synchron.refunds.RefundSplit;
import io.synchron.refunds.RefundTransfer;
import io.synchron.refunds.RefundTransfers;
import io.synchron.shared.Failure;
import io.synchron.shared.Json;
import io.synchron.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a refund made in Shopify to the marketplace (Mirakl OR28), once. The marketplace's order is read first: its
 * state decides whether refunds are taken now (SHIPPED, TO_COLLECT, RECEIVED), later (before shipment: the refund
 * waits and is sent when the order gets there) or never (closed, cancelled, refused: an exception with the reason);
 * what is still refundable on each line bounds the split ({@link RefundSplit}). OR28 takes no idempotency key, so
 * before each call the refunds the marketplace already has are written down with the attempt: after a lost answer,
 * the next attempt adopts the new refunds that match what was sent instead of sending it again.
 */
@Component
class SendRefundToMarketplaceHandler implements JobHandler {

  private final SyncedOrders orders;
  private final Connectors connectors;
  private final RefundTransfers transfers;
  private final MarketplaceReferenceData reference;
  private final OrderFlow flow;
  private final TransactionTemplate tx;
  private final Clock clock;

  SendRefundToMarketplaceHandler(SyncedOrders orders, Connectors connectors, RefundTransfers transfers,
      MarketplaceReferenceData reference, OrderFlow flow, TransactionTemplate tx, Clock clock) {
    this.orders = orders;
    this.connectors = connectors;
    this.transfers = transfers;
    this.reference = reference;
    this.flow = flow;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return OrderFlow.SEND_REFUND_TO_MARKETPLACE;
  }

  /** The states in which the marketplace takes refunds. */
  static boolean refundable(MarketplaceState state) {
    return state == MarketplaceState.SHIPPED || state == MarketplaceState.TO_COLLECT
        || state == MarketplaceState.RECEIVED;
  }

  /** The states that come before those: a refund made now waits for the order to get there. */
  static boolean refundableLater(MarketplaceState state) {
    return state == MarketplaceState.STAGING || state == MarketplaceState.WAITING_ACCEPTANCE
        || state == MarketplaceState.WAITING_DEBIT || state == MarketplaceState.WAITING_DEBIT_PAYMENT
        || state == MarketplaceState.SHIPPING;
  }

  @Override
  public void run(Job job, JobContext context) {
    String gid = Json.text(job.payload(), "refund");
    SyncedOrderId id = new SyncedOrderId(job.syncedOrderId());
    SyncedOrder order = orders.find(id).orElseThrow();
    RefundTransfer found = transfers.ofShopifyRefund(id, gid).orElse(null);
    if (found == null || found.settled()) {
      return;
    }
    MarketplaceConnector marketplace = connectors.marketplace(order.channelId());
    MarketplaceOrder current = marketplace.currentOrder(order.marketplaceOrderId())
        .orElseThrow(() -> new PlatformException(marketplace.platformName(), "Order " + order.marketplaceOrderId()
            + " not found on the marketplace", 404, null, null, new Failure.Permanent("not found"), null));
    String currency = current.currency();
    boolean taxIncluded = current.taxMode() != MarketplaceOrder.TaxMode.TAX_EXCLUDED;

    if (found.inDoubt()) {
      // The last attempt's answer was lost: split as it was split then (against the refunds known before it), and
      // adopt the marketplace's new refunds that match instead of sending again.
      if (RefundSplit.split(asBefore(current, found), found.figures()) instanceof RefundSplit.Split then) {
        List<String> adopted = adopt(current, found, then.parts(), id);
        if (adopted != null) {
          settle(id, found, adopted, then.parts(), taxIncluded, currency, context, " (found on the marketplace"
              + " after an attempt whose answer was lost; not sent again)");
          return;
        }
      }
      // Not there: that attempt created nothing, so it is no longer in doubt.
      RefundTransfer cleared = found.attempting(null, null);
      tx.executeWithoutResult(status -> transfers.update(cleared));
      found = cleared;
    }
    RefundTransfer transfer = found;
    if (transfer.figures().money().signum() <= 0) {
      // Only cancelled units (and their shipping) were refunded: the line cancellation carries them.
      String why = "Shopify refund " + gid + " moved no money beyond units that never shipped";
      tx.executeWithoutResult(status -> {
        SyncedOrder locked = orders.lock(id).orElseThrow();
        transfers.update(transfer.nothingToSend(why));
        locked.note(OrderEvent.Side.MARKETPLACE, "REFUND_NOT_SENT", why + "; nothing sent as a refund");
        orders.save(locked);
        context.completeInTransaction(why);
      });
      return;
    }
    if (!refundable(current.state())) {
      if (refundableLater(current.state())) {
        String why = "The marketplace takes refunds once the order has shipped; order " + current.orderId() + " is "
            + current.rawState() + ". Shopify refund " + gid + " is sent when it ships.";
        tx.executeWithoutResult(status -> {
          SyncedOrder locked = orders.lock(id).orElseThrow();
          transfers.update(transfer.waiting(why));
          locked.note(OrderEvent.Side.MARKETPLACE, "REFUND_WAITING", why);
          orders.save(locked);
          if (refundable(locked.snapshot().state())) {
            // The poll took in the shipment while this job was reading: nothing else would send it now.
            flow.queue(locked, OrderFlow.SEND_REFUND_TO_MARKETPLACE, "marketplace-refund:" + gid + "@"
                + locked.snapshot().rawState(), "{\"refund\":\"" + gid + "\"}");
          }
          context.completeInTransaction("waiting: " + current.rawState());
        });
        return;
      }
      throw new RefundNotSendable("Shopify refund " + gid + " of " + Money.format(transfer.money(), currency) + " "
          + currency + " cannot be sent: the marketplace does not take refunds on order " + current.orderId()
          + " once it is " + current.rawState() + ". Refund the customer through the marketplace's customer service"
          + " (or reverse the Shopify refund), then dismiss.");
    }

    RefundSplit.Outcome outcome = RefundSplit.split(current, transfer.figures());
    if (outcome instanceof RefundSplit.NothingToSend nothing) {
      tx.executeWithoutResult(status -> {
        SyncedOrder locked = orders.lock(id).orElseThrow();
        transfers.update(transfer.nothingToSend(nothing.why()));
        locked.note(OrderEvent.Side.MARKETPLACE, "REFUND_NOT_SENT", nothing.why() + "; nothing sent");
        orders.save(locked);
        context.completeInTransaction(nothing.why());
      });
      return;
    }
    if (outcome instanceof RefundSplit.Refused refused) {
      throw new RefundNotSendable(refused.reason());
    }
    List<RefundSplit.LinePart> parts = ((RefundSplit.Split) outcome).parts();

    Set<String> existing = new HashSet<>();
    for (MarketplaceOrder.Line l : current.lines()) {
      l.refunds().forEach(r -> existing.add(r.id()));
    }
    String reason = reference.refundReason(order.channelId(),
        Boolean.TRUE.equals(transfer.figures().afterReturn()) ? "RETURN" : null);
    List<LineRefund> lines = parts.stream()
        .map(p -> new LineRefund(p.lineId(), p.quantity(), p.amount(), p.shippingAmount(), p.taxes(),
            p.shippingTaxes(), reason))
        .toList();
    tx.executeWithoutResult(status -> transfers.update(transfer.attempting(List.copyOf(existing), clock.instant())));
    context.requireLease();
    List<CreatedRefund> created;
    try {
      created = marketplace.refundLines(lines, current.taxMode(), currency);
    } catch (RuntimeException e) {
      if (e instanceof PlatformException p && p.status() >= 400 && p.status() < 500) {
        // The marketplace refused it (4xx): nothing was created, so the attempt is not in doubt. An answer that
        // could not be read (after a 200) leaves it in doubt: the refunds probably exist.
        tx.executeWithoutResult(status -> transfers.update(transfer.attempting(null, null)));
      }
      throw e;
    }
    settle(id, transfer, created.stream().map(CreatedRefund::refundId).toList(), parts, taxIncluded, currency,
        context, " with reason " + reason);
  }

  /**
   * After a lost answer: the marketplace refunds created since the attempt (not known then, not carried by another
   * transfer) that match every part sent, or null when they are not all there (so the refund is sent again).
   */
  private List<String> adopt(MarketplaceOrder current, RefundTransfer transfer, List<RefundSplit.LinePart> parts,
      SyncedOrderId id) {
    Set<String> taken = new HashSet<>(transfer.knownRefundIds());
    for (RefundTransfer other : transfers.ofOrder(id)) {
      if (!other.id().equals(transfer.id())) {
        taken.addAll(other.marketplaceRefundIds());
      }
    }
    List<String> adopted = new ArrayList<>();
    for (RefundSplit.LinePart part : parts) {
      String match = null;
      for (MarketplaceOrder.Line l : current.lines()) {
        if (!l.lineId().equals(part.lineId())) {
          continue;
        }
        for (MarketplaceOrder.Refund r : l.refunds()) {
          if (!taken.contains(r.id()) && !adopted.contains(r.id()) && same(r.amount(), part.amount())
              && same(r.shippingAmount(), part.shippingAmount())) {
            match = r.id();
            break;
          }
        }
      }
      if (match == null) {
        return null;
      }
      adopted.add(match);
    }
    return adopted;
  }

  /** The order with only the refunds the marketplace had before the last attempt. */
  private static MarketplaceOrder asBefore(MarketplaceOrder current, RefundTransfer transfer) {
    Set<String> known = new HashSet<>(transfer.knownRefundIds());
    List<MarketplaceOrder.Line> lines = current.lines().stream()
        .map(l -> new MarketplaceOrder.Line(l.lineId(), l.sku(), l.title(), l.quantity(), l.unitPrice(), l.price(),
            l.shippingPrice(), l.commission(), l.taxes(), l.shippingTaxes(), l.rawState(),
            l.refunds().stream().filter(r -> known.contains(r.id())).toList(), l.cancelledQuantity()))
        .toList();
    return new MarketplaceOrder(current.orderId(), current.commercialId(), current.state(), current.rawState(),
        current.createdAt(), current.updatedAt(), current.currency(), current.taxMode(), current.rawTaxMode(),
        current.shippingPrice(), current.totalPrice(), current.totalCommission(), current.shippingDeadline(),
        current.customerOrderReference(), current.salesChannel(), current.shippingMethod(), current.customer(), lines);
  }

  private static boolean same(BigDecimal a, BigDecimal b) {
    return Money.orZero(a).compareTo(Money.orZero(b)) == 0;
  }

  private void settle(SyncedOrderId id, RefundTransfer transfer, List<String> refundIds,
      List<RefundSplit.LinePart> parts, boolean taxIncluded, String currency, JobContext context, String how) {
    BigDecimal money = parts.stream().map(p -> p.money(taxIncluded)).reduce(BigDecimal.ZERO, BigDecimal::add);
    String message = "Shopify refund " + transfer.shopifyRefundGid() + " sent to the marketplace" + how + ": "
        + Money.format(money, currency) + " " + currency + " as refunds " + refundIds + " ("
        + parts.stream().map(p -> p.lineId() + ": " + Money.format(p.amount(), currency)
            + (p.shippingAmount().signum() > 0 ? " + shipping " + Money.format(p.shippingAmount(), currency) : "")
            + (p.taxes().isEmpty() ? "" : " tax " + p.taxes().stream()
                .map(t -> t.code() + " " + Money.format(t.amount(), currency)).toList()))
            .toList() + ")";
    tx.executeWithoutResult(status -> {
      SyncedOrder locked = orders.lock(id).orElseThrow();
      transfers.update(transfer.done(refundIds, money, message));
      locked.note(OrderEvent.Side.MARKETPLACE, "REFUND_SENT", message);
      flow.saveAndQueue(locked);
      context.completeInTransaction(String.join(",", refundIds));
    });
  }

  @Override
  public void failed(Job job, Failure failure, boolean parked) {
    IntakeNotes.note(orders, job, OrderEvent.Side.MARKETPLACE, "Sending the Shopify refund to the marketplace",
        failure, parked);
  }

  /** A Shopify refund the marketplace would not take as it is: a person decides, with the amounts named. */
  static final class RefundNotSendable extends RuntimeException implements Failure.Classified {
    RefundNotSendable(String message) {
      super(message);
    }

    @Override
    public Failure failure() {
      return new Failure.Permanent(getMessage());
    }
  }
}
