package io.synchron.simulator.mirakl;

import java.util.List;
import java.util.Objects;

/**
 * A reason configured on the marketplace, as RE01 lists it. OR30 and the operator's cancellations
 * take reasons of type {@value #CANCELATION}, OR28 and the operator's refunds reasons of type
 * {@value #REFUND}, incidents reasons of type {@value #INCIDENT_OPEN}. A shop may only use reasons
 * whose {@code shopRight} is true.
 *
 * @param code the reason code, an operator-defined string such as {@code "34"}; not blank
 * @param label the display label; not null
 * @param type the reason type, e.g. CANCELATION, REFUND, INCIDENT_OPEN; not blank
 * @param shopRight RE01 {@code is_shop_right}: whether the shop may use the reason
 */
public record Reason(String code, String label, String type, boolean shopRight) {

  public static final String CANCELATION = "CANCELATION";
  public static final String REFUND = "REFUND";
  public static final String INCIDENT_OPEN = "INCIDENT_OPEN";
  public static final String INCIDENT_CLOSE = "INCIDENT_CLOSE";

  public Reason {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("reason code must not be blank");
    }
    Objects.requireNonNull(label, "label");
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("reason type must not be blank");
    }
  }

  /**
   * The default reasons, after the spec's RE01 example: incidents "1" (not usable by the shop),
   * "8" and "10", refunds "15" Out of stock, "19" Agreement found with the vendor, "20" Product
   * returned, messaging "26", cancellations "34" Cancelled by the client prior to shipping, "35"
   * Out of stock and "36" Cancelled by the operator (not usable by the shop).
   */
  public static List<Reason> defaults() {
    return List.of(
        new Reason("1", "Item not received", INCIDENT_OPEN, false),
        new Reason("2", "Damaged item", INCIDENT_OPEN, false),
        new Reason("8", "Problem solved with the customer", INCIDENT_CLOSE, true),
        new Reason("10", "Replacement item received", INCIDENT_CLOSE, false),
        new Reason("15", "Out of stock", REFUND, true),
        new Reason("19", "Agreement found with the vendor", REFUND, true),
        new Reason("20", "Product returned", REFUND, true),
        new Reason("26", "Other question", "ORDER_MESSAGING", true),
        new Reason("34", "Cancelled by the client prior to shipping", CANCELATION, true),
        new Reason("35", "Out of stock", CANCELATION, true),
        new Reason("36", "Cancelled by the operator", CANCELATION, false));
  }
}
