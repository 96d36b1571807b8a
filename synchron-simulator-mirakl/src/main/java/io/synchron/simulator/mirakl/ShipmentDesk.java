package io.synchron.simulator.mirakl;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shipping: OR23 and OR24 on a whole order, and the multi-shipment API (ST01, ST11, ST23, ST24).
 * Every method holds the {@link OrderBook}'s lock, so shipping and cancelling never interleave.
 *
 * <p>OR23 is accepted in SHIPPING and, to correct a tracking number after the fact, in SHIPPED:
 * the spec asks for it "at each order tracking information update" and ties only OR24 to SHIPPING.
 * A shipment's tracking also becomes the order's OR11 tracking, the last one set winning, since
 * OR11 has room for only one.
 */
final class ShipmentDesk {
  private static final Set<String> TRACKABLE_ORDER_STATES = Set.of("SHIPPING", "SHIPPED");

  private final OrderBook book;
  private final Map<String, Carrier> carriers = new LinkedHashMap<>();
  private final Map<String, SimShipment> shipments = new LinkedHashMap<>();
  private int shipmentSequence;

  ShipmentDesk(OrderBook book, List<Carrier> carriers) {
    this.book = book;
    for (Carrier carrier : carriers) {
      this.carriers.put(carrier.code(), carrier);
    }
  }

  /** SH21: the carriers, sorted by label as the spec says. */
  ObjectNode carriers() {
    ObjectNode body = book.mapper().createObjectNode();
    ArrayNode array = body.putArray("carriers");
    carriers.values().stream()
        .sorted(Comparator.comparing(Carrier::label, String.CASE_INSENSITIVE_ORDER))
        .forEach(
            carrier -> {
              ObjectNode json = array.addObject();
              json.put("code", carrier.code());
              json.put("label", carrier.label());
              json.put("standard_code", carrier.standardCode());
              json.put("tracking_url", carrier.trackingUrl());
            });
    return body;
  }

  /** OR23. */
  void updateTracking(String orderId, TrackingInput input) {
    synchronized (book) {
      SimOrder order = book.findForApi(orderId);
      if (!TRACKABLE_ORDER_STATES.contains(order.state)) {
        throw new ApiError.Failure(
            ApiError.badRequest(
                "ORDER_INVALID_STATE",
                null,
                "Order " + orderId + " is in state " + order.state + ", not SHIPPING or SHIPPED"));
      }
      order.tracking = resolve(input);
      order.lastUpdated = book.now();
    }
  }

  /** OR24: the whole order, and every shipment still being prepared, is shipped. */
  void ship(String orderId) {
    synchronized (book) {
      SimOrder order = book.findForApi(orderId);
      if (!order.state.equals("SHIPPING")) {
        throw new ApiError.Failure(
            ApiError.badRequest(
                "ORDER_INVALID_STATE",
                null,
                "Order " + orderId + " is in state " + order.state + ", not SHIPPING"));
      }
      Instant now = book.now();
      for (SimShipment shipment : order.shipments) {
        if (shipment.status.equals("SHIPPING")) {
          shipment.status = "SHIPPED";
          shipment.shippedDate = now;
          shipment.lastUpdated = now;
        }
      }
      for (SimLine line : order.lines) {
        if (line.state.equals("SHIPPING")) {
          line.moveTo("SHIPPED", null, null, now);
          line.shippedDate = now;
        }
      }
      order.moveTo("SHIPPED", null, null, now);
    }
  }

  /** ST01: each shipment is created, or reported in {@code shipment_errors}, on its own. */
  ObjectNode create(List<ShipmentInput> inputs) {
    synchronized (book) {
      ObjectNode body = book.mapper().createObjectNode();
      ArrayNode errors = body.putArray("shipment_errors");
      ArrayNode success = body.putArray("shipment_success");
      for (ShipmentInput input : inputs) {
        try {
          SimShipment shipment = create(input);
          success.add(book.renderer().renderShipment(shipment));
        } catch (ApiError.Failure failure) {
          ObjectNode error = errors.addObject();
          error.put("message", failure.getMessage());
          error.put("order_id", input.orderId());
        }
      }
      return body;
    }
  }

  private SimShipment create(ShipmentInput input) {
    if (input.orderId() == null) {
      throw failure("order_id is required.");
    }
    SimOrder order;
    try {
      order = book.findForApi(input.orderId());
    } catch (ApiError.Failure notFound) {
      throw failure("No order with id '" + input.orderId() + "'.");
    }
    if (!order.state.equals("SHIPPING")) {
      throw failure("The order status must be 'SHIPPING' but it is '" + order.state + "'.");
    }
    if (input.lines().isEmpty()) {
      throw failure("Shipment lines are required.");
    }
    Map<String, Integer> quantities = new LinkedHashMap<>();
    for (ShipmentLineInput lineInput : input.lines()) {
      SimLine line = lineOf(order, lineInput);
      if (!line.state.equals("SHIPPING")) {
        throw failure("The order line " + line.id + " is in state " + line.state + ".");
      }
      int quantity = quantities.getOrDefault(line.id, 0) + lineInput.quantity();
      int remaining = line.quantity - line.canceledQuantity() - order.quantityInShipments(line);
      if (lineInput.quantity() < 1 || quantity > remaining) {
        throw failure("Shipment quantity is invalid.");
      }
      quantities.put(line.id, quantity);
    }
    SimOrder.Tracking tracking = input.tracking() == null ? null : resolve(input.tracking());
    Instant now = book.now();
    String id =
        UUID.nameUUIDFromBytes(
                ("shipment-" + ++shipmentSequence + "-" + order.orderId)
                    .getBytes(StandardCharsets.UTF_8))
            .toString();
    SimShipment shipment =
        new SimShipment(id, order.orderId, quantities, tracking, input.invoiceReference(), now);
    shipments.put(id, shipment);
    order.shipments.add(shipment);
    order.lastUpdated = now;
    if (tracking != null) {
      order.tracking = tracking;
    }
    if (input.shipped()) {
      ship(order, shipment, now);
    }
    return shipment;
  }

