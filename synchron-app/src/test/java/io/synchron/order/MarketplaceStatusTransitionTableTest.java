package io.synchron.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The marketplace-side transition table, row by row. */
class MarketplaceStatusTransitionTableTest {

  @ParameterizedTest(name = "{0} can be entered from {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "NEW;",
        "IN_REVIEW;NEW",
        "ACCEPTING;NEW,IN_REVIEW",
        "REFUSING;NEW,IN_REVIEW",
        "ACCEPTED;NEW,IN_REVIEW,ACCEPTING,REFUSING",
        "TO_SHIP;NEW,IN_REVIEW,ACCEPTING,REFUSING,ACCEPTED",
        "SHIPPED;NEW,IN_REVIEW,ACCEPTING,REFUSING,ACCEPTED,TO_SHIP",
        "CLOSED;NEW,IN_REVIEW,ACCEPTING,REFUSING,ACCEPTED,TO_SHIP,SHIPPED",
        "REFUSED;NEW,IN_REVIEW,ACCEPTING,REFUSING",
        "CANCELED;NEW,IN_REVIEW,ACCEPTING,REFUSING,ACCEPTED,TO_SHIP"
      })
  void eachStatusIsEnteredOnlyFromItsAllowedSet(MarketplaceStatus target, String from) {
    EnumSet<MarketplaceStatus> expected = EnumSet.noneOf(MarketplaceStatus.class);
    if (from != null) {
      for (String s : from.split(",")) {
        expected.add(MarketplaceStatus.valueOf(s));
      }
    }
    assertThat(target.allowedFrom()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "marketplace state {0} means {1}")
  @CsvSource({
    "WAITING_DEBIT,ACCEPTED",
    "WAITING_DEBIT_PAYMENT,ACCEPTED",
    "SHIPPING,TO_SHIP",
    "SHIPPED,SHIPPED",
    "TO_COLLECT,SHIPPED",
    "RECEIVED,SHIPPED",
    "CLOSED,CLOSED",
    "REFUSED,REFUSED",
    "CANCELED,CANCELED"
  })
  void observedMarketplaceStatesMapToStatuses(MarketplaceState state, MarketplaceStatus status) {
    assertThat(MarketplaceStatus.observedAs(state)).isEqualTo(status);
  }

  @ParameterizedTest
  @CsvSource({"STAGING", "WAITING_ACCEPTANCE", "UNKNOWN"})
  void statesBeforeADecisionOrUnknownImplyNoMove(MarketplaceState state) {
    assertThat(MarketplaceStatus.observedAs(state)).isNull();
  }
}
