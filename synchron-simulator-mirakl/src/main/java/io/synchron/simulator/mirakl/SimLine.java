package io.synchron.simulator.mirakl;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Mutable state of one simulated order line. Amounts are stored in the order's own tax mode; the
 * renderer converts them when OR11 asks for the other mode. Guarded by the owning {@link
 * OrderBook}.
 */
final class SimLine {
  final String id;
  final int index;
  final long offerId;
  final String offerSku;
  final String title;
  final int quantity;
  final BigDecimal taxRate;
  final BigDecimal unitPrice;
  final BigDecimal unitTax;
  final BigDecimal price;
  final BigDecimal tax;
  final BigDecimal shippingTaxRate;
  final BigDecimal shippingPrice;
  final BigDecimal shippingTax;
  final BigDecimal commissionFee;
  final Instant created;

  String state;
  String reasonCode;
  String reasonLabel;
  Instant lastUpdated;
  Instant debitedDate;
  Cancelation cancelation;

  SimLine(
      String id,
      int index,
      long offerId,
      String offerSku,
      String title,
      int quantity,
      BigDecimal taxRate,
      BigDecimal unitPrice,
      BigDecimal unitTax,
      BigDecimal price,
      BigDecimal tax,
      BigDecimal shippingTaxRate,
      BigDecimal shippingPrice,
      BigDecimal shippingTax,
      BigDecimal commissionFee,
      Instant created) {
    this.id = id;
    this.index = index;
    this.offerId = offerId;
    this.offerSku = offerSku;
    this.title = title;
    this.quantity = quantity;
    this.taxRate = taxRate;
    this.unitPrice = unitPrice;
    this.unitTax = unitTax;
    this.price = price;
    this.tax = tax;
    this.shippingTaxRate = shippingTaxRate;
    this.shippingPrice = shippingPrice;
    this.shippingTax = shippingTax;
    this.commissionFee = commissionFee;
    this.created = created;
    this.lastUpdated = created;
  }

  void moveTo(String newState, String code, String label, Instant now) {
    state = newState;
    reasonCode = code;
    reasonLabel = label;
    lastUpdated = now;
  }

  /** A full cancellation of the line: its whole price and shipping, all of its taxes. */
  record Cancelation(String id, String reasonCode, Instant created) {}
}
