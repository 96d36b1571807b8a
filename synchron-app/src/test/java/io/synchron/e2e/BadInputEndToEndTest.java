package io.synchron.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.synchron.simulator.mirakl.Fault;
import io.synchron.simulator.mirakl.NewOrder;
import io.synchron.support.EndToEndTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed, truncated and unexpected marketplace data, and wrong-state calls to the API: each ends as a clear error
 * on the order's timeline, in the exception list, or as a typed HTTP problem; never a crash loop, never lost data.
 */
class BadInputEndToEndTest extends EndToEndTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @BeforeEach
  void stock() {
    stock("SKU-1", 100_000);
  }

  private String placeOrder() {
    return mirakl.placeOrder(NewOrder.builder().line("SKU-1", "Mug", 1, new BigDecimal("19.99")).build());
  }

  private List<String> timeline(String orderId) {
    return jdbc.sql(
            "select t.type || ': ' || t.message from timeline_entry t join synced_order o on o.id = t.synced_order_id"
                + " where o.marketplace_order_id = ? order by t.id")
        .params(orderId)
        .query(String.class)
        .list();
  }

  /** Rewrites one order inside an OR11 answer. */
  private static Fault rewriteOrder(String orderId, java.util.function.Consumer<ObjectNode> change) {
    return Fault.rewriteBody(
        body -> {
          JsonNode root = JSON.readTree(body);
          for (JsonNode order : (ArrayNode) root.get("orders")) {
            if (orderId.equals(order.get("order_id").asString())) {
              change.accept((ObjectNode) order);
            }
          }
          return JSON.writeValueAsString(root);
        });
  }

  @Test
  void aTruncatedAnswerFailsThePollAndTheNextPollLosesNothing() {
    String id = placeOrder();
    clock.advance(Duration.ofHours(2));
    mirakl.faults().enqueue("OR11", Fault.rewriteBody(body -> body.substring(0, body.length() / 2)));

    var result = poller.pollNow(CHANNEL);

    assertThat(result.error()).contains("unreadable JSON");
    assertThat(count("select count(*) from synced_order where marketplace_order_id = ?", id)).isZero();
    clock.advance(Duration.ofMinutes(1));
    pollAndSettle();
    assertThat(mirakl.order(id).state()).isEqualTo("WAITING_DEBIT_PAYMENT");
  }

  @Test
  void anUnknownOrderStateIsRecordedOnTheTimelineAndNothingIsDone() {
    String id = placeOrder();
    mirakl.faults().enqueue("OR11", rewriteOrder(id, o -> o.put("order_state", "WAITING_QUANTUM_APPROVAL")));

    pollAndSettle();

    assertThat(timeline(id)).anySatisfy(e -> assertThat(e).contains("WAITING_QUANTUM_APPROVAL").contains("no action"));
    assertThat(mirakl.order(id).acceptCalls()).isZero();
    assertThat(count("select count(*) from job j join synced_order o on o.id = j.synced_order_id where o.marketplace_order_id = ?", id)).isZero();
  }

  @Test
  void anOrderMissingItsLinesIsKeptAsAnUnreadableSignalWhileTheOthersFlow() {
    String broken = placeOrder();
    String fine = placeOrder();
    mirakl.faults().enqueue("OR11", rewriteOrder(broken, o -> o.remove("order_lines")));

    pollAndSettle();

    assertThat(mirakl.order(fine).state()).isEqualTo("WAITING_DEBIT_PAYMENT");
    assertThat(
            jdbc.sql("select error from inbox_signal where status = 'FAILED' and subject = ?")
                .params(broken)
                .query(String.class)
                .list())
        .singleElement()
        .satisfies(e -> assertThat(e).contains("missing the required field order_lines"));
    assertThat(get("/api/exceptions").body()).contains("UNREADABLE_SIGNAL").contains(broken);
  }

  @Test
  void aWrongTypeInAFieldIsAnUnreadableSignalNotACrash() {
    String id = placeOrder();
    mirakl.faults().enqueue("OR11", rewriteOrder(id, o -> o.put("last_updated_date", "yesterday-ish")));

    var result = poller.pollNow(CHANNEL);
    settle();

    assertThat(result.error()).isNull();
    assertThat(count("select count(*) from inbox_signal where status = 'FAILED' and subject = ?", id)).isEqualTo(1);
  }

  @Test
  void anUnknownTaxModeParksTheImportWithTheReason() {
    String id = placeOrder();
    pollAndSettle();
    mirakl.debitCustomer(id);
    mirakl.faults().enqueue("OR11", rewriteOrder(id, o -> o.put("order_tax_mode", "TAX_SOMETIMES")));

    pollAndSettle();

    assertThat(timeline(id)).anySatisfy(e -> assertThat(e).startsWith("ACTION_PARKED").contains("TAX_SOMETIMES"));
    assertThat(shopify.orderBySourceIdentifier("mirakl:" + CHANNEL + ":" + id)).isEmpty();
    assertThat(get("/api/exceptions").body()).contains("ACTION_FAILED:IMPORT_TO_SHOPIFY").contains("TAX_SOMETIMES");
  }

  @Test
  void acceptingAnOrderThatIsNoLongerWaitingIsAConflictNamingItsState() {
    String id = placeOrder();
    pollAndSettle();
    String uuid =
        jdbc.sql("select id::text from synced_order where marketplace_order_id = ?").params(id).query(String.class).single();

    HttpResponse<String> response = post("/api/orders/" + uuid + "/accept");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.body()).contains("\"currentState\":\"ACCEPTED\"");
  }

  @Test
  void anUnknownFilterValueIsABadRequest() {
    assertThat(get("/api/orders?marketplaceStatus=SOMEWHERE").statusCode()).isEqualTo(400);
  }

  @Test
  void anUnknownOrderIsNotFound() {
    assertThat(get("/api/orders/7b6f2c36-3d6d-4a59-9d0e-1b1c6f0d2a11").statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build());
  }

  private HttpResponse<String> post(String path) {
    return send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
