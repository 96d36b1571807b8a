package io.synchron.intake;

import io.synchron.config.SynchronProperties;
import io.synchron.connector.Connectors;
import io.synchron.connector.MarketplaceConnector;
import io.synchron.connector.ShopifyGateway;
import io.synchron.invoicing.InvoicingFlow;
import io.synchron.jobs.Job;
import io.synchron.jobs.JobState;
import io.synchron.jobs.Jobs;
import io.synchron.order.MarketplaceOrder;
import io.synchron.order.OrderEvent;
import io.synchron.order.SyncedOrder;
import io.synchron.order.SyncedOrderId;
import io.synchron.order.SyncedOrders;
import io.synchron.refunds.RefundSplit;
import io.synchron.refunds.RefundTransfer;
import io.synchron.refunds.RefundTransfers;
import io.synchron.shared.Money;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The periodic three-way check of money given back: for every order with a refund on either side, what the
 * marketplace says it refunded, what Shopify says was refunded, what Synchron carried between them and (where the
 * sale was invoiced) the credit notes issued for refunds must all be the same amount. A mismatch asks a person to
 * look, naming the amount on each side. Orders with refund work still in flight are left for the next round, as are
 * refunds one side has that Synchron has not taken in yet (the next poll or webhook carries them).
 */
@Component
public class RefundConsistencyCheck {

  private static final Logger log = LoggerFactory.getLogger(RefundConsistencyCheck.class);
  private static final Set<String> REFUND_WORK = Set.of(OrderFlow.SEND_REFUND_TO_MARKETPLACE,
      OrderFlow.RECORD_REFUND_IN_SHOPIFY, "ISSUE_CREDIT_NOTE", io.synchron.inbox.InboxJobs.SYNC_FROM_SHOPIFY);

  private final SynchronProperties properties;
  private final SyncedOrders orders;
  private final RefundTransfers transfers;
  private final Connectors connectors;
  private final Jobs jobs;
  private final InvoicingFlow invoicing;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final java.time.Clock clock;

