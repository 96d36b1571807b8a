package io.synchron.intake;

import io.synchron.connector.ShopifyGateway.Contact;
import io.synchron.connector.ShopifyGateway.Line;
import io.synchron.connector.ShopifyGateway.Metafield;
import io.synchron.connector.ShopifyGateway.OrderDraft;
import io.synchron.connector.ShopifyGateway.ShippingLine;
import io.synchron.connector.ShopifyGateway.TaxLine;
import io.synchron.connector.ShopifyGateway.Variant;
import io.synchron.order.MarketplaceOrder;
import io.synchron.order.MarketplaceOrder.TaxMode;
import io.synchron.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the Shopify order for a marketplace order: lines bound to the variants at the prices and taxes the
 * marketplace charged, shipping, the payment recorded as made through the marketplace, addresses, and the context
 * an operations team works from (tags, the marketplace order id, the shipping deadline, commission, the customer's
 * own reference). Refuses (as {@link ImportNotPossible}) what it cannot build faithfully rather than guessing.
 */
final class ImportDraftFactory {

  static final int MAX_TEXT = 255;

  private ImportDraftFactory() {}

  private static final java.util.Set<String> NOT_SOLD = java.util.Set.of("CANCELED", "REFUSED");

  /** The lines that were sold: cancelled and refused lines stay out of Shopify. */
  static List<MarketplaceOrder.Line> importedLines(MarketplaceOrder order) {
    return order.lines().stream().filter(l -> !NOT_SOLD.contains(l.rawState())).toList();
  }

  static String sourceIdentifier(String platform, String channelId, String orderId) {
    return platform + ":" + channelId + ":" + orderId;
  }

  static OrderDraft draft(
      String platform, String platformLabel, String channelId, MarketplaceOrder order, Map<String, Variant> variants) {
    if (order.taxMode() == TaxMode.UNKNOWN) {
      throw new ImportNotPossible(
          "order_tax_mode is '" + order.rawTaxMode()
              + "': Synchron cannot tell whether the marketplace's prices include tax, so it does not guess");
    }
    if (order.currency() == null) {
      throw new ImportNotPossible("the marketplace order has no currency");
    }
    List<MarketplaceOrder.Line> sold = importedLines(order);
    if (sold.isEmpty()) {
      throw new ImportNotPossible("the marketplace order has no line left that was sold");
    }
    boolean someLeftOut = sold.size() < order.lines().size();
    String currency = order.currency();
    boolean included = order.taxMode() == TaxMode.TAX_INCLUDED;
    List<Line> lines = new ArrayList<>();
    BigDecimal linesTotal = BigDecimal.ZERO;
    BigDecimal taxTotal = BigDecimal.ZERO;
    Map<String, TaxLine> shippingTaxes = new LinkedHashMap<>();
    BigDecimal shippingTotal = BigDecimal.ZERO;
    for (MarketplaceOrder.Line line : sold) {
      Variant variant = variants.get(line.sku());
      if (variant == null) {
        throw new ImportNotPossible("SKU " + line.sku() + " no longer matches a Shopify variant");
      }
      // Units cancelled in part before the import are not sold: the Shopify order gets the units left.
      int quantity = line.remainingQuantity();
      BigDecimal lineTotal =
          line.price() != null
              ? line.price()
              : Money.orZero(line.unitPrice()).multiply(BigDecimal.valueOf(quantity));
      BigDecimal unit =
          line.unitPrice() != null
              ? line.unitPrice()
              : lineTotal.divide(BigDecimal.valueOf(Math.max(1, quantity)), Money.minorUnits(currency),
                  RoundingMode.HALF_UP);
      List<TaxLine> taxes = new ArrayList<>();
      for (MarketplaceOrder.Tax tax : line.taxes()) {
        taxes.add(taxLine(tax, lineTotal, included, currency));
        taxTotal = taxTotal.add(tax.amount());
      }
      lines.add(new Line(line.lineId(), variant.id(), line.sku(), clip(line.title()), quantity,
          Money.scaled(unit, currency), taxes));
      linesTotal = linesTotal.add(lineTotal);
      BigDecimal lineShipping = Money.orZero(line.shippingPrice());
      shippingTotal = shippingTotal.add(lineShipping);
      for (MarketplaceOrder.Tax tax : line.shippingTaxes()) {
        TaxLine t = taxLine(tax, lineShipping, included, currency);
        shippingTaxes.merge(t.title() + "|" + t.rate().stripTrailingZeros().toPlainString(), t,
            (a, b) -> new TaxLine(a.title(), a.rate(), a.amount().add(b.amount())));
        taxTotal = taxTotal.add(tax.amount());
      }
    }
    BigDecimal shipping =
        order.shippingPrice() != null && !someLeftOut ? order.shippingPrice() : shippingTotal;
    ShippingLine shippingLine =
        shipping.signum() == 0 && shippingTaxes.isEmpty()
            ? null
            : new ShippingLine(
                order.shippingMethod() == null ? "Marketplace shipping" : clip(order.shippingMethod()),
                null,
                Money.scaled(shipping, currency),
                List.copyOf(shippingTaxes.values()));
    BigDecimal charged = linesTotal.add(shipping);
    if (order.totalPrice() != null
        && Money.scaled(order.totalPrice(), currency).compareTo(Money.scaled(charged, currency)) != 0) {
      // Fees, a partial cancellation or anything else Synchron does not model: the Shopify order would not match
      // what the marketplace collected, so it is not created on a guess.
      throw new ImportNotPossible(
          "the marketplace's total_price " + Money.format(order.totalPrice(), currency) + " " + currency
              + " differs from the sold lines and shipping, " + Money.format(charged, currency) + " " + currency);
    }
    BigDecimal paid = included ? charged : charged.add(taxTotal);
    MarketplaceOrder.Customer customer = order.customer();
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("Marketplace", platformLabel);
    attributes.put("Channel", channelId);
    attributes.put("Marketplace order", order.orderId());
    attributes.put("Commercial order", order.commercialId());
    attributes.put("Customer order reference", order.customerOrderReference());
    attributes.put("Sales channel", order.salesChannel());
    if (order.shippingDeadline() != null) {
      attributes.put("Ship by", DateTimeFormatter.ISO_INSTANT.format(order.shippingDeadline()));
    }
    if (order.totalCommission() != null) {
      attributes.put("Marketplace commission", Money.format(order.totalCommission(), currency) + " " + currency);
    }
    List<Metafield> metafields = new ArrayList<>();
    metafields.add(new Metafield("$app:synchron", "channel", "single_line_text_field", channelId));
    if (order.shippingDeadline() != null) {
      metafields.add(new Metafield("$app:synchron", "shipping_deadline", "date_time",
          DateTimeFormatter.ISO_INSTANT.format(order.shippingDeadline())));
    }
    if (order.totalCommission() != null) {
      metafields.add(new Metafield("$app:synchron", "commission", "number_decimal",
          Money.format(order.totalCommission(), currency)));
    }
    if (order.customerOrderReference() != null) {
      metafields.add(new Metafield("$app:synchron", "customer_order_reference", "single_line_text_field",
          clip(order.customerOrderReference())));
    }
    return new OrderDraft(
        sourceIdentifier(platform, channelId, order.orderId()),
        null,
        order.orderId(),
        currency,
        included,
        order.createdAt(),
        customer == null ? null : customer.email(),
        platformLabel + " order " + order.orderId() + " (channel " + channelId + ")"
            + (order.shippingDeadline() == null ? "" : ", ship by " + order.shippingDeadline()),
        List.of("synchron", "platform:" + platform, "channel:" + clip(channelId), "mkp-order:" + clip(order.orderId())),
        customer == null ? null : contact(customer.firstName(), customer.lastName(), null),
        customer == null ? null : contact(null, null, customer.billing()),
        customer == null ? null : contact(null, null, customer.shipping()),
        lines,
        shippingLine,
        Money.scaled(paid, currency),
        platform,
        attributes,
        metafields);
  }

