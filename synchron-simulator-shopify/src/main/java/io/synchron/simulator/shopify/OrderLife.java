package io.synchron.simulator.shopify;

import io.synchron.simulator.shopify.ShopState.LineItem;
import io.synchron.simulator.shopify.ShopState.Location;
import io.synchron.simulator.shopify.ShopState.ShippingLine;
import io.synchron.simulator.shopify.ShopState.StoredOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of an order that changes after creation: its timestamps, cancellation, current line
 * quantities, fulfillment orders and fulfillments. Guarded by the {@link ShopState} monitor: every
 * reader and writer holds it. Identity equality on purpose, so that the records holding it never
 * recurse through the order graph.
 */
final class OrderLife {

  static final String SUCCESS = "SUCCESS";
  static final String CANCELLED = "CANCELLED";

  /** The order number ({@code 1001} for {@code #1001}), whatever name the order was given. */
  final long number;

  Instant updatedAt;
  Instant cancelledAt;
  Instant closedAt;
  Cancellation cancellation;
  final List<FulfillmentOrder> fulfillmentOrders = new ArrayList<>();
  final List<Fulfillment> fulfillments = new ArrayList<>();
  final List<Refund> refunds = new ArrayList<>();
  final List<Return> returns = new ArrayList<>();
  private final Map<String, Integer> currentQuantities = new HashMap<>();
  private final Map<String, Integer> refundedFulfilled = new HashMap<>();

  OrderLife(long number, Instant createdAt, List<LineItem> lines) {
    this.number = number;
    this.updatedAt = createdAt;
    for (LineItem line : lines) {
      currentQuantities.put(line.id(), line.quantity());
    }
  }

  /** How an order was cancelled, as asked by {@code orderCancel} or the merchant. */
  record Cancellation(
      String reason,
      boolean restock,
      Boolean refund,
      boolean notifyCustomer,
      String staffNote,
      String jobId) {}

  /** A group of line items fulfilled together from one location. */
  static final class FulfillmentOrder {
    final String id;
    final long legacyId;
    final StoredOrder order;
    final Location location;
    final Instant createdAt;
    Instant updatedAt;
    String status = "OPEN";
    final List<FulfillmentOrderLine> lines = new ArrayList<>();

    FulfillmentOrder(
        String id, long legacyId, StoredOrder order, Location location, Instant createdAt) {
      this.id = id;
      this.legacyId = legacyId;
      this.order = order;
      this.location = location;
      this.createdAt = createdAt;
      this.updatedAt = createdAt;
    }

    boolean fulfillable() {
      return status.equals("OPEN") || status.equals("IN_PROGRESS");
    }

    FulfillmentOrderLine line(String lineId) {
      return lines.stream().filter(l -> l.id.equals(lineId)).findFirst().orElse(null);
    }

    /**
     * OPEN while nothing of it is fulfilled, IN_PROGRESS while some is, CLOSED when none is left.
     */
    void settle(Instant now) {
      int remaining = lines.stream().mapToInt(l -> l.remainingQuantity).sum();
      boolean untouched = lines.stream().allMatch(l -> l.remainingQuantity == l.totalQuantity);
      status = remaining == 0 ? "CLOSED" : untouched ? "OPEN" : "IN_PROGRESS";
      updatedAt = now;
    }
  }

  /** One order line item's share of a fulfillment order. */
  static final class FulfillmentOrderLine {
    final String id;
    final long legacyId;
    final FulfillmentOrder owner;
    final LineItem lineItem;
    int totalQuantity;
    int remainingQuantity;

    FulfillmentOrderLine(
        String id, long legacyId, FulfillmentOrder owner, LineItem lineItem, int quantity) {
      this.id = id;
      this.legacyId = legacyId;
      this.owner = owner;
      this.lineItem = lineItem;
      this.totalQuantity = quantity;
      this.remainingQuantity = quantity;
    }
  }

  /** One shipment. {@code status} is SUCCESS or CANCELLED; {@code displayStatus} follows events. */
  static final class Fulfillment {
    final String id;
    final long legacyId;
    final String name;
    final StoredOrder order;
    final Instant createdAt;
    final List<FulfillmentLine> lines;
    final List<Event> events = new ArrayList<>();
    Instant updatedAt;
    String status = SUCCESS;
    String displayStatus;
    String shipmentStatus;
    Instant inTransitAt;
    Instant deliveredAt;
    Instant estimatedDeliveryAt;
    List<Tracking> tracking;
    boolean notifyCustomer;

