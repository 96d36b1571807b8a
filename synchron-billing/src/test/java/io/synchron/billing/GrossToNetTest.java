package io.synchron.billing;

import static io.synchron.billing.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrossToNetTest {

  private static List<GrossToNet.Item> free(String... grossAmounts) {
    List<GrossToNet.Item> items = new ArrayList<>();
    for (String gross : grossAmounts) {
      items.add(new GrossToNet.Item(d(gross), null));
    }
    return items;
  }

  @Test
  void aTaxIncludedTotalSplitsIntoABaseWhoseVatAddsBackToIt() {
    BigDecimal base = GrossToNet.base(d("10.00"), d("20"), "EUR");

    assertThat(base).isEqualByComparingTo("8.33");
    assertThat(base.add(Money.vat(base, d("20"), "EUR"))).isEqualByComparingTo("10.00");
  }

  @Test
  void theExactHalfCentRoundsUp() {
    assertThat(GrossToNet.base(d("2.97"), d("20"), "EUR")).isEqualByComparingTo("2.48");
  }

  @Test
  void aTotalNoBaseCanReproduceKeepsTheNearestBase() {
    BigDecimal base = GrossToNet.base(d("0.03"), d("20"), "EUR");

    assertThat(base).isEqualByComparingTo("0.03");
    assertThat(base.add(Money.vat(base, d("20"), "EUR"))).isEqualByComparingTo("0.04");
  }

  @Test
  void aReducedRateWithADecimalIsConverted() {
    assertThat(GrossToNet.base(d("12.00"), d("5.5"), "EUR")).isEqualByComparingTo("11.37");
  }

  @Test
  void atZeroRateTheBaseIsTheTotal() {
    assertThat(GrossToNet.base(d("19.99"), BigDecimal.ZERO, "EUR")).isEqualByComparingTo("19.99");
  }

  @Test
  void aCurrencyWithoutMinorUnitsRoundsToWholeUnits() {
    assertThat(GrossToNet.base(d("1000"), d("10"), "JPY")).isEqualByComparingTo("909");
  }

  @Test
  void missingCentsGoToTheLinesWithTheLargestRemainders() {
    List<BigDecimal> nets = GrossToNet.apportion(free("1.00", "2.00", "4.00"), d("20"), "EUR");

    // exact shares 0.8333, 1.6667, 3.3333: floors 0.83 + 1.66 + 3.33 = 5.82, base of 7.00 is 5.83
    assertThat(nets).containsExactly(d("0.83"), d("1.67"), d("3.33"));
  }

  @Test
  void equalRemaindersFavourEarlierLines() {
    List<BigDecimal> nets = GrossToNet.apportion(free("0.99", "0.99", "0.99"), d("20"), "EUR");

    assertThat(nets).containsExactly(d("0.83"), d("0.83"), d("0.82"));
  }

  @Test
  void apportionedLinesAddUpToTheGroupBaseNotToTheSumOfLineConversions() {
    List<BigDecimal> nets = GrossToNet.apportion(free("0.99", "0.99", "0.99"), d("20"), "EUR");

    BigDecimal sum = nets.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(sum).isEqualByComparingTo(GrossToNet.base(d("2.97"), d("20"), "EUR"));
    assertThat(sum).isNotEqualByComparingTo("2.49");
  }

  @Test
  void aFreeLineStaysAtZero() {
    List<BigDecimal> nets = GrossToNet.apportion(free("0.00", "0.99", "0.99"), d("20"), "EUR");

    assertThat(nets.get(0)).isEqualByComparingTo("0");
  }

  @Test
  void fixedNetsAreKeptAndTheOtherLinesShareTheRest() {
    List<GrossToNet.Item> items = List.of(new GrossToNet.Item(d("5.00"), d("4.16")),
        new GrossToNet.Item(d("5.00"), null));

    List<BigDecimal> nets = GrossToNet.apportion(items, d("20"), "EUR");

    assertThat(nets).containsExactly(d("4.16"), d("4.17"));
  }
}
