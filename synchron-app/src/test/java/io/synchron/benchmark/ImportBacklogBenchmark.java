package io.synchron.benchmark;

import io.synchron.intake.ChannelPoller;
import io.synchron.simulator.mirakl.MiraklSimulator;
import io.synchron.simulator.mirakl.NewOrder;
import io.synchron.simulator.shopify.RecordedExchange;
import io.synchron.simulator.shopify.ShopifySimulator;
import io.synchron.support.FreshDatabase;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a backlog of orders (default 5,000; {@code -Dbenchmark.orders=N}) from the Mirakl simulator into the
 * Shopify simulator through the whole service, and prints orders per second, Shopify cost points used per second
 * against the bucket's restore rate ({@code -Dbenchmark.restoreRate}, default 1000 = Shopify Plus), and CPU
 * milliseconds per order (the whole JVM: service and both simulators; PostgreSQL runs in its own process).
 * Not a test: it asserts nothing about speed and is not run by {@code mvn verify}. Run it with
 * {@code mvn -B -pl synchron-app -am verify -Dtest=ImportBacklogBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {"synchron.jobs.idle-pause=PT0.02S", "logging.level.io.synchron=ERROR"})
@ContextConfiguration(initializers = FreshDatabase.class)
@DirtiesContext
class ImportBacklogBenchmark {

  private static final int ORDERS = Integer.getInteger("benchmark.orders", 5000);
  private static final double RESTORE = Double.parseDouble(System.getProperty("benchmark.restoreRate", "1000"));
  private static final double BUCKET = RESTORE * 20;
  private static MiraklSimulator mirakl;
  private static ShopifySimulator shopify;

  @Autowired ChannelPoller poller;
  @Autowired JdbcClient jdbc;
  @Autowired io.synchron.connector.Connectors connectors;

  @DynamicPropertySource
  static void platforms(DynamicPropertyRegistry registry) {
    mirakl = MiraklSimulator.start(MiraklSimulator.Options.defaults().withAutoDebit(true));
    shopify = ShopifySimulator.start(
        ShopifySimulator.Options.defaults().withRestoreRate(RESTORE).withBucketSize(BUCKET));
    registry.add("synchron.shops[0].id", () -> "shop");
    registry.add("synchron.shops[0].shop-domain", shopify::shopDomain);
    registry.add("synchron.shops[0].admin-base-url", shopify::adminBaseUrl);
    registry.add("synchron.shops[0].access-token", shopify::accessToken);
    registry.add("synchron.channels[0].id", () -> "bench");
    registry.add("synchron.channels[0].platform", () -> "mirakl");
    registry.add("synchron.channels[0].shop", () -> "shop");
    registry.add("synchron.channels[0].base-url", mirakl::baseUrl);
    registry.add("synchron.channels[0].api-key", mirakl::apiKey);
  }

  @AfterAll
  static void stop() {
    mirakl.close();
    shopify.close();
  }

  @Test
  void importABacklog() throws Exception {
    for (int s = 0; s < 20; s++) {
      shopify.addProduct("BENCH-" + s, "Product " + s, new BigDecimal("10.00"), 1_000_000);
    }
    for (int i = 0; i < ORDERS; i++) {
      NewOrder.Builder order = NewOrder.builder();
      for (int l = 0; l <= i % 3; l++) {
        order.line("BENCH-" + ((i + l) % 20), "Product", 1 + l, new BigDecimal("10.00"));
      }
      mirakl.placeOrder(order.build());
    }
    shopify.clearJournal();
    var shop = (io.synchron.connector.shopify.ShopifyConnector) connectors.shops().iterator().next();
    double pointsBefore = shop.costPointsUsed();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    var threads = ManagementFactory.getThreadMXBean();
    long mainThread = Thread.currentThread().getId();
    long mainCpuStart = threads.getThreadCpuTime(mainThread);
    long cpuStart = os.getProcessCpuTime();
    long start = System.nanoTime();
    long imported = 0;
    while (imported < ORDERS) {
      poller.pollNow("bench");
      // The simulator journals every exchange; OR11 pages are large and not needed here.
      mirakl.clearJournal();
      Thread.sleep(500);
      imported = jdbc.sql("select count(*) from synced_order where shopify_status = 'IMPORTED'")
          .query(Long.class).single();
      if (Duration.ofNanos(System.nanoTime() - start).toMinutes() > 30) {
        throw new IllegalStateException("Gave up after 30 minutes with " + imported + " imported");
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long cpuMillis = (os.getProcessCpuTime() - cpuStart) / 1_000_000;
    // The service's own threads: the job workers, and this thread, which ran the polls and applied the signals.
    long serviceNanos = threads.getThreadCpuTime(mainThread) - mainCpuStart;
    for (long id : threads.getAllThreadIds()) {
      var info = threads.getThreadInfo(id);
      if (info != null && info.getThreadName().startsWith("synchron-job-worker")) {
        serviceNanos += threads.getThreadCpuTime(id);
      }
    }
    long serviceMillis = serviceNanos / 1_000_000;
    // Counted by the client from each answer's extensions.cost (the simulator's journal keeps only recent exchanges).
    double points = shop.costPointsUsed() - pointsBefore;
    long throttled = 0;
    for (RecordedExchange e : shopify.journal()) {
      throttled += e.responseBody().contains("\"THROTTLED\"") ? 1 : 0;
    }
    long requests = shopify.journal().size();
    System.out.printf(Locale.ROOT,
        "%nBENCHMARK import backlog: %d orders in %.1f s = %.1f orders/s%n"
            + "BENCHMARK Shopify: %d requests in the journal's window (%d throttled), %.0f cost points = %.1f points/s against a restore rate"
            + " of %.0f points/s (%.0f%%), %.1f points/order%n"
            + "BENCHMARK CPU: %d ms in all = %.2f ms/order (service and simulators, %d cores)%n"
            + "BENCHMARK CPU of the service's own threads (job workers, poller): %.2f ms/order%n",
        ORDERS, seconds, ORDERS / seconds, requests, throttled, points, points / seconds, RESTORE,
        100 * points / seconds / RESTORE, points / ORDERS, cpuMillis, (double) cpuMillis / ORDERS,
        Runtime.getRuntime().availableProcessors(), (double) serviceMillis / ORDERS);
  }
}
