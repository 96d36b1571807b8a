package io.synchron.simulator.shopify;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * A webhook endpoint on 127.0.0.1 for the tests: records every request with its raw body and
 * answers 200, or what a {@link StatusRule} says.
 */
final class WebhookReceiver implements AutoCloseable {

  /** One received request; header names are case-insensitive. */
  record Received(Map<String, String> headers, byte[] rawBody) {
    String header(String name) {
      return headers.get(name);
    }

    String body() {
      return new String(rawBody, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      return AdminClient.JSON.readTree(body());
    }

    String topic() {
      return header("X-Shopify-Topic");
    }
  }

  /** The status to answer a request with, given its arrival number (1-based). */
  @FunctionalInterface
  interface StatusRule {
    int status(Received request, int arrival);
  }

  /** What the handler does before answering. */
  @FunctionalInterface
  interface BeforeAnswer {
    void run(Received request) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final List<Received> received = new ArrayList<>();
  private final AtomicInteger count = new AtomicInteger();
  private volatile StatusRule statusRule = (request, arrival) -> 200;
  private volatile BeforeAnswer beforeAnswer = request -> {};

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  String uri(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  void answer(StatusRule rule) {
    this.statusRule = rule;
  }

  void beforeAnswering(BeforeAnswer action) {
    this.beforeAnswer = action;
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  List<Received> received(String topic) {
    return received().stream().filter(r -> topic.equals(r.topic())).toList();
  }

  /** Waits until at least {@code n} requests arrived, and returns them all. */
  List<Received> awaitCount(int n) {
    await().atMost(Duration.ofSeconds(10)).until(() -> received().size() >= n);
    return received();
  }

  /** Waits for the first request on {@code topic}. */
  Received awaitTopic(String topic) {
    await().atMost(Duration.ofSeconds(10)).until(() -> !received(topic).isEmpty());
    return received(topic).get(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
      Received request = new Received(headers, exchange.getRequestBody().readAllBytes());
      int arrival;
      synchronized (this) {
        received.add(request);
        arrival = count.incrementAndGet();
      }
      try {
        beforeAnswer.run(request);
      } catch (Exception e) {
        exchange.sendResponseHeaders(599, -1);
        return;
      }
      exchange.sendResponseHeaders(statusRule.status(request, arrival), -1);
    }
  }

  /** Base64 HMAC-SHA256 of the raw bytes, written here independently of the simulator. */
  static String hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Verifies like a Shopify app does: constant-time comparison of the header with the HMAC. */
  static boolean verifies(Received request, String secret) {
    String header = request.header("X-Shopify-Hmac-Sha256");
    return header != null
        && MessageDigest.isEqual(
            header.getBytes(StandardCharsets.UTF_8),
            hmac(secret, request.rawBody()).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
