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

  RefundConsistencyCheck(SynchronProperties properties, SyncedOrders orders, RefundTransfers transfers,
      Connectors connectors, Jobs jobs, InvoicingFlow invoicing, JdbcClient jdbc, TransactionTemplate tx) {
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

  /** Checks every order with money given back; returns what each check found. */
  public List<Outcome> checkAll() {
    Set<UUID> ids = new LinkedHashSet<>(transfers.ordersWithTransfers(1000));
    ids.addAll(jdbc.sql("select id from synced_order where shopify_order_gid is not null"
            + " and jsonb_path_exists(snapshot, '$.lines[*].refunds[*]') order by updated_at limit 1000")
        .query((rs, n) -> rs.getObject(1, UUID.class)).list());
    List<Outcome> outcomes = new java.util.ArrayList<>();
    for (UUID id : ids) {
      try {
        outcomes.add(check(new SyncedOrderId(id)));
      } catch (RuntimeException e) {
        log.warn("Refund check of order {} failed: {}", id, e.getMessage());
        outcomes.add(new Outcome(id.toString(), false, false, e.getMessage()));
      }
    }
    return outcomes;
  }

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
    MarketplaceConnector marketplace = connectors.marketplace(order.channelId());
    Optional<MarketplaceOrder> fresh = marketplace.currentOrder(name);
    ShopifyGateway shop = connectors.shopFor(order.channelId());
    Optional<ShopifyGateway.OrderState> state =
        shop.orderState(order.shopifyOrder().gid(), order.snapshot().lines().size());
    if (fresh.isEmpty() || state.isEmpty()) {
      return new Outcome(name, false, false, "order not found on one side");
    }
    MarketplaceOrder current = fresh.get();
    String currency = current.currency();
    boolean taxIncluded = current.taxMode() != MarketplaceOrder.TaxMode.TAX_EXCLUDED;

    Set<String> takenIn = new java.util.HashSet<>();
    order.snapshot().lines().forEach(l -> l.refunds().forEach(r -> takenIn.add(r.id())));
    carried.forEach(t -> takenIn.addAll(t.marketplaceRefundIds()));
    BigDecimal marketplaceTotal = BigDecimal.ZERO;
    for (MarketplaceOrder.Line l : current.lines()) {
      for (MarketplaceOrder.Refund r : l.refunds()) {
        if (!takenIn.contains(r.id())) {
          return new Outcome(name, false, false, "marketplace refund " + r.id() + " not taken in yet");
        }
        marketplaceTotal = marketplaceTotal.add(RefundSplit.money(r, current.taxMode()));
      }
    }
    BigDecimal shopifyTotal = BigDecimal.ZERO;
    for (ShopifyGateway.Refund r : state.get().refunds()) {
      boolean known = RecordRefundInShopifyHandler.isOwn(r.note())
          || carried.stream().anyMatch(t -> r.gid().equals(t.shopifyRefundGid()));
      if (!known) {
        return new Outcome(name, false, false, "Shopify refund " + r.gid() + " not taken in yet");
      }
      BigDecimal money = r.money();
      // Units refunded before they shipped are line cancellations on the marketplace, not refunds.
      for (ShopifyGateway.RefundedLine line : r.lines()) {
        if ("CANCEL".equals(line.restockType())) {
          money = money.subtract(line.subtotal()).subtract(taxIncluded ? BigDecimal.ZERO : line.tax());
        }
      }
      shopifyTotal = shopifyTotal.add(money.max(BigDecimal.ZERO));
    }
    BigDecimal synchronTotal = carried.stream().filter(t -> t.state() == RefundTransfer.State.DONE)
        .map(t -> Money.orZero(t.money())).reduce(BigDecimal.ZERO, BigDecimal::add);
    Optional<BigDecimal> credited = invoicing.refundCreditNotesTotal(order);
    BigDecimal onMarketplace = marketplaceTotal;

    boolean consistent = same(marketplaceTotal, shopifyTotal) && same(marketplaceTotal, synchronTotal)
        && credited.map(c -> same(c, onMarketplace)).orElse(true);
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
