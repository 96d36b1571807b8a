package io.synchron.refunds;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A return and its two sides: the marketplace's return (Mirakl RT*, its state kept raw) and the Shopify return
 * Synchron opened for it, or that a person opened in Shopify and Synchron created on the marketplace.
 */
public record OrderReturn(
    UUID id,
    UUID syncedOrderId,
    String channelId,
    String marketplaceReturnId,
    Origin origin,
    String state,
    String reasonCode,
    Map<String, Integer> lines,
    String shopifyReturnGid,
    Instant marketplaceUpdatedAt) {

  public OrderReturn {
    Objects.requireNonNull(id);
    Objects.requireNonNull(syncedOrderId);
    Objects.requireNonNull(origin);
    Objects.requireNonNull(state);
    lines = lines == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lines));
  }

  /** Where the return was asked for first. */
  public enum Origin {
    MARKETPLACE,
    SHOPIFY
  }

  /** Not created on the marketplace yet (a Shopify return on its way there). */
  public static final String CREATING = "CREATING";

  public OrderReturn withState(String newState, Instant updatedAt) {
    return new OrderReturn(id, syncedOrderId, channelId, marketplaceReturnId, origin, newState, reasonCode, lines,
        shopifyReturnGid, updatedAt == null ? marketplaceUpdatedAt : updatedAt);
  }

  public OrderReturn withShopifyReturn(String gid) {
    return new OrderReturn(id, syncedOrderId, channelId, marketplaceReturnId, origin, state, reasonCode, lines, gid,
        marketplaceUpdatedAt);
  }

  public OrderReturn created(String returnId, String newState, Instant updatedAt) {
    return new OrderReturn(id, syncedOrderId, channelId, returnId, origin, newState, reasonCode, lines,
        shopifyReturnGid, updatedAt);
  }
}
