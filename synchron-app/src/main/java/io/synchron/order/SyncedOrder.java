package io.synchron.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One marketplace order and the Shopify order it became. The two sides' statuses move only through the guarded
 * transitions below; each checks its allowed-from set, throws {@link IllegalOrderTransitionException} naming the
 * current status otherwise, and registers a past-tense {@link OrderEvent}. Not thread-safe: load, change and save it
 * within one transaction holding the row lock.
 */
public final class SyncedOrder {

  private final SyncedOrderId id;
  private final String channelId;
  private final String marketplaceOrderId;
  private MarketplaceStatus marketplaceStatus;
  private ShopifyStatus shopifyStatus;
  private MarketplaceOrder snapshot;
  private String reviewReason;
  private ShopifyOrderRef shopifyOrder;
  private String attention;
  private long version;
  private final List<OrderEvent> events = new ArrayList<>();

  private SyncedOrder(
      SyncedOrderId id,
      String channelId,
      MarketplaceOrder snapshot,
      MarketplaceStatus marketplaceStatus,
      ShopifyStatus shopifyStatus,
      String reviewReason,
      ShopifyOrderRef shopifyOrder,
      String attention,
      long version) {
    this.id = Objects.requireNonNull(id);
    this.attention = attention;
    this.channelId = Objects.requireNonNull(channelId);
    this.snapshot = Objects.requireNonNull(snapshot);
    this.marketplaceOrderId = snapshot.orderId();
    this.marketplaceStatus = Objects.requireNonNull(marketplaceStatus);
    this.shopifyStatus = Objects.requireNonNull(shopifyStatus);
    this.reviewReason = reviewReason;
    this.shopifyOrder = shopifyOrder;
    this.version = version;
  }

  /** A marketplace order seen for the first time. */
  public static SyncedOrder discovered(String channelId, MarketplaceOrder snapshot) {
    SyncedOrder order =
        new SyncedOrder(
            SyncedOrderId.random(),
            channelId,
            snapshot,
            MarketplaceStatus.NEW,
            ShopifyStatus.NOT_IMPORTED,
            null,
            null,
            null,
            0);
    order.events.add(
        OrderEvent.marketplace(
            "ORDER_RECEIVED",
            "Order " + snapshot.orderId() + " received in state " + snapshot.rawState()
                + " with " + snapshot.lines().size() + " line(s)"));
    order.follow(snapshot);
    return order;
  }

  /** Rebuilds an order from storage; registers no event. */
  public static SyncedOrder restore(
      SyncedOrderId id,
      String channelId,
      MarketplaceOrder snapshot,
      MarketplaceStatus marketplaceStatus,
      ShopifyStatus shopifyStatus,
      String reviewReason,
      ShopifyOrderRef shopifyOrder,
      String attention,
      long version) {
    return new SyncedOrder(
        id, channelId, snapshot, marketplaceStatus, shopifyStatus, reviewReason, shopifyOrder, attention, version);
  }

  /**
   * Takes in a newer snapshot from the marketplace and follows its state. Older snapshots are ignored, and so are
   * snapshots with the same update time unless their state is further along (a poll overlap or an out-of-order
   * delivery never moves an order back; two changes within one second are not lost). States that imply no move we can make (an
   * unknown state, or one our status cannot come from) are recorded on the timeline instead.
   *
   * @return whether the snapshot was newer and taken in
   */
  public boolean observe(MarketplaceOrder newer) {
    return observe(newer, true);
  }

  /**
   * Takes in the marketplace's order as it is right after Synchron itself cancelled lines there: the same as {@link
   * #observe}, without asking a person to remove those lines from Shopify (they were removed there first).
   */
  public boolean observeAfterOwnCancellation(MarketplaceOrder newer) {
    return observe(newer, false);
  }

