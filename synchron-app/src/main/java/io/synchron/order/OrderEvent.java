package io.synchron.order;

/**
 * Something that happened to an order, past tense. Every event becomes an entry on the order's timeline, with the
 * side it happened on.
 */
public record OrderEvent(Side side, String type, String message) {

  /** Which system an event concerns. */
  public enum Side {
    MARKETPLACE,
    SHOPIFY,
    SYNCHRON
  }

  static OrderEvent marketplace(String type, String message) {
    return new OrderEvent(Side.MARKETPLACE, type, message);
  }

  static OrderEvent shopify(String type, String message) {
    return new OrderEvent(Side.SHOPIFY, type, message);
  }

  static OrderEvent synchron(String type, String message) {
    return new OrderEvent(Side.SYNCHRON, type, message);
  }
}
