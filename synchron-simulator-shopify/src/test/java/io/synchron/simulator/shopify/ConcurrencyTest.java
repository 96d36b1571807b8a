package io.synchron.simulator.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

  @Test
  void eightThreadsCreatingOrdersAtOnceGetEightDistinctOrdersAndConsistentStock() throws Exception {
    try (ShopifySimulator simulator = ShopifySimulator.start(ShopifySimulator.Options.defaults())) {
      String mugId = simulator.addProduct("MUG", "Blue mug", new BigDecimal("19.99"), 20);
      AdminClient client = new AdminClient(simulator);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> ids = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String source = "M-" + i;
        ids.add(
            pool.submit(
                () -> {
                  go.await();
                  return client
                      .post(
                          Fixtures.ORDER_CREATE,
                          Fixtures.variables(
                              Fixtures.order(source, mugId), "DECREMENT_OBEYING_POLICY"))
                      .data()
                      .path("orderCreate")
                      .path("order")
                      .path("id")
                      .asString();
                }));
      }
      go.countDown();
      List<String> created = new ArrayList<>();
      for (Future<String> id : ids) {
        created.add(id.get(30, TimeUnit.SECONDS));
      }
      pool.shutdown();

      assertThat(created)
          .doesNotHaveDuplicates()
          .allMatch(id -> id.startsWith("gid://shopify/Order/"));
      assertThat(simulator.orders()).hasSize(8);
      assertThat(simulator.orders()).extracting(OrderView::name).doesNotHaveDuplicates();
      assertThat(simulator.available("MUG")).isEqualTo(20 - 8 * 2);
    }
  }
}
