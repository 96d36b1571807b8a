package io.synchron.simulator.shopify;

import io.synchron.simulator.shopify.OrderLife.Cancellation;
import io.synchron.simulator.shopify.OrderLife.Event;
import io.synchron.simulator.shopify.OrderLife.Fulfillment;
import io.synchron.simulator.shopify.OrderLife.FulfillmentLine;
import io.synchron.simulator.shopify.OrderLife.FulfillmentOrder;
import io.synchron.simulator.shopify.OrderLife.FulfillmentOrderLine;
import io.synchron.simulator.shopify.OrderLife.Tracking;
import io.synchron.simulator.shopify.ShopState.LineItem;
import io.synchron.simulator.shopify.ShopState.Outcome;
import io.synchron.simulator.shopify.ShopState.StoredOrder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What happens to an order after {@code orderCreate}: its fulfillment order, fulfillments with
 * tracking and shipment events, fulfillment cancellation, order cancellation and line removal
 * (reference §2, §3.1, §3.4), each bumping the order's {@code updatedAt} and firing the webhooks
 * Shopify fires. Every method holds the {@link ShopState} monitor.
 *
 * <p>GraphQL mutations answer refusals as user errors; the merchant-side Java methods throw {@link
 * IllegalArgumentException} for a bad argument and {@link IllegalStateException} for an order in
 * the wrong state.
 */
final class OrderDesk {

  static final Set<String> EVENT_STATUSES =
      Set.of(
          "LABEL_PURCHASED",
          "LABEL_PRINTED",
          "READY_FOR_PICKUP",
          "CONFIRMED",
          "CARRIER_PICKED_UP",
          "IN_TRANSIT",
          "OUT_FOR_DELIVERY",
          "ATTEMPTED_DELIVERY",
          "DELAYED",
          "DELIVERED",
          "FAILURE");

  static final Set<String> CANCEL_REASONS =
      Set.of("CUSTOMER", "DECLINED", "FRAUD", "INVENTORY", "OTHER", "STAFF");

  /**
   * Carriers whose tracking URL the simulator builds when none is given. Shopify matches the
   * company name exactly, case included (reference §2.2); these URL patterns are the simulator's.
   */
  private static final Map<String, String> CARRIER_URLS =
      Map.of(
          "UPS", "https://www.ups.com/track?tracknum=",
          "USPS", "https://tools.usps.com/go/TrackConfirmAction?tLabels=",
          "FedEx", "https://www.fedex.com/fedextrack/?trknbr=",
          "DHL Express", "https://www.dhl.com/en/express/tracking.html?AWB=",
          "Colissimo", "https://www.laposte.fr/outils/suivre-vos-envois?code=",
          "La Poste", "https://www.laposte.fr/outils/suivre-vos-envois?code=",
          "Chronopost", "https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT=");

  private static final Set<String> SETTLED_FINANCIAL_STATUSES =
      Set.of("PAID", "PARTIALLY_REFUNDED", "REFUNDED", "VOIDED");

  private final ShopState state;
  private final WebhookDispatcher webhooks;
  private final Map<String, Fulfillment> fulfillments = new HashMap<>();
  private final Map<String, FulfillmentOrder> fulfillmentOrders = new HashMap<>();
  private final Set<String> jobs = new LinkedHashSet<>();

  OrderDesk(ShopState state, WebhookDispatcher webhooks) {
    this.state = state;
    this.webhooks = webhooks;
  }

  // ---- lookups ---------------------------------------------------------------------------------

  Fulfillment fulfillment(String id) {
    synchronized (state) {
      return fulfillments.get(id);
    }
  }

  FulfillmentOrder fulfillmentOrder(String id) {
    synchronized (state) {
      return fulfillmentOrders.get(id);
    }
  }

  /** Whether the job is done (cancellations apply at once), or null for an unknown job. */
  Boolean jobDone(String id) {
    synchronized (state) {
      return jobs.contains(id) ? Boolean.TRUE : null;
    }
  }

