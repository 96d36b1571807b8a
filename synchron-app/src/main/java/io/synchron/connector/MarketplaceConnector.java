package io.synchron.connector;

import io.synchron.order.MarketplaceOrder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One marketplace account (a channel). Implementations are thread-safe and pace themselves to the platform's
 * published call frequencies; they throw {@link PlatformException} with the right classification on failure.
 */
public interface MarketplaceConnector {

  String channelId();

  /** A short name of the platform for tags and identifiers, e.g. "mirakl". */
  String platformName();

  /**
   * One page of the orders updated at or after {@code since}, oldest first. Items are returned raw, so the caller
   * can store exactly what the platform said before trying to read it.
   */
  OrderPage updatedOrders(Instant since, int offset, int pageSize);

  /** Reads a raw order item into Synchron's model; throws {@link MalformedPayloadException} if it cannot. */
  MarketplaceOrder read(RawOrder raw);

  /** The current state of one order, read fresh from the platform (read-before-write). */
  Optional<MarketplaceOrder> currentOrder(String orderId);

  /** Accepts or refuses every line of an order in one call. */
  void decide(String orderId, List<String> lineIds, boolean accept);

  /** The carriers the marketplace knows (Mirakl SH21). Called rarely: callers cache it. */
  List<Carrier> carriers();

  /** The reasons of a type the shop may use (Mirakl RE01, filtered on is_shop_right). Callers cache it. */
  List<Reason> reasons(String type);

  /** Sets (or corrects) the order's tracking (Mirakl OR23). */
  void setTracking(String orderId, CarrierTracking tracking);

  /** Validates the shipment of the whole order (Mirakl OR24). */
  void confirmShipment(String orderId);

  /**
   * Creates a shipment of some lines with its own tracking, shipped at once (Mirakl ST01). Throws {@link
   * MultiShipmentUnavailableException} when the operator has not enabled multiple shipments.
   */
  String createShipment(String orderId, java.util.Map<String, Integer> quantityByLine, CarrierTracking tracking);

  /** The shipments the marketplace has for an order (Mirakl ST11), for read-before-write. */
  List<RemoteShipment> shipments(String orderId);

  /** Corrects the tracking of a shipment made with {@link #createShipment} (Mirakl ST23). */
  void updateShipmentTracking(String shipmentId, CarrierTracking tracking);

  /** Cancels the whole order (Mirakl OR29). */
  void cancelOrder(String orderId);

  /** Cancels some lines with a reason (Mirakl OR30): amounts as the marketplace charged them. */
  void cancelLines(String orderId, List<LineCancellation> lines);

  /**
   * Refunds money on lines (Mirakl OR28): amounts in the order's tax mode, taxes per tax code. Returns the refunds
   * the marketplace created. Not idempotent on the marketplace's side: callers read the order first.
   */
  List<CreatedRefund> refundLines(List<LineRefund> refunds, io.synchron.order.MarketplaceOrder.TaxMode taxMode,
      String currency);

  /**
   * Marks the incident on a line resolved (Mirakl OR64) with a reason of type INCIDENT_CLOSE.
   */
  void resolveIncident(String orderId, String lineId, String reasonCode);

  /**
   * The returns updated at or after {@code since} (Mirakl RT11, every page), oldest change first. Throws {@link
   * FeatureUnavailableException} where the operator has not enabled returns.
   */
  List<MarketplaceReturn> returnsUpdatedSince(Instant since);

  /** One return read fresh (Mirakl RT11 by return id), for read-before-write. */
  Optional<MarketplaceReturn> marketplaceReturn(String returnId);

  /** The returns of one order (Mirakl RT11 by the order's commercial id), for read-before-write. */
  List<MarketplaceReturn> returnsOfOrder(String orderCommercialId);

  /**
   * Accepts or refuses a return the customer asked for (Mirakl RT21); a refusal needs a RETURN_REJECTION reason.
   * Returns the marketplace's reasons for not doing it; empty when done.
   */
  List<String> decideReturn(String returnId, boolean accept, String rejectionReasonCode);

  /** Marks a return received by the seller (Mirakl RT25). Returns the marketplace's refusals; empty when done. */
  List<String> receiveReturn(String returnId);

