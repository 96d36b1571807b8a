package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  private final MiraklSimulator simulator =
      MiraklSimulator.start(MiraklSimulator.Options.defaults());
  private final MiraklClient client = new MiraklClient(simulator);
  private final ExecutorService threads = Executors.newFixedThreadPool(8);

  @AfterEach
  void stop() {
    threads.shutdownNow();
    simulator.close();
  }

  private <T> List<T> runTogether(int count, Callable<T> task) throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      futures.add(
          threads.submit(
              () -> {
                gate.await();
                return task.call();
              }));
    }
    gate.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get());
    }
    return results;
  }

  @Test
  void eightThreadsAcceptingTheSameOrderAcceptItExactlyOnce() throws Exception {
    String orderId =
        simulator.placeOrder(
            NewOrder.builder()
                .line("A", "A", 1, BigDecimal.ONE)
                .line("B", "B", 1, BigDecimal.ONE)
                .build());
    List<String> lines = simulator.order(orderId).lineIds();

    List<HttpResponse<String>> responses =
        runTogether(8, () -> client.accept(orderId, true, lines));

    assertThat(responses).filteredOn(r -> r.statusCode() == 204).hasSize(1);
    assertThat(responses)
        .filteredOn(r -> r.statusCode() != 204)
        .hasSize(7)
        .allSatisfy(r -> assertThat(MiraklClient.errorCode(r)).isEqualTo("ORDER_INVALID_STATE"));
    assertThat(simulator.order(orderId).acceptCalls()).isEqualTo(8);
    assertThat(simulator.order(orderId).state()).isEqualTo("WAITING_DEBIT_PAYMENT");
  }

  @Test
  void ordersPlacedFromSeveralThreadsAllGetDistinctIds() throws Exception {
    List<List<String>> batches =
        runTogether(
            4,
            () -> {
              List<String> ids = new ArrayList<>();
              for (int i = 0; i < 50; i++) {
                ids.add(
                    simulator.placeOrder(
                        NewOrder.builder().line("A", "A", 1, BigDecimal.ONE).build()));
                client.get("/api/orders");
              }
              return ids;
            });

    Set<String> ids = new HashSet<>();
    batches.forEach(ids::addAll);
    assertThat(ids).hasSize(200);
    assertThat(client.orders("max=1").get("total_count").intValue()).isEqualTo(200);
  }
}
