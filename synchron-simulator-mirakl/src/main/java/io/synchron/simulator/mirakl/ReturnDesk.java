package io.synchron.simulator.mirakl;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Returns: the customer's requests (Java API), the shop's RT01 creations, RT11 and RT12 listings,
 * and the RT21, RT25, RT26, RT27, RT29 batch updates. Every method holds the {@link OrderBook}'s
 * lock, so returns and the orders they take units from never interleave.
 *
 * <p>States: WAITING_ACCEPTANCE (or IN_PROGRESS when accepted on creation), then RT21 to
 * IN_PROGRESS or REFUSED; IN_PROGRESS to RECEIVED (RT25 or the operator) or NO_RECEPTION (the
 * operator); RECEIVED or NO_RECEPTION to CLOSED (RT27); WAITING_ACCEPTANCE or IN_PROGRESS to
 * CANCELED (RT29 or the customer). RT26 records each line's compliance on a RECEIVED return, which
 * stays RECEIVED. Every change stamps the return's {@code last_updated} and, as a simulator choice
 * (Mirakl does not say), the order's {@code last_updated_date}, so OR11 update polling sees it.
 * Returns never refund: the shop refunds with OR28.
 *
 * <p>A line's returnable quantity is what has shipped of it less what returns not REFUSED or
 * CANCELED hold; only SHIPPED, TO_COLLECT and RECEIVED orders can be returned from.
 */
final class ReturnDesk {
  static final int MAX_CREATIONS = 200;
  static final int MAX_UPDATES = 100;
  static final int MAX_LINES = 200;

  /** The return methods of the spec's {@code method_code} enum. */
  static final List<String> METHODS =
      List.of(
          "RETURN_METHOD_BY_MAIL",
          "RETURN_METHOD_DROP_OFF_POINT",
          "RETURN_METHOD_HOME_PICKUP",
          "RETURN_METHOD_IN_STORE",
          "RETURN_METHOD_RETURNLESS");

  static final List<String> STATES =
      List.of(
          "WAITING_ACCEPTANCE",
          "IN_PROGRESS",
          "REFUSED",
          "RECEIVED",
          "NO_RECEPTION",
          "CLOSED",
          "CANCELED");

  static final String CUSTOMER = "CUSTOMER";
  static final String SHOP = "SHOP";

  private static final Set<String> RETURNABLE_ORDER_STATES =
      Set.of("SHIPPED", "TO_COLLECT", "RECEIVED");
  private static final Set<String> SHIPPED_SHIPMENT_STATES =
      Set.of("SHIPPED", "TO_COLLECT", "RECEIVED", "CLOSED");

  private final OrderBook book;
  private final boolean autoAccepted;
  private final Map<String, SimReturn> returns = new LinkedHashMap<>();
  private volatile boolean enabled;
  private long sequence;

  ReturnDesk(OrderBook book, boolean enabled, boolean autoAccepted) {
    this.book = book;
    this.enabled = enabled;
    this.autoAccepted = autoAccepted;
  }

  /** Whether the operator has returns enabled; off, RT* answer 404 and customers cannot return. */
  boolean enabled() {
    return enabled;
  }

  void enabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** The customer asks to return units of an order's lines, all for one RETURN reason. */
  String request(String orderId, Map<String, Integer> quantities, String reasonCode) {
    if (!enabled) {
      throw new IllegalStateException("returns are not enabled on this marketplace");
    }
    synchronized (book) {
      SimOrder order = book.find(orderId);
      if (quantities.isEmpty()) {
        throw new IllegalArgumentException("a return needs at least one line");
      }
      List<LineInput> lines = new ArrayList<>();
      quantities.forEach(
          (lineId, quantity) ->
              lines.add(new LineInput(lineId, Objects.requireNonNull(quantity), reasonCode)));
      try {
        return open(
                order,
                lines,
                reasonCode,
                "RETURN_METHOD_BY_MAIL",
                null,
                null,
                null,
                autoAccepted,
                CUSTOMER)
            .id;
      } catch (Refusal refusal) {
        if (refusal.wrongState) {
          throw new IllegalStateException(refusal.getMessage());
        }
        throw new IllegalArgumentException(refusal.getMessage());
      }
    }
  }

