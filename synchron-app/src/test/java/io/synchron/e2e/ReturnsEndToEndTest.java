package io.synchron.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.synchron.simulator.mirakl.NewOrder;
import io.synchron.simulator.mirakl.ReturnView;
import io.synchron.support.EndToEndTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Returns kept in step: a marketplace return is decided in Synchron, opened in Shopify and restocked when the
 * marketplace receives it; a return opened in Shopify is created on the marketplace and marked received when it is
 * processed, its refund sent like any other.
 */
class ReturnsEndToEndTest extends EndToEndTest {

  @LocalServerPort int port;

  /** Refunds made when processing a return take the mapped "Product returned" reason. */
  @org.springframework.test.context.DynamicPropertySource
  static void refundReasons(org.springframework.test.context.DynamicPropertyRegistry registry) {
    registry.add("synchron.channels[0].refund-reasons[RETURN]", () -> "20");
  }

  @BeforeEach
  void stock() {
    stock("SKU-1", 100_000);
    stock("SKU-2", 100_000);
  }

  /** An order fulfilled in Shopify, whose shipment the marketplace has validated. */
  private String shippedOrder() {
    String id = mirakl.placeOrder(NewOrder.builder()
        .line("SKU-1", "Mug", 2, new BigDecimal("20.00"))
        .line("SKU-2", "Plate", 1, new BigDecimal("10.00"))
        .build());
    pollAndSettle();
    mirakl.debitCustomer(id);
    pollAndSettle();
    shopify.fulfill(gid(id), Map.of(), "DHL", "JD0001", null);
    settleWebhooks();
    pollAndSettle();
    assertThat(mirakl.order(id).state()).isEqualTo("SHIPPED");
    return id;
  }

  private String gid(String id) {
    return shopify.orderBySourceIdentifier("mirakl:" + CHANNEL + ":" + id).orElseThrow().id();
  }

  private String syncedId(String id) {
    return jdbc.sql("select id::text from synced_order where marketplace_order_id = ?").params(id)
        .query(String.class).single();
  }

  private String timeline(String id) {
    return String.join("\n", jdbc.sql("select t.type || ': ' || t.message from timeline_entry t join synced_order o"
            + " on o.id = t.synced_order_id where o.marketplace_order_id = ? order by t.at, t.id")
        .params(id).query(String.class).list());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private List<io.synchron.simulator.shopify.OrderView.ReturnView> shopifyReturns(String id) {
    return shopify.orderBySourceIdentifier("mirakl:" + CHANNEL + ":" + id).orElseThrow().returns();
  }

  @Test
  void aMarketplaceReturnIsDecidedInSynchronOpenedInShopifyAndRestockedWhenReceived() throws Exception {
    String id = shippedOrder();
    clock.advance(Duration.ofMinutes(1));
    String returnId = mirakl.requestReturn(id, Map.of(id + "-1", 1), "RETURN_CHANGED_MIND");
    pollAndSettle();

    assertThat(timeline(id)).contains("RETURN_WAITING_ACCEPTANCE");
    assertThat(jdbc.sql("select attention from synced_order where marketplace_order_id = ?").params(id)
        .query(String.class).single()).contains("Return " + returnId, "accept");
    assertThat(shopifyReturns(id)).isEmpty();
    String exceptions = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/api/exceptions")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    assertThat(exceptions).contains("accept-return:" + returnId, "refuse-return:" + returnId);

    assertThat(post("/api/orders/" + syncedId(id) + "/returns/" + returnId + "/refuse",
        "{\"reasonCode\":\"NOPE\"}").statusCode()).isEqualTo(400);
    assertThat(post("/api/orders/" + syncedId(id) + "/returns/" + returnId + "/accept", "").statusCode())
        .isEqualTo(202);
    settle();

    assertThat(mirakl.returnView(returnId).state()).isEqualTo("IN_PROGRESS");
    assertThat(shopifyReturns(id)).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("OPEN"));
    assertThat(post("/api/orders/" + syncedId(id) + "/returns/" + returnId + "/accept", "").statusCode())
        .isEqualTo(409);

    int before = shopify.available("SKU-1");
    clock.advance(Duration.ofMinutes(1));
    mirakl.receiveReturnByOperator(returnId);
    pollAndSettle();
    settleWebhooks();

    assertThat(shopify.available("SKU-1")).isEqualTo(before + 1);
    assertThat(shopifyReturns(id)).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("CLOSED"));
    assertThat(timeline(id)).contains("RETURN_RECEIVED", "RETURN_RESTOCKED");

