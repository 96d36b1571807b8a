package io.synchron.simulator.mirakl;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of an order a simulated customer places.
 *
 * @param offerSku the seller's offer SKU (OR11 {@code offer_sku}); not blank
 * @param productTitle the product title shown on the line; not null
 * @param quantity the quantity bought; at least 1
 * @param unitPrice the unit price in the order's currency and tax mode; not negative, and with no
 *     more decimals than the currency allows (checked when the order is built)
 * @param taxRatePercent the tax rate as a percentage (20 means 20 %); not negative; 0 means untaxed
 */
public record NewLine(
    String offerSku,
    String productTitle,
    int quantity,
    BigDecimal unitPrice,
    BigDecimal taxRatePercent) {

  public NewLine {
    if (offerSku == null || offerSku.isBlank()) {
      throw new IllegalArgumentException("offerSku must not be blank");
    }
    Objects.requireNonNull(productTitle, "productTitle");
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
    }
    Objects.requireNonNull(unitPrice, "unitPrice");
    Objects.requireNonNull(taxRatePercent, "taxRatePercent");
    if (unitPrice.signum() < 0) {
      throw new IllegalArgumentException("unitPrice must not be negative, was " + unitPrice);
    }
    if (taxRatePercent.signum() < 0) {
      throw new IllegalArgumentException("taxRatePercent must not be negative");
    }
  }
}