  private boolean observe(MarketplaceOrder newer, boolean flagCancelledLines) {
    if (!newer.orderId().equals(marketplaceOrderId)) {
      throw new IllegalArgumentException("Snapshot of " + newer.orderId() + " given to " + marketplaceOrderId);
    }
    if (snapshot.updatedAt() != null && newer.updatedAt() != null) {
      if (newer.updatedAt().isBefore(snapshot.updatedAt())) {
        return false;
      }
      // Same timestamp: two changes within the clock's resolution. Take it only if it is further along.
      if (newer.updatedAt().equals(snapshot.updatedAt()) && !furtherAlong(newer, snapshot)) {
        return false;
      }
    }
    MarketplaceOrder previous = snapshot;
    snapshot = newer;
    if (previous.state() != newer.state() && newer.state() != MarketplaceState.UNKNOWN) {
      events.add(
          OrderEvent.marketplace(
              "STATE_CHANGED", "Marketplace state " + previous.rawState() + " -> " + newer.rawState()));
    }
    follow(newer);
    if (flagCancelledLines) {
      noticeLinesCancelledAfterImport(previous, newer);
      noticeIncidents(previous, newer);
    }
    return true;
  }

  /**
   * Whether a snapshot is further along than another with the same update time: its order state is, or its order
   * state is the same and no line went back while at least one line went forward (a line cancelled, one more
   * refund).
   */
  static boolean furtherAlong(MarketplaceOrder newer, MarketplaceOrder older) {
    int order = Integer.compare(newer.state().progress(), older.state().progress());
    if (order != 0) {
      return order > 0;
    }
    boolean forward = false;
    for (MarketplaceOrder.Line line : newer.lines()) {
      MarketplaceOrder.Line before = older.lines().stream()
          .filter(l -> l.lineId().equals(line.lineId())).findFirst().orElse(null);
      if (before == null) {
        continue;
      }
      int step = Integer.compare(MarketplaceState.parse(line.rawState()).progress(),
          MarketplaceState.parse(before.rawState()).progress());
      if (step < 0) {
        return false;
      }
      forward |= step > 0;
      // Refunds only ever accumulate: one more is a later version.
      if (line.refunds().size() < before.refunds().size()) {
        return false;
      }
      forward |= line.refunds().size() > before.refunds().size();
    }
    return forward;
  }

  /**
   * Lines the marketplace cancels after the Shopify order exists, while the rest of the order goes on: Shopify still
   * has them to fulfil. Removing lines from a Shopify order is an order edit Synchron does not make yet, so a person
   * is asked to, with the lines named.
   */
  private void noticeLinesCancelledAfterImport(MarketplaceOrder previous, MarketplaceOrder newer) {
    if (!shopifyStatus.exists() || shopifyStatus == ShopifyStatus.CANCELLED
        || marketplaceStatus == MarketplaceStatus.CANCELED) {
      return;
    }
    List<String> cancelled = new ArrayList<>();
    for (MarketplaceOrder.Line line : newer.lines()) {
      boolean endedNow = "CANCELED".equals(line.rawState()) || "REFUSED".equals(line.rawState());
      boolean endedBefore = previous.lines().stream()
          .anyMatch(p -> p.lineId().equals(line.lineId())
              && ("CANCELED".equals(p.rawState()) || "REFUSED".equals(p.rawState())));
      if (endedNow && !endedBefore) {
        cancelled.add(line.lineId() + " (" + line.sku() + " x" + line.quantity() + ")");
      }
    }
    if (!cancelled.isEmpty()) {
      requireAttention("Lines cancelled on the marketplace after Shopify order " + shopifyName() + " was created: "
          + String.join(", ", cancelled) + ". Remove them from the Shopify order (edit it, with restock) so they are"
          + " not shipped, then dismiss.");
    }
  }

