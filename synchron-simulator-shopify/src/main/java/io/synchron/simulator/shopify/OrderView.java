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
   * @param shipping the shipping refunded
   * @param lines the refunded units per line
   */
  public record RefundView(
      String id,
      Instant createdAt,
      String note,
      BigDecimal totalRefunded,
      BigDecimal shipping,
      List<RefundLineView> lines) {}

  /**
   * Units of one order line in a refund.
   *
   * @param restockType {@code NO_RESTOCK}, {@code CANCEL} or {@code RETURN}
   * @param subtotal the units' original price
   */
  public record RefundLineView(
      String id, String lineItemId, String sku, int quantity, String restockType,
      BigDecimal subtotal) {}

  /**
   * A return.
   *
   * @param status {@code ReturnStatus}: {@code OPEN} or {@code CLOSED}
   */
  public record ReturnView(
      String id, String name, String status, Instant createdAt, Instant closedAt,
      List<ReturnLineView> lines) {}

  /**
   * Units of one fulfillment line in a return.
   *
   * @param fulfillmentLineItemId the {@code FulfillmentLineItem} gid
   */
  public record ReturnLineView(
      String id, String fulfillmentLineItemId, String sku, int quantity, String returnReason) {}

  /**
   * One line item of an order.
   *
   * @param variantId the bound variant's gid, or null for a custom line
   * @param unitPrice the original unit price in shop currency
   * @param currentQuantity the quantity less removed and cancelled units
   */
  public record LineView(
      String id,
      String variantId,
      String sku,
      int quantity,
      BigDecimal unitPrice,
      int currentQuantity) {}

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
