package io.synchron.connector.mirakl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both readings of a partly cancelled Mirakl line (UNCERTAIN whether OR11's quantity drops) give the units left. */
class CancelledUnitsTest {

  private static MiraklDtos.OrderLine line(int quantity, String state, Integer... cancelled) {
    return new MiraklDtos.OrderLine("L-1", 1, state, "SKU", "Mug", quantity, new BigDecimal("10"),
        new BigDecimal("10").multiply(BigDecimal.valueOf(quantity)), BigDecimal.ZERO, null, null, List.of(),
        List.of(), List.of(),
        java.util.Arrays.stream(cancelled).map(q -> new MiraklDtos.LineCancelation("C" + q, q)).toList());
  }

  @Test
  void aQuantityAsOrderedHasTheCancelledUnitsTakenOff() {
    assertThat(MiraklConnector.cancelledUnits(line(3, "SHIPPING", 1))).isEqualTo(1);
    assertThat(MiraklConnector.cancelledUnits(line(3, "SHIPPING", 1, 1))).isEqualTo(2);
  }

  @Test
  void aQuantityAlreadyLoweredIsNotLoweredAgain() {
    // One unit left of two ordered, one cancelled: read as the remainder, not as nothing left.
    assertThat(MiraklConnector.cancelledUnits(line(1, "SHIPPING", 1))).isZero();
  }

  @Test
  void aWhollyCancelledLineHasEveryUnitCancelled() {
    assertThat(MiraklConnector.cancelledUnits(line(2, "CANCELED", 2))).isEqualTo(2);
  }

  @Test
  void aLineWithoutCancellationsHasNone() {
    assertThat(MiraklConnector.cancelledUnits(line(2, "SHIPPING"))).isZero();
  }
}
