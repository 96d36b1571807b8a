package io.synchron.simulator.mirakl;

import java.util.List;
import java.util.Objects;

/**
 * A reason configured on the marketplace, as RE01 lists it. OR30 and the operator's cancellations
 * take reasons of type {@value #CANCELATION}, OR28 and the operator's refunds reasons of type
 * {@value #REFUND}, incidents reasons of type {@value #INCIDENT_OPEN} and OR64 reasons of type
 * {@value #INCIDENT_CLOSE}; returns (RT01, RT11) take reasons of type {@value #RETURN}, RT21's
 * refusals reasons of type {@value #RETURN_REJECTION} and RT26's non-compliant lines reasons of
 * type {@value #RETURN_NON_COMPLIANT}. A shop may only use reasons whose {@code shopRight} is true.
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
  public static final String RETURN = "RETURN";
  public static final String RETURN_REJECTION = "RETURN_REJECTION";
  public static final String RETURN_NON_COMPLIANT = "RETURN_NON_COMPLIANT";

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
   * Out of stock and "36" Cancelled by the operator (not usable by the shop); then the return
   * reasons, which take the codes of the enums the spec gives in RT01, RT11, RT21 and RT26: return
   * reasons RETURN_CHANGED_MIND, RETURN_BROKEN_ITEM, RETURN_DEFECTIVE_ITEM,
   * RETURN_DELIVERED_PRODUCT_DIFFERENT, RETURN_PRODUCT_DOES_NOT_FIT, RETURN_OTHER and
   * RETURN_COUNTERFEIT_ITEM (not usable by the shop), the three rejection reasons
   * RETURN_REJECTION_NOT_ELIGIBLE, _NOT_NEEDED and _WINDOW_CLOSED, and the five non-compliance
   * reasons RETURN_NON_COMPLIANT_MISSING_ITEM, _WRONG_PRODUCT, _DAMAGED_PRODUCT, _WINDOW_CLOSED
   * and _OTHER.
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
        new Reason("36", "Cancelled by the operator", CANCELATION, false),
        new Reason("RETURN_CHANGED_MIND", "Changed mind", RETURN, true),
        new Reason("RETURN_BROKEN_ITEM", "Broken item", RETURN, true),
        new Reason("RETURN_DEFECTIVE_ITEM", "Defective item", RETURN, true),
        new Reason(
            "RETURN_DELIVERED_PRODUCT_DIFFERENT", "Delivered product is different", RETURN, true),
        new Reason("RETURN_PRODUCT_DOES_NOT_FIT", "Product does not fit", RETURN, true),
        new Reason("RETURN_OTHER", "Other", RETURN, true),
        new Reason("RETURN_COUNTERFEIT_ITEM", "Counterfeit item", RETURN, false),
        new Reason("RETURN_REJECTION_NOT_ELIGIBLE", "Not eligible", RETURN_REJECTION, true),
        new Reason("RETURN_REJECTION_NOT_NEEDED", "Return not needed", RETURN_REJECTION, true),
        new Reason(
            "RETURN_REJECTION_WINDOW_CLOSED", "Return window closed", RETURN_REJECTION, true),
        new Reason(
            "RETURN_NON_COMPLIANT_MISSING_ITEM", "Missing item", RETURN_NON_COMPLIANT, true),
        new Reason(
            "RETURN_NON_COMPLIANT_WRONG_PRODUCT", "Wrong product", RETURN_NON_COMPLIANT, true),
        new Reason(
            "RETURN_NON_COMPLIANT_DAMAGED_PRODUCT", "Damaged product", RETURN_NON_COMPLIANT, true),
        new Reason(
            "RETURN_NON_COMPLIANT_WINDOW_CLOSED",
            "Return window closed",
            RETURN_NON_COMPLIANT,
            true),
        new Reason("RETURN_NON_COMPLIANT_OTHER", "Other", RETURN_NON_COMPLIANT, true));
  }
}
