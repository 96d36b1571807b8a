package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoutingTest {
  private final MiraklSimulator simulator =
      MiraklSimulator.start(MiraklSimulator.Options.defaults());
  private final MiraklClient client = new MiraklClient(simulator);

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void theSimulatorListensOnLoopbackOnly() {
    assertThat(simulator.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
  }

  @Test
  void anUnknownPathIsNotFoundWithAJsonBody() {
    HttpResponse<String> response = client.get("/api/offers");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(MiraklClient.JSON.readTree(response.body()).get("status").intValue()).isEqualTo(404);
  }

  @Test
  void anUnsimulatedMethodOnAKnownPathIsNotFound() {
    assertThat(client.put("/api/orders", "{}").statusCode()).isEqualTo(404);
  }

  @Test
  void theJournalRecordsEachExchangeInOrderWithItsOperation() {
    String orderId =
        simulator.placeOrder(NewOrder.builder().line("S", "T", 1, BigDecimal.ONE).build());
    client.get("/api/orders?order_ids=" + orderId);
    client.accept(orderId, true, List.of(orderId + "-1"));
    client.get("/nowhere");

    List<RecordedExchange> journal = simulator.journal();

    assertThat(journal)
        .extracting(RecordedExchange::method, RecordedExchange::status, RecordedExchange::operation)
        .containsExactly(
            tuple("GET", 200, "OR11"), tuple("PUT", 204, "OR21"), tuple("GET", 404, null));
    assertThat(journal.get(0).rawQuery()).isEqualTo("order_ids=" + orderId);
    assertThat(journal.get(0).requestHeaders().get("authorization"))
        .containsExactly("sandbox-mirakl-key");
    assertThat(journal.get(1).requestBody()).contains(orderId + "-1");
    assertThat(journal.get(0).responseBody()).contains(orderId);
  }

  @Test
  void clearingTheJournalForgetsPastExchanges() {
    client.get("/api/orders");

    simulator.clearJournal();

    assertThat(simulator.journal()).isEmpty();
  }
}
