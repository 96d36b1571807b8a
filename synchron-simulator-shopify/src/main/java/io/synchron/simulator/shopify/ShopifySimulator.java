package io.synchron.simulator.shopify;

import com.sun.net.httpserver.HttpServer;
import io.synchron.simulator.shopify.OrderView.LineView;
import io.synchron.simulator.shopify.ShopState.LineItem;
import io.synchron.simulator.shopify.ShopState.Metafield;
import io.synchron.simulator.shopify.ShopState.StoredOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Shopify Admin GraphQL API on {@code 127.0.0.1}, answering {@code POST
 * /admin/api/{version}/graphql.json} with the behaviour described in the project's Shopify
 * reference: documents are validated against the real 2026-07 schema, fields the simulator does not
 * implement are refused by name, costs are charged to a leaky bucket driven by the injected clock,
 * and faults can be scripted per root field.
 *
 * <p>Implemented root fields: {@code shop}, {@code locations}, {@code productVariants}, {@code
 * productVariant}, {@code order}, {@code orders}, {@code orderByIdentifier}, {@code
 * metafieldDefinitions}, {@code orderCreate}, {@code metafieldDefinitionCreate}. The shop currency
 * is EUR; there is one active location.
 *
 * <p>All methods are thread-safe. {@link #close()} stops the server; the instance is not reusable.
 */
public final class ShopifySimulator implements AutoCloseable {

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Options options;
  private final ShopState state;
  private final ScriptedFaults faults = new ScriptedFaults();
  private final Journal journal = new Journal();
  private final HttpServer server;
  private final ExecutorService executor;

  private ShopifySimulator(Options options) {
    this.options = options;
    this.state =
        new ShopState(
            options.clock(),
            options.shopDomain(),
            options.searchIndexLag(),
            options.uniqueIdMetafieldEnforced());
    LeakyBucket bucket =
        new LeakyBucket(options.bucketSize(), options.restoreRate(), options.clock());
    AdminApiHandler handler =
        new AdminApiHandler(
            options.accessToken(), state, bucket, faults, journal, AdminSchema.get());
    try {
      server =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind 127.0.0.1:" + options.port(), e);
    }
    executor =
        Executors.newFixedThreadPool(
            16,
            runnable -> {
              Thread thread =
                  new Thread(runnable, "shopify-simulator-" + THREADS.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", handler);
    server.start();
  }

  /**
   * Starts a simulator. The first start in a JVM loads the Admin schema (a few seconds); later
   * starts reuse it.
   */
  public static ShopifySimulator start(Options options) {
    return new ShopifySimulator(Objects.requireNonNull(options, "options"));
  }

  /** {@code http://127.0.0.1:<port>}; the GraphQL endpoint is below {@code /admin/api/}. */
  public String adminBaseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String shopDomain() {
    return options.shopDomain();
  }

  public String accessToken() {
    return options.accessToken();
  }

  /** The version that answers every request, whatever version the path names. */
  public String apiVersion() {
    return AdminSchema.VERSION;
  }

  /**
   * Adds a product with one variant ({@code "Default Title"}) and returns the variant's gid.
   *
   * @throws IllegalArgumentException if a variant already has this SKU
   */
  public String addProduct(String sku, String title, BigDecimal price, int available) {
    return state.addProduct(sku, title, price, available);
  }

  /**
   * Sets the available quantity of the variant with this SKU.
   *
   * @throws IllegalArgumentException for an unknown SKU
   */
  public void setAvailable(String sku, int available) {
    state.setAvailable(sku, available);
  }

  /**
   * The available quantity of the variant with this SKU.
   *
   * @throws IllegalArgumentException for an unknown SKU
   */
  public int available(String sku) {
    return state.available(sku);
  }

  /**
   * Switches, while running, between readings of Shopify behaviour that the reference marks UNCERTAIN: how long
   * the search index lags behind a create, and whether a second orderCreate with a taken unique {@code id}
   * metafield value is refused.
   */
  public void setReadings(Duration searchIndexLag, boolean uniqueIdMetafieldEnforced) {
    state.readings(searchIndexLag, uniqueIdMetafieldEnforced);
  }

  /** Every order, in creation order. */
  public List<OrderView> orders() {
    List<OrderView> views = new ArrayList<>();
    for (StoredOrder order : state.orders()) {
      views.add(view(order));
    }
    return List.copyOf(views);
  }

  /** The first order created with this {@code sourceIdentifier}. */
  public Optional<OrderView> orderBySourceIdentifier(String sourceIdentifier) {
    return state.orderBySourceIdentifier(sourceIdentifier).map(ShopifySimulator::view);
  }

  public ScriptedFaults faults() {
    return faults;
  }

  /** The exchanges answered so far (at most the last 10,000), oldest first. */
  public List<RecordedExchange> journal() {
    return journal.snapshot();
  }

  public void clearJournal() {
    journal.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static OrderView view(StoredOrder order) {
    List<LineView> lines = new ArrayList<>();
    for (LineItem line : order.lineItems()) {
      lines.add(
          new LineView(
              line.id(),
              line.variant() == null ? null : line.variant().id,
              line.sku(),
              line.quantity(),
              line.unitPrice()));
    }
    Map<String, String> metafields = new LinkedHashMap<>();
    for (Metafield metafield : order.metafields()) {
      metafields.put(metafield.namespace() + "." + metafield.key(), metafield.value());
    }
    return new OrderView(
        order.id(),
        order.name(),
        order.sourceIdentifier(),
        order.tags(),
        order.currency(),
        List.copyOf(lines),
        Collections.unmodifiableMap(metafields),
        order.inventoryBehaviour(),
        order.input(),
        order.createdAt());
  }

  /**
   * How a simulator behaves.
   *
   * @param port 0 for a random free port
   * @param bucketSize the cost bucket's capacity ({@code maximumAvailable})
   * @param restoreRate points restored per second of {@code clock}
   * @param searchIndexLag how long a new order stays invisible to {@code orders(...)}
   * @param uniqueIdMetafieldEnforced whether an order metafield whose definition has type {@code
   *     id} refuses a value another order already holds (the reference marks Shopify's behaviour
   *     uncertain; false creates the duplicate)
   */
  public record Options(
      int port,
      String shopDomain,
      String accessToken,
      Clock clock,
      double bucketSize,
      double restoreRate,
      Duration searchIndexLag,
      boolean uniqueIdMetafieldEnforced) {

    public Options {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      Objects.requireNonNull(shopDomain, "shopDomain");
      Objects.requireNonNull(accessToken, "accessToken");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(searchIndexLag, "searchIndexLag");
      if (!(bucketSize > 0) || !(restoreRate > 0)) {
        throw new IllegalArgumentException("bucketSize and restoreRate must be positive");
      }
      if (searchIndexLag.isNegative()) {
        throw new IllegalArgumentException("searchIndexLag must not be negative");
      }
    }

    /**
     * Port 0, {@code sandbox-store.myshopify.com}, token {@code shpat_sandbox}, the UTC system
     * clock, a 2000-point bucket restoring 100 points/s, no search lag, unique id metafields
     * enforced.
     */
    public static Options defaults() {
      return new Options(
          0,
          "sandbox-store.myshopify.com",
          "shpat_sandbox",
          Clock.systemUTC(),
          2000,
          100,
          Duration.ZERO,
          true);
    }

    public Options withPort(int p) {
      return new Options(
          p,
          shopDomain,
          accessToken,
          clock,
          bucketSize,
          restoreRate,
          searchIndexLag,
          uniqueIdMetafieldEnforced);
    }

    public Options withShopDomain(String d) {
      return new Options(
          port,
          d,
          accessToken,
          clock,
          bucketSize,
          restoreRate,
          searchIndexLag,
          uniqueIdMetafieldEnforced);
    }

    public Options withAccessToken(String t) {
      return new Options(
          port,
          shopDomain,
          t,
          clock,
          bucketSize,
          restoreRate,
          searchIndexLag,
          uniqueIdMetafieldEnforced);
    }

    public Options withClock(Clock c) {
      return new Options(
          port,
          shopDomain,
          accessToken,
          c,
          bucketSize,
          restoreRate,
          searchIndexLag,
          uniqueIdMetafieldEnforced);
    }

    public Options withBucketSize(double size) {
      return new Options(
          port,
          shopDomain,
          accessToken,
          clock,
          size,
          restoreRate,
          searchIndexLag,
          uniqueIdMetafieldEnforced);
    }

    public Options withRestoreRate(double rate) {
      return new Options(
          port,
          shopDomain,
          accessToken,
          clock,
          bucketSize,
          rate,
          searchIndexLag,
          uniqueIdMetafieldEnforced);
    }

    public Options withSearchIndexLag(Duration lag) {
      return new Options(
          port,
          shopDomain,
          accessToken,
          clock,
          bucketSize,
          restoreRate,
          lag,
          uniqueIdMetafieldEnforced);
    }

    public Options withUniqueIdMetafieldEnforced(boolean enforced) {
      return new Options(
          port, shopDomain, accessToken, clock, bucketSize, restoreRate, searchIndexLag, enforced);
    }
  }
}