  /** RT01: each return is created, or reported in {@code return_errors}, on its own. */
  ObjectNode create(List<CreationInput> inputs) {
    synchronized (book) {
      ObjectNode body = book.mapper().createObjectNode();
      ArrayNode errors = body.putArray("return_errors");
      ArrayNode success = body.putArray("return_success");
      for (CreationInput input : inputs) {
        try {
          SimOrder order = orderOfCommercialId(input.commercialId());
          if (order == null) {
            throw new Refusal(
                false, "No order with commercial id '" + input.commercialId() + "'.");
          }
          SimReturn created =
              open(
                  order,
                  input.lines(),
                  input.reasonCode(),
                  input.methodCode(),
                  input.rma(),
                  input.labelUrl(),
                  input.description(),
                  input.accepted() != null ? input.accepted() : autoAccepted,
                  SHOP);
          success.add(render(created));
        } catch (Refusal refusal) {
          ObjectNode error = errors.addObject();
          error.put("message", refusal.getMessage());
          error.put("order_commercial_id", input.commercialId());
        }
      }
      return body;
    }
  }

  private SimReturn open(
      SimOrder order,
      List<LineInput> inputs,
      String reasonCode,
      String methodCode,
      String rma,
      String labelUrl,
      String description,
      boolean accepted,
      String origin) {
    // The shop may use only reasons with is_shop_right; the customer any configured one.
    boolean shop = origin.equals(SHOP);
    if (!RETURNABLE_ORDER_STATES.contains(order.state)) {
      throw new Refusal(
          true,
          "The order "
              + order.orderId
              + " is in state "
              + order.state
              + "; only a SHIPPED, TO_COLLECT or RECEIVED order can be returned.");
    }
    if (reasonCode != null) {
      requireReason(reasonCode, Reason.RETURN, shop);
    }
    Map<String, Integer> asked = new HashMap<>();
    List<SimReturn.Line> lines = new ArrayList<>();
    for (LineInput input : inputs) {
      SimLine line = order.line(input.orderLineId());
      if (line == null) {
        throw new Refusal(
            false,
            "The order line "
                + input.orderLineId()
                + " does not belong to order "
                + order.commercialId
                + ".");
      }
      if (asked.containsKey(line.id)) {
        throw new Refusal(false, "The order line " + line.id + " is given more than once.");
      }
      requireReason(input.reasonCode(), Reason.RETURN, shop);
      int returnable = returnable(order, line);
      if (input.quantity() < 1 || input.quantity() > returnable) {
        throw new Refusal(
            false,
            "The quantity "
                + input.quantity()
                + " of order line "
                + line.id
                + " cannot be returned: "
                + returnable
                + " unit(s) can be.");
      }
      asked.put(line.id, input.quantity());
      lines.add(new SimReturn.Line(line.id, input.quantity(), input.reasonCode()));
    }
    Instant now = book.now();
    long number = ++sequence;
    String id =
        UUID.nameUUIDFromBytes(
                ("return-" + number + "-" + order.orderId).getBytes(StandardCharsets.UTF_8))
            .toString();
    SimReturn created =
        new SimReturn(
            id,
            number,
            order,
            rma,
            reasonCode,
            methodCode,
            description,
            labelUrl,
            origin,
            lines,
            accepted ? "IN_PROGRESS" : "WAITING_ACCEPTANCE",
            now);
    returns.put(id, created);
    order.lastUpdated = now;
    return created;
  }

  private Reason requireReason(String code, String type, boolean shop) {
    Reason reason = book.reasonOfType(code, type);
    if (reason == null) {
      throw new Refusal(false, "The reason " + code + " is not a " + type + " reason (see RE01).");
    }
    if (shop && !reason.shopRight()) {
      throw new Refusal(
          false, "The " + type + " reason " + code + " may not be used by the shop.");
    }
    return reason;
  }

  /** What can still be returned of a line: what shipped, less what returns hold. */
  private int returnable(SimOrder order, SimLine line) {
    if (!line.active()) {
      return 0;
    }
    int shipped;
    if (line.shippedDate != null) {
      shipped = line.quantity - line.canceledQuantity();
    } else {
      shipped = 0;
      for (SimShipment shipment : order.shipments) {
        if (SHIPPED_SHIPMENT_STATES.contains(shipment.status)) {
          shipped += shipment.lines.getOrDefault(line.id, 0);
        }
      }
    }
    int held = 0;
    for (SimReturn existing : returns.values()) {
      if (existing.orderId.equals(order.orderId) && existing.holdsUnits()) {
        SimReturn.Line returned = existing.line(line.id);
        if (returned != null) {
          held += returned.quantity;
        }
      }
    }
    return Math.max(0, shipped - held);
  }