  private static SimLine lineOf(SimOrder order, ShipmentLineInput input) {
    if (input.orderLineId() != null) {
      SimLine line = order.line(input.orderLineId());
      if (line == null) {
        throw failure(
            "No order line '" + input.orderLineId() + "' in order '" + order.orderId + "'.");
      }
      return line;
    }
    if (input.offerSku() != null) {
      for (SimLine line : order.lines) {
        if (line.offerSku.equals(input.offerSku()) && line.active()) {
          return line;
        }
      }
      throw failure("No offer '" + input.offerSku() + "' in order '" + order.orderId + "'.");
    }
    throw failure("order_line_id is required on every shipment line.");
  }

  /** ST23: each shipment's tracking is replaced, or reported in {@code shipment_errors}. */
  ObjectNode updateTracking(List<ShipmentTrackingInput> inputs) {
    synchronized (book) {
      return each(
          inputs,
          ShipmentTrackingInput::id,
          input -> {
            SimShipment shipment = shipment(input.id());
            if (!shipment.status.equals("SHIPPING") && !shipment.status.equals("SHIPPED")) {
              throw failure(
                  "The shipment status must be 'SHIPPING' or 'SHIPPED' but it is '"
                      + shipment.status
                      + "'.");
            }
            if (input.tracking() == null) {
              throw failure("tracking is required.");
            }
            SimOrder.Tracking tracking = resolve(input.tracking());
            Instant now = book.now();
            shipment.tracking = tracking;
            shipment.lastUpdated = now;
            SimOrder order = book.find(shipment.orderId);
            order.tracking = tracking;
            order.lastUpdated = now;
          });
    }
  }

  /** ST24: each shipment is shipped, or reported in {@code shipment_errors}. */
  ObjectNode ship(List<String> ids) {
    synchronized (book) {
      return each(
          ids,
          id -> id,
          id -> {
            SimShipment shipment = shipment(id);
            if (!shipment.status.equals("SHIPPING")) {
              throw failure(
                  "The shipment status must be 'SHIPPING' but it is '" + shipment.status + "'.");
            }
            SimOrder order = book.find(shipment.orderId);
            if (!order.state.equals("SHIPPING")) {
              throw failure("The order status must be 'SHIPPING' but it is '" + order.state + "'.");
            }
            ship(order, shipment, book.now());
          });
    }
  }

  /**
   * Ships one shipment. A line whose every unit not canceled has shipped is SHIPPED; the order is
   * SHIPPED once every active line is.
   */
  private static void ship(SimOrder order, SimShipment shipment, Instant now) {
    shipment.status = "SHIPPED";
    shipment.shippedDate = now;
    shipment.lastUpdated = now;
    for (SimLine line : order.lines) {
      if (line.state.equals("SHIPPING")
          && shipment.lines.containsKey(line.id)
          && order.quantityShipped(line) + line.canceledQuantity() >= line.quantity) {
        line.moveTo("SHIPPED", null, null, now);
        line.shippedDate = now;
      }
    }
    order.lastUpdated = now;
    boolean allShipped =
        order.lines.stream().filter(SimLine::active).allMatch(l -> !l.state.equals("SHIPPING"));
    if (allShipped) {
      order.moveTo("SHIPPED", null, null, now);
    }
  }

  /** ST11. */
  ObjectNode list(ShipmentsQuery query) {
    synchronized (book) {
      List<SimShipment> matching = new ArrayList<>();
      for (SimShipment shipment : shipments.values()) {
        if (query.matches(shipment)) {
          matching.add(shipment);
        }
      }
      Comparator<SimShipment> order =
          Comparator.comparing((SimShipment s) -> s.created).thenComparing(s -> s.id);
      matching.sort(query.descending() ? order.reversed() : order);
      int from = Math.min(query.offset(), matching.size());
      int to = Math.min(from + query.limit(), matching.size());
      ObjectNode body = book.mapper().createObjectNode();
      ArrayNode data = body.putArray("data");
      for (SimShipment shipment : matching.subList(from, to)) {
        data.add(book.renderer().renderShipment(shipment));
      }
      if (to < matching.size()) {
        body.put("next_page_token", ShipmentsQuery.token(to));
      }
      if (from > 0) {
        body.put("previous_page_token", ShipmentsQuery.token(Math.max(0, from - query.limit())));
      }
      return body;
    }
  }

