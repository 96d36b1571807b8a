package io.synchron.intake;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Quantities already promised to marketplace orders that are accepted (or being accepted) but not yet in Shopify,
 * and so not yet taken from Shopify's stock. The acceptance decision counts them, so two orders never get the same
 * last unit.
 */
@Component
class StockReservations {

  private final JdbcClient jdbc;

  StockReservations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Map<String, Integer> reservedBySku(Collection<String> channelIds, Collection<String> skus) {
    Map<String, Integer> reserved = new HashMap<>();
    if (skus.isEmpty() || channelIds.isEmpty()) {
      return reserved;
    }
    jdbc.sql(
            "select line->>'sku', sum((line->>'quantity')::int) from synced_order o,"
                + " jsonb_array_elements(o.snapshot->'lines') line"
                + " where o.channel_id = any(?) and o.marketplace_status in ('ACCEPTING', 'ACCEPTED', 'TO_SHIP')"
                + " and o.shopify_status in ('NOT_IMPORTED', 'IMPORT_QUEUED') and line->>'sku' = any(?)"
                + " group by 1")
        .params(channelIds.toArray(String[]::new), skus.toArray(String[]::new))
        .query(rs -> {
          reserved.put(rs.getString(1), rs.getInt(2));
        });
    return reserved;
  }
}
