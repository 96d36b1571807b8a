package io.synchron.simulator.mirakl;

import java.time.Instant;
import java.util.List;

/** Mutable state of one simulated return. Guarded by the {@link OrderBook}'s lock. */
final class SimReturn {
  final String id;
  final long sequence;
  final String orderId;
  final String commercialId;
  final String customerId;
  final String rma;
  final String reasonCode;
  final String methodCode;
  final String description;
  final String labelUrl;
  final String origin;
  final List<Line> lines;
  final Instant created;

  String state;
  String rejectionReasonCode;
  Instant lastUpdated;

  SimReturn(
      String id,
      long sequence,
      SimOrder order,
      String rma,
      String reasonCode,
      String methodCode,
      String description,
      String labelUrl,
      String origin,
      List<Line> lines,
      String state,
      Instant created) {
    this.id = id;
    this.sequence = sequence;
    this.orderId = order.orderId;
    this.commercialId = order.commercialId;
    this.customerId = order.customerId;
    this.rma = rma;
    this.reasonCode = reasonCode;
    this.methodCode = methodCode;
    this.description = description;
    this.labelUrl = labelUrl;
    this.origin = origin;
    this.lines = List.copyOf(lines);
    this.state = state;
    this.created = created;
    this.lastUpdated = created;
  }

  void moveTo(String newState, Instant now) {
    state = newState;
    lastUpdated = now;
  }

  /** Whether the return still holds its units: not refused, not canceled. */
  boolean holdsUnits() {
    return !state.equals("REFUSED") && !state.equals("CANCELED");
  }

  Line line(String orderLineId) {
    for (Line line : lines) {
      if (line.orderLineId.equals(orderLineId)) {
        return line;
      }
    }
    return null;
  }

  /** One returned order line; its compliance is set by RT26. */
  static final class Line {
    final String orderLineId;
    final int quantity;
    final String reasonCode;
    Boolean compliant;
    String nonComplianceReasonCode;
    String nonComplianceAdditionalInfo;

    Line(String orderLineId, int quantity, String reasonCode) {
      this.orderLineId = orderLineId;
      this.quantity = quantity;
      this.reasonCode = reasonCode;
    }
  }
}
