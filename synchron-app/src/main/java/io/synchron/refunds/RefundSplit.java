package io.synchron.refunds;

import io.synchron.order.MarketplaceOrder;
import io.synchron.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Splits a Shopify refund into the marketplace's per-line refunds (Mirakl OR28), to the cent, against what the
 * marketplace says is still refundable on each line.
 *
 * <ul>
 *   <li>A refunded line's subtotal becomes the line's {@code amount} (Synchron creates Shopify orders in the
 *       marketplace's tax mode, so both include tax or both exclude it); its tax is split across the marketplace
 *       line's tax codes in proportion to what is left of each.
 *   <li>Shopify refunds shipping per order, the marketplace per line: the shipping refund (and its tax) is split
 *       across the lines in proportion to the shipping each still has to refund.
 *   <li>A refund that moved less money than its lines and shipping are worth (a reduced amount typed in Shopify) is
 *       scaled down in proportion, so the marketplace pays back what the customer was told.
 *   <li>Money not tied to a line or to shipping cannot be placed on a marketplace line, and a part that exceeds what
 *       is still refundable would be refused by the marketplace: both are {@link Refused} with the amounts.
 * </ul>
 *
 * Every split is made in minor units with the largest-remainder rule, so the parts add up to the whole exactly.
 */
public final class RefundSplit {

  private RefundSplit() {}

  /** A Shopify refund in Synchron's terms: lines already mapped to the marketplace's line ids. */
  public record StoreRefund(String id, List<StoreLine> lines, BigDecimal shipping, BigDecimal shippingTax,
      BigDecimal money, Boolean afterReturn) {

    public StoreRefund(String id, List<StoreLine> lines, BigDecimal shipping, BigDecimal shippingTax,
        BigDecimal money) {
      this(id, lines, shipping, shippingTax, money, false);
    }

    public StoreRefund {
      // Figures stored before this field existed read as not after a return.
      afterReturn = Boolean.TRUE.equals(afterReturn);
      lines = lines == null ? List.of() : List.copyOf(lines);
      shipping = Money.orZero(shipping);
      shippingTax = Money.orZero(shippingTax);
      money = Money.orZero(money);
    }

    /** What the lines and shipping are worth, in the order's tax mode plus tax where prices exclude it. */
    BigDecimal attributed(boolean taxIncluded) {
      BigDecimal sum = shipping.add(taxIncluded ? BigDecimal.ZERO : shippingTax);
      for (StoreLine l : lines) {
        sum = sum.add(l.subtotal()).add(taxIncluded ? BigDecimal.ZERO : l.tax());
      }
      return sum;
    }
  }

  public record StoreLine(String marketplaceLineId, int quantity, BigDecimal subtotal, BigDecimal tax) {
    public StoreLine {
      Objects.requireNonNull(marketplaceLineId, "marketplaceLineId");
      subtotal = Money.orZero(subtotal);
      tax = Money.orZero(tax);
    }
  }

  /** One marketplace line's part of the refund. */
  public record LinePart(String lineId, int quantity, BigDecimal amount, BigDecimal shippingAmount,
      List<MarketplaceOrder.Tax> taxes, List<MarketplaceOrder.Tax> shippingTaxes) {

    /** The money this part gives back, tax included. */
    public BigDecimal money(boolean taxIncluded) {
      BigDecimal sum = amount.add(shippingAmount);
      if (!taxIncluded) {
        for (MarketplaceOrder.Tax t : taxes) {
          sum = sum.add(t.amount());
        }
        for (MarketplaceOrder.Tax t : shippingTaxes) {
          sum = sum.add(t.amount());
        }
      }
      return sum;
    }
  }

  public sealed interface Outcome {}

  /** The parts to send, one per marketplace line touched. */
  public record Split(List<LinePart> parts) implements Outcome {}

  /** The refund moved no money: there is nothing to send. */
  public record NothingToSend(String why) implements Outcome {}

  /** The refund cannot be sent as it is; the reason names the amounts on each side. */
  public record Refused(String reason) implements Outcome {}

  public static Outcome split(MarketplaceOrder order, StoreRefund refund) {
    String currency = order.currency();
    int scale = Money.minorUnits(currency);
    boolean taxIncluded = order.taxMode() != MarketplaceOrder.TaxMode.TAX_EXCLUDED;
    if (refund.money().signum() <= 0) {
      return new NothingToSend("Shopify refund " + refund.id() + " moved no money");
    }
    BigDecimal attributed = refund.attributed(taxIncluded);
    if (refund.money().compareTo(attributed) > 0) {
      return new Refused("Shopify refund " + refund.id() + " gave back " + fmt(refund.money(), currency) + " but its"
          + " lines and shipping account for " + fmt(attributed, currency) + ": "
          + fmt(refund.money().subtract(attributed), currency) + " is not tied to any line or to shipping, and the"
          + " marketplace refunds per line only. Refund that money on the marketplace by hand (or refund it in"
          + " Shopify against a line), then dismiss.");
    }
    StoreRefund scaled = refund.money().compareTo(attributed) < 0 ? scale(refund, taxIncluded, scale) : refund;

    Map<String, MarketplaceOrder.Line> lines = new LinkedHashMap<>();
    for (MarketplaceOrder.Line l : order.lines()) {
      lines.put(l.lineId(), l);
    }
    Map<String, BigDecimal> amounts = new LinkedHashMap<>();
    Map<String, BigDecimal> taxes = new LinkedHashMap<>();
    Map<String, Integer> quantities = new LinkedHashMap<>();
    for (StoreLine s : scaled.lines()) {
      if (!lines.containsKey(s.marketplaceLineId())) {
        return new Refused("Shopify refund " + refund.id() + " refunds marketplace line " + s.marketplaceLineId()
            + ", which the marketplace order " + order.orderId() + " does not have");
      }
      amounts.merge(s.marketplaceLineId(), s.subtotal(), BigDecimal::add);
      taxes.merge(s.marketplaceLineId(), s.tax(), BigDecimal::add);
      quantities.merge(s.marketplaceLineId(), s.quantity(), Integer::sum);
    }

    // Shipping: split over the lines in proportion to the shipping each has left to refund.
    List<MarketplaceOrder.Line> withShipping = new ArrayList<>();
    List<BigDecimal> shippingLeft = new ArrayList<>();
    BigDecimal totalShippingLeft = BigDecimal.ZERO;
    for (MarketplaceOrder.Line l : order.lines()) {
      BigDecimal left = Money.orZero(l.shippingPrice()).subtract(refundedShipping(l));
      if (left.signum() > 0) {
        withShipping.add(l);
        shippingLeft.add(left);
        totalShippingLeft = totalShippingLeft.add(left);
      }
    }
    Map<String, BigDecimal> shippingParts = new LinkedHashMap<>();
    Map<String, BigDecimal> shippingTaxParts = new LinkedHashMap<>();
    if (scaled.shipping().signum() > 0 || scaled.shippingTax().signum() > 0) {
      if (scaled.shipping().compareTo(totalShippingLeft) > 0) {
        return new Refused("Shopify refund " + refund.id() + " gives back " + fmt(scaled.shipping(), currency)
            + " of shipping; the marketplace says " + fmt(totalShippingLeft, currency) + " of shipping is still"
            + " refundable on order " + order.orderId() + " (charged " + fmt(Money.orZero(order.shippingPrice()),
            currency) + "). The marketplace would refuse it: refund at most what is left, then retry or dismiss.");
      }
      List<BigDecimal> shares = allocate(scaled.shipping(), shippingLeft, scale);
      List<BigDecimal> taxShares = allocate(scaled.shippingTax(), shippingLeft, scale);
      for (int i = 0; i < withShipping.size(); i++) {
        if (shares.get(i).signum() > 0 || taxShares.get(i).signum() > 0) {
          shippingParts.put(withShipping.get(i).lineId(), shares.get(i));
          shippingTaxParts.put(withShipping.get(i).lineId(), taxShares.get(i));
        }
      }
    }

    List<LinePart> parts = new ArrayList<>();
    for (MarketplaceOrder.Line l : order.lines()) {
      String id = l.lineId();
      if (!amounts.containsKey(id) && !shippingParts.containsKey(id)) {
        continue;
      }
      BigDecimal amount = amounts.getOrDefault(id, BigDecimal.ZERO);
      BigDecimal amountLeft = Money.orZero(l.price()).subtract(refundedAmount(l));
      if (amount.compareTo(amountLeft) > 0) {
        return new Refused("Shopify refund " + refund.id() + " gives back " + fmt(amount, currency) + " on line " + id
            + " (" + l.sku() + "); the marketplace says " + fmt(amountLeft.max(BigDecimal.ZERO), currency)
            + " is still refundable on it (charged " + fmt(Money.orZero(l.price()), currency) + ", refunded "
            + fmt(refundedAmount(l), currency) + " before). The marketplace would refuse it: refund at most what is"
            + " left, then retry or dismiss.");
      }
      Object lineTaxes = taxSplit(refund.id(), id, "tax", taxes.getOrDefault(id, BigDecimal.ZERO), l.taxes(),
          refundedTaxes(l, false), taxIncluded, scale, currency);
      if (lineTaxes instanceof Refused r) {
        return r;
      }
      Object lineShippingTaxes = taxSplit(refund.id(), id, "shipping tax",
          shippingTaxParts.getOrDefault(id, BigDecimal.ZERO), l.shippingTaxes(), refundedTaxes(l, true), taxIncluded,
          scale, currency);
      if (lineShippingTaxes instanceof Refused r) {
        return r;
      }
      int quantityLeft = Math.max(0, l.quantity() - l.refunds().stream().mapToInt(MarketplaceOrder.Refund::quantity)
          .sum());
      @SuppressWarnings("unchecked")
      List<MarketplaceOrder.Tax> t = (List<MarketplaceOrder.Tax>) lineTaxes;
      @SuppressWarnings("unchecked")
      List<MarketplaceOrder.Tax> st = (List<MarketplaceOrder.Tax>) lineShippingTaxes;
      parts.add(new LinePart(id, Math.min(quantities.getOrDefault(id, 0), quantityLeft),
          amount.setScale(scale, RoundingMode.HALF_EVEN),
          shippingParts.getOrDefault(id, BigDecimal.ZERO).setScale(scale, RoundingMode.HALF_EVEN), t, st));
    }
    if (parts.isEmpty()) {
      return new NothingToSend("Shopify refund " + refund.id() + " touches no marketplace line");
    }
    return new Split(parts);
  }

  /**
   * A tax amount split over a line's tax codes in proportion to what is left of each. Where the marketplace charged
   * no tax on the line, tax inside tax-included prices needs no breakdown; tax on top of tax-excluded prices cannot
   * be sent.
   */
  private static Object taxSplit(String refundId, String lineId, String what, BigDecimal tax,
      List<MarketplaceOrder.Tax> charged, Map<String, BigDecimal> refunded, boolean taxIncluded, int scale,
      String currency) {
    if (tax.signum() == 0) {
      return List.of();
    }
    if (charged.isEmpty()) {
      if (taxIncluded) {
        return List.of();
      }
      return new Refused("Shopify refund " + refundId + " gives back " + fmt(tax, currency) + " of " + what + " on line "
          + lineId + ", but the marketplace charged no " + what + " on it");
    }
    List<BigDecimal> left = new ArrayList<>();
    BigDecimal totalLeft = BigDecimal.ZERO;
    for (MarketplaceOrder.Tax c : charged) {
      BigDecimal l = Money.orZero(c.amount()).subtract(refunded.getOrDefault(c.code(), BigDecimal.ZERO))
          .max(BigDecimal.ZERO);
      left.add(l);
      totalLeft = totalLeft.add(l);
    }
    if (tax.compareTo(totalLeft) > 0) {
      return new Refused("Shopify refund " + refundId + " gives back " + fmt(tax, currency) + " of " + what
          + " on line " + lineId + "; the marketplace says " + fmt(totalLeft, currency) + " of it is still refundable."
          + " The marketplace would refuse it: refund at most what is left, then retry or dismiss.");
    }
    List<BigDecimal> shares = allocate(tax, left, scale);
    List<MarketplaceOrder.Tax> out = new ArrayList<>();
    for (int i = 0; i < charged.size(); i++) {
      if (shares.get(i).signum() > 0) {
        out.add(new MarketplaceOrder.Tax(charged.get(i).code(), charged.get(i).rate(), shares.get(i)));
      }
    }
    return out;
  }

  /**
   * The refund with its parts scaled so they add up to the money it moved. Where prices include tax the money
   * covers the subtotals (tax inside them) and each tax shrinks with its subtotal.
   */
  private static StoreRefund scale(StoreRefund refund, boolean taxIncluded, int scale) {
    List<BigDecimal> pieces = new ArrayList<>();
    for (StoreLine l : refund.lines()) {
      pieces.add(l.subtotal());
      pieces.add(taxIncluded ? BigDecimal.ZERO : l.tax());
    }
    pieces.add(refund.shipping());
    pieces.add(taxIncluded ? BigDecimal.ZERO : refund.shippingTax());
    List<BigDecimal> scaled = allocate(refund.money(), pieces, scale);
    List<StoreLine> lines = new ArrayList<>();
    int i = 0;
    for (StoreLine l : refund.lines()) {
      BigDecimal subtotal = scaled.get(i);
      BigDecimal tax = taxIncluded ? shrink(l.tax(), subtotal, l.subtotal(), scale) : scaled.get(i + 1);
      lines.add(new StoreLine(l.marketplaceLineId(), l.quantity(), subtotal, tax));
      i += 2;
    }
    BigDecimal shipping = scaled.get(i);
    BigDecimal shippingTax = taxIncluded ? shrink(refund.shippingTax(), shipping, refund.shipping(), scale)
        : scaled.get(i + 1);
    return new StoreRefund(refund.id(), lines, shipping, shippingTax, refund.money(), refund.afterReturn());
  }

  private static BigDecimal shrink(BigDecimal tax, BigDecimal newBase, BigDecimal oldBase, int scale) {
    if (oldBase.signum() == 0) {
      return BigDecimal.ZERO.setScale(scale);
    }
    return tax.multiply(newBase).divide(oldBase, scale, RoundingMode.HALF_EVEN);
  }

  /**
   * Splits {@code total} over {@code weights} in minor units: floor of each proportional share, then the remaining
   * units to the largest remainders (earlier first on ties). The shares add up to {@code total} exactly.
   */
  public static List<BigDecimal> allocate(BigDecimal total, List<BigDecimal> weights, int scale) {
    long units = total.movePointRight(scale).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    List<BigDecimal> out = new ArrayList<>();
    if (weights.isEmpty()) {
      return out;
    }
    if (sum.signum() == 0) {
      for (int i = 0; i < weights.size(); i++) {
        out.add(BigDecimal.ZERO.setScale(scale));
      }
      if (units != 0) {
        out.set(0, BigDecimal.valueOf(units, scale));
      }
      return out;
    }
    long[] shares = new long[weights.size()];
    BigDecimal[] remainders = new BigDecimal[weights.size()];
    long given = 0;
    for (int i = 0; i < weights.size(); i++) {
      BigDecimal exact = BigDecimal.valueOf(units).multiply(weights.get(i)).divide(sum, 12, RoundingMode.HALF_EVEN);
      shares[i] = exact.setScale(0, RoundingMode.FLOOR).longValueExact();
      remainders[i] = exact.subtract(BigDecimal.valueOf(shares[i]));
      given += shares[i];
    }
    long left = units - given;
    while (left > 0) {
      int best = -1;
      for (int i = 0; i < weights.size(); i++) {
        if (weights.get(i).signum() > 0 && (best < 0 || remainders[i].compareTo(remainders[best]) > 0)) {
          best = i;
        }
      }
      shares[best]++;
      remainders[best] = remainders[best].subtract(BigDecimal.ONE);
      left--;
    }
    for (long s : shares) {
      out.add(BigDecimal.valueOf(s, scale));
    }
    return out;
  }

  static BigDecimal refundedAmount(MarketplaceOrder.Line l) {
    return l.refunds().stream().map(r -> Money.orZero(r.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  static BigDecimal refundedShipping(MarketplaceOrder.Line l) {
    return l.refunds().stream().map(r -> Money.orZero(r.shippingAmount())).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static Map<String, BigDecimal> refundedTaxes(MarketplaceOrder.Line l, boolean shipping) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (MarketplaceOrder.Refund r : l.refunds()) {
      for (MarketplaceOrder.Tax t : shipping ? r.shippingTaxes() : r.taxes()) {
        out.merge(t.code(), Money.orZero(t.amount()), BigDecimal::add);
      }
    }
    return out;
  }

  /** The money a marketplace refund gave back, tax included. */
  public static BigDecimal money(MarketplaceOrder.Refund r, MarketplaceOrder.TaxMode mode) {
    BigDecimal sum = Money.orZero(r.amount()).add(Money.orZero(r.shippingAmount()));
    if (mode == MarketplaceOrder.TaxMode.TAX_EXCLUDED) {
      for (MarketplaceOrder.Tax t : r.taxes()) {
        sum = sum.add(Money.orZero(t.amount()));
      }
      for (MarketplaceOrder.Tax t : r.shippingTaxes()) {
        sum = sum.add(Money.orZero(t.amount()));
      }
    }
    return sum;
  }

  private static String fmt(BigDecimal amount, String currency) {
    return Money.format(amount, currency) + " " + currency;
  }
}
