package io.synchron.api;

import io.synchron.intake.ManualDecisions;
import io.synchron.jobs.Job;
import io.synchron.jobs.Jobs;
import io.synchron.order.MarketplaceOrder;
import io.synchron.order.MarketplaceStatus;
import io.synchron.order.ShopifyStatus;
import io.synchron.order.SyncedOrder;
import io.synchron.order.SyncedOrderId;
import io.synchron.order.SyncedOrders;
import io.synchron.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Orders as operations teams see them: both sides' states, the Shopify link, and what happened when. */
@RestController
@RequestMapping("/api/orders")
class OrdersController {

  private final SyncedOrders orders;
  private final ManualDecisions decisions;
  private final Jobs jobs;
  private final io.synchron.order.Shipments shipments;

  private final io.synchron.refunds.RefundTransfers transfers;
  private final io.synchron.refunds.OrderReturns returns;

  OrdersController(SyncedOrders orders, ManualDecisions decisions, Jobs jobs, io.synchron.order.Shipments shipments,
      io.synchron.refunds.RefundTransfers transfers, io.synchron.refunds.OrderReturns returns) {
    this.transfers = transfers;
    this.returns = returns;
    this.shipments = shipments;
    this.orders = orders;
    this.decisions = decisions;
    this.jobs = jobs;
  }

  record OrderSummary(
      UUID id,
      String channelId,
      String marketplaceOrderId,
      String marketplaceState,
      MarketplaceStatus marketplaceStatus,
      ShopifyStatus shopifyStatus,
      String shopifyOrderId,
      String shopifyOrderName,
      String reviewReason,
      Instant marketplaceUpdatedAt) {}

  record OrderPage(long total, int limit, int offset, List<OrderSummary> orders) {}

  /** Amounts are decimal strings at the currency's minor units ("19.90", "3.125"), never binary floats. */
  record Line(
      String lineId, String sku, String title, int quantity, String unitPrice, String state,
      String shopifyLineItemId) {}

  record Action(String id, String kind, String state, int attempts, String lastError, Instant executeAt) {}

  record TimelineEntry(Instant at, String side, String type, String message) {}

  record ShipmentView(
      String shopifyFulfillmentId,
      String status,
      String deliveryStatus,
      String trackingCompany,
      String trackingNumber,
      String trackingUrl,
      java.util.Map<String, Integer> lines,
      String marketplaceShipmentId) {}

  record OrderDetail(
      OrderSummary order,
      String currency,
      String taxMode,
      String totalPrice,
      Instant shippingDeadline,
      String attention,
      List<Line> lines,
      List<ShipmentView> shipments,
      List<Action> actions,
      List<RefundView> refunds,
      List<ReturnView> returns,
      List<TimelineEntry> timeline) {}

  /**
   * A refund carried between the sides: from Shopify to the marketplace (OR28) or from the marketplace to Shopify;
   * state PENDING, WAITING_FOR_MARKETPLACE, DONE or NOTHING_TO_SEND.
   */
  record RefundView(String direction, String shopifyRefund, List<String> marketplaceRefunds, String state,
      String money, String currency, String message) {}

  /** A return and its two sides; {@code state} is the marketplace's (CREATING until it exists there). */
  record ReturnView(String marketplaceReturn, String origin, String state, String reasonCode,
      java.util.Map<String, Integer> lines, String shopifyReturn) {}

  record Refusal(String reason) {}

  @GetMapping
  OrderPage list(
      @RequestParam(required = false) String channel,
      @RequestParam(required = false) MarketplaceStatus marketplaceStatus,
      @RequestParam(required = false) ShopifyStatus shopifyStatus,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    if (limit < 1 || limit > 500 || offset < 0) {
      throw new IllegalArgumentException("limit must be 1..500 and offset >= 0");
    }
    SyncedOrders.Filter filter = new SyncedOrders.Filter(channel, marketplaceStatus, shopifyStatus);
    return new OrderPage(
        orders.count(filter),
        limit,
        offset,
        orders.list(filter, limit, offset).stream().map(OrdersController::summary).toList());
  }

