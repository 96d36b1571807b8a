package io.synchron.simulator.shopify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook subscriptions and their deliveries. {@link #publish} is called with the {@link ShopState}
 * monitor held and only queues work; every HTTP request runs on this dispatcher's own two threads,
 * so no delivery ever happens under the state lock. Lock order: state, then this object; never the
 * reverse.
 *
 * <p>A delivery is one POST per matching subscription, signed like Shopify (base64 HMAC-SHA256 of
 * the raw body with the app's client secret). A non-2xx answer or no answer is retried {@code
 * retries} times, after {@code retryDelay}, doubling each time, with the same webhook id.
 */
final class WebhookDispatcher {

  /** The topics the simulator fires, by {@code WebhookSubscriptionTopic} name. */
  static final Map<String, String> FIRED_TOPICS =
      Map.ofEntries(
          Map.entry("ORDERS_CREATE", "orders/create"),
          Map.entry("ORDERS_UPDATED", "orders/updated"),
          Map.entry("ORDERS_CANCELLED", "orders/cancelled"),
          Map.entry("ORDERS_EDITED", "orders/edited"),
          Map.entry("ORDERS_FULFILLED", "orders/fulfilled"),
          Map.entry("ORDERS_PARTIALLY_FULFILLED", "orders/partially_fulfilled"),
          Map.entry("FULFILLMENTS_CREATE", "fulfillments/create"),
          Map.entry("FULFILLMENTS_UPDATE", "fulfillments/update"),
          Map.entry("REFUNDS_CREATE", "refunds/create"),
          Map.entry("RETURNS_APPROVE", "returns/approve"),
          Map.entry("RETURNS_PROCESS", "returns/process"),
          Map.entry("RETURNS_CLOSE", "returns/close"),
          Map.entry("REVERSE_FULFILLMENT_ORDERS_DISPOSE", "reverse_fulfillment_orders/dispose"));

  static final int DELIVERY_LOG_CAPACITY = 10_000;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** A stored subscription; {@code includeFields} empty means the whole payload. */
  record Subscription(
      String id,
      long legacyId,
      String topic,
      String uri,
      String format,
      String name,
      List<String> includeFields,
      Instant createdAt) {}

  /** A delivery waiting to be sent. */
  private record Pending(
      String webhookId,
      String eventId,
      String topic,
      String uri,
      String body,
      Instant triggeredAt,
      String name) {}

  private final Clock clock;
  private final String shopDomain;
  private final String secret;
  private final int retries;
  private final Duration retryDelay;
  private final Duration timeout;
  private final HttpClient http;
  private final ScheduledExecutorService executor;

  private final List<Subscription> subscriptions = new ArrayList<>();
  private long nextId = 7_000_000_001L;
  private int dropNext;
  private int duplicateNext;
  private boolean holding;
  private final List<Pending> held = new ArrayList<>();
  private final Deque<WebhookDelivery> deliveries = new ArrayDeque<>();
  private final List<WebhookDelivery> lost = new ArrayList<>();

  WebhookDispatcher(
      Clock clock,
      String shopDomain,
      String secret,
      int retries,
      Duration retryDelay,
      Duration timeout) {
    this.clock = clock;
    this.shopDomain = shopDomain;
    this.secret = secret;
    this.retries = retries;
    this.retryDelay = retryDelay;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    ScheduledThreadPoolExecutor pool =
        new ScheduledThreadPoolExecutor(
            2,
            runnable -> {
              Thread thread =
                  new Thread(runnable, "shopify-simulator-webhooks-" + THREADS.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.setRemoveOnCancelPolicy(true);
    this.executor = pool;
  }

  // ---- subscriptions ---------------------------------------------------------------------------

  /**
   * {@code webhookSubscriptionCreate}. Only JSON over plain or TLS HTTP to a loopback host can be
   * delivered here, so anything else is refused.
   */
  synchronized ShopState.Outcome<Subscription> subscribe(
      String topic, Map<String, Object> input, Instant now) {
    for (String unsupported : List.of("filter", "metafieldNamespaces", "metafields")) {
      if (input.get(unsupported) != null) {
        throw new SimulatorGraphQlException(
            SimulatorGraphQlException.NOT_IMPLEMENTED,
            "webhookSubscription." + unsupported + " is not supported by the simulator");
      }
    }
    String format = ShopState.string(input.get("format"), "JSON");
    if (!format.equals("JSON")) {
      throw new SimulatorGraphQlException(
          SimulatorGraphQlException.NOT_IMPLEMENTED,
          "webhook format " + format + " is not supported by the simulator");
    }
    String uri =
        ShopState.string(input.get("uri"), ShopState.string(input.get("callbackUrl"), null));
    String field =
        input.get("uri") != null || input.get("callbackUrl") == null ? "uri" : "callbackUrl";
    String problem = uriProblem(uri);
    if (problem != null) {
      return new ShopState.Outcome<>(
          null, List.of(ShopState.userError(null, problem, "webhookSubscription", field)));
    }
    boolean taken =
        subscriptions.stream().anyMatch(s -> s.topic().equals(topic) && s.uri().equals(uri));
    if (taken) {
      // The message of the TAKEN code that Shopify's schema documents for this case.
      return new ShopState.Outcome<>(
          null,
          List.of(
              ShopState.userError(
                  null,
                  "Address for this topic has already been taken",
                  "webhookSubscription",
                  field)));
    }
    long number = nextId++;
    List<String> includeFields = new ArrayList<>();
    if (input.get("includeFields") instanceof List<?> fields) {
      fields.forEach(f -> includeFields.add(String.valueOf(f)));
    }
    Subscription subscription =
        new Subscription(
            ShopState.gid("WebhookSubscription", number),
            number,
            topic,
            uri,
            format,
            ShopState.string(input.get("name"), null),
            List.copyOf(includeFields),
            now);
    subscriptions.add(subscription);
    return new ShopState.Outcome<>(subscription, List.of());
  }

  synchronized List<Subscription> subscriptions() {
    return List.copyOf(subscriptions);
  }

  /** {@code webhookSubscriptionDelete}: the deleted id, or a user error for an unknown one. */
  synchronized ShopState.Outcome<String> unsubscribe(String id) {
    boolean removed = subscriptions.removeIf(s -> s.id().equals(id));
    if (!removed) {
      return new ShopState.Outcome<>(
          null, List.of(ShopState.userError(null, "Webhook subscription does not exist", "id")));
    }
    return new ShopState.Outcome<>(id, List.of());
  }

  private static String uriProblem(String uri) {
    if (uri == null || uri.isBlank()) {
      return "Address can't be blank";
    }
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      return "Address is invalid";
    }
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || parsed.getHost() == null) {
      return "Address is invalid: the simulator delivers to http(s) URLs only";
    }
    if (!loopback(parsed.getHost())) {
      return "Address is not allowed: the simulator delivers to loopback hosts only";
    }
    return null;
  }

  private static boolean loopback(String host) {
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Literal addresses only: no name lookup leaves the machine.
    if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  // ---- events ----------------------------------------------------------------------------------

  /**
   * Fires one event: one delivery per subscription to {@code topic}, each with its own webhook id
   * and the event's shared id. Called with the state monitor held; sends nothing itself.
   */
  void publish(String topic, Map<String, Object> payload) {
    String restTopic = FIRED_TOPICS.get(topic);
    if (restTopic == null) {
      throw new IllegalArgumentException("not a fired topic: " + topic);
    }
    Instant triggeredAt = clock.instant();
    String eventId = UUID.randomUUID().toString();
    List<Pending> pending = new ArrayList<>();
    synchronized (this) {
      for (Subscription subscription : subscriptions) {
        if (subscription.topic().equals(topic)) {
          pending.add(
              new Pending(
                  UUID.randomUUID().toString(),
                  eventId,
                  restTopic,
                  subscription.uri(),
                  JSON.writeValueAsString(included(payload, subscription.includeFields())),
                  triggeredAt,
                  subscription.name()));
        }
      }
      for (Pending delivery : pending) {
        dispatch(delivery);
      }
    }
  }

  private static Map<String, Object> included(Map<String, Object> payload, List<String> fields) {
    if (fields.isEmpty()) {
      return payload;
    }
    Map<String, Object> kept = new LinkedHashMap<>();
    payload.forEach(
        (key, value) -> {
          if (fields.contains(key)) {
            kept.put(key, value);
          }
        });
    return kept;
  }

  /** Caller holds this monitor. Applies the scripted drop, duplicate and hold controls. */
  private void dispatch(Pending delivery) {
    if (dropNext > 0) {
      dropNext--;
      lost.add(record(delivery, Map.of(), 0, 0, false));
      return;
    }
    List<Pending> copies = new ArrayList<>(List.of(delivery));
    if (duplicateNext > 0) {
      duplicateNext--;
      copies.add(
          new Pending(
              UUID.randomUUID().toString(),
              delivery.eventId(),
              delivery.topic(),
              delivery.uri(),
              delivery.body(),
              delivery.triggeredAt(),
              delivery.name()));
    }
    for (Pending copy : copies) {
      if (holding) {
        held.add(copy);
      } else {
        submit(() -> attempt(copy, 1));
      }
    }
  }

  private void attempt(Pending delivery, int attempt) {
    Map<String, String> headers = headers(delivery, signature(delivery.body(), secret));
    int status = post(delivery.uri(), delivery.body(), headers);
    synchronized (this) {
      log(record(delivery, headers, attempt, status, false));
    }
    if ((status < 200 || status >= 300) && attempt <= retries) {
      long delay = retryDelay.toMillis() << Math.min(attempt - 1, 16);
      try {
        executor.schedule(() -> attempt(delivery, attempt + 1), delay, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException closed) {
        // The simulator is closing; the retry dies with it.
      }
    }
  }

  private int post(String uri, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(uri))
            .timeout(timeout)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)));
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException noAnswer) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private Map<String, String> headers(Pending delivery, String signature) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("User-Agent", "Shopify-Captain-Hook");
    headers.put("X-Shopify-Topic", delivery.topic());
    headers.put("X-Shopify-Hmac-Sha256", signature);
    headers.put("X-Shopify-Shop-Domain", shopDomain);
    headers.put("X-Shopify-API-Version", AdminSchema.VERSION);
    headers.put("X-Shopify-Webhook-Id", delivery.webhookId());
    headers.put("X-Shopify-Event-Id", delivery.eventId());
    headers.put("X-Shopify-Triggered-At", delivery.triggeredAt().toString());
    if (delivery.name() != null) {
      headers.put("X-Shopify-Name", delivery.name());
    }
    return Collections.unmodifiableMap(headers);
  }

  /** Base64 HMAC-SHA256 of the body's UTF-8 bytes, keyed with the secret's UTF-8 bytes. */
  static String signature(String body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static WebhookDelivery record(
      Pending delivery, Map<String, String> headers, int attempt, int status, boolean forged) {
    return new WebhookDelivery(
        delivery.webhookId(),
        delivery.eventId(),
        delivery.topic(),
        delivery.uri(),
        headers,
        delivery.body(),
        delivery.triggeredAt(),
        attempt,
        status,
        forged);
  }

  /** Caller holds this monitor. */
  private void log(WebhookDelivery delivery) {
    if (deliveries.size() == DELIVERY_LOG_CAPACITY) {
      deliveries.removeFirst();
    }
    deliveries.addLast(delivery);
  }

  private void submit(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException closed) {
      // The simulator is closing; nothing more is delivered.
    }
  }

  // ---- controls --------------------------------------------------------------------------------

  /** Forgets pending drops and duplicates; deliveries being held are sent. */
  void reset() {
    synchronized (this) {
      dropNext = 0;
      duplicateNext = 0;
    }
    release(false);
  }

  synchronized void dropNext(int n) {
    requireNotNegative(n);
    dropNext += n;
  }

  synchronized void duplicateNext(int n) {
    requireNotNegative(n);
    duplicateNext += n;
  }

  synchronized void holdAll() {
    holding = true;
  }

  synchronized int heldCount() {
    return held.size();
  }

  /** Stops holding and sends the held deliveries one after another, in {@code order}. */
  synchronized void release(boolean reversed) {
    holding = false;
    List<Pending> batch = new ArrayList<>(held);
    held.clear();
    if (reversed) {
      Collections.reverse(batch);
    }
    // One task sends the batch in sequence, so that the receiver sees exactly this order.
    submit(() -> batch.forEach(delivery -> attempt(delivery, 1)));
  }

  synchronized List<WebhookDelivery> deliveries() {
    return List.copyOf(deliveries);
  }

  synchronized List<WebhookDelivery> lost() {
    return List.copyOf(lost);
  }

  synchronized void clearDeliveries() {
    deliveries.clear();
    lost.clear();
  }

  /**
   * Sends one delivery now, on the caller's thread, signed with the wrong key; no retry and no
   * scripted control applies.
   */
  WebhookDelivery sendForged(String topic, String body, String uri) {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(body, "body");
    String problem = uriProblem(uri);
    if (problem != null) {
      throw new IllegalArgumentException(problem + ": " + uri);
    }
    Pending delivery =
        new Pending(
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString(),
            topic,
            uri,
            body,
            clock.instant(),
            null);
    Map<String, String> headers = headers(delivery, signature(body, "forged:" + secret));
    int status = post(uri, body, headers);
    WebhookDelivery sent = record(delivery, headers, 1, status, true);
    synchronized (this) {
      log(sent);
    }
    return sent;
  }

  void close() {
    executor.shutdownNow();
  }

  private static void requireNotNegative(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("count must not be negative: " + n);
    }
  }
}
