package io.synchron.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.synchron.intake.ShopifyReconciliation;
import io.synchron.simulator.mirakl.NewOrder;
import io.synchron.support.EndToEndTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Fulfilments, tracking and cancellations flowing between the Shopify simulator (which signs and delivers webhooks
 * to the service, as Shopify does) and the Mirakl simulator, one shipment per order (the operator has not enabled
 * multiple shipments).
 */
class FulfilmentEndToEndTest extends EndToEndTest {

  @Autowired ShopifyReconciliation reconciliation;

  @BeforeEach
  void stock() {
    stock("SKU-1", 100_000);
    stock("SKU-2", 100_000);
    shopify.webhooks().reset();
  }

  /** A marketplace order imported into Shopify; returns the marketplace order id. */
  private String importedOrder(int quantity1, int quantity2) {
    NewOrder.Builder order = NewOrder.builder().line("SKU-1", "Mug", quantity1, new BigDecimal("19.99"));
    if (quantity2 > 0) {
      order.line("SKU-2", "Plate", quantity2, new BigDecimal("9.99"));
    }
    String id = mirakl.placeOrder(order.build());
    pollAndSettle();
    mirakl.debitCustomer(id);
    pollAndSettle();
    assertThat(shopifyGid(id)).isNotNull();
    return id;
  }

  private String shopifyGid(String orderId) {
    return jdbc.sql("select shopify_order_gid from synced_order where marketplace_order_id = ?")
        .params(orderId).query(String.class).single();
  }

  private List<String> timeline(String orderId) {
    return jdbc.sql("select t.type || ': ' || t.message from timeline_entry t join synced_order o"
            + " on o.id = t.synced_order_id where o.marketplace_order_id = ? order by t.id")
        .params(orderId).query(String.class).list();
  }

  private String status(String orderId) {
    return jdbc.sql("select marketplace_status || '/' || shopify_status from synced_order where marketplace_order_id = ?")
        .params(orderId).query(String.class).single();
  }


  @Test
  void aFulfilmentInShopifyShipsTheOrderOnMiraklOnceWithTheMarketplacesCarrierCode() {
    String id = importedOrder(2, 1);

    shopify.fulfill(shopifyGid(id), Map.of(), "Colissimo", "6A12345678901", "https://laposte.example/6A12345678901");
    settleWebhooks();

    assertThat(mirakl.order(id).state()).isEqualTo("SHIPPED");
    assertThat(mirakl.callCount("OR24", id)).isEqualTo(1);
    assertThat(mirakl.order(id).json()).contains("\"shipping_tracking\":\"6A12345678901\"")
        .contains("\"shipping_carrier_code\":\"COLISSIMO\"");
    assertThat(status(id)).isEqualTo("SHIPPED/FULFILLED");
  }

  @Test
  void aDuplicatedWebhookShipsOnce() {
    String id = importedOrder(1, 0);
    shopify.webhooks().duplicateNext(3);

    shopify.fulfill(shopifyGid(id), Map.of(), "UPS", "1Z999", null);
    settleWebhooks();

    assertThat(mirakl.callCount("OR24", id)).isEqualTo(1);
    assertThat(mirakl.order(id).state()).isEqualTo("SHIPPED");
  }

  @Test
  void aLostWebhookIsRepairedByTheReconciliationSweep() {
    String id = importedOrder(1, 0);
    shopify.webhooks().dropNext(10);

    shopify.fulfill(shopifyGid(id), Map.of(), "DHL", "JD0001", null);
    settleWebhooks();
    assertThat(mirakl.order(id).state()).isEqualTo("SHIPPING");

    reconciliation.sweep(SHOP);
    settle();

    assertThat(mirakl.order(id).state()).isEqualTo("SHIPPED");
    assertThat(mirakl.callCount("OR24", id)).isEqualTo(1);
  }

  @Test
  void aPartialShipmentWaitsForTheLastLinesThenValidatesOnce() {
    String id = importedOrder(2, 1);
    String gid = shopifyGid(id);

    shopify.fulfill(gid, Map.of("SKU-1", 2), "UPS", "1ZFIRST", null);
    settleWebhooks();
    assertThat(mirakl.order(id).state()).isEqualTo("SHIPPING");
    assertThat(mirakl.callCount("OR24", id)).isZero();
    assertThat(timeline(id)).anySatisfy(e -> assertThat(e).startsWith("PARTIAL_SHIPMENT_PENDING").contains("still to ship"));

    shopify.fulfill(gid, Map.of("SKU-2", 1), "UPS", "1ZSECOND", null);
    settleWebhooks();

    assertThat(mirakl.order(id).state()).isEqualTo("SHIPPED");
    assertThat(mirakl.callCount("OR24", id)).isEqualTo(1);
    assertThat(mirakl.order(id).json()).contains("1ZSECOND");
  }