  // ---- creation --------------------------------------------------------------------------------

  /**
   * Gives a new order its fulfillment order at the shop location, fulfils it whole when the input
   * says {@code fulfillmentStatus: FULFILLED}, and fires {@code orders/create}.
   */
  void opened(StoredOrder order, Map<String, Object> input) {
    synchronized (state) {
      FulfillmentOrder fulfillmentOrder = newFulfillmentOrder(order, state.nowSeconds());
      for (LineItem line : order.lineItems()) {
        if (line.quantity() > 0) {
          long number = state.nextId();
          fulfillmentOrder.lines.add(
              new FulfillmentOrderLine(
                  ShopState.gid("FulfillmentOrderLineItem", number),
                  number,
                  fulfillmentOrder,
                  line,
                  line.quantity()));
        }
      }
      Fulfillment created = null;
      if ("FULFILLED".equals(input.get("fulfillmentStatus")) && !fulfillmentOrder.lines.isEmpty()) {
        Map<String, Object> given = ShopState.map(input.get("fulfillment"));
        List<Tracking> tracking =
            tracking(
                ShopState.string(given.get("trackingCompany"), null),
                ShopState.string(given.get("trackingNumber"), null),
                null);
        Map<FulfillmentOrderLine, Integer> everything = new LinkedHashMap<>();
        fulfillmentOrder.lines.forEach(l -> everything.put(l, l.remainingQuantity));
        created = ship(order, everything, tracking, "FULFILLED");
        if (given.get("shipmentStatus") instanceof String shipment) {
          created.displayStatus = shipment;
          created.shipmentStatus = shipment;
        }
      }
      settleClosed(order);
      publishOrder("ORDERS_CREATE", order);
      if (created != null) {
        publishFulfillment("FULFILLMENTS_CREATE", created);
      }
    }
  }

  // ---- fulfillments ----------------------------------------------------------------------------

