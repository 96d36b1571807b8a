package io.synchron.simulator.mirakl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The marketplace's orders and their state machine. Every method is synchronized on the book, so an
 * order is decided exactly once however many threads call OR21 or the Java API at the same time.
 * Every state change stamps the order and the lines it moves with the clock's instant (millisecond
 * precision, as Mirakl's dates).
 */
final class OrderBook {
  private static final Set<String> CANCELABLE_BY_CUSTOMER =
      Set.of("STAGING", "WAITING_ACCEPTANCE", "WAITING_DEBIT", "WAITING_DEBIT_PAYMENT", "SHIPPING");

  private final Clock clock;
  private final boolean autoDebit;
  private final boolean partialAcceptance;
  private final OrderRenderer renderer;
  private final JsonMapper mapper;
  private final Map<String, SimOrder> orders = new LinkedHashMap<>();
  private final Set<String> commercialIds = new HashSet<>();
  private final Map<String, Long> offerIds = new HashMap<>();
  private int commercialSequence;
  private int customerSequence;
  private int cancelationSequence = 1000;

  OrderBook(Clock clock, boolean autoDebit, boolean partialAcceptance, JsonMapper mapper) {
    this.clock = clock;
    this.autoDebit = autoDebit;
    this.partialAcceptance = partialAcceptance;
    this.mapper = mapper;
    this.renderer = new OrderRenderer(mapper);
  }

