package io.synchron.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.synchron.simulator.mirakl.NewOrder;
import io.synchron.support.EndToEndTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refunds made in Shopify reach the marketplace (Mirakl OR28) once each, split per line with taxes per code, and
 * only when the marketplace takes them; what it would refuse becomes an exception naming the amounts.
 */
class ShopifyRefundsEndToEndTest extends EndToEndTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @BeforeEach
  void stock() {
    stock("SKU-1", 100_000);
    stock("SKU-2", 100_000);
  }

  private String paidOrder(String taxMode) {
    String id = mirakl.placeOrder(NewOrder.builder()
        .taxMode(taxMode)
        .shippingPrice(new BigDecimal("6.00"))
        .line("SKU-1", "Mug", 2, new BigDecimal("20.00"))
        .line("SKU-2", "Plate", 1, new BigDecimal("10.00"))
        .build());
    pollAndSettle();
    mirakl.debitCustomer(id);
    pollAndSettle();
    return id;
  }

  /** The warehouse ships everything left in Shopify; Synchron tells the marketplace. */
  private void shipOnMarketplace(String id) throws Exception {
    shopify.fulfill(gid(id), Map.of(), "DHL", "JD0001", null);
    settleWebhooks();
    pollAndSettle();
    assertThat(mirakl.order(id).state()).isEqualTo("SHIPPED");
  }

  private String shippedOrder(String taxMode) throws Exception {
    String id = paidOrder(taxMode);
    shipOnMarketplace(id);
    return id;
  }

  private String gid(String id) {
    return shopify.orderBySourceIdentifier("mirakl:" + CHANNEL + ":" + id).orElseThrow().id();
  }

  /** Every refund on the marketplace order, as OR11 shows it. */
  private List<JsonNode> marketplaceRefunds(String id) {
    JsonNode order = JSON.readTree(mirakl.order(id).json());
    List<JsonNode> refunds = new ArrayList<>();
    for (JsonNode line : order.path("order_lines")) {
      for (JsonNode refund : line.path("refunds")) {
        ((tools.jackson.databind.node.ObjectNode) refund).put("_line", line.path("order_line_id").asString());
        refunds.add(refund);
      }
    }
    return refunds;
  }

  private static BigDecimal sum(List<JsonNode> refunds, String field) {
    return refunds.stream().map(r -> new BigDecimal(r.path(field).asString("0"))).reduce(BigDecimal.ZERO,
        BigDecimal::add);
  }

  private static BigDecimal taxes(List<JsonNode> refunds, String field) {
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode r : refunds) {
      for (JsonNode t : r.path(field)) {
        sum = sum.add(new BigDecimal(t.path("amount").asString()));
      }
    }
    return sum;
  }

  private String timeline(String id) {
    return String.join("\n", jdbc.sql("select t.type || ': ' || t.message from timeline_entry t join synced_order o"
            + " on o.id = t.synced_order_id where o.marketplace_order_id = ? order by t.at, t.id")
        .params(id).query(String.class).list());
  }

  private List<String> parkedErrors(String id, String kind) {
    return jdbc.sql("select j.last_error from job j join synced_order o on o.id = j.synced_order_id"
            + " where o.marketplace_order_id = ? and j.kind = ? and j.state = 'EXCEPTION'").params(id, kind)
        .query(String.class).list();
  }

  private void refundInShopify(String id, Map<String, Integer> units, BigDecimal shipping) {
    shopify.refund(gid(id), units, false, shipping, "Refunded by customer service");
    settleWebhooks();
  }

  @Test
  void aLineRefundedInShopifyIsRefundedOnTheMarketplaceOnceWithItsTaxPerCode() throws Exception {
    String id = shippedOrder(NewOrder.TAX_EXCLUDED);

    refundInShopify(id, Map.of("SKU-1", 2), null);

    List<JsonNode> refunds = marketplaceRefunds(id);
    assertThat(refunds).hasSize(1);
    assertThat(refunds.get(0).path("_line").asString()).isEqualTo(id + "-1");
    assertThat(sum(refunds, "amount")).isEqualByComparingTo("40.00");
    assertThat(taxes(refunds, "taxes")).isEqualByComparingTo("8.00");
    assertThat(refunds.get(0).path("quantity").asInt()).isEqualTo(2);
    assertThat(refunds.get(0).path("reason_code").asString()).isEqualTo("15");
    assertThat(timeline(id)).contains("REFUND_SENT");

    // The marketplace's echo of our refund is not recorded back in Shopify, and nothing is sent twice.
    pollAndSettle();
    pollAndSettle();
    assertThat(shopify.orderBySourceIdentifier("mirakl:" + CHANNEL + ":" + id).orElseThrow().refunds()).hasSize(1);
    assertThat(mirakl.callCount("OR28", id)).isEqualTo(1);
    assertThat(marketplaceRefunds(id)).hasSize(1);
  }

  @Test
  void aPartialQuantityRefundGivesBackThoseUnitsOnly() throws Exception {
    String id = shippedOrder(NewOrder.TAX_INCLUDED);

    refundInShopify(id, Map.of("SKU-1", 1), null);

    List<JsonNode> refunds = marketplaceRefunds(id);
    assertThat(refunds).hasSize(1);
    assertThat(sum(refunds, "amount")).isEqualByComparingTo("20.00");
    assertThat(refunds.get(0).path("quantity").asInt()).isEqualTo(1);
  }

  @Test
  void aShippingOnlyRefundIsSplitOverTheLinesAndAddsUp() throws Exception {
    String id = shippedOrder(NewOrder.TAX_INCLUDED);

    refundInShopify(id, Map.of(), new BigDecimal("5.00"));

    List<JsonNode> refunds = marketplaceRefunds(id);
    assertThat(refunds).isNotEmpty();
    assertThat(sum(refunds, "amount")).isEqualByComparingTo("0");
    assertThat(sum(refunds, "shipping_amount")).isEqualByComparingTo("5.00");
  }

  @Test
  void aMultiLineRefundIsOneCallWithOneRefundPerLine() throws Exception {
    String id = shippedOrder(NewOrder.TAX_INCLUDED);

    refundInShopify(id, Map.of("SKU-1", 1, "SKU-2", 1), null);

    List<JsonNode> refunds = marketplaceRefunds(id);
    assertThat(refunds).extracting(r -> r.path("_line").asString()).containsExactlyInAnyOrder(id + "-1", id + "-2");
    assertThat(sum(refunds, "amount")).isEqualByComparingTo("30.00");
    assertThat(mirakl.callCount("OR28", id)).isEqualTo(1);
  }

  @Test
  void aRefundWhoseAnswerWasLostIsNotSentTwice() throws Exception {
    String id = shippedOrder(NewOrder.TAX_INCLUDED);
    mirakl.faults().enqueue("OR28", io.synchron.simulator.mirakl.Fault.applyThenStatus(504));

    refundInShopify(id, Map.of("SKU-2", 1), null);
    drain();

    assertThat(marketplaceRefunds(id)).hasSize(1);
    assertThat(mirakl.callCount("OR28", id)).isEqualTo(1);
    assertThat(timeline(id)).contains("not sent again");
    // Its echo is Synchron's own refund: Shopify keeps the one refund it made.
    pollAndSettle();
    assertThat(shopify.orderBySourceIdentifier("mirakl:" + CHANNEL + ":" + id).orElseThrow().refunds()).hasSize(1);
  }

  @Test
  void aRefundAboveWhatTheMarketplaceStillRefundsIsAnExceptionNotACall() throws Exception {
    String id = shippedOrder(NewOrder.TAX_INCLUDED);
    // The operator refunded the line on the marketplace; Synchron has not read it yet when Shopify refunds it too.
    mirakl.refundByOperator(id, id + "-1", new BigDecimal("30.00"), BigDecimal.ZERO, "15");

    refundInShopify(id, Map.of("SKU-1", 2), null);

    assertThat(mirakl.callCount("OR28", id)).isZero();
    assertThat(parkedErrors(id, "SEND_REFUND_TO_MARKETPLACE")).singleElement().satisfies(e -> assertThat(e)
        .contains("40.00 EUR on line " + id + "-1", "10.00 EUR is still refundable"));
  }

  @Test
  void aRefundBeforeShipmentWaitsAndIsSentOnceTheOrderShips() throws Exception {
    String id = paidOrder(NewOrder.TAX_INCLUDED);

    refundInShopify(id, Map.of(), new BigDecimal("2.00"));
    assertThat(mirakl.callCount("OR28", id)).isZero();
    assertThat(timeline(id)).contains("REFUND_WAITING");

    shipOnMarketplace(id);

    assertThat(mirakl.callCount("OR28", id)).isEqualTo(1);
    assertThat(sum(marketplaceRefunds(id), "shipping_amount")).isEqualByComparingTo("2.00");
  }

  @Test
  void unitsRefundedBeforeTheyShippedAreCancelledOnTheMarketplaceNotRefunded() throws Exception {
    String id = paidOrder(NewOrder.TAX_INCLUDED);

    refundInShopify(id, Map.of("SKU-2", 1), null);

    assertThat(mirakl.callCount("OR28", id)).isZero();
    assertThat(mirakl.order(id).lineStates().get(id + "-2")).isEqualTo("CANCELED");
    // The rest ships, and the order is validated on the marketplace.
    shipOnMarketplace(id);
    assertThat(mirakl.callCount("OR28", id)).isZero();
  }

  @Test
  void afterAPartialShipmentRefundedUnitsThatNeverShippedAreCancelledAndTheOrderShips() throws Exception {
    String id = paidOrder(NewOrder.TAX_INCLUDED);
    shopify.fulfill(gid(id), Map.of("SKU-1", 1), "DHL", "JD0001", null);
    settleWebhooks();

    // One unit of each line never shipped: refunded without restock, they are cancellations, not refunds.
    refundInShopify(id, Map.of("SKU-1", 1, "SKU-2", 1), null);
    pollAndSettle();

    assertThat(mirakl.callCount("OR28", id)).isZero();
    assertThat(mirakl.callCount("OR30", id)).isPositive();
    assertThat(mirakl.order(id).state()).as(() -> timeline(id) + "\n" + mirakl.order(id).lineStates())
        .isEqualTo("SHIPPED");
  }

  @Test
  void aRefundOnAClosedOrderIsAnExceptionWithTheReason() throws Exception {
    String id = shippedOrder(NewOrder.TAX_INCLUDED);
    mirakl.confirmReceipt(id);
    mirakl.close(id);
    pollAndSettle();

    refundInShopify(id, Map.of("SKU-2", 1), null);

    assertThat(mirakl.callCount("OR28", id)).isZero();
    assertThat(parkedErrors(id, "SEND_REFUND_TO_MARKETPLACE")).singleElement()
        .satisfies(e -> assertThat(e).contains("once it is CLOSED"));
  }

  @Test
  void aShippingOnlyRefundOnTheMarketplaceReachesShopifyAsMoneyOnly() throws Exception {
    String id = shippedOrder(NewOrder.TAX_INCLUDED);

    mirakl.refundByOperator(id, id + "-2", BigDecimal.ZERO, new BigDecimal("1.00"), "15");
    pollAndSettle();

    var order = shopify.orderBySourceIdentifier("mirakl:" + CHANNEL + ":" + id).orElseThrow();
    assertThat(order.refunds()).hasSize(1);
    assertThat(order.totalRefunded()).isEqualByComparingTo("1.00");
    // Recorded in Shopify by Synchron: not carried back to the marketplace.
    settleWebhooks();
    assertThat(mirakl.callCount("OR28", id)).isZero();
  }

  @Test
  void aTaxOnlyRefundOnTheMarketplaceReachesShopifyForTheTaxGivenBack() throws Exception {
    String id = shippedOrder(NewOrder.TAX_EXCLUDED);

    mirakl.refundByOperator(id, id + "-1", BigDecimal.ZERO, BigDecimal.ZERO, Map.of("VAT", new BigDecimal("3.00")),
        "15");
    pollAndSettle();

    var order = shopify.orderBySourceIdentifier("mirakl:" + CHANNEL + ":" + id).orElseThrow();
    assertThat(order.refunds()).hasSize(1);
    assertThat(order.totalRefunded()).isEqualByComparingTo("3.00");
    settleWebhooks();
    assertThat(mirakl.callCount("OR28", id)).isZero();
  }

  @Test
  void moneyRefundedInShopifyWithoutALineIsAnExceptionNamingTheAmount() throws Exception {
    String id = shippedOrder(NewOrder.TAX_EXCLUDED);

    shopify.refundMoneyOnly(gid(id), new BigDecimal("4.00"), "Goodwill");
    settleWebhooks();

    assertThat(mirakl.callCount("OR28", id)).isZero();
    assertThat(parkedErrors(id, "SEND_REFUND_TO_MARKETPLACE")).singleElement()
        .satisfies(e -> assertThat(e).contains("gave back 4.00 EUR", "not tied to any line"));
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String syncedId(String id) {
    return jdbc.sql("select id::text from synced_order where marketplace_order_id = ?").params(id)
        .query(String.class).single();
  }

  @Test
  void anIncidentIsShownAndCanBeResolvedFromSynchron() throws Exception {
    String id = shippedOrder(NewOrder.TAX_INCLUDED);
    clock.advance(java.time.Duration.ofMinutes(1));
    mirakl.openIncident(id, id + "-1", "2");
    pollAndSettle();

    assertThat(timeline(id)).contains("INCIDENT_OPENED");
    assertThat(jdbc.sql("select attention from synced_order where marketplace_order_id = ?").params(id)
        .query(String.class).single()).contains("Incident opened", id + "-1");

    assertThat(post("/api/orders/" + syncedId(id) + "/incidents/" + id + "-2/resolve", "{}").statusCode())
        .isEqualTo(409);
    assertThat(post("/api/orders/" + syncedId(id) + "/incidents/" + id + "-1/resolve", "{\"reasonCode\":\"NOPE\"}")
        .statusCode()).isEqualTo(400);
    clock.advance(java.time.Duration.ofMinutes(1));
    assertThat(post("/api/orders/" + syncedId(id) + "/incidents/" + id + "-1/resolve", "{}").statusCode())
        .isEqualTo(202);
    settle();
    pollAndSettle();

    assertThat(mirakl.order(id).lineStates().get(id + "-1")).isNotEqualTo("INCIDENT_OPEN");
    assertThat(mirakl.callCount("OR64", id)).isEqualTo(1);
    assertThat(timeline(id)).contains("INCIDENT_RESOLVED", "INCIDENT_CLOSED");
  }

  @org.springframework.beans.factory.annotation.Autowired io.synchron.intake.RefundConsistencyCheck refundCheck;
  @org.springframework.beans.factory.annotation.Autowired io.synchron.jobs.Jobs jobs;

  private io.synchron.intake.RefundConsistencyCheck.Outcome checkRefunds(String id) {
    return refundCheck.check(new io.synchron.order.SyncedOrderId(java.util.UUID.fromString(syncedId(id))));
  }

  @Test
  void refundsCarriedBothWaysAddUpOnEverySide() throws Exception {
    String id = shippedOrder(NewOrder.TAX_INCLUDED);
    mirakl.refundByOperator(id, id + "-1", new BigDecimal("20.00"), BigDecimal.ZERO, "15");
    pollAndSettle();
    refundInShopify(id, Map.of("SKU-2", 1), null);
    pollAndSettle();

    var outcome = checkRefunds(id);

    assertThat(outcome.checked()).isTrue();
    assertThat(outcome.detail()).contains("marketplace 30.00 EUR, Shopify 30.00 EUR, Synchron's records 30.00 EUR");
    assertThat(outcome.consistent()).isTrue();
    assertThat(refundCheck.checkAll()).anySatisfy(o -> assertThat(o.orderId()).isEqualTo(id));
  }

  @Test
  void aMarketplaceRefundThatNeverReachedShopifyIsAMismatchNamingEachSide() throws Exception {
    String id = shippedOrder(NewOrder.TAX_INCLUDED);
    shopify.faults().enqueue("refundCreate", io.synchron.simulator.shopify.Fault.status(403));
    mirakl.refundByOperator(id, id + "-1", new BigDecimal("20.00"), BigDecimal.ZERO, "15");
    pollAndSettle();
    // Recording it in Shopify was refused and a person dismissed the exception without fixing it.
    java.util.UUID parked = jdbc.sql("select id from job where kind = 'RECORD_REFUND_IN_SHOPIFY' and state = 'EXCEPTION'")
        .query(java.util.UUID.class).single();
    jobs.dismiss(parked);

    var outcome = checkRefunds(id);

    assertThat(outcome.consistent()).isFalse();
    assertThat(outcome.detail()).contains("marketplace 20.00 EUR, Shopify 0.00 EUR, Synchron's records 0.00 EUR");
    assertThat(jdbc.sql("select attention from synced_order where marketplace_order_id = ?").params(id)
        .query(String.class).single()).contains("Refunded amounts differ", "Shopify 0.00 EUR");
  }
}