  private SimOrder orderOfCommercialId(String commercialId) {
    for (SimOrder order : book.all()) {
      if (order.commercialId.equals(commercialId)) {
        return order;
      }
    }
    return null;
  }

  /** The operator receives the parcel of an IN_PROGRESS return. */
  void receiveByOperator(String id) {
    operatorMove(id, "RECEIVED");
  }

  /** The operator records that the parcel of an IN_PROGRESS return never arrived. */
  void markNotReceived(String id) {
    operatorMove(id, "NO_RECEPTION");
  }

  private void operatorMove(String id, String state) {
    synchronized (book) {
      SimReturn found = find(id);
      if (!found.state.equals("IN_PROGRESS")) {
        throw new IllegalStateException(
            "return " + id + " is " + found.state + "; only an IN_PROGRESS return can become "
                + state);
      }
      move(found, state);
    }
  }

  /** The customer withdraws a return not yet received. */
  void cancelByCustomer(String id) {
    synchronized (book) {
      SimReturn found = find(id);
      if (!found.state.equals("WAITING_ACCEPTANCE") && !found.state.equals("IN_PROGRESS")) {
        throw new IllegalStateException(
            "return " + id + " is " + found.state + "; only a return not yet received is canceled");
      }
      move(found, "CANCELED");
    }
  }

  ReturnView view(String id) {
    synchronized (book) {
      return view(find(id));
    }
  }

  List<ReturnView> views(String orderId) {
    synchronized (book) {
      book.find(orderId);
      List<ReturnView> views = new ArrayList<>();
      for (SimReturn found : returns.values()) {
        if (found.orderId.equals(orderId)) {
          views.add(view(found));
        }
      }
      return views;
    }
  }

  private ReturnView view(SimReturn found) {
    List<ReturnView.Line> lines = new ArrayList<>();
    for (SimReturn.Line line : found.lines) {
      lines.add(
          new ReturnView.Line(
              line.orderLineId,
              line.quantity,
              line.reasonCode,
              line.compliant,
              line.nonComplianceReasonCode));
    }
    return new ReturnView(
        found.id,
        found.rma,
        found.orderId,
        found.commercialId,
        found.state,
        found.reasonCode,
        found.rejectionReasonCode,
        found.methodCode,
        found.origin,
        lines,
        found.created,
        found.lastUpdated,
        book.mapper().writeValueAsString(render(found)));
  }

  private SimReturn find(String id) {
    SimReturn found = id == null ? null : returns.get(id);
    if (found == null) {
      throw new IllegalArgumentException("no return " + id);
    }
    return found;
  }

  private void move(SimReturn found, String state) {
    Instant now = book.now();
    found.moveTo(state, now);
    book.find(found.orderId).lastUpdated = now;
  }

  /** RT21: each return accepted (IN_PROGRESS) or refused (REFUSED) from WAITING_ACCEPTANCE. */
  ObjectNode decide(List<DecisionInput> inputs) {
    return each(
        inputs,
        DecisionInput::id,
        (found, input) -> {
          requireState(found, "WAITING_ACCEPTANCE");
          if (input.accepted()) {
            // A rejection reason sent with an acceptance is ignored.
            move(found, "IN_PROGRESS");
            return;
          }
          if (input.rejectionReasonCode() == null) {
            throw new Refusal(false, "A rejection_reason_code is required to refuse a return.");
          }
          requireReason(input.rejectionReasonCode(), Reason.RETURN_REJECTION, true);
          found.rejectionReasonCode = input.rejectionReasonCode();
          move(found, "REFUSED");
        });
  }

  /** RT25: IN_PROGRESS to RECEIVED. */
  ObjectNode receive(List<String> ids) {
    return each(
        ids,
        id -> id,
        (found, id) -> {
          requireState(found, "IN_PROGRESS");
          move(found, "RECEIVED");
        });
  }

