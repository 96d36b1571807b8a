package io.synchron.billing;

import java.math.BigDecimal;

/**
 * The document total compared with what the marketplace charged (or refunded). A difference is never absorbed into
 * the VAT or the totals: it is reported here, and on the document as a non-zero amount due (BT-115).
 *
 * @param documentTotal BT-112, total including VAT
 * @param marketplaceAmount what the marketplace charged or refunded
 * @param difference {@code documentTotal − marketplaceAmount}: positive when the document asks for more than was
 *     charged
 */
public record Reconciliation(BigDecimal documentTotal, BigDecimal marketplaceAmount, BigDecimal difference) {

  static Reconciliation of(BigDecimal documentTotal, BigDecimal marketplaceAmount) {
    return new Reconciliation(documentTotal, marketplaceAmount, documentTotal.subtract(marketplaceAmount));
  }

  public boolean matches() {
    return difference.signum() == 0;
  }
}
