package io.synchron.simulator.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
  private final WebhookReceiver receiver = new WebhookReceiver();
  private ShopifySimulator simulator;
  private AdminClient client;
  private String mugId;

  @BeforeEach
  void start() {
    simulator =
        start(ShopifySimulator.Options.defaults().withWebhookTimeout(Duration.ofSeconds(2)));
  }

  private ShopifySimulator start(ShopifySimulator.Options options) {
    ShopifySimulator started =
        ShopifySimulator.start(
            options.withClock(clock).withWebhookRetryDelay(Duration.ofMillis(20)));
    client = new AdminClient(started);
    mugId = started.addProduct("MUG", "Blue mug", new BigDecimal("19.99"), 50);
    return started;
  }

  @AfterEach
  void stop() {
    simulator.close();
    receiver.close();
  }

  @Test
  void theSigningFollowsShopifysPublishedTestVector() {
    String vector = "dzukRpPHVT1u4g9h6l0nV6mk9KRNKEGuTpW1LkzWLbQ=";

    assertThat(WebhookReceiver.hmac("secret", "foo".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(vector);
    assertThat(WebhookDispatcher.signature("foo", "secret")).isEqualTo(vector);
  }

  @Test
  void aDeliveryIsSignedWithTheDefaultAppSecretOverItsRawBody() {
    subscribe("ORDERS_CREATE", "/orders");
    create("M-1");

    WebhookReceiver.Received delivery = receiver.awaitTopic("orders/create");

    assertThat(WebhookReceiver.verifies(delivery, "sandbox-webhook-secret")).isTrue();
    assertThat(WebhookReceiver.verifies(delivery, "another-secret")).isFalse();
  }

  @Test
  void aConfiguredSecretSignsTheDeliveries() {
    simulator.close();
    simulator = start(ShopifySimulator.Options.defaults().withWebhookSecret("shpss_test_secret"));
    subscribe("ORDERS_CREATE", "/orders");
    create("M-1");

    WebhookReceiver.Received delivery = receiver.awaitTopic("orders/create");

    assertThat(WebhookReceiver.verifies(delivery, "shpss_test_secret")).isTrue();
  }

  @Test
  void aDeliveryCarriesShopifysHeaders() {
    subscribe("ORDERS_CREATE", "/orders");
    create("M-1");

    WebhookReceiver.Received delivery = receiver.awaitTopic("orders/create");

    assertThat(delivery.header("X-Shopify-Topic")).isEqualTo("orders/create");
    assertThat(delivery.header("X-Shopify-Shop-Domain")).isEqualTo("sandbox-store.myshopify.com");
    assertThat(delivery.header("X-Shopify-API-Version")).isEqualTo("2026-07");
    assertThat(delivery.header("X-Shopify-Webhook-Id")).isNotBlank();
    assertThat(delivery.header("X-Shopify-Event-Id")).isNotBlank();
    assertThat(Instant.parse(delivery.header("X-Shopify-Triggered-At")))
        .isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
    assertThat(delivery.header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void twoSubscriptionsToOneTopicGetOneDeliveryEachOfTheSameEvent() {
    subscribe("ORDERS_CREATE", "/first");
    subscribe("ORDERS_CREATE", "/second");
    create("M-1");

    List<WebhookReceiver.Received> deliveries = receiver.awaitCount(2);

    assertThat(deliveries.get(0).header("X-Shopify-Event-Id"))
        .isEqualTo(deliveries.get(1).header("X-Shopify-Event-Id"));
    assertThat(deliveries.get(0).header("X-Shopify-Webhook-Id"))
        .isNotEqualTo(deliveries.get(1).header("X-Shopify-Webhook-Id"));
  }

  @Test
  void aDuplicatedDeliveryKeepsTheEventIdWithANewWebhookId() {
    subscribe("ORDERS_CREATE", "/orders");
    simulator.webhooks().duplicateNext(1);
    create("M-1");

    List<WebhookReceiver.Received> deliveries = receiver.awaitCount(2);

    assertThat(deliveries)
        .extracting(WebhookReceiver.Received::body)
        .containsOnly(deliveries.get(0).body());
    assertThat(deliveries.get(0).header("X-Shopify-Event-Id"))
        .isEqualTo(deliveries.get(1).header("X-Shopify-Event-Id"));
    assertThat(deliveries.get(0).header("X-Shopify-Webhook-Id"))
        .isNotEqualTo(deliveries.get(1).header("X-Shopify-Webhook-Id"));
  }

  @Test
  void aDroppedDeliveryIsNeverSentWhileTheNextOneIs() {
    subscribe("ORDERS_CREATE", "/orders");
    simulator.webhooks().dropNext(1);
    String lostOrder = create("M-1");
    String deliveredOrder = create("M-2");

    WebhookReceiver.Received delivery = receiver.awaitTopic("orders/create");

    assertThat(delivery.json().path("admin_graphql_api_id").asString()).isEqualTo(deliveredOrder);
    assertThat(simulator.webhooks().lost()).hasSize(1);
    assertThat(simulator.webhooks().lost().get(0).body()).contains(lostOrder);
    assertThat(receiver.received()).hasSize(1);
  }

  @Test
  void heldDeliveriesReleasedInReverseOrderArriveNewestFirst() {
    subscribe("ORDERS_CREATE", "/orders");
    simulator.webhooks().holdAll();
    String first = create("M-1");
    String second = create("M-2");
    String third = create("M-3");
    assertThat(simulator.webhooks().held()).isEqualTo(3);
    assertThat(receiver.received()).isEmpty();

    simulator.webhooks().releaseInReverseOrder();

    assertThat(receiver.awaitCount(3))
        .extracting(r -> r.json().path("admin_graphql_api_id").asString())
        .containsExactly(third, second, first);
  }

  @Test
  void heldDeliveriesReleasedTogetherArriveInTheirOrder() {
    subscribe("ORDERS_CREATE", "/orders");
    simulator.webhooks().holdAll();
    String first = create("M-1");
    String second = create("M-2");

    simulator.webhooks().releaseAll();

    assertThat(receiver.awaitCount(2))
        .extracting(r -> r.json().path("admin_graphql_api_id").asString())
        .containsExactly(first, second);
    assertThat(simulator.webhooks().held()).isZero();
  }

  @Test
  void aReceiverAnswering500IsRetriedWithTheSameWebhookIdUntilItAccepts() {
    receiver.answer((request, arrival) -> arrival <= 2 ? 500 : 200);
    subscribe("ORDERS_CREATE", "/orders");
    create("M-1");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> simulator.webhooks().deliveries().size() == 3);

    List<WebhookDelivery> attempts = simulator.webhooks().deliveries();
    assertThat(attempts).extracting(WebhookDelivery::attempt).containsExactly(1, 2, 3);
    assertThat(attempts).extracting(WebhookDelivery::status).containsExactly(500, 500, 200);
    assertThat(attempts)
        .extracting(WebhookDelivery::webhookId)
        .containsOnly(attempts.get(0).webhookId());
    assertThat(receiver.received())
        .extracting(r -> r.header("X-Shopify-Webhook-Id"))
        .containsOnly(attempts.get(0).webhookId());
  }

  @Test
  void retriesStopAfterTheConfiguredNumber() {
    simulator.close();
    simulator = start(ShopifySimulator.Options.defaults().withWebhookRetries(2));
    receiver.answer((request, arrival) -> 500);
    subscribe("ORDERS_CREATE", "/orders");
    create("M-1");

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 3);
    // Longer than the next backoff (80 ms) would be: a fourth attempt would show up here.
    await()
        .during(Duration.ofMillis(400))
        .atMost(Duration.ofSeconds(2))
        .until(() -> receiver.received().size() == 3);

    assertThat(simulator.webhooks().deliveries()).noneMatch(WebhookDelivery::succeeded);
  }

  @Test
  void aReceiverThatDoesNotAnswerInTimeIsRetried() {
    simulator.close();
    simulator =
        start(ShopifySimulator.Options.defaults().withWebhookTimeout(Duration.ofMillis(300)));
    CountDownLatch unblock = new CountDownLatch(1);
    receiver.beforeAnswering(
        request -> {
          if (receiver.received().size() == 1) {
            unblock.await(5, TimeUnit.SECONDS);
          }
        });
    subscribe("ORDERS_CREATE", "/orders");
    create("M-1");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> simulator.webhooks().deliveries().stream().anyMatch(WebhookDelivery::succeeded));
    unblock.countDown();

    List<WebhookDelivery> attempts = simulator.webhooks().deliveries();
    assertThat(attempts.get(0).status()).isZero();
    assertThat(attempts.get(1).attempt()).isEqualTo(2);
    assertThat(attempts.get(1).status()).isEqualTo(200);
  }

  @Test
  void aForgedDeliveryDoesNotVerifyAndIsAnsweredByTheReceiver() {
    receiver.answer(
        (request, arrival) ->
            WebhookReceiver.verifies(request, "sandbox-webhook-secret") ? 200 : 401);

    WebhookDelivery forged =
        simulator.webhooks().sendForged("orders/create", "{\"id\":1}", receiver.uri("/orders"));

    assertThat(forged.status()).isEqualTo(401);
    assertThat(forged.forged()).isTrue();
    WebhookReceiver.Received received = receiver.received().get(0);
    assertThat(received.header("X-Shopify-Topic")).isEqualTo("orders/create");
    assertThat(received.body()).isEqualTo("{\"id\":1}");
    assertThat(received.header("X-Shopify-Hmac-Sha256")).isNotBlank();
  }

  @Test
  void aReceiverCanReadTheShopWhileItHandlesADelivery() {
    AtomicReference<String> seen = new AtomicReference<>();
    receiver.beforeAnswering(
        request -> {
          String id = request.json().path("admin_graphql_api_id").asString();
          seen.set(
              client
                  .post("query Q($id: ID!) { order(id: $id) { cancelledAt } }", Map.of("id", id))
                  .data()
                  .path("order")
                  .path("cancelledAt")
                  .asString());
        });
    subscribe("ORDERS_CANCELLED", "/orders");
    String orderId = create("M-1");

    simulator.cancelOrder(orderId, "CUSTOMER", true);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !simulator.webhooks().deliveries().isEmpty());
    // Had the delivery run under the state lock, the re-read would have waited out the timeout.
    assertThat(simulator.webhooks().deliveries().get(0).status()).isEqualTo(200);
    assertThat(seen.get()).isEqualTo("2026-11-26T09:00:00Z");
  }

  @Test
  void theWebhookDefaultsAreTheDocumentedOnes() {
    ShopifySimulator.Options options = ShopifySimulator.Options.defaults();

    assertThat(options.webhookSecret()).isEqualTo("sandbox-webhook-secret");
    assertThat(options.webhookRetries()).isEqualTo(3);
    assertThat(options.webhookRetryDelay()).isEqualTo(Duration.ofMillis(200));
    assertThat(options.webhookTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void includeFieldsKeepsOnlyTheNamedTopLevelFields() {
    AdminClient.Reply reply =
        client.post(
            """
            mutation Subscribe($uri: String!) {
              webhookSubscriptionCreate(topic: ORDERS_CREATE, webhookSubscription: {
                uri: $uri, format: JSON, includeFields: ["id", "updated_at"]
              }) {
                webhookSubscription { id includeFields }
                userErrors { field message }
              }
            }
            """,
            Map.of("uri", receiver.uri("/orders")));
    assertThat(reply.data().path("webhookSubscriptionCreate").path("userErrors")).isEmpty();
    create("M-1");

    WebhookReceiver.Received delivery = receiver.awaitTopic("orders/create");

    assertThat(delivery.json().propertyNames()).containsExactly("id", "updated_at");
  }

  private void subscribe(String topic, String path) {
    AdminClient.Reply reply =
        client.post(Fixtures.SUBSCRIBE, Map.of("topic", topic, "uri", receiver.uri(path)));
    assertThat(reply.data().path("webhookSubscriptionCreate").path("userErrors"))
        .as(reply.raw().body())
        .isEmpty();
  }

  private String create(String sourceIdentifier) {
    AdminClient.Reply reply =
        client.post(
            Fixtures.ORDER_CREATE,
            Fixtures.variables(Fixtures.order(sourceIdentifier, mugId), null));
    return reply.data().path("orderCreate").path("order").path("id").asString();
  }
}
