package io.synchron.benchmark;

import io.synchron.inbox.ShopifyWebhookVerifier;
import io.synchron.intake.ChannelPoller;
import io.synchron.simulator.mirakl.MiraklSimulator;
import io.synchron.simulator.mirakl.NewOrder;
import io.synchron.simulator.shopify.ShopifySimulator;
import io.synchron.support.FreshDatabase;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Fulfils {@code -Dbenchmark.fulfilments} (default 2,000) imported orders in the Shopify simulator at once and
 * prints the time from each fulfilment to its shipment being validated on Mirakl (median, p99: webhook delivery,
 * re-read of the order, OR11 read-before-write, OR23, OR24, commit), then how many signed webhooks one instance
 * accepts per second (verify, store, answer) from 4 concurrent senders. Not a test and not run by {@code mvn
 * verify}: {@code mvn -B -pl synchron-app -am verify -Dtest=FulfilmentBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {"synchron.jobs.idle-pause=PT0.02S", "logging.level.io.synchron=ERROR"})
@ContextConfiguration(initializers = FreshDatabase.class)
@DirtiesContext
class FulfilmentBenchmark {

  private static final int FULFILMENTS = Integer.getInteger("benchmark.fulfilments", 2000);
  private static final int WEBHOOKS = Integer.getInteger("benchmark.webhooks", 5000);
  /** Fulfilments per second; 0 makes them all at once (a burst). */
  private static final int RATE = Integer.getInteger("benchmark.rate", 0);
  private static final String SECRET = "benchmark-secret";
  private static MiraklSimulator mirakl;
  private static ShopifySimulator shopify;
  private static int port;

  @Autowired ChannelPoller poller;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void platforms(DynamicPropertyRegistry registry) throws Exception {
    mirakl = MiraklSimulator.start(MiraklSimulator.Options.defaults().withAutoDebit(true));
    shopify = ShopifySimulator.start(ShopifySimulator.Options.defaults().withWebhookSecret(SECRET)
        .withRestoreRate(1000).withBucketSize(20_000));
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    registry.add("server.port", () -> port);
    registry.add("synchron.public-url", () -> "http://127.0.0.1:" + port);
    registry.add("synchron.shops[0].id", () -> "shop");
    registry.add("synchron.shops[0].shop-domain", shopify::shopDomain);
    registry.add("synchron.shops[0].admin-base-url", shopify::adminBaseUrl);
    registry.add("synchron.shops[0].access-token", shopify::accessToken);
    registry.add("synchron.shops[0].webhook-secret", () -> SECRET);
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

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  @Test
  void fulfilmentToShipmentLatencyAndWebhookThroughput() throws Exception {
    for (int s = 0; s < 10; s++) {
      shopify.addProduct("FUL-" + s, "Product " + s, new BigDecimal("10.00"), 1_000_000);
    }
    for (int i = 0; i < FULFILMENTS; i++) {
      mirakl.placeOrder(NewOrder.builder().line("FUL-" + (i % 10), "Product", 1, new BigDecimal("10.00")).build());
    }
    while (count("select count(*) from synced_order where shopify_status = 'IMPORTED'") < FULFILMENTS) {
      poller.pollNow("bench");
      mirakl.clearJournal();
      Thread.sleep(500);
    }
    List<String> gids = jdbc.sql("select shopify_order_gid from synced_order").query(String.class).list();
    long start = System.nanoTime();
    for (int i = 0; i < gids.size(); i++) {
      String gid = gids.get(i);
      if (RATE > 0) {
        long due = start + (long) (i * 1e9 / RATE);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
      }
      shopify.fulfill(gid, Map.of(), "UPS", "1Z" + gid.substring(gid.lastIndexOf('/') + 1), null);
    }
    while (count("select count(*) from synced_order where marketplace_status = 'SHIPPED'") < FULFILMENTS) {
      if (Duration.ofNanos(System.nanoTime() - start).toMinutes() > 20) {
        throw new IllegalStateException("Gave up after 20 minutes");
      }
      Thread.sleep(200);
    }
    double burstSeconds = (System.nanoTime() - start) / 1e9;
    // From the fulfilment's creation in Shopify to the commit that recorded the validated shipment.
    List<Double> latencies = jdbc.sql(
            "select extract(epoch from (t.at - s.shopify_updated_at)) * 1000 from timeline_entry t"
                + " join shipment s on s.synced_order_id = t.synced_order_id"
                + " where t.type = 'MARKETPLACE_SHIPPED' order by 1")
        .query(Double.class).list();
    double fulfilToInbox = jdbc.sql("select avg(extract(epoch from (s.created_at - i.received_at)) * 1000)"
            + " from shipment s join synced_order o on o.id = s.synced_order_id"
            + " join inbox_signal i on i.subject = o.shopify_order_gid and i.topic = 'fulfillments/create'")
        .query(Double.class).single();

    double webhooksPerSecond = webhookThroughput();

    System.out.printf(Locale.ROOT,
        "%nBENCHMARK fulfilments: %d made " + (RATE > 0 ? "at " + RATE + " per second" : "at once") + ", all validated on Mirakl after %.1f s%n"
            + "BENCHMARK fulfilment -> OR24 committed: median %.0f ms, p99 %.0f ms, max %.0f ms (includes queueing"
            + " behind the burst); webhook stored -> shipment recorded: mean %.0f ms%n"
            + "BENCHMARK webhooks accepted: %.0f per second (%d signed deliveries, 4 senders, HMAC + store + 200)%n",
        FULFILMENTS, burstSeconds, percentile(latencies, 50), percentile(latencies, 99),
        latencies.get(latencies.size() - 1), fulfilToInbox, webhooksPerSecond, WEBHOOKS);
  }

  private static double percentile(List<Double> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private double webhookThroughput() throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    ExecutorService senders = Executors.newFixedThreadPool(4);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      futures.add(senders.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < WEBHOOKS) {
          String body = "{\"id\":" + (900_000 + i) + ",\"admin_graphql_api_id\":\"gid://shopify/Order/" + (900_000 + i)
              + "\",\"updated_at\":\"2026-11-26T10:00:00Z\"}";
          HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/shopify"))
              .header("Content-Type", "application/json")
              .header("X-Shopify-Topic", "orders/updated")
              .header("X-Shopify-Shop-Domain", shopify.shopDomain())
              .header("X-Shopify-Event-Id", "bench-" + i)
              .header("X-Shopify-Hmac-Sha256", ShopifyWebhookVerifier.sign(SECRET, body.getBytes(StandardCharsets.UTF_8)))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
          try {
            if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
              failures.incrementAndGet();
            }
          } catch (Exception e) {
            failures.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    senders.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " webhook deliveries were not accepted");
    }
    return WEBHOOKS / seconds;
  }
}
