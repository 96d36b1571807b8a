package io.synchron.simulator.mirakl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An order a simulated customer places on the marketplace; {@link MiraklSimulator#placeOrder} turns
 * it into a Mirakl logistic order in WAITING_ACCEPTANCE.
 *
 * <p>Amounts are in {@code currency} and expressed in {@code taxMode}: with TAX_INCLUDED the unit
 * and shipping prices include tax, with TAX_EXCLUDED they do not. No amount may carry more decimals
 * than the currency's ISO 4217 minor units ({@link Currency#getDefaultFractionDigits()}), so that
 * the simulator never rounds what the caller gave it.
 *
 * @param commercialId the customer's checkout id, or null to let the simulator generate a unique
 *     one; the order id is {@code <commercialId>-A}
 * @param currency ISO 4217 code such as EUR or KWD
 * @param taxMode {@code TAX_INCLUDED} or {@code TAX_EXCLUDED}
 * @param shippingPrice the order's shipping price, spread over the lines in proportion to their
 *     price
 * @param shippingTaxRate tax rate of shipping, in percent
 * @param customer the buyer
 * @param channelCode sales channel code (OR11 {@code channel.code})
 * @param shippingDeadline the shipping deadline, or null for two days after creation
 * @param commissionRate marketplace commission as a fraction (0.15 = 15 %) of price plus shipping
 * @param referenceForCustomer {@code references.order_reference_for_customer}, or null
 * @param lines at least one line
 */
public record NewOrder(
    String commercialId,
    String currency,
    String taxMode,
    BigDecimal shippingPrice,
    BigDecimal shippingTaxRate,
    NewCustomer customer,
    String channelCode,
    Instant shippingDeadline,
    BigDecimal commissionRate,
    String referenceForCustomer,
    List<NewLine> lines) {

  /** The tax mode where prices include tax. */
  public static final String TAX_INCLUDED = "TAX_INCLUDED";

  /** The tax mode where prices exclude tax. */
  public static final String TAX_EXCLUDED = "TAX_EXCLUDED";

  public NewOrder {
    Objects.requireNonNull(currency, "currency");
    int digits = Currency.getInstance(currency).getDefaultFractionDigits();
    if (!TAX_INCLUDED.equals(taxMode) && !TAX_EXCLUDED.equals(taxMode)) {
      throw new IllegalArgumentException(
          "taxMode must be TAX_INCLUDED or TAX_EXCLUDED, was " + taxMode);
    }
    Objects.requireNonNull(shippingPrice, "shippingPrice");
    Objects.requireNonNull(shippingTaxRate, "shippingTaxRate");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(channelCode, "channelCode");
    Objects.requireNonNull(commissionRate, "commissionRate");
    if (shippingPrice.signum() < 0 || shippingTaxRate.signum() < 0 || commissionRate.signum() < 0) {
      throw new IllegalArgumentException(
          "shipping price, rates and commission must not be negative");
    }
    if (commercialId != null && commercialId.isBlank()) {
      throw new IllegalArgumentException("commercialId must be null or not blank");
    }
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an order needs at least one line");
    }
    requireMinorUnits("shippingPrice", shippingPrice, currency, digits);
    for (NewLine line : lines) {
      requireMinorUnits("unitPrice of " + line.offerSku(), line.unitPrice(), currency, digits);
    }
  }

  private static void requireMinorUnits(
      String what, BigDecimal amount, String currency, int digits) {
    if (amount.stripTrailingZeros().scale() > Math.max(digits, 0)) {
      throw new IllegalArgumentException(
          what + " " + amount + " has more decimals than " + currency + " allows (" + digits + ")");
    }
  }

  /**
   * A builder with sensible defaults: EUR, TAX_INCLUDED, shipping 4.90 at 20 %, a Parisian
   * customer, channel FR, commission 15 %, generated commercial id. Only lines have to be added.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Fluent builder of {@link NewOrder}; not thread-safe. */
  public static final class Builder {
    private static final BigDecimal DEFAULT_SHIPPING = new BigDecimal("4.90");
    private static final BigDecimal TWENTY = new BigDecimal("20");

    private String commercialId;
    private String currency = "EUR";
    private String taxMode = TAX_INCLUDED;
    private BigDecimal shippingPrice;
    private BigDecimal shippingTaxRate = TWENTY;
    private NewCustomer customer = NewCustomer.parisian();
    private String channelCode = "FR";
    private Instant shippingDeadline;
    private BigDecimal commissionRate = new BigDecimal("0.15");
    private String referenceForCustomer;
    private final List<NewLine> lines = new ArrayList<>();

    private Builder() {}

    public Builder commercialId(String commercialId) {
      this.commercialId = commercialId;
      return this;
    }

    public Builder currency(String currency) {
      this.currency = currency;
      return this;
    }

    public Builder taxMode(String taxMode) {
      this.taxMode = taxMode;
      return this;
    }

    public Builder shippingPrice(BigDecimal shippingPrice) {
      this.shippingPrice = shippingPrice;
      return this;
    }

    public Builder shippingTaxRate(BigDecimal shippingTaxRate) {
      this.shippingTaxRate = shippingTaxRate;
      return this;
    }

    public Builder customer(NewCustomer customer) {
      this.customer = customer;
      return this;
    }

    public Builder channelCode(String channelCode) {
      this.channelCode = channelCode;
      return this;
    }

    public Builder shippingDeadline(Instant shippingDeadline) {
      this.shippingDeadline = shippingDeadline;
      return this;
    }

    public Builder commissionRate(BigDecimal commissionRate) {
      this.commissionRate = commissionRate;
      return this;
    }

    public Builder referenceForCustomer(String referenceForCustomer) {
      this.referenceForCustomer = referenceForCustomer;
      return this;
    }

    /** Adds a line. */
    public Builder line(
        String offerSku,
        String productTitle,
        int quantity,
        BigDecimal unitPrice,
        BigDecimal taxRatePercent) {
      return line(new NewLine(offerSku, productTitle, quantity, unitPrice, taxRatePercent));
    }

    /** Adds a line taxed at 20 %. */
    public Builder line(String offerSku, String productTitle, int quantity, BigDecimal unitPrice) {
      return line(offerSku, productTitle, quantity, unitPrice, TWENTY);
    }

    /** Adds a line. */
    public Builder line(NewLine line) {
      lines.add(Objects.requireNonNull(line, "line"));
      return this;
    }

    /**
     * Builds the order. An unset shipping price defaults to 4.90, rounded to the currency's minor
     * units (5 in JPY).
     */
    public NewOrder build() {
      BigDecimal shipping = shippingPrice;
      if (shipping == null) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        shipping = DEFAULT_SHIPPING.setScale(Math.max(digits, 0), RoundingMode.HALF_UP);
      }
      return new NewOrder(
          commercialId,
          currency,
          taxMode,
          shipping,
          shippingTaxRate,
          customer,
          channelCode,
          shippingDeadline,
          commissionRate,
          referenceForCustomer,
          lines);
    }
  }
}
