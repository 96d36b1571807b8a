package io.synchron.simulator.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebhookSubscriptionsTest {

  private static final String LIST =
      """
      query Subscriptions($topics: [WebhookSubscriptionTopic!]) {
        webhookSubscriptions(first: 50, topics: $topics) {
          nodes { id topic uri format createdAt }
          pageInfo { hasNextPage }
        }
      }
      """;

  private static final String DELETE =
      """
      mutation Unsubscribe($id: ID!) {
        webhookSubscriptionDelete(id: $id) {
          deletedWebhookSubscriptionId
          userErrors { field message }
        }
      }
      """;

  private static final String URI = "http://127.0.0.1:9/webhooks/shopify";

  private ShopifySimulator simulator;
  private AdminClient client;

  @BeforeEach
  void start() {
    simulator = ShopifySimulator.start(ShopifySimulator.Options.defaults());
    client = new AdminClient(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void aSubscriptionIsCreatedForATopicAndAnAddress() {
    JsonNode payload = subscribe("ORDERS_CANCELLED", URI);

    assertThat(payload.path("userErrors")).isEmpty();
    JsonNode subscription = payload.path("webhookSubscription");
    assertThat(subscription.path("id").asString()).startsWith("gid://shopify/WebhookSubscription/");
    assertThat(subscription.path("topic").asString()).isEqualTo("ORDERS_CANCELLED");
    assertThat(subscription.path("uri").asString()).isEqualTo(URI);
    assertThat(subscription.path("format").asString()).isEqualTo("JSON");
    assertThat(subscription.path("apiVersion").path("handle").asString()).isEqualTo("2026-07");
  }

  @Test
  void theSameAddressForTheSameTopicIsTaken() {
    subscribe("ORDERS_CANCELLED", URI);

    JsonNode payload = subscribe("ORDERS_CANCELLED", URI);

    assertThat(payload.path("webhookSubscription").isNull()).isTrue();
    assertThat(payload.path("userErrors").path(0).path("message").asString())
        .isEqualTo("Address for this topic has already been taken");
    assertThat(payload.path("userErrors").path(0).path("field").toString())
        .isEqualTo("[\"webhookSubscription\",\"uri\"]");
  }

  @Test
  void theSameAddressMaySubscribeToAnotherTopic() {
    subscribe("ORDERS_CANCELLED", URI);

    JsonNode payload = subscribe("ORDERS_UPDATED", URI);

    assertThat(payload.path("userErrors")).isEmpty();
  }

  @Test
  void anAddressOutsideTheLoopbackIsRefused() {
    JsonNode payload = subscribe("ORDERS_CREATE", "https://example.com/webhooks");

    assertThat(payload.path("webhookSubscription").isNull()).isTrue();
    assertThat(payload.path("userErrors").path(0).path("message").asString()).contains("loopback");
  }

  @Test
  void subscriptionsAreListedAndFilteredByTopic() {
    subscribe("ORDERS_CANCELLED", URI);
    subscribe("FULFILLMENTS_CREATE", URI);
    subscribe("ORDERS_UPDATED", URI);

    JsonNode all = client.post(LIST, Map.of()).data().path("webhookSubscriptions");
    JsonNode some =
        client
            .post(LIST, Map.of("topics", List.of("ORDERS_CANCELLED", "ORDERS_UPDATED")))
            .data()
            .path("webhookSubscriptions");

    assertThat(topics(all.path("nodes")))
        .containsExactly("ORDERS_CANCELLED", "FULFILLMENTS_CREATE", "ORDERS_UPDATED");
    assertThat(topics(some.path("nodes"))).containsExactly("ORDERS_CANCELLED", "ORDERS_UPDATED");
  }

  @Test
  void aDeletedSubscriptionIsGone() {
    String id =
        subscribe("ORDERS_CANCELLED", URI).path("webhookSubscription").path("id").asString();

    JsonNode payload =
        client.post(DELETE, Map.of("id", id)).data().path("webhookSubscriptionDelete");

    assertThat(payload.path("deletedWebhookSubscriptionId").asString()).isEqualTo(id);
    assertThat(client.post(LIST, Map.of()).data().path("webhookSubscriptions").path("nodes"))
        .isEmpty();
  }

  @Test
  void deletingAnUnknownSubscriptionIsAUserError() {
    JsonNode payload =
        client
            .post(DELETE, Map.of("id", "gid://shopify/WebhookSubscription/1"))
            .data()
            .path("webhookSubscriptionDelete");

    assertThat(payload.path("deletedWebhookSubscriptionId").isNull()).isTrue();
    assertThat(payload.path("userErrors").path(0).path("field").path(0).asString()).isEqualTo("id");
  }

  private JsonNode subscribe(String topic, String uri) {
    AdminClient.Reply reply = client.post(Fixtures.SUBSCRIBE, Map.of("topic", topic, "uri", uri));
    assertThat(reply.json().has("errors")).as(reply.raw().body()).isFalse();
    return reply.data().path("webhookSubscriptionCreate");
  }

  private static List<String> topics(JsonNode nodes) {
    List<String> topics = new ArrayList<>();
    nodes.forEach(n -> topics.add(n.path("topic").asString()));
    return topics;
  }
}
