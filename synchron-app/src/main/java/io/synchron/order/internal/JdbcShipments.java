package io.synchron.order.internal;

import io.synchron.order.Shipment;
import io.synchron.order.Shipments;
import io.synchron.order.SyncedOrderId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcShipments implements Shipments {

  private static final String COLUMNS =
      "id, synced_order_id, shopify_fulfillment_gid, status, display_status, tracking_company, tracking_number,"
          + " tracking_url, lines::text as lines, marketplace_shipment_id, pushed_tracking, shopify_updated_at";

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;

  JdbcShipments(JdbcClient jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public Optional<Shipment> byFulfillment(String fulfillmentGid) {
    return jdbc.sql("select " + COLUMNS + " from shipment where shopify_fulfillment_gid = ?")
        .params(fulfillmentGid)
        .query(this::map)
        .optional();
  }

  @Override
  public List<Shipment> ofOrder(SyncedOrderId orderId) {
    return jdbc.sql("select " + COLUMNS + " from shipment where synced_order_id = ? order by created_at, id")
        .params(orderId.value())
        .query(this::map)
        .list();
  }

  @Override
  public void save(Shipment s) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            "insert into shipment (id, synced_order_id, shopify_fulfillment_gid, status, display_status,"
                + " tracking_company, tracking_number, tracking_url, lines, marketplace_shipment_id, pushed_tracking,"
                + " shopify_updated_at, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)"
                + " on conflict (shopify_fulfillment_gid) do update set status = excluded.status,"
                + " display_status = excluded.display_status, tracking_company = excluded.tracking_company,"
                + " tracking_number = excluded.tracking_number, tracking_url = excluded.tracking_url,"
                + " lines = excluded.lines, marketplace_shipment_id = excluded.marketplace_shipment_id,"
                + " pushed_tracking = excluded.pushed_tracking, shopify_updated_at = excluded.shopify_updated_at,"
                + " updated_at = excluded.updated_at")
        .params(
            s.id(),
            s.orderId().value(),
            s.fulfillmentGid(),
            s.status().name(),
            s.displayStatus(),
            s.tracking().company(),
            s.tracking().number(),
            s.tracking().url(),
            json.writeValueAsString(s.lines()),
            s.marketplaceShipmentId(),
            s.pushedTracking(),
            s.shopifyUpdatedAt() == null ? null : Timestamp.from(s.shopifyUpdatedAt()),
            now,
            now)
        .update();
  }

  private Shipment map(ResultSet rs, int row) throws SQLException {
    Map<String, Integer> lines =
        new LinkedHashMap<>(json.readValue(rs.getString("lines"), new TypeReference<Map<String, Integer>>() {}));
    Timestamp updated = rs.getTimestamp("shopify_updated_at");
    return new Shipment(
        rs.getObject("id", UUID.class),
        new SyncedOrderId(rs.getObject("synced_order_id", UUID.class)),
        rs.getString("shopify_fulfillment_gid"),
        Shipment.Status.valueOf(rs.getString("status")),
        rs.getString("display_status"),
        new Shipment.Tracking(
            rs.getString("tracking_company"), rs.getString("tracking_number"), rs.getString("tracking_url")),
        lines,
        rs.getString("marketplace_shipment_id"),
        rs.getString("pushed_tracking"),
        updated == null ? null : updated.toInstant());
  }
}
