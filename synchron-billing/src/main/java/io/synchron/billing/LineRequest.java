package io.synchron.billing;

import java.math.BigDecimal;

/**
 * One line of an order to invoice, in the price mode of its {@link IssueRequest}.
 *
 * @param lineId the marketplace's id of the order line; credit notes refer to lines by it, so it is unique per request
 * @param kind goods or shipping
 * @param description item name (BT-153), any script
 * @param sku the seller's item id (BT-155), optional
 * @param quantity invoiced quantity (BT-129), above zero, at most 4 decimals
 * @param unitPrice price of one unit, zero or more (a free gift line is allowed), at most 6 decimals
 * @param discount total discount on this line (an amount, not per unit), zero or more, at most the line's amount
 * @param vatCategory VAT category of the line (replaced by {@link VatCategory#EXPORT} under
 *     {@link VatRegime#EXPORT_ZERO_RATED})
 * @param vatRate percentage (e.g. 20, 5.5, 0): above zero for {@link VatCategory#STANDARD}, zero otherwise
 */
public record LineRequest(
    String lineId,
    LineKind kind,
    String description,
    String sku,
    BigDecimal quantity,
    BigDecimal unitPrice,
    BigDecimal discount,
    VatCategory vatCategory,
    BigDecimal vatRate) {

  public LineRequest {
    lineId = Checks.text(lineId, "lineId");
    Checks.present(kind, "kind");
    description = Checks.text(description, "description");
    sku = Checks.optionalText(sku);
    Checks.present(quantity, "quantity");
    if (quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 4) {
      throw new IllegalArgumentException("quantity must be above zero with at most 4 decimals: " + quantity);
    }
    Checks.notNegative(unitPrice, "unitPrice");
    if (unitPrice.stripTrailingZeros().scale() > 6) {
      throw new IllegalArgumentException("unitPrice has more than 6 decimals: " + unitPrice);
    }
    discount = discount == null ? BigDecimal.ZERO : Checks.notNegative(discount, "discount");
    Checks.present(vatCategory, "vatCategory");
    Checks.notNegative(vatRate, "vatRate");
    vatRate = vatRate.signum() == 0 ? BigDecimal.ZERO : vatRate.stripTrailingZeros();
    if (vatRate.scale() < 0) {
      vatRate = vatRate.setScale(0);
    }
    if ((vatCategory == VatCategory.STANDARD) != (vatRate.signum() > 0)) {
      throw new IllegalArgumentException("a " + vatCategory + " line needs a rate "
          + (vatCategory == VatCategory.STANDARD ? "above zero" : "of zero") + ", got " + vatRate);
    }
  }

  /** A goods line without discount and without SKU. */
  public static LineRequest goods(
      String lineId, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal vatRate) {
    VatCategory category = vatRate.signum() > 0 ? VatCategory.STANDARD : VatCategory.ZERO_RATED;
    return new LineRequest(
        lineId, LineKind.GOODS, description, null, quantity, unitPrice, BigDecimal.ZERO, category, vatRate);
  }

  /** A shipping line: one unit at the shipping price (zero for free shipping). */
  public static LineRequest shipping(String lineId, String description, BigDecimal price, BigDecimal vatRate) {
    VatCategory category = vatRate.signum() > 0 ? VatCategory.STANDARD : VatCategory.ZERO_RATED;
    return new LineRequest(
        lineId, LineKind.SHIPPING, description, null, BigDecimal.ONE, price, BigDecimal.ZERO, category, vatRate);
  }

  public LineRequest withDiscount(BigDecimal amount) {
    return new LineRequest(lineId, kind, description, sku, quantity, unitPrice, amount, vatCategory, vatRate);
  }

  public LineRequest withSku(String value) {
    return new LineRequest(lineId, kind, description, value, quantity, unitPrice, discount, vatCategory, vatRate);
  }

  LineRequest withVat(VatCategory category, BigDecimal rate) {
    return new LineRequest(lineId, kind, description, sku, quantity, unitPrice, discount, category, rate);
  }
}
