package io.synchron.billing;

import io.synchron.billing.DocumentCalculator.VatKey;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes a credit note against an invoice and the credit notes already issued for it (pure).
 *
 * <p>Per line, what may still be credited is the invoiced units, net amount and charged amount minus everything
 * earlier credit notes took; a request beyond that is refused. Units credited take their share of the invoiced line
 * ({@code round(charged × units / quantity)}); crediting everything left on a line takes exactly the rest, so an
 * order refunded in several steps ends at zero. Tax-included amounts are converted to net per rate like invoices.
 *
 * <p>VAT per rate follows BR-CO-17 on the credited base, with two limits so that credits never exceed the invoiced
 * VAT: it is at most the invoiced VAT not yet credited, and the credit note that takes the last of a rate's base
 * takes the last of its VAT. Rounding makes these differ from {@code round(base × rate)} by a cent at most per earlier
 * credit note, which the CEN rule tolerates (±1 unit).
 */
final class CreditNoteCalculator {

  private CreditNoteCalculator() {}

  /** Either the content of the credit note, or why there is none. */
  sealed interface Outcome permits Computed, Rejected {}

  record Computed(DocumentContent content) implements Outcome {}

  record Rejected(IssueResult.Refused refusal) implements Outcome {}

  /** What earlier credit notes took from one invoice line. */
  private record Taken(BigDecimal units, BigDecimal net, BigDecimal charged) {
    static final Taken NONE = new Taken(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    static Taken of(DocumentLine line) {
      return new Taken(line.units(), line.netAmount(), line.chargedAmount());
    }

    Taken add(Taken other) {
      return new Taken(units.add(other.units), net.add(other.net), charged.add(other.charged));
    }
  }

  private record Planned(DocumentLine original, BigDecimal units, BigDecimal charged, BigDecimal fixedNet,
      BigDecimal remainingNet) {}

  static Outcome compute(Invoice original, List<CreditNote> earlier, CreditNoteRequest request) {
    DocumentContent invoiced = original.content();
    String currency = invoiced.currency();
    Map<String, DocumentLine> byId = invoiced.lines().stream()
        .collect(Collectors.toMap(DocumentLine::lineId, Function.identity()));
    Map<String, Taken> taken = new HashMap<>();
    for (CreditNote note : earlier) {
      for (DocumentLine line : note.content().lines()) {
        taken.merge(line.lineId(), Taken.of(line), Taken::add);
      }
    }

    List<Planned> plan = new ArrayList<>();
    for (CreditLine credit : request.lines()) {
      DocumentLine line = byId.get(credit.lineId());
      if (line == null) {
        return refuse(RefusalReason.UNKNOWN_LINE,
            "Invoice " + original.number() + " has no line " + credit.lineId() + ".");
      }
      Taken before = taken.getOrDefault(line.lineId(), Taken.NONE);
      BigDecimal unitsLeft = line.units().subtract(before.units);
      BigDecimal netLeft = line.netAmount().subtract(before.net);
      BigDecimal chargedLeft = line.chargedAmount().subtract(before.charged);
      BigDecimal units;
      BigDecimal charged;
      if (credit.isRemainder()) {
        units = unitsLeft;
        charged = chargedLeft;
      } else if (credit.units() != null) {
        if (credit.units().compareTo(unitsLeft) > 0) {
          return refuse(RefusalReason.EXCEEDS_INVOICED_UNITS, "Line " + line.lineId() + ": "
              + credit.units().toPlainString() + " units asked, " + unitsLeft.toPlainString()
              + " invoiced and not yet credited.");
        }
        units = credit.units();
        charged = units.compareTo(unitsLeft) == 0 ? chargedLeft : Money.round(
            line.chargedAmount().multiply(units).divide(line.units(), 20, RoundingMode.HALF_UP), currency)
            .min(chargedLeft);
      } else {
        charged = Checks.money(credit.amount(), currency, "credit amount of line " + line.lineId());
        if (charged.compareTo(chargedLeft) > 0) {
          return refuse(RefusalReason.EXCEEDS_INVOICED_AMOUNT, "Line " + line.lineId() + ": "
              + charged.toPlainString() + " " + currency + " asked, " + chargedLeft.toPlainString()
              + " invoiced and not yet credited.");
        }
        units = BigDecimal.ZERO;
      }
      if (units.signum() == 0 && charged.signum() == 0) {
        continue;
      }
      // Crediting all that is left takes the net that is left, so that rounding cannot strand a cent on the line.
      boolean wholeRest = charged.compareTo(chargedLeft) == 0;
      BigDecimal fixedNet = wholeRest ? netLeft : invoiced.priceMode() == PriceMode.NET ? charged : null;
      plan.add(new Planned(line, units, charged, fixedNet, netLeft));
    }

    if (plan.isEmpty()) {
      return refuse(RefusalReason.NOTHING_TO_CREDIT,
          "Everything requested on invoice " + original.number() + " has already been credited.");
    }
    List<BigDecimal> nets = new ArrayList<>();
    plan.forEach(p -> nets.add(p.fixedNet()));
    Map<VatKey, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < plan.size(); i++) {
      groups.computeIfAbsent(VatKey.of(plan.get(i).original()), k -> new ArrayList<>()).add(i);
    }
    for (var group : groups.entrySet()) {
      List<GrossToNet.Item> items = group.getValue().stream()
          .map(i -> new GrossToNet.Item(plan.get(i).charged(), plan.get(i).fixedNet())).toList();
      List<BigDecimal> groupNets = GrossToNet.apportion(items, group.getKey().rate(), currency);
      for (int j = 0; j < groupNets.size(); j++) {
        int i = group.getValue().get(j);
        nets.set(i, groupNets.get(j).min(plan.get(i).remainingNet()));
      }
    }

