package io.synchron.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Marketplace snapshots and orders that walk real transitions. */
public final class SyncedOrderFixtures {

  public static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  private SyncedOrderFixtures() {}

  public static MarketplaceOrder snapshot(String state, Instant updatedAt) {
    return new MarketplaceOrder(
        "ORDER-1-A",
        "ORDER-1",
        MarketplaceState.parse(state),
        state,
        T0,
        updatedAt,
        "EUR",
        MarketplaceOrder.TaxMode.TAX_INCLUDED,
        "TAX_INCLUDED",
        new BigDecimal("4.90"),
        new BigDecimal("44.88"),
        new BigDecimal("6.00"),
        T0.plusSeconds(172_800),
        "CUST-REF",
        "FR",
        "Standard",
        null,
        List.of(
            new MarketplaceOrder.Line(
                "ORDER-1-A-1", "SKU-1", "Mug", 2, new BigDecimal("19.99"), new BigDecimal("39.98"),
                new BigDecimal("4.90"), new BigDecimal("6.00"),
                List.of(new MarketplaceOrder.Tax("TVA", new BigDecimal("20"), new BigDecimal("6.66"))),
                List.of(new MarketplaceOrder.Tax("TVA", new BigDecimal("20"), new BigDecimal("0.82"))),
                state)));
  }

  public static SyncedOrder newOrder() {
    SyncedOrder order = SyncedOrder.discovered("mirakl-fr", snapshot("WAITING_ACCEPTANCE", T0));
    order.markSaved();
    return order;
  }

  public static SyncedOrder accepting() {
    SyncedOrder order = newOrder();
    order.decideToAccept();
    order.markSaved();
    return order;
  }

  public static SyncedOrder toShip() {
    SyncedOrder order = accepting();
    order.observe(snapshot("SHIPPING", T0.plusSeconds(60)));
    order.markSaved();
    return order;
  }
}
