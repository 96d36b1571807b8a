package io.synchron.refunds;

import io.synchron.order.SyncedOrderId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The ledger of refunds carried between Shopify and the marketplace. */
@Repository
public class RefundTransfers {

  private static final String COLUMNS = "id, synced_order_id, direction, shopify_refund_gid, marketplace_refund_ids,"
      + " state, figures::text as figures, known_refund_ids, attempted_at, money, currency, message";

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;

  RefundTransfers(JdbcClient jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  public List<RefundTransfer> ofOrder(SyncedOrderId orderId) {
    return jdbc.sql("select " + COLUMNS + " from refund_transfer where synced_order_id = ? order by created_at, id")
        .params(orderId.value())
        .query(this::map)
        .list();
  }

  public Optional<RefundTransfer> ofShopifyRefund(SyncedOrderId orderId, String shopifyRefundGid) {
    return jdbc.sql("select " + COLUMNS + " from refund_transfer where synced_order_id = ? and shopify_refund_gid = ?"
            + " order by direction limit 1")
        .params(orderId.value(), shopifyRefundGid)
        .query(this::map)
        .optional();
  }

  /** The marketplace refund ids that Synchron created itself from Shopify refunds. */
  public Set<String> marketplaceRefundsSentFromShopify(SyncedOrderId orderId) {
    return ofOrder(orderId).stream()
        .filter(t -> t.direction() == RefundTransfer.Direction.SHOPIFY_TO_MARKETPLACE)
        .flatMap(t -> t.marketplaceRefundIds().stream())
        .collect(Collectors.toSet());
  }

  /** Records a new transfer; a transfer of the same refund already recorded is kept as it is. */
  public boolean insertIfAbsent(RefundTransfer t) {
    Timestamp now = Timestamp.from(clock.instant());
    return jdbc.sql("insert into refund_transfer (id, synced_order_id, direction, shopify_refund_gid,"
            + " marketplace_refund_ids, state, figures, known_refund_ids, attempted_at, money, currency, message,"
            + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
        .params(t.id(), t.syncedOrderId(), t.direction().name(), t.shopifyRefundGid(),
            String.join(",", t.marketplaceRefundIds()), t.state().name(), figures(t), known(t),
            t.attemptedAt() == null ? null : Timestamp.from(t.attemptedAt()), t.money(), t.currency(), t.message(),
            now, now)
        .update() > 0;
  }

  public void update(RefundTransfer t) {
    jdbc.sql("update refund_transfer set shopify_refund_gid = ?, marketplace_refund_ids = ?, state = ?,"
            + " figures = ?::jsonb, known_refund_ids = ?, attempted_at = ?, money = ?, message = ?, updated_at = ?"
            + " where id = ?")
        .params(t.shopifyRefundGid(), String.join(",", t.marketplaceRefundIds()), t.state().name(), figures(t),
            known(t), t.attemptedAt() == null ? null : Timestamp.from(t.attemptedAt()), t.money(), t.message(),
            Timestamp.from(clock.instant()), t.id())
        .update();
  }

  /** Orders with refunds on either side, for the consistency check, oldest change first. */
  public List<UUID> ordersWithTransfers(int limit) {
    return jdbc.sql("select synced_order_id from refund_transfer group by synced_order_id"
            + " order by max(updated_at) limit ?")
        .params(limit)
        .query((rs, n) -> rs.getObject(1, UUID.class))
        .list();
  }

  private String figures(RefundTransfer t) {
    return t.figures() == null ? null : json.writeValueAsString(t.figures());
  }

  private static String known(RefundTransfer t) {
    return t.knownRefundIds() == null ? null : String.join(",", t.knownRefundIds());
  }

  private RefundTransfer map(ResultSet rs, int row) throws SQLException {
    String figures = rs.getString("figures");
    String known = rs.getString("known_refund_ids");
    Timestamp attempted = rs.getTimestamp("attempted_at");
    BigDecimal money = rs.getBigDecimal("money");
    return new RefundTransfer(
        rs.getObject("id", UUID.class),
        rs.getObject("synced_order_id", UUID.class),
        RefundTransfer.Direction.valueOf(rs.getString("direction")),
        rs.getString("shopify_refund_gid"),
        split(rs.getString("marketplace_refund_ids")),
        RefundTransfer.State.valueOf(rs.getString("state")),
        figures == null ? null : json.readValue(figures, RefundSplit.StoreRefund.class),
        known == null ? null : split(known),
        attempted == null ? null : attempted.toInstant(),
        money == null ? null : money.stripTrailingZeros(),
        rs.getString("currency"),
        rs.getString("message"));
  }

  private static List<String> split(String ids) {
    if (ids == null || ids.isEmpty()) {
      return List.of();
    }
    return Arrays.asList(ids.split(","));
  }
}
