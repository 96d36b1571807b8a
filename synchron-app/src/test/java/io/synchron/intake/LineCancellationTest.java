package io.synchron.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.synchron.connector.MarketplaceConnector.LineCancellation;
import io.synchron.order.MarketplaceOrder;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineCancellationTest {

  private static final MarketplaceOrder.Line LINE = new MarketplaceOrder.Line("L-1", "SKU", "Mug", 3,
      new BigDecimal("10.00"), new BigDecimal("30.00"), new BigDecimal("4.90"), null,
      List.of(new MarketplaceOrder.Tax("TVA", new BigDecimal("20"), new BigDecimal("5.00"))),
      List.of(new MarketplaceOrder.Tax("TVA", new BigDecimal("20"), new BigDecimal("0.82"))), "SHIPPING");

  @Test
  void cancellingTheWholeLineSendsEveryAmountAsCharged() {
    LineCancellation c = CancelOnMarketplaceHandler.cancellation(LINE, 3, "34", "EUR");

    assertThat(c.amount()).isEqualByComparingTo("30.00");
    assertThat(c.shippingAmount()).isEqualByComparingTo("4.90");
    assertThat(c.taxes().get(0).amount()).isEqualByComparingTo("5.00");
    assertThat(c.shippingTaxes().get(0).amount()).isEqualByComparingTo("0.82");
    assertThat(c.reasonCode()).isEqualTo("34");
  }

  @Test
  void cancellingPartOfALineProratesAndRoundsToTheCurrency() {
    LineCancellation c = CancelOnMarketplaceHandler.cancellation(LINE, 1, "34", "EUR");

    assertThat(c.quantity()).isEqualTo(1);
    assertThat(c.amount()).isEqualByComparingTo("10.00");
    assertThat(c.shippingAmount()).isEqualByComparingTo("1.63");
    assertThat(c.taxes().get(0).amount()).isEqualByComparingTo("1.67");
  }
}
