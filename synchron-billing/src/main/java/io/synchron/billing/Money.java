package io.synchron.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Rounding of amounts to a currency's ISO 4217 minor unit. Every rounding in this module is HALF_UP, the convention
 * EN 16931 examples and the CEN schematron (BR-CO-17) assume; no rounding happens anywhere else.
 */
final class Money {

  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Money() {}

  static int scale(String currency) {
    return Currency.getInstance(currency).getDefaultFractionDigits();
  }

  static BigDecimal round(BigDecimal amount, String currency) {
    return amount.setScale(scale(currency), RoundingMode.HALF_UP);
  }

  static BigDecimal zero(String currency) {
    return BigDecimal.ZERO.setScale(scale(currency));
  }

  /** The VAT of a taxable amount at a percentage rate, per BR-CO-17: amount × rate / 100, rounded to the minor unit. */
  static BigDecimal vat(BigDecimal taxable, BigDecimal ratePercent, String currency) {
    return round(taxable.multiply(ratePercent).divide(HUNDRED), currency);
  }
}
