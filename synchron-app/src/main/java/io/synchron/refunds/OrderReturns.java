package io.synchron.refunds;

import io.synchron.order.SyncedOrderId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The ledger of returns and the position of each channel's return polling. */
@Repository
public class OrderReturns {

  private static final String COLUMNS = "id, synced_order_id, channel_id, marketplace_return_id, origin, state,"
      + " reason_code, lines::text as lines, shopify_return_gid, marketplace_updated_at";

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;

  OrderReturns(JdbcClient jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  public List<OrderReturn> ofOrder(SyncedOrderId orderId) {
    return jdbc.sql("select " + COLUMNS + " from order_return where synced_order_id = ? order by created_at, id")
        .params(orderId.value()).query(this::map).list();
  }

  public Optional<OrderReturn> byMarketplaceId(String channelId, String returnId) {
    return jdbc.sql("select " + COLUMNS + " from order_return where channel_id = ? and marketplace_return_id = ?")
        .params(channelId, returnId).query(this::map).optional();
  }

  public Optional<OrderReturn> byShopifyReturn(String gid) {
    return jdbc.sql("select " + COLUMNS + " from order_return where shopify_return_gid = ?")
        .params(gid).query(this::map).optional();
  }

  public Optional<OrderReturn> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from order_return where id = ?").params(id).query(this::map).optional();
  }

  public void save(OrderReturn r) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql("insert into order_return (id, synced_order_id, channel_id, marketplace_return_id, origin, state,"
            + " reason_code, lines, shopify_return_gid, marketplace_updated_at, created_at, updated_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) on conflict (id) do update set"
            + " marketplace_return_id = excluded.marketplace_return_id, state = excluded.state,"
            + " shopify_return_gid = excluded.shopify_return_gid,"
            + " marketplace_updated_at = excluded.marketplace_updated_at, updated_at = excluded.updated_at")
        .params(r.id(), r.syncedOrderId(), r.channelId(), r.marketplaceReturnId(), r.origin().name(), r.state(),
            r.reasonCode(), json.writeValueAsString(r.lines()), r.shopifyReturnGid(),
            r.marketplaceUpdatedAt() == null ? null : Timestamp.from(r.marketplaceUpdatedAt()), now, now)
        .update();
  }

  /** Where the channel's return polling resumes; {@code initial} the first time. */
  public Instant cursor(String channelId, Instant initial) {
    jdbc.sql("insert into return_poll_cursor (channel_id, next_start, updated_at) values (?, ?, ?)"
            + " on conflict do nothing")
        .params(channelId, Timestamp.from(initial), Timestamp.from(clock.instant())).update();
    return jdbc.sql("select next_start from return_poll_cursor where channel_id = ?").params(channelId)
        .query(Timestamp.class).single().toInstant();
  }

  public void advance(String channelId, Instant next) {
    jdbc.sql("update return_poll_cursor set next_start = greatest(next_start, ?), updated_at = ? where channel_id = ?")
        .params(Timestamp.from(next), Timestamp.from(clock.instant()), channelId).update();
  }

  /** Whether the marketplace said it has no returns since {@code after} (asked again once that is past). */
  public boolean unavailableSince(String channelId, Instant after) {
    return jdbc.sql("select coalesce(bool_or(unavailable and updated_at > ?), false) from return_poll_cursor"
            + " where channel_id = ?")
        .params(Timestamp.from(after), channelId).query(Boolean.class).single();
  }

  public void markUnavailable(String channelId) {
    jdbc.sql("update return_poll_cursor set unavailable = true, updated_at = ? where channel_id = ?")
        .params(Timestamp.from(clock.instant()), channelId).update();
  }

  private OrderReturn map(ResultSet rs, int row) throws SQLException {
    Timestamp updated = rs.getTimestamp("marketplace_updated_at");
    Map<String, Integer> lines = json.readValue(rs.getString("lines"),
        new TypeReference<LinkedHashMap<String, Integer>>() {});
    return new OrderReturn(rs.getObject("id", UUID.class), rs.getObject("synced_order_id", UUID.class),
        rs.getString("channel_id"), rs.getString("marketplace_return_id"),
        OrderReturn.Origin.valueOf(rs.getString("origin")), rs.getString("state"), rs.getString("reason_code"), lines,
        rs.getString("shopify_return_gid"), updated == null ? null : updated.toInstant());
  }
}