  /**
   * RT26: every line of a RECEIVED return marked compliant or not (a non-compliant one with a
   * RETURN_NON_COMPLIANT reason the shop may use); a second call replaces the first's verdicts.
   */
  ObjectNode comply(List<ComplianceInput> inputs) {
    return each(
        inputs,
        ComplianceInput::id,
        (found, input) -> {
          requireState(found, "RECEIVED");
          Map<String, LineCompliance> given = new LinkedHashMap<>();
          for (LineCompliance line : input.lines()) {
            if (found.line(line.orderLineId()) == null) {
              throw new Refusal(
                  false,
                  "The order line " + line.orderLineId() + " is not in return " + found.id + ".");
            }
            if (given.put(line.orderLineId(), line) != null) {
              throw new Refusal(
                  false, "The order line " + line.orderLineId() + " is given more than once.");
            }
            if (!line.compliant()) {
              if (line.reasonCode() == null) {
                throw new Refusal(
                    false,
                    "A non_compliance_reason_code is required for the non-compliant order line "
                        + line.orderLineId()
                        + ".");
              }
              requireReason(line.reasonCode(), Reason.RETURN_NON_COMPLIANT, true);
            }
          }
          List<String> missing = new ArrayList<>();
          for (SimReturn.Line line : found.lines) {
            if (!given.containsKey(line.orderLineId)) {
              missing.add(line.orderLineId);
            }
          }
          if (!missing.isEmpty()) {
            throw new Refusal(
                false,
                "The compliance has not been specified on the following order lines: "
                    + String.join(", ", missing));
          }
          for (SimReturn.Line line : found.lines) {
            LineCompliance verdict = given.get(line.orderLineId);
            line.compliant = verdict.compliant();
            line.nonComplianceReasonCode = verdict.compliant() ? null : verdict.reasonCode();
            line.nonComplianceAdditionalInfo = verdict.compliant() ? null : verdict.additionalInfo();
          }
          move(found, "RECEIVED");
        });
  }

  /** RT27: RECEIVED or NO_RECEPTION to CLOSED. */
  ObjectNode close(List<String> ids) {
    return each(
        ids,
        id -> id,
        (found, id) -> {
          requireState(found, "RECEIVED", "NO_RECEPTION");
          move(found, "CLOSED");
        });
  }

  /** RT29: WAITING_ACCEPTANCE or IN_PROGRESS to CANCELED. */
  ObjectNode cancel(List<String> ids) {
    return each(
        ids,
        id -> id,
        (found, id) -> {
          requireState(found, "WAITING_ACCEPTANCE", "IN_PROGRESS");
          move(found, "CANCELED");
        });
  }

  private static void requireState(SimReturn found, String... states) {
    for (String state : states) {
      if (found.state.equals(state)) {
        return;
      }
    }
    throw new Refusal(
        true,
        "Return is in invalid state: it is "
            + found.state
            + ", not "
            + String.join(" or ", states)
            + ".");
  }

  private <T> ObjectNode each(
      List<T> inputs, Function<T, String> idOf, BiConsumer<SimReturn, T> update) {
    synchronized (book) {
      ObjectNode body = book.mapper().createObjectNode();
      ArrayNode errors = body.putArray("return_errors");
      ArrayNode success = body.putArray("return_success");
      Set<String> seen = new HashSet<>();
      for (T input : inputs) {
        String id = idOf.apply(input);
        try {
          if (!seen.add(id)) {
            throw new Refusal(false, "The return " + id + " is given more than once.");
          }
          SimReturn found = returns.get(id);
          if (found == null) {
            throw new Refusal(false, "The return does not exist.");
          }
          update.accept(found, input);
          success.addObject().put("id", id);
        } catch (Refusal refusal) {
          ObjectNode error = errors.addObject();
          error.put("id", id);
          error.put("message", refusal.getMessage());
        }
      }
      return body;
    }
  }

  /** RT11. */
  ObjectNode list(SeekPage.Request request) {
    Map<String, List<String>> params = request.params();
    Set<String> ids = values(params, "return_id");
    Set<String> states = values(params, "return_state");
    for (String state : states) {
      if (!STATES.contains(state)) {
        throw RequestParser.invalid("return_state", "return_state must be one of " + STATES);
      }
    }
    Instant createdFrom = date(params, "return_creation_date_from");
    Instant createdTo = date(params, "return_creation_date_to");
    Instant updatedFrom = date(params, "return_last_updated_from");
    Instant updatedTo = date(params, "return_last_updated_to");
    Set<String> commercialIds = values(params, "order_commercial_id");
    Set<String> lineIds = values(params, "order_line_id");
    Set<String> rmas = values(params, "return_rma");
    Set<String> customerIds = values(params, "customer_id");
    boolean descending = descending(params, "date_created");
    synchronized (book) {
      List<SimReturn> matching = new ArrayList<>();
      for (SimReturn found : returns.values()) {
        if ((ids.isEmpty() || ids.contains(found.id))
            && (states.isEmpty() || states.contains(found.state))
            && within(found.created, createdFrom, createdTo)
            && within(found.lastUpdated, updatedFrom, updatedTo)
            && (commercialIds.isEmpty() || commercialIds.contains(found.commercialId))
            && (lineIds.isEmpty()
                || found.lines.stream().anyMatch(line -> lineIds.contains(line.orderLineId)))
            && (rmas.isEmpty() || (found.rma != null && rmas.contains(found.rma)))
            && (customerIds.isEmpty() || customerIds.contains(found.customerId))) {
          matching.add(found);
        }
      }
      Comparator<SimReturn> order =
          Comparator.comparing((SimReturn r) -> r.created).thenComparingLong(r -> r.sequence);
      matching.sort(descending ? order.reversed() : order);
      int sign = descending ? -1 : 1;
      return SeekPage.page(
          "RT11",
          request,
          matching,
          (found, key) -> sign * compareToKey(found, key),
          found -> found.created.toEpochMilli() + ":" + found.sequence,
          this::render,
          book.mapper());
    }
  }