  /** {@code fulfillmentCreate(fulfillment:, message:)}. */
  Outcome<Fulfillment> createFulfillment(Map<String, Object> input) {
    synchronized (state) {
      List<Map<String, Object>> errors = new ArrayList<>();
      List<Map<String, Object>> groups = ShopState.maps(input.get("lineItemsByFulfillmentOrder"));
      if (groups.isEmpty()) {
        errors.add(
            error(
                "Line items by fulfillment order can't be blank",
                "fulfillment",
                "lineItemsByFulfillmentOrder"));
      }
      StoredOrder order = null;
      Map<FulfillmentOrderLine, Integer> quantities = new LinkedHashMap<>();
      for (int i = 0; i < groups.size(); i++) {
        Map<String, Object> group = groups.get(i);
        String index = String.valueOf(i);
        FulfillmentOrder fulfillmentOrder =
            fulfillmentOrders.get(String.valueOf(group.get("fulfillmentOrderId")));
        if (fulfillmentOrder == null) {
          errors.add(
              error(
                  "Fulfillment order does not exist.",
                  "fulfillment",
                  "lineItemsByFulfillmentOrder",
                  index,
                  "fulfillmentOrderId"));
          continue;
        }
        if (order != null && fulfillmentOrder.order != order) {
          errors.add(
              error(
                  "All fulfillment orders must belong to the same order.",
                  "fulfillment",
                  "lineItemsByFulfillmentOrder",
                  index,
                  "fulfillmentOrderId"));
          continue;
        }
        order = fulfillmentOrder.order;
        if (!fulfillmentOrder.fulfillable()) {
          errors.add(
              error(
                  "Fulfillment order "
                      + fulfillmentOrder.legacyId
                      + " has an unfulfillable status= "
                      + fulfillmentOrder.status.toLowerCase(Locale.ROOT)
                      + ".",
                  "fulfillment",
                  "lineItemsByFulfillmentOrder",
                  index,
                  "fulfillmentOrderId"));
          continue;
        }
        List<Map<String, Object>> requested =
            ShopState.maps(group.get("fulfillmentOrderLineItems"));
        if (requested.isEmpty()) {
          // Omitted line items mean the whole fulfillment order (reference §2.2).
          for (FulfillmentOrderLine line : fulfillmentOrder.lines) {
            if (line.remainingQuantity > 0) {
              quantities.merge(line, line.remainingQuantity, Integer::sum);
            }
          }
          continue;
        }
        for (int j = 0; j < requested.size(); j++) {
          Map<String, Object> item = requested.get(j);
          FulfillmentOrderLine line = fulfillmentOrder.line(String.valueOf(item.get("id")));
          String lineIndex = String.valueOf(j);
          if (line == null) {
            errors.add(
                error(
                    "Fulfillment order line item does not exist.",
                    "fulfillment",
                    "lineItemsByFulfillmentOrder",
                    index,
                    "fulfillmentOrderLineItems",
                    lineIndex,
                    "id"));
            continue;
          }
          int quantity = item.get("quantity") instanceof Number n ? n.intValue() : 0;
          int already = quantities.getOrDefault(line, 0);
          if (quantity <= 0 || already + quantity > line.remainingQuantity) {
            errors.add(
                error(
                    "Invalid fulfillment order line item quantity requested.",
                    "fulfillment",
                    "lineItemsByFulfillmentOrder",
                    index,
                    "fulfillmentOrderLineItems",
                    lineIndex,
                    "quantity"));
            continue;
          }
          quantities.merge(line, quantity, Integer::sum);
        }
      }
      List<Tracking> tracking =
          tracking(ShopState.map(input.get("trackingInfo")), errors, "fulfillment", "trackingInfo");
      if (!errors.isEmpty()) {
        return new Outcome<>(null, errors);
      }
      Fulfillment fulfillment = ship(order, quantities, tracking, "FULFILLED");
      fulfillment.notifyCustomer = Boolean.TRUE.equals(input.get("notifyCustomer"));
      shipped(order, fulfillment);
      return new Outcome<>(fulfillment, List.of());
    }
  }

  /**
   * The merchant or a 3PL fulfils {@code quantityBySku} (empty: everything left) of an order.
   *
   * @return the fulfillment's gid
   */
  String fulfill(
      String orderId,
      Map<String, Integer> quantityBySku,
      String company,
      String number,
      String url) {
    Objects.requireNonNull(quantityBySku, "quantityBySku");
    synchronized (state) {
      StoredOrder order = requireOrder(orderId);
      if (order.life().cancelled()) {
        throw new IllegalStateException("order " + orderId + " is cancelled");
      }
      List<FulfillmentOrderLine> open = new ArrayList<>();
      for (FulfillmentOrder fulfillmentOrder : order.life().fulfillmentOrders) {
        if (fulfillmentOrder.fulfillable()) {
          for (FulfillmentOrderLine line : fulfillmentOrder.lines) {
            if (line.remainingQuantity > 0) {
              open.add(line);
            }
          }
        }
      }
      Map<FulfillmentOrderLine, Integer> quantities = new LinkedHashMap<>();
      if (quantityBySku.isEmpty()) {
        open.forEach(line -> quantities.put(line, line.remainingQuantity));
      }
      for (Map.Entry<String, Integer> entry : quantityBySku.entrySet()) {
        String sku = entry.getKey();
        int left = entry.getValue() == null ? 0 : entry.getValue();
        if (left <= 0) {
          throw new IllegalArgumentException("quantity of SKU " + sku + " must be positive");
        }
        if (order.lineItems().stream().noneMatch(l -> sku.equals(l.sku()))) {
          throw new IllegalArgumentException("order " + orderId + " has no line with SKU " + sku);
        }
        for (FulfillmentOrderLine line : open) {
          if (left > 0 && sku.equals(line.lineItem.sku())) {
            int taken = Math.min(left, line.remainingQuantity);
            quantities.put(line, taken);
            left -= taken;
          }
        }
        if (left > 0) {
          throw new IllegalArgumentException(
              "only "
                  + (entry.getValue() - left)
                  + " of SKU "
                  + sku
                  + " are left to fulfil on order "
                  + orderId);
        }
      }
      if (quantities.isEmpty()) {
        throw new IllegalStateException("order " + orderId + " has nothing left to fulfil");
      }
      Fulfillment fulfillment =
          ship(order, quantities, tracking(company, number, url), "FULFILLED");
      shipped(order, fulfillment);
      return fulfillment.id;
    }
  }

