package io.synchron.simulator.mirakl;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
  Instant shippedDate;
  Instant receivedDate;

  /**
   * While the line is INCIDENT_OPEN, the state it goes back to when the incident is resolved: the
   * state it had when the incident was opened, moved on by the order's own transitions meanwhile.
   */
  String stateBeforeIncident;

  final List<Cancelation> cancelations = new ArrayList<>();
  final List<Refund> refunds = new ArrayList<>();

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

  boolean active() {
    return !state.equals("REFUSED") && !state.equals("CANCELED");
  }

  int canceledQuantity() {
    return cancelations.stream().mapToInt(Cancelation::quantity).sum();
  }

  /** What is taken back from the line so far, by cancellations and refunds, in native mode. */
  Adjustment.Totals adjusted() {
    Adjustment.Totals totals = Adjustment.Totals.zero();
    for (Cancelation cancelation : cancelations) {
      totals = totals.plus(cancelation.amounts());
    }
    for (Refund refund : refunds) {
      totals = totals.plus(refund.amounts);
    }
    return totals;
  }

  /** What is canceled on the line so far, in native mode. */
  Adjustment.Totals canceled() {
    Adjustment.Totals totals = Adjustment.Totals.zero();
    for (Cancelation cancelation : cancelations) {
      totals = totals.plus(cancelation.amounts());
    }
    return totals;
  }

  /** What the line costs: its price, shipping and their taxes, in native mode. */
  Adjustment.Totals paid() {
    return new Adjustment.Totals(price, tax, shippingPrice, shippingTax);
  }

  /** One cancellation of (part of) the line; amounts in the order's native tax mode. */
  record Cancelation(
      String id,
      String reasonCode,
      int quantity,
      Adjustment.Totals amounts,
      BigDecimal commission,
      Instant created) {}

  /** One refund of (part of) the line; amounts in the order's native tax mode. */
  static final class Refund {
    final String id;
    final String orderRefundId;
    final String reasonCode;
    final int quantity;
    final Adjustment.Totals amounts;
    final BigDecimal commission;
    final Instant created;
    String state = "WAITING_REFUND";
    Instant transactionDate;
    String transactionNumber;

    Refund(
        String id,
        String orderRefundId,
        String reasonCode,
        int quantity,
        Adjustment.Totals amounts,
        BigDecimal commission,
        Instant created) {
      this.id = id;
      this.orderRefundId = orderRefundId;
      this.reasonCode = reasonCode;
      this.quantity = quantity;
      this.amounts = amounts;
      this.commission = commission;
      this.created = created;
    }
  }
}
