package io.synchron.simulator.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScriptedFaultsTest {

  private ShopifySimulator simulator;
  private AdminClient client;
  private String mugId;

  @BeforeEach
  void start() {
    simulator = ShopifySimulator.start(ShopifySimulator.Options.defaults());
    client = new AdminClient(simulator);
    mugId = simulator.addProduct("MUG", "Blue mug", new BigDecimal("19.99"), 10);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void aStatusFaultAnswersThatStatusAndChangesNothing() {
    simulator.faults().enqueue("orderCreate", Fault.status(503));

    AdminClient.Reply reply = createOrder("DECREMENT_OBEYING_POLICY");

    assertThat(reply.status()).isEqualTo(503);
    assertThat(simulator.orders()).isEmpty();
    assertThat(simulator.available("MUG")).isEqualTo(10);
  }

  @Test
  void aFaultIsConsumedByOneRequest() {
    simulator.faults().enqueue("orderCreate", Fault.status(500));
    createOrder(null);

    AdminClient.Reply reply = createOrder(null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(simulator.orders()).hasSize(1);
    assertThat(simulator.faults().pending("orderCreate")).isZero();
  }

  @Test
  void aFaultForAnotherRootFieldDoesNotApply() {
    simulator.faults().enqueue("orders", Fault.status(500));

    AdminClient.Reply reply = createOrder(null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(simulator.faults().pending("orders")).isEqualTo(1);
  }

  @Test
  void a429StatusFaultCarriesRetryAfter() {
    simulator.faults().enqueue("orderCreate", Fault.status(429));

    AdminClient.Reply reply = createOrder(null);

    assertThat(reply.status()).isEqualTo(429);
    assertThat(reply.raw().headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void aThrottledFaultAnswersShopifysThrottledBodyWithoutExecuting() {
    simulator.faults().enqueue("orderCreate", Fault.throttled());

    AdminClient.Reply reply = createOrder(null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.firstError().path("extensions").path("code").asString())
        .isEqualTo("THROTTLED");
    assertThat(reply.json().path("extensions").path("cost").path("actualQueryCost").isNull())
        .isTrue();
    assertThat(simulator.orders()).isEmpty();
  }

  @Test
  void aDelayFaultAnswersNormallyAfterTheDelay() {
    simulator.faults().enqueue("orderCreate", Fault.delay(Duration.ofMillis(300)));

    long started = System.nanoTime();
    AdminClient.Reply reply = createOrder(null);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(simulator.orders()).hasSize(1);
  }

  @Test
  void anApplyThenStatusFaultCreatesTheOrderButAnswersTheError() {
    simulator.faults().enqueue("orderCreate", Fault.applyThenStatus(502));

    AdminClient.Reply reply = createOrder("DECREMENT_OBEYING_POLICY");

    assertThat(reply.status()).isEqualTo(502);
    assertThat(simulator.orderBySourceIdentifier("M-1")).isPresent();
    assertThat(simulator.available("MUG")).isEqualTo(8);
  }

  @Test
  void aRewriteBodyFaultPassesTheResponseThroughTheFunction() {
    simulator
        .faults()
        .enqueue("orderCreate", Fault.rewriteBody(body -> body.replace("#1001", "#REWRITTEN")));

    AdminClient.Reply reply = createOrder(null);

    assertThat(reply.data().path("orderCreate").path("order").path("name").asString())
        .isEqualTo("#REWRITTEN");
    assertThat(simulator.orders().get(0).name()).isEqualTo("#1001");
  }

  @Test
  void clearingDropsQueuedFaults() {
    simulator.faults().enqueue("orderCreate", Fault.status(500));
    simulator.faults().clear();

    assertThat(createOrder(null).status()).isEqualTo(200);
  }

  @Test
  void theJournalRecordsTheFaultedStatus() {
    simulator.faults().enqueue("orderCreate", Fault.status(500));
    createOrder(null);

    RecordedExchange exchange = simulator.journal().get(0);
    assertThat(exchange.status()).isEqualTo(500);
    assertThat(exchange.rootFields()).containsExactly("orderCreate");
  }

  private AdminClient.Reply createOrder(String inventoryBehaviour) {
    return client.post(
        Fixtures.ORDER_CREATE,
        Fixtures.variables(Fixtures.order("M-1", mugId), inventoryBehaviour));
  }
}
