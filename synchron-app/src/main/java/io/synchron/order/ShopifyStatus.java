package io.synchron.order;

import java.util.EnumSet;
import java.util.Set;

/** Where the order stands on the Shopify side. */
public enum ShopifyStatus {
  NOT_IMPORTED,
  /** The import into Shopify is queued (the order is paid on the marketplace). */
  IMPORT_QUEUED,
  IMPORTED,
  /** Some lines fulfilled in Shopify. */
  PARTIALLY_FULFILLED,
  /** Every line fulfilled in Shopify. */
  FULFILLED,
  /** Cancelled in Shopify (by a person, or by Synchron following the marketplace). */
  CANCELLED,
  /** Never to be imported: refused or cancelled before it was paid. */
  NOT_REQUIRED;

  /** Whether the Shopify order exists. */
  public boolean exists() {
    return this == IMPORTED || this == PARTIALLY_FULFILLED || this == FULFILLED || this == CANCELLED;
  }

  Set<ShopifyStatus> allowedFrom() {
    return switch (this) {
      case NOT_IMPORTED -> EnumSet.noneOf(ShopifyStatus.class);
      case IMPORT_QUEUED -> EnumSet.of(NOT_IMPORTED);
      case IMPORTED -> EnumSet.of(NOT_IMPORTED, IMPORT_QUEUED, NOT_REQUIRED);
      // A fulfilment cancelled in Shopify takes an order back from fulfilled to partly fulfilled.
      case PARTIALLY_FULFILLED -> EnumSet.of(IMPORTED, FULFILLED);
      case FULFILLED -> EnumSet.of(IMPORTED, PARTIALLY_FULFILLED);
      case CANCELLED -> EnumSet.of(IMPORTED, PARTIALLY_FULFILLED, FULFILLED);
      case NOT_REQUIRED -> EnumSet.of(NOT_IMPORTED, IMPORT_QUEUED);
    };
  }
}
