package io.synchron.simulator.mirakl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Mutable state of one simulated logistic order. Guarded by the owning {@link OrderBook}. */
final class SimOrder {
  final String orderId;
  final String commercialId;
  final String currency;
  final int digits;
  final String taxMode;
  final String channelCode;
  final String referenceForCustomer;
  final String customerId;
  final String notificationEmail;
  final NewCustomer customer;
  final Instant created;
  final Instant shippingDeadline;
  final List<SimLine> lines;

  String state = "WAITING_ACCEPTANCE";
  String reasonCode;
  String reasonLabel;
  Instant lastUpdated;
  Instant acceptanceDecisionDate;
  Instant customerDebitedDate;
  boolean addressesReleased;
  int acceptCalls;
  Tracking tracking;
  final List<SimShipment> shipments = new ArrayList<>();
  final List<SimDocument> documents = new ArrayList<>();

  SimOrder(
      String orderId,
      String commercialId,
      String currency,
      String taxMode,
      String channelCode,
      String referenceForCustomer,
      String customerId,
      String notificationEmail,
      NewCustomer customer,
      Instant created,
      Instant shippingDeadline,
      List<SimLine> lines) {
    this.orderId = orderId;
    this.commercialId = commercialId;
    this.currency = currency;
    this.digits = Money.minorUnits(currency);
    this.taxMode = taxMode;
    this.channelCode = channelCode;
    this.referenceForCustomer = referenceForCustomer;
    this.customerId = customerId;
    this.notificationEmail = notificationEmail;
    this.customer = customer;
    this.created = created;
    this.shippingDeadline = shippingDeadline;
    this.lines = List.copyOf(lines);
    this.lastUpdated = created;
  }

  SimLine line(String lineId) {
    for (SimLine line : lines) {
      if (line.id.equals(lineId)) {
        return line;
      }
    }
    return null;
  }

  void moveTo(String newState, String code, String label, Instant now) {
    state = newState;
    reasonCode = code;
    reasonLabel = label;
    lastUpdated = now;
  }

  boolean hasIncident() {
    return lines.stream().anyMatch(line -> line.state.equals("INCIDENT_OPEN"));
  }

  boolean hasInvoice() {
    return documents.stream().anyMatch(document -> document.typeCode().equals("CUSTOMER_INVOICE"));
  }

  /** How many units of {@code line} are in shipments that are not canceled. */
  int quantityInShipments(SimLine line) {
    int quantity = 0;
    for (SimShipment shipment : shipments) {
      if (!shipment.status.equals("CANCELED")) {
        quantity += shipment.lines.getOrDefault(line.id, 0);
      }
    }
    return quantity;
  }

  /** How many units of {@code line} are in shipped shipments. */
  int quantityShipped(SimLine line) {
    int quantity = 0;
    for (SimShipment shipment : shipments) {
      if (shipment.status.equals("SHIPPED")) {
        quantity += shipment.lines.getOrDefault(line.id, 0);
      }
    }
    return quantity;
  }

  boolean anythingShipped() {
    return shipments.stream().anyMatch(shipment -> shipment.status.equals("SHIPPED"));
  }

  /** A parcel's tracking, as OR23, ST01 or ST23 set it. */
  record Tracking(
      String carrierCode,
      String carrierName,
      String carrierStandardCode,
      String trackingNumber,
      String trackingUrl) {}
}
