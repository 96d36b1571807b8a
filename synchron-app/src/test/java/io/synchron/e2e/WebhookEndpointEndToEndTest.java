package io.synchron.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.synchron.inbox.ShopifyWebhookVerifier;
import io.synchron.support.EndToEndTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The webhook endpoint refuses forgeries, stores each delivery once and answers fast. */
class WebhookEndpointEndToEndTest extends EndToEndTest {

  @LocalServerPort int port;

  private HttpResponse<String> deliver(String shopDomain, String topic, String eventId, String body, String signature) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/shopify"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (shopDomain != null) {
      request.header("X-Shopify-Shop-Domain", shopDomain);
    }
    if (topic != null) {
      request.header("X-Shopify-Topic", topic);
    }
    if (eventId != null) {
      request.header("X-Shopify-Event-Id", eventId);
    }
    if (signature != null) {
      request.header("X-Shopify-Hmac-Sha256", signature);
    }
    try {
      return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sign(String body) {
    return ShopifyWebhookVerifier.sign(WEBHOOK_SECRET, body.getBytes(StandardCharsets.UTF_8));
  }

  private long signals(String eventKey) {
    return count("select count(*) from inbox_signal where source = 'shopify-webhook' and dedup_key = ?", eventKey);
  }

  @Test
  void aForgedSignatureIsRefusedAndNothingIsStored() {
    String body = "{\"id\":1,\"order_id\":2}";
    HttpResponse<String> response = deliver(shopify.shopDomain(), "fulfillments/create", "evt-forged", body,
        ShopifyWebhookVerifier.sign("not-the-secret", body.getBytes(StandardCharsets.UTF_8)));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(signals("evt-forged:fulfillments/create")).isZero();
  }

  @Test
  void aMissingSignatureIsRefused() {
    assertThat(deliver(shopify.shopDomain(), "orders/updated", "evt-unsigned", "{}", null).statusCode()).isEqualTo(401);
  }

  @Test
  void aDeliveryFromAStoreThatIsNotConfiguredIsRefused() {
    String body = "{\"id\":1}";
    assertThat(deliver("someone-else.myshopify.com", "orders/updated", "evt-other", body, sign(body)).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aDeliveryWithoutItsTopicOrEventIsABadRequest() {
    String body = "{\"id\":1}";
    assertThat(deliver(shopify.shopDomain(), "orders/updated", null, body, sign(body)).statusCode()).isEqualTo(400);
  }

  @Test
  void theSameEventDeliveredTwiceIsStoredOnce() {
    String body = "{\"id\":5,\"admin_graphql_api_id\":\"gid://shopify/Order/5\"}";

    HttpResponse<String> first = deliver(shopify.shopDomain(), "orders/updated", "evt-dup", body, sign(body));
    HttpResponse<String> second = deliver(shopify.shopDomain(), "orders/updated", "evt-dup", body, sign(body));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("\"duplicate\":false");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).contains("\"duplicate\":true");
    assertThat(signals("evt-dup:orders/updated")).isEqualTo(1);
  }

  @Test
  void aDeliveryAboutAnOrderSynchronDidNotCreateIsKeptButQueuesNothing() {
    String body = "{\"id\":77,\"order_id\":999999}";

    assertThat(deliver(shopify.shopDomain(), "fulfillments/create", "evt-foreign", body, sign(body)).statusCode())
        .isEqualTo(200);

    assertThat(signals("evt-foreign:fulfillments/create")).isEqualTo(1);
    assertThat(count("select count(*) from job where kind = 'SYNC_FROM_SHOPIFY'")).isZero();
  }

  @Test
  void malformedJsonIsKeptForTheRecordAndAnswered() {
    String body = "{not json";
    assertThat(deliver(shopify.shopDomain(), "orders/updated", "evt-bad", body, sign(body)).statusCode()).isEqualTo(200);
    assertThat(signals("evt-bad:orders/updated")).isEqualTo(1);
  }
}
