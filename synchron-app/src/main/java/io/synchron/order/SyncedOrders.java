package io.synchron.order;

import java.util.List;
import java.util.Optional;

/**
 * The ledger's repository port. Callers run inside a transaction: {@code lock…} methods take the row lock that
 * serialises changes to one order; {@link #save} writes the order and appends its pending events to the timeline.
 */
public interface SyncedOrders {

  Optional<SyncedOrder> lockByMarketplaceId(String channelId, String marketplaceOrderId);

  Optional<SyncedOrder> lock(SyncedOrderId id);

  Optional<SyncedOrder> find(SyncedOrderId id);

  /** The order a Shopify order was imported from, if Synchron created it. */
  Optional<SyncedOrderId> idByShopifyOrder(String shopifyOrderGid);

  void save(SyncedOrder order);

  /** Line links: which Shopify line item each marketplace line became. */
  void saveLineLinks(SyncedOrderId id, List<LineLink> links);

  List<LineLink> lineLinks(SyncedOrderId id);

  List<TimelineEntry> timeline(SyncedOrderId id);

  /** Orders with something that needs a person (see {@link SyncedOrder#attention()}), newest first. */
  List<SyncedOrder> needingAttention(int limit);

  /** Orders matching the filter (null = any), newest first. */
  List<SyncedOrder> list(Filter filter, int limit, int offset);

  long count(Filter filter);

  record Filter(String channelId, MarketplaceStatus marketplaceStatus, ShopifyStatus shopifyStatus) {
    public static Filter any() {
      return new Filter(null, null, null);
    }
  }

  record LineLink(String marketplaceLineId, String shopifyLineItemId, String sku, int quantity) {}

  record TimelineEntry(java.time.Instant at, OrderEvent.Side side, String type, String message) {}
}