    // The operator refunds after the return: recorded in Shopify, not sent back, no second restock.
    mirakl.refundByOperator(id, id + "-1", new BigDecimal("20.00"), BigDecimal.ZERO, "15");
    clock.advance(Duration.ofMinutes(1));
    pollAndSettle();
    settleWebhooks();
    assertThat(shopify.orderBySourceIdentifier("mirakl:" + CHANNEL + ":" + id).orElseThrow().totalRefunded())
        .isEqualByComparingTo("20.00");
    assertThat(shopify.available("SKU-1")).isEqualTo(before + 1);
    assertThat(mirakl.callCount("OR28", id)).isZero();
    assertThat(mirakl.callCount("RT01", id)).isZero();
  }

  @Test
  void aRefusedMarketplaceReturnNeverReachesShopify() throws Exception {
    String id = shippedOrder();
    clock.advance(Duration.ofMinutes(1));
    String returnId = mirakl.requestReturn(id, Map.of(id + "-2", 1), "RETURN_CHANGED_MIND");
    pollAndSettle();

    assertThat(post("/api/orders/" + syncedId(id) + "/returns/" + returnId + "/refuse",
        "{\"reasonCode\":\"RETURN_REJECTION_WINDOW_CLOSED\"}").statusCode()).isEqualTo(202);
    settle();
    pollAndSettle();

    ReturnView view = mirakl.returnView(returnId);
    assertThat(view.state()).isEqualTo("REFUSED");
    assertThat(view.rejectionReasonCode()).isEqualTo("RETURN_REJECTION_WINDOW_CLOSED");
    assertThat(shopifyReturns(id)).isEmpty();
    assertThat(timeline(id)).contains("RETURN_REFUSED");
  }

  @Test
  void aReturnOpenedInShopifyIsCreatedOnTheMarketplaceAndItsProcessingReceivesAndRefundsIt() throws Exception {
    String id = shippedOrder();
    int before = shopify.available("SKU-1");

    String shopifyReturn = shopify.requestReturn(gid(id), Map.of("SKU-1", 1));
    settleWebhooks();

    List<ReturnView> created = mirakl.returns(id);
    assertThat(created).singleElement().satisfies(r -> {
      assertThat(r.state()).isEqualTo("IN_PROGRESS");
      assertThat(r.lines()).singleElement().satisfies(l -> {
        assertThat(l.orderLineId()).isEqualTo(id + "-1");
        assertThat(l.quantity()).isEqualTo(1);
      });
    });
    // Seen again by the marketplace poll: linked, not created twice, no Shopify return opened for it.
    clock.advance(Duration.ofMinutes(1));
    pollAndSettle();
    assertThat(mirakl.returns(id)).hasSize(1);
    assertThat(shopifyReturns(id)).hasSize(1);

    shopify.processReturn(shopifyReturn, Map.of("SKU-1", 1), true, true);
    settleWebhooks();
    pollAndSettle();

    assertThat(mirakl.returns(id).get(0).state()).isEqualTo("RECEIVED");
    assertThat(mirakl.order(id).refunds()).singleElement().satisfies(r -> {
      assertThat(r.lineId()).isEqualTo(id + "-1");
      assertThat(r.amount()).isEqualByComparingTo("20.00");
      assertThat(r.reasonCode()).isEqualTo("20");
    });
    assertThat(shopify.available("SKU-1")).isEqualTo(before + 1);
    assertThat(timeline(id)).contains("RETURN_CREATED", "RETURN_RECEIPT_SENT", "REFUND_SENT");
    String detail = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/api/orders/" + syncedId(id))).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    assertThat(detail).contains("\"origin\":\"SHOPIFY\"", "\"state\":\"RECEIVED\"",
        "\"direction\":\"SHOPIFY_TO_MARKETPLACE\"", "\"money\":\"20.00\"");
  }

  @Test
  void aReturnProcessedWithoutRestockLeavesStockAloneAndStillRefunds() throws Exception {
    String id = shippedOrder();
    int before = shopify.available("SKU-2");

    String shopifyReturn = shopify.requestReturn(gid(id), Map.of("SKU-2", 1));
    settleWebhooks();
    shopify.processReturn(shopifyReturn, Map.of("SKU-2", 1), false, true);
    settleWebhooks();

    assertThat(shopify.available("SKU-2")).isEqualTo(before);
    assertThat(mirakl.returns(id)).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo("RECEIVED"));
    assertThat(mirakl.order(id).refunds()).singleElement()
        .satisfies(r -> assertThat(r.amount()).isEqualByComparingTo("10.00"));
  }
}
