package io.synchron.simulator.mirakl;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Mutable state of one shipment of the multi-shipment API. Guarded by the {@link OrderBook}. */
final class SimShipment {
  final String id;
  final String orderId;
  final Map<String, Integer> lines;
  final Instant created;
  final String invoiceReference;
  String status = "SHIPPING";
  SimOrder.Tracking tracking;
  Instant lastUpdated;
  Instant shippedDate;

  SimShipment(
      String id,
      String orderId,
      Map<String, Integer> lines,
      SimOrder.Tracking tracking,
      String invoiceReference,
      Instant created) {
    this.id = id;
    this.orderId = orderId;
    this.lines = new LinkedHashMap<>(lines);
    this.tracking = tracking;
    this.invoiceReference = invoiceReference;
    this.created = created;
    this.lastUpdated = created;
  }
}
