package io.synchron.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.synchron.simulator.mirakl.NewOrder;
import io.synchron.support.EndToEndTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where the operator allows several shipments per order, each Shopify fulfilment is its own Mirakl shipment. */
class MultiShipmentEndToEndTest extends EndToEndTest {

  @BeforeEach
  void multiShipmentMarketplace() {
    mirakl.setMultiShipment(true);
    stock("SKU-1", 100_000);
    stock("SKU-2", 100_000);
    shopify.webhooks().reset();
  }

  private String importedOrder() {
    String id = mirakl.placeOrder(NewOrder.builder()
        .line("SKU-1", "Mug", 2, new BigDecimal("19.99"))
        .line("SKU-2", "Plate", 1, new BigDecimal("9.99"))
        .build());
    pollAndSettle();
    mirakl.debitCustomer(id);
    pollAndSettle();
    return id;
  }

  private String shopifyGid(String orderId) {
    return jdbc.sql("select shopify_order_gid from synced_order where marketplace_order_id = ?")
        .params(orderId).query(String.class).single();
  }


  @Test
  void eachParcelIsItsOwnShipmentWithItsOwnTracking() {
    String id = importedOrder();
    String gid = shopifyGid(id);

    shopify.fulfill(gid, Map.of("SKU-1", 2), "UPS", "1ZPARCEL1", null);
    settleWebhooks();
    assertThat(mirakl.order(id).shipments()).hasSize(1);
    assertThat(mirakl.order(id).state()).isEqualTo("SHIPPING");

    shopify.fulfill(gid, Map.of("SKU-2", 1), "Colissimo", "6APARCEL2", null);
    settleWebhooks();

    assertThat(mirakl.order(id).shipments()).hasSize(2);
    assertThat(mirakl.order(id).state()).isEqualTo("SHIPPED");
    assertThat(mirakl.callCount("ST01", id)).isEqualTo(2);
    assertThat(mirakl.callCount("OR24", id)).isZero();
  }

  @Test
  void aShipmentCreatedByAnAttemptWhoseAnswerWasLostIsFoundNotCreatedAgain() {
    String id = importedOrder();
    mirakl.faults().enqueue("ST01", io.synchron.simulator.mirakl.Fault.applyThenStatus(502));

    shopify.fulfill(shopifyGid(id), Map.of(), "UPS", "1ZONCE", null);
    settleWebhooks();
    advanceAndSettle(Duration.ofSeconds(10));

    assertThat(mirakl.order(id).shipments()).hasSize(1);
    assertThat(mirakl.callCount("ST01", id)).isEqualTo(1);
    assertThat(mirakl.order(id).state()).isEqualTo("SHIPPED");
  }

  @Test
  void aTrackingCorrectionGoesToThatShipment() {
    String id = importedOrder();
    String fulfillment = shopify.fulfill(shopifyGid(id), Map.of(), "UPS", "1ZBEFORE", null);
    settleWebhooks();

    shopify.updateTracking(fulfillment, "UPS", "1ZAFTER", null);
    settleWebhooks();

    assertThat(mirakl.callCount("ST23", id)).isEqualTo(1);
    assertThat(mirakl.order(id).json()).contains("1ZAFTER");
  }
}
