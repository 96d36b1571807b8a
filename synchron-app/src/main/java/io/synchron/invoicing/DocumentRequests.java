package io.synchron.invoicing;

import io.synchron.billing.Address;
import io.synchron.billing.BankAccount;
import io.synchron.billing.Buyer;
import io.synchron.billing.ExchangeRate;
import io.synchron.billing.IssueRequest;
import io.synchron.billing.LineRequest;
import io.synchron.billing.PriceMode;
import io.synchron.billing.Registration;
import io.synchron.billing.Seller;
import io.synchron.billing.VatRegime;
import io.synchron.config.SynchronProperties;
import io.synchron.order.MarketplaceOrder;
import io.synchron.shared.Failure;
import io.synchron.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps a marketplace order to the billing module's request: the sold lines at the prices and VAT rates the
 * marketplace charged, shipping as a line, the buyer from the marketplace's billing address, the channel's legal
 * entity, and what the marketplace collected as the amount paid. What cannot be invoiced faithfully is refused with
 * the reason (a configuration to complete, a line with two taxes), never guessed.
 */
final class DocumentRequests {

  private DocumentRequests() {}

  static IssueRequest invoice(String channelId, SynchronProperties.Invoicing config, MarketplaceOrder order,
      String requestKey, LocalDate deliveryDate) {
    return invoice(channelId, config, order, requestKey, deliveryDate, null, true);
  }

  /**
   * The invoice of part of an order (one shipment): {@code quantities} by marketplace line (null for the whole
   * order), amounts prorated to the quantities, shipping on it only when {@code withShipping}.
   */
  static IssueRequest invoice(String channelId, SynchronProperties.Invoicing config, MarketplaceOrder order,
      String requestKey, LocalDate deliveryDate, java.util.Map<String, Integer> quantities, boolean withShipping) {
    if (order.currency() == null) {
      throw new NotInvoiceable("the order has no currency");
    }
    boolean included = order.taxMode() == MarketplaceOrder.TaxMode.TAX_INCLUDED;
    if (order.taxMode() == MarketplaceOrder.TaxMode.UNKNOWN) {
      throw new NotInvoiceable("order_tax_mode '" + order.rawTaxMode() + "' is unknown");
    }
    List<LineRequest> lines = new ArrayList<>();
    BigDecimal taxes = BigDecimal.ZERO;
    BigDecimal charged = BigDecimal.ZERO;
    BigDecimal shipping = BigDecimal.ZERO;
    BigDecimal shippingRate = null;
    for (MarketplaceOrder.Line line : order.lines()) {
      if ("CANCELED".equals(line.rawState()) || "REFUSED".equals(line.rawState())) {
        continue;
      }
      int quantity = quantities == null ? line.quantity() : Math.min(line.quantity(), quantities.getOrDefault(line.lineId(), 0));
      if (quantity <= 0) {
        continue;
      }
      BigDecimal share = BigDecimal.valueOf(quantity).divide(BigDecimal.valueOf(line.quantity()), 10,
          java.math.RoundingMode.HALF_UP);
      BigDecimal unit = line.unitPrice() != null ? line.unitPrice()
          : Money.orZero(line.price()).divide(BigDecimal.valueOf(line.quantity()), 6, java.math.RoundingMode.HALF_UP);
      lines.add(LineRequest.goods(line.lineId(), line.title() == null ? line.sku() : line.title(),
          BigDecimal.valueOf(quantity), unit, rate(line.taxes(), line.lineId())).withSku(line.sku()));
      charged = charged.add(quantity == line.quantity() ? Money.orZero(line.price())
          : Money.scaled(Money.orZero(line.price()).multiply(share), order.currency()));
      for (MarketplaceOrder.Tax t : line.taxes()) {
        taxes = taxes.add(quantity == line.quantity() ? t.amount() : Money.scaled(t.amount().multiply(share), order.currency()));
      }
      if (withShipping && line.shippingPrice() != null && line.shippingPrice().signum() > 0) {
        // A shipment of part of a line carries that part of the line's shipping.
        BigDecimal lineShipping = quantity == line.quantity() ? line.shippingPrice()
            : Money.scaled(line.shippingPrice().multiply(share), order.currency());
        shipping = shipping.add(lineShipping);
        BigDecimal r = rate(line.shippingTaxes(), line.lineId() + " shipping");
        if (shippingRate != null && shippingRate.compareTo(r) != 0) {
          throw new NotInvoiceable("shipping is taxed at several rates");
        }
        shippingRate = r;
        for (MarketplaceOrder.Tax t : line.shippingTaxes()) {
          taxes = taxes.add(quantity == line.quantity() ? t.amount()
              : Money.scaled(t.amount().multiply(share), order.currency()));
        }
      }
    }
    if (lines.isEmpty()) {
      throw new NotInvoiceable("no line was sold");
    }
    if (shipping.signum() > 0) {
      lines.add(LineRequest.shipping("shipping", order.shippingMethod() == null ? "Shipping" : order.shippingMethod(),
          shipping, shippingRate));
    }
    charged = charged.add(shipping);
    BigDecimal paid = included ? charged : charged.add(taxes);
    Seller seller = seller(config.seller());
    return new IssueRequest(
        requestKey,
        config.series() != null ? config.series() : channelId.toUpperCase(Locale.ROOT) + "-INV",
        VatRegime.valueOf(config.regime().toUpperCase(Locale.ROOT).replace('-', '_')),
        seller,
        buyer(order),
        order.currency(),
        included ? PriceMode.TAX_INCLUDED : PriceMode.NET,
        lines,
        Money.scaled(paid, order.currency()),
        order.orderId(),
        deliveryDate,
        exchangeRate(config, seller, order.currency(), deliveryDate));
  }

