package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ListingOrdersTest {
  private final MutableClock clock = MutableClock.at("2025-03-10T08:00:00Z");
  private final MiraklSimulator simulator =
      MiraklSimulator.start(MiraklSimulator.Options.defaults().withClock(clock));
  private final MiraklClient client = new MiraklClient(simulator);

  @AfterEach
  void stop() {
    simulator.close();
  }

  private String place() {
    return simulator.placeOrder(
        NewOrder.builder().line("SKU-1", "Mug", 2, new BigDecimal("19.99")).build());
  }

  private List<String> place(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(place());
    }
    return ids;
  }

  private void accept(String orderId) {
    assertThat(client.accept(orderId, true, simulator.order(orderId).lineIds()).statusCode())
        .isEqualTo(204);
  }

  @Test
  void twoHundredFiftyOrdersComeInThreePagesOfAtMostOneHundred() {
    List<String> placed = place(250);

    List<String> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    for (int offset = 0; offset < 250; offset += 100) {
      JsonNode page = client.orders("max=100&offset=" + offset);
      assertThat(page.get("total_count").intValue()).isEqualTo(250);
      pageSizes.add(page.get("orders").size());
      seen.addAll(MiraklClient.orderIds(page));
    }

    assertThat(pageSizes).containsExactly(100, 100, 50);
    assertThat(seen).containsExactlyElementsOf(placed);
  }

  @Test
  void anOffsetPastTheEndGivesAnEmptyPageWithTheTotalCount() {
    place(3);

    JsonNode page = client.orders("offset=10");

    assertThat(page.get("orders").size()).isZero();
    assertThat(page.get("total_count").intValue()).isEqualTo(3);
  }

  @Test
  void aPageSizeAboveOneHundredIsClampedToOneHundred() {
    place(120);

    assertThat(client.orders("max=500").get("orders").size()).isEqualTo(100);
  }

  @Test
  void theDefaultPageSizeIsTen() {
    place(12);

    assertThat(client.orders("").get("orders").size()).isEqualTo(10);
  }

  @Test
  void paginateFalseReturnsEveryOrder() {
    place(120);

    assertThat(client.orders("paginate=false&max=5").get("orders").size()).isEqualTo(120);
  }

  @Test
  void ordersAreSortedByCreationDateThenOrderIdAndCanBeReversed() {
    String first = place();
    clock.advance(Duration.ofMinutes(1));
    String second = place();

    assertThat(MiraklClient.orderIds(client.orders(""))).containsExactly(first, second);
    assertThat(MiraklClient.orderIds(client.orders("order=desc"))).containsExactly(second, first);
  }

  @Test
  void sortingByUpdateDatePutsTheLastChangedOrderLast() {
    String first = place();
    String second = place();
    clock.advance(Duration.ofMinutes(1));
    accept(first);

    assertThat(MiraklClient.orderIds(client.orders("sort=dateUpdated")))
        .containsExactly(second, first);
  }

  @Test
  void startUpdateDateKeepsOrdersChangedAtOrAfterIt() {
    String untouched = place();
    String accepted = place();
    clock.advance(Duration.ofMinutes(5));
    accept(accepted);

    JsonNode page = client.orders("start_update_date=2025-03-10T08:05:00Z");

    assertThat(MiraklClient.orderIds(page)).containsExactly(accepted).doesNotContain(untouched);
    assertThat(page.get("total_count").intValue()).isEqualTo(1);
  }

  @Test
  void updateDatesWithAnOffsetAreUnderstood() {
    place();
    clock.advance(Duration.ofHours(2));
    String later = place();
    String since = URLEncoder.encode("2025-03-10T12:00:00+02:00", StandardCharsets.UTF_8);

    assertThat(MiraklClient.orderIds(client.orders("start_update_date=" + since)))
        .containsExactly(later);
  }

  @Test
  void endUpdateDateKeepsOrdersLastChangedAtOrBeforeIt() {
    String early = place();
    clock.advance(Duration.ofMinutes(5));
    place();

    assertThat(MiraklClient.orderIds(client.orders("end_update_date=2025-03-10T08:00:00Z")))
        .containsExactly(early);
  }

  @Test
  void creationDatesFilterOnCreationNotOnUpdate() {
    String early = place();
    clock.advance(Duration.ofMinutes(5));
    String late = place();
    accept(early);

    assertThat(MiraklClient.orderIds(client.orders("start_date=2025-03-10T08:05:00Z")))
        .containsExactly(late);
    assertThat(MiraklClient.orderIds(client.orders("end_date=2025-03-10T08:04:59Z")))
        .containsExactly(early);
  }

  @Test
  void stateCodesFilterOnAnyOfTheListedStates() {
    String waiting = place();
    String accepted = place();
    String refused = place();
    accept(accepted);
    simulator.expireAcceptance(refused);

    assertThat(MiraklClient.orderIds(client.orders("order_state_codes=WAITING_DEBIT_PAYMENT")))
        .containsExactly(accepted);
    assertThat(MiraklClient.orderIds(client.orders("order_state_codes=WAITING_ACCEPTANCE,REFUSED")))
        .containsExactly(waiting, refused);
  }

  @Test
  void orderIdsFilterOnTheListedOrders() {
    List<String> ids = place(4);

    JsonNode page = client.orders("order_ids=" + ids.get(3) + "," + ids.get(1));

    assertThat(MiraklClient.orderIds(page)).containsExactly(ids.get(1), ids.get(3));
  }

  @Test
  void customerDebitedFiltersOnWhetherTheCustomerWasDebited() {
    String debited = place();
    String notDebited = place();
    accept(debited);
    simulator.debitCustomer(debited);

    assertThat(MiraklClient.orderIds(client.orders("customer_debited=true")))
        .containsExactly(debited);
    assertThat(MiraklClient.orderIds(client.orders("customer_debited=false")))
        .containsExactly(notDebited);
  }

  @Test
  void anUnknownStateCodeIsAValidationError() {
    HttpResponse<String> response = client.get("/api/orders?order_state_codes=LOST");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.errorCode(response)).isEqualTo("VALIDATION_ERROR");
  }

  @Test
  void aMalformedDateIsAValidationError() {
    assertThat(client.get("/api/orders?start_update_date=yesterday").statusCode()).isEqualTo(400);
  }

  @Test
  void aNonNumericPageSizeIsAValidationError() {
    assertThat(client.get("/api/orders?max=ten").statusCode()).isEqualTo(400);
  }

  @Test
  void orderAndLineIdsFollowMiraklsScheme() {
    String orderId =
        simulator.placeOrder(
            NewOrder.builder()
                .commercialId("CHK-77")
                .line("SKU-1", "Mug", 1, BigDecimal.TEN)
                .line("SKU-2", "Cup", 1, BigDecimal.TEN)
                .build());

    JsonNode order = client.order(orderId);

    assertThat(orderId).isEqualTo("CHK-77-A");
    assertThat(order.get("commercial_id").stringValue()).isEqualTo("CHK-77");
    assertThat(order.get("order_lines").get(1).get("order_line_id").stringValue())
        .isEqualTo("CHK-77-A-2");
    assertThat(order.get("order_lines").get(1).get("order_line_index").intValue()).isEqualTo(2);
  }

  @Test
  void generatedCommercialIdsAreUnique() {
    Set<String> ids = new HashSet<>(place(30));

    assertThat(ids).hasSize(30).allMatch(id -> id.endsWith("-A"));
  }

  @Test
  void aNewOrderWaitsForAcceptanceWithItsDatesAndRelayEmail() {
    String orderId = place();

    JsonNode order = client.order(orderId);

    assertThat(order.get("order_state").stringValue()).isEqualTo("WAITING_ACCEPTANCE");
    assertThat(order.get("created_date").stringValue()).isEqualTo("2025-03-10T08:00:00Z");
    assertThat(order.get("last_updated_date").stringValue()).isEqualTo("2025-03-10T08:00:00Z");
    assertThat(order.get("shipping_deadline").stringValue()).isEqualTo("2025-03-12T08:00:00Z");
    assertThat(order.get("acceptance_decision_date").isNull()).isTrue();
    assertThat(order.get("payment_workflow").stringValue()).isEqualTo("PAY_ON_ACCEPTANCE");
    assertThat(order.get("customer_notification_email").stringValue())
        .endsWith("@notification.mirakl.net");
    assertThat(order.get("order_lines").get(0).get("order_line_state").stringValue())
        .isEqualTo("WAITING_ACCEPTANCE");
  }
}