  /** {@code fulfillmentTrackingInfoUpdate}: replaces the fulfillment's tracking. */
  Outcome<Fulfillment> updateTracking(
      String fulfillmentId, Map<String, Object> input, Boolean notifyCustomer) {
    synchronized (state) {
      List<Map<String, Object>> errors = new ArrayList<>();
      Fulfillment fulfillment = fulfillments.get(fulfillmentId);
      if (fulfillment == null) {
        errors.add(error("Fulfillment does not exist.", "fulfillmentId"));
      } else if (!fulfillment.active()) {
        errors.add(error("A cancelled fulfillment can't be updated.", "fulfillmentId"));
      }
      List<Tracking> tracking = tracking(input, errors, "trackingInfoInput");
      if (!errors.isEmpty()) {
        return new Outcome<>(null, errors);
      }
      Instant now = state.nowSeconds();
      fulfillment.tracking = tracking;
      fulfillment.notifyCustomer |= Boolean.TRUE.equals(notifyCustomer);
      fulfillment.updatedAt = now;
      touch(fulfillment.order, now);
      publishFulfillment("FULFILLMENTS_UPDATE", fulfillment);
      publishOrder("ORDERS_UPDATED", fulfillment.order);
      return new Outcome<>(fulfillment, List.of());
    }
  }

