package io.synchron.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.synchron.simulator.mirakl.NewOrder;
import io.synchron.support.EndToEndTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refunds made on the marketplace reach Shopify once, for exactly what was paid back. */
class MarketplaceRefundsEndToEndTest extends EndToEndTest {

  @org.springframework.beans.factory.annotation.Autowired io.synchron.intake.ShopifyReconciliation reconciliation;

  @BeforeEach
  void stock() {
    stock("SKU-1", 100_000);
    stock("SKU-2", 100_000);
  }

  private String shippedOrder() throws Exception {
    String id = mirakl.placeOrder(NewOrder.builder()
        .line("SKU-1", "Mug", 2, new BigDecimal("19.99"))
        .line("SKU-2", "Plate", 1, new BigDecimal("9.50"))
        .build());
    pollAndSettle();
    mirakl.debitCustomer(id);
    pollAndSettle();
    HttpResponse<String> shipped = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(mirakl.baseUrl() + "/api/orders/" + id + "/ship"))
            .header("Authorization", mirakl.apiKey()).PUT(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(shipped.statusCode()).isEqualTo(204);
    pollAndSettle();
    return id;
  }

  @Test
  void aMarketplaceRefundIsRecordedInShopifyOnceForTheRefundedAmount() throws Exception {
    String id = shippedOrder();

    mirakl.refundByOperator(id, id + "-1", new BigDecimal("19.99"), BigDecimal.ZERO, "15");
    pollAndSettle();
    mirakl.confirmReceipt(id);
    pollAndSettle();

    var order = shopify.orderBySourceIdentifier("mirakl:" + CHANNEL + ":" + id).orElseThrow();
    assertThat(order.refunds()).hasSize(1);
    assertThat(order.totalRefunded()).isEqualByComparingTo("19.99");
    assertThat(order.displayFinancialStatus()).isEqualTo("PARTIALLY_REFUNDED");
    // Shopify's echo of our own refund (refunds/create, orders/updated) is not mistaken for lines removed there.
    reconciliation.sweep(SHOP);
    settle();
    assertThat(jdbc.sql("select attention from synced_order where marketplace_order_id = ?").params(id)
        .query(String.class).optional()).isEmpty();
    assertThat(mirakl.callCount("OR30", id)).isZero();
  }

  @Test
  void aRefundOfEverythingMakesTheShopifyOrderRefunded() throws Exception {
    String id = shippedOrder();
    String json = mirakl.order(id).json();
    BigDecimal shipping1 = new BigDecimal(json.replaceAll("(?s).*?\"order_line_id\":\"" + id + "-1\".*?\"shipping_price\":([0-9.]+).*", "$1"));
    BigDecimal shipping2 = new BigDecimal(json.replaceAll("(?s).*?\"order_line_id\":\"" + id + "-2\".*?\"shipping_price\":([0-9.]+).*", "$1"));

    mirakl.refundByOperator(id, id + "-1", new BigDecimal("39.98"), shipping1, "15");
    mirakl.refundByOperator(id, id + "-2", new BigDecimal("9.50"), shipping2, "15");
    pollAndSettle();

    var order = shopify.orderBySourceIdentifier("mirakl:" + CHANNEL + ":" + id).orElseThrow();
    assertThat(order.refunds()).hasSize(2);
    assertThat(order.displayFinancialStatus()).isEqualTo("REFUNDED");
  }
}