    Fulfillment(
        String id,
        long legacyId,
        String name,
        StoredOrder order,
        Instant createdAt,
        List<FulfillmentLine> lines,
        List<Tracking> tracking,
        String displayStatus) {
      this.id = id;
      this.legacyId = legacyId;
      this.name = name;
      this.order = order;
      this.createdAt = createdAt;
      this.updatedAt = createdAt;
      this.lines = List.copyOf(lines);
      this.tracking = List.copyOf(tracking);
      this.displayStatus = displayStatus;
    }

    boolean active() {
      return status.equals(SUCCESS);
    }
  }

  /** Quantity of one fulfillment order line shipped in a fulfillment. */
  record FulfillmentLine(String id, long legacyId, FulfillmentOrderLine orderLine, int quantity) {

    LineItem lineItem() {
      return orderLine.lineItem;
    }
  }

  /** One tracking number with its carrier and URL; any part may be null. */
  record Tracking(String company, String number, String url) {}

  /** A shipment event ({@code FulfillmentEventStatus}). */
  record Event(
      String id,
      String status,
      Instant happenedAt,
      Instant createdAt,
      String message,
      Instant estimatedDeliveryAt) {}

  /**
   * A refund: money back (its transactions), units and shipping taken off the order, maybe
   * restocked, and the order adjustments that account for money the lines and shipping do not.
   */
  static final class Refund {
    final String id;
    final long legacyId;
    final StoredOrder order;
    final Instant createdAt;
    final String note;
    final List<RefundLine> lines;
    final List<RefundShippingLine> shippingLines;
    final List<RefundTransaction> transactions;
    final List<OrderAdjustment> adjustments;
    final boolean notify;

    /** The return this refund was issued for by {@code returnProcess}, or null. */
    final Return returned;

    Refund(
        String id,
        long legacyId,
        StoredOrder order,
        Instant createdAt,
        String note,
        List<RefundLine> lines,
        List<RefundShippingLine> shippingLines,
        List<RefundTransaction> transactions,
        List<OrderAdjustment> adjustments,
        boolean notify,
        Return returned) {
      this.id = id;
      this.legacyId = legacyId;
      this.order = order;
      this.createdAt = createdAt;
      this.note = note;
      this.lines = List.copyOf(lines);
      this.shippingLines = List.copyOf(shippingLines);
      this.transactions = List.copyOf(transactions);
      this.adjustments = List.copyOf(adjustments);
      this.notify = notify;
      this.returned = returned;
    }

