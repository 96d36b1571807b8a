package io.synchron.order.internal;

import io.synchron.order.MarketplaceOrder;
import io.synchron.order.MarketplaceStatus;
import io.synchron.order.OrderEvent;
import io.synchron.order.ShopifyOrderRef;
import io.synchron.order.ShopifyStatus;
import io.synchron.order.SyncedOrder;
import io.synchron.order.SyncedOrderId;
import io.synchron.order.SyncedOrders;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** PostgreSQL storage of the ledger. The snapshot is stored as JSON in Synchron's own shape, not a wire format. */
@Repository
class JdbcSyncedOrders implements SyncedOrders {

  private static final String COLUMNS =
      "id, channel_id, marketplace_status, shopify_status, snapshot::text as snapshot, review_reason,"
          + " shopify_order_gid, shopify_order_name, attention, version";

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;

  JdbcSyncedOrders(JdbcClient jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public Optional<SyncedOrder> lockByMarketplaceId(String channelId, String marketplaceOrderId) {
    return jdbc.sql(
            "select " + COLUMNS
                + " from synced_order where channel_id = ? and marketplace_order_id = ? for update")
        .params(channelId, marketplaceOrderId)
        .query(this::map)
        .optional();
  }

  @Override
  public Optional<SyncedOrder> lock(SyncedOrderId id) {
    return jdbc.sql("select " + COLUMNS + " from synced_order where id = ? for update")
        .params(id.value())
        .query(this::map)
        .optional();
  }

  @Override
  public Optional<SyncedOrder> find(SyncedOrderId id) {
    return jdbc.sql("select " + COLUMNS + " from synced_order where id = ?")
        .params(id.value())
        .query(this::map)
        .optional();
  }

  @Override
  public Optional<SyncedOrderId> idByShopifyOrder(String shopifyOrderGid) {
    return jdbc.sql("select id from synced_order where shopify_order_gid = ?")
        .params(shopifyOrderGid)
        .query((rs, i) -> new SyncedOrderId(rs.getObject(1, UUID.class)))
        .optional();
  }

  @Override
  public void save(SyncedOrder order) {
    Timestamp now = Timestamp.from(clock.instant());
    String snapshot = json.writeValueAsString(order.snapshot());
    Timestamp updatedAt =
        order.marketplaceUpdatedAt() == null ? null : Timestamp.from(order.marketplaceUpdatedAt());
    ShopifyOrderRef ref = order.shopifyOrder();
    int updated =
        jdbc.sql(
                "update synced_order set marketplace_status = ?, shopify_status = ?, marketplace_state = ?,"
                    + " marketplace_updated_at = ?, snapshot = ?::jsonb, review_reason = ?,"
                    + " shopify_order_gid = ?, shopify_order_name = ?, attention = ?, version = version + 1,"
                    + " updated_at = ? where id = ? and version = ?")
            .params(
                order.marketplaceStatus().name(),
                order.shopifyStatus().name(),
                order.snapshot().rawState(),
                updatedAt,
                snapshot,
                order.reviewReason(),
                ref == null ? null : ref.gid(),
                ref == null ? null : ref.name(),
                order.attention(),
                now,
                order.id().value(),
                order.version())
            .update();
    if (updated == 0) {
      if (order.version() != 0 || exists(order.id())) {
        throw new OptimisticLockingFailureException(
            "Order " + order.marketplaceOrderId() + " changed concurrently (version " + order.version() + ")");
      }
      jdbc.sql(
              "insert into synced_order (id, channel_id, marketplace_order_id, marketplace_status, shopify_status,"
                  + " marketplace_state, marketplace_updated_at, snapshot, review_reason, shopify_order_gid,"
                  + " shopify_order_name, attention, version, created_at, updated_at)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, 1, ?, ?)")
          .params(
              order.id().value(),
              order.channelId(),
              order.marketplaceOrderId(),
              order.marketplaceStatus().name(),
              order.shopifyStatus().name(),
              order.snapshot().rawState(),
              updatedAt,
              snapshot,
              order.reviewReason(),
              ref == null ? null : ref.gid(),
              ref == null ? null : ref.name(),
              order.attention(),
              now,
              now)
          .update();
    }
    for (OrderEvent event : order.markSaved()) {
      jdbc.sql(
              "insert into timeline_entry (synced_order_id, at, side, type, message) values (?, ?, ?, ?, ?)")
          .params(order.id().value(), now, event.side().name(), event.type(), event.message())
          .update();
    }
  }

  private boolean exists(SyncedOrderId id) {
    return jdbc.sql("select count(*) from synced_order where id = ?")
            .params(id.value())
            .query(Integer.class)
            .single()
        > 0;
  }

  @Override
  public void saveLineLinks(SyncedOrderId id, List<LineLink> links) {
    for (LineLink link : links) {
      jdbc.sql(
              "insert into order_line_link (synced_order_id, marketplace_line_id, shopify_line_item_id, sku,"
                  + " quantity) values (?, ?, ?, ?, ?) on conflict (synced_order_id, marketplace_line_id)"
                  + " do update set shopify_line_item_id = excluded.shopify_line_item_id")
          .params(id.value(), link.marketplaceLineId(), link.shopifyLineItemId(), link.sku(), link.quantity())
          .update();
    }
  }

  @Override
  public List<LineLink> lineLinks(SyncedOrderId id) {
    return jdbc.sql(
            "select marketplace_line_id, shopify_line_item_id, sku, quantity from order_line_link"
                + " where synced_order_id = ? order by marketplace_line_id")
        .params(id.value())
        .query(
            (rs, i) ->
                new LineLink(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
        .list();
  }

  @Override
  public List<TimelineEntry> timeline(SyncedOrderId id) {
    return jdbc.sql(
            "select at, side, type, message from timeline_entry where synced_order_id = ? order by id")
        .params(id.value())
        .query(
            (rs, i) ->
                new TimelineEntry(
                    rs.getTimestamp(1).toInstant(),
                    OrderEvent.Side.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getString(4)))
        .list();
  }

  @Override
  public List<SyncedOrder> needingAttention(int limit) {
    return jdbc.sql(
            "select " + COLUMNS + " from synced_order where attention is not null order by updated_at desc limit ?")
        .params(limit)
        .query(this::map)
        .list();
  }

  @Override
  public List<SyncedOrder> list(Filter filter, int limit, int offset) {
    return jdbc.sql(
            "select " + COLUMNS + " from synced_order where " + WHERE + " order by created_at desc, id limit ? offset ?")
        .params(filterParams(filter, limit, offset))
        .query(this::map)
        .list();
  }

  @Override
  public long count(Filter filter) {
    return jdbc.sql("select count(*) from synced_order where " + WHERE)
        .params(filterParams(filter))
        .query(Long.class)
        .single();
  }

  private static final String WHERE =
      "(cast(? as text) is null or channel_id = ?) and (cast(? as text) is null or marketplace_status = ?)"
          + " and (cast(? as text) is null or shopify_status = ?)";

  private static Object[] filterParams(Filter f, Object... extra) {
    String channel = f.channelId();
    String ms = f.marketplaceStatus() == null ? null : f.marketplaceStatus().name();
    String ss = f.shopifyStatus() == null ? null : f.shopifyStatus().name();
    Object[] base = {channel, channel, ms, ms, ss, ss};
    Object[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  private SyncedOrder map(ResultSet rs, int row) throws SQLException {
    String gid = rs.getString("shopify_order_gid");
    return SyncedOrder.restore(
        new SyncedOrderId(rs.getObject("id", UUID.class)),
        rs.getString("channel_id"),
        json.readValue(rs.getString("snapshot"), MarketplaceOrder.class),
        MarketplaceStatus.valueOf(rs.getString("marketplace_status")),
        ShopifyStatus.valueOf(rs.getString("shopify_status")),
        rs.getString("review_reason"),
        gid == null ? null : new ShopifyOrderRef(gid, rs.getString("shopify_order_name")),
        rs.getString("attention"),
        rs.getLong("version"));
  }

  static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}
