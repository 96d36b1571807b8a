package io.synchron.intake;

import io.synchron.config.SynchronProperties;
import io.synchron.connector.Connectors;
import io.synchron.connector.ShopifyGateway;
import io.synchron.connector.ShopifyGateway.ChangedOrder;
import io.synchron.inbox.InboxJobs;
import io.synchron.jobs.JobRequest;
import io.synchron.jobs.Jobs;
import io.synchron.order.SyncedOrderId;
import io.synchron.order.SyncedOrders;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhooks get lost; this sweep repairs what a lost one left behind. Every few minutes it asks each store for the
 * orders updated since the last sweep (one cheap query, oldest first) and queues a re-read of each one Synchron
 * imported, keyed by its update time so a change is re-read once. It also keeps the store's webhook subscriptions in
 * place (Shopify deletes subscriptions whose deliveries keep failing), creating only the missing ones.
 */
@Component
public class ShopifyReconciliation {

  public static final List<String> TOPICS =
      List.of("FULFILLMENTS_CREATE", "FULFILLMENTS_UPDATE", "ORDERS_CANCELLED", "ORDERS_UPDATED", "ORDERS_EDITED",
          "REFUNDS_CREATE", "RETURNS_APPROVE", "RETURNS_PROCESS", "RETURNS_CLOSE");
  private static final Logger log = LoggerFactory.getLogger(ShopifyReconciliation.class);
  private static final Duration OVERLAP = Duration.ofMinutes(2);
  private static final int MAX_PER_SWEEP = 5_000;

  private final SynchronProperties properties;
  private final Connectors connectors;
  private final SyncedOrders orders;
  private final Jobs jobs;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;

  ShopifyReconciliation(SynchronProperties properties, Connectors connectors, SyncedOrders orders, Jobs jobs,
      JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
    this.properties = properties;
    this.connectors = connectors;
    this.orders = orders;
    this.jobs = jobs;
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
  }

  /** The webhook endpoint Shopify should call, when a public URL is configured. */
  public String callbackUri() {
    URI base = properties.publicUrl();
    return base == null ? null : base.toString().replaceAll("/+$", "") + "/webhooks/shopify";
  }

  @EventListener(ApplicationReadyEvent.class)
  void registerWebhooksAtStart() {
    if (callbackUri() == null) {
      log.info("synchron.public-url is not set: no Shopify webhook subscriptions are registered; the reconciliation"
          + " sweep alone keeps orders in step");
      return;
    }
    ensureWebhooks();
  }

  /** Creates the missing webhook subscriptions of every store; safe to call any number of times. */
  public void ensureWebhooks() {
    String uri = callbackUri();
    if (uri == null) {
      return;
    }
    for (ShopifyGateway shop : connectors.shops()) {
      try {
        List<String> created = shop.ensureWebhooks(uri, TOPICS);
        if (!created.isEmpty()) {
          log.info("Shop {}: subscribed to {} at {}", shop.shopId(), created, uri);
        }
      } catch (RuntimeException e) {
        log.warn("Shop {}: could not check its webhook subscriptions: {}", shop.shopId(), e.getMessage());
      }
    }
  }

  @Scheduled(fixedDelayString = "${synchron.reconcile.interval:PT5M}",
      initialDelayString = "${synchron.reconcile.initial-delay:PT30S}")
  void scheduledSweep() {
    if (!properties.reconcile().enabled()) {
      return;
    }
    ensureWebhooks();
    for (ShopifyGateway shop : connectors.shops()) {
      try {
        sweep(shop.shopId());
      } catch (RuntimeException e) {
        log.warn("Reconciliation of shop {} failed: {}", shop.shopId(), e.getMessage());
      }
    }
  }

  /** Queues a re-read of every imported order of the store updated since the last sweep; returns how many. */
  public int sweep(String shopId) {
    ShopifyGateway shop = connectors.shops().stream().filter(s -> s.shopId().equals(shopId)).findFirst().orElseThrow();
    Instant now = clock.instant();
    Instant after = jdbc.sql("select updated_after from shopify_sweep_cursor where shop_id = ?")
        .params(shopId).query(Timestamp.class).optional().map(Timestamp::toInstant)
        .orElse(now.minus(Duration.ofDays(1)));
    List<ChangedOrder> changed = shop.ordersUpdatedAfter(after.minus(OVERLAP), MAX_PER_SWEEP);
    Instant newest = changed.stream().map(ChangedOrder::updatedAt).filter(java.util.Objects::nonNull)
        .max(Instant::compareTo).orElse(after);
    Integer queued = tx.execute(status -> {
      int n = 0;
      for (ChangedOrder c : changed) {
        java.util.Optional<SyncedOrderId> id = orders.idByShopifyOrder(c.gid());
        if (id.isPresent() && jobs.enqueue(new JobRequest(InboxJobs.SYNC_FROM_SHOPIFY,
            "sweep:" + c.gid() + "@" + c.updatedAt(), "order:" + id.get(), id.get().value(),
            "{\"gid\":\"" + c.gid() + "\"}"))) {
          n++;
        }
      }
      jdbc.sql("insert into shopify_sweep_cursor (shop_id, updated_after, last_sweep_at) values (?, ?, ?)"
              + " on conflict (shop_id) do update set updated_after = excluded.updated_after,"
              + " last_sweep_at = excluded.last_sweep_at")
          .params(shopId, Timestamp.from(newest), Timestamp.from(now))
          .update();
      return n;
    });
    return queued == null ? 0 : queued;
  }
}
