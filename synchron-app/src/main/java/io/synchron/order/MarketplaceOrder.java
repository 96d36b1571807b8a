package io.synchron.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A marketplace order as Synchron understands it, whatever the platform: the connector maps the wire format to this.
 * Amounts are in {@link #currency()}; whether they include tax is {@link #taxMode()}.
 */
public record MarketplaceOrder(
    String orderId,
    String commercialId,
    MarketplaceState state,
    String rawState,
    Instant createdAt,
    Instant updatedAt,
    String currency,
    TaxMode taxMode,
    String rawTaxMode,
    BigDecimal shippingPrice,
    BigDecimal totalPrice,
    BigDecimal totalCommission,
    Instant shippingDeadline,
    String customerOrderReference,
    String salesChannel,
    String shippingMethod,
    Customer customer,
    List<Line> lines) {

  public MarketplaceOrder {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(state, "state");
    lines = List.copyOf(lines);
  }

  /** Where prices include tax or not, as the marketplace charged them. */
  public enum TaxMode {
    TAX_INCLUDED,
    TAX_EXCLUDED,
    UNKNOWN
  }

  /** The buyer; addresses are null until the marketplace reveals them (after payment). */
  public record Customer(
      String customerId, String firstName, String lastName, String email, Address billing, Address shipping) {}

  public record Address(
      String firstName,
      String lastName,
      String company,
      String street1,
      String street2,
      String zip,
      String city,
      String state,
      String countryIso3,
      String phone) {}

  public record Tax(String code, BigDecimal rate, BigDecimal amount) {}

  public record Line(
      String lineId,
      String sku,
      String title,
      int quantity,
      BigDecimal unitPrice,
      BigDecimal price,
      BigDecimal shippingPrice,
      BigDecimal commission,
      List<Tax> taxes,
      List<Tax> shippingTaxes,
      String rawState,
      List<Refund> refunds,
      Integer cancelledQuantity) {

    public Line {
      taxes = taxes == null ? List.of() : List.copyOf(taxes);
      shippingTaxes = shippingTaxes == null ? List.of() : List.copyOf(shippingTaxes);
      refunds = refunds == null ? List.of() : List.copyOf(refunds);
      // Snapshots stored before this field existed read as nothing cancelled in part.
      cancelledQuantity = cancelledQuantity == null ? 0 : Math.max(0, cancelledQuantity);
    }

    /** A line with refunds and nothing cancelled in part. */
    public Line(String lineId, String sku, String title, int quantity, BigDecimal unitPrice, BigDecimal price,
        BigDecimal shippingPrice, BigDecimal commission, List<Tax> taxes, List<Tax> shippingTaxes, String rawState,
        List<Refund> refunds) {
      this(lineId, sku, title, quantity, unitPrice, price, shippingPrice, commission, taxes, shippingTaxes, rawState,
          refunds, 0);
    }

    /** The units still sold: the quantity less the units cancelled in part. */
    public int remainingQuantity() {
      return Math.max(0, quantity - cancelledQuantity);
    }

    /** A line without refunds. */
    public Line(String lineId, String sku, String title, int quantity, BigDecimal unitPrice, BigDecimal price,
        BigDecimal shippingPrice, BigDecimal commission, List<Tax> taxes, List<Tax> shippingTaxes, String rawState) {
      this(lineId, sku, title, quantity, unitPrice, price, shippingPrice, commission, taxes, shippingTaxes, rawState,
          List.of(), 0);
    }
  }

  /**
   * Money the marketplace gave back on a line (by its customer service, after a return, or at the seller's request),
   * amounts in the order's tax mode.
   */
  public record Refund(
      String id,
      BigDecimal amount,
      BigDecimal shippingAmount,
      List<Tax> taxes,
      List<Tax> shippingTaxes,
      String reasonCode,
      String state,
      int quantity) {

    public Refund {
      taxes = taxes == null ? List.of() : List.copyOf(taxes);
      shippingTaxes = shippingTaxes == null ? List.of() : List.copyOf(shippingTaxes);
    }
  }
}
