package io.synchron.simulator.mirakl;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 *   <li>SH21 {@code GET /api/shipping/carriers} and RE01 {@code GET /api/reasons}: the configured
 *       {@link Options#carriers()} (sorted by label) and {@link Options#reasons()}.
 *   <li>OR23 {@code PUT /api/orders/{order_id}/tracking} (SHIPPING, or SHIPPED to correct it) and
 *       OR24 {@code PUT /api/orders/{order_id}/ship} (SHIPPING only): 204.
 *   <li>OR64 {@code PUT /api/orders/{order_id}/lines/{line}/resolve_incident} with {@code
 *       {"reason_code"}}, an INCIDENT_CLOSE reason the shop may use: 204, the line back to its
 *       state before the incident; 404 for an unknown order or line, 400 ORDER_LINE_INVALID_STATE
 *       if no incident is open on the line, 400 VALIDATION_ERROR for another reason.
 *   <li>OR29 {@code PUT /api/orders/{order_id}/cancel} (while {@code can_cancel}): 204; OR30
 *       {@code PUT /api/orders/cancel} and OR28 {@code PUT /api/orders/refund}: 200 with what was
 *       created; every entry is checked before any is applied.
 *   <li>OR74 {@code POST /api/orders/{order_id}/documents} (multipart) and OR72 {@code GET
 *       /api/orders/documents}.
 *   <li>DR11 {@code GET /api/document-request/requests}, DR12 {@code GET
 *       /api/document-request/{document_request_id}/lines}, DR74 {@code POST
 *       /api/document-request/documents/upload}: only with {@link Options#documentRequests()},
 *       else 404; see {@link #requestDocument}.
 *   <li>ST01 {@code POST /api/shipments}, ST11 {@code GET /api/shipments}, ST23 {@code POST
 *       /api/shipments/tracking}, ST24 {@code PUT /api/shipments/ship}: only with {@link
 *       Options#multiShipment()}, else 404 with body {@code {"status":404,...}} as a marketplace
 *       without multi-shipment answers.
 *   <li>Returns, only with {@link Options#returns()} (the default), else 404: RT01 {@code POST
 *       /api/returns} (the shop creates returns, {@code return_success} with each return created
 *       and {@code return_errors} {@code {message, order_commercial_id}} for each refused); RT11
 *       {@code GET /api/returns} (filters {@code return_id}, {@code return_state}, {@code
 *       return_creation_date_from/to}, {@code return_last_updated_from/to} (both ends included),
 *       {@code order_commercial_id}, {@code order_line_id}, {@code return_rma}, {@code
 *       customer_id}; sorted by {@code date_created}, the only sort the spec names, ascending
 *       unless {@code sort=date_created,DESC}); RT12 {@code GET /api/returns/items_to_return};
 *       RT21 {@code PUT /api/returns/accept}, RT25 {@code /receive}, RT26 {@code /compliance},
 *       RT27 {@code /close}, RT29 {@code /cancel}: 200 with {@code return_success} {@code [{id}]}
 *       and {@code return_errors} {@code [{id, message}]}, each return decided on its own. RT11
 *       and RT12 use seek pagination: {@code limit} (10 by default, 1 to 100), {@code
 *       page_token}, answers {@code {data, next_page_token, previous_page_token}} with the tokens
 *       absent on the last and the first page; a token carries the whole query and a position
 *       key, so the other parameters are ignored beside it (as Mirakl's shop SDK says) and items
 *       appearing meanwhile do not shift the pages. A malformed body (what the spec's schema
 *       requires missing, more than 100 returns (200 for RT01)...) is a 400 VALIDATION_ERROR.
 *       See {@link #requestReturn} for the states.
 * </ul>
 *
 * <p>A wrong state is a 400 {@code ORDER_INVALID_STATE} (or {@code ORDER_LINE_INVALID_STATE}), an
 * unknown order a 404 {@code ORDER_NOT_FOUND}, an unknown line a 400 {@code ORDER_LINE_NOT_FOUND},
 * any other bad input a 400 {@code VALIDATION_ERROR} naming the field: the codes of the spec's
 * OR21 and OR32 tables, since it documents none for these operations.
 *
 * <p>Every call needs {@code Authorization: <api key>} (the raw key, no Bearer) or gets 401. If
 * {@link Options#shopId()} is set, a call whose {@code shop_id} names another shop gets 403 (the
 * key is valid but not for that shop); the spec leaves this unsaid. Any other path is a 404 with a
 * JSON body. Errors carry {@code {"status", "message", "errors":[{"code","field","message"}]}}.
 *
 * <p>Orders follow Mirakl's state machine: WAITING_ACCEPTANCE, then through OR21 to
 * WAITING_DEBIT_PAYMENT (or REFUSED), then through the operator's debit to SHIPPING, when the
 * customer's addresses appear in OR11, then through OR24 (or shipments) to SHIPPED, through the
 * customer's receipt to RECEIVED and through the operator to CLOSED. Every change an order's OR11
 * rendering shows (state, tracking, cancellations, refunds, incidents, documents) stamps its {@code
 * last_updated_date} from the configured clock. All methods are thread-safe, and safe to call while
 * HTTP clients are calling.
 *
 * <p>Returns follow RT11's states: WAITING_ACCEPTANCE, then through RT21 to IN_PROGRESS or REFUSED
 * (a RETURN_REJECTION reason), through RT25 (or the operator) to RECEIVED, where RT26 records each
 * line's compliance, or through the operator to NO_RECEPTION, then through RT27 to CLOSED; RT29
 * (or the customer) cancels a return not yet received. Every change stamps the return's {@code
 * last_updated} and the order's {@code last_updated_date} (a simulator choice: Mirakl does not say
 * whether a return touches its order). Returns never refund: the shop refunds with OR28.
 */
public final class MiraklSimulator implements AutoCloseable {
  private static final int THREADS = 8;

  private final Options options;
  private final HttpServer server;
  private final ExecutorService executor;
  private final OrderBook book;
  private final ShipmentDesk shipments;
  private final DocumentDesk documents;
  private final DocumentRequestDesk documentRequests;
  private final ReturnDesk returns;
  private final ScriptedFaults faults = new ScriptedFaults();
  private final List<RecordedExchange> journal = new ArrayList<>();

  private MiraklSimulator(Options options) throws IOException {
    this.options = options;
    JsonMapper mapper =
        JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    this.book = new OrderBook(options, mapper);
    this.shipments = new ShipmentDesk(book, options.carriers());
    this.documents = new DocumentDesk(book, options.documentTypes());
    this.documentRequests = new DocumentRequestDesk(book, options.shopId());
    this.returns = new ReturnDesk(book, options.returns(), options.returnsAutoAccepted());
    this.server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByName("127.0.0.1"), options.port()), 0);
    this.executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
    server.setExecutor(executor);
    this.frontend = new HttpFrontend(
            options,
            book,
            shipments,
            documents,
            documentRequests,
            returns,
            faults,
            this::record,
            mapper);
    server.createContext("/", frontend);
    server.start();
  }

  private final HttpFrontend frontend;

  /**
   * Switches, while running, whether the operator allows several shipments per order (ST01 and friends); off, they
   * answer 404 as a marketplace without the feature does. Lets tests share one simulator across both readings.
   */
  public void setMultiShipment(boolean enabled) {
    frontend.multiShipment(enabled);
  }

  /**
   * Switches, while running, whether the operator uses accounting document requests (DR11, DR12,
   * DR74); off, they answer 404.
   */
  public void setDocumentRequests(boolean enabled) {
    frontend.documentRequests(enabled);
  }

  /**
   * Switches, while running, whether the operator has returns enabled (RT01 and friends); off,
   * they answer 404 and {@link #requestReturn} is refused. Returns made meanwhile are kept.
   */
  public void setReturns(boolean enabled) {
    frontend.returns(enabled);
  }

  /**
   * The customer asks to return units of a shipped order, all for one reason: a return with
   * method RETURN_METHOD_BY_MAIL, no RMA, one line per entry of {@code quantityByLineId} (in its
   * iteration order), in WAITING_ACCEPTANCE, or IN_PROGRESS with {@link
   * Options#returnsAutoAccepted()}. Nothing is refunded: the shop refunds with OR28. The return's
   * dates and the order's {@code last_updated_date} take the clock's instant.
   *
   * @param quantityByLineId order line id to the units returned (at least 1, at most what shipped
   *     of the line less what returns not REFUSED or CANCELED hold)
   * @param reasonCode a configured RETURN reason, whether or not the shop may use it
   * @return the return id (a uuid)
   * @throws IllegalArgumentException if the order, a line or the reason is unknown, the map is
   *     empty or a quantity is out of bounds
   * @throws IllegalStateException if the order is not SHIPPED, TO_COLLECT or RECEIVED, or returns
   *     are not enabled
   */
  public String requestReturn(
      String orderId, Map<String, Integer> quantityByLineId, String reasonCode) {
    Objects.requireNonNull(quantityByLineId, "quantityByLineId");
    return returns.request(orderId, quantityByLineId, reasonCode);
  }

  /**
   * The operator receives the parcel of a return: IN_PROGRESS to RECEIVED, as RT25 would.
   *
   * @throws IllegalArgumentException if the return is unknown
   * @throws IllegalStateException if the return is not IN_PROGRESS
   */
  public void receiveReturnByOperator(String returnId) {
    returns.receiveByOperator(returnId);
  }

  /**
   * The operator records that a return's parcel never arrived: IN_PROGRESS to NO_RECEPTION. Its
   * units stay held; the shop may close it (RT27).
   *
   * @throws IllegalArgumentException if the return is unknown
   * @throws IllegalStateException if the return is not IN_PROGRESS
   */
  public void markReturnNotReceived(String returnId) {
    returns.markNotReceived(returnId);
  }

  /**
   * The customer withdraws a return not yet received: WAITING_ACCEPTANCE or IN_PROGRESS to
   * CANCELED, its units returnable again.
   *
   * @throws IllegalArgumentException if the return is unknown
   * @throws IllegalStateException if the return is in another state
   */
  public void cancelReturnByCustomer(String returnId) {
    returns.cancelByCustomer(returnId);
  }

  /**
   * A snapshot of one return.
   *
   * @throws IllegalArgumentException if the return is unknown
   */
  public ReturnView returnView(String returnId) {
    return returns.view(returnId);
  }

  /**
   * Snapshots of an order's returns, in creation order.
   *
   * @throws IllegalArgumentException if the order is unknown
   */
  public List<ReturnView> returns(String orderId) {
    return returns.views(orderId);
  }

  /**
   * The operator asks the shop for an accounting document of an order: creates a request in
   * TO_PROCESS with {@code entity_type} PRODUCT_LOGISTIC_ORDER and {@code entity_id} the order id,
   * requiring one PDF. An INVOICE covers the lines not refused, less their cancellations; a
   * CREDIT_NOTE the cancellations and refunds so far. Amounts are taken now.
   *
   * @param type INVOICE or CREDIT_NOTE
   * @return the request id (a uuid)
   * @throws IllegalArgumentException if the order is unknown or the type is neither
   * @throws IllegalStateException if there is nothing to put on the document
   */
  public String requestDocument(String orderId, String type) {
    return documentRequests.create(orderId, type);
  }

  /**
   * Snapshots of the accounting document requests about an order, in creation order.
   *
   * @throws IllegalArgumentException if the order is unknown
   */
  public List<DocumentRequestView> documentRequests(String orderId) {
    return documentRequests.views(orderId);
  }

  /**
   * A copy of the bytes of a file uploaded with DR74 on a document request.
   *
   * @throws IllegalArgumentException if the request or the file is unknown
   */
  public byte[] documentRequestFile(String requestId, String fileName) {
    return documentRequests.content(requestId, fileName);
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
   * Each line still active gets a {@code cancelations[]} entry for what was not yet canceled,
   * deducted from {@code total_price}.
   *
   * @throws IllegalArgumentException if the order is unknown
   * @throws IllegalStateException if the order is SHIPPED or later, REFUSED or CANCELED, or a
   *     shipment of it has shipped
   */
  public void cancelByCustomer(String orderId) {
    book.cancelByCustomer(orderId);
  }

  /**
   * The operator cancels the whole order, as {@link #cancelByCustomer} but with {@code reasonCode}
   * (a configured CANCELATION reason, whether or not the shop may use it) on the order and on each
   * {@code cancelations[]} entry.
   *
   * @throws IllegalArgumentException if the order or the reason is unknown
   * @throws IllegalStateException if the order is SHIPPED or later, REFUSED or CANCELED
   */
  public void cancelByOperator(String orderId, String reasonCode) {
    book.cancelByOperator(orderId, reasonCode);
  }

  /**
   * The operator's customer service refunds part of a line, as OR28 would: amounts in the order's
   * own tax mode, taxes in proportion, state WAITING_REFUND.
   *
   * @param reasonCode a configured REFUND reason, whether or not the shop may use it
   * @return the refund id
   * @throws IllegalArgumentException if the order, line or reason is unknown, an amount is negative
   *     or has too many decimals, or the refunds would exceed what the line cost
   * @throws IllegalStateException if the order's state is not one of {@link
   *     Options#refundableStates()} or the line is canceled or refused
   */
  public String refundByOperator(
      String orderId,
      String lineId,
      BigDecimal amount,
      BigDecimal shippingAmount,
      String reasonCode) {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(shippingAmount, "shippingAmount");
    return book.refundByOperator(orderId, lineId, amount, shippingAmount, reasonCode);
  }

  /**
   * The operator refunds a line with explicit taxes per code (the order's tax code is {@code VAT}),
   * e.g. a tax-only refund: amount and shipping zero, taxes given. Same rules as {@link
   * #refundByOperator(String, String, BigDecimal, BigDecimal, String)}.
   */
  public String refundByOperator(
      String orderId,
      String lineId,
      BigDecimal amount,
      BigDecimal shippingAmount,
      Map<String, BigDecimal> taxes,
      String reasonCode) {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(shippingAmount, "shippingAmount");
    Objects.requireNonNull(taxes, "taxes");
    return book.refundByOperator(orderId, lineId, amount, shippingAmount, taxes, reasonCode);
  }

  /**
   * The operator pays back every refund of the order still waiting: each becomes REFUNDED with a
   * transaction number and date. Stamps the order only if a refund changed.
   *
   * @throws IllegalArgumentException if the order is unknown
   */
  public void completeRefunds(String orderId) {
    book.completeRefunds(orderId);
  }

  /**
   * The customer confirms receipt: SHIPPED (or TO_COLLECT) to RECEIVED, shipped lines too with
   * {@code received_date}.
   *
   * @throws IllegalArgumentException if the order is unknown
   * @throws IllegalStateException if the order is not SHIPPED or TO_COLLECT
   */
  public void confirmReceipt(String orderId) {
    book.confirmReceipt(orderId);
  }

  /**
   * The operator closes the order: SHIPPED, TO_COLLECT or RECEIVED to CLOSED, active lines too.
   * Not to be confused with {@link #close()}, which stops the simulator.
   *
   * @throws IllegalArgumentException if the order is unknown
   * @throws IllegalStateException if the order is in another state, or an incident is open on one
   *     of its lines
   */
  public void close(String orderId) {
    book.close(orderId);
  }

  /**
   * The customer opens an incident on a shipped line: the line goes to INCIDENT_OPEN with the
   * reason as its state reason, OR11 shows {@code has_incident=true} (and the order under {@code
   * has_incident=true}), and the order's {@code last_updated_date} moves. The order's own state
   * does not change. While the incident is open the order may be received ({@link
   * #confirmReceipt}; the line is received underneath) but not closed ({@link #close(String)}).
   * The shop resolves it with OR64.
   *
   * @param reasonCode a configured INCIDENT_OPEN reason, whether or not the shop may use it
   * @throws IllegalArgumentException if the order, line or reason is unknown
   * @throws IllegalStateException if the line is not SHIPPED, TO_COLLECT or RECEIVED (an incident
   *     already open included)
   */
  public void openIncident(String orderId, String lineId, String reasonCode) {
    book.openIncident(orderId, lineId, reasonCode);
  }

  /**
   * Whether an incident is open on the line (its state is INCIDENT_OPEN).
   *
   * @throws IllegalArgumentException if the order or line is unknown
   */
  public boolean incidentOpen(String orderId, String lineId) {
    return book.incidentOpen(orderId, lineId);
  }

  /**
   * A copy of the bytes of a document uploaded with OR74.
   *
   * @throws IllegalArgumentException if the order or the document is unknown
   */
  public byte[] documentContent(String orderId, long documentId) {
    return documents.content(orderId, documentId);
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

  /**
   * How many journaled exchanges matched {@code operation} and named {@code orderId} (see {@link
   * RecordedExchange#orderIds()}), whatever their answer: rejected, faulted and rate-limited calls
   * count too, as they reached the marketplace.
   */
  public int callCount(String operation, String orderId) {
    int count = 0;
    for (RecordedExchange exchange : journal()) {
      if (operation.equals(exchange.operation()) && exchange.orderIds().contains(orderId)) {
        count++;
      }
    }
    return count;
  }

  /** How many journaled exchanges matched {@code operation}, whatever their answer. */
  public int callCount(String operation) {
    int count = 0;
    for (RecordedExchange exchange : journal()) {
      if (operation.equals(exchange.operation())) {
        count++;
      }
    }
    return count;
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
   * @param minIntervalPerOperation per operation code ("OR11", "OR21"...), the least time between
   *     two admitted calls; a call sooner gets 429 with {@code Retry-After} in whole seconds
   *     (rounded up) and changes nothing
   * @param carriers the registered carriers SH21 lists and {@code carrier_code} may name; codes
   *     unique
   * @param reasons the reasons RE01 lists; (code, type) pairs unique
   * @param multiShipment whether the multi-shipment API (ST01, ST11, ST23, ST24) is enabled
   * @param refundableStates the order states in which OR28 may refund
   * @param documentTypes the document type codes OR74 accepts
   * @param documentRequests whether the operator uses accounting document requests (DR11, DR12,
   *     DR74); off, they answer 404 as an operator without them does
   * @param returns whether the operator has returns enabled (RT01, RT11, RT12, RT21, RT25, RT26,
   *     RT27, RT29); off, they answer 404 as a platform without the feature does
   * @param returnsAutoAccepted whether a return is accepted (IN_PROGRESS) as soon as it is
   *     created, instead of waiting for the shop's RT21 decision; RT01's own {@code accepted}
   *     overrides it
   */
  public record Options(
      int port,
      String apiKey,
      Long shopId,
      Clock clock,
      boolean autoDebit,
      boolean partialAcceptance,
      Map<String, Duration> minIntervalPerOperation,
      List<Carrier> carriers,
      List<Reason> reasons,
      boolean multiShipment,
      Set<String> refundableStates,
      Set<String> documentTypes,
      boolean documentRequests,
      boolean returns,
      boolean returnsAutoAccepted) {

    /** SHIPPED, TO_COLLECT and RECEIVED: after shipment, never once CLOSED (reference 4.1). */
    public static final Set<String> DEFAULT_REFUNDABLE_STATES =
        Set.of("SHIPPED", "TO_COLLECT", "RECEIVED");

    /**
     * The order document types of the spec's DO01 and OR74 texts: CUSTOMER_INVOICE, which a shop
     * uploads, and the system types a shop may not upload (operator-only delivery bills, message
     * attachments).
     */
    public static final Set<String> DEFAULT_DOCUMENT_TYPES =
        Set.of(
            "CUSTOMER_INVOICE",
            "SYSTEM_DELIVERY_BILL",
            "SYSTEM_SHIPMENT_DELIVERY_BILL",
            "SYSTEM_MESSAGE_ATTACHMENT");

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
      carriers = List.copyOf(carriers);
      Set<String> codes = new HashSet<>();
      for (Carrier carrier : carriers) {
        if (!codes.add(carrier.code())) {
          throw new IllegalArgumentException("carrier code " + carrier.code() + " is repeated");
        }
      }
      reasons = List.copyOf(reasons);
      Set<String> keys = new HashSet<>();
      for (Reason reason : reasons) {
        if (!keys.add(reason.type() + "/" + reason.code())) {
          throw new IllegalArgumentException(
              "reason " + reason.code() + " of type " + reason.type() + " is repeated");
        }
      }
      refundableStates = Set.copyOf(refundableStates);
      for (String state : refundableStates) {
        if (!OrdersQuery.ORDER_STATES.contains(state)) {
          throw new IllegalArgumentException("unknown order state " + state);
        }
      }
      documentTypes = Set.copyOf(documentTypes);
    }

    /** The settings before returns, which are on and wait for the shop's acceptance. */
    public Options(
        int port,
        String apiKey,
        Long shopId,
        Clock clock,
        boolean autoDebit,
        boolean partialAcceptance,
        Map<String, Duration> minIntervalPerOperation,
        List<Carrier> carriers,
        List<Reason> reasons,
        boolean multiShipment,
        Set<String> refundableStates,
        Set<String> documentTypes,
        boolean documentRequests) {
      this(
          port,
          apiKey,
          shopId,
          clock,
          autoDebit,
          partialAcceptance,
          minIntervalPerOperation,
          carriers,
          reasons,
          multiShipment,
          refundableStates,
          documentTypes,
          documentRequests,
          true,
          false);
    }

    /** The settings before accounting document requests, which are off. */
    public Options(
        int port,
        String apiKey,
        Long shopId,
        Clock clock,
        boolean autoDebit,
        boolean partialAcceptance,
        Map<String, Duration> minIntervalPerOperation,
        List<Carrier> carriers,
        List<Reason> reasons,
        boolean multiShipment,
        Set<String> refundableStates,
        Set<String> documentTypes) {
      this(
          port,
          apiKey,
          shopId,
          clock,
          autoDebit,
          partialAcceptance,
          minIntervalPerOperation,
          carriers,
          reasons,
          multiShipment,
          refundableStates,
          documentTypes,
          false);
    }

    /**
     * The settings of the first version of the simulator, with default carriers, reasons,
     * refundable states and document types and no multi-shipment.
     */
    public Options(
        int port,
        String apiKey,
        Long shopId,
        Clock clock,
        boolean autoDebit,
        boolean partialAcceptance,
        Map<String, Duration> minIntervalPerOperation) {
      this(
          port,
          apiKey,
          shopId,
          clock,
          autoDebit,
          partialAcceptance,
          minIntervalPerOperation,
          Carrier.defaults(),
          Reason.defaults(),
          false,
          DEFAULT_REFUNDABLE_STATES,
          DEFAULT_DOCUMENT_TYPES,
          false);
    }

    /**
     * Port 0, key {@code sandbox-mirakl-key}, no shop id, the UTC system clock, no auto-debit, no
     * partial acceptance, no rate limit, {@link Carrier#defaults()}, {@link Reason#defaults()}, no
     * multi-shipment, {@link #DEFAULT_REFUNDABLE_STATES}, {@link #DEFAULT_DOCUMENT_TYPES}, no
     * accounting document requests, returns enabled and waiting for the shop's acceptance.
     */
    public static Options defaults() {
      return new Options(0, "sandbox-mirakl-key", null, Clock.systemUTC(), false, false, Map.of());
    }

    public Options withPort(int port) {
      return new Options(
          port, apiKey, shopId, clock, autoDebit, partialAcceptance, minIntervalPerOperation,
          carriers, reasons, multiShipment, refundableStates, documentTypes, documentRequests,
          returns, returnsAutoAccepted);
    }

    public Options withApiKey(String apiKey) {
      return new Options(
          port, apiKey, shopId, clock, autoDebit, partialAcceptance, minIntervalPerOperation,
          carriers, reasons, multiShipment, refundableStates, documentTypes, documentRequests,
          returns, returnsAutoAccepted);
    }

    public Options withShopId(Long shopId) {
      return new Options(
          port, apiKey, shopId, clock, autoDebit, partialAcceptance, minIntervalPerOperation,
          carriers, reasons, multiShipment, refundableStates, documentTypes, documentRequests,
          returns, returnsAutoAccepted);
    }

    public Options withClock(Clock clock) {
      return new Options(
          port, apiKey, shopId, clock, autoDebit, partialAcceptance, minIntervalPerOperation,
          carriers, reasons, multiShipment, refundableStates, documentTypes, documentRequests,
          returns, returnsAutoAccepted);
    }

    public Options withAutoDebit(boolean autoDebit) {
      return new Options(
          port, apiKey, shopId, clock, autoDebit, partialAcceptance, minIntervalPerOperation,
          carriers, reasons, multiShipment, refundableStates, documentTypes, documentRequests,
          returns, returnsAutoAccepted);
    }

    public Options withPartialAcceptance(boolean partialAcceptance) {
      return new Options(
          port, apiKey, shopId, clock, autoDebit, partialAcceptance, minIntervalPerOperation,
          carriers, reasons, multiShipment, refundableStates, documentTypes, documentRequests,
          returns, returnsAutoAccepted);
    }

    public Options withMinIntervalPerOperation(Map<String, Duration> minIntervalPerOperation) {
      return new Options(
          port, apiKey, shopId, clock, autoDebit, partialAcceptance, minIntervalPerOperation,
          carriers, reasons, multiShipment, refundableStates, documentTypes, documentRequests,
          returns, returnsAutoAccepted);
    }

    public Options withCarriers(List<Carrier> carriers) {
      return new Options(
          port, apiKey, shopId, clock, autoDebit, partialAcceptance, minIntervalPerOperation,
          carriers, reasons, multiShipment, refundableStates, documentTypes, documentRequests,
          returns, returnsAutoAccepted);
    }

    public Options withReasons(List<Reason> reasons) {
      return new Options(
          port, apiKey, shopId, clock, autoDebit, partialAcceptance, minIntervalPerOperation,
          carriers, reasons, multiShipment, refundableStates, documentTypes, documentRequests,
          returns, returnsAutoAccepted);
    }

    public Options withMultiShipment(boolean multiShipment) {
      return new Options(
          port, apiKey, shopId, clock, autoDebit, partialAcceptance, minIntervalPerOperation,
          carriers, reasons, multiShipment, refundableStates, documentTypes, documentRequests,
          returns, returnsAutoAccepted);
    }

    public Options withRefundableStates(Set<String> refundableStates) {
      return new Options(
          port, apiKey, shopId, clock, autoDebit, partialAcceptance, minIntervalPerOperation,
          carriers, reasons, multiShipment, refundableStates, documentTypes, documentRequests,
          returns, returnsAutoAccepted);
    }

    public Options withDocumentTypes(Set<String> documentTypes) {
      return new Options(
          port, apiKey, shopId, clock, autoDebit, partialAcceptance, minIntervalPerOperation,
          carriers, reasons, multiShipment, refundableStates, documentTypes, documentRequests,
          returns, returnsAutoAccepted);
    }

    public Options withDocumentRequests(boolean documentRequests) {
      return new Options(
          port, apiKey, shopId, clock, autoDebit, partialAcceptance, minIntervalPerOperation,
          carriers, reasons, multiShipment, refundableStates, documentTypes, documentRequests,
          returns, returnsAutoAccepted);
    }

    public Options withReturns(boolean returns) {
      return new Options(
          port, apiKey, shopId, clock, autoDebit, partialAcceptance, minIntervalPerOperation,
          carriers, reasons, multiShipment, refundableStates, documentTypes, documentRequests,
          returns, returnsAutoAccepted);
    }

    public Options withReturnsAutoAccepted(boolean returnsAutoAccepted) {
      return new Options(
          port, apiKey, shopId, clock, autoDebit, partialAcceptance, minIntervalPerOperation,
          carriers, reasons, multiShipment, refundableStates, documentTypes, documentRequests,
          returns, returnsAutoAccepted);
    }
  }
}
