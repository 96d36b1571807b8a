package io.synchron.simulator.shopify;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of an order held by the simulator.
 *
 * @param metafields values keyed by {@code "namespace.key"}
 * @param inventoryBehaviour the {@code OrderCreateInputsInventoryBehavior} the order was created
 *     with
 * @param input the {@code orderCreate} {@code order} argument exactly as received (variables map or
 *     literal), unmodifiable
 * @param cancelledAt null while the order is not cancelled
 * @param fulfillments every fulfillment, cancelled ones included, oldest first
 * @param fulfillmentOrders every fulfillment order, oldest first
 * @param cancellation how the order was cancelled, or null
 * @param updatedAt the last change to the order (whole seconds)
 * @param displayFulfillmentStatus {@code UNFULFILLED}, {@code PARTIALLY_FULFILLED} or {@code
 *     FULFILLED}
 * @param refunds every refund, oldest first
 * @param returns every return, oldest first
 * @param displayFinancialStatus {@code OrderDisplayFinancialStatus}: as created until money is
 *     refunded, then {@code PARTIALLY_REFUNDED} and {@code REFUNDED}
 * @param totalRefunded the money refunded so far, in the order's currency
 */
public record OrderView(
    String id,
    String name,
    String sourceIdentifier,
    List<String> tags,
    String currencyCode,
    List<LineView> lineItems,
    Map<String, String> metafields,
    String inventoryBehaviour,
    Map<String, Object> input,
    Instant createdAt,
    Instant cancelledAt,
    List<FulfillmentView> fulfillments,
    List<FulfillmentOrderView> fulfillmentOrders,
    CancellationView cancellation,
    Instant updatedAt,
    String displayFulfillmentStatus,
    List<RefundView> refunds,
    List<ReturnView> returns,
    String displayFinancialStatus,
    BigDecimal totalRefunded) {

  /** The components of the first version: no refunds or returns, as created. */
  public OrderView(
      String id,
      String name,
      String sourceIdentifier,
      List<String> tags,
      String currencyCode,
      List<LineView> lineItems,
      Map<String, String> metafields,
      String inventoryBehaviour,
      Map<String, Object> input,
      Instant createdAt,
      Instant cancelledAt,
      List<FulfillmentView> fulfillments,
      List<FulfillmentOrderView> fulfillmentOrders,
      CancellationView cancellation,
      Instant updatedAt,
      String displayFulfillmentStatus) {
    this(
        id,
        name,
        sourceIdentifier,
        tags,
        currencyCode,
        lineItems,
        metafields,
        inventoryBehaviour,
        input,
        createdAt,
        cancelledAt,
        fulfillments,
        fulfillmentOrders,
        cancellation,
        updatedAt,
        displayFulfillmentStatus,
        List.of(),
        List.of(),
        null,
        BigDecimal.ZERO);
  }

  /**
   * A refund.
   *
   * @param totalRefunded the money of its transactions
   * @param shipping the shipping refunded (the refund shipping lines' subtotals)
   * @param lines the refunded units per line
   * @param shippingLines the refunded shipping per shipping line, with its tax
   * @param adjustments the order adjustments (refund discrepancies) of the refund
   * @param returnId the return the refund was issued for by {@code returnProcess}, or null
   */
  public record RefundView(
      String id,
      Instant createdAt,
      String note,
      BigDecimal totalRefunded,
      BigDecimal shipping,
      List<RefundLineView> lines,
      List<RefundShippingLineView> shippingLines,
      List<OrderAdjustmentView> adjustments,
      String returnId) {

    /** The components of the first version: no shipping lines, adjustments or return. */
    public RefundView(
        String id,
        Instant createdAt,
        String note,
        BigDecimal totalRefunded,
        BigDecimal shipping,
        List<RefundLineView> lines) {
      this(id, createdAt, note, totalRefunded, shipping, lines, List.of(), List.of(), null);
    }

    /** The tax refunded on lines and shipping. */
    public BigDecimal totalTax() {
      BigDecimal tax = BigDecimal.ZERO;
      for (RefundLineView line : lines) {
        tax = tax.add(line.totalTax());
      }
      for (RefundShippingLineView line : shippingLines) {
        tax = tax.add(line.tax());
      }
      return tax;
    }
  }

  /**
   * Units of one order line in a refund.
   *
   * @param restockType {@code NO_RESTOCK}, {@code CANCEL} or {@code RETURN}
   * @param subtotal the units' price ({@code unitPrice × quantity}; tax inside when the order's
   *     taxes are included)
   * @param totalTax the units' share of the line's taxes
   */
  public record RefundLineView(
      String id,
      String lineItemId,
      String sku,
      int quantity,
      String restockType,
      BigDecimal subtotal,
      BigDecimal totalTax) {

    /** The components of the first version: no tax. */
    public RefundLineView(
        String id,
        String lineItemId,
        String sku,
        int quantity,
        String restockType,
        BigDecimal subtotal) {
      this(id, lineItemId, sku, quantity, restockType, subtotal, BigDecimal.ZERO);
    }
  }

  /**
   * Shipping of one shipping line in a refund.
   *
   * @param subtotal the shipping refunded (tax inside when the order's taxes are included)
   * @param tax the shipping line's taxes prorated to {@code subtotal}
   */
  public record RefundShippingLineView(
      String id, String shippingLineId, String title, BigDecimal subtotal, BigDecimal tax) {}

  /**
   * An order adjustment of a refund.
   *
   * @param amount the refund's calculated amount minus the money its transactions moved: negative
   *     when more money went back than its lines and shipping account for
   * @param reason {@code OrderAdjustmentDiscrepancyReason}, e.g. {@code REFUND_DISCREPANCY}
   */
  public record OrderAdjustmentView(String id, BigDecimal amount, String reason) {}

  /**
   * A return.
   *
   * @param status {@code ReturnStatus}: {@code OPEN} or {@code CLOSED}
   * @param refundIds the refunds {@code returnProcess} issued for it, oldest first
   */
  public record ReturnView(
      String id,
      String name,
      String status,
      Instant createdAt,
      Instant closedAt,
      List<ReturnLineView> lines,
      List<String> refundIds) {

    /** The components of the first version: no refunds. */
    public ReturnView(
        String id,
        String name,
        String status,
        Instant createdAt,
        Instant closedAt,
        List<ReturnLineView> lines) {
      this(id, name, status, createdAt, closedAt, lines, List.of());
    }
  }

  /**
   * Units of one fulfillment line in a return.
   *
   * @param fulfillmentLineItemId the {@code FulfillmentLineItem} gid
   * @param processedQuantity units {@code returnProcess} confirmed
   * @param refundedQuantity units refunded through the return
   * @param reverseFulfillmentOrderLineItemId the line's {@code ReverseFulfillmentOrderLineItem}
   *     gid, which dispositions name
   * @param dispositions what became of processed units, oldest first
   */
  public record ReturnLineView(
      String id,
      String fulfillmentLineItemId,
      String sku,
      int quantity,
      String returnReason,
      int processedQuantity,
      int refundedQuantity,
      String reverseFulfillmentOrderLineItemId,
      List<DispositionView> dispositions) {

    /** The components of the first version: nothing processed. */
    public ReturnLineView(
        String id, String fulfillmentLineItemId, String sku, int quantity, String returnReason) {
      this(id, fulfillmentLineItemId, sku, quantity, returnReason, 0, 0, null, List.of());
    }

    public int unprocessedQuantity() {
      return quantity - processedQuantity;
    }
  }

  /**
   * A disposition of returned units.
   *
   * @param type {@code ReverseFulfillmentOrderDispositionType}: {@code RESTOCKED}, {@code
   *     NOT_RESTOCKED}, {@code PROCESSING_REQUIRED} or {@code MISSING}
   * @param locationId the location's gid, or null
   */
  public record DispositionView(String id, int quantity, String type, String locationId) {}

  /**
   * One line item of an order.
   *
   * @param variantId the bound variant's gid, or null for a custom line
   * @param unitPrice the original unit price in shop currency
   * @param currentQuantity the quantity less removed and cancelled units
   * @param totalTax the line's taxes for all its units (its own tax lines and its share of the
   *     order's)
   */
  public record LineView(
      String id,
      String variantId,
      String sku,
      int quantity,
      BigDecimal unitPrice,
      int currentQuantity,
      BigDecimal totalTax) {

    /** The components of the first version: no tax. */
    public LineView(
        String id,
        String variantId,
        String sku,
        int quantity,
        BigDecimal unitPrice,
        int currentQuantity) {
      this(id, variantId, sku, quantity, unitPrice, currentQuantity, BigDecimal.ZERO);
    }
  }

  /**
   * One shipment.
   *
   * @param status {@code FulfillmentStatus}: {@code SUCCESS} or {@code CANCELLED}
   * @param displayStatus {@code FulfillmentDisplayStatus}, following the shipment events
   * @param tracking one entry per tracking number (or one with the company alone)
   */
  public record FulfillmentView(
      String id,
      String name,
      String status,
      String displayStatus,
      List<TrackingView> tracking,
      List<FulfilledLineView> lines,
      Instant createdAt,
      Instant updatedAt,
      Instant inTransitAt,
      Instant deliveredAt) {}

  /** A tracking number with its carrier and URL; any part may be null. */
  public record TrackingView(String company, String number, String url) {}

  /**
   * Units of one order line in a fulfillment.
   *
   * @param id the {@code FulfillmentLineItem} gid
   * @param lineItemId the order's {@code LineItem} gid
   */
  public record FulfilledLineView(String id, String lineItemId, String sku, int quantity) {}

  /**
   * A fulfillment order.
   *
   * @param status {@code FulfillmentOrderStatus}: {@code OPEN}, {@code IN_PROGRESS}, {@code CLOSED}
   */
  public record FulfillmentOrderView(
      String id, String status, String locationId, List<FulfillmentOrderLineView> lines) {}

  /**
   * One line of a fulfillment order.
   *
   * @param id the {@code FulfillmentOrderLineItem} gid
   * @param lineItemId the order's {@code LineItem} gid
   */
  public record FulfillmentOrderLineView(
      String id, String lineItemId, String sku, int totalQuantity, int remainingQuantity) {}

  /**
   * How the order was cancelled.
   *
   * @param reason {@code OrderCancelReason}
   * @param refund the {@code refund} flag as asked (null when not given)
   * @param jobId the {@code Job} gid {@code orderCancel} answered with
   */
  public record CancellationView(
      String reason,
      boolean restock,
      Boolean refund,
      boolean notifyCustomer,
      String staffNote,
      String jobId) {}
}
