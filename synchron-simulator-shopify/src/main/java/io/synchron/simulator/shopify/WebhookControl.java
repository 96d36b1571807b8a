package io.synchron.simulator.shopify;

import java.util.List;

/**
 * Test control over webhook delivery, modelling what Shopify does not guarantee (reference §4.4):
 * lost deliveries, duplicates, and deliveries out of order. Controls count deliveries (one per
 * matching subscription per event), not events, and apply to first attempts only; retries of a
 * delivery already sent go ahead. Thread-safe.
 */
public final class WebhookControl {

  private final WebhookDispatcher dispatcher;

  WebhookControl(WebhookDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /** Loses the next {@code n} deliveries: they are never sent and show up in {@link #lost()}. */
  public void dropNext(int n) {
    dispatcher.dropNext(n);
  }

  /**
   * Sends each of the next {@code n} deliveries twice: same body and {@code X-Shopify-Event-Id}, a
   * new {@code X-Shopify-Webhook-Id} for the copy.
   */
  public void duplicateNext(int n) {
    dispatcher.duplicateNext(n);
  }

  /** Holds every new delivery until {@link #releaseAll()} or {@link #releaseInReverseOrder()}. */
  public void holdAll() {
    dispatcher.holdAll();
  }

  /** How many deliveries are being held. */
  public int held() {
    return dispatcher.heldCount();
  }

  /**
   * Stops holding and sends the held deliveries one after another, newest first, each waiting for
   * the previous one's answer.
   */
  public void releaseInReverseOrder() {
    dispatcher.release(true);
  }

  /** Stops holding and sends the held deliveries one after another, oldest first. */
  public void releaseAll() {
    dispatcher.release(false);
  }

  /**
   * Every attempt made so far (retries and forged deliveries included), in the order their answers
   * came back; at most the last 10,000.
   */
  public List<WebhookDelivery> deliveries() {
    return dispatcher.deliveries();
  }

  /** The deliveries lost by {@link #dropNext(int)}, with attempt and status 0. */
  public List<WebhookDelivery> lost() {
    return dispatcher.lost();
  }

  /** Forgets the recorded deliveries and lost deliveries. */
  public void clear() {
    dispatcher.clearDeliveries();
  }

  /**
   * Back to plain delivery, for tests that share a simulator: pending {@link #dropNext} and {@link #duplicateNext}
   * counts are forgotten, held deliveries are sent, and the list of deliveries is cleared.
   */
  public void reset() {
    dispatcher.reset();
    dispatcher.clearDeliveries();
  }

  /**
   * POSTs {@code body} to {@code uri} now, on the calling thread, with every Shopify header but an
   * {@code X-Shopify-Hmac-Sha256} computed with the wrong key, and returns the answered delivery.
   * It is not retried.
   *
   * @param topic the REST topic name, e.g. {@code orders/create}
   * @throws IllegalArgumentException if {@code uri} is not an http(s) URL on a loopback host
   */
  public WebhookDelivery sendForged(String topic, String body, String uri) {
    return dispatcher.sendForged(topic, body, uri);
  }
}
