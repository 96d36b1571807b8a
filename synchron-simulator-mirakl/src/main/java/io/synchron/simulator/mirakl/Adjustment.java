package io.synchron.simulator.mirakl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The money of a cancellation or a refund: what OR30 and OR28 ask for, and how it is turned into
 * amounts in the order's native tax mode. Taxes the request leaves out are computed in proportion
 * to the amount, as Mirakl does for tax codes whose rule is PROPORTIONAL_TO_AMOUNT (the rule the
 * simulator's lines carry); taxes the request gives are taken as given.
 */
final class Adjustment {
  private Adjustment() {}

  /** Price part, its tax, shipping part, its tax; all in one tax mode. */
  record Totals(BigDecimal amount, BigDecimal tax, BigDecimal shipping, BigDecimal shippingTax) {

    static Totals zero() {
      return new Totals(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    Totals plus(Totals other) {
      return new Totals(
          amount.add(other.amount),
          tax.add(other.tax),
          shipping.add(other.shipping),
          shippingTax.add(other.shippingTax));
    }

    Totals minus(Totals other) {
      return new Totals(
          amount.subtract(other.amount),
          tax.subtract(other.tax),
          shipping.subtract(other.shipping),
          shippingTax.subtract(other.shippingTax));
    }

    /** The first part below zero, by its OR28/OR30 field name, or null. */
    String negativePart() {
      if (amount.signum() < 0) {
        return "amount";
      }
      if (shipping.signum() < 0) {
        return "shipping_amount";
      }
      if (tax.signum() < 0) {
        return "taxes";
      }
      return shippingTax.signum() < 0 ? "shipping_taxes" : null;
    }

    boolean isZero() {
      return amount.signum() == 0
          && tax.signum() == 0
          && shipping.signum() == 0
          && shippingTax.signum() == 0;
    }
  }

  /**
   * One OR28 or OR30 entry, or one operator refund.
   *
   * @param lineId the order line
   * @param amount price part, in {@code taxMode}
   * @param shippingAmount shipping part, in {@code taxMode}
   * @param quantity the quantity, 0 when not given
   * @param reasonCode the reason code
   * @param taxes tax code to amount on the price part, or null when not given
   * @param shippingTaxes tax code to amount on the shipping part, or null when not given
   * @param taxMode the mode of the amounts, or null for the order's own
   * @param field the request field of the entry, e.g. {@code refunds[0]}, for error messages
   */
  record Request(
      String lineId,
      BigDecimal amount,
      BigDecimal shippingAmount,
      int quantity,
      String reasonCode,
      Map<String, BigDecimal> taxes,
      Map<String, BigDecimal> shippingTaxes,
      String taxMode,
      String field) {}

  /**
   * The request's amounts in the order's native mode. Computed taxes are capped at what is left to
   * take back, so that rounding never makes a series of partial adjustments exceed the line.
   *
   * @throws ApiError.Failure if an amount has too many decimals or a tax code is not the line's
   */
  static Totals toNative(SimOrder order, SimLine line, Request request, Totals left) {
    String mode = request.taxMode() != null ? request.taxMode() : order.taxMode;
    BigDecimal amount = scaled(order, request.amount(), request.field() + ".amount");
    BigDecimal shipping =
        scaled(order, request.shippingAmount(), request.field() + ".shipping_amount");
    BigDecimal tax =
        tax(
            order,
            request.taxes(),
            amount,
            new TaxBase(line.price, line.tax, line.taxRate, left.tax()),
            mode,
            request.field() + ".taxes");
    BigDecimal shippingTax =
        tax(
            order,
            request.shippingTaxes(),
            shipping,
            new TaxBase(
                line.shippingPrice, line.shippingTax, line.shippingTaxRate, left.shippingTax()),
            mode,
            request.field() + ".shipping_taxes");
    return new Totals(
        convert(amount, tax, mode, order.taxMode),
        tax,
        convert(shipping, shippingTax, mode, order.taxMode),
        shippingTax);
  }

  /** The commission taken back with {@code taken}: the line's, in proportion. */
  static BigDecimal commission(SimOrder order, SimLine line, Totals taken) {
    BigDecimal base = line.price.add(line.shippingPrice);
    if (base.signum() == 0) {
      return BigDecimal.ZERO.setScale(order.digits);
    }
    return line.commissionFee
        .multiply(taken.amount().add(taken.shipping()))
        .divide(base, order.digits, RoundingMode.HALF_UP);
  }

  /** {@code amount}, with tax {@code tax}, expressed in {@code to} instead of {@code from}. */
  static BigDecimal convert(BigDecimal amount, BigDecimal tax, String from, String to) {
    if (from.equals(to)) {
      return amount;
    }
    return NewOrder.TAX_INCLUDED.equals(from) ? amount.subtract(tax) : amount.add(tax);
  }

  /** The line's price (or shipping) in native mode, its tax and rate, and the tax left. */
  private record TaxBase(BigDecimal price, BigDecimal tax, BigDecimal rate, BigDecimal left) {}

  /**
   * The tax taken back with {@code amount}: the sum of the given taxes, else the line's tax in
   * proportion.
   */
  private static BigDecimal tax(
      SimOrder order,
      Map<String, BigDecimal> given,
      BigDecimal amount,
      TaxBase base,
      String mode,
      String field) {
    BigDecimal linePrice = base.price();
    BigDecimal lineTax = base.tax();
    BigDecimal rate = base.rate();
    BigDecimal left = base.left();
    if (given != null) {
      BigDecimal sum = BigDecimal.ZERO.setScale(order.digits);
      for (Map.Entry<String, BigDecimal> entry : given.entrySet()) {
        if (rate.signum() == 0 || !OrderRenderer.TAX_CODE.equals(entry.getKey())) {
          throw invalid(field, "The order line has no tax " + entry.getKey());
        }
        sum = sum.add(scaled(order, entry.getValue(), field + ".amount"));
      }
      return sum;
    }
    BigDecimal priceInMode = convert(linePrice, lineTax, order.taxMode, mode);
    if (priceInMode.signum() == 0 || lineTax.signum() == 0) {
      return BigDecimal.ZERO.setScale(order.digits);
    }
    BigDecimal proportional =
        amount.multiply(lineTax).divide(priceInMode, order.digits, RoundingMode.HALF_UP);
    return proportional.min(left.max(BigDecimal.ZERO));
  }

  private static BigDecimal scaled(SimOrder order, BigDecimal amount, String field) {
    if (amount.signum() < 0) {
      throw invalid(field, field + " must not be negative");
    }
    if (amount.stripTrailingZeros().scale() > order.digits) {
      throw invalid(
          field, field + " has more decimals than " + order.currency + " allows");
    }
    return amount.setScale(order.digits, RoundingMode.UNNECESSARY);
  }

  private static ApiError.Failure invalid(String field, String message) {
    return new ApiError.Failure(ApiError.badRequest("VALIDATION_ERROR", field, message));
  }
}
