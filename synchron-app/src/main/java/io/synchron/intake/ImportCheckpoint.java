package io.synchron.intake;

/**
 * A seam between the Shopify call that creates an order and the transaction that records it, for fault-injection
 * tests that kill a worker exactly there. Production has no implementation.
 */
public interface ImportCheckpoint {
  void afterShopifyCreate(String marketplaceOrderId, String shopifyOrderGid);
}