  @Test
  void aTrackingCorrectionIsSentAgain() {
    String id = importedOrder(1, 0);
    String fulfillment = shopify.fulfill(shopifyGid(id), Map.of(), "UPS", "1ZWRONG", null);
    settleWebhooks();

    shopify.updateTracking(fulfillment, "UPS", "1ZRIGHT", null);
    settleWebhooks();

    assertThat(mirakl.order(id).json()).contains("1ZRIGHT").doesNotContain("1ZWRONG");
    assertThat(timeline(id)).anySatisfy(e -> assertThat(e).startsWith("TRACKING_CORRECTED"));
  }

  @Test
  void reorderedWebhooksEndWithTheLatestTracking() {
    String id = importedOrder(1, 0);
    shopify.webhooks().holdAll();
    String fulfillment = shopify.fulfill(shopifyGid(id), Map.of(), "UPS", "1ZOLD", null);
    shopify.updateTracking(fulfillment, "UPS", "1ZNEW", null);

    shopify.webhooks().releaseInReverseOrder();
    settleWebhooks();

    assertThat(mirakl.order(id).state()).isEqualTo("SHIPPED");
    assertThat(mirakl.order(id).json()).contains("1ZNEW");
  }

  @Test
  void anUnknownCarrierIsSentByNameWithItsTrackingUrl() {
    String id = importedOrder(1, 0);

    shopify.fulfill(shopifyGid(id), Map.of(), "Bob's Couriers", "BOB-1", "https://bob.example/BOB-1");
    settleWebhooks();

    assertThat(mirakl.order(id).state()).isEqualTo("SHIPPED");
    assertThat(mirakl.order(id).json()).contains("Bob's Couriers").contains("https://bob.example/BOB-1");
  }

  @Test
  void deliveryStatesFromShopifyGoOnTheTimeline() {
    String id = importedOrder(1, 0);
    String fulfillment = shopify.fulfill(shopifyGid(id), Map.of(), "UPS", "1ZDELIV", null);
    settleWebhooks();

    shopify.addFulfillmentEvent(fulfillment, "IN_TRANSIT");
    settleWebhooks();
    reconciliation.sweep(SHOP);
    settle();
    shopify.addFulfillmentEvent(fulfillment, "DELIVERED");
    settleWebhooks();
    reconciliation.sweep(SHOP);
    settle();

    assertThat(timeline(id)).anySatisfy(e -> assertThat(e).startsWith("DELIVERY_IN_TRANSIT"))
        .anySatisfy(e -> assertThat(e).startsWith("DELIVERY_DELIVERED"));
  }

  @Test
  void cancelledInShopifyBeforeShippingIsCancelledOnMiraklWithAMarketplaceReason() {
    String id = importedOrder(1, 1);

    shopify.cancelOrder(shopifyGid(id), "CUSTOMER", true);
    settleWebhooks();
    pollAndSettle();

    assertThat(mirakl.order(id).state()).isEqualTo("CANCELED");
    assertThat(status(id)).isEqualTo("CANCELED/CANCELLED");
    assertThat(timeline(id)).anySatisfy(e -> assertThat(e).startsWith("CANCELLATION_SENT").contains("reason"));
  }

  @Test
  void cancelledOnMiraklIsCancelledInShopifyWithRestockAndNoRefund() {
    String id = importedOrder(3, 0);
    int stockBefore = shopify.available("SKU-1");

    mirakl.cancelByOperator(id, "34");
    pollAndSettle();

    var order = shopify.orderBySourceIdentifier("mirakl:" + CHANNEL + ":" + id).orElseThrow();
    assertThat(order.cancelledAt()).isNotNull();
    assertThat(shopify.available("SKU-1")).isEqualTo(stockBefore + 3);
    assertThat(status(id)).isEqualTo("CANCELED/CANCELLED");
  }