    List<DocumentLine> lines = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      Planned p = plan.get(i);
      DocumentLine o = p.original();
      BigDecimal net = nets.get(i);
      BigDecimal quantity = p.units().signum() > 0 ? p.units() : BigDecimal.ONE;
      lines.add(new DocumentLine(i + 1, o.lineId(), o.kind(), o.description(), o.sku(), quantity, o.unitCode(),
          DocumentCalculator.unitPrice(net, quantity, currency), Money.zero(currency), net, o.vatCategory(),
          o.vatRate(), p.charged(), p.units()));
    }

    List<VatBreakdown> breakdown = creditedVat(lines, invoiced, earlier, currency);
    BigDecimal total = lines.stream().map(DocumentLine::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add)
        .add(breakdown.stream().map(VatBreakdown::taxAmount).reduce(BigDecimal.ZERO, BigDecimal::add));
    if (total.signum() == 0) {
      return refuse(RefusalReason.NOTHING_TO_CREDIT,
          "The requested credit on invoice " + original.number() + " amounts to zero.");
    }
    BigDecimal creditedBefore = earlier.stream().map(n -> n.content().totals().taxInclusiveTotal())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal invoicedTotal = invoiced.totals().taxInclusiveTotal();
    if (creditedBefore.add(total).compareTo(invoicedTotal) > 0) {
      return refuse(RefusalReason.EXCEEDS_INVOICED_TOTAL, "Invoice " + original.number() + " totals "
          + invoicedTotal.toPlainString() + " " + currency + "; " + creditedBefore.toPlainString()
          + " is already credited and this credit note would add " + total.toPlainString() + ".");
    }

    ExchangeRate rate = invoiced.vatAccounting() == null ? null
        : request.exchangeRate() != null ? request.exchangeRate() : invoiced.vatAccounting().exchangeRate();
    VatAccounting.checkRate(invoiced.seller(), currency, rate);
    BigDecimal refunded = Checks.money(request.amountRefunded(), currency, "amountRefunded");
    return new Computed(DocumentCalculator.content(invoiced.regime(), invoiced.seller(), invoiced.buyer(), currency,
        invoiced.priceMode(), lines, breakdown, refunded, invoiced.marketplaceOrderId(), invoiced.deliveryDate(),
        rate));
  }

  private static List<VatBreakdown> creditedVat(List<DocumentLine> lines, DocumentContent invoiced,
      List<CreditNote> earlier, String currency) {
    Map<VatKey, BigDecimal> baseBefore = new HashMap<>();
    Map<VatKey, BigDecimal> vatBefore = new HashMap<>();
    for (CreditNote note : earlier) {
      for (VatBreakdown entry : note.content().vatBreakdown()) {
        VatKey key = new VatKey(entry.category(), entry.rate());
        baseBefore.merge(key, entry.taxableAmount(), BigDecimal::add);
        vatBefore.merge(key, entry.taxAmount(), BigDecimal::add);
      }
    }
    Map<VatKey, VatBreakdown> invoicedByKey = new HashMap<>();
    invoiced.vatBreakdown().forEach(e -> invoicedByKey.put(new VatKey(e.category(), e.rate()), e));

    List<VatBreakdown> result = new ArrayList<>();
    for (VatBreakdown entry : DocumentCalculator.breakdown(lines, currency)) {
      VatKey key = new VatKey(entry.category(), entry.rate());
      VatBreakdown original = invoicedByKey.get(key);
      BigDecimal baseLeft = original.taxableAmount().subtract(baseBefore.getOrDefault(key, BigDecimal.ZERO));
      BigDecimal vatLeft = original.taxAmount().subtract(vatBefore.getOrDefault(key, BigDecimal.ZERO));
      BigDecimal vat = entry.taxableAmount().compareTo(baseLeft) == 0 ? vatLeft : entry.taxAmount().min(vatLeft);
      result.add(DocumentCalculator.breakdownEntry(key, entry.taxableAmount(), vat.max(Money.zero(currency))));
    }
    return result;
  }

  private static Outcome refuse(RefusalReason reason, String explanation) {
    return new Rejected(new IssueResult.Refused(reason, explanation));
  }
}
