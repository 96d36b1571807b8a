package io.synchron.refunds;

import static org.assertj.core.api.Assertions.assertThat;

import io.synchron.order.MarketplaceOrder;
import io.synchron.order.MarketplaceOrder.Tax;
import io.synchron.order.MarketplaceState;
import io.synchron.refunds.RefundSplit.LinePart;
import io.synchron.refunds.RefundSplit.StoreLine;
import io.synchron.refunds.RefundSplit.StoreRefund;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefundSplitTest {

  private static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  private static MarketplaceOrder order(MarketplaceOrder.TaxMode mode, MarketplaceOrder.Line... lines) {
    return new MarketplaceOrder("O-1", "C-1", MarketplaceState.SHIPPED, "SHIPPED", Instant.EPOCH, Instant.EPOCH,
        "EUR", mode, mode.name(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, null, null, null, null,
        List.of(lines));
  }

  private static MarketplaceOrder.Line line(String id, int qty, String price, String shipping, List<Tax> taxes,
      List<Tax> shippingTaxes, MarketplaceOrder.Refund... refunds) {
    return new MarketplaceOrder.Line(id, "SKU-" + id, "Item " + id, qty, null, d(price), d(shipping), null, taxes,
        shippingTaxes, "SHIPPED", List.of(refunds));
  }

  private static List<LinePart> parts(RefundSplit.Outcome outcome) {
    assertThat(outcome).isInstanceOf(RefundSplit.Split.class);
    return ((RefundSplit.Split) outcome).parts();
  }

  @Test
  void aWholeLineIsRefundedWithItsTaxOnItsTaxCode() {
    MarketplaceOrder o = order(MarketplaceOrder.TaxMode.TAX_EXCLUDED,
        line("L1", 2, "40.00", "5.00", List.of(new Tax("TVA", d("0.2"), d("8.00"))), List.of()));
    List<LinePart> parts = parts(RefundSplit.split(o,
        new StoreRefund("R1", List.of(new StoreLine("L1", 2, d("40.00"), d("8.00"))), null, null, d("48.00"))));

    assertThat(parts).hasSize(1);
    assertThat(parts.get(0).amount()).isEqualByComparingTo("40.00");
    assertThat(parts.get(0).shippingAmount()).isEqualByComparingTo("0");
    assertThat(parts.get(0).quantity()).isEqualTo(2);
    assertThat(parts.get(0).taxes()).singleElement().satisfies(t -> {
      assertThat(t.code()).isEqualTo("TVA");
      assertThat(t.amount()).isEqualByComparingTo("8.00");
    });
  }

  @Test
  void aPartialQuantitySplitsItsTaxOverTwoCodesToTheCent() {
    MarketplaceOrder o = order(MarketplaceOrder.TaxMode.TAX_EXCLUDED,
        line("L1", 3, "30.00", "0", List.of(new Tax("STATE", d("0.07"), d("2.10")), new Tax("CITY", d("0.03"),
            d("0.90"))), List.of()));
    // One of three units: Shopify's prorated tax is 1.00 (3.00 / 3).
    List<LinePart> parts = parts(RefundSplit.split(o,
        new StoreRefund("R1", List.of(new StoreLine("L1", 1, d("10.00"), d("1.00"))), null, null, d("11.00"))));

    LinePart p = parts.get(0);
    assertThat(p.amount()).isEqualByComparingTo("10.00");
    assertThat(p.taxes()).extracting(Tax::code).containsExactly("STATE", "CITY");
    assertThat(p.taxes()).extracting(Tax::amount).usingElementComparator(BigDecimal::compareTo)
        .containsExactly(d("0.70"), d("0.30"));
    assertThat(p.money(false)).isEqualByComparingTo("11.00");
  }

  @Test
  void aShippingOnlyRefundIsSplitOverTheLinesByTheShippingEachHasLeft() {
    MarketplaceOrder o = order(MarketplaceOrder.TaxMode.TAX_INCLUDED,
        line("L1", 1, "20.00", "4.00", List.of(), List.of(new Tax("TVA", d("0.2"), d("0.67")))),
        line("L2", 1, "10.00", "2.00", List.of(), List.of(new Tax("TVA", d("0.2"), d("0.33")))));
    List<LinePart> parts = parts(RefundSplit.split(o, new StoreRefund("R1", List.of(), d("5.00"), d("0.83"),
        d("5.00"))));

    assertThat(parts).extracting(LinePart::lineId).containsExactly("L1", "L2");
    assertThat(parts).extracting(LinePart::amount).usingElementComparator(BigDecimal::compareTo)
        .containsExactly(d("0"), d("0"));
    assertThat(parts).extracting(LinePart::shippingAmount).usingElementComparator(BigDecimal::compareTo)
        .containsExactly(d("3.33"), d("1.67"));
    BigDecimal shippingTax = parts.stream().flatMap(p -> p.shippingTaxes().stream()).map(Tax::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(shippingTax).isEqualByComparingTo("0.83");
    assertThat(parts.stream().map(p -> p.money(true)).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("5.00");
  }

  @Test
  void aRefundAboveWhatIsLeftOnTheLineIsRefusedWithBothAmounts() {
    MarketplaceOrder.Refund earlier = new MarketplaceOrder.Refund("M-9", d("30.00"), BigDecimal.ZERO, List.of(),
        List.of(), "15", "REFUNDED", 1);
    MarketplaceOrder o = order(MarketplaceOrder.TaxMode.TAX_INCLUDED,
        line("L1", 2, "50.00", "0", List.of(), List.of(), earlier));
    RefundSplit.Outcome outcome = RefundSplit.split(o,
        new StoreRefund("R1", List.of(new StoreLine("L1", 1, d("25.00"), d("4.17"))), null, null, d("25.00")));

    assertThat(outcome).isInstanceOf(RefundSplit.Refused.class);
    assertThat(((RefundSplit.Refused) outcome).reason())
        .contains("25.00 EUR on line L1", "20.00 EUR is still refundable", "refunded 30.00 EUR before");
  }

  @Test
  void moneyNotTiedToALineOrShippingIsRefusedNamingTheDifference() {
    MarketplaceOrder o = order(MarketplaceOrder.TaxMode.TAX_EXCLUDED,
        line("L1", 1, "10.00", "0", List.of(new Tax("TVA", d("0.2"), d("2.00"))), List.of()));
    RefundSplit.Outcome outcome = RefundSplit.split(o, new StoreRefund("R1", List.of(), null, null, d("2.00")));

    assertThat(outcome).isInstanceOf(RefundSplit.Refused.class);
    assertThat(((RefundSplit.Refused) outcome).reason()).contains("gave back 2.00 EUR", "account for 0.00 EUR");
  }

  @Test
  void aRefundThatMovedLessThanItsLinesIsScaledToTheMoneyMoved() {
    MarketplaceOrder o = order(MarketplaceOrder.TaxMode.TAX_EXCLUDED,
        line("L1", 1, "10.00", "0", List.of(new Tax("TVA", d("0.2"), d("2.00"))), List.of()),
        line("L2", 1, "20.00", "0", List.of(new Tax("TVA", d("0.2"), d("4.00"))), List.of()));
    List<LinePart> parts = parts(RefundSplit.split(o, new StoreRefund("R1",
        List.of(new StoreLine("L1", 1, d("10.00"), d("2.00")), new StoreLine("L2", 1, d("20.00"), d("4.00"))),
        null, null, d("18.00"))));

    assertThat(parts.stream().map(p -> p.money(false)).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("18.00");
    assertThat(parts.get(0).amount()).isEqualByComparingTo("5.00");
    assertThat(parts.get(1).amount()).isEqualByComparingTo("10.00");
  }

  @Test
  void aRefundThatMovedNoMoneyHasNothingToSend() {
    MarketplaceOrder o = order(MarketplaceOrder.TaxMode.TAX_INCLUDED, line("L1", 1, "10.00", "0", List.of(),
        List.of()));
    assertThat(RefundSplit.split(o, new StoreRefund("R1", List.of(new StoreLine("L1", 1, d("10.00"), d("1.67"))),
        null, null, BigDecimal.ZERO))).isInstanceOf(RefundSplit.NothingToSend.class);
  }

  @Test
  void taxOnTopOfPricesOnALineTheMarketplaceDidNotTaxIsRefused() {
    MarketplaceOrder o = order(MarketplaceOrder.TaxMode.TAX_EXCLUDED, line("L1", 1, "10.00", "0", List.of(),
        List.of()));
    RefundSplit.Outcome outcome = RefundSplit.split(o,
        new StoreRefund("R1", List.of(new StoreLine("L1", 1, d("10.00"), d("2.00"))), null, null, d("12.00")));
    assertThat(outcome).isInstanceOf(RefundSplit.Refused.class);
    assertThat(((RefundSplit.Refused) outcome).reason()).contains("charged no tax");
  }

  @Test
  void allocationAddsUpExactlyAndGivesLeftoverCentsToTheLargestRemainders() {
    List<BigDecimal> shares = RefundSplit.allocate(d("10.00"), List.of(d("1"), d("1"), d("1")), 2);
    assertThat(shares).usingElementComparator(BigDecimal::compareTo)
        .containsExactly(d("3.34"), d("3.33"), d("3.33"));
    assertThat(RefundSplit.allocate(d("0.05"), List.of(d("2"), d("0"), d("1")), 2))
        .usingElementComparator(BigDecimal::compareTo).containsExactly(d("0.03"), d("0"), d("0.02"));
  }
}
