package io.synchron.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.synchron.SynchronApplication;
import io.synchron.intake.ChannelPoller;
import io.synchron.simulator.mirakl.NewOrder;
import io.synchron.support.EndToEndTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** Two instances of the service share one database and run the same channel: no order is accepted or imported twice. */
class TwoInstancesEndToEndTest extends EndToEndTest {

  @Autowired Environment environment;

  @Test
  void twoInstancesOnOneDatabaseNeverDuplicateAnAcceptanceOrAShopifyOrder() {
    shopify.addProduct("SKU-1", "Mug", new BigDecimal("19.99"), 100_000);
    shopify.addProduct("SKU-2", "Plate", new BigDecimal("9.99"), 100_000);
    try (ConfigurableApplicationContext second = startSecondInstance()) {
      ChannelPoller otherPoller = second.getBean(ChannelPoller.class);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        ids.add(mirakl.placeOrder(NewOrder.builder()
            .line("SKU-1", "Mug", 1 + i % 3, new BigDecimal("19.99"))
            .line("SKU-2", "Plate", 1, new BigDecimal("9.99"))
            .build()));
      }
      pollFromBoth(otherPoller);
      await().atMost(Duration.ofSeconds(60)).until(() ->
          ids.stream().allMatch(id -> mirakl.order(id).state().equals("WAITING_DEBIT_PAYMENT")));
      ids.forEach(mirakl::debitCustomer);
      pollFromBoth(otherPoller);
      await().atMost(Duration.ofSeconds(60)).until(() ->
          count("select count(*) from synced_order where shopify_status = 'IMPORTED'") == 100);
      settle();

      Map<String, Long> bySource = shopify.orders().stream()
          .collect(Collectors.groupingBy(o -> o.sourceIdentifier(), Collectors.counting()));
      assertThat(bySource).hasSize(100);
      assertThat(bySource.values()).allMatch(n -> n == 1);
      assertThat(ids).allSatisfy(id -> assertThat(mirakl.order(id).acceptCalls()).isEqualTo(1));
      assertThat(count("select count(*) from job where state = 'EXCEPTION'")).isZero();
      assertThat(count("select count(distinct picked_by) from job where state = 'DONE'")).isEqualTo(2);
    }
  }

  private void pollFromBoth(ChannelPoller other) {
    for (int round = 0; round < 3; round++) {
      CompletableFuture<?> a = CompletableFuture.runAsync(() -> poller.pollNow(CHANNEL));
      CompletableFuture<?> b = CompletableFuture.runAsync(() -> other.pollNow(CHANNEL));
      CompletableFuture.allOf(a, b).join();
    }
  }

  private ConfigurableApplicationContext startSecondInstance() {
    Map<String, Object> props = new HashMap<>();
    for (String key : List.of(
        "spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
        "synchron.shops[0].id", "synchron.shops[0].shop-domain", "synchron.shops[0].admin-base-url",
        "synchron.shops[0].access-token", "synchron.shops[0].request-timeout",
        "synchron.channels[0].id", "synchron.channels[0].platform", "synchron.channels[0].shop",
        "synchron.channels[0].base-url", "synchron.channels[0].api-key", "synchron.channels[0].request-timeout",
        "synchron.jobs.initial-backoff")) {
      props.put(key, environment.getProperty(key));
    }
    props.put("server.port", "0");
    Clock shared = EndToEndTest.clock;
    return new SpringApplicationBuilder(SynchronApplication.class)
        .properties(props)
        .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", shared))
        .run();
  }
}
