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
import java.util.LinkedHashSet;
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
  private final List<Reason> reasons;
  private final Set<String> refundableStates;
  private final OrderRenderer renderer;
  private final JsonMapper mapper;
  private final Map<String, SimOrder> orders = new LinkedHashMap<>();
  private final Map<String, SimOrder> lineOwners = new HashMap<>();
  private final Set<String> commercialIds = new HashSet<>();
  private final Map<String, Long> offerIds = new HashMap<>();
  private int commercialSequence;
  private int customerSequence;
  private int cancelationSequence = 1000;
  private int refundSequence = 5000;
  private int refundGroupSequence;

  OrderBook(MiraklSimulator.Options options, JsonMapper mapper) {
    this.clock = options.clock();
    this.autoDebit = options.autoDebit();
    this.partialAcceptance = options.partialAcceptance();
    this.reasons = options.reasons();
    this.refundableStates = options.refundableStates();
    this.mapper = mapper;
    this.renderer = new OrderRenderer(mapper, refundableStates);
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
    SimOrder placed =
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
            lines);
    orders.put(orderId, placed);
    for (SimLine line : lines) {
      lineOwners.put(line.id, placed);
    }
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
    SimOrder order = requireCancelableBeforeShipment(orderId, "a customer");
    cancelRemaining(order, "CUSTOMER_CANCELATION", "Canceled by the customer", now());
  }

  synchronized void cancelByOperator(String orderId, String reasonCode) {
    Reason reason = reasonOfType(reasonCode, Reason.CANCELATION);
    if (reason == null) {
      throw new IllegalArgumentException("no CANCELATION reason " + reasonCode);
    }
    SimOrder order = requireCancelableBeforeShipment(orderId, "the operator");
    cancelRemaining(order, reason.code(), reason.label(), now());
  }

  private SimOrder requireCancelableBeforeShipment(String orderId, String who) {
    SimOrder order = find(orderId);
    if (!CANCELABLE_BY_CUSTOMER.contains(order.state) || order.anythingShipped()) {
      throw new IllegalStateException(
          "order " + orderId + " is " + order.state + "; " + who + " cancels only before SHIPPED");
    }
    return order;
  }

  /**
   * Cancels what is left of every active line, each with a {@code cancelations[]} entry for its
   * remaining amounts and quantity, and the order with it.
   */
  private void cancelRemaining(SimOrder order, String code, String label, Instant now) {
    for (SimLine line : order.lines) {
      if (!line.active()) {
        continue;
      }
      Adjustment.Totals left = line.paid().minus(line.adjusted());
      line.cancelations.add(
          new SimLine.Cancelation(
              String.valueOf(++cancelationSequence),
              code,
              line.quantity - line.canceledQuantity(),
              left,
              Adjustment.commission(order, line, left),
              now));
      line.moveTo("CANCELED", code, label, now);
    }
    for (SimShipment shipment : order.shipments) {
      if (shipment.status.equals("SHIPPING")) {
        shipment.status = "CANCELED";
        shipment.lastUpdated = now;
      }
    }
    order.moveTo("CANCELED", code, label, now);
  }

  /** OR29: the shop cancels the whole order, which must be cancelable ({@code can_cancel}). */
  synchronized void cancelOrder(String orderId) {
    SimOrder order = findForApi(orderId);
    if (!OrderRenderer.canCancel(order)) {
      throw new ApiError.Failure(
          ApiError.badRequest(
              "ORDER_INVALID_STATE",
              null,
              "Order " + orderId + " cannot be canceled in state " + order.state));
    }
    cancelRemaining(order, "SHOP_CANCELATION", "Canceled by the shop", now());
  }

  /** OR30: cancels parts of lines; all entries are checked before any is applied. */
  synchronized ObjectNode cancelLines(List<Adjustment.Request> requests, String taxMode) {
    List<Planned> plan =
        plan(
            requests,
            "cancelations",
            Reason.CANCELATION,
            (order, line, request) -> {
              if (!OrderRenderer.canCancel(order)) {
                throw new ApiError.Failure(
                    ApiError.badRequest(
                        "ORDER_INVALID_STATE",
                        request.field() + ".order_line_id",
                        "Order " + order.orderId + " cannot be canceled in state " + order.state));
              }
              if (!line.state.equals("SHIPPING")) {
                throw lineInvalidState(line, request);
              }
            });
    Map<String, Integer> quantities = new HashMap<>();
    for (Planned planned : plan) {
      SimOrder order = planned.order;
      SimLine line = planned.line;
      int quantity = planned.request.quantity() + quantities.getOrDefault(line.id, 0);
      int cancelable = line.quantity - line.canceledQuantity() - order.quantityInShipments(line);
      if (quantity > cancelable) {
        throw invalid(
            planned.request.field() + ".quantity",
            "Only " + cancelable + " unit(s) of order line " + line.id + " can be canceled");
      }
      quantities.put(line.id, quantity);
    }
    Instant now = now();
    ObjectNode body = mapper.createObjectNode();
    ArrayNode created = body.putArray("cancelations");
    Map<SimOrder, Reason> touched = new LinkedHashMap<>();
    for (Planned planned : plan) {
      SimOrder order = planned.order;
      SimLine line = planned.line;
      SimLine.Cancelation cancelation =
          new SimLine.Cancelation(
              String.valueOf(++cancelationSequence),
              planned.request.reasonCode(),
              planned.request.quantity(),
              planned.amounts,
              Adjustment.commission(order, line, planned.amounts),
              now);
      line.cancelations.add(cancelation);
      line.lastUpdated = now;
      Adjustment.Totals left = line.paid().minus(line.canceled());
      boolean allUnits = line.canceledQuantity() >= line.quantity;
      boolean allMoney = left.amount().signum() == 0 && left.shipping().signum() == 0;
      Reason reason = reasonOfType(cancelation.reasonCode(), Reason.CANCELATION);
      if (allUnits || allMoney) {
        line.moveTo("CANCELED", reason.code(), reason.label(), now);
      }
      touched.put(order, reason);
      created.add(
          renderer.renderAdjustment(
              order,
              line,
              planned.amounts,
              cancelation.reasonCode(),
              cancelation.quantity(),
              responseMode(order, taxMode),
              "cancelation_id",
              cancelation.id()));
    }
    for (Map.Entry<SimOrder, Reason> entry : touched.entrySet()) {
      SimOrder order = entry.getKey();
      order.lastUpdated = now;
      if (order.lines.stream().noneMatch(SimLine::active)) {
        order.moveTo("CANCELED", entry.getValue().code(), entry.getValue().label(), now);
      }
    }
    body.put("order_tax_mode", responseMode(plan.get(0).order, taxMode));
    return body;
  }

  /** OR28: refunds parts of lines; all entries are checked before any is applied. */
  synchronized ObjectNode refund(List<Adjustment.Request> requests, String taxMode) {
    List<Planned> plan =
        plan(requests, "refunds", Reason.REFUND, (order, line, request) -> requireRefundable(
            order, line, request));
    Instant now = now();
    ObjectNode body = mapper.createObjectNode();
    ArrayNode created = body.putArray("refunds");
    Map<SimOrder, String> groups = new HashMap<>();
    for (Planned planned : plan) {
      String group = groups.computeIfAbsent(planned.order, order -> nextRefundGroup());
      SimLine.Refund refund = addRefund(planned, group, now);
      ObjectNode json =
          renderer.renderAdjustment(
              planned.order,
              planned.line,
              planned.amounts,
              refund.reasonCode,
              refund.quantity,
              responseMode(planned.order, taxMode),
              "refund_id",
              refund.id);
      json.put("order_refund_id", group);
      json.put("excluded_from_shipment", false);
      created.add(json);
    }
    body.put("order_tax_mode", responseMode(plan.get(0).order, taxMode));
    return body;
  }

  /** A refund the operator's customer service makes, amounts in the order's own tax mode. */
  synchronized String refundByOperator(
      String orderId, String lineId, BigDecimal amount, BigDecimal shippingAmount, String reason) {
    return refundByOperator(orderId, lineId, amount, shippingAmount, null, reason);
  }

  synchronized String refundByOperator(
      String orderId,
      String lineId,
      BigDecimal amount,
      BigDecimal shippingAmount,
      Map<String, BigDecimal> taxes,
      String reason) {
    SimOrder order = find(orderId);
    SimLine line = order.line(lineId);
    if (line == null) {
      throw new IllegalArgumentException("order " + orderId + " has no line " + lineId);
    }
    if (reasonOfType(reason, Reason.REFUND) == null) {
      throw new IllegalArgumentException("no REFUND reason " + reason);
    }
    Adjustment.Request request =
        new Adjustment.Request(
            lineId, amount, shippingAmount, 0, reason, taxes, null, null, "refund");
    try {
      requireRefundable(order, line, request);
      Adjustment.Totals left = line.paid().minus(line.adjusted());
      Adjustment.Totals amounts = Adjustment.toNative(order, line, request, left);
      requireWithin(left, amounts, request);
      return addRefund(new Planned(order, line, request, amounts), nextRefundGroup(), now()).id;
    } catch (ApiError.Failure failure) {
      String code = failure.error.code();
      if (code != null && code.endsWith("INVALID_STATE")) {
        throw new IllegalStateException(failure.getMessage());
      }
      throw new IllegalArgumentException(failure.getMessage());
    }
  }

  private SimLine.Refund addRefund(Planned planned, String group, Instant now) {
    SimLine.Refund refund =
        new SimLine.Refund(
            String.valueOf(++refundSequence),
            group,
            planned.request.reasonCode(),
            planned.request.quantity(),
            planned.amounts,
            Adjustment.commission(planned.order, planned.line, planned.amounts),
            now);
    planned.line.refunds.add(refund);
    planned.line.lastUpdated = now;
    planned.order.lastUpdated = now;
    return refund;
  }

  private String nextRefundGroup() {
    return UUID.nameUUIDFromBytes(
            ("refund-group-" + ++refundGroupSequence).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private void requireRefundable(SimOrder order, SimLine line, Adjustment.Request request) {
    if (!refundableStates.contains(order.state)) {
      throw new ApiError.Failure(
          ApiError.badRequest(
              "ORDER_INVALID_STATE",
              request.field() + ".order_line_id",
              "Order " + order.orderId + " cannot be refunded in state " + order.state));
    }
    if (!line.active()) {
      throw lineInvalidState(line, request);
    }
    if (request.quantity() > line.quantity) {
      throw invalid(
          request.field() + ".quantity",
          "Order line " + line.id + " has only " + line.quantity + " unit(s)");
    }
  }

  /** Marks every refund still waiting as paid back to the customer. */
  synchronized void completeRefunds(String orderId) {
    SimOrder order = find(orderId);
    Instant now = now();
    for (SimLine line : order.lines) {
      for (SimLine.Refund refund : line.refunds) {
        if (!refund.state.equals("REFUNDED")) {
          refund.state = "REFUNDED";
          refund.transactionDate = now;
          refund.transactionNumber = "RF-" + refund.id;
          line.lastUpdated = now;
          order.lastUpdated = now;
        }
      }
    }
  }

  synchronized void confirmReceipt(String orderId) {
    SimOrder order = find(orderId);
    if (!order.state.equals("SHIPPED") && !order.state.equals("TO_COLLECT")) {
      throw new IllegalStateException(
          "order " + orderId + " is " + order.state + "; only a SHIPPED order can be received");
    }
    Instant now = now();
    for (SimLine line : order.lines) {
      if (line.state.equals("SHIPPED") || line.state.equals("TO_COLLECT")) {
        line.moveTo("RECEIVED", null, null, now);
        line.receivedDate = now;
      } else if (line.state.equals("INCIDENT_OPEN")
          && !"RECEIVED".equals(line.stateBeforeIncident)) {
        // The incident stays open; the line is received underneath, and goes back to RECEIVED
        // when the incident is resolved.
        line.stateBeforeIncident = "RECEIVED";
        line.receivedDate = now;
        line.lastUpdated = now;
      }
    }
    for (SimShipment shipment : order.shipments) {
      if (shipment.status.equals("SHIPPED")) {
        shipment.status = "RECEIVED";
        shipment.lastUpdated = now;
      }
    }
    order.moveTo("RECEIVED", null, null, now);
  }

  synchronized void close(String orderId) {
    SimOrder order = find(orderId);
    if (!Set.of("SHIPPED", "TO_COLLECT", "RECEIVED").contains(order.state)) {
      throw new IllegalStateException(
          "order " + orderId + " is " + order.state + "; only a shipped order can be closed");
    }
    if (order.hasIncident()) {
      throw new IllegalStateException(
          "order " + orderId + " has an open incident; it is closed once the incident is resolved");
    }
    Instant now = now();
    for (SimLine line : order.lines) {
      if (line.active()) {
        line.moveTo("CLOSED", null, null, now);
      }
    }
    for (SimShipment shipment : order.shipments) {
      if (!shipment.status.equals("CANCELED")) {
        shipment.status = "CLOSED";
        shipment.lastUpdated = now;
      }
    }
    order.moveTo("CLOSED", null, null, now);
  }

  synchronized void openIncident(String orderId, String lineId, String reasonCode) {
    SimOrder order = find(orderId);
    SimLine line = order.line(lineId);
    if (line == null) {
      throw new IllegalArgumentException("order " + orderId + " has no line " + lineId);
    }
    Reason reason = reasonOfType(reasonCode, Reason.INCIDENT_OPEN);
    if (reason == null) {
      throw new IllegalArgumentException("no INCIDENT_OPEN reason " + reasonCode);
    }
    if (!Set.of("SHIPPED", "TO_COLLECT", "RECEIVED").contains(line.state)) {
      throw new IllegalStateException(
          "line " + lineId + " is " + line.state + "; incidents are opened on shipped lines");
    }
    Instant now = now();
    line.stateBeforeIncident = line.state;
    line.moveTo("INCIDENT_OPEN", reason.code(), reason.label(), now);
    order.lastUpdated = now;
  }

  /**
   * OR64: the shop resolves the incident open on a line with an INCIDENT_CLOSE reason it may use.
   * The line goes back to the state it had before the incident (moved on by the order's receipt
   * meanwhile), with the closing reason as its state reason.
   */
  synchronized void resolveIncident(String orderId, String lineId, String reasonCode) {
    SimOrder order = findForApi(orderId);
    SimLine line = order.line(lineId);
    if (line == null) {
      throw new ApiError.Failure(
          new ApiError(
              404,
              "ORDER_LINE_NOT_FOUND",
              null,
              "Order line " + lineId + " does not exist in order " + orderId));
    }
    Reason reason = reasonOfType(reasonCode, Reason.INCIDENT_CLOSE);
    if (reason == null || !reason.shopRight()) {
      throw invalid(
          "reason_code",
          "Reason "
              + reasonCode
              + (reason == null
                  ? " is not an INCIDENT_CLOSE reason of the marketplace (see RE01)"
                  : " is an INCIDENT_CLOSE reason the shop may not use (is_shop_right false)"));
    }
    if (!line.state.equals("INCIDENT_OPEN")) {
      throw new ApiError.Failure(
          ApiError.badRequest(
              "ORDER_LINE_INVALID_STATE",
              null,
              "Order line " + lineId + " has no open incident: it is in state " + line.state));
    }
    Instant now = now();
    line.moveTo(line.stateBeforeIncident, reason.code(), reason.label(), now);
    line.stateBeforeIncident = null;
    order.lastUpdated = now;
  }

  /** Whether an incident is open on the line. */
  synchronized boolean incidentOpen(String orderId, String lineId) {
    SimOrder order = find(orderId);
    SimLine line = order.line(lineId);
    if (line == null) {
      throw new IllegalArgumentException("order " + orderId + " has no line " + lineId);
    }
    return line.state.equals("INCIDENT_OPEN");
  }

  /** Checks every entry of an OR28 or OR30 request and works out its amounts. */
  private List<Planned> plan(
      List<Adjustment.Request> requests, String listField, String reasonType, Rule rule) {
    if (requests.isEmpty()) {
      throw invalid(listField, listField + " must not be empty");
    }
    List<Planned> plan = new ArrayList<>();
    Map<String, Adjustment.Totals> pending = new HashMap<>();
    for (Adjustment.Request request : requests) {
      SimOrder order = lineOwners.get(request.lineId());
      if (order == null) {
        throw new ApiError.Failure(
            ApiError.badRequest(
                "ORDER_LINE_NOT_FOUND",
                request.field() + ".order_line_id",
                "Order line " + request.lineId() + " does not exist"));
      }
      Reason reason = reasonOfType(request.reasonCode(), reasonType);
      if (reason == null || !reason.shopRight()) {
        throw invalid(
            request.field() + ".reason_code",
            "Reason " + request.reasonCode() + " is not a " + reasonType + " reason of the shop");
      }
      SimLine line = order.line(request.lineId());
      rule.check(order, line, request);
      Adjustment.Totals left =
          line.paid()
              .minus(line.adjusted())
              .minus(pending.getOrDefault(line.id, Adjustment.Totals.zero()));
      Adjustment.Totals amounts = Adjustment.toNative(order, line, request, left);
      requireWithin(left, amounts, request);
      pending.merge(line.id, amounts, Adjustment.Totals::plus);
      plan.add(new Planned(order, line, request, amounts));
    }
    return plan;
  }

  private static void requireWithin(
      Adjustment.Totals left, Adjustment.Totals amounts, Adjustment.Request request) {
    if (amounts.isZero() && request.quantity() == 0) {
      throw invalid(request.field(), "Nothing to take back: every amount is zero");
    }
    String exceeded = left.minus(amounts).negativePart();
    if (exceeded != null) {
      throw invalid(
          request.field() + "." + exceeded,
          "The "
              + exceeded
              + " exceeds what remains on order line "
              + request.lineId()
              + " (price "
              + left.amount()
              + ", tax "
              + left.tax()
              + ", shipping "
              + left.shipping()
              + ", shipping tax "
              + left.shippingTax()
              + ", in the order's tax mode)");
    }
  }

  private static ApiError.Failure lineInvalidState(SimLine line, Adjustment.Request request) {
    return new ApiError.Failure(
        ApiError.badRequest(
            "ORDER_LINE_INVALID_STATE",
            request.field() + ".order_line_id",
            "Order line " + line.id + " is in state " + line.state));
  }

  private static String responseMode(SimOrder order, String taxMode) {
    return taxMode != null ? taxMode : order.taxMode;
  }

  Reason reasonOfType(String code, String type) {
    for (Reason reason : reasons) {
      if (reason.code().equals(code) && reason.type().equals(type)) {
        return reason;
      }
    }
    return null;
  }

  private static ApiError.Failure invalid(String field, String message) {
    return new ApiError.Failure(ApiError.badRequest("VALIDATION_ERROR", field, message));
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
    List<OrderView.Cancelation> cancelations = new ArrayList<>();
    List<OrderView.Refund> refunds = new ArrayList<>();
    for (SimLine line : order.lines) {
      lineStates.put(line.id, line.state);
      lineIds.add(line.id);
      for (SimLine.Cancelation c : line.cancelations) {
        cancelations.add(
            new OrderView.Cancelation(
                c.id(),
                line.id,
                c.amounts().amount(),
                c.amounts().shipping(),
                c.quantity(),
                c.reasonCode(),
                c.created()));
      }
      for (SimLine.Refund r : line.refunds) {
        refunds.add(
            new OrderView.Refund(
                r.id,
                r.orderRefundId,
                line.id,
                r.amounts.amount(),
                r.amounts.shipping(),
                r.quantity,
                r.reasonCode,
                r.state,
                r.created));
      }
    }
    List<OrderView.Shipment> shipments = new ArrayList<>();
    for (SimShipment shipment : order.shipments) {
      shipments.add(
          new OrderView.Shipment(
              shipment.id,
              shipment.status,
              shipment.lines,
              trackingView(shipment.tracking),
              shipment.shippedDate));
    }
    List<OrderView.Document> documents = new ArrayList<>();
    for (SimDocument document : order.documents) {
      documents.add(
          new OrderView.Document(
              document.id(),
              document.fileName(),
              document.typeCode(),
              document.content().length,
              document.uploaded()));
    }
    return new OrderView(
        order.orderId,
        order.commercialId,
        order.state,
        lineStates,
        lineIds,
        order.acceptCalls,
        order.lastUpdated,
        mapper.writeValueAsString(renderer.render(order, order.taxMode)),
        trackingView(order.tracking),
        shipments,
        cancelations,
        refunds,
        documents);
  }

  private static OrderView.Tracking trackingView(SimOrder.Tracking tracking) {
    return tracking == null
        ? null
        : new OrderView.Tracking(
            tracking.carrierCode(),
            tracking.carrierName(),
            tracking.trackingNumber(),
            tracking.trackingUrl());
  }

  /** The order, or a 404 ORDER_NOT_FOUND failure. Call with the book's lock held. */
  SimOrder findForApi(String orderId) {
    SimOrder order = orders.get(orderId);
    if (order == null) {
      throw new ApiError.Failure(
          new ApiError(404, "ORDER_NOT_FOUND", null, "Order " + orderId + " does not exist"));
    }
    return order;
  }

  /** The order owning each line id that exists, for the journal. */
  synchronized Set<String> ordersOfLines(Iterable<String> lineIds) {
    Set<String> found = new LinkedHashSet<>();
    for (String lineId : lineIds) {
      SimOrder order = lineOwners.get(lineId);
      if (order != null) {
        found.add(order.orderId);
      }
    }
    return found;
  }

  /** Every order, in creation order. Call with the book's lock held. */
  Iterable<SimOrder> all() {
    return orders.values();
  }

  List<Reason> reasons() {
    return reasons;
  }

  OrderRenderer renderer() {
    return renderer;
  }

  JsonMapper mapper() {
    return mapper;
  }

  SimOrder find(String orderId) {
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

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** One line of an OR21 request. */
  record AcceptanceDecision(String lineId, boolean accepted) {}

  /** An OR28 or OR30 entry, checked, with its amounts in the order's native mode. */
  private record Planned(
      SimOrder order, SimLine line, Adjustment.Request request, Adjustment.Totals amounts) {}

  /** The state rule of OR28 or OR30 for one entry. */
  private interface Rule {
    void check(SimOrder order, SimLine line, Adjustment.Request request);
  }
}
