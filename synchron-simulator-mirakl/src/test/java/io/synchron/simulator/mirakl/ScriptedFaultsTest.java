package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

class ScriptedFaultsTest {
  private final MiraklSimulator simulator =
      MiraklSimulator.start(MiraklSimulator.Options.defaults());
  private final MiraklClient client = new MiraklClient(simulator);
  private final String orderId =
      simulator.placeOrder(NewOrder.builder().line("SKU-1", "Mug", 1, BigDecimal.TEN).build());
  private final List<String> lines = simulator.order(orderId).lineIds();

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void aStatusFaultAnswersThatStatusWithoutChangingTheOrder() {
    simulator.faults().enqueue("OR21", Fault.status(500));

    HttpResponse<String> response = client.accept(orderId, true, lines);

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains("\"status\":500");
    assertThat(simulator.order(orderId).state()).isEqualTo("WAITING_ACCEPTANCE");
    assertThat(simulator.order(orderId).acceptCalls()).isZero();
  }

  @Test
  void aFaultIsConsumedByOneCallOnly() {
    simulator.faults().enqueue("OR21", Fault.status(503));
    client.accept(orderId, true, lines);

    HttpResponse<String> retry = client.accept(orderId, true, lines);

    assertThat(retry.statusCode()).isEqualTo(204);
    assertThat(simulator.faults().pending("OR21")).isZero();
  }

  @Test
  void faultsOfOneOperationAreQueuedInOrder() {
    simulator.faults().enqueue("OR11", Fault.status(500));
    simulator.faults().enqueue("OR11", Fault.status(502));

    assertThat(client.get("/api/orders").statusCode()).isEqualTo(500);
    assertThat(client.get("/api/orders").statusCode()).isEqualTo(502);
    assertThat(client.get("/api/orders").statusCode()).isEqualTo(200);
  }

  @Test
  void aFaultOfOneOperationLeavesTheOthersAlone() {
    simulator.faults().enqueue("OR11", Fault.status(500));

    assertThat(client.accept(orderId, true, lines).statusCode()).isEqualTo(204);
    assertThat(simulator.faults().pending("OR11")).isEqualTo(1);
  }

  @Test
  void aRateLimitedFaultAnswers429WithRetryAfterAndChangesNothing() {
    simulator.faults().enqueue("OR21", Fault.rateLimited(Duration.ofSeconds(7)));

    HttpResponse<String> response = client.accept(orderId, true, lines);

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).contains("7");
    assertThat(simulator.order(orderId).state()).isEqualTo("WAITING_ACCEPTANCE");
  }

  @Test
  void retryAfterIsRoundedUpToWholeSeconds() {
    simulator.faults().enqueue("OR11", Fault.rateLimited(Duration.ofMillis(1500)));

    assertThat(client.get("/api/orders").headers().firstValue("Retry-After")).contains("2");
  }

  @Test
  void aDelayFaultAnswersNormallyButLate() {
    simulator.faults().enqueue("OR21", Fault.delay(Duration.ofMillis(300)));
    long start = System.nanoTime();

    HttpResponse<String> response = client.accept(orderId, true, lines);

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(simulator.order(orderId).state()).isEqualTo("WAITING_DEBIT_PAYMENT");
  }

  @Test
  void aDelayFaultMakesAClientWithAShortTimeoutGiveUp() {
    simulator.faults().enqueue("OR11", Fault.delay(Duration.ofSeconds(5)));
    HttpRequest request =
        client.request("/api/orders").timeout(Duration.ofMillis(100)).GET().build();

    assertThatThrownBy(() -> MiraklClient.send(request))
        .hasCauseInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void applyThenStatusChangesTheOrderButAnswersTheError() {
    simulator.faults().enqueue("OR21", Fault.applyThenStatus(500));

    HttpResponse<String> response = client.accept(orderId, true, lines);

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(simulator.order(orderId).state()).isEqualTo("WAITING_DEBIT_PAYMENT");
  }

  @Test
  void aRetryAfterAnApplyThenStatusFaultFindsTheOrderAlreadyDecided() {
    simulator.faults().enqueue("OR21", Fault.applyThenStatus(502));
    client.accept(orderId, true, lines);

    HttpResponse<String> retry = client.accept(orderId, true, lines);

    assertThat(retry.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.errorCode(retry)).isEqualTo("ORDER_INVALID_STATE");
  }

  @Test
  void aRewriteBodyFaultCanTruncateTheJson() {
    simulator.faults().enqueue("OR11", Fault.rewriteBody(body -> body.substring(0, 25)));

    HttpResponse<String> response = client.get("/api/orders");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).hasSize(25);
    assertThatThrownBy(() -> MiraklClient.JSON.readTree(response.body()))
        .isInstanceOf(JacksonException.class);
  }

  @Test
  void aRewriteBodyFaultCanInjectAnUnknownEnumValue() {
    simulator
        .faults()
        .enqueue("OR11", Fault.rewriteBody(body -> body.replace("WAITING_ACCEPTANCE", "ON_HOLD")));

    String state = client.orders("").get("orders").get(0).get("order_state").stringValue();

    assertThat(state).isEqualTo("ON_HOLD");
    assertThat(simulator.order(orderId).state()).isEqualTo("WAITING_ACCEPTANCE");
  }

  @Test
  void theJournalRecordsTheRewrittenBody() {
    simulator.faults().enqueue("OR11", Fault.rewriteBody(body -> "{}"));

    client.get("/api/orders");

    assertThat(simulator.journal())
        .last()
        .extracting(RecordedExchange::responseBody)
        .isEqualTo("{}");
  }

  @Test
  void clearingFaultsDropsEveryPendingOne() {
    simulator.faults().enqueue("OR11", Fault.status(500));
    simulator.faults().enqueue("OR21", Fault.status(500));

    simulator.faults().clear();

    assertThat(simulator.faults().pending("OR11")).isZero();
    assertThat(simulator.faults().pending("OR21")).isZero();
    assertThat(client.get("/api/orders").statusCode()).isEqualTo(200);
  }

  @Test
  void aFaultForAnOperationTheSimulatorDoesNotServeIsRejected() {
    assertThatThrownBy(() -> simulator.faults().enqueue("OR04", Fault.status(500)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