  @GetMapping("/{id}")
  OrderDetail get(@PathVariable UUID id) {
    SyncedOrder order = find(id);
    MarketplaceOrder s = order.snapshot();
    var links = orders.lineLinks(order.id());
    List<Line> lines =
        s.lines().stream()
            .map(
                l ->
                    new Line(
                        l.lineId(), l.sku(), l.title(), l.quantity(), money(l.unitPrice(), s.currency()),
                        l.rawState(),
                        links.stream()
                            .filter(k -> k.marketplaceLineId().equals(l.lineId()))
                            .map(SyncedOrders.LineLink::shopifyLineItemId)
                            .findFirst()
                            .orElse(null)))
            .toList();
    return new OrderDetail(
        summary(order),
        s.currency(),
        s.rawTaxMode(),
        money(s.totalPrice(), s.currency()),
        s.shippingDeadline(),
        order.attention(),
        lines,
        shipments.ofOrder(order.id()).stream()
            .map(x -> new ShipmentView(x.fulfillmentGid(), x.status().name(), x.displayStatus(),
                x.tracking().company(), x.tracking().number(), x.tracking().url(), x.lines(),
                x.marketplaceShipmentId()))
            .toList(),
        jobs.forOrder(id).stream().map(OrdersController::action).toList(),
        transfers.ofOrder(order.id()).stream()
            .map(t -> new RefundView(t.direction().name(), t.shopifyRefundGid(), t.marketplaceRefundIds(),
                t.state().name(), money(t.money(), s.currency()), s.currency(), t.message()))
            .toList(),
        returns.ofOrder(order.id()).stream()
            .map(r -> new ReturnView(r.marketplaceReturnId(), r.origin().name(), r.state(), r.reasonCode(), r.lines(),
                r.shopifyReturnGid()))
            .toList(),
        timeline(id));
  }

  @GetMapping("/{id}/timeline")
  List<TimelineEntry> timeline(@PathVariable UUID id) {
    find(id);
    return orders.timeline(new SyncedOrderId(id)).stream()
        .map(e -> new TimelineEntry(e.at(), e.side().name(), e.type(), e.message()))
        .toList();
  }

  @PostMapping("/{id}/accept")
  @ResponseStatus(HttpStatus.ACCEPTED)
  OrderSummary accept(@PathVariable UUID id) {
    decisions.accept(new SyncedOrderId(id));
    return summary(find(id));
  }

  @PostMapping("/{id}/refuse")
  @ResponseStatus(HttpStatus.ACCEPTED)
  OrderSummary refuse(@PathVariable UUID id, @RequestBody(required = false) Refusal refusal) {
    decisions.refuse(new SyncedOrderId(id), refusal == null ? null : refusal.reason());
    return summary(find(id));
  }

  /** Resolves the incident open on a marketplace line (Mirakl OR64); 409 when the line has none. */
  @PostMapping("/{id}/incidents/{lineId}/resolve")
  @ResponseStatus(HttpStatus.ACCEPTED)
  OrderSummary resolveIncident(@PathVariable UUID id, @PathVariable String lineId,
      @RequestBody(required = false) IncidentResolution resolution) {
    decisions.resolveIncident(new SyncedOrderId(id), lineId, resolution == null ? null : resolution.reasonCode());
    return summary(find(id));
  }

  /** Accepts a return the customer asked for on the marketplace (Mirakl RT21); 409 unless it awaits a decision. */
  @PostMapping("/{id}/returns/{returnId}/accept")
  @ResponseStatus(HttpStatus.ACCEPTED)
  OrderSummary acceptReturn(@PathVariable UUID id, @PathVariable String returnId) {
    decisions.decideReturn(new SyncedOrderId(id), returnId, true, null);
    return summary(find(id));
  }

  /** Refuses a return with a marketplace reason of type RETURN_REJECTION; 409 unless it awaits a decision. */
  @PostMapping("/{id}/returns/{returnId}/refuse")
  @ResponseStatus(HttpStatus.ACCEPTED)
  OrderSummary refuseReturn(@PathVariable UUID id, @PathVariable String returnId,
      @RequestBody(required = false) IncidentResolution refusal) {
    decisions.decideReturn(new SyncedOrderId(id), returnId, false, refusal == null ? null : refusal.reasonCode());
    return summary(find(id));
  }

  /** The marketplace reason (type INCIDENT_CLOSE) to resolve with; the channel's mapped one when absent. */
  record IncidentResolution(String reasonCode) {}

  private SyncedOrder find(UUID id) {
    return orders.find(new SyncedOrderId(id))
        .orElseThrow(() -> new ManualDecisions.OrderNotFoundException(new SyncedOrderId(id)));
  }

  private static String money(BigDecimal amount, String currency) {
    return amount == null ? null : Money.format(amount, currency);
  }

  static OrderSummary summary(SyncedOrder o) {
    return new OrderSummary(
        o.id().value(),
        o.channelId(),
        o.marketplaceOrderId(),
        o.snapshot().rawState(),
        o.marketplaceStatus(),
        o.shopifyStatus(),
        o.shopifyOrder() == null ? null : o.shopifyOrder().gid(),
        o.shopifyOrder() == null ? null : o.shopifyOrder().name(),
        o.reviewReason(),
        o.snapshot().updatedAt());
  }

  static Action action(Job j) {
    return new Action(j.id().toString(), j.kind(), j.state().name(), j.attempts(), j.lastError(), j.executeAt());
  }
}