  private static int compareToKey(SimReturn found, String key) {
    String[] parts = key.split(":");
    long millis;
    long number;
    try {
      millis = Long.parseLong(parts[0]);
      number = Long.parseLong(parts[1]);
    } catch (RuntimeException e) {
      throw RequestParser.invalid("page_token", "page_token is not a token this API gave");
    }
    int byDate = Long.compare(found.created.toEpochMilli(), millis);
    return byDate != 0 ? byDate : Long.compare(found.sequence, number);
  }

  /** RT12: the lines with units left to return, of orders that can be returned from. */
  ObjectNode itemsToReturn(SeekPage.Request request) {
    Map<String, List<String>> params = request.params();
    Set<String> commercialIds = values(params, "order_commercial_id");
    Set<String> lineIds = values(params, "order_line_id");
    boolean descending = descending(params, "order_line_id");
    synchronized (book) {
      List<Item> items = new ArrayList<>();
      for (SimOrder order : book.all()) {
        if (!RETURNABLE_ORDER_STATES.contains(order.state)
            || (!commercialIds.isEmpty() && !commercialIds.contains(order.commercialId))) {
          continue;
        }
        for (SimLine line : order.lines) {
          int returnable = returnable(order, line);
          if (returnable > 0 && (lineIds.isEmpty() || lineIds.contains(line.id))) {
            items.add(new Item(order.commercialId, line.id, returnable));
          }
        }
      }
      Comparator<Item> order = Comparator.comparing(Item::orderLineId);
      items.sort(descending ? order.reversed() : order);
      int sign = descending ? -1 : 1;
      List<String> reasons = new ArrayList<>();
      for (Reason reason : book.reasons()) {
        if (reason.type().equals(Reason.RETURN) && reason.shopRight()) {
          reasons.add(reason.code());
        }
      }
      return SeekPage.page(
          "RT12",
          request,
          items,
          (item, key) -> sign * item.orderLineId().compareTo(key),
          Item::orderLineId,
          item -> {
            ObjectNode json = book.mapper().createObjectNode();
            json.put("order_commercial_id", item.commercialId());
            json.put("order_line_id", item.orderLineId());
            json.put("returnable_quantity", item.quantity());
            METHODS.forEach(json.putArray("available_return_methods")::add);
            reasons.forEach(json.putArray("available_return_reasons")::add);
            return json;
          },
          book.mapper());
    }
  }

  /** The order of each return id that exists, for the journal. */
  Set<String> ordersOfReturns(Iterable<String> ids) {
    synchronized (book) {
      Set<String> found = new LinkedHashSet<>();
      for (String id : ids) {
        SimReturn known = returns.get(id);
        if (known != null) {
          found.add(known.orderId);
        }
      }
      return found;
    }
  }

  /** The order of each commercial id that exists, for the journal. */
  Set<String> ordersOfCommercialIds(Iterable<String> commercialIds) {
    synchronized (book) {
      Set<String> found = new LinkedHashSet<>();
      for (String commercialId : commercialIds) {
        SimOrder order = orderOfCommercialId(commercialId);
        if (order != null) {
          found.add(order.orderId);
        }
      }
      return found;
    }
  }