  /**
   * Creates an accepted return of some units of an order (Mirakl RT01), for a return the customer arranged with the
   * shop. Returns the marketplace's return; a refusal is a permanent {@link PlatformException} with its message.
   */
  MarketplaceReturn createReturn(String orderCommercialId, java.util.Map<String, Integer> quantityByLine,
      String reasonCode);

  /**
   * Attaches a document (an invoice, a credit note) to the order (Mirakl OR74). File names must be US-ASCII. Returns
   * the marketplace's reasons for refusing it; empty when accepted.
   */
  List<String> uploadDocument(String orderId, String fileName, String typeCode, byte[] content);

  /** The file names of the documents attached to the order (Mirakl OR72), for read-before-write. */
  List<String> documentFileNames(String orderId);

  /**
   * The marketplace's open requests for customer-order documents (Mirakl DR11, state TO_PROCESS, entity
   * PRODUCT_LOGISTIC_ORDER), all pages. Empty where the operator does not use document requests.
   */
  List<DocumentRequest> openDocumentRequests();

  /**
   * Answers a document request with an issued document (Mirakl DR74): its number, issue date, totals and PDF.
   * Returns the marketplace's reasons for refusing it; empty when accepted.
   */
  List<String> answerDocumentRequest(String requestId, String documentNumber, java.time.LocalDate issueDate,
      java.math.BigDecimal totalExcludingTaxes, java.math.BigDecimal totalTax, String fileName, byte[] pdf);

  /** A request for an INVOICE or a CREDIT_NOTE of one order. */
  record DocumentRequest(String id, String type, String orderId, String currency,
      java.math.BigDecimal totalExcludingTaxes, java.math.BigDecimal totalTax) {}

  /** A carrier as the marketplace lists it. */
  record Carrier(String code, String label, String standardCode, String trackingUrlTemplate) {}

  record Reason(String code, String label, String type) {}

  /**
   * What to send as tracking: a registered carrier's code, or (for carriers the marketplace does not know) a name
   * and a tracking URL; the tracking number either way.
   */
  record CarrierTracking(String carrierCode, String carrierName, String carrierUrl, String trackingNumber) {}

  record RemoteShipment(String id, String status, String trackingNumber, java.util.Map<String, Integer> quantityByLine) {}

  record LineCancellation(
      String lineId,
      int quantity,
      java.math.BigDecimal amount,
      java.math.BigDecimal shippingAmount,
      List<io.synchron.order.MarketplaceOrder.Tax> taxes,
      List<io.synchron.order.MarketplaceOrder.Tax> shippingTaxes,
      String reasonCode) {}

  record LineRefund(
      String lineId,
      int quantity,
      java.math.BigDecimal amount,
      java.math.BigDecimal shippingAmount,
      List<io.synchron.order.MarketplaceOrder.Tax> taxes,
      List<io.synchron.order.MarketplaceOrder.Tax> shippingTaxes,
      String reasonCode) {}

  /**
   * A return as the marketplace has it. States (Mirakl): WAITING_ACCEPTANCE, IN_PROGRESS, REFUSED, RECEIVED,
   * NO_RECEPTION, CLOSED, CANCELED; kept raw, so a new state is shown rather than refused.
   */
  record MarketplaceReturn(String id, String orderId, String orderCommercialId, String state, String reasonCode,
      List<ReturnLine> lines, Instant updatedAt) {
    public MarketplaceReturn {
      lines = lines == null ? List.of() : List.copyOf(lines);
    }
  }

  record ReturnLine(String lineId, int quantity) {}

  record CreatedRefund(String refundId, String lineId, java.math.BigDecimal amount,
      java.math.BigDecimal shippingAmount) {}

  /** A page of raw orders and the total the platform reports. */
  record OrderPage(List<RawOrder> orders, int totalCount) {}

  /**
   * One order as the platform sent it. {@code orderId} and {@code updatedAt} are read leniently so that even an
   * order that cannot be read whole can be stored and de-duplicated; either may be null when absent.
   */
  record RawOrder(String orderId, Instant updatedAt, String json) {}
}
