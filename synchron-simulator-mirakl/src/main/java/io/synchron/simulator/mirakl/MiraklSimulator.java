package io.synchron.simulator.mirakl;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running simulator of the Mirakl seller API on 127.0.0.1, serving:
 *
 * <ul>
 *   <li>OR11 {@code GET /api/orders}: filters {@code order_ids}, {@code order_state_codes}, {@code
 *       channel_codes}, {@code order_references_for_customer}, {@code start_date}/{@code end_date},
 *       {@code start_update_date}/{@code end_update_date} (both ends included, no time delta
 *       subtracted), {@code customer_debited}, {@code has_incident}, {@code payment_workflow};
 *       {@code order_tax_mode} picks the tax mode of the price fields; offset pagination with
 *       {@code max} (default 10, clamped to 100), {@code offset}, {@code paginate}, {@code sort}
 *       (dateCreated, dateUpdated), {@code order} (asc, desc).
 *   <li>OR21 {@code PUT /api/orders/{order_id}/accept}: 204 on success, else 404 ORDER_NOT_FOUND or
 *       400 with one of the spec's OR21 error codes.
 * </ul>
 *
 * <p>Every call needs {@code Authorization: <api key>} (the raw key, no Bearer) or gets 401. If
 * {@link Options#shopId()} is set, a call whose {@code shop_id} names another shop gets 403 (the
 * key is valid but not for that shop); the spec leaves this unsaid. Any other path is a 404 with a
 * JSON body. Errors carry {@code {"status", "message", "errors":[{"code","field","message"}]}}.
 *
 * <p>Orders follow Mirakl's state machine: WAITING_ACCEPTANCE, then through OR21 to
 * WAITING_DEBIT_PAYMENT (or REFUSED), then through the operator's debit to SHIPPING, when the
 * customer's addresses appear in OR11. Every state change stamps {@code last_updated_date} from the
 * configured clock. All methods are thread-safe, and safe to call while HTTP clients are calling.
 */
public final class MiraklSimulator implements AutoCloseable {
  private static final int THREADS = 8;

  private final Options options;
  private final HttpServer server;
  private final ExecutorService executor;
  private final OrderBook book;
  private final ScriptedFaults faults = new ScriptedFaults();
  private final List<RecordedExchange> journal = new ArrayList<>();