  /** The merchant corrects a fulfillment's tracking. */
  void updateTracking(String fulfillmentId, String company, String number, String url) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("company", company);
    input.put("number", number);
    input.put("url", url);
    orThrow(updateTracking(fulfillmentId, input, false));
  }

  /**
   * {@code fulfillmentEventCreate}: the event's status becomes the fulfillment's display and
   * shipment status; IN_TRANSIT sets {@code inTransitAt} once, DELIVERED sets {@code deliveredAt}.
   */
  Outcome<Event> createEvent(Map<String, Object> input) {
    synchronized (state) {
      List<Map<String, Object>> errors = new ArrayList<>();
      Fulfillment fulfillment = fulfillments.get(String.valueOf(input.get("fulfillmentId")));
      if (fulfillment == null) {
        errors.add(error("Fulfillment does not exist.", "fulfillmentEvent", "fulfillmentId"));
      } else if (!fulfillment.active()) {
        errors.add(
            error(
                "Events can't be added to a cancelled fulfillment.",
                "fulfillmentEvent",
                "fulfillmentId"));
      }
      Instant now = state.nowSeconds();
      Instant happenedAt = instant(input.get("happenedAt"), now, errors, "happenedAt");
      Instant estimated =
          instant(input.get("estimatedDeliveryAt"), null, errors, "estimatedDeliveryAt");
      if (!errors.isEmpty()) {
        return new Outcome<>(null, errors);
      }
      String status = String.valueOf(input.get("status"));
      long number = state.nextId();
      Event event =
          new Event(
              ShopState.gid("FulfillmentEvent", number),
              status,
              happenedAt,
              now,
              ShopState.string(input.get("message"), null),
              estimated);
      fulfillment.events.add(event);
      fulfillment.displayStatus = status;
      fulfillment.shipmentStatus = status;
      if (status.equals("IN_TRANSIT") && fulfillment.inTransitAt == null) {
        fulfillment.inTransitAt = happenedAt;
      }
      if (status.equals("DELIVERED")) {
        fulfillment.deliveredAt = happenedAt;
      }
      if (estimated != null) {
        fulfillment.estimatedDeliveryAt = estimated;
      }
      fulfillment.updatedAt = now;
      touch(fulfillment.order, now);
      publishFulfillment("FULFILLMENTS_UPDATE", fulfillment);
      publishOrder("ORDERS_UPDATED", fulfillment.order);
      return new Outcome<>(event, List.of());
    }
  }

  /** A carrier reports a shipment event. */
  void addFulfillmentEvent(String fulfillmentId, String status) {
    if (!EVENT_STATUSES.contains(status)) {
      throw new IllegalArgumentException(
          "not a FulfillmentEventStatus: " + status + "; one of " + EVENT_STATUSES);
    }
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("fulfillmentId", fulfillmentId);
    input.put("status", status);
    orThrow(createEvent(input));
  }

  /**
   * {@code fulfillmentCancel}: the quantities go back to be fulfilled again. A fulfillment order
   * that was closed stays closed and a new open one holds them; one still in progress takes them
   * back (schema description of {@code fulfillmentCancel}).
   */
  Outcome<Fulfillment> cancelFulfillment(String id) {
    synchronized (state) {
      Fulfillment fulfillment = fulfillments.get(id);
      if (fulfillment == null) {
        return new Outcome<>(null, List.of(error("Fulfillment does not exist.", "id")));
      }
      if (!fulfillment.active()) {
        return new Outcome<>(null, List.of(error("Fulfillment has already been cancelled.", "id")));
      }
      Instant now = state.nowSeconds();
      fulfillment.status = OrderLife.CANCELLED;
      fulfillment.displayStatus = "CANCELED";
      fulfillment.updatedAt = now;
      StoredOrder order = fulfillment.order;
      Map<FulfillmentOrder, FulfillmentOrder> reopened = new LinkedHashMap<>();
      for (FulfillmentLine line : fulfillment.lines) {
        FulfillmentOrder owner = line.orderLine().owner;
        if (owner.status.equals("CLOSED")) {
          FulfillmentOrder fresh =
              reopened.computeIfAbsent(owner, o -> newFulfillmentOrder(order, now));
          long number = state.nextId();
          fresh.lines.add(
              new FulfillmentOrderLine(
                  ShopState.gid("FulfillmentOrderLineItem", number),
                  number,
                  fresh,
                  line.lineItem(),
                  line.quantity()));
        } else {
          line.orderLine().remainingQuantity += line.quantity();
          owner.settle(now);
        }
      }
      touch(order, now);
      settleClosed(order);
      publishFulfillment("FULFILLMENTS_UPDATE", fulfillment);
      publishOrder("ORDERS_UPDATED", order);
      return new Outcome<>(fulfillment, List.of());
    }
  }

  /** The merchant cancels a fulfillment. */
  void cancelFulfillmentOrThrow(String fulfillmentId) {
    orThrow(cancelFulfillment(fulfillmentId));
  }

  // ---- cancellation and edits ------------------------------------------------------------------

  /**
   * {@code orderCancel}: refused for an unknown or cancelled order, and for one with fulfillments
   * that are not cancelled (they can't be undone by an order cancel). Applied at once: the
   * fulfillment orders close, current quantities drop to 0, {@code restock} puts the unfulfilled
   * quantities back in stock, and {@code orders/cancelled} then {@code orders/updated} fire.
   *
   * @return the job's gid; the job is done as soon as anyone asks
   */
  Outcome<String> cancelOrder(
      String orderId,
      String reason,
      boolean restock,
      Boolean refund,
      boolean notifyCustomer,
      String staffNote) {
    synchronized (state) {
      StoredOrder order = state.order(orderId);
      if (order == null) {
        return new Outcome<>(
            null, List.of(ShopState.userError("NOT_FOUND", "Order does not exist", "orderId")));
      }
      OrderLife life = order.life();
      if (life.cancelled()) {
        return new Outcome<>(
            null,
            List.of(ShopState.userError("INVALID", "Order has already been cancelled", "orderId")));
      }
      if (life.fulfillments.stream().anyMatch(Fulfillment::active)) {
        return new Outcome<>(
            null,
            List.of(
                ShopState.userError(
                    "INVALID",
                    "Order has fulfillments that can't be cancelled; cancel them first",
                    "orderId")));
      }
      Instant now = state.nowSeconds();
      for (FulfillmentOrder fulfillmentOrder : life.fulfillmentOrders) {
        for (FulfillmentOrderLine line : fulfillmentOrder.lines) {
          if (restock && line.lineItem.variant() != null) {
            line.lineItem.variant().available += line.remainingQuantity;
          }
          line.remainingQuantity = 0;
        }
        if (!fulfillmentOrder.status.equals("CLOSED")) {
          fulfillmentOrder.status = "CLOSED";
          fulfillmentOrder.updatedAt = now;
        }
      }
      for (LineItem line : order.lineItems()) {
        life.currentQuantity(line, 0);
      }
      String jobId = "gid://shopify/Job/" + UUID.randomUUID();
      jobs.add(jobId);
      life.cancelledAt = now;
      life.closedAt = now;
      life.cancellation =
          new Cancellation(reason, restock, refund, notifyCustomer, staffNote, jobId);
      touch(order, now);
      publishOrder("ORDERS_CANCELLED", order);
      publishOrder("ORDERS_UPDATED", order);
      return new Outcome<>(jobId, List.of());
    }
  }

  /** The merchant cancels an order. */
  void cancelOrder(String orderId, String reason, boolean restock) {
    if (!CANCEL_REASONS.contains(reason)) {
      throw new IllegalArgumentException(
          "not an OrderCancelReason: " + reason + "; one of " + CANCEL_REASONS);
    }
    synchronized (state) {
      requireOrder(orderId);
      Outcome<String> outcome = cancelOrder(orderId, reason, restock, null, false, null);
      if (!outcome.userErrors().isEmpty()) {
        throw new IllegalStateException(String.valueOf(outcome.userErrors().get(0).get("message")));
      }
    }
  }

  /**
   * An order edit removing the unfulfilled quantity of the first line with {@code sku} that still
   * has some: its current quantity drops by that much, the quantity goes back in stock (the admin's
   * default), and {@code orders/edited} then {@code orders/updated} fire.
   */
  void removeLine(String orderId, String sku) {
    synchronized (state) {
      StoredOrder order = requireOrder(orderId);
      OrderLife life = order.life();
      if (life.cancelled()) {
        throw new IllegalStateException("order " + orderId + " is cancelled");
      }
      List<LineItem> withSku =
          order.lineItems().stream().filter(l -> Objects.equals(sku, l.sku())).toList();
      if (withSku.isEmpty()) {
        throw new IllegalArgumentException("order " + orderId + " has no line with SKU " + sku);
      }
      LineItem line =
          withSku.stream()
              .filter(l -> life.unfulfilledQuantity(l) > 0)
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "no unfulfilled quantity of SKU " + sku + " is left to remove"));
      int removed = life.unfulfilledQuantity(line);
      Instant now = state.nowSeconds();
      life.currentQuantity(line, life.currentQuantity(line) - removed);
      for (FulfillmentOrder fulfillmentOrder : life.fulfillmentOrders) {
        boolean changed = false;
        for (FulfillmentOrderLine foLine : fulfillmentOrder.lines) {
          if (foLine.lineItem == line && foLine.remainingQuantity > 0) {
            if (line.variant() != null) {
              line.variant().available += foLine.remainingQuantity;
            }
            foLine.totalQuantity -= foLine.remainingQuantity;
            foLine.remainingQuantity = 0;
            changed = true;
          }
        }
        if (changed) {
          fulfillmentOrder.settle(now);
        }
      }
      touch(order, now);
      settleClosed(order);
      webhooks.publish(
          "ORDERS_EDITED", WebhookPayloads.orderEdit(state.nextId(), order, now, line, removed));
      publishOrder("ORDERS_UPDATED", order);
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private FulfillmentOrder newFulfillmentOrder(StoredOrder order, Instant now) {
    long number = state.nextId();
    FulfillmentOrder fulfillmentOrder =
        new FulfillmentOrder(
            ShopState.gid("FulfillmentOrder", number), number, order, state.location(), now);
    order.life().fulfillmentOrders.add(fulfillmentOrder);
    fulfillmentOrders.put(fulfillmentOrder.id, fulfillmentOrder);
    return fulfillmentOrder;
  }

  private Fulfillment ship(
      StoredOrder order,
      Map<FulfillmentOrderLine, Integer> quantities,
      List<Tracking> tracking,
      String displayStatus) {
    Instant now = state.nowSeconds();
    List<FulfillmentLine> lines = new ArrayList<>();
    Set<FulfillmentOrder> touched = new LinkedHashSet<>();
    quantities.forEach(
        (line, quantity) -> {
          line.remainingQuantity -= quantity;
          long number = state.nextId();
          lines.add(
              new FulfillmentLine(
                  ShopState.gid("FulfillmentLineItem", number), number, line, quantity));
          touched.add(line.owner);
        });
    touched.forEach(f -> f.settle(now));
    OrderLife life = order.life();
    long number = state.nextId();
    Fulfillment fulfillment =
        new Fulfillment(
            ShopState.gid("Fulfillment", number),
            number,
            order.name() + "." + (life.fulfillments.size() + 1),
            order,
            now,
            lines,
            tracking,
            displayStatus);
    life.fulfillments.add(fulfillment);
    fulfillments.put(fulfillment.id, fulfillment);
    touch(order, now);
    return fulfillment;
  }

  /** The webhooks of a new fulfillment: the fulfillment, the order, and its fulfilment state. */
  private void shipped(StoredOrder order, Fulfillment fulfillment) {
    settleClosed(order);
    publishFulfillment("FULFILLMENTS_CREATE", fulfillment);
    publishOrder("ORDERS_UPDATED", order);
    boolean complete = order.life().displayFulfillmentStatus(order.lineItems()).equals("FULFILLED");
    publishOrder(complete ? "ORDERS_FULFILLED" : "ORDERS_PARTIALLY_FULFILLED", order);
  }

  /**
   * Applies {@code FulfillmentTrackingInput}'s rules (reference §2.2): {@code url} or {@code urls},
   * {@code number} or {@code numbers}, a URL needs its number. Adds user errors under {@code path}.
   */
  private static List<Tracking> tracking(
      Map<String, Object> input, List<Map<String, Object>> errors, String... path) {
    if (input.isEmpty()) {
      return List.of();
    }
    String company = ShopState.string(input.get("company"), null);
    String number = ShopState.string(input.get("number"), null);
    String url = ShopState.string(input.get("url"), null);
    List<String> numbers = strings(input.get("numbers"));
    List<String> urls = strings(input.get("urls"));
    int before = errors.size();
    if (url != null && urls != null) {
      errors.add(error("Provide either url or urls, not both.", append(path, "urls")));
    }
    if (number != null && numbers != null) {
      errors.add(error("Provide either number or numbers, not both.", append(path, "numbers")));
    }
    if (url != null && number == null) {
      errors.add(error("A tracking url needs a tracking number.", append(path, "number")));
    }
    if (urls != null && numbers == null) {
      errors.add(error("Tracking urls need tracking numbers.", append(path, "numbers")));
    }
    if (errors.size() > before) {
      return List.of();
    }
    List<String> allNumbers =
        number != null ? List.of(number) : numbers != null ? numbers : List.of();
    List<String> allUrls = url != null ? List.of(url) : urls != null ? urls : List.of();
    if (allNumbers.isEmpty()) {
      return company == null ? List.of() : List.of(new Tracking(company, null, null));
    }
    List<Tracking> tracking = new ArrayList<>();
    for (int i = 0; i < allNumbers.size(); i++) {
      String trackingUrl =
          i < allUrls.size() ? allUrls.get(i) : carrierUrl(company, allNumbers.get(i));
      tracking.add(new Tracking(company, allNumbers.get(i), trackingUrl));
    }
    return List.copyOf(tracking);
  }

  /** Tracking from the Java API's single company, number and URL, any of them null. */
  private static List<Tracking> tracking(String company, String number, String url) {
    Map<String, Object> input = new LinkedHashMap<>();
    if (company != null) {
      input.put("company", company);
    }
    if (number != null) {
      input.put("number", number);
    }
    if (url != null) {
      input.put("url", url);
    }
    List<Map<String, Object>> errors = new ArrayList<>();
    List<Tracking> tracking = tracking(input, errors);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.valueOf(errors.get(0).get("message")));
    }
    return tracking;
  }

  private static String carrierUrl(String company, String number) {
    String prefix = company == null ? null : CARRIER_URLS.get(company);
    return prefix == null ? null : prefix + URLEncoder.encode(number, StandardCharsets.UTF_8);
  }

  void touch(StoredOrder order, Instant now) {
    OrderLife life = order.life();
    if (now.isAfter(life.updatedAt)) {
      life.updatedAt = now;
    }
  }

  /**
   * An order closes when everything is fulfilled and its payment is settled (schema description of
   * {@code Order.closed}), or when it is cancelled; it reopens if a fulfillment is cancelled.
   */
  void settleClosed(StoredOrder order) {
    OrderLife life = order.life();
    if (life.cancelled()) {
      return;
    }
    boolean done =
        life.displayFulfillmentStatus(order.lineItems()).equals("FULFILLED")
            && SETTLED_FINANCIAL_STATUSES.contains(order.displayFinancialStatus());
    if (!done) {
      life.closedAt = null;
    } else if (life.closedAt == null) {
      life.closedAt = life.updatedAt;
    }
  }

  void publishOrder(String topic, StoredOrder order) {
    webhooks.publish(topic, WebhookPayloads.order(order, state.location().id()));
  }

  private void publishFulfillment(String topic, Fulfillment fulfillment) {
    webhooks.publish(topic, WebhookPayloads.fulfillment(fulfillment, state.location().id()));
  }

  private StoredOrder requireOrder(String orderId) {
    StoredOrder order = state.order(orderId);
    if (order == null) {
      throw new IllegalArgumentException("no order " + orderId);
    }
    return order;
  }

  private static Instant instant(
      Object value, Instant fallback, List<Map<String, Object>> errors, String field) {
    if (value == null) {
      return fallback;
    }
    Instant parsed = ShopState.parseInstant(String.valueOf(value));
    if (parsed == null) {
      errors.add(error("Date time is invalid", "fulfillmentEvent", field));
    }
    return parsed;
  }

  private static <T> T orThrow(Outcome<T> outcome) {
    if (!outcome.userErrors().isEmpty()) {
      throw new IllegalArgumentException(
          String.valueOf(outcome.userErrors().get(0).get("message")));
    }
    return outcome.value();
  }

  private static List<String> strings(Object value) {
    if (!(value instanceof List<?> list)) {
      return null;
    }
    List<String> strings = new ArrayList<>();
    list.forEach(v -> strings.add(String.valueOf(v)));
    return List.copyOf(strings);
  }

  private static String[] append(String[] path, String last) {
    String[] field = new String[path.length + 1];
    System.arraycopy(path, 0, field, 0, path.length);
    field[path.length] = last;
    return field;
  }

  /** A {@code UserError}, which has no code. */
  private static Map<String, Object> error(String message, String... field) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("field", List.of(field));
    error.put("message", message);
    return error;
  }
}
