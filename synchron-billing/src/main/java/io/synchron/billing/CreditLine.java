package io.synchron.billing;

import java.math.BigDecimal;

/**
 * What to credit on one line of the original invoice, found by its {@code lineId}.
 *
 * <ul>
 *   <li>{@link #units}: units returned or cancelled, credited at their share of the invoiced line;
 *   <li>{@link #amount}: an amount refunded without a return (a goodwill refund), in the original invoice's price
 *       mode (VAT included if the invoice's prices were);
 *   <li>{@link #remainder}: everything not yet credited on the line (a cancellation).
 * </ul>
 *
 * @param lineId the original line
 * @param units units credited, or {@code null} for an amount-only credit
 * @param amount amount credited, or {@code null} to credit the units' share of the line
 */
public record CreditLine(String lineId, BigDecimal units, BigDecimal amount) {

  public CreditLine {
    lineId = Checks.text(lineId, "lineId");
    if (units != null && (units.signum() <= 0 || units.stripTrailingZeros().scale() > 4)) {
      throw new IllegalArgumentException("units must be above zero with at most 4 decimals: " + units);
    }
    if (amount != null && amount.signum() <= 0) {
      throw new IllegalArgumentException("amount must be above zero: " + amount);
    }
  }

  public static CreditLine units(String lineId, BigDecimal units) {
    return new CreditLine(lineId, Checks.present(units, "units"), null);
  }

  public static CreditLine amount(String lineId, BigDecimal amount) {
    return new CreditLine(lineId, null, Checks.present(amount, "amount"));
  }

  public static CreditLine remainder(String lineId) {
    return new CreditLine(lineId, null, null);
  }

  boolean isRemainder() {
    return units == null && amount == null;
  }
}