  private MiraklSimulator(Options options) throws IOException {
    this.options = options;
    JsonMapper mapper =
        JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    this.book =
        new OrderBook(options.clock(), options.autoDebit(), options.partialAcceptance(), mapper);
    this.server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByName("127.0.0.1"), options.port()), 0);
    this.executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
    server.setExecutor(executor);
    server.createContext("/", new HttpFrontend(options, book, faults, this::record, mapper));
    server.start();
  }

  /** Starts a simulator bound to 127.0.0.1 on {@code options.port()} (0 picks a free port). */
  public static MiraklSimulator start(Options options) {
    Objects.requireNonNull(options, "options");
    try {
      return new MiraklSimulator(options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Mirakl simulator", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}; API paths start with {@code /api}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The API key clients must send as the raw {@code Authorization} header. */
  public String apiKey() {
    return options.apiKey();
  }

  /**
   * A customer buys: creates a logistic order in WAITING_ACCEPTANCE and returns its order id
   * ({@code <commercial_id>-A}); its lines are {@code <order_id>-1}, {@code -2}...
   *
   * @throws IllegalArgumentException if the commercial id is already used
   */
  public String placeOrder(NewOrder order) {
    return book.place(Objects.requireNonNull(order, "order"));
  }

  /**
   * The operator debits the customer: WAITING_DEBIT_PAYMENT to SHIPPING, {@code
   * customer_debited_date} set, addresses now visible.
   *
   * @throws IllegalArgumentException if the order is unknown
   * @throws IllegalStateException if the order is not in WAITING_DEBIT_PAYMENT
   */
  public void debitCustomer(String orderId) {
    book.debitCustomer(orderId);
  }

  /**
   * The customer's payment fails: WAITING_DEBIT_PAYMENT to CANCELED, reason code REFUSED_PAYMENT.
   *
   * @throws IllegalArgumentException if the order is unknown
   * @throws IllegalStateException if the order is not in WAITING_DEBIT_PAYMENT
   */
  public void failDebit(String orderId) {
    book.failDebit(orderId);
  }

  /**
   * The customer cancels: any state up to SHIPPING to CANCELED, reason code CUSTOMER_CANCELATION.
   * Each line that was not refused gets a full {@code cancelations[]} entry, deducted from {@code
   * total_price}.
   *
   * @throws IllegalArgumentException if the order is unknown
   * @throws IllegalStateException if the order is SHIPPED or later, REFUSED or CANCELED
   */
  public void cancelByCustomer(String orderId) {
    book.cancelByCustomer(orderId);
  }

  /**
   * The acceptance delay runs out: WAITING_ACCEPTANCE to REFUSED, reason code ACCEPTANCE_TIMEOUT,
   * {@code acceptance_decision_date} left null.
   *
   * @throws IllegalArgumentException if the order is unknown
   * @throws IllegalStateException if the order is not in WAITING_ACCEPTANCE
   */
  public void expireAcceptance(String orderId) {
    book.expireAcceptance(orderId);
  }

  /**
   * A snapshot of one order.
   *
   * @throws IllegalArgumentException if the order is unknown
   */
  public OrderView order(String orderId) {
    return book.view(orderId);
  }

  /** Snapshots of all orders, in creation order. */
  public List<OrderView> orders() {
    return book.views();
  }

  /** The fault script, consumed by later calls. */
  public ScriptedFaults faults() {
    return faults;
  }

  /** Every HTTP exchange so far, in the order they were answered. */
  public List<RecordedExchange> journal() {
    synchronized (journal) {
      return List.copyOf(journal);
    }
  }

  /** Forgets the recorded exchanges. */
  public void clearJournal() {
    synchronized (journal) {
      journal.clear();
    }
  }

  private void record(RecordedExchange exchange) {
    synchronized (journal) {
      journal.add(exchange);
    }
  }

  /** Stops serving at once; answers held back by a delay fault are abandoned. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "mirakl-simulator-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Simulator settings.
   *
   * @param port TCP port on 127.0.0.1, 0 for a free one
   * @param apiKey the only API key accepted
   * @param shopId the shop the key belongs to, or null to accept any {@code shop_id}
   * @param clock the clock of every date the simulator writes and of rate limiting
   * @param autoDebit whether a full or partial acceptance moves the order straight on to SHIPPING,
   *     as a marketplace that debits at once
   * @param partialAcceptance whether OR21 may accept some lines and refuse others (else 400
   *     ORDER_PARTIAL_ACCEPTANCE_DISABLED)
   * @param minIntervalPerOperation per operation code ("OR11", "OR21"), the least time between two
   *     admitted calls; a call sooner gets 429 with {@code Retry-After} in whole seconds (rounded
   *     up) and changes nothing
   */
  public record Options(
      int port,
      String apiKey,
      Long shopId,
      Clock clock,
      boolean autoDebit,
      boolean partialAcceptance,
      Map<String, Duration> minIntervalPerOperation) {

    public Options {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalArgumentException("apiKey must not be blank");
      }
      Objects.requireNonNull(clock, "clock");
      minIntervalPerOperation = Map.copyOf(minIntervalPerOperation);
      minIntervalPerOperation.forEach(
          (operation, interval) -> {
            if (interval.isNegative()) {
              throw new IllegalArgumentException("negative interval for " + operation);
            }
          });
    }

    /**
     * Port 0, key {@code sandbox-mirakl-key}, no shop id, the UTC system clock, no auto-debit, no
     * partial acceptance, no rate limit.
     */
    public static Options defaults() {
      return new Options(0, "sandbox-mirakl-key", null, Clock.systemUTC(), false, false, Map.of());
    }

    public Options withPort(int port) {
      return new Options(
          port, apiKey, shopId, clock, autoDebit, partialAcceptance, minIntervalPerOperation);
    }

    public Options withApiKey(String apiKey) {
      return new Options(
          port, apiKey, shopId, clock, autoDebit, partialAcceptance, minIntervalPerOperation);
    }

    public Options withShopId(Long shopId) {
      return new Options(
          port, apiKey, shopId, clock, autoDebit, partialAcceptance, minIntervalPerOperation);
    }

    public Options withClock(Clock clock) {
      return new Options(
          port, apiKey, shopId, clock, autoDebit, partialAcceptance, minIntervalPerOperation);
    }

    public Options withAutoDebit(boolean autoDebit) {
      return new Options(
          port, apiKey, shopId, clock, autoDebit, partialAcceptance, minIntervalPerOperation);
    }

    public Options withPartialAcceptance(boolean partialAcceptance) {
      return new Options(
          port, apiKey, shopId, clock, autoDebit, partialAcceptance, minIntervalPerOperation);
    }

    public Options withMinIntervalPerOperation(Map<String, Duration> minIntervalPerOperation) {
      return new Options(
          port, apiKey, shopId, clock, autoDebit, partialAcceptance, minIntervalPerOperation);
    }
  }
}
