package io.synchron.simulator.mirakl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Exact money arithmetic in a currency's ISO 4217 minor units, rounding HALF_UP. */
final class Money {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Money() {}

  static int minorUnits(String currency) {
    return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
  }

  static BigDecimal round(BigDecimal amount, int digits) {
    return amount.setScale(digits, RoundingMode.HALF_UP);
  }

  /** The tax contained in {@code gross}: gross * rate / (100 + rate). */
  static BigDecimal includedTax(BigDecimal gross, BigDecimal ratePercent, int digits) {
    return gross
        .multiply(ratePercent)
        .divide(HUNDRED.add(ratePercent), digits, RoundingMode.HALF_UP);
  }

  /** The tax added on {@code net}: net * rate / 100. */
  static BigDecimal addedTax(BigDecimal net, BigDecimal ratePercent, int digits) {
    return net.multiply(ratePercent).divide(HUNDRED, digits, RoundingMode.HALF_UP);
  }

  /** The tax on an amount expressed in {@code taxMode}. */
  static BigDecimal taxOf(BigDecimal amount, BigDecimal ratePercent, String taxMode, int digits) {
    return NewOrder.TAX_INCLUDED.equals(taxMode)
        ? includedTax(amount, ratePercent, digits)
        : addedTax(amount, ratePercent, digits);
  }

  /** A rate for JSON: no trailing zeros, never in exponent form. */
  static BigDecimal rate(BigDecimal ratePercent) {
    BigDecimal stripped = ratePercent.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
