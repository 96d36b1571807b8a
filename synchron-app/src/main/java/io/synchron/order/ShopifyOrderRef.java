package io.synchron.order;

import java.util.Objects;

/** The Shopify order a marketplace order became: its GraphQL id and its name (#1001). */
public record ShopifyOrderRef(String gid, String name) {
  public ShopifyOrderRef {
    Objects.requireNonNull(gid);
  }
}
