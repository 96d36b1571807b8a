package io.synchron.simulator.shopify;

import com.sun.net.httpserver.HttpServer;
import io.synchron.simulator.shopify.OrderLife.Cancellation;
import io.synchron.simulator.shopify.OrderLife.Disposition;
import io.synchron.simulator.shopify.OrderLife.Fulfillment;
import io.synchron.simulator.shopify.OrderLife.FulfillmentLine;
import io.synchron.simulator.shopify.OrderLife.FulfillmentOrder;
import io.synchron.simulator.shopify.OrderLife.FulfillmentOrderLine;
import io.synchron.simulator.shopify.OrderLife.OrderAdjustment;
import io.synchron.simulator.shopify.OrderLife.Refund;
import io.synchron.simulator.shopify.OrderLife.RefundLine;
import io.synchron.simulator.shopify.OrderLife.RefundShippingLine;
import io.synchron.simulator.shopify.OrderLife.Return;
import io.synchron.simulator.shopify.OrderLife.ReturnLine;
import io.synchron.simulator.shopify.OrderLife.Tracking;
import io.synchron.simulator.shopify.OrderView.CancellationView;
import io.synchron.simulator.shopify.OrderView.DispositionView;
import io.synchron.simulator.shopify.OrderView.FulfilledLineView;
import io.synchron.simulator.shopify.OrderView.FulfillmentOrderLineView;
import io.synchron.simulator.shopify.OrderView.FulfillmentOrderView;
import io.synchron.simulator.shopify.OrderView.FulfillmentView;
import io.synchron.simulator.shopify.OrderView.LineView;
import io.synchron.simulator.shopify.OrderView.OrderAdjustmentView;
import io.synchron.simulator.shopify.OrderView.RefundLineView;
import io.synchron.simulator.shopify.OrderView.RefundShippingLineView;
import io.synchron.simulator.shopify.OrderView.RefundView;
import io.synchron.simulator.shopify.OrderView.ReturnLineView;
import io.synchron.simulator.shopify.OrderView.ReturnView;
import io.synchron.simulator.shopify.OrderView.TrackingView;
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
 * metafieldDefinitions}, {@code fulfillment}, {@code fulfillmentOrder}, {@code job}, {@code
 * webhookSubscriptions}, {@code webhookSubscription}; mutations {@code orderCreate}, {@code
 * metafieldDefinitionCreate}, {@code fulfillmentCreate}, {@code fulfillmentTrackingInfoUpdate},
 * {@code fulfillmentEventCreate}, {@code fulfillmentCancel}, {@code orderCancel}, {@code
 * webhookSubscriptionCreate}, {@code webhookSubscriptionDelete}, {@code refundCreate} (with the
 * mandatory {@code @idempotent(key:)} directive), {@code returnCreate}, {@code returnProcess},
 * {@code returnClose}. The shop currency is EUR; there is one active location, and each order gets
 * one fulfillment order there. Orders keep their tax lines (line-level ones as given, order-level
 * ones split over the taxable lines) and {@code taxesIncluded}; refunds carry their prorated share
 * (see {@code RefundDesk} for the exact rules).
 *
 * <p>Webhooks: every change fires the topics Shopify fires ({@code orders/create}, {@code
 * orders/updated}, {@code orders/cancelled}, {@code orders/edited}, {@code orders/fulfilled},
 * {@code orders/partially_fulfilled}, {@code fulfillments/create}, {@code fulfillments/update},
 * {@code refunds/create}, {@code returns/approve}, {@code returns/process}, {@code returns/close},
 * {@code reverse_fulfillment_orders/dispose}) to each subscription, asynchronously, signed with
 * {@link Options#webhookSecret()}; {@link #webhooks()} scripts losses, duplicates and reordering.
 * Subscriptions to other topics are kept but never fire.
 *
 * <p>The merchant-side methods ({@link #fulfill}, {@link #updateTracking}, {@link
 * #addFulfillmentEvent}, {@link #cancelFulfillment}, {@link #cancelOrder}, {@link #removeLine},
 * {@link #refund}, {@link #refundMoneyOnly}, {@link #requestReturn}, {@link #processReturn}, {@link
 * #closeReturn}) do what a person or a 3PL does in the Shopify admin: they bump the order's {@code
 * updatedAt} and fire the same webhooks as the matching mutation.
 *
 * <p>All methods are thread-safe. {@link #close()} stops the server; the instance is not reusable.
 */
public final class ShopifySimulator implements AutoCloseable {

  /** The client secret that signs webhooks unless {@link Options#withWebhookSecret} says else. */
  public static final String DEFAULT_WEBHOOK_SECRET = "sandbox-webhook-secret";

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Options options;
  private final ShopState state;
  private final ScriptedFaults faults = new ScriptedFaults();
  private final Journal journal = new Journal();
  private final WebhookDispatcher dispatcher;
  private final WebhookControl webhooks;
  private final HttpServer server;
  private final ExecutorService executor;

  private ShopifySimulator(Options options) {
    this.options = options;
    this.dispatcher =
        new WebhookDispatcher(
            options.clock(),
            options.shopDomain(),
            options.webhookSecret(),
            options.webhookRetries(),
            options.webhookRetryDelay(),
            options.webhookTimeout());
    this.webhooks = new WebhookControl(dispatcher);
    this.state =
        new ShopState(
            options.clock(),
            options.shopDomain(),
            options.searchIndexLag(),
            options.uniqueIdMetafieldEnforced(),
            dispatcher);
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
      dispatcher.close();
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
   * Switches, while running, between readings of Shopify behaviour that the reference marks
   * UNCERTAIN: how long the search index lags behind a create, and whether a second orderCreate
   * with a taken unique {@code id} metafield value is refused.
   */
  public void setReadings(Duration searchIndexLag, boolean uniqueIdMetafieldEnforced) {
    state.readings(searchIndexLag, uniqueIdMetafieldEnforced);
  }

  /** Every order, in creation order. */
  public List<OrderView> orders() {
    synchronized (state) {
      List<OrderView> views = new ArrayList<>();
      for (StoredOrder order : state.orders()) {
        views.add(view(order));
      }
      return List.copyOf(views);
    }
  }

  /** The first order created with this {@code sourceIdentifier}. */
  public Optional<OrderView> orderBySourceIdentifier(String sourceIdentifier) {
    synchronized (state) {
      return state.orderBySourceIdentifier(sourceIdentifier).map(ShopifySimulator::view);
    }
  }

  /** The order with this gid. */
  public Optional<OrderView> order(String orderGid) {
    synchronized (state) {
      return Optional.ofNullable(state.order(orderGid)).map(ShopifySimulator::view);
    }
  }

  /**
   * Fulfils part or all of an order from the shop location, as the merchant or a 3PL does in the
   * admin: fires {@code fulfillments/create}, {@code orders/updated} and {@code orders/fulfilled}
   * or {@code orders/partially_fulfilled}.
   *
   * @param quantityBySku units to ship per SKU, taken from the order's lines in order; empty ships
   *     everything left
   * @param trackingCompany the carrier, matched case-sensitively against the carriers whose
   *     tracking URL is built when {@code trackingUrl} is null; may be null
   * @param trackingNumber may be null (then {@code trackingUrl} must be null too)
   * @return the fulfillment's gid
   * @throws IllegalArgumentException for an unknown order or SKU, a quantity above what is left, or
   *     a URL without a number
   * @throws IllegalStateException for a cancelled order or one with nothing left to fulfil
   */
  public String fulfill(
      String orderGid,
      Map<String, Integer> quantityBySku,
      String trackingCompany,
      String trackingNumber,
      String trackingUrl) {
    return state
        .desk()
        .fulfill(orderGid, quantityBySku, trackingCompany, trackingNumber, trackingUrl);
  }

  /**
   * Replaces a fulfillment's tracking; fires {@code fulfillments/update} and {@code
   * orders/updated}.
   *
   * @throws IllegalArgumentException for an unknown or cancelled fulfillment, or a URL without a
   *     number
   */
  public void updateTracking(String fulfillmentGid, String company, String number, String url) {
    state.desk().updateTracking(fulfillmentGid, company, number, url);
  }

  /**
   * Records a carrier event ({@code FulfillmentEventStatus}, e.g. {@code IN_TRANSIT}, {@code
   * DELIVERED}) happening now; fires {@code fulfillments/update} and {@code orders/updated}.
   *
   * @throws IllegalArgumentException for an unknown status, or an unknown or cancelled fulfillment
   */
  public void addFulfillmentEvent(String fulfillmentGid, String status) {
    state.desk().addFulfillmentEvent(fulfillmentGid, status);
  }

  /**
   * Cancels a fulfillment; its units can be fulfilled again. Fires {@code fulfillments/update} and
   * {@code orders/updated}.
   *
   * @throws IllegalArgumentException for an unknown or already cancelled fulfillment
   */
  public void cancelFulfillment(String fulfillmentGid) {
    state.desk().cancelFulfillmentOrThrow(fulfillmentGid);
  }

  /**
   * Cancels an order, like {@code orderCancel} without refund; fires {@code orders/cancelled} and
   * {@code orders/updated}.
   *
   * @param reason an {@code OrderCancelReason}: CUSTOMER, DECLINED, FRAUD, INVENTORY, OTHER, STAFF
   * @param restock whether the unfulfilled units go back in stock
   * @throws IllegalArgumentException for an unknown order or reason
   * @throws IllegalStateException if the order is already cancelled or has live fulfillments
   */
  public void cancelOrder(String orderGid, String reason, boolean restock) {
    state.desk().cancelOrder(orderGid, reason, restock);
  }

  /**
   * An order edit removing the unfulfilled units of the first line with this SKU that has any (its
   * {@code currentQuantity} drops to what was fulfilled, usually 0); the units go back in stock.
   * Fires {@code orders/edited} and {@code orders/updated}.
   *
   * @throws IllegalArgumentException for an unknown order or SKU
   * @throws IllegalStateException for a cancelled order or a line with nothing left to remove
   */
  public void removeLine(String orderGid, String sku) {
    state.desk().removeLine(orderGid, sku);
  }

  /**
   * Refunds units and shipping as a person does in the admin: for each SKU the unfulfilled units
   * first (restocked as {@code CANCEL} when {@code restock}), then the fulfilled ones ({@code
   * RETURN}); the money, what the units and {@code shippingAmount} are worth with their prorated
   * taxes (their price alone when the order's taxes are included, price plus tax otherwise), capped
   * at what is left to refund, goes back through the order's gateway. A capped refund records the
   * shortfall as a {@code REFUND_DISCREPANCY} order adjustment. Fires {@code refunds/create} and
   * {@code orders/updated}.
   *
   * @param quantityBySku units to refund per SKU, taken from the order's lines in order; may be
   *     empty to refund shipping only
   * @param shippingAmount shipping to refund, or null for none (tax-inclusive when the order's
   *     taxes are included, as its shipping price is)
   * @param note the refund's note, may be null
   * @return the refund's gid
   * @throws IllegalArgumentException for an unknown order or SKU, a quantity above what is left to
   *     refund, too much shipping, or nothing to refund
   */
  public String refund(
      String orderGid,
      Map<String, Integer> quantityBySku,
      boolean restock,
      BigDecimal shippingAmount,
      String note) {
    return state.refunds().refund(orderGid, quantityBySku, restock, shippingAmount, note);
  }

  /**
   * Gives money back without taking back units or shipping, as a person does in the admin for a
   * goodwill or tax-only refund: one REFUND transaction through the order's gateway (against its
   * first payment). The money no line or shipping accounts for is recorded as a {@code
   * REFUND_DISCREPANCY} order adjustment of {@code -amount}. Fires {@code refunds/create} and
   * {@code orders/updated}.
   *
   * @return the refund's gid
   * @throws IllegalArgumentException for an unknown order, an amount that is not positive, or more
   *     than is left to refund
   */
  public String refundMoneyOnly(String orderGid, BigDecimal amount, String note) {
    return state.refunds().refundMoneyOnly(orderGid, amount, note);
  }

  /**
   * Opens a return of fulfilled units, as the merchant does for a customer's request; the units are
   * taken from the order's fulfillments oldest first. Fires {@code returns/approve} and {@code
   * orders/updated}.
   *
   * @return the return's gid
   * @throws IllegalArgumentException for an unknown order or SKU, or more units than were fulfilled
   *     and not yet returned
   */
  public String requestReturn(String orderGid, Map<String, Integer> quantityBySku) {
    return state.refunds().requestReturn(orderGid, quantityBySku);
  }

  /**
   * Closes an open return; fires {@code returns/close} and {@code orders/updated}.
   *
   * @throws IllegalArgumentException for an unknown return or one that is not open
   */
  public void closeReturn(String returnGid) {
    state.refunds().closeReturnOrThrow(returnGid);
  }

  /**
   * Processes returned units as the merchant does in the admin ({@code returnProcess}): for each
   * SKU, units are taken from the return's lines in order; they are disposed of as {@code
   * RESTOCKED} at the shop location (back in stock) when {@code restock}, else {@code
   * NOT_RESTOCKED}. With {@code refund}, the units are refunded for what they are worth with their
   * taxes (as {@link #refund}), capped at what is left to refund, against the order's first
   * payment. The return closes once every unit of it is processed. Fires {@code
   * reverse_fulfillment_orders/dispose}, {@code returns/process}, {@code refunds/create} (with
   * {@code refund}), {@code returns/close} (when it closes) and {@code orders/updated}.
   *
   * @param quantityBySku units to process per SKU
   * @return the refund's gid, or null without {@code refund}
   * @throws IllegalArgumentException for an unknown return or SKU, a return that is not open, or
   *     more units than are left to process
   */
  public String processReturn(
      String returnGid, Map<String, Integer> quantityBySku, boolean restock, boolean refund) {
    return state.refunds().processReturn(returnGid, quantityBySku, restock, refund);
  }

  /** The return with this gid. */
  public Optional<ReturnView> returnOf(String returnGid) {
    synchronized (state) {
      return Optional.ofNullable(state.refunds().returnOf(returnGid))
          .map(ShopifySimulator::returnView);
    }
  }

  /** Control over webhook deliveries, for tests: losses, duplicates, reordering, forgeries. */
  public WebhookControl webhooks() {
    return webhooks;
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
    dispatcher.close();
  }

  /** Caller holds the state monitor. */
  private static OrderView view(StoredOrder order) {
    OrderLife life = order.life();
    List<LineView> lines = new ArrayList<>();
    for (LineItem line : order.lineItems()) {
      lines.add(
          new LineView(
              line.id(),
              line.variant() == null ? null : line.variant().id,
              line.sku(),
              line.quantity(),
              line.unitPrice(),
              life.currentQuantity(line),
              line.tax()));
    }
    List<FulfillmentView> fulfillments = new ArrayList<>();
    for (Fulfillment fulfillment : life.fulfillments) {
      List<TrackingView> tracking = new ArrayList<>();
      for (Tracking t : fulfillment.tracking) {
        tracking.add(new TrackingView(t.company(), t.number(), t.url()));
      }
      List<FulfilledLineView> shipped = new ArrayList<>();
      for (FulfillmentLine line : fulfillment.lines) {
        shipped.add(
            new FulfilledLineView(
                line.id(), line.lineItem().id(), line.lineItem().sku(), line.quantity()));
      }
      fulfillments.add(
          new FulfillmentView(
              fulfillment.id,
              fulfillment.name,
              fulfillment.status,
              fulfillment.displayStatus,
              List.copyOf(tracking),
              List.copyOf(shipped),
              fulfillment.createdAt,
              fulfillment.updatedAt,
              fulfillment.inTransitAt,
              fulfillment.deliveredAt));
    }
    List<FulfillmentOrderView> fulfillmentOrders = new ArrayList<>();
    for (FulfillmentOrder fulfillmentOrder : life.fulfillmentOrders) {
      List<FulfillmentOrderLineView> foLines = new ArrayList<>();
      for (FulfillmentOrderLine line : fulfillmentOrder.lines) {
        foLines.add(
            new FulfillmentOrderLineView(
                line.id,
                line.lineItem.id(),
                line.lineItem.sku(),
                line.totalQuantity,
                line.remainingQuantity));
      }
      fulfillmentOrders.add(
          new FulfillmentOrderView(
              fulfillmentOrder.id,
              fulfillmentOrder.status,
              fulfillmentOrder.location.id(),
              List.copyOf(foLines)));
    }
    Cancellation c = life.cancellation;
    CancellationView cancellation =
        c == null
            ? null
            : new CancellationView(
                c.reason(), c.restock(), c.refund(), c.notifyCustomer(), c.staffNote(), c.jobId());
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
        order.createdAt(),
        life.cancelledAt,
        List.copyOf(fulfillments),
        List.copyOf(fulfillmentOrders),
        cancellation,
        life.updatedAt,
        life.displayFulfillmentStatus(order.lineItems()),
        refundViews(life),
        returnViews(life),
        order.displayFinancialStatus(),
        life.totalRefunded());
  }

  private static List<RefundView> refundViews(OrderLife life) {
    List<RefundView> refunds = new ArrayList<>();
    for (Refund refund : life.refunds) {
      List<RefundLineView> lines = new ArrayList<>();
      for (RefundLine line : refund.lines) {
        lines.add(
            new RefundLineView(
                line.id(),
                line.lineItem().id(),
                line.lineItem().sku(),
                line.quantity(),
                line.restockType(),
                line.subtotal(),
                line.totalTax()));
      }
      List<RefundShippingLineView> shippingLines = new ArrayList<>();
      for (RefundShippingLine line : refund.shippingLines) {
        shippingLines.add(
            new RefundShippingLineView(
                line.id(),
                line.shippingLine().id(),
                line.shippingLine().title(),
                line.subtotal(),
                line.tax()));
      }
      List<OrderAdjustmentView> adjustments = new ArrayList<>();
      for (OrderAdjustment adjustment : refund.adjustments) {
        adjustments.add(
            new OrderAdjustmentView(adjustment.id(), adjustment.amount(), adjustment.reason()));
      }
      refunds.add(
          new RefundView(
              refund.id,
              refund.createdAt,
              refund.note,
              refund.totalRefunded(),
              refund.shipping(),
              List.copyOf(lines),
              List.copyOf(shippingLines),
              List.copyOf(adjustments),
              refund.returned == null ? null : refund.returned.id));
    }
    return List.copyOf(refunds);
  }

  private static List<ReturnView> returnViews(OrderLife life) {
    List<ReturnView> returns = new ArrayList<>();
    for (Return returned : life.returns) {
      returns.add(returnView(returned));
    }
    return List.copyOf(returns);
  }

  /** Caller holds the state monitor. */
  private static ReturnView returnView(Return returned) {
    List<ReturnLineView> lines = new ArrayList<>();
    for (ReturnLine line : returned.lines) {
      List<DispositionView> dispositions = new ArrayList<>();
      for (Disposition disposition : line.dispositions) {
        dispositions.add(
            new DispositionView(
                disposition.id(),
                disposition.quantity(),
                disposition.type(),
                disposition.location() == null ? null : disposition.location().id()));
      }
      lines.add(
          new ReturnLineView(
              line.id(),
              line.fulfillmentLine().id(),
              line.fulfillmentLine().lineItem().sku(),
              line.quantity(),
              line.returnReason(),
              line.processedQuantity,
              line.refundedQuantity,
              line.reverseLineId(),
              List.copyOf(dispositions)));
    }
    List<String> refundIds = new ArrayList<>();
    returned.refunds.forEach(r -> refundIds.add(r.id));
    return new ReturnView(
        returned.id,
        returned.name,
        returned.status,
        returned.createdAt,
        returned.closedAt,
        List.copyOf(lines),
        List.copyOf(refundIds));
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
   * @param webhookSecret the app's client secret, which signs every webhook
   * @param webhookRetries how many times a delivery answered non-2xx (or not at all) is retried
   * @param webhookRetryDelay the wait before the first retry; it doubles for each next one
   * @param webhookTimeout how long a receiver has to answer a delivery (Shopify gives 5 s)
   */
  public record Options(
      int port,
      String shopDomain,
      String accessToken,
      Clock clock,
      double bucketSize,
      double restoreRate,
      Duration searchIndexLag,
      boolean uniqueIdMetafieldEnforced,
      String webhookSecret,
      int webhookRetries,
      Duration webhookRetryDelay,
      Duration webhookTimeout) {

    public Options {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      Objects.requireNonNull(shopDomain, "shopDomain");
      Objects.requireNonNull(accessToken, "accessToken");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(searchIndexLag, "searchIndexLag");
      Objects.requireNonNull(webhookSecret, "webhookSecret");
      Objects.requireNonNull(webhookRetryDelay, "webhookRetryDelay");
      Objects.requireNonNull(webhookTimeout, "webhookTimeout");
      if (!(bucketSize > 0) || !(restoreRate > 0)) {
        throw new IllegalArgumentException("bucketSize and restoreRate must be positive");
      }
      if (searchIndexLag.isNegative()) {
        throw new IllegalArgumentException("searchIndexLag must not be negative");
      }
      if (webhookRetries < 0 || webhookRetryDelay.isNegative()) {
        throw new IllegalArgumentException(
            "webhookRetries and webhookRetryDelay must not be negative");
      }
      if (webhookTimeout.isNegative() || webhookTimeout.isZero()) {
        throw new IllegalArgumentException("webhookTimeout must be positive");
      }
    }

    /** The options of the first version, with the default webhook settings. */
    public Options(
        int port,
        String shopDomain,
        String accessToken,
        Clock clock,
        double bucketSize,
        double restoreRate,
        Duration searchIndexLag,
        boolean uniqueIdMetafieldEnforced) {
      this(
          port,
          shopDomain,
          accessToken,
          clock,
          bucketSize,
          restoreRate,
          searchIndexLag,
          uniqueIdMetafieldEnforced,
          DEFAULT_WEBHOOK_SECRET,
          3,
          Duration.ofMillis(200),
          Duration.ofSeconds(5));
    }

    /**
     * Port 0, {@code sandbox-store.myshopify.com}, token {@code shpat_sandbox}, the UTC system
     * clock, a 2000-point bucket restoring 100 points/s, no search lag, unique id metafields
     * enforced; webhooks signed with {@code sandbox-webhook-secret}, retried 3 times from 200 ms
     * on, with a 5 s answer timeout.
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
          uniqueIdMetafieldEnforced,
          webhookSecret,
          webhookRetries,
          webhookRetryDelay,
          webhookTimeout);
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
          uniqueIdMetafieldEnforced,
          webhookSecret,
          webhookRetries,
          webhookRetryDelay,
          webhookTimeout);
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
          uniqueIdMetafieldEnforced,
          webhookSecret,
          webhookRetries,
          webhookRetryDelay,
          webhookTimeout);
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
          uniqueIdMetafieldEnforced,
          webhookSecret,
          webhookRetries,
          webhookRetryDelay,
          webhookTimeout);
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
          uniqueIdMetafieldEnforced,
          webhookSecret,
          webhookRetries,
          webhookRetryDelay,
          webhookTimeout);
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
          uniqueIdMetafieldEnforced,
          webhookSecret,
          webhookRetries,
          webhookRetryDelay,
          webhookTimeout);
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
          uniqueIdMetafieldEnforced,
          webhookSecret,
          webhookRetries,
          webhookRetryDelay,
          webhookTimeout);
    }

    public Options withUniqueIdMetafieldEnforced(boolean enforced) {
      return new Options(
          port,
          shopDomain,
          accessToken,
          clock,
          bucketSize,
          restoreRate,
          searchIndexLag,
          enforced,
          webhookSecret,
          webhookRetries,
          webhookRetryDelay,
          webhookTimeout);
    }

    public Options withWebhookSecret(String secret) {
      return new Options(
          port,
          shopDomain,
          accessToken,
          clock,
          bucketSize,
          restoreRate,
          searchIndexLag,
          uniqueIdMetafieldEnforced,
          secret,
          webhookRetries,
          webhookRetryDelay,
          webhookTimeout);
    }

    public Options withWebhookRetries(int retries) {
      return new Options(
          port,
          shopDomain,
          accessToken,
          clock,
          bucketSize,
          restoreRate,
          searchIndexLag,
          uniqueIdMetafieldEnforced,
          webhookSecret,
          retries,
          webhookRetryDelay,
          webhookTimeout);
    }

    public Options withWebhookRetryDelay(Duration delay) {
      return new Options(
          port,
          shopDomain,
          accessToken,
          clock,
          bucketSize,
          restoreRate,
          searchIndexLag,
          uniqueIdMetafieldEnforced,
          webhookSecret,
          webhookRetries,
          delay,
          webhookTimeout);
    }

    public Options withWebhookTimeout(Duration timeout) {
      return new Options(
          port,
          shopDomain,
          accessToken,
          clock,
          bucketSize,
          restoreRate,
          searchIndexLag,
          uniqueIdMetafieldEnforced,
          webhookSecret,
          webhookRetries,
          webhookRetryDelay,
          timeout);
    }
  }
}
