package io.synchron.connector;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Synchron asks of one Shopify store. Implementations pace themselves on Shopify's cost-based rate limit and
 * throw {@link PlatformException} (THROTTLED as retry-after) on failure.
 */
public interface ShopifyGateway {

  String shopId();

  /** The variants with these SKUs, by SKU; SKUs with no variant are absent from the map. */
  Map<String, Variant> variantsBySku(Collection<String> skus);

  /**
   * Looks an imported order up by the identifier Synchron gave it, first by its unique id metafield (a direct
   * lookup), then by Shopify's search on the source identifier.
   */
  Optional<CreatedOrder> findImported(String sourceIdentifier, int lineCount);

  /**
   * Creates the order. Not idempotent on Shopify's side (orderCreate takes no key): callers look up with {@link
   * #findImported} first. A refusal by Shopify (userErrors) is a permanent {@link PlatformException}.
   */
  CreatedOrder create(OrderDraft draft);

  /** The order as Shopify has it now: its lines, fulfilments and whether it is cancelled. Empty if not found. */
  Optional<OrderState> orderState(String gid, int lineCount);

  /** Orders updated after the instant, oldest first (for the reconciliation sweep). */
  List<ChangedOrder> ordersUpdatedAfter(Instant after, int limit);

  /** Cancels the order with restock and without refunding money the marketplace collected. */
  void cancel(String gid, String reason, String staffNote);

  /**
   * Makes sure the store sends these webhook topics to the callback, creating only the missing subscriptions (so a
   * restart adds none). Returns the topics it created.
   */
  List<String> ensureWebhooks(String callbackUri, List<String> topics);

  /**
   * Records in Shopify a refund the marketplace made: money only (the marketplace, not Shopify, paid it back, so the
   * transaction is on the marketplace's gateway), on the given lines without restocking. Safe to call twice with the
   * same key: Shopify's {@code @idempotent} returns the first refund.
   */
  String recordRefund(String orderGid, String idempotencyKey, Map<String, Integer> quantityByLineItem,
      BigDecimal amount, String currency, String gateway, String note);

  /**
   * Opens a return in Shopify for fulfilled units (returnCreate), by line item, with a Shopify return reason
   * (ReturnReason enum, e.g. DEFECTIVE, UNWANTED, OTHER) and a note. Returns the return's gid.
   */
  String openReturn(String orderGid, Map<String, Integer> quantityByLineItem, String returnReason, String note);

  /**
   * Processes every unprocessed unit of a return (returnProcess): restocked at the store's location or not, without
   * a refund (money follows the marketplace's refunds).
   */
  void processReturn(String orderGid, String returnGid, boolean restock);

  /** Closes a return that will not be processed (returnClose). */
  void closeReturn(String returnGid);

  record OrderState(
      String gid,
      String name,
      Instant updatedAt,
      Instant cancelledAt,
      String cancelReason,
      List<LineState> lines,
      List<Fulfillment> fulfillments,
      List<Refund> refunds,
      BigDecimal totalRefunded,
      String financialStatus,
      List<Return> returns) {}

  /** A return in Shopify: OPEN, CLOSED, DECLINED, REQUESTED, CANCELED; units per line item and how many processed. */
  record Return(String gid, String name, String status, List<ReturnedLine> lines) {}

  record ReturnedLine(String lineItemId, String sku, int quantity, int processedQuantity) {}

  /**
   * A refund as Shopify records it: units per line item (their subtotal and tax, as the order's prices are, with
   * or without tax), shipping given back and its tax, the money the refund moved in total, and the return it was made
   * for (processing a return with a refund), if any.
   */
  record Refund(String gid, java.time.Instant createdAt, String note, List<RefundedLine> lines, BigDecimal shipping,
      BigDecimal shippingTax, BigDecimal money, String returnGid) {}

  record RefundedLine(String lineItemId, String sku, int quantity, String restockType, BigDecimal subtotal,
      BigDecimal tax) {}

  record LineState(String id, String sku, int quantity, int currentQuantity) {}

  record Fulfillment(
      String gid,
      String status,
      String displayStatus,
      Instant updatedAt,
      String trackingCompany,
      String trackingNumber,
      String trackingUrl,
      List<FulfilledLine> lines) {}

  record FulfilledLine(String lineItemId, String sku, int quantity) {}

  record ChangedOrder(String gid, Instant updatedAt) {}

  record Variant(String id, String sku, String title, int available) {}

  /** A Shopify order and its line items' ids, in the order the lines were given at creation. */
  record CreatedOrder(String gid, String name, List<String> lineItemIds, List<String> lineItemSkus) {}

  /** A Shopify order to create, in Synchron's terms: no wire format here. */
  record OrderDraft(
      String sourceIdentifier,
      String name,
      String poNumber,
      String currency,
      boolean taxesIncluded,
      Instant processedAt,
      String email,
      String note,
      List<String> tags,
      Contact customer,
      Contact billingAddress,
      Contact shippingAddress,
      List<Line> lines,
      ShippingLine shipping,
      BigDecimal paidAmount,
      String gateway,
      Map<String, String> attributes,
      List<Metafield> metafields) {}

  record Line(
      String marketplaceLineId,
      String variantId,
      String sku,
      String title,
      int quantity,
      BigDecimal unitPrice,
      List<TaxLine> taxes) {}

  record ShippingLine(String title, String code, BigDecimal price, List<TaxLine> taxes) {}

  /** A tax charged: rate as a fraction (0.2 for 20%), amount in the order currency. */
  record TaxLine(String title, BigDecimal rate, BigDecimal amount) {}

  record Contact(
      String firstName,
      String lastName,
      String company,
      String address1,
      String address2,
      String zip,
      String city,
      String province,
      String countryCode,
      String phone) {}

  record Metafield(String namespace, String key, String type, String value) {}
}