  @Test
  void aFulfilmentOfAnOrderMiraklCancelledIsAConflictForAPersonNotALoop() {
    String id = importedOrder(1, 0);
    shopify.webhooks().holdAll();
    mirakl.cancelByOperator(id, "34");
    String gid = shopifyGid(id);
    shopify.fulfill(gid, Map.of(), "UPS", "1ZLATE", null);
    shopify.webhooks().releaseAll();
    settleWebhooks();

    drain();

    assertThat(mirakl.callCount("OR24", id)).isZero();
    assertThat(count("select count(*) from job j join synced_order o on o.id = j.synced_order_id"
        + " where o.marketplace_order_id = ? and j.state = 'EXCEPTION' and j.last_error like '%Conflict%'", id))
        .isEqualTo(1);
  }

  @Test
  void cancelledInShopifyAfterMiraklShippedNeedsAPerson() throws Exception {
    String id = importedOrder(1, 0);
    // The seller validated the shipment in the marketplace's back office, not through Shopify.
    java.net.http.HttpResponse<String> shipped = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(mirakl.baseUrl() + "/api/orders/" + id + "/ship"))
            .header("Authorization", mirakl.apiKey())
            .PUT(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(shipped.statusCode()).isEqualTo(204);
    pollAndSettle();

    shopify.cancelOrder(shopifyGid(id), "CUSTOMER", true);
    settleWebhooks();

    assertThat(jdbc.sql("select attention from synced_order where marketplace_order_id = ?").params(id)
        .query(String.class).single()).startsWith("Conflict");
  }

  @Test
  void aShipmentWhoseValidationAnswerWasLostIsNotValidatedTwice() {
    String id = importedOrder(1, 0);
    mirakl.faults().enqueue("OR24", io.synchron.simulator.mirakl.Fault.applyThenStatus(500));

    shopify.fulfill(shopifyGid(id), Map.of(), "UPS", "1ZLOST", null);
    settleWebhooks();
    advanceAndSettle(Duration.ofSeconds(10));

    assertThat(mirakl.order(id).state()).isEqualTo("SHIPPED");
    assertThat(mirakl.callCount("OR24", id)).isEqualTo(1);
    assertThat(status(id)).isEqualTo("SHIPPED/FULFILLED");
  }

  @Test
  void aLineRemovedInShopifyBeforeShippingIsCancelledOnMirakl() {
    String id = importedOrder(1, 2);

    shopify.removeLine(shopifyGid(id), "SKU-2");
    settleWebhooks();
    pollAndSettle();

    var lines = mirakl.order(id).lineStates();
    assertThat(lines.get(id + "-2")).isEqualTo("CANCELED");
    assertThat(lines.get(id + "-1")).isEqualTo("SHIPPING");
    assertThat(mirakl.order(id).state()).isEqualTo("SHIPPING");
    // Synchron cancelled that line itself: nobody is asked to remove it from Shopify again.
    pollAndSettle();
    assertThat(jdbc.sql("select attention from synced_order where marketplace_order_id = ?").params(id)
        .query(String.class).optional()).isEmpty();
  }

  @Test
  void aLineCancelledOnMiraklAfterImportIsFlaggedForAPersonWithTheLine() throws Exception {
    String id = importedOrder(1, 1);
    String reason = "34";
    String body = "{\"cancelations\":[{\"order_line_id\":\"" + id + "-2\",\"amount\":9.99,\"shipping_amount\":0,"
        + "\"quantity\":1,\"reason_code\":\"" + reason + "\"}]}";
    var response = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(mirakl.baseUrl() + "/api/orders/cancel"))
            .header("Authorization", mirakl.apiKey()).header("Content-Type", "application/json")
            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

    pollAndSettle();

    assertThat(jdbc.sql("select attention from synced_order where marketplace_order_id = ?").params(id)
        .query(String.class).single()).contains(id + "-2").contains("Remove them from the Shopify order");
  }

  @Test
  void aPartialShipmentWhoseOtherLinesAreCancelledIsValidatedThen() {
    String id = importedOrder(1, 1);
    String gid = shopifyGid(id);
    shopify.fulfill(gid, Map.of("SKU-1", 1), "UPS", "1ZALONE", null);
    settleWebhooks();
    assertThat(mirakl.callCount("OR24", id)).isZero();

    shopify.removeLine(gid, "SKU-2");
    settleWebhooks();
    pollAndSettle();

    assertThat(mirakl.order(id).lineStates().get(id + "-2")).isEqualTo("CANCELED");
    assertThat(mirakl.order(id).state()).isEqualTo("SHIPPED");
    assertThat(mirakl.callCount("OR24", id)).isEqualTo(1);
  }
}