  /**
   * Incidents the customer or the operator opens on lines (line state INCIDENT_OPEN) go on the timeline and ask a
   * person to deal with them; one that closes (resolved from Synchron or on the marketplace) is noted too.
   */
  private void noticeIncidents(MarketplaceOrder previous, MarketplaceOrder newer) {
    List<String> opened = new ArrayList<>();
    for (MarketplaceOrder.Line line : newer.lines()) {
      boolean openNow = INCIDENT_OPEN.equals(line.rawState());
      boolean openBefore = previous.lines().stream()
          .anyMatch(p -> p.lineId().equals(line.lineId()) && INCIDENT_OPEN.equals(p.rawState()));
      if (openNow && !openBefore) {
        opened.add(line.lineId() + " (" + line.sku() + ")");
        events.add(OrderEvent.marketplace("INCIDENT_OPENED", "Incident opened on the marketplace on line "
            + line.lineId() + " (" + line.sku() + ")"));
      } else if (!openNow && openBefore) {
        events.add(OrderEvent.marketplace("INCIDENT_CLOSED", "Incident on line " + line.lineId() + " ("
            + line.sku() + ") closed; the line is " + line.rawState()));
      }
    }
    if (!opened.isEmpty()) {
      requireAttention("Incident opened on the marketplace on lines " + String.join(", ", opened) + ". Answer the"
          + " customer, refund in Shopify if money is due (it is sent to the marketplace), then resolve the incident"
          + " (POST /api/orders/" + id.value() + "/incidents/{lineId}/resolve) and dismiss.");
    }
  }

  /** Mirakl's line state while an incident is open. */
  public static final String INCIDENT_OPEN = "INCIDENT_OPEN";

  /** The lines with an open incident. */
  public List<String> linesWithOpenIncident() {
    return snapshot.lines().stream().filter(l -> INCIDENT_OPEN.equals(l.rawState()))
        .map(MarketplaceOrder.Line::lineId).toList();
  }

  private void follow(MarketplaceOrder newer) {
    if (newer.state() == MarketplaceState.UNKNOWN) {
      events.add(
          OrderEvent.marketplace(
              "UNRECOGNISED_STATE",
              "The marketplace reports state '" + newer.rawState()
                  + "', which Synchron does not know; no action taken"));
      return;
    }
    MarketplaceStatus target = MarketplaceStatus.observedAs(newer.state());
    if (target == null || target == marketplaceStatus) {
      return;
    }
    if (!target.allowedFrom().contains(marketplaceStatus)) {
      events.add(
          OrderEvent.marketplace(
              "INCONSISTENT_STATE",
              "The marketplace reports " + newer.rawState() + " but the order is " + marketplaceStatus
                  + " here; kept as is"));
      return;
    }
    moveMarketplace(target, describeObserved(target));
    if ((target == MarketplaceStatus.CANCELED || target == MarketplaceStatus.REFUSED)
        && !shopifyStatus.exists()
        && shopifyStatus != ShopifyStatus.NOT_REQUIRED) {
      moveShopify(ShopifyStatus.NOT_REQUIRED, "SHOPIFY_NOT_REQUIRED",
          "No Shopify order will be created: the order is " + target.name().toLowerCase());
    }
    if (target == MarketplaceStatus.CANCELED
        && (shopifyStatus == ShopifyStatus.PARTIALLY_FULFILLED || shopifyStatus == ShopifyStatus.FULFILLED)) {
      requireAttention(
          "Conflict: cancelled on the marketplace (" + describeReason(newer) + ") but Shopify order "
              + shopifyName() + " is already " + shopifyStatus.name().toLowerCase().replace('_', ' ')
              + ". Stop the parcel or arrange a return with the customer, then dismiss.");
    }
  }

  private static String describeReason(MarketplaceOrder order) {
    return order.rawState();
  }

  private String shopifyName() {
    return shopifyOrder == null ? "" : shopifyOrder.name() == null ? shopifyOrder.gid() : shopifyOrder.name();
  }

  /** Whether the marketplace cancelled an order whose Shopify order is still open and unfulfilled. */
  public boolean needsCancellationInShopify() {
    return marketplaceStatus == MarketplaceStatus.CANCELED && shopifyStatus == ShopifyStatus.IMPORTED;
  }

