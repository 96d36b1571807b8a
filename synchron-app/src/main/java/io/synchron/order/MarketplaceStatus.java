package io.synchron.order;

import java.util.EnumSet;
import java.util.Set;

/** Where the order stands on the marketplace side, from Synchron's point of view. */
public enum MarketplaceStatus {
  /** Seen, waiting for acceptance; Synchron is about to decide. */
  NEW,
  /** Waiting for a person: an unknown SKU or short stock. */
  IN_REVIEW,
  /** Acceptance decided, the call to the marketplace is queued. */
  ACCEPTING,
  /** Refusal decided, the call to the marketplace is queued. */
  REFUSING,
  /** Accepted; the marketplace is debiting the customer. */
  ACCEPTED,
  /** Paid and to be shipped; addresses are visible. */
  TO_SHIP,
  SHIPPED,
  CLOSED,
  REFUSED,
  CANCELED;

  private static final Set<MarketplaceStatus> TERMINAL = EnumSet.of(CLOSED, REFUSED, CANCELED);

  /** The allowed-from sets: a status can only be entered from these. */
  Set<MarketplaceStatus> allowedFrom() {
    return switch (this) {
      case NEW -> EnumSet.noneOf(MarketplaceStatus.class);
      case IN_REVIEW -> EnumSet.of(NEW);
      case ACCEPTING, REFUSING -> EnumSet.of(NEW, IN_REVIEW);
      case ACCEPTED -> EnumSet.of(NEW, IN_REVIEW, ACCEPTING, REFUSING);
      case TO_SHIP -> EnumSet.of(NEW, IN_REVIEW, ACCEPTING, REFUSING, ACCEPTED);
      case SHIPPED -> EnumSet.of(NEW, IN_REVIEW, ACCEPTING, REFUSING, ACCEPTED, TO_SHIP);
      case CLOSED -> EnumSet.of(NEW, IN_REVIEW, ACCEPTING, REFUSING, ACCEPTED, TO_SHIP, SHIPPED);
      case REFUSED -> EnumSet.of(NEW, IN_REVIEW, ACCEPTING, REFUSING);
      case CANCELED -> EnumSet.of(NEW, IN_REVIEW, ACCEPTING, REFUSING, ACCEPTED, TO_SHIP);
    };
  }

  public boolean isTerminal() {
    return TERMINAL.contains(this);
  }

  /** The status an observed marketplace state leads to, or null when the state implies no move. */
  static MarketplaceStatus observedAs(MarketplaceState state) {
    return switch (state) {
      case STAGING, WAITING_ACCEPTANCE, UNKNOWN -> null;
      case WAITING_DEBIT, WAITING_DEBIT_PAYMENT -> ACCEPTED;
      case SHIPPING -> TO_SHIP;
      case SHIPPED, TO_COLLECT, RECEIVED -> SHIPPED;
      case CLOSED -> CLOSED;
      case REFUSED -> REFUSED;
      case CANCELED -> CANCELED;
    };
  }
}
