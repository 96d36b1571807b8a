package io.synchron.order;

import java.util.EnumSet;
import java.util.Set;

/** Where the order stands on the Shopify side. */
public enum ShopifyStatus {
  NOT_IMPORTED,
  /** The import into Shopify is queued (the order is paid on the marketplace). */
  IMPORT_QUEUED,
  IMPORTED,
  /** Never to be imported: refused or cancelled before it was paid. */
  NOT_REQUIRED;

  Set<ShopifyStatus> allowedFrom() {
    return switch (this) {
      case NOT_IMPORTED -> EnumSet.noneOf(ShopifyStatus.class);
      case IMPORT_QUEUED -> EnumSet.of(NOT_IMPORTED);
      case IMPORTED -> EnumSet.of(NOT_IMPORTED, IMPORT_QUEUED, NOT_REQUIRED);
      case NOT_REQUIRED -> EnumSet.of(NOT_IMPORTED, IMPORT_QUEUED);
    };
  }
}