  RefundConsistencyCheck(java.time.Clock clock, SynchronProperties properties, SyncedOrders orders, RefundTransfers transfers,
      Connectors connectors, Jobs jobs, InvoicingFlow invoicing, JdbcClient jdbc, TransactionTemplate tx) {
    this.clock = clock;
    this.properties = properties;
    this.orders = orders;
    this.transfers = transfers;
    this.connectors = connectors;
    this.jobs = jobs;
    this.invoicing = invoicing;
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /** What one check found. */
  public record Outcome(String orderId, boolean checked, boolean consistent, String detail) {}

  @Scheduled(fixedDelayString = "${synchron.reconcile.refund-check-interval:PT1H}",
      initialDelayString = "${synchron.reconcile.initial-delay:PT30S}")
  void scheduled() {
    if (properties.reconcile().enabled()) {
      checkAll();
    }
  }

  /**
   * Checks the orders with money given back, least recently checked first, {@value #PER_ROUND} per round; returns
   * what each check found.
   */
  public List<Outcome> checkAll() {
    List<UUID> ids = jdbc.sql("select o.id from synced_order o left join refund_check c on c.synced_order_id = o.id"
            + " where o.shopify_order_gid is not null and (exists (select 1 from refund_transfer t"
            + " where t.synced_order_id = o.id) or jsonb_path_exists(o.snapshot, '$.lines[*].refunds[*]'))"
            + " order by c.checked_at nulls first, o.id limit ?")
        .params(PER_ROUND)
        .query((rs, n) -> rs.getObject(1, UUID.class)).list();
    List<Outcome> outcomes = new java.util.ArrayList<>();
    for (UUID id : ids) {
      try {
        outcomes.add(check(new SyncedOrderId(id)));
      } catch (RuntimeException e) {
        log.warn("Refund check of order {} failed: {}", id, e.getMessage());
        outcomes.add(new Outcome(id.toString(), false, false, e.getMessage()));
      }
      jdbc.sql("insert into refund_check (synced_order_id, checked_at) values (?, ?) on conflict (synced_order_id)"
              + " do update set checked_at = excluded.checked_at")
          .params(id, java.sql.Timestamp.from(clock.instant())).update();
    }
    return outcomes;
  }

  static final int PER_ROUND = 200;

  public Outcome check(SyncedOrderId id) {
    SyncedOrder order = orders.find(id).orElseThrow();
    String name = order.marketplaceOrderId();
    if (order.shopifyOrder() == null) {
      return new Outcome(name, false, false, "not in Shopify");
    }
    for (Job j : jobs.forOrder(id.value())) {
      if (REFUND_WORK.contains(j.kind()) && (j.state() == JobState.PENDING || j.state() == JobState.RUNNING)) {
        return new Outcome(name, false, false, "refund work in progress");
      }
    }
    List<RefundTransfer> carried = transfers.ofOrder(id);
    if (carried.stream().anyMatch(t -> !t.settled())) {
      return new Outcome(name, false, false, "a refund is waiting to be carried");
    }
    // The marketplace side as last polled (no call per order); what it has that was not polled yet is compared at
    // a later round.
    MarketplaceOrder current = order.snapshot();
    ShopifyGateway shop = connectors.shopFor(order.channelId());
    Optional<ShopifyGateway.OrderState> state =
        shop.orderState(order.shopifyOrder().gid(), order.snapshot().lines().size());
    if (state.isEmpty()) {
      return new Outcome(name, false, false, "order not found in Shopify");
    }
    String currency = current.currency();
    BigDecimal marketplaceTotal = BigDecimal.ZERO;
    BigDecimal creditable = BigDecimal.ZERO;
    for (MarketplaceOrder.Line l : current.lines()) {
      for (MarketplaceOrder.Refund r : l.refunds()) {
        BigDecimal money = RefundSplit.money(r, current.taxMode());
        marketplaceTotal = marketplaceTotal.add(money);
        // A tax-only refund has no credit note line (a credit note credits net amounts with their VAT).
        if (Money.orZero(r.amount()).signum() > 0 || Money.orZero(r.shippingAmount()).signum() > 0) {
          creditable = creditable.add(money);
        }
      }
    }
    java.util.Set<String> polled = new java.util.HashSet<>();
    current.lines().forEach(l -> l.refunds().forEach(r -> polled.add(r.id())));
    for (RefundTransfer t : carried) {
      if (!polled.containsAll(t.marketplaceRefundIds())) {
        return new Outcome(name, false, false, "marketplace refunds " + t.marketplaceRefundIds() + " not polled yet");
      }
    }
    BigDecimal shopifyTotal = BigDecimal.ZERO;
    BigDecimal recordedBefore = BigDecimal.ZERO;
    for (ShopifyGateway.Refund r : state.get().refunds()) {
      if (RecordRefundInShopifyHandler.isOwn(r.note())) {
        shopifyTotal = shopifyTotal.add(r.money());
        if (carried.stream().noneMatch(t -> r.gid().equals(t.shopifyRefundGid()))) {
          // Recorded by a version that kept no transfer for it: Synchron's record is the refund itself.
          recordedBefore = recordedBefore.add(r.money());
        }
        continue;
      }
      RefundTransfer t = carried.stream().filter(x -> r.gid().equals(x.shopifyRefundGid())).findFirst().orElse(null);
      if (t == null) {
        return new Outcome(name, false, false, "Shopify refund " + r.gid() + " not taken in yet");
      }
      if (t.direction() == RefundTransfer.Direction.MARKETPLACE_TO_SHOPIFY) {
        shopifyTotal = shopifyTotal.add(r.money());
      } else if (t.figures() != null) {
        // Only what was meant for the marketplace as a refund: units that never shipped went as cancellations.
        shopifyTotal = shopifyTotal.add(r.money().min(t.figures().money()));
      }
    }
    BigDecimal synchronTotal = carried.stream().filter(t -> t.state() == RefundTransfer.State.DONE)
        .map(t -> Money.orZero(t.money())).reduce(recordedBefore, BigDecimal::add);
    Optional<BigDecimal> credited = invoicing.refundCreditNotesTotal(order);
    BigDecimal creditableTotal = creditable;

    boolean consistent = same(marketplaceTotal, shopifyTotal) && same(marketplaceTotal, synchronTotal)
        && credited.map(c -> same(c, creditableTotal)).orElse(true);
    String detail = "marketplace " + fmt(marketplaceTotal, currency) + ", Shopify " + fmt(shopifyTotal, currency)
        + ", Synchron's records " + fmt(synchronTotal, currency)
        + credited.map(c -> ", credit notes " + fmt(c, currency)).orElse("");
    if (!consistent) {
      tx.executeWithoutResult(status -> {
        SyncedOrder locked = orders.lock(id).orElseThrow();
        locked.note(OrderEvent.Side.SHOPIFY, "REFUNDS_MISMATCH", "Refunded amounts differ: " + detail);
        locked.requireAttention("Refunded amounts differ between the sides: " + detail + ". Find the refund missing"
            + " (or made twice) on the side that differs, correct it there, then dismiss.");
        orders.save(locked);
      });
    }
    return new Outcome(name, true, consistent, detail);
  }

  private static boolean same(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) == 0;
  }

  private static String fmt(BigDecimal amount, String currency) {
    return Money.format(amount, currency) + " " + currency;
  }
}