  private static BigDecimal rate(List<MarketplaceOrder.Tax> taxes, String what) {
    if (taxes.isEmpty()) {
      return BigDecimal.ZERO;
    }
    if (taxes.size() > 1) {
      throw new NotInvoiceable(what + " carries " + taxes.size() + " taxes; one VAT rate per line is supported");
    }
    if (taxes.get(0).rate() == null) {
      throw new NotInvoiceable(what + " has a tax without a rate");
    }
    return taxes.get(0).rate();
  }

  static Seller seller(SynchronProperties.LegalEntity e) {
    if (e.name() == null || e.countryCode() == null || e.vatId() == null) {
      throw new NotInvoiceable("the channel's invoicing.seller needs at least name, country-code and vat-id");
    }
    return new Seller(
        e.name(),
        new Address(e.street(), null, e.postalCode(), e.city(), null, e.countryCode()),
        e.vatId(),
        e.registration() == null ? null : Registration.of(e.registration()),
        e.paymentTerms() == null ? "Paid through the marketplace" : e.paymentTerms(),
        e.iban() == null ? null : new BankAccount(e.iban(), e.bic(), e.name()),
        e.accountingCurrency(),
        ZoneId.of(e.zone()));
  }

  static Buyer buyer(MarketplaceOrder order) {
    MarketplaceOrder.Customer c = order.customer();
    MarketplaceOrder.Address a = c == null ? null : c.billing() != null ? c.billing() : c.shipping();
    if (a == null) {
      throw new WaitForAddress();
    }
    String name = String.join(" ", java.util.stream.Stream.of(a.firstName(), a.lastName())
        .filter(java.util.Objects::nonNull).toList()).strip();
    if (a.company() != null && !a.company().isBlank()) {
      name = a.company() + (name.isEmpty() ? "" : " (" + name + ")");
    }
    String country = io.synchron.shared.Countries.alpha2(a.countryIso3());
    if (country == null) {
      throw new NotInvoiceable("the buyer's country '" + a.countryIso3() + "' is not an ISO country");
    }
    String street = a.street1() == null ? "" : a.street1();
    return new Buyer(name.isEmpty() ? "Customer" : name,
        new Address(street, a.street2(), a.zip(), a.city(), a.state(), country), null);
  }

  private static ExchangeRate exchangeRate(SynchronProperties.Invoicing config, Seller seller, String currency,
      LocalDate date) {
    String accounting = seller.vatAccountingCurrency();
    if (accounting == null || accounting.equals(currency)) {
      return null;
    }
    BigDecimal rate = config.exchangeRates().get(currency);
    if (rate == null) {
      throw new NotInvoiceable("the VAT must also be stated in " + accounting + ": set invoicing.exchange-rates."
          + currency + " (1 " + currency + " in " + accounting + ")");
    }
    return new ExchangeRate(accounting, rate, date);
  }

  /** The order cannot be invoiced as it is: a person must complete the configuration or look at the order. */
  static final class NotInvoiceable extends RuntimeException implements Failure.Classified {
    NotInvoiceable(String message) {
      super("Cannot invoice: " + message);
    }

    @Override
    public Failure failure() {
      return new Failure.Permanent(getMessage());
    }
  }

  /** The marketplace has not revealed the buyer's address yet (it does once the order is paid). */
  static final class WaitForAddress extends RuntimeException implements Failure.Classified {
    WaitForAddress() {
      super("Waiting for the buyer's address, which the marketplace shows once the order is paid");
    }

    @Override
    public Failure failure() {
      return new Failure.RetryAfter(java.time.Duration.ofMinutes(10), getMessage());
    }
  }
}
