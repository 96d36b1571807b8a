package io.synchron.order;

import java.util.List;
import java.util.Optional;

/** Storage of shipments; callers run inside a transaction holding the order's row lock. */
public interface Shipments {

  Optional<Shipment> byFulfillment(String fulfillmentGid);

  List<Shipment> ofOrder(SyncedOrderId orderId);

  /** Inserts or replaces the shipment with this fulfilment id. */
  void save(Shipment shipment);
}
