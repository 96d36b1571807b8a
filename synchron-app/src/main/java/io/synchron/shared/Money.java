package io.synchron.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Money rules: BigDecimal at the currency's ISO-4217 minor units, rounded half-up, never a double. */
public final class Money {

  private Money() {}

  /** The number of decimals of a currency (2 for EUR, 0 for JPY, 3 for KWD); 2 if the code is unknown. */
  public static int minorUnits(String currency) {
    try {
      int digits = Currency.getInstance(currency).getDefaultFractionDigits();
      return digits < 0 ? 2 : digits;
    } catch (IllegalArgumentException | NullPointerException e) {
      return 2;
    }
  }

  /** The amount at the currency's scale; null stays null. */
  public static BigDecimal scaled(BigDecimal amount, String currency) {
    return amount == null ? null : amount.setScale(minorUnits(currency), RoundingMode.HALF_UP);
  }

  /** The amount as the decimal string platforms expect ("19.90", "3.125"). */
  public static String format(BigDecimal amount, String currency) {
    return scaled(amount == null ? BigDecimal.ZERO : amount, currency).toPlainString();
  }

  public static BigDecimal orZero(BigDecimal amount) {
    return amount == null ? BigDecimal.ZERO : amount;
  }
}
