package io.synchron.simulator.mirakl;

import java.time.Instant;
import java.util.List;

/**
 * An immutable snapshot of one return, for assertions.
 *
 * @param id the return's uuid
 * @param rma the return merchandise authorization, or null
 * @param orderId the logistic order returned from
 * @param orderCommercialId the order's commercial id
 * @param state WAITING_ACCEPTANCE, IN_PROGRESS, REFUSED, RECEIVED, NO_RECEPTION, CLOSED or CANCELED
 * @param reasonCode the return's reason (a RETURN reason), or null if RT01 gave only line reasons
 * @param rejectionReasonCode the RETURN_REJECTION reason RT21 refused it with, or null
 * @param methodCode the return method, e.g. RETURN_METHOD_BY_MAIL
 * @param origin CUSTOMER for {@link MiraklSimulator#requestReturn}, SHOP for RT01
 * @param lines the returned lines, in request order
 * @param created {@code date_created}
 * @param lastUpdated {@code last_updated}
 * @param json the return as RT11 renders it
 */
public record ReturnView(
    String id,
    String rma,
    String orderId,
    String orderCommercialId,
    String state,
    String reasonCode,
    String rejectionReasonCode,
    String methodCode,
    String origin,
    List<Line> lines,
    Instant created,
    Instant lastUpdated,
    String json) {

  public ReturnView {
    lines = List.copyOf(lines);
  }

  /**
   * One returned line.
   *
   * @param orderLineId the order line
   * @param quantity how many units are returned
   * @param reasonCode the line's RETURN reason
   * @param compliant RT26's verdict, null until given
   * @param nonComplianceReasonCode the RETURN_NON_COMPLIANT reason when not compliant, else null
   */
  public record Line(
      String orderLineId,
      int quantity,
      String reasonCode,
      Boolean compliant,
      String nonComplianceReasonCode) {}
}