  /** A return as RT01 and RT11 render it: every property of the spec's schema, null when unset. */
  private ObjectNode render(SimReturn found) {
    ObjectNode json = book.mapper().createObjectNode();
    json.put("date_created", found.created.toString());
    json.put("description", found.description);
    json.putArray("documents");
    json.put("id", found.id);
    json.put("label_url", found.labelUrl);
    json.put("last_updated", found.lastUpdated.toString());
    json.put("method_code", found.methodCode);
    json.put("order_commercial_id", found.commercialId);
    json.put("order_id", found.orderId);
    json.put("reason_code", found.reasonCode);
    json.put("rejection_reason_code", found.rejectionReasonCode);
    ObjectNode address = json.putObject("return_address");
    address.put("city", "Lyon");
    address.put("country_iso_code", "FRA");
    address.putNull("state");
    address.put("street1", "12 rue du Simulateur");
    address.put("street2", "Returns department");
    address.put("zip_code", "69007");
    ArrayNode lines = json.putArray("return_lines");
    for (SimReturn.Line line : found.lines) {
      ObjectNode item = lines.addObject();
      if (line.compliant == null) {
        item.putNull("compliance");
      } else {
        ObjectNode compliance = item.putArray("compliance").addObject();
        compliance.put("compliant", line.compliant);
        compliance.put("non_compliance_additional_info", line.nonComplianceAdditionalInfo);
        compliance.put("non_compliance_reason_code", line.nonComplianceReasonCode);
      }
      item.put("order_line_id", line.orderLineId);
      item.put("quantity", line.quantity);
      item.put("reason_code", line.reasonCode);
    }
    json.put("rma", found.rma);
    json.put("state", found.state);
    json.putNull("tracking");
    return json;
  }

  /** Repeated and comma-separated values, blanks dropped. */
  private static Set<String> values(Map<String, List<String>> params, String name) {
    Set<String> items = new LinkedHashSet<>();
    List<String> values = params.get(name);
    if (values != null) {
      for (String value : values) {
        for (String item : value.split(",")) {
          if (!item.isBlank()) {
            items.add(item.trim());
          }
        }
      }
    }
    return items;
  }

  private static Instant date(Map<String, List<String>> params, String name) {
    Set<String> values = values(params, name);
    if (values.isEmpty()) {
      return null;
    }
    String value = List.copyOf(values).get(values.size() - 1);
    try {
      // An unencoded '+' of an offset arrives as a space after form decoding.
      return OffsetDateTime.parse(value.replace(' ', '+')).toInstant();
    } catch (DateTimeParseException e) {
      throw RequestParser.invalid(name, name + " must be an ISO-8601 date-time with an offset");
    }
  }

  /** {@code sort=<field>[,ASC|DESC]}, ascending by default, the only sort field the spec names. */
  private static boolean descending(Map<String, List<String>> params, String field) {
    List<String> values = params.get("sort");
    if (values == null || values.isEmpty() || values.get(values.size() - 1).isBlank()) {
      return false;
    }
    String[] pieces = values.get(values.size() - 1).split(",");
    if (!pieces[0].trim().equals(field)
        || pieces.length > 2
        || (pieces.length == 2 && !pieces[1].trim().matches("(?i)asc|desc"))) {
      throw RequestParser.invalid(
          "sort", "sort must be " + field + ", optionally with ,ASC or ,DESC");
    }
    return pieces.length == 2 && pieces[1].trim().equalsIgnoreCase("desc");
  }

  private static boolean within(Instant value, Instant from, Instant to) {
    return (from == null || !value.isBefore(from)) && (to == null || !value.isAfter(to));
  }

  /** A return or an entry of a batch refused, with the message the answer carries. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean wrongState;

    Refusal(boolean wrongState, String message) {
      super(message, null, false, false);
      this.wrongState = wrongState;
    }
  }

  /** One RT12 item. */
  private record Item(String commercialId, String orderLineId, int quantity) {}

  /** One RT01 return. */
  record CreationInput(
      String commercialId,
      String methodCode,
      List<LineInput> lines,
      String reasonCode,
      String rma,
      String labelUrl,
      String description,
      Boolean accepted) {}

  /** One returned line of RT01 or of a customer's request. */
  record LineInput(String orderLineId, int quantity, String reasonCode) {}

  /** One RT21 entry. */
  record DecisionInput(String id, boolean accepted, String rejectionReasonCode) {}

  /** One RT26 entry. */
  record ComplianceInput(String id, List<LineCompliance> lines) {}

  /** One line of an RT26 entry. */
  record LineCompliance(
      String orderLineId, boolean compliant, String reasonCode, String additionalInfo) {}
}