    /** The money that went back: the sum of the refund's transactions. */
    BigDecimal totalRefunded() {
      return transactions.stream()
          .map(RefundTransaction::amount)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The shipping refunded (its subtotals; with taxes included, their tax is inside). */
    BigDecimal shipping() {
      return shippingLines.stream()
          .map(RefundShippingLine::subtotal)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    boolean restocked() {
      return lines.stream().anyMatch(RefundLine::restocked);
    }
  }

  /**
   * Units of one line item in a refund.
   *
   * @param restockType {@code RefundLineItemRestockType}: NO_RESTOCK, CANCEL or RETURN
   * @param subtotal the units' price ({@code unitPrice × quantity}; with taxes included, their tax
   *     is inside)
   * @param taxes the refunded part of each of the line item's tax lines, in the same order
   */
  record RefundLine(
      String id,
      long legacyId,
      LineItem lineItem,
      int quantity,
      String restockType,
      Location location,
      BigDecimal subtotal,
      List<BigDecimal> taxes) {

    boolean restocked() {
      return !restockType.equals("NO_RESTOCK");
    }

    BigDecimal totalTax() {
      return taxes.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /**
   * Shipping of one shipping line in a refund.
   *
   * @param subtotal the shipping refunded (tax inside when the order's taxes are included)
   * @param taxes the refunded part of each of the shipping line's tax lines, in the same order
   */
  record RefundShippingLine(
      String id,
      long legacyId,
      ShippingLine shippingLine,
      BigDecimal subtotal,
      List<BigDecimal> taxes) {

    BigDecimal tax() {
      return taxes.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /**
   * An order adjustment of a refund: the difference between the refund's calculated amount (lines
   * and shipping with their taxes) and the money its transactions move.
   *
   * @param amount calculated minus refunded: negative when the transactions move more money
   * @param reason {@code OrderAdjustmentDiscrepancyReason}
   */
  record OrderAdjustment(
      String id, long legacyId, BigDecimal amount, BigDecimal taxAmount, String reason) {}

  /** A REFUND transaction of a refund. */
  record RefundTransaction(
      String id,
      long legacyId,
      BigDecimal amount,
      String kind,
      String gateway,
      String parentId,
      String status,
      Instant createdAt) {}

  /**
   * A return of fulfilled units: OPEN when created, CLOSED when closed or when every unit is
   * processed. It has one reverse fulfillment order at the shop location, one line per return line.
   */
  static final class Return {
    final String id;
    final long legacyId;
    final String name;
    final StoredOrder order;
    final Instant createdAt;
    final List<ReturnLine> lines;
    final String reverseFulfillmentOrderId;
    final long reverseFulfillmentOrderLegacyId;
    final List<Refund> refunds = new ArrayList<>();
    String status = "OPEN";
    Instant closedAt;

    Return(
        String id,
        long legacyId,
        String name,
        StoredOrder order,
        Instant createdAt,
        List<ReturnLine> lines,
        String reverseFulfillmentOrderId,
        long reverseFulfillmentOrderLegacyId) {
      this.id = id;
      this.legacyId = legacyId;
      this.name = name;
      this.order = order;
      this.createdAt = createdAt;
      this.lines = List.copyOf(lines);
      this.reverseFulfillmentOrderId = reverseFulfillmentOrderId;
      this.reverseFulfillmentOrderLegacyId = reverseFulfillmentOrderLegacyId;
    }

    /** {@code ReverseFulfillmentOrderStatus}: OPEN, then CLOSED with the return. */
    String reverseFulfillmentOrderStatus() {
      return switch (status) {
        case "CLOSED" -> "CLOSED";
        case "CANCELED", "DECLINED" -> "CANCELED";
        default -> "OPEN";
      };
    }

    boolean fullyProcessed() {
      return lines.stream().allMatch(l -> l.processedQuantity == l.quantity());
    }

    ReturnLine line(String lineId) {
      return lines.stream().filter(l -> l.id().equals(lineId)).findFirst().orElse(null);
    }

    ReturnLine lineByReverseLine(String reverseLineId) {
      return lines.stream()
          .filter(l -> l.reverseLineId().equals(reverseLineId))
          .findFirst()
          .orElse(null);
    }
  }

  /**
   * Units of one fulfillment line item in a return, with its reverse fulfillment order line and
   * what processing did to them.
   */
  static final class ReturnLine {
    private final String id;
    private final long legacyId;
    private final FulfillmentLine fulfillmentLine;
    private final int quantity;
    private final String returnReason;
    private final String returnReasonNote;
    private final String reverseLineId;
    private final long reverseLineLegacyId;
    int processedQuantity;
    int refundedQuantity;
    final List<Disposition> dispositions = new ArrayList<>();

    /**
     * @param returnReason the deprecated {@code ReturnReason}, {@code UNKNOWN} when not given
     */
    ReturnLine(
        String id,
        long legacyId,
        FulfillmentLine fulfillmentLine,
        int quantity,
        String returnReason,
        String returnReasonNote,
        String reverseLineId,
        long reverseLineLegacyId) {
      this.id = id;
      this.legacyId = legacyId;
      this.fulfillmentLine = fulfillmentLine;
      this.quantity = quantity;
      this.returnReason = returnReason;
      this.returnReasonNote = returnReasonNote;
      this.reverseLineId = reverseLineId;
      this.reverseLineLegacyId = reverseLineLegacyId;
    }

    String id() {
      return id;
    }

    long legacyId() {
      return legacyId;
    }

    FulfillmentLine fulfillmentLine() {
      return fulfillmentLine;
    }

    int quantity() {
      return quantity;
    }

    String returnReason() {
      return returnReason;
    }

    String returnReasonNote() {
      return returnReasonNote;
    }

    String reverseLineId() {
      return reverseLineId;
    }

    long reverseLineLegacyId() {
      return reverseLineLegacyId;
    }

    int unprocessedQuantity() {
      return quantity - processedQuantity;
    }

    /** Units not refunded yet through this return. */
    int refundableQuantity() {
      return quantity - refundedQuantity;
    }

    int disposedQuantity() {
      return dispositions.stream().mapToInt(Disposition::quantity).sum();
    }
  }

  /**
   * What became of returned units ({@code ReverseFulfillmentOrderDispositionType}: RESTOCKED,
   * NOT_RESTOCKED, PROCESSING_REQUIRED, MISSING).
   *
   * @param location where the units went; null unless restocked or given
   */
  record Disposition(
      String id, long legacyId, int quantity, String type, Location location, Instant createdAt) {}

  /** Units of the line taken off by refunds. */
  int refundedQuantity(LineItem line) {
    int refunded = 0;
    for (Refund refund : refunds) {
      for (RefundLine refundLine : refund.lines) {
        if (refundLine.lineItem() == line) {
          refunded += refundLine.quantity();
        }
      }
    }
    return refunded;
  }

  /** Fulfilled units of the line that a refund took back. */
  int refundedFulfilledQuantity(LineItem line) {
    return refundedFulfilled.getOrDefault(line.id(), 0);
  }

  void refundFulfilled(LineItem line, int quantity) {
    refundedFulfilled.merge(line.id(), quantity, Integer::sum);
  }

  /** The money refunded so far. */
  BigDecimal totalRefunded() {
    return refunds.stream().map(Refund::totalRefunded).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The shipping refunded so far. */
  BigDecimal shippingRefunded() {
    return refunds.stream().map(Refund::shipping).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The price of the shipping line refunded so far. */
  BigDecimal shippingRefunded(ShippingLine shippingLine) {
    BigDecimal refunded = BigDecimal.ZERO;
    for (Refund refund : refunds) {
      for (RefundShippingLine line : refund.shippingLines) {
        if (line.shippingLine() == shippingLine) {
          refunded = refunded.add(line.subtotal());
        }
      }
    }
    return refunded;
  }

  /** The shipping line's tax line {@code index} refunded so far. */
  BigDecimal shippingTaxRefunded(ShippingLine shippingLine, int index) {
    BigDecimal refunded = BigDecimal.ZERO;
    for (Refund refund : refunds) {
      for (RefundShippingLine line : refund.shippingLines) {
        if (line.shippingLine() == shippingLine) {
          refunded = refunded.add(line.taxes().get(index));
        }
      }
    }
    return refunded;
  }

  /** The line's tax line {@code index} refunded so far. */
  BigDecimal taxRefunded(LineItem line, int index) {
    BigDecimal refunded = BigDecimal.ZERO;
    for (Refund refund : refunds) {
      for (RefundLine refundLine : refund.lines) {
        if (refundLine.lineItem() == line) {
          refunded = refunded.add(refundLine.taxes().get(index));
        }
      }
    }
    return refunded;
  }

  /**
   * {@code OrderDisplayFinancialStatus}: the status the order was created with until money is
   * refunded, then PARTIALLY_REFUNDED, and REFUNDED once everything {@code paid} went back.
   */
  String financialStatus(String created, BigDecimal paid) {
    BigDecimal refunded = totalRefunded();
    if (refunded.signum() <= 0) {
      return created;
    }
    return refunded.compareTo(paid) >= 0 ? "REFUNDED" : "PARTIALLY_REFUNDED";
  }

  int currentQuantity(LineItem line) {
    return currentQuantities.getOrDefault(line.id(), line.quantity());
  }

  void currentQuantity(LineItem line, int quantity) {
    currentQuantities.put(line.id(), quantity);
  }

  /** Units of the line in fulfillments that were not cancelled. */
  int fulfilledQuantity(LineItem line) {
    int fulfilled = 0;
    for (Fulfillment fulfillment : fulfillments) {
      if (fulfillment.active()) {
        for (FulfillmentLine shipped : fulfillment.lines) {
          if (shipped.lineItem() == line) {
            fulfilled += shipped.quantity();
          }
        }
      }
    }
    return fulfilled;
  }

  /** Units still to ship; refunded fulfilled units left the current quantity already. */
  int unfulfilledQuantity(LineItem line) {
    return Math.max(
        0, currentQuantity(line) - fulfilledQuantity(line) + refundedFulfilledQuantity(line));
  }

  boolean cancelled() {
    return cancelledAt != null;
  }

  /** {@code OrderDisplayFulfillmentStatus}: UNFULFILLED, PARTIALLY_FULFILLED or FULFILLED. */
  String displayFulfillmentStatus(List<LineItem> lines) {
    int fulfilled = 0;
    int unfulfilled = 0;
    for (LineItem line : lines) {
      fulfilled += fulfilledQuantity(line);
      unfulfilled += unfulfilledQuantity(line);
    }
    if (fulfilled == 0) {
      return "UNFULFILLED";
    }
    return unfulfilled == 0 ? "FULFILLED" : "PARTIALLY_FULFILLED";
  }
}