  /** The order of each shipment id that exists, for the journal. */
  Set<String> ordersOfShipments(Iterable<String> ids) {
    synchronized (book) {
      Set<String> found = new LinkedHashSet<>();
      for (String id : ids) {
        SimShipment shipment = shipments.get(id);
        if (shipment != null) {
          found.add(shipment.orderId);
        }
      }
      return found;
    }
  }

  private SimShipment shipment(String id) {
    SimShipment shipment = id == null ? null : shipments.get(id);
    if (shipment == null) {
      throw failure("No shipment with id '" + id + "'.");
    }
    return shipment;
  }

  private <T> ObjectNode each(List<T> inputs, Function<T, String> id, Consumer<T> op) {
    ObjectNode body = book.mapper().createObjectNode();
    ArrayNode errors = body.putArray("shipment_errors");
    ArrayNode success = body.putArray("shipment_success");
    Map<String, Boolean> seen = new HashMap<>();
    for (T input : inputs) {
      try {
        if (seen.put(String.valueOf(id.apply(input)), Boolean.TRUE) != null) {
          throw failure("Shipment '" + id.apply(input) + "' is given more than once.");
        }
        op.accept(input);
        success.addObject().put("id", id.apply(input));
      } catch (ApiError.Failure failure) {
        ObjectNode error = errors.addObject();
        error.put("id", id.apply(input));
        error.put("message", failure.getMessage());
      }
    }
    return body;
  }

  /**
   * The tracking a request describes: a registered carrier by {@code carrier_code} (its label
   * becomes the company, its URL template the URL), else an unregistered one by {@code
   * carrier_name} with an optional URL.
   */
  private SimOrder.Tracking resolve(TrackingInput input) {
    String number = blankToNull(input.trackingNumber());
    String code = blankToNull(input.carrierCode());
    if (code != null) {
      Carrier carrier = carriers.get(code);
      if (carrier == null) {
        throw validation("carrier_code", "Unknown carrier code '" + code + "'.");
      }
      if (number == null && carrier.needsTrackingNumber()) {
        throw validation(
            "tracking_number",
            "A tracking number is mandatory for carrier '" + code + "'.");
      }
      String standard = blankToNull(input.carrierStandardCode());
      return new SimOrder.Tracking(
          carrier.code(),
          carrier.label(),
          standard != null ? standard : carrier.standardCode(),
          number,
          carrier.trackingUrlOf(number));
    }
    String name = blankToNull(input.carrierName());
    if (name == null) {
      throw validation("carrier_code", "Either carrier_code or carrier_name is mandatory.");
    }
    return new SimOrder.Tracking(
        null, name, blankToNull(input.carrierStandardCode()), number, blankToNull(input.url()));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static ApiError.Failure validation(String field, String message) {
    return new ApiError.Failure(ApiError.badRequest("VALIDATION_ERROR", field, message));
  }

  private static ApiError.Failure failure(String message) {
    return new ApiError.Failure(ApiError.badRequest(null, null, message));
  }

  /** Carrier details of OR23 ({@code carrier_url}) or of a shipment ({@code tracking_url}). */
  record TrackingInput(
      String carrierCode,
      String carrierName,
      String carrierStandardCode,
      String url,
      String trackingNumber) {}

  /** One ST01 shipment. */
  record ShipmentInput(
      String orderId,
      List<ShipmentLineInput> lines,
      TrackingInput tracking,
      boolean shipped,
      String invoiceReference) {}

  /** One ST01 shipment line. */
  record ShipmentLineInput(String orderLineId, String offerSku, int quantity) {}

  /** One ST23 entry. */
  record ShipmentTrackingInput(String id, TrackingInput tracking) {}

  /**
   * ST11 parameters: filters, seek pagination with an opaque {@code page_token}, {@code limit}
   * (default 10, at most 100) and {@code sort=dateCreated[,ASC|DESC]}.
   */
  record ShipmentsQuery(
      Set<String> orderIds,
      Set<String> states,
      Set<String> debitStates,
      Instant updatedFrom,
      Instant updatedTo,
      int limit,
      int offset,
      boolean descending) {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;

    boolean matches(SimShipment shipment) {
      return (orderIds == null || orderIds.contains(shipment.orderId))
          && (states == null || states.contains(shipment.status))
          && (debitStates == null || debitStates.contains(OrderRenderer.SHIPMENT_DEBIT_STATUS))
          && (updatedFrom == null || !shipment.lastUpdated.isBefore(updatedFrom))
          && (updatedTo == null || !shipment.lastUpdated.isAfter(updatedTo));
    }

    static String token(int offset) {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a token stands for, or -1 if it is not one of ours. */
    static int offsetOf(String token) {
      try {
        String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        if (!text.startsWith("offset:")) {
          return -1;
        }
        int offset = Integer.parseInt(text.substring("offset:".length()));
        return offset < 0 ? -1 : offset;
      } catch (IllegalArgumentException e) {
        return -1;
      }
    }
  }
}
