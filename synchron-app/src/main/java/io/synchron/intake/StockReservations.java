package io.synchron.intake;

import io.synchron.order.MarketplaceOrder;
import io.synchron.order.MarketplaceStatus;
import io.synchron.order.ShopifyStatus;
import io.synchron.order.SyncedOrder;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Quantities already promised to marketplace orders that are accepted (or being accepted) but not yet in Shopify,
 * and so not yet taken from Shopify's stock. The acceptance decision counts them, so two orders never get the same
 * last unit. Kept as rows per order and SKU, updated with every change of the order, in its transaction.
 */
@Component
class StockReservations {

  private static final Set<MarketplaceStatus> PROMISED =
      EnumSet.of(MarketplaceStatus.ACCEPTING, MarketplaceStatus.ACCEPTED, MarketplaceStatus.TO_SHIP);
  private static final Set<ShopifyStatus> NOT_IN_SHOPIFY =
      EnumSet.of(ShopifyStatus.NOT_IMPORTED, ShopifyStatus.IMPORT_QUEUED);

  private final JdbcClient jdbc;

  StockReservations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Brings the order's reservations in line with its state. Runs in the transaction that saves the order. */
  void follow(SyncedOrder order) {
    boolean reserves =
        PROMISED.contains(order.marketplaceStatus()) && NOT_IN_SHOPIFY.contains(order.shopifyStatus());
    if (!reserves) {
      jdbc.sql("delete from stock_reservation where synced_order_id = ?").params(order.id().value()).update();
      return;
    }
    Map<String, Integer> bySku = new LinkedHashMap<>();
    for (MarketplaceOrder.Line line : order.snapshot().lines()) {
      bySku.merge(line.sku(), line.quantity(), Integer::sum);
    }
    bySku.forEach(
        (sku, quantity) ->
            jdbc.sql(
                    "insert into stock_reservation (synced_order_id, channel_id, sku, quantity) values (?, ?, ?, ?)"
                        + " on conflict (synced_order_id, sku) do update set quantity = excluded.quantity")
                .params(order.id().value(), order.channelId(), sku, quantity)
                .update());
  }

  /**
   * Takes, until the end of the current transaction, a lock on each SKU (in a fixed order, so two decisions never
   * wait on each other crosswise). A decision holding them sees every reservation committed before it, and its own
   * is committed before the next decision on those SKUs reads.
   */
  void lockSkus(Collection<String> skus) {
    skus.stream()
        .distinct()
        .sorted()
        .forEach(
            sku ->
                jdbc.sql("select pg_advisory_xact_lock(hashtext('synchron-sku:' || ?))")
                    .params(sku)
                    .query((rs, i) -> 1)
                    .list());
  }

  Map<String, Integer> reservedBySku(Collection<String> channelIds, Collection<String> skus) {
    Map<String, Integer> reserved = new HashMap<>();
    if (skus.isEmpty() || channelIds.isEmpty()) {
      return reserved;
    }
    jdbc.sql(
            "select sku, sum(quantity) from stock_reservation where sku = any(?) and channel_id = any(?)"
                + " group by sku")
        .params(skus.toArray(String[]::new), channelIds.toArray(String[]::new))
        .query(rs -> {
          reserved.put(rs.getString(1), rs.getInt(2));
        });
    return reserved;
  }
}
