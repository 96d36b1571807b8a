package io.synchron.order;

import java.util.Arrays;

/**
 * The order states a marketplace reports. Marketplaces add states over time (Mirakl says so): anything unknown maps
 * to {@link #UNKNOWN} and the raw value is kept beside it, never a failure.
 */
public enum MarketplaceState {
  STAGING,
  WAITING_ACCEPTANCE,
  WAITING_DEBIT,
  WAITING_DEBIT_PAYMENT,
  SHIPPING,
  SHIPPED,
  TO_COLLECT,
  RECEIVED,
  CLOSED,
  REFUSED,
  CANCELED,
  UNKNOWN;

  public static MarketplaceState parse(String raw) {
    if (raw == null) {
      return UNKNOWN;
    }
    return Arrays.stream(values()).filter(s -> s.name().equals(raw)).findFirst().orElse(UNKNOWN);
  }
}
