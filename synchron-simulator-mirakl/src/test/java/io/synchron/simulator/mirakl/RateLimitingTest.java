package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RateLimitingTest {
  private final MutableClock clock = MutableClock.at("2025-03-10T08:00:00Z");
  private final MiraklSimulator simulator =
      MiraklSimulator.start(
          MiraklSimulator.Options.defaults()
              .withClock(clock)
              .withMinIntervalPerOperation(
                  Map.of("OR11", Duration.ofMinutes(1), "OR21", Duration.ofSeconds(10))));
  private final MiraklClient client = new MiraklClient(simulator);

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void aSecondCallWithinTheMinimumIntervalGets429WithRetryAfter() {
    assertThat(client.get("/api/orders").statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(20));

    HttpResponse<String> second = client.get("/api/orders");

    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(second.headers().firstValue("Retry-After")).contains("40");
  }

  @Test
  void aCallAfterTheMinimumIntervalIsServed() {
    client.get("/api/orders");
    clock.advance(Duration.ofMinutes(1));

    assertThat(client.get("/api/orders").statusCode()).isEqualTo(200);
  }

  @Test
  void rejectedCallsDoNotPushTheNextAllowedCallBack() {
    client.get("/api/orders");
    clock.advance(Duration.ofSeconds(59));
    client.get("/api/orders");
    clock.advance(Duration.ofSeconds(1));

    assertThat(client.get("/api/orders").statusCode()).isEqualTo(200);
  }

  @Test
  void aRateLimitedAcceptanceChangesNothing() {
    String first =
        simulator.placeOrder(NewOrder.builder().line("A", "A", 1, BigDecimal.ONE).build());
    String second =
        simulator.placeOrder(NewOrder.builder().line("A", "A", 1, BigDecimal.ONE).build());
    client.accept(first, true, List.of(first + "-1"));

    HttpResponse<String> response = client.accept(second, true, List.of(second + "-1"));

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(simulator.order(second).state()).isEqualTo("WAITING_ACCEPTANCE");
    assertThat(simulator.order(second).acceptCalls()).isZero();
  }

  @Test
  void operationsAreLimitedIndependently() {
    String orderId =
        simulator.placeOrder(NewOrder.builder().line("A", "A", 1, BigDecimal.ONE).build());
    client.get("/api/orders");

    assertThat(client.accept(orderId, true, List.of(orderId + "-1")).statusCode()).isEqualTo(204);
  }

  @Test
  void aRateLimitedCallDoesNotConsumeAScriptedFault() {
    client.get("/api/orders");
    simulator.faults().enqueue("OR11", Fault.status(500));

    client.get("/api/orders");

    assertThat(simulator.faults().pending("OR11")).isEqualTo(1);
  }
}
