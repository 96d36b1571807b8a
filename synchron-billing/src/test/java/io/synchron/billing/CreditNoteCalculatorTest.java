package io.synchron.billing;

import static io.synchron.billing.Fixtures.d;
import static io.synchron.billing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreditNoteCalculatorTest {

  private final List<CreditNote> earlier = new ArrayList<>();

  private static Invoice invoice(IssueRequest request) {
    return new Invoice("INV-000001", LocalDate.of(2026, 3, 1),
        DocumentCalculator.invoice(request, new IssueDecision.Issue(request.regime())));
  }

  private CreditNoteCalculator.Outcome credit(Invoice invoice, String refunded, CreditLine... lines) {
    return CreditNoteCalculator.compute(invoice, List.copyOf(earlier),
        new CreditNoteRequest("k" + earlier.size(), "CN", invoice.number(), List.of(lines), d(refunded), "Refund",
            null));
  }

  /** Credits and keeps the credit note as an earlier one for the next call. */
  private DocumentContent issued(Invoice invoice, String refunded, CreditLine... lines) {
    CreditNoteCalculator.Outcome outcome = credit(invoice, refunded, lines);
    assertThat(outcome).isInstanceOf(CreditNoteCalculator.Computed.class);
    DocumentContent content = ((CreditNoteCalculator.Computed) outcome).content();
    earlier.add(new CreditNote("CN-" + earlier.size(), LocalDate.of(2026, 3, 5), content,
        new InvoiceReference(invoice.number(), invoice.issueDate()), "Refund"));
    return content;
  }

  private static RefusalReason refusal(CreditNoteCalculator.Outcome outcome) {
    assertThat(outcome).isInstanceOf(CreditNoteCalculator.Rejected.class);
    return ((CreditNoteCalculator.Rejected) outcome).refusal().reason();
  }

  @Test
  void returnedUnitsAreCreditedAtTheirShareWithVatFromTheCreditedBase() {
    Invoice invoice = invoice(request().line("Shirt", "2", "49.90", "20").line("Book", "1", "12.00", "5.5").build());

    DocumentContent note = issued(invoice, "49.90", CreditLine.units("L1", d("1")));

    assertThat(note.lines()).singleElement().satisfies(line -> {
      assertThat(line.quantity()).isEqualByComparingTo("1");
      assertThat(line.netAmount()).isEqualByComparingTo("41.58");
      assertThat(line.vatRate()).isEqualByComparingTo("20");
    });
    assertThat(note.totals().vatTotal()).isEqualByComparingTo("8.32");
    assertThat(note.totals().taxInclusiveTotal()).isEqualByComparingTo("49.90");
    assertThat(note.reconciliation().matches()).isTrue();
  }

  @Test
  void moreUnitsThanInvoicedAreRefused() {
    Invoice invoice = invoice(request().line("Shirt", "2", "49.90", "20").build());

    assertThat(refusal(credit(invoice, "149.70", CreditLine.units("L1", d("3")))))
        .isEqualTo(RefusalReason.EXCEEDS_INVOICED_UNITS);
  }

  @Test
  void unitsAlreadyCreditedByAnEarlierCreditNoteCannotBeCreditedAgain() {
    Invoice invoice = invoice(request().line("Shirt", "2", "49.90", "20").build());
    issued(invoice, "49.90", CreditLine.units("L1", d("1")));

    assertThat(refusal(credit(invoice, "99.80", CreditLine.units("L1", d("2")))))
        .isEqualTo(RefusalReason.EXCEEDS_INVOICED_UNITS);
  }

  @Test
  void anAmountAboveWhatIsLeftOnTheLineIsRefused() {
    Invoice invoice = invoice(request().line("Shirt", "1", "49.90", "20").build());
    issued(invoice, "20.00", CreditLine.amount("L1", d("20.00")));

    CreditNoteCalculator.Outcome outcome = credit(invoice, "30.00", CreditLine.amount("L1", d("30.00")));

    assertThat(refusal(outcome)).isEqualTo(RefusalReason.EXCEEDS_INVOICED_AMOUNT);
    assertThat(((CreditNoteCalculator.Rejected) outcome).refusal().explanation()).contains("29.90");
  }

  @Test
  void aLineTheInvoiceDoesNotHaveIsRefused() {
    Invoice invoice = invoice(request().line("Shirt", "1", "49.90", "20").build());

    assertThat(refusal(credit(invoice, "1.00", CreditLine.units("L9", d("1")))))
        .isEqualTo(RefusalReason.UNKNOWN_LINE);
  }

  @Test
  void creditingAFreeLineIsRefusedAsNothingToCredit() {
    Invoice invoice = invoice(request().line("Shirt", "1", "49.90", "20").line("Gift", "1", "0.00", "20").build());

    assertThat(refusal(credit(invoice, "0.00", CreditLine.remainder("L2"))))
        .isEqualTo(RefusalReason.NOTHING_TO_CREDIT);
  }

  @Test
  void aLineCreditedInFullCannotBeCreditedAgain() {
    Invoice invoice = invoice(request().line("Shirt", "1", "49.90", "20").build());
    issued(invoice, "49.90", CreditLine.remainder("L1"));

    assertThat(refusal(credit(invoice, "49.90", CreditLine.remainder("L1"))))
        .isEqualTo(RefusalReason.NOTHING_TO_CREDIT);
  }

  @Test
  void refundingAnOrderInStepsEndsExactlyAtWhatWasInvoiced() {
    Invoice invoice = invoice(request().line("Pen", "3", "3.33", "20").line("Ink", "1", "2.99", "5.5").build());

    issued(invoice, "3.33", CreditLine.units("L1", d("1")));
    issued(invoice, "4.32", CreditLine.units("L1", d("1")), CreditLine.amount("L2", d("0.99")));
    issued(invoice, "5.33", CreditLine.remainder("L1"), CreditLine.remainder("L2"));

    BigDecimal net = sum(earlier, DocumentTotals::taxExclusiveTotal);
    BigDecimal vat = sum(earlier, DocumentTotals::vatTotal);
    assertThat(net).isEqualByComparingTo(invoice.content().totals().taxExclusiveTotal());
    assertThat(vat).isEqualByComparingTo(invoice.content().totals().vatTotal());
  }

  @Test
  void creditedVatNeverExceedsTheInvoicedVatOfARate() {
    Invoice invoice = invoice(request().net().line("Clip", "1", "0.07", "20").build());
    // base 0.07 carries 0.01 VAT; credits of 0.03 and 0.04 would each round to 0.01 on their own
    issued(invoice, "0.04", CreditLine.amount("L1", d("0.03")));
    DocumentContent last = issued(invoice, "0.04", CreditLine.remainder("L1"));

    assertThat(last.totals().vatTotal()).isEqualByComparingTo("0.00");
    assertThat(sum(earlier, DocumentTotals::vatTotal)).isEqualByComparingTo("0.01");
  }

  @Test
  void anAmountOnlyRefundIsOneUnitAtTheRefundedNetAndReturnsNoUnits() {
    Invoice invoice = invoice(request().line("Lamp", "2", "30.00", "20").build());

    DocumentContent note = issued(invoice, "5.00", CreditLine.amount("L1", d("5.00")));

    assertThat(note.lines()).singleElement().satisfies(line -> {
      assertThat(line.quantity()).isEqualByComparingTo("1");
      assertThat(line.units()).isEqualByComparingTo("0");
      assertThat(line.netAmount()).isEqualByComparingTo("4.17");
    });
    assertThat(note.totals().taxInclusiveTotal()).isEqualByComparingTo("5.00");
  }

  @Test
  void returningAllUnitsAfterAGoodwillRefundCreditsOnlyWhatIsLeft() {
    Invoice invoice = invoice(request().line("Lamp", "2", "30.00", "20").build());
    issued(invoice, "5.00", CreditLine.amount("L1", d("5.00")));

    DocumentContent rest = issued(invoice, "55.00", CreditLine.units("L1", d("2")));

    assertThat(rest.totals().taxInclusiveTotal()).isEqualByComparingTo("55.00");
    assertThat(sum(earlier, DocumentTotals::taxInclusiveTotal))
        .isEqualByComparingTo(invoice.content().totals().taxInclusiveTotal());
  }

  @Test
  void aCreditNoteCopiesTheInvoicesPartiesCurrencyDateOfSupplyAndExchangeRate() {
    Invoice invoice = invoice(request().seller(Fixtures.britishSeller()).currency("EUR")
        .rate(new ExchangeRate("GBP", d("0.85"), LocalDate.of(2026, 2, 27))).line("Tea", "2", "10.00", "20").build());

    DocumentContent note = issued(invoice, "10.00", CreditLine.units("L1", d("1")));

    assertThat(note.seller()).isEqualTo(invoice.content().seller());
    assertThat(note.buyer()).isEqualTo(invoice.content().buyer());
    assertThat(note.currency()).isEqualTo("EUR");
    assertThat(note.deliveryDate()).isEqualTo(invoice.content().deliveryDate());
    assertThat(note.vatAccounting().rate()).isEqualByComparingTo("0.85");
    assertThat(note.vatAccounting().vatTotal()).isEqualByComparingTo("1.42");
  }

  private static BigDecimal sum(List<CreditNote> notes, java.util.function.Function<DocumentTotals, BigDecimal> f) {
    return notes.stream().map(n -> f.apply(n.content().totals())).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