  synchronized String place(NewOrder order) {
    String commercialId = order.commercialId();
    if (commercialId == null) {
      do {
        commercialId = String.format("Order_%05d", ++commercialSequence);
      } while (commercialIds.contains(commercialId));
    } else if (commercialIds.contains(commercialId)) {
      throw new IllegalArgumentException("commercial id " + commercialId + " is already used");
    }
    commercialIds.add(commercialId);
    String orderId = commercialId + "-A";
    Instant now = now();
    int digits = Money.minorUnits(order.currency());
    List<BigDecimal> prices = new ArrayList<>();
    for (NewLine line : order.lines()) {
      prices.add(
          Money.round(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())), digits));
    }
    List<BigDecimal> shippings = spread(Money.round(order.shippingPrice(), digits), prices, digits);
    List<SimLine> lines = new ArrayList<>();
    for (int i = 0; i < order.lines().size(); i++) {
      NewLine line = order.lines().get(i);
      BigDecimal unit = Money.round(line.unitPrice(), digits);
      BigDecimal price = prices.get(i);
      BigDecimal shipping = shippings.get(i);
      lines.add(
          new SimLine(
              orderId + "-" + (i + 1),
              i + 1,
              offerIds.computeIfAbsent(line.offerSku(), sku -> 2000L + offerIds.size()),
              line.offerSku(),
              line.productTitle(),
              line.quantity(),
              line.taxRatePercent(),
              unit,
              Money.taxOf(unit, line.taxRatePercent(), order.taxMode(), digits),
              price,
              Money.taxOf(price, line.taxRatePercent(), order.taxMode(), digits),
              order.shippingTaxRate(),
              shipping,
              Money.taxOf(shipping, order.shippingTaxRate(), order.taxMode(), digits),
              Money.round(price.add(shipping).multiply(order.commissionRate()), digits),
              now));
    }
    for (SimLine line : lines) {
      line.state = "WAITING_ACCEPTANCE";
    }
    Instant deadline =
        order.shippingDeadline() != null ? order.shippingDeadline() : now.plus(Duration.ofDays(2));
    String token =
        UUID.nameUUIDFromBytes(orderId.getBytes(StandardCharsets.UTF_8))
            .toString()
            .replace("-", "");
    orders.put(
        orderId,
        new SimOrder(
            orderId,
            commercialId,
            order.currency(),
            order.taxMode(),
            order.channelCode(),
            order.referenceForCustomer(),
            String.format("Customer_%05d", ++customerSequence),
            "notification+" + token + "@notification.mirakl.net",
            order.customer(),
            now,
            deadline,
            lines));
    return orderId;
  }

  /**
   * Spreads {@code total} over lines in proportion to their price with the largest-remainder
   * method, so that the parts are never negative and add up to the total exactly.
   */
  private static List<BigDecimal> spread(BigDecimal total, List<BigDecimal> weights, int digits) {
    BigDecimal weightSum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    int n = weights.size();
    List<BigDecimal> exact = new ArrayList<>();
    for (BigDecimal weight : weights) {
      exact.add(
          weightSum.signum() == 0
              ? total.divide(BigDecimal.valueOf(n), digits + 10, RoundingMode.DOWN)
              : total.multiply(weight).divide(weightSum, digits + 10, RoundingMode.DOWN));
    }
    List<BigDecimal> parts = new ArrayList<>();
    BigDecimal allotted = BigDecimal.ZERO;
    for (BigDecimal share : exact) {
      BigDecimal floor = share.setScale(digits, RoundingMode.DOWN);
      parts.add(floor);
      allotted = allotted.add(floor);
    }
    BigDecimal unit = BigDecimal.ONE.movePointLeft(digits);
    int remainingUnits =
        total.subtract(allotted).divide(unit, 0, RoundingMode.UNNECESSARY).intValue();
    List<Integer> byRemainder = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byRemainder.add(i);
    }
    byRemainder.sort(
        Comparator.comparing((Integer i) -> exact.get(i).subtract(parts.get(i))).reversed());
    for (int k = 0; k < remainingUnits; k++) {
      int i = byRemainder.get(k % n);
      parts.set(i, parts.get(i).add(unit));
    }
    return parts;
  }

  /** Applies an OR21 decision; returns null on success or the error to answer. */
  synchronized ApiError accept(String orderId, List<AcceptanceDecision> decisions) {
    SimOrder order = orders.get(orderId);
    if (order == null) {
      return new ApiError(404, "ORDER_NOT_FOUND", null, "Order " + orderId + " does not exist");
    }
    order.acceptCalls++;
    if (!order.state.equals("WAITING_ACCEPTANCE")) {
      return ApiError.badRequest(
          "ORDER_INVALID_STATE",
          null,
          "Order " + orderId + " is in state " + order.state + ", not WAITING_ACCEPTANCE");
    }
    Map<String, Boolean> accepted = new LinkedHashMap<>();
    for (AcceptanceDecision decision : decisions) {
      if (accepted.containsKey(decision.lineId())) {
        return ApiError.badRequest(
            "ORDER_LINE_DUPLICATE_ID",
            "order_lines",
            "Order line " + decision.lineId() + " is given more than once");
      }
      if (order.line(decision.lineId()) == null) {
        return ApiError.badRequest(
            "ORDER_LINE_NOT_FOUND",
            "order_lines",
            "Order line " + decision.lineId() + " does not belong to order " + orderId);
      }
      accepted.put(decision.lineId(), decision.accepted());
    }
    if (accepted.size() < order.lines.size()) {
      return ApiError.badRequest(
          "ORDER_LINE_ACCEPTANCE_DECISION_MISSING",
          "order_lines",
          "Every order line of " + orderId + " must be accepted or refused in one call");
    }
    boolean anyAccepted = accepted.containsValue(Boolean.TRUE);
    boolean anyRefused = accepted.containsValue(Boolean.FALSE);
    if (anyAccepted && anyRefused && !partialAcceptance) {
      return ApiError.badRequest(
          "ORDER_PARTIAL_ACCEPTANCE_DISABLED",
          "order_lines",
          "Partial acceptance is disabled for this shop");
    }
    Instant now = now();
    order.acceptanceDecisionDate = now;
    for (SimLine line : order.lines) {
      if (accepted.get(line.id)) {
        line.moveTo("WAITING_DEBIT_PAYMENT", null, null, now);
      } else {
        line.moveTo("REFUSED", "REFUSED", "Refused by the shop", now);
      }
    }
    if (!anyAccepted) {
      order.moveTo("REFUSED", "REFUSED", "Refused by the shop", now);
    } else {
      order.moveTo("WAITING_DEBIT_PAYMENT", null, null, now);
      if (autoDebit) {
        debit(order, now);
      }
    }
    return null;
  }

  synchronized void debitCustomer(String orderId) {
    SimOrder order = require(orderId, "WAITING_DEBIT_PAYMENT");
    debit(order, now());
  }

  private static void debit(SimOrder order, Instant now) {
    for (SimLine line : order.lines) {
      if (line.state.equals("WAITING_DEBIT_PAYMENT")) {
        line.moveTo("SHIPPING", null, null, now);
        line.debitedDate = now;
      }
    }
    order.moveTo("SHIPPING", null, null, now);
    order.customerDebitedDate = now;
    order.addressesReleased = true;
  }

  synchronized void failDebit(String orderId) {
    SimOrder order = require(orderId, "WAITING_DEBIT_PAYMENT");
    Instant now = now();
    String label = "Customer payment refused";
    for (SimLine line : order.lines) {
      if (!line.state.equals("REFUSED")) {
        line.moveTo("CANCELED", "REFUSED_PAYMENT", label, now);
      }
    }
    order.moveTo("CANCELED", "REFUSED_PAYMENT", label, now);
  }

  synchronized void cancelByCustomer(String orderId) {
    SimOrder order = find(orderId);
    if (!CANCELABLE_BY_CUSTOMER.contains(order.state)) {
      throw new IllegalStateException(
          "order "
              + orderId
              + " is "
              + order.state
              + "; a customer can cancel only before SHIPPED");
    }
    Instant now = now();
    String label = "Canceled by the customer";
    for (SimLine line : order.lines) {
      if (!line.state.equals("REFUSED")) {
        line.moveTo("CANCELED", "CUSTOMER_CANCELATION", label, now);
        line.cancelation =
            new SimLine.Cancelation(
                String.valueOf(++cancelationSequence), "CUSTOMER_CANCELATION", now);
      }
    }
    order.moveTo("CANCELED", "CUSTOMER_CANCELATION", label, now);
  }

  synchronized void expireAcceptance(String orderId) {
    SimOrder order = require(orderId, "WAITING_ACCEPTANCE");
    Instant now = now();
    String label = "Not accepted in time";
    for (SimLine line : order.lines) {
      line.moveTo("REFUSED", "ACCEPTANCE_TIMEOUT", label, now);
    }
    // acceptance_decision_date stays null: the spec says so for automatic refusals.
    order.moveTo("REFUSED", "ACCEPTANCE_TIMEOUT", label, now);
  }

  synchronized OrderView view(String orderId) {
    return view(find(orderId));
  }

  synchronized List<OrderView> views() {
    List<OrderView> views = new ArrayList<>();
    for (SimOrder order : orders.values()) {
      views.add(view(order));
    }
    return views;
  }

  /** The OR11 response body for {@code query}. */
  synchronized ObjectNode list(OrdersQuery query) {
    List<SimOrder> matching = new ArrayList<>();
    for (SimOrder order : orders.values()) {
      if (query.matches(order)) {
        matching.add(order);
      }
    }
    matching.sort(query.comparator());
    List<SimOrder> page = matching;
    if (query.paginate()) {
      int from = Math.min(query.offset(), matching.size());
      int to = Math.min(from + query.max(), matching.size());
      page = matching.subList(from, to);
    }
    ObjectNode body = mapper.createObjectNode();
    ArrayNode array = body.putArray("orders");
    for (SimOrder order : page) {
      array.add(renderer.render(order, query.taxMode() != null ? query.taxMode() : order.taxMode));
    }
    body.put("total_count", matching.size());
    return body;
  }

  private OrderView view(SimOrder order) {
    Map<String, String> lineStates = new LinkedHashMap<>();
    List<String> lineIds = new ArrayList<>();
    for (SimLine line : order.lines) {
      lineStates.put(line.id, line.state);
      lineIds.add(line.id);
    }
    return new OrderView(
        order.orderId,
        order.commercialId,
        order.state,
        lineStates,
        lineIds,
        order.acceptCalls,
        order.lastUpdated,
        mapper.writeValueAsString(renderer.render(order, order.taxMode)));
  }

  private SimOrder find(String orderId) {
    SimOrder order = orders.get(orderId);
    if (order == null) {
      throw new IllegalArgumentException("no order " + orderId);
    }
    return order;
  }

  private SimOrder require(String orderId, String expectedState) {
    SimOrder order = find(orderId);
    if (!order.state.equals(expectedState)) {
      throw new IllegalStateException(
          "order " + orderId + " is " + order.state + ", expected " + expectedState);
    }
    return order;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** One line of an OR21 request. */
  record AcceptanceDecision(String lineId, boolean accepted) {}
}
