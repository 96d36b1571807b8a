package io.synchron.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes the EN 16931 content of an invoice from a request (pure: no clock, no I/O). */
final class DocumentCalculator {

  static final String UNIT_ONE = "C62";
  private static final int MAX_PRICE_SCALE = 8;

  private DocumentCalculator() {}

  /** A VAT category and rate: the key of one VAT breakdown entry. */
  record VatKey(VatCategory category, BigDecimal rate) {
    VatKey {
      rate = rate.stripTrailingZeros();
      if (rate.scale() < 0) {
        rate = rate.setScale(0);
      }
    }

    static VatKey of(DocumentLine line) {
      return new VatKey(line.vatCategory(), line.vatRate());
    }
  }

  static DocumentContent invoice(IssueRequest request, IssueDecision.Issue decision) {
    String currency = request.currency();
    List<LineRequest> requested = request.lines();
    if (decision.regime() == VatRegime.EXPORT_ZERO_RATED) {
      requested = requested.stream().map(l -> l.withVat(VatCategory.EXPORT, BigDecimal.ZERO)).toList();
    }

    List<BigDecimal> charged = new ArrayList<>();
    for (LineRequest line : requested) {
      BigDecimal amount = Money.round(line.quantity().multiply(line.unitPrice()), currency)
          .subtract(Money.round(line.discount(), currency));
      if (amount.signum() < 0) {
        throw new IllegalArgumentException("the discount of line " + line.lineId() + " exceeds its amount");
      }
      charged.add(amount);
    }

    List<BigDecimal> nets = new ArrayList<>(charged);
    if (request.priceMode() == PriceMode.TAX_INCLUDED) {
      Map<VatKey, List<Integer>> groups = new LinkedHashMap<>();
      for (int i = 0; i < requested.size(); i++) {
        LineRequest line = requested.get(i);
        groups.computeIfAbsent(new VatKey(line.vatCategory(), line.vatRate()), k -> new ArrayList<>()).add(i);
      }
      for (var group : groups.entrySet()) {
        List<GrossToNet.Item> items =
            group.getValue().stream().map(i -> new GrossToNet.Item(charged.get(i), null)).toList();
        List<BigDecimal> groupNets = GrossToNet.apportion(items, group.getKey().rate(), currency);
        for (int j = 0; j < groupNets.size(); j++) {
          nets.set(group.getValue().get(j), groupNets.get(j));
        }
      }
    }

    List<DocumentLine> lines = new ArrayList<>();
    for (int i = 0; i < requested.size(); i++) {
      LineRequest line = requested.get(i);
      BigDecimal net = nets.get(i);
      BigDecimal discount;
      BigDecimal price;
      if (request.priceMode() == PriceMode.NET) {
        discount = Money.round(line.discount(), currency);
        price = line.unitPrice();
      } else {
        discount = line.discount().signum() == 0 ? Money.zero(currency) : Money.round(
            line.discount().divide(BigDecimal.ONE.add(line.vatRate().divide(Money.HUNDRED)), 20, RoundingMode.HALF_UP),
            currency);
        price = unitPrice(net.add(discount), line.quantity(), currency);
      }
      lines.add(new DocumentLine(i + 1, line.lineId(), line.kind(), line.description(), line.sku(),
          line.quantity(), UNIT_ONE, price, discount, net, line.vatCategory(), line.vatRate(), charged.get(i),
          line.quantity()));
    }

    List<VatBreakdown> breakdown = breakdown(lines, currency);
    ExchangeRate rate = request.seller().vatAccountingCurrency().equals(currency) ? null : request.exchangeRate();
    return content(decision.regime(), request.seller(), request.buyer(), currency, request.priceMode(), lines,
        breakdown, request.amountCharged(), request.marketplaceOrderId(), request.deliveryDate(), rate);
  }

  /** BG-23: per category and rate, the sum of line nets and its VAT per BR-CO-17. */
  static List<VatBreakdown> breakdown(List<DocumentLine> lines, String currency) {
    Map<VatKey, BigDecimal> taxable = new LinkedHashMap<>();
    for (DocumentLine line : lines) {
      taxable.merge(VatKey.of(line), line.netAmount(), BigDecimal::add);
    }
    List<VatBreakdown> result = new ArrayList<>();
    taxable.forEach((key, base) -> result.add(breakdownEntry(key, base, Money.vat(base, key.rate(), currency))));
    return result;
  }

  static VatBreakdown breakdownEntry(VatKey key, BigDecimal taxable, BigDecimal tax) {
    boolean export = key.category() == VatCategory.EXPORT;
    return new VatBreakdown(key.category(), key.rate(), taxable, tax,
        export ? VatRegimePolicy.EXPORT_EXEMPTION_REASON : null,
        export ? VatRegimePolicy.EXPORT_EXEMPTION_CODE : null);
  }

  static DocumentContent content(VatRegime regime, Seller seller, Buyer buyer, String currency, PriceMode priceMode,
      List<DocumentLine> lines, List<VatBreakdown> breakdown, BigDecimal settled, String orderId,
      LocalDate deliveryDate, ExchangeRate rate) {
    BigDecimal zero = Money.zero(currency);
    BigDecimal lineTotal = lines.stream().map(DocumentLine::netAmount).reduce(zero, BigDecimal::add);
    BigDecimal vatTotal = breakdown.stream().map(VatBreakdown::taxAmount).reduce(zero, BigDecimal::add);
    BigDecimal taxInclusive = lineTotal.add(vatTotal);
    VatAccounting accounting = rate == null ? null : VatAccounting.of(rate, vatTotal);
    DocumentTotals totals = new DocumentTotals(lineTotal, zero, zero, lineTotal, vatTotal,
        accounting == null ? null : accounting.vatTotal(), taxInclusive, settled, zero, taxInclusive.subtract(settled));
    return new DocumentContent(regime, seller, buyer, currency, priceMode, lines, breakdown, totals, orderId,
        deliveryDate, accounting);
  }

  /**
   * The net unit price that gives back {@code amount} for {@code quantity} units after rounding to the minor unit,
   * with as few decimals as possible (at most 8).
   */
  static BigDecimal unitPrice(BigDecimal amount, BigDecimal quantity, String currency) {
    int scale = Money.scale(currency);
    for (int digits = scale; digits < MAX_PRICE_SCALE; digits++) {
      BigDecimal price = amount.divide(quantity, digits, RoundingMode.HALF_UP);
      if (Money.round(price.multiply(quantity), currency).compareTo(amount) == 0) {
        return price;
      }
    }
    return amount.divide(quantity, MAX_PRICE_SCALE, RoundingMode.HALF_UP);
  }
}
