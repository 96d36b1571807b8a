package io.synchron.inbox;

import io.synchron.config.SynchronProperties;
import io.synchron.jobs.JobRequest;
import io.synchron.jobs.Jobs;
import io.synchron.order.SyncedOrderId;
import io.synchron.order.SyncedOrders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives Shopify webhooks: verify (the shop must be configured, the HMAC must match its secret), store (de-duplicated
 * on X-Shopify-Event-Id and topic), queue a re-read of the order, answer 200 — all before any real work, well inside
 * Shopify's five seconds. The payload is kept but not trusted for state: the job re-reads the order from Shopify, so
 * duplicated, late or reordered deliveries cannot move an order back.
 */
@RestController
public class ShopifyWebhookController {

  static final String SOURCE = "shopify-webhook";
  private static final Logger log = LoggerFactory.getLogger(ShopifyWebhookController.class);

  private final SynchronProperties properties;
  private final InboxSignals inbox;
  private final SyncedOrders orders;
  private final Jobs jobs;
  private final TransactionTemplate tx;
  private final JsonMapper json;

  ShopifyWebhookController(
      SynchronProperties properties,
      InboxSignals inbox,
      SyncedOrders orders,
      Jobs jobs,
      TransactionTemplate tx,
      JsonMapper json) {
    this.properties = properties;
    this.inbox = inbox;
    this.orders = orders;
    this.jobs = jobs;
    this.tx = tx;
    this.json = json;
  }

  @PostMapping("/webhooks/shopify")
  ResponseEntity<Map<String, Object>> receive(
      @RequestBody(required = false) byte[] body,
      @RequestHeader(value = "X-Shopify-Hmac-Sha256", required = false) String hmac,
      @RequestHeader(value = "X-Shopify-Shop-Domain", required = false) String shopDomain,
      @RequestHeader(value = "X-Shopify-Topic", required = false) String topic,
      @RequestHeader(value = "X-Shopify-Event-Id", required = false) String eventId,
      @RequestHeader(value = "X-Shopify-Webhook-Id", required = false) String webhookId,
      @RequestHeader(value = "X-Shopify-Triggered-At", required = false) String triggeredAt) {
    byte[] raw = body == null ? new byte[0] : body;
    Optional<SynchronProperties.Shop> shop =
        properties.shops().stream().filter(s -> s.shopDomain().equalsIgnoreCase(String.valueOf(shopDomain))).findFirst();
    if (shop.isEmpty()
        || !ShopifyWebhookVerifier.verify(raw, hmac, shop.get().webhookSecret(), shop.get().previousWebhookSecret())) {
      log.warn("Refused a webhook claiming to be from {} (topic {}): unknown shop or bad signature", shopDomain, topic);
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "unknown shop or invalid signature"));
    }
    String deliveryKey = eventId != null ? eventId : webhookId;
    if (deliveryKey == null || topic == null) {
      return ResponseEntity.badRequest().body(Map.of("error", "X-Shopify-Topic and X-Shopify-Event-Id are required"));
    }
    String payload = new String(raw, StandardCharsets.UTF_8);
    String orderGid = orderGid(topic, payload);
    String shopId = shop.get().id();
    boolean stored =
        Boolean.TRUE.equals(
            tx.execute(
                status -> {
                  boolean isNew = inbox.store(shopId, SOURCE, deliveryKey + ":" + topic, orderGid, payload);
                  if (!isNew) {
                    return false;
                  }
                  InboxSignal signal = inbox.latest(shopId, SOURCE, deliveryKey + ":" + topic).orElseThrow();
                  inbox.describe(signal.id(), topic, parse(triggeredAt));
                  Optional<SyncedOrderId> id = orderGid == null ? Optional.empty() : orders.idByShopifyOrder(orderGid);
                  if (id.isEmpty()) {
                    // Not an order Synchron imported (or not about an order): nothing to do, kept for the record.
                    inbox.mark(signal.id(), InboxSignal.Status.APPLIED, "not an order imported by Synchron");
                  } else {
                    jobs.enqueue(new JobRequest(InboxJobs.SYNC_FROM_SHOPIFY, "webhook:" + signal.id(),
                        "order:" + id.get(), id.get().value(), "{\"gid\":\"" + orderGid + "\"}"));
                    inbox.mark(signal.id(), InboxSignal.Status.APPLIED, null);
                  }
                  return true;
                }));
    return ResponseEntity.ok(Map.of("received", true, "duplicate", !stored));
  }

  /** The Shopify order a delivery is about: the order itself, or the order of a fulfilment. */
  private String orderGid(String topic, String payload) {
    try {
      JsonNode node = json.readTree(payload);
      if (topic.startsWith("orders/")) {
        JsonNode gid = node.get("admin_graphql_api_id");
        if (gid != null && gid.isString()) {
          return gid.asString();
        }
        JsonNode id = node.get("id");
        return id == null || id.isNull() ? null : "gid://shopify/Order/" + id.asString();
      }
      JsonNode orderId = node.get("order_id");
      return orderId == null || orderId.isNull() ? null : "gid://shopify/Order/" + orderId.asString();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Instant parse(String when) {
    try {
      return when == null ? null : OffsetDateTime.parse(when).toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
