package io.synchron.billing;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** Argument checks shared by the request records; a violation is a programming error of the caller. */
final class Checks {

  private Checks() {}

  static String text(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value.strip();
  }

  static String optionalText(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static <T> T present(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must be given");
    }
    return value;
  }

  static BigDecimal notNegative(BigDecimal value, String name) {
    present(value, name);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value.toPlainString());
    }
    return value;
  }

  static String countryCode(String value, String name) {
    String code = text(value, name).toUpperCase(Locale.ROOT);
    if (!code.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException(name + " must be an ISO 3166-1 alpha-2 code: " + value);
    }
    return code;
  }

  /**
   * An ISO 4217 code usable on an EN 16931 document: the standard allows at most two decimals on amounts
   * (BR-DEC-*), so currencies with three minor digits (KWD, BHD...) are refused rather than silently rounded.
   */
  static String currency(String value, String name) {
    String code = text(value, name).toUpperCase(Locale.ROOT);
    Currency currency;
    try {
      currency = Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " is not an ISO 4217 currency: " + value, e);
    }
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0 || digits > 2) {
      throw new IllegalArgumentException(
          name + " " + code + " has " + digits + " minor digits; EN 16931 amounts allow at most 2");
    }
    return code;
  }

  /** The amount must already be at (or below) the currency's minor unit: requests carry money, not estimates. */
  static BigDecimal money(BigDecimal value, String currency, String name) {
    notNegative(value, name);
    int scale = Money.scale(currency);
    if (value.stripTrailingZeros().scale() > scale) {
      throw new IllegalArgumentException(
          name + " " + value.toPlainString() + " has more decimals than " + currency + " allows (" + scale + ")");
    }
    return value.setScale(scale);
  }
}