  /** Shopify reports fulfilments covering some or every line. */
  public void fulfilledInShopify(boolean everyLine, String description) {
    ShopifyStatus target = everyLine ? ShopifyStatus.FULFILLED : ShopifyStatus.PARTIALLY_FULFILLED;
    if (shopifyStatus != target) {
      moveShopify(target, everyLine ? "FULFILLED" : "PARTIALLY_FULFILLED", description);
    }
  }

  /** The Shopify order is cancelled (by a person in Shopify, or by Synchron following the marketplace). */
  public void cancelledInShopify(String description) {
    if (shopifyStatus != ShopifyStatus.CANCELLED) {
      moveShopify(ShopifyStatus.CANCELLED, "CANCELLED_IN_SHOPIFY", description);
    }
  }

  /** The marketplace accepted our shipment validation. */
  public void shippedOnMarketplace(String description) {
    if (marketplaceStatus == MarketplaceStatus.SHIPPED || marketplaceStatus == MarketplaceStatus.CLOSED) {
      events.add(OrderEvent.marketplace("SHIPMENT_SENT", description));
    } else {
      moveMarketplace(MarketplaceStatus.SHIPPED, description);
    }
  }

  /** The marketplace accepted our cancellation of the whole order. */
  public void cancelledOnMarketplace(String description) {
    if (marketplaceStatus != MarketplaceStatus.CANCELED) {
      moveMarketplace(MarketplaceStatus.CANCELED, description);
    }
  }

  /** Something on this order needs a person, though no action failed. */
  public void requireAttention(String reason) {
    if (reason.equals(attention)) {
      return;
    }
    attention = Objects.requireNonNull(reason);
    events.add(OrderEvent.synchron("NEEDS_ATTENTION", reason));
  }

  /** A person has dealt with what needed attention. */
  public void attentionResolved(String by) {
    if (attention == null) {
      throw new IllegalStateException("Order " + marketplaceOrderId + " needs no attention; nothing to dismiss");
    }
    attention = null;
    events.add(OrderEvent.synchron("ATTENTION_RESOLVED", "Marked as dealt with by " + by));
  }

  public String attention() {
    return attention;
  }

  private static String describeObserved(MarketplaceStatus target) {
    return switch (target) {
      case ACCEPTED -> "Accepted on the marketplace; waiting for the customer's payment";
      case TO_SHIP -> "Paid on the marketplace; ready to ship";
      case SHIPPED -> "Shipped according to the marketplace";
      case CLOSED -> "Closed on the marketplace";
      case REFUSED -> "Refused on the marketplace";
      case CANCELED -> "Cancelled on the marketplace";
      default -> "Marketplace status " + target;
    };
  }

  /** Every line can be served from Shopify: accept it on the marketplace. */
  public void decideToAccept() {
    reviewReason = null;
    moveMarketplace(MarketplaceStatus.ACCEPTING, "Decided to accept every line; sending the acceptance");
  }

  /** A person (or the channel's policy) refuses the order. */
  public void decideToRefuse(String reason) {
    reviewReason = reason;
    moveMarketplace(MarketplaceStatus.REFUSING, "Decided to refuse every line: " + reason);
  }

  /** The order cannot be accepted automatically; a person must decide. */
  public void holdForReview(String reason) {
    reviewReason = Objects.requireNonNull(reason);
    moveMarketplace(MarketplaceStatus.IN_REVIEW, "Waiting for a decision: " + reason);
  }

  /** The marketplace confirmed our acceptance call. */
  public void acceptanceConfirmed() {
    if (marketplaceStatus == MarketplaceStatus.ACCEPTING) {
      moveMarketplace(MarketplaceStatus.ACCEPTED, "Acceptance confirmed by the marketplace");
    } else {
      events.add(OrderEvent.marketplace("ACCEPTANCE_CONFIRMED", "Acceptance confirmed by the marketplace"));
    }
  }

