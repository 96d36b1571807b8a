package io.synchron.simulator.mirakl;

import java.math.BigDecimal;

/**
 * Orders walked through real transitions for the fulfilment tests. The standard order has two
 * lines, TAX_INCLUDED at 20 %: line 1, two mugs at 19.99 (price 39.98, tax 6.66, shipping 3.96
 * with tax 0.66), and line 2, one plate at 9.50 (price 9.50, tax 1.58, shipping 0.94 with tax
 * 0.16).
 */
final class Fixtures {
  private Fixtures() {}

  static NewOrder mugsAndPlate() {
    return NewOrder.builder()
        .line("SKU-1", "Mug", 2, new BigDecimal("19.99"))
        .line("SKU-2", "Plate", 1, new BigDecimal("9.50"))
        .build();
  }

  /** A standard order, accepted and debited: SHIPPING. */
  static String shipping(MiraklSimulator simulator, MiraklClient client) {
    return shipping(simulator, client, mugsAndPlate());
  }

  static String shipping(MiraklSimulator simulator, MiraklClient client, NewOrder order) {
    String orderId = simulator.placeOrder(order);
    client.accept(orderId, true, simulator.order(orderId).lineIds());
    simulator.debitCustomer(orderId);
    return orderId;
  }

  /** A standard order shipped with OR24: SHIPPED. */
  static String shipped(MiraklSimulator simulator, MiraklClient client) {
    String orderId = shipping(simulator, client);
    client.put("/api/orders/" + orderId + "/ship");
    return orderId;
  }
}
