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

  /**
   * How far along the lifecycle a state is, to order two snapshots that carry the same update time; -1 for
   * UNKNOWN, which never outranks a known state.
   */
  int progress() {
    return switch (this) {
      case STAGING -> 0;
      case WAITING_ACCEPTANCE -> 1;
      case WAITING_DEBIT -> 2;
      case WAITING_DEBIT_PAYMENT -> 3;
      case SHIPPING -> 4;
      case SHIPPED, TO_COLLECT -> 5;
      case RECEIVED -> 6;
      case CLOSED, REFUSED, CANCELED -> 7;
      case UNKNOWN -> -1;
    };
  }

  public static MarketplaceState parse(String raw) {
    if (raw == null) {
      return UNKNOWN;
    }
    return Arrays.stream(values()).filter(s -> s.name().equals(raw)).findFirst().orElse(UNKNOWN);
  }
}
