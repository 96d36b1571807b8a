package io.synchron.billing;

import static io.synchron.billing.Fixtures.d;
import static io.synchron.billing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DocumentCalculatorTest {

  private static DocumentContent compute(IssueRequest request) {
    return DocumentCalculator.invoice(request, new IssueDecision.Issue(request.regime()));
  }

  @Test
  void vatIsComputedOnTheSummedBaseOfARateNotSummedFromRoundedLines() {
    DocumentContent content = compute(request().net()
        .line("Pin", "1", "0.33", "20").line("Pin", "1", "0.33", "20").line("Pin", "1", "0.33", "20").build());

    // per line 0.066 rounds to 0.07, three lines would give 0.21; the base 0.99 gives 0.198, i.e. 0.20
    assertThat(content.vatBreakdown()).singleElement().satisfies(vat -> {
      assertThat(vat.taxableAmount()).isEqualByComparingTo("0.99");
      assertThat(vat.taxAmount()).isEqualByComparingTo("0.20");
    });
  }

  @Test
  void eachCategoryAndRateHasItsOwnBreakdownInOrderOfFirstAppearance() {
    DocumentContent content = compute(request().net()
        .line("Shirt", "1", "50.00", "20").line("Book", "2", "10.00", "5.5").line("Cap", "1", "10.00", "20")
        .line(new LineRequest("L4", LineKind.GOODS, "Children's shoes", null, d("1"), d("30.00"), BigDecimal.ZERO,
            VatCategory.ZERO_RATED, BigDecimal.ZERO))
        .build());

    assertThat(content.vatBreakdown()).extracting(VatBreakdown::category, VatBreakdown::rate,
            VatBreakdown::taxableAmount, VatBreakdown::taxAmount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(VatCategory.STANDARD, d("20"), d("60.00"), d("12.00")),
            org.assertj.core.groups.Tuple.tuple(VatCategory.STANDARD, d("5.5"), d("20.00"), d("1.10")),
            org.assertj.core.groups.Tuple.tuple(VatCategory.ZERO_RATED, BigDecimal.ZERO, d("30.00"), d("0.00")));
  }

  @Test
  void totalsFollowTheEn16931Equations() {
    DocumentContent content = compute(request().net().line("Shirt", "3", "19.99", "20").line("Book", "1", "7.50", "5.5")
        .charged("80.00").build());
    DocumentTotals t = content.totals();

    assertThat(t.lineNetTotal()).isEqualByComparingTo("67.47");
    assertThat(t.allowanceTotal()).isEqualByComparingTo("0");
    assertThat(t.chargeTotal()).isEqualByComparingTo("0");
    assertThat(t.taxExclusiveTotal()).isEqualByComparingTo("67.47");
    assertThat(t.vatTotal()).isEqualByComparingTo("12.40");
    assertThat(t.taxInclusiveTotal()).isEqualByComparingTo("79.87");
    assertThat(t.paidAmount()).isEqualByComparingTo("80.00");
    assertThat(t.roundingAmount()).isEqualByComparingTo("0");
    assertThat(t.amountDue()).isEqualByComparingTo("-0.13");
  }

  @Test
  void aTaxIncludedOrderReconcilesWithWhatTheMarketplaceCharged() {
    DocumentContent content = compute(request().line("Shirt", "2", "49.90", "20").line("Book", "1", "12.00", "5.5")
        .line(LineRequest.shipping("S1", "Shipping", d("5.00"), d("20"))).charged("116.80").build());

    assertThat(content.totals().taxInclusiveTotal()).isEqualByComparingTo("116.80");
    assertThat(content.reconciliation().matches()).isTrue();
    assertThat(content.totals().amountDue()).isEqualByComparingTo("0");
  }

  @Test
  void aTaxIncludedTotalNoBaseCanReproduceShowsAsACentDifference() {
    DocumentContent content = compute(request().line("Pins", "3", "0.99", "20").charged("2.97").build());

    assertThat(content.totals().taxExclusiveTotal()).isEqualByComparingTo("2.48");
    assertThat(content.totals().vatTotal()).isEqualByComparingTo("0.50");
    assertThat(content.reconciliation().difference()).isEqualByComparingTo("0.01");
    assertThat(content.reconciliation().matches()).isFalse();
    assertThat(content.totals().amountDue()).isEqualByComparingTo("0.01");
  }

  @Test
  void aLineDiscountBecomesANetAllowanceAndTheLineStillAddsUp() {
    DocumentContent content = compute(request()
        .line(LineRequest.goods("L1", "Jacket", d("2"), d("25.00"), d("20")).withDiscount(d("5.00"))).build());
    DocumentLine line = content.lines().get(0);

    assertThat(line.netAmount()).isEqualByComparingTo("37.50");
    assertThat(line.discount()).isEqualByComparingTo("4.17");
    assertThat(Money.round(line.quantity().multiply(line.netUnitPrice()), "EUR").subtract(line.discount()))
        .isEqualByComparingTo(line.netAmount());
  }

  @Test
  void aUnitPriceTakesAsManyDecimalsAsTheLineAmountNeeds() {
    DocumentLine line = compute(request().line("Sock", "3", "1.00", "20").build()).lines().get(0);

    assertThat(line.netAmount()).isEqualByComparingTo("2.50");
    assertThat(line.netUnitPrice()).isEqualByComparingTo("0.833");
  }

  @Test
  void aDiscountAboveTheLineAmountIsRefused() {
    assertThatThrownBy(() -> request()
        .line(LineRequest.goods("L1", "Hat", d("1"), d("5.00"), d("20")).withDiscount(d("6.00"))).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds");
  }

  @Test
  void freeShippingAndAFreeGiftAreZeroLines() {
    DocumentContent content = compute(request().line("Mug", "1", "12.00", "20").line("Gift", "1", "0.00", "20")
        .line(LineRequest.shipping("S1", "Free shipping", d("0.00"), d("20"))).build());

    assertThat(content.lines()).extracting(DocumentLine::netAmount)
        .containsExactly(d("10.00"), d("0.00"), d("0.00"));
    assertThat(content.totals().taxInclusiveTotal()).isEqualByComparingTo("12.00");
  }

  @Test
  void underTheExportRegimeEveryLineIsZeroRatedCategoryGWithItsExemptionReason() {
    DocumentContent content = compute(request().regime(VatRegime.EXPORT_ZERO_RATED)
        .line("Shirt", "1", "60.00", "20").line("Book", "1", "10.00", "5.5").build());

    assertThat(content.lines()).allSatisfy(line -> {
      assertThat(line.vatCategory()).isEqualTo(VatCategory.EXPORT);
      assertThat(line.vatRate()).isEqualByComparingTo("0");
    });
    assertThat(content.vatBreakdown()).singleElement().satisfies(vat -> {
      assertThat(vat.taxableAmount()).isEqualByComparingTo("70.00");
      assertThat(vat.taxAmount()).isEqualByComparingTo("0");
      assertThat(vat.exemptionReasonCode()).isEqualTo("VATEX-EU-G");
      assertThat(vat.exemptionReason()).isNotBlank();
    });
  }

  @Test
  void aDocumentInAnotherCurrencyStatesItsVatInTheSellersAccountingCurrency() {
    DocumentContent content = compute(request().seller(Fixtures.britishSeller()).currency("EUR")
        .rate(new ExchangeRate("GBP", d("0.8512"), LocalDate.of(2026, 2, 27)))
        .line("Tea", "1", "10.00", "20").build());

    assertThat(content.totals().vatTotal()).isEqualByComparingTo("1.67");
    assertThat(content.vatAccounting().currency()).isEqualTo("GBP");
    assertThat(content.vatAccounting().vatTotal()).isEqualByComparingTo("1.42");
    assertThat(content.totals().vatTotalInAccountingCurrency()).isEqualByComparingTo("1.42");
  }

  @Test
  void aDocumentInTheSellersAccountingCurrencyHasNoSecondVatTotal() {
    DocumentContent content = compute(request().line("Shirt", "1", "10.00", "20").build());

    assertThat(content.vatAccounting()).isNull();
    assertThat(content.totals().vatTotalInAccountingCurrency()).isNull();
  }

  @Test
  void aDocumentInAnotherCurrencyWithoutARateIsRefused() {
    assertThatThrownBy(() -> request().seller(Fixtures.britishSeller()).currency("EUR")
        .line("Tea", "1", "10.00", "20").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exchange rate is required");
  }

  @Test
  void aRateIntoAnotherCurrencyThanTheSellersIsRefused() {
    assertThatThrownBy(() -> request().seller(Fixtures.britishSeller()).currency("EUR")
        .rate(new ExchangeRate("USD", d("1.08"), LocalDate.of(2026, 2, 27))).line("Tea", "1", "10.00", "20").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accounts VAT in GBP");
  }

  @Test
  void aCurrencyWithThreeMinorDigitsIsRefusedRatherThanRounded() {
    assertThatThrownBy(() -> request().currency("KWD").line("Lamp", "1", "10.000", "0").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 2");
  }

  @Test
  void aChargedAmountFinerThanTheCurrencyUnitIsRefused() {
    assertThatThrownBy(() -> request().line("Lamp", "1", "10.00", "20").charged("12.001").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more decimals");
  }

  @Test
  void aStandardRatedLineNeedsARateAboveZero() {
    assertThatThrownBy(() -> new LineRequest("L1", LineKind.GOODS, "Lamp", null, d("1"), d("10"), null,
        VatCategory.STANDARD, BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("above zero");
  }
}