  /**
   * Shopify wants a rate with each tax line. Mirakl gives it as a percentage; when it is missing, it is derived from
   * the amount and the taxable base (which, with tax included, is the price less the tax).
   */
  private static TaxLine taxLine(MarketplaceOrder.Tax tax, BigDecimal price, boolean included, String currency) {
    BigDecimal rate;
    if (tax.rate() != null) {
      rate = tax.rate().divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP).stripTrailingZeros();
    } else {
      BigDecimal base = included ? price.subtract(tax.amount()) : price;
      rate = base.signum() == 0 ? BigDecimal.ZERO : tax.amount().divide(base, 6, RoundingMode.HALF_UP).stripTrailingZeros();
    }
    return new TaxLine(tax.code() == null ? "Tax" : clip(tax.code()), rate, Money.scaled(tax.amount(), currency));
  }

  private static Contact contact(String firstName, String lastName, MarketplaceOrder.Address a) {
    if (a == null) {
      if (firstName == null && lastName == null) {
        return null;
      }
      return new Contact(clip(firstName), clip(lastName), null, null, null, null, null, null, null, null);
    }
    return new Contact(
        clip(a.firstName()),
        clip(a.lastName()),
        clip(a.company()),
        clip(a.street1()),
        clip(a.street2()),
        clip(a.zip()),
        clip(a.city()),
        clip(a.state()),
        countryCode(a.countryIso3()),
        clip(a.phone()));
  }

  /** Mirakl sends ISO 3166 alpha-3 (FRA); Shopify wants alpha-2 (FR). Unknown codes are left out, not guessed. */
  static String countryCode(String iso3) {
    return io.synchron.shared.Countries.alpha2(iso3);
  }

  /** Shopify's text fields take 255 characters; longer marketplace text is cut at a code-point boundary. */
  static String clip(String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.strip();
    if (trimmed.codePointCount(0, trimmed.length()) <= MAX_TEXT) {
      return trimmed;
    }
    return trimmed.substring(0, trimmed.offsetByCodePoints(0, MAX_TEXT));
  }

  /** The order cannot be imported faithfully; a person must look. */
  static final class ImportNotPossible extends RuntimeException implements io.synchron.shared.Failure.Classified {
    ImportNotPossible(String message) {
      super(message);
    }

    @Override
    public io.synchron.shared.Failure failure() {
      return new io.synchron.shared.Failure.Permanent("Cannot import into Shopify: " + getMessage());
    }
  }
}
