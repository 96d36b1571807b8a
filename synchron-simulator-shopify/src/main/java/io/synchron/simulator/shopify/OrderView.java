package io.synchron.simulator.shopify;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of an order held by the simulator.
 *
 * @param metafields values keyed by {@code "namespace.key"}
 * @param inventoryBehaviour the {@code OrderCreateInputsInventoryBehavior} the order was created
 *     with
 * @param input the {@code orderCreate} {@code order} argument exactly as received (variables map or
 *     literal), unmodifiable
 */
public record OrderView(
    String id,
    String name,
    String sourceIdentifier,
    List<String> tags,
    String currencyCode,
    List<LineView> lineItems,
    Map<String, String> metafields,
    String inventoryBehaviour,
    Map<String, Object> input,
    Instant createdAt) {

  /**
   * One line item of an order.
   *
   * @param variantId the bound variant's gid, or null for a custom line
   * @param unitPrice the original unit price in shop currency
   */
  public record LineView(
      String id, String variantId, String sku, int quantity, BigDecimal unitPrice) {}
}
