package io.synchron.simulator.shopify;

import java.time.Instant;
import java.util.Map;

/**
 * One webhook delivery attempt, as sent and as answered.
 *
 * @param webhookId {@code X-Shopify-Webhook-Id}: unique per delivery, kept by its retries
 * @param eventId {@code X-Shopify-Event-Id}: shared by every delivery of one event
 * @param topic the REST topic name, e.g. {@code orders/cancelled}
 * @param headers the request headers sent, in sending order (empty for a lost delivery)
 * @param body the raw body, exactly the bytes that were signed (UTF-8)
 * @param triggeredAt when the event fired, by the simulator's clock ({@code
 *     X-Shopify-Triggered-At})
 * @param attempt 1 for the first try, 2 for the first retry...; 0 for a delivery that was lost
 *     (dropped) and never sent
 * @param status the receiver's HTTP status, or 0 when there was no answer (refused connection,
 *     timeout) or nothing was sent
 * @param forged whether the signature was deliberately wrong ({@link WebhookControl#sendForged})
 */
public record WebhookDelivery(
    String webhookId,
    String eventId,
    String topic,
    String uri,
    Map<String, String> headers,
    String body,
    Instant triggeredAt,
    int attempt,
    int status,
    boolean forged) {

  /** Whether the receiver answered 2xx. */
  public boolean succeeded() {
    return status >= 200 && status < 300;
  }
}
