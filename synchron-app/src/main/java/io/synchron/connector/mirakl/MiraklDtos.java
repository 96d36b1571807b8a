package io.synchron.connector.mirakl;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The OR11 wire shapes Synchron reads (field names as Mirakl sends them, snake_case). Enums are strings: Mirakl says
 * new values appear, and an unknown value must not make an order unreadable.
 */
final class MiraklDtos {

  private MiraklDtos() {}

  record OrderList(List<tools.jackson.databind.JsonNode> orders, Integer totalCount) {}

  record Order(
      String orderId,
      String commercialId,
      String orderState,
      Instant createdDate,
      Instant lastUpdatedDate,
      Instant shippingDeadline,
      String currencyIsoCode,
      String orderTaxMode,
      BigDecimal price,
      BigDecimal shippingPrice,
      BigDecimal totalPrice,
      BigDecimal totalCommission,
      String shippingTypeLabel,
      String shippingTypeCode,
      Channel channel,
      References references,
      Customer customer,
      String customerNotificationEmail,
      List<OrderLine> orderLines) {}

  record Channel(String code, String label) {}

  record References(String orderReferenceForCustomer, String orderReferenceForSeller) {}

  record Customer(
      String customerId,
      String firstname,
      String lastname,
      Address billingAddress,
      Address shippingAddress) {}

  record Address(
      String firstname,
      String lastname,
      String company,
      String street1,
      String street2,
      String zipCode,
      String city,
      String state,
      String country,
      String countryIsoCode,
      String phone) {}

  record OrderLine(
      String orderLineId,
      Integer orderLineIndex,
      String orderLineState,
      String offerSku,
      String productTitle,
      Integer quantity,
      BigDecimal priceUnit,
      BigDecimal price,
      BigDecimal shippingPrice,
      BigDecimal totalCommission,
      BigDecimal commissionFee,
      List<Tax> taxes,
      List<Tax> shippingTaxes,
      List<Refund> refunds,
      List<LineCancelation> cancelations) {}

  /** A cancellation of (part of) a line, as OR11 lists it on the line. */
  record LineCancelation(String id, Integer quantity) {}

  record Refund(String id, BigDecimal amount, BigDecimal shippingAmount, List<Tax> taxes, List<Tax> shippingTaxes,
      String reasonCode, String state, String refundState, Integer quantity) {}

  record Tax(String code, BigDecimal amount, BigDecimal rate) {}

  record Carriers(List<Carrier> carriers) {}

  record Carrier(String code, String label, String standardCode, String trackingUrl) {}

  record Reasons(List<Reason> reasons) {}

  record Reason(String code, String label, String type, Boolean isShopRight) {}

  /** OR23: a registered carrier's code, or name and URL for an unregistered one. */
  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record TrackingUpdate(String carrierCode, String carrierName, String carrierUrl, String trackingNumber) {}

  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record ShipmentTracking(String carrierCode, String carrierName, String trackingNumber, String trackingUrl) {}

  record ShipmentLine(String orderLineId, Integer quantity) {}

  record NewShipment(String orderId, List<ShipmentLine> shipmentLines, ShipmentTracking tracking, boolean shipped) {}

  record NewShipments(List<NewShipment> shipments) {}

  record ShipmentResult(String id, String orderId, String status) {}

  record ShipmentError(String orderId, String id, String message) {}

  record ShipmentResults(List<ShipmentResult> shipmentSuccess, List<ShipmentError> shipmentErrors) {}

  record RemoteShipment(String id, String orderId, String status, List<ShipmentLine> shipmentLines,
      ShipmentTracking tracking) {}

  record ShipmentPage(List<RemoteShipment> data, String nextPageToken) {}

  record TrackingChange(String id, ShipmentTracking tracking) {}

  record TrackingChanges(List<TrackingChange> shipments) {}

  record TaxAmount(String code, java.math.BigDecimal amount) {}

  record Cancelation(String orderLineId, java.math.BigDecimal amount, java.math.BigDecimal shippingAmount,
      int quantity, String reasonCode, List<TaxAmount> taxes, List<TaxAmount> shippingTaxes) {}

  record Cancelations(List<Cancelation> cancelations) {}

  record RefundRequest(String orderLineId, java.math.BigDecimal amount, java.math.BigDecimal shippingAmount,
      int quantity, String reasonCode, String currencyIsoCode, List<TaxAmount> taxes, List<TaxAmount> shippingTaxes) {}

  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record RefundRequests(String orderTaxMode, List<RefundRequest> refunds) {}

  record RefundCreated(String refundId, String orderRefundId, String orderLineId, java.math.BigDecimal amount,
      java.math.BigDecimal shippingAmount) {}

  record RefundsCreated(List<RefundCreated> refunds) {}

  record ResolveIncident(String reasonCode) {}

  record AcceptLine(String id, boolean accepted) {}

  record Accept(List<AcceptLine> orderLines) {}

  /** RT11 (and RT01's return_success): a return. RT01's example says {@code status} where the schema says state. */
  record Return(String id, String orderId, String orderCommercialId, String state, String status,
      String reasonCode, List<ReturnLine> returnLines, Instant lastUpdated) {}

  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record ReturnLine(String orderLineId, Integer quantity, String reasonCode) {}

  record ReturnPage(List<Return> data, String nextPageToken) {}

  /** A return the shop creates (RT01): accepted at once when {@code accepted} is true. */
  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record NewReturn(String orderCommercialId, String methodCode, String reasonCode, Boolean accepted,
      List<ReturnLine> returnLines) {}

  record NewReturns(List<NewReturn> returns) {}

  record ReturnCreationError(String message, String orderCommercialId) {}

  record ReturnsCreated(List<ReturnCreationError> returnErrors, List<Return> returnSuccess) {}

  /** RT21: a refusal names a RETURN_REJECTION reason. */
  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record ReturnDecision(String id, boolean accepted, String rejectionReasonCode) {}

  record ReturnDecisions(List<ReturnDecision> returns) {}

  record ReturnId(String id) {}

  record ReturnIds(List<ReturnId> returns) {}

  record ReturnUpdateError(String id, String message) {}

  /** RT21, RT25: each return updated or refused on its own. */
  record ReturnUpdates(List<ReturnUpdateError> returnErrors, List<ReturnId> returnSuccess) {}
}
