package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NewOrderTest {

  @Test
  void theBuilderDefaultsToAFrenchTaxIncludedOrderInEuros() {
    NewOrder order = NewOrder.builder().line("SKU-1", "Mug", 2, new BigDecimal("19.99")).build();

    assertThat(order.currency()).isEqualTo("EUR");
    assertThat(order.taxMode()).isEqualTo("TAX_INCLUDED");
    assertThat(order.shippingPrice()).isEqualByComparingTo("4.90");
    assertThat(order.shippingTaxRate()).isEqualByComparingTo("20");
    assertThat(order.customer().countryIso3()).isEqualTo("FRA");
    assertThat(order.commercialId()).isNull();
    assertThat(order.lines())
        .singleElement()
        .extracting(NewLine::taxRatePercent)
        .isEqualTo(new BigDecimal("20"));
  }

  @Test
  void anOrderWithoutLinesIsRejected() {
    assertThatThrownBy(() -> NewOrder.builder().build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPriceWithMoreDecimalsThanTheCurrencyAllowsIsRejected() {
    assertThatThrownBy(
            () -> NewOrder.builder().line("SKU-1", "Mug", 1, new BigDecimal("1.999")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EUR");
  }

  @Test
  void threeDecimalsAreFineInAThreeDecimalCurrency() {
    NewOrder order =
        NewOrder.builder().currency("BHD").line("SKU-1", "Mug", 1, new BigDecimal("1.999")).build();

    assertThat(order.lines().get(0).unitPrice()).isEqualByComparingTo("1.999");
  }

  @Test
  void anUnknownTaxModeIsRejected() {
    assertThatThrownBy(
            () ->
                NewOrder.builder()
                    .taxMode("TAX_FREE")
                    .line("SKU-1", "Mug", 1, BigDecimal.ONE)
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aZeroQuantityIsRejected() {
    assertThatThrownBy(() -> new NewLine("SKU-1", "Mug", 0, BigDecimal.ONE, BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCountryMustBeAnAlpha3Code() {
    assertThatThrownBy(
            () ->
                new NewCustomer(
                    "A", "B", null, "1 rue", null, "75001", "Paris", null, "FR", null, "fr_FR"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
