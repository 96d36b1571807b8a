package io.synchron.simulator.shopify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Money arithmetic shared by orders, refunds and returns: amounts are rounded half-even to the
 * currency's minor unit (cents for EUR, none for JPY), and a part of an amount is prorated the same
 * way everywhere.
 */
final class Money {

  private Money() {}

  /** The currency's number of decimals; 2 for a code the JDK does not know. */
  static int scale(String currency) {
    try {
      int digits = Currency.getInstance(currency).getDefaultFractionDigits();
      return digits < 0 ? 2 : digits;
    } catch (IllegalArgumentException | NullPointerException unknown) {
      return 2;
    }
  }

  /** Rounded half-even to the currency's minor unit. */
  static BigDecimal round(BigDecimal amount, String currency) {
    return amount.setScale(scale(currency), RoundingMode.HALF_EVEN);
  }

  static BigDecimal zero(String currency) {
    return BigDecimal.ZERO.setScale(scale(currency));
  }

  /**
   * {@code total × part / whole}, rounded half-even to the currency's minor unit; zero when {@code
   * whole} is zero.
   */
  static BigDecimal prorate(BigDecimal total, BigDecimal part, BigDecimal whole, String currency) {
    if (whole.signum() == 0) {
      return zero(currency);
    }
    return total
        .multiply(part)
        .divide(whole, scale(currency) + 10, RoundingMode.HALF_EVEN)
        .setScale(scale(currency), RoundingMode.HALF_EVEN);
  }

  /** A parsed {@code Money}/{@code Decimal} value, or null when absent or not a number. */
  static BigDecimal parse(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(String.valueOf(value).trim());
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }
}
