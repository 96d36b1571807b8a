package io.synchron.simulator.mirakl;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of one simulated order, for assertions. Amounts are in the order's own tax
 * mode.
 *
 * @param orderId the Mirakl order id ({@code <commercial_id>-A})
 * @param commercialId the commercial (checkout) id
 * @param state the order state, e.g. WAITING_ACCEPTANCE
 * @param lineStates order line id to line state, in line order
 * @param lineIds the order line ids, in line order
 * @param acceptCalls how many OR21 calls reached this order, successful or rejected (calls answered
 *     by a scripted {@link Fault#status} or {@link Fault#rateLimited} fault never reach it)
 * @param lastUpdated the order's {@code last_updated_date}
 * @param json the order as OR11 currently renders it, in its own tax mode
 * @param tracking the order's tracking (OR23, or the last shipment tracking set), or null
 * @param shipments the order's shipments (ST01), in creation order
 * @param cancelations every cancellation of every line, in line order then creation order
 * @param refunds every refund of every line, in line order then creation order
 * @param documents the documents uploaded with OR74, in upload order
 */
public record OrderView(
    String orderId,
    String commercialId,
    String state,
    Map<String, String> lineStates,
    List<String> lineIds,
    int acceptCalls,
    Instant lastUpdated,
    String json,
    Tracking tracking,
    List<Shipment> shipments,
    List<Cancelation> cancelations,
    List<Refund> refunds,
    List<Document> documents) {

  public OrderView {
    lineStates = Collections.unmodifiableMap(new LinkedHashMap<>(lineStates));
    lineIds = List.copyOf(lineIds);
    shipments = List.copyOf(shipments);
    cancelations = List.copyOf(cancelations);
    refunds = List.copyOf(refunds);
    documents = List.copyOf(documents);
  }

  /**
   * A parcel's tracking.
   *
   * @param carrierCode the registered carrier's code, or null for an unregistered carrier
   * @param carrierName the carrier's label, or the name given for an unregistered carrier
   * @param trackingNumber the tracking number, or null
   * @param trackingUrl the tracking URL, computed for a registered carrier, or null
   */
  public record Tracking(
      String carrierCode, String carrierName, String trackingNumber, String trackingUrl) {}

  /**
   * A shipment of the multi-shipment API.
   *
   * @param id the shipment id (a UUID)
   * @param status SHIPPING, SHIPPED, RECEIVED, CLOSED or CANCELED
   * @param lineQuantities order line id to the quantity in this shipment
   * @param tracking the shipment's tracking, or null
   * @param shippedDate when it was shipped, or null
   */
  public record Shipment(
      String id,
      String status,
      Map<String, Integer> lineQuantities,
      Tracking tracking,
      Instant shippedDate) {

    public Shipment {
      lineQuantities = Collections.unmodifiableMap(new LinkedHashMap<>(lineQuantities));
    }
  }

  /**
   * A cancellation of (part of) a line.
   *
   * @param id the cancellation id
   * @param lineId the order line
   * @param amount the price part, tax included as the order's mode says
   * @param shippingAmount the shipping part
   * @param quantity the canceled quantity
   * @param reasonCode the reason code
   * @param created when it was made
   */
  public record Cancelation(
      String id,
      String lineId,
      BigDecimal amount,
      BigDecimal shippingAmount,
      int quantity,
      String reasonCode,
      Instant created) {}

  /**
   * A refund of (part of) a line.
   *
   * @param id the refund id
   * @param orderRefundId the group of the refunds created together on the order
   * @param lineId the order line
   * @param amount the price part, tax included as the order's mode says
   * @param shippingAmount the shipping part
   * @param quantity the informative quantity
   * @param reasonCode the reason code
   * @param state WAITING_REFUND, then REFUNDED once {@link MiraklSimulator#completeRefunds} ran
   * @param created when it was made
   */
  public record Refund(
      String id,
      String orderRefundId,
      String lineId,
      BigDecimal amount,
      BigDecimal shippingAmount,
      int quantity,
      String reasonCode,
      String state,
      Instant created) {}

  /**
   * A document uploaded to the order; its bytes come from {@link
   * MiraklSimulator#documentContent(String, long)}.
   *
   * @param id the document id (OR72 {@code id})
   * @param fileName the file name
   * @param typeCode the document type code, e.g. CUSTOMER_INVOICE
   * @param size the size in bytes
   * @param uploaded when it was uploaded
   */
  public record Document(long id, String fileName, String typeCode, long size, Instant uploaded) {}
}
