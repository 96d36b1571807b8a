package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OrderLifecycleTest {
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

  private String placeAndAccept() {
    String orderId = place();
    client.accept(orderId, true, simulator.order(orderId).lineIds());
    return orderId;
  }

  @Test
  void addressesAreHiddenWhileTheOrderWaitsForAcceptance() {
    JsonNode customer = client.order(place()).get("customer");

    assertThat(customer.get("shipping_address").isNull()).isTrue();
    assertThat(customer.get("billing_address").isNull()).isTrue();
    assertThat(customer.get("lastname").stringValue()).isEqualTo("Martin");
  }

  @Test
  void addressesAreStillHiddenWhileTheDebitIsPending() {
    JsonNode customer = client.order(placeAndAccept()).get("customer");

    assertThat(customer.get("shipping_address").isNull()).isTrue();
    assertThat(customer.get("billing_address").isNull()).isTrue();
  }

  @Test
  void debitingTheCustomerMovesTheOrderToShippingAndRevealsTheAddresses() {
    String orderId = placeAndAccept();
    clock.advance(Duration.ofHours(1));

    simulator.debitCustomer(orderId);

    JsonNode order = client.order(orderId);
    assertThat(order.get("order_state").stringValue()).isEqualTo("SHIPPING");
    assertThat(order.get("customer_debited_date").stringValue()).isEqualTo("2025-03-10T09:00:00Z");
    assertThat(order.get("last_updated_date").stringValue()).isEqualTo("2025-03-10T09:00:00Z");
    assertThat(order.get("can_shop_ship").booleanValue()).isTrue();
    JsonNode address = order.get("customer").get("shipping_address");
    assertThat(address.get("street_1").stringValue()).isEqualTo("12 rue de la Paix");
    assertThat(address.get("zip_code").stringValue()).isEqualTo("75002");
    assertThat(address.get("country_iso_code").stringValue()).isEqualTo("FRA");
    assertThat(address.get("country").stringValue()).isEqualTo("France");
    assertThat(address.get("phone").stringValue()).isEqualTo("+33612345678");
    assertThat(order.get("customer").get("billing_address").get("city").stringValue())
        .isEqualTo("Paris");
    assertThat(simulator.order(orderId).lineStates().values()).containsOnly("SHIPPING");
  }

  @Test
  void debitingAnOrderNotAwaitingItIsRefused() {
    String orderId = place();

    assertThatThrownBy(() -> simulator.debitCustomer(orderId))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("WAITING_ACCEPTANCE");
  }

  @Test
  void aFailedDebitCancelsTheOrderWithAReason() {
    String orderId = placeAndAccept();

    simulator.failDebit(orderId);

    JsonNode order = client.order(orderId);
    assertThat(order.get("order_state").stringValue()).isEqualTo("CANCELED");
    assertThat(order.get("order_state_reason_code").stringValue()).isEqualTo("REFUSED_PAYMENT");
    assertThat(order.get("customer").get("shipping_address").isNull()).isTrue();
    assertThat(simulator.order(orderId).lineStates().values()).containsOnly("CANCELED");
  }

  @Test
  void aCustomerCancelationListsTheCanceledAmountsAndDeductsThemFromTheTotal() {
    String orderId = place();
    clock.advance(Duration.ofMinutes(10));

    simulator.cancelByCustomer(orderId);

    JsonNode order = client.order(orderId);
    assertThat(order.get("order_state").stringValue()).isEqualTo("CANCELED");
    assertThat(order.get("order_state_reason_code").stringValue())
        .isEqualTo("CUSTOMER_CANCELATION");
    JsonNode line = order.get("order_lines").get(0);
    JsonNode cancelation = line.get("cancelations").get(0);
    assertThat(cancelation.get("amount").decimalValue()).isEqualByComparingTo("39.98");
    assertThat(cancelation.get("shipping_amount").decimalValue()).isEqualByComparingTo("4.90");
    assertThat(cancelation.get("quantity").intValue()).isEqualTo(2);
    assertThat(cancelation.get("created_date").stringValue()).isEqualTo("2025-03-10T08:10:00Z");
    assertThat(line.get("total_price").decimalValue()).isEqualByComparingTo("0");
    assertThat(order.get("total_price").decimalValue()).isEqualByComparingTo("0");
  }

  @Test
  void aCustomerCanCancelWhileTheOrderIsBeingShipped() {
    String orderId = placeAndAccept();
    simulator.debitCustomer(orderId);

    simulator.cancelByCustomer(orderId);

    assertThat(simulator.order(orderId).state()).isEqualTo("CANCELED");
  }

  @Test
  void aCanceledOrderCannotBeCanceledAgain() {
    String orderId = place();
    simulator.cancelByCustomer(orderId);

    assertThatThrownBy(() -> simulator.cancelByCustomer(orderId))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anExpiredAcceptanceRefusesTheOrderWithoutADecisionDate() {
    String orderId = place();

    simulator.expireAcceptance(orderId);

    JsonNode order = client.order(orderId);
    assertThat(order.get("order_state").stringValue()).isEqualTo("REFUSED");
    assertThat(order.get("order_state_reason_code").stringValue()).isEqualTo("ACCEPTANCE_TIMEOUT");
    assertThat(order.get("acceptance_decision_date").isNull()).isTrue();
  }

  @Test
  void anExpiredOrderCannotBeAcceptedAnyMore() {
    String orderId = place();
    simulator.expireAcceptance(orderId);

    assertThat(client.accept(orderId, true, simulator.order(orderId).lineIds()).statusCode())
        .isEqualTo(400);
  }

  @Test
  void anUnknownOrderIdIsAnIllegalArgument() {
    assertThatThrownBy(() -> simulator.order("Nope-A"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCommercialIdCanOnlyBeUsedOnce() {
    NewOrder order =
        NewOrder.builder().commercialId("CHK-1").line("S", "T", 1, BigDecimal.ONE).build();
    simulator.placeOrder(order);

    assertThatThrownBy(() -> simulator.placeOrder(order))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ordersListsEveryOrderInCreationOrder() {
    String first = place();
    String second = place();

    assertThat(simulator.orders()).extracting(OrderView::orderId).containsExactly(first, second);
  }

  @Test
  void theViewCarriesTheSameJsonAsOr11() {
    String orderId = place();

    JsonNode viewJson = MiraklClient.JSON.readTree(simulator.order(orderId).json());

    assertThat(viewJson).isEqualTo(client.order(orderId));
  }
}