  /** The marketplace confirmed our refusal call. */
  public void refusalConfirmed() {
    if (marketplaceStatus == MarketplaceStatus.REFUSING) {
      moveMarketplace(MarketplaceStatus.REFUSED, "Refusal confirmed by the marketplace");
      if (shopifyStatus == ShopifyStatus.NOT_IMPORTED) {
        moveShopify(ShopifyStatus.NOT_REQUIRED, "SHOPIFY_NOT_REQUIRED", "No Shopify order: refused");
      }
    } else {
      events.add(OrderEvent.marketplace("REFUSAL_CONFIRMED", "Refusal confirmed by the marketplace"));
    }
  }

  /** Whether the order is paid and should exist in Shopify but is not there yet. */
  public boolean needsImport() {
    return shopifyStatus == ShopifyStatus.NOT_IMPORTED
        && (marketplaceStatus == MarketplaceStatus.TO_SHIP
            || marketplaceStatus == MarketplaceStatus.SHIPPED
            || marketplaceStatus == MarketplaceStatus.CLOSED);
  }

  public void queueImport() {
    moveShopify(ShopifyStatus.IMPORT_QUEUED, "IMPORT_QUEUED", "Import into Shopify queued");
  }

  /** The Shopify order exists: created by us now, or found by its source identifier after a lost answer. */
  public void imported(ShopifyOrderRef ref, boolean foundExisting) {
    moveShopify(
        ShopifyStatus.IMPORTED,
        foundExisting ? "LINKED_EXISTING" : "IMPORTED",
        (foundExisting ? "Found the Shopify order created earlier: " : "Created Shopify order ")
            + (ref.name() == null ? ref.gid() : ref.name() + " (" + ref.gid() + ")"));
    this.shopifyOrder = ref;
  }

  /** Records a note on the timeline without a state change (e.g. a failed attempt that will be retried). */
  public void note(OrderEvent.Side side, String type, String message) {
    events.add(new OrderEvent(side, type, message));
  }

  private void moveMarketplace(MarketplaceStatus target, String message) {
    if (!target.allowedFrom().contains(marketplaceStatus)) {
      throw new IllegalOrderTransitionException("marketplace", marketplaceStatus, target);
    }
    marketplaceStatus = target;
    events.add(
        new OrderEvent(
            target == MarketplaceStatus.IN_REVIEW || target == MarketplaceStatus.ACCEPTING
                    || target == MarketplaceStatus.REFUSING
                ? OrderEvent.Side.SYNCHRON
                : OrderEvent.Side.MARKETPLACE,
            "MARKETPLACE_" + target.name(),
            message));
  }

  private void moveShopify(ShopifyStatus target, String type, String message) {
    if (!target.allowedFrom().contains(shopifyStatus)) {
      throw new IllegalOrderTransitionException("Shopify", shopifyStatus, target);
    }
    shopifyStatus = target;
    events.add(OrderEvent.shopify(type, message));
  }

  /** The events registered since the order was loaded, oldest first; cleared by the repository on save. */
  public List<OrderEvent> pendingEvents() {
    return List.copyOf(events);
  }

  /**
   * For the repository, once the order is written: bumps the version it was written at and hands over the events
   * registered since it was loaded, clearing them.
   */
  public List<OrderEvent> markSaved() {
    version++;
    List<OrderEvent> saved = List.copyOf(events);
    events.clear();
    return saved;
  }

  public SyncedOrderId id() {
    return id;
  }

  public String channelId() {
    return channelId;
  }

  public String marketplaceOrderId() {
    return marketplaceOrderId;
  }

  public MarketplaceStatus marketplaceStatus() {
    return marketplaceStatus;
  }

  public ShopifyStatus shopifyStatus() {
    return shopifyStatus;
  }

  public MarketplaceOrder snapshot() {
    return snapshot;
  }

  public String reviewReason() {
    return reviewReason;
  }

  public ShopifyOrderRef shopifyOrder() {
    return shopifyOrder;
  }

  public long version() {
    return version;
  }

  /** For persistence: the instant the snapshot was last updated on the marketplace. */
  public Instant marketplaceUpdatedAt() {
    return snapshot.updatedAt();
  }
}
