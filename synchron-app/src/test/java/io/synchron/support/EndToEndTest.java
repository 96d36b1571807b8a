package io.synchron.support;

import static org.awaitility.Awaitility.await;

import io.synchron.intake.ChannelPoller;
import io.synchron.simulator.mirakl.MiraklSimulator;
import io.synchron.simulator.shopify.ShopifySimulator;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a fresh PostgreSQL database, wired to a Mirakl simulator and a Shopify simulator started
 * for each test class, with real job workers. The service and both simulators share one {@link MutableClock}, so
 * backoffs, leases, poll windows and the marketplace's dates move together, and only when a test advances time.
 * The Shopify bucket is large: throttling is tested with scripted faults, not by running the bucket dry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(EndToEndTest.SharedClock.class)
@ContextConfiguration(initializers = FreshDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class EndToEndTest {

  public static final String CHANNEL = "mirakl-fr";
  public static final String SHOP = "main-store";
  public static final String WEBHOOK_SECRET = "e2e-webhook-secret";

  protected static MiraklSimulator mirakl;
  protected static ShopifySimulator shopify;

  @Autowired protected ChannelPoller poller;
  @Autowired protected JdbcClient jdbc;
  protected static MutableClock clock;

  /** The service's clock is the one the simulators were started with. */
  @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
  static class SharedClock {
    @org.springframework.context.annotation.Bean
    @org.springframework.context.annotation.Primary
    MutableClock testClock() {
      return clock;
    }
  }

  @DynamicPropertySource
  static void platforms(DynamicPropertyRegistry registry) {
    if (mirakl != null) {
      mirakl.close();
    }
    if (shopify != null) {
      shopify.close();
    }
    clock = new MutableClock(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    mirakl = MiraklSimulator.start(MiraklSimulator.Options.defaults().withClock(clock));
    shopify = ShopifySimulator.start(
        ShopifySimulator.Options.defaults().withClock(clock).withBucketSize(1_000_000).withRestoreRate(10_000)
            .withWebhookSecret(WEBHOOK_SECRET));
    MiraklSimulator m = mirakl;
    ShopifySimulator s = shopify;
    registry.add("synchron.shops[0].id", () -> SHOP);
    registry.add("synchron.shops[0].shop-domain", s::shopDomain);
    registry.add("synchron.shops[0].admin-base-url", s::adminBaseUrl);
    registry.add("synchron.shops[0].access-token", s::accessToken);
    registry.add("synchron.shops[0].request-timeout", () -> "PT2S");
    registry.add("synchron.shops[0].webhook-secret", () -> WEBHOOK_SECRET);
    registry.add("synchron.channels[0].id", () -> CHANNEL);
    registry.add("synchron.channels[0].platform", () -> "mirakl");
    registry.add("synchron.channels[0].shop", () -> SHOP);
    registry.add("synchron.channels[0].base-url", m::baseUrl);
    registry.add("synchron.channels[0].api-key", m::apiKey);
    registry.add("synchron.channels[0].request-timeout", () -> "PT2S");
    registry.add("synchron.jobs.initial-backoff", () -> "PT1S");
    int port = freePort();
    registry.add("server.port", () -> port);
    registry.add("synchron.public-url", () -> "http://127.0.0.1:" + port);
  }

  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Polls the channel and waits until every job that is due has run. */
  protected void pollAndSettle() {
    poller.pollNow(CHANNEL);
    settle();
  }

  /** Waits until no job is running and none is due (jobs waiting for a later time stay waiting). */
  protected void settle() {
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(50))
          .until(
              () ->
                  jdbc.sql(
                          "select count(*) from job where state = 'RUNNING'"
                              + " or (state = 'PENDING' and execute_at <= ?)")
                      .params(java.sql.Timestamp.from(clock.instant()))
                      .query(Long.class)
                      .single()
                      == 0);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("Jobs did not settle: " + jdbc.sql(
              "select kind || ' ' || state || ' x' || count(*) || ' ' || coalesce(max(last_error), '')"
                  + " from job group by kind, state")
          .query(String.class)
          .list(), e);
    }
  }

  /** Lets time pass until no job is waiting any more: every retry has run, or ended as an exception. */
  protected void drain() {
    for (int i = 0; i < 200; i++) {
      settle();
      java.util.Optional<java.sql.Timestamp> next =
          jdbc.sql("select execute_at from job where state = 'PENDING' order by execute_at limit 1")
              .query(java.sql.Timestamp.class)
              .optional();
      if (next.isEmpty()) {
        return;
      }
      clock.advance(Duration.between(clock.instant(), next.get().toInstant()).plusMillis(1));
    }
    throw new AssertionError("Jobs kept coming back for 200 rounds");
  }

  /**
   * Waits for the Shopify simulator's webhooks to be delivered, then for the jobs they queued. Deliveries leave the
   * simulator asynchronously: wait until every one sent has been answered and no new one has appeared for a moment.
   */
  protected void settleWebhooks() {
    int[] seen = {-1};
    await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ofMillis(200)).pollInterval(Duration.ofMillis(200))
        .until(() -> {
          var deliveries = shopify.webhooks().deliveries();
          boolean answered = deliveries.stream().allMatch(d -> d.status() > 0);
          boolean quiet = deliveries.size() == seen[0];
          seen[0] = deliveries.size();
          return answered && quiet;
        });
    settle();
  }

  /** Lets retry backoffs pass, then settles. */
  protected void advanceAndSettle(Duration duration) {
    clock.advance(duration);
    settle();
  }

  /** Makes sure the Shopify simulator sells this SKU (once per simulator). */
  protected void stock(String sku, int available) {
    try {
      shopify.available(sku);
    } catch (RuntimeException unknown) {
      shopify.addProduct(sku, "Product " + sku, new java.math.BigDecimal("19.99"), available);
    }
  }

  protected long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }
}
