package io.synchron.order;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One Shopify fulfilment of an imported order (whoever made it: the merchant, a warehouse app, a 3PL) and what the
 * marketplace has been told about it. Lines are marketplace line ids with the quantity this shipment carries.
 */
public record Shipment(
    UUID id,
    SyncedOrderId orderId,
    String fulfillmentGid,
    Status status,
    String displayStatus,
    Tracking tracking,
    Map<String, Integer> lines,
    String marketplaceShipmentId,
    String pushedTracking,
    Instant shopifyUpdatedAt) {

  public Shipment {
    Objects.requireNonNull(fulfillmentGid);
    lines = Map.copyOf(lines);
  }

  /** What the marketplace knows of a shipment. */
  public enum Status {
    /** Seen in Shopify; the marketplace is to be told. */
    TO_PUSH,
    /** A partial shipment on a marketplace that takes one shipment per order: sent once every line has shipped. */
    WAITING_FOR_OTHER_LINES,
    /** The marketplace has the tracking and the shipment is validated. */
    PUSHED,
    /** Cancelled in Shopify. */
    CANCELLED
  }

  /** The carrier as Shopify names it, the tracking number and the tracking URL; any may be absent. */
  public record Tracking(String company, String number, String url) {
    /** A stable text of the tracking, to tell a correction from a repeat. */
    public String fingerprint() {
      return String.valueOf(company) + "|" + number + "|" + url;
    }
  }

  public Shipment withStatus(Status newStatus) {
    return new Shipment(id, orderId, fulfillmentGid, newStatus, displayStatus, tracking, lines,
        marketplaceShipmentId, pushedTracking, shopifyUpdatedAt);
  }

  public Shipment pushed(String marketplaceId, String trackingPushed) {
    return new Shipment(id, orderId, fulfillmentGid, Status.PUSHED, displayStatus, tracking, lines,
        marketplaceId == null ? marketplaceShipmentId : marketplaceId, trackingPushed, shopifyUpdatedAt);
  }

  /** Whether the tracking changed since it was sent to the marketplace. */
  public boolean trackingCorrected() {
    return status == Status.PUSHED && pushedTracking != null && !pushedTracking.equals(tracking.fingerprint());
  }
}
