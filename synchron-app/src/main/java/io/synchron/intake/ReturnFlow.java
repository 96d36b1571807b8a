package io.synchron.intake;

import io.synchron.config.SynchronProperties;
import io.synchron.connector.Connectors;
import io.synchron.connector.FeatureUnavailableException;
import io.synchron.connector.MarketplaceConnector.MarketplaceReturn;
import io.synchron.connector.MarketplaceConnector.ReturnLine;
import io.synchron.connector.ShopifyGateway;
import io.synchron.order.OrderEvent;
import io.synchron.order.SyncedOrder;
import io.synchron.order.SyncedOrders;
import io.synchron.refunds.OrderReturn;
import io.synchron.refunds.OrderReturns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps returns in step on both sides.
 *
 * <p>Marketplace → Shopify: each channel's returns are polled (Mirakl RT11, by last update, with an overlap) after
 * its orders. A return the customer asks for waits for a person's decision (or is accepted at once, per channel);
 * once accepted, a return is opened in Shopify for those units; when the marketplace says the parcel came back, the
 * Shopify return is processed with restock; refused, cancelled or never received, the Shopify return is closed.
 *
 * <p>Shopify → marketplace: a return a person opens in Shopify is created on the marketplace (Mirakl RT01,
 * accepted); when the Shopify return is processed (the parcel came back), the marketplace return is marked received
 * (RT25). Money follows refunds, not returns: the refund made when processing the return in Shopify is sent to the
 * marketplace like any other Shopify refund, and a marketplace refund after a return is recorded in Shopify.
 */
@Component
class ReturnFlow {

  private static final Logger log = LoggerFactory.getLogger(ReturnFlow.class);
  private static final Duration OVERLAP = Duration.ofMinutes(10);

  static final String DECIDE_RETURN = "DECIDE_RETURN";
  static final String OPEN_RETURN_IN_SHOPIFY = "OPEN_RETURN_IN_SHOPIFY";
  static final String PROCESS_RETURN_IN_SHOPIFY = "PROCESS_RETURN_IN_SHOPIFY";
  static final String CLOSE_RETURN_IN_SHOPIFY = "CLOSE_RETURN_IN_SHOPIFY";
  static final String CREATE_RETURN_ON_MARKETPLACE = "CREATE_RETURN_ON_MARKETPLACE";
  static final String RECEIVE_RETURN_ON_MARKETPLACE = "RECEIVE_RETURN_ON_MARKETPLACE";

  private final SynchronProperties properties;
  private final Connectors connectors;
  private final SyncedOrders orders;
  private final OrderReturns returns;
  private final OrderFlow flow;
  private final TransactionTemplate tx;
  private final Clock clock;

  ReturnFlow(SynchronProperties properties, Connectors connectors, SyncedOrders orders, OrderReturns returns,
      OrderFlow flow, TransactionTemplate tx, Clock clock) {
    this.properties = properties;
    this.connectors = connectors;
    this.orders = orders;
    this.returns = returns;
    this.flow = flow;
    this.tx = tx;
    this.clock = clock;
  }

  /** Reads the channel's returns changed since the last poll and takes each in; returns how many were read. */
  int poll(String channelId) {
    Instant now = clock.instant();
    if (returns.unavailableSince(channelId, now.minus(Duration.ofDays(1)))) {
      return 0;
    }
    Instant since = returns.cursor(channelId, now.minus(properties.channel(channelId).initialLookback()));
    List<MarketplaceReturn> changed;
    try {
      changed = connectors.marketplace(channelId).returnsUpdatedSince(since.minus(OVERLAP));
    } catch (FeatureUnavailableException e) {
      log.info("Channel {} has no returns on the marketplace ({}); asking again tomorrow", channelId, e.getMessage());
      returns.markUnavailable(channelId);
      return 0;
    } catch (RuntimeException e) {
      log.warn("Polling the returns of channel {} failed: {}", channelId, e.getMessage());
      return 0;
    }
    for (MarketplaceReturn r : changed) {
      try {
        tx.executeWithoutResult(status -> takeIn(channelId, r));
      } catch (RuntimeException e) {
        log.warn("Return {} of channel {} could not be taken in: {}", r.id(), channelId, e.getMessage());
        return changed.size();
      }
    }
    returns.advance(channelId, now);
    return changed.size();
  }

  /** One return as the marketplace has it now: recorded, noted on its order when it changed, and acted upon. */
  void takeIn(String channelId, MarketplaceReturn r) {
    SyncedOrder order = orders.lockByMarketplaceId(channelId, r.orderId()).orElse(null);
    if (order == null) {
      return;
    }
    OrderReturn known = returns.byMarketplaceId(channelId, r.id()).orElse(null);
    if (known == null) {
      // A return Synchron is creating from Shopify may come back before its answer: link it by its lines.
      known = returns.ofOrder(order.id()).stream()
          .filter(x -> x.marketplaceReturnId() == null && x.lines().equals(lines(r)))
          .findFirst().map(x -> x.created(r.id(), x.state(), x.marketplaceUpdatedAt())).orElse(null);
    }
    if (known != null && known.marketplaceUpdatedAt() != null && r.updatedAt() != null
        && r.updatedAt().isBefore(known.marketplaceUpdatedAt())) {
      return; // an older reading than the one recorded
    }
    if (known != null && known.state().equals(r.state())) {
      if (!r.id().equals(known.marketplaceReturnId()) || known.marketplaceUpdatedAt() == null) {
        returns.save(known.created(r.id(), r.state(), r.updatedAt()));
      }
      return;
    }
    OrderReturn current = known == null
        ? new OrderReturn(UUID.randomUUID(), order.id().value(), channelId, r.id(), OrderReturn.Origin.MARKETPLACE,
            r.state(), r.reasonCode(), lines(r), null, r.updatedAt())
        : known.created(r.id(), r.state(), r.updatedAt());
    returns.save(current);
    order.note(OrderEvent.Side.MARKETPLACE, "RETURN_" + r.state(), describe(r));
    act(order, current);
    orders.save(order);
  }

  private void act(SyncedOrder order, OrderReturn r) {
    String payload = "{\"return\":\"" + r.id() + "\"}";
    switch (r.state()) {
      case "WAITING_ACCEPTANCE" -> {
        if (properties.channel(order.channelId()).returnRequests() == SynchronProperties.ReturnRequests.ACCEPT) {
          flow.queue(order, DECIDE_RETURN, "return-decision:" + r.id(), "{\"return\":\"" + r.id()
              + "\",\"accept\":true}");
        } else {
          askForDecision(order, r);
        }
      }
      case "IN_PROGRESS" -> {
        if (r.shopifyReturnGid() == null && order.shopifyOrder() != null) {
          flow.queue(order, OPEN_RETURN_IN_SHOPIFY, "return-open:" + r.id(), payload);
        }
      }
      case "RECEIVED" -> {
        if (r.shopifyReturnGid() != null) {
          flow.queue(order, PROCESS_RETURN_IN_SHOPIFY, "return-process:" + r.id(), payload);
        }
      }
      case "REFUSED", "CANCELED", "NO_RECEPTION" -> {
        if (r.shopifyReturnGid() != null) {
          flow.queue(order, CLOSE_RETURN_IN_SHOPIFY, "return-close:" + r.id(), payload);
        }
      }
      default -> {
        // CLOSED, or a state Synchron does not know: on the timeline only.
      }
    }
  }

  /** A return waiting for a person's decision is shown as needing attention, with the calls that decide it. */
  void askForDecision(SyncedOrder order, OrderReturn r) {
    order.requireAttention("Return " + r.marketplaceReturnId() + " requested on the marketplace for "
        + r.lines() + " (reason " + r.reasonCode() + "). Accept it (POST /api/orders/" + order.id().value()
        + "/returns/" + r.marketplaceReturnId() + "/accept) or refuse it with a reason (.../refuse).");
  }

  /**
   * Once a Shopify return is linked, what the marketplace return's state already calls for: processed if it came
   * back, closed if it will not.
   */
  void followUp(SyncedOrder order, OrderReturn r) {
    if (r.shopifyReturnGid() != null && Set.of("RECEIVED", "REFUSED", "CANCELED", "NO_RECEPTION")
        .contains(r.state())) {
      act(order, r);
    }
  }

  /**
   * Returns as Shopify has them now, seen by the Shopify sync: one a person opened is created on the marketplace;
   * one processed (its parcel came back) is marked received on the marketplace.
   */
  void applyShopifyReturns(SyncedOrder order, List<ShopifyGateway.Return> shopifyReturns,
      Map<String, String> lineOfItem) {
    for (ShopifyGateway.Return sr : shopifyReturns) {
      Map<String, Integer> lines = new LinkedHashMap<>();
      int processed = 0;
      int total = 0;
      for (ShopifyGateway.ReturnedLine l : sr.lines()) {
        String marketplaceLine = lineOfItem.get(l.lineItemId());
        if (marketplaceLine != null) {
          lines.merge(marketplaceLine, l.quantity(), Integer::sum);
        }
        processed += l.processedQuantity();
        total += l.quantity();
      }
      OrderReturn known = returns.byShopifyReturn(sr.gid()).orElse(null);
      if (known == null) {
        // The return Synchron opened for a marketplace return, whose answer was lost: link it by its lines.
        known = returns.ofOrder(order.id()).stream()
            .filter(x -> x.shopifyReturnGid() == null && x.origin() == OrderReturn.Origin.MARKETPLACE
                && x.lines().equals(lines))
            .findFirst().map(x -> x.withShopifyReturn(sr.gid())).orElse(null);
        if (known != null) {
          returns.save(known);
          followUp(order, known);
        }
      }
      if (known == null) {
        if (!"OPEN".equals(sr.status()) || lines.isEmpty()) {
          continue;
        }
        OrderReturn created = new OrderReturn(UUID.randomUUID(), order.id().value(), order.channelId(), null,
            OrderReturn.Origin.SHOPIFY, OrderReturn.CREATING, null, lines, sr.gid(), null);
        returns.save(created);
        order.note(OrderEvent.Side.SHOPIFY, "RETURN_OPENED_IN_SHOPIFY", "Return " + sr.name() + " opened in Shopify"
            + " for " + lines + "; creating it on the marketplace");
        flow.queue(order, CREATE_RETURN_ON_MARKETPLACE, "return-create:" + created.id(),
            "{\"return\":\"" + created.id() + "\"}");
        known = created;
      }
      if (total > 0 && processed >= total && known.marketplaceReturnId() != null
          && (known.state().equals("IN_PROGRESS") || known.state().equals("WAITING_ACCEPTANCE"))) {
        if (flow.queue(order, RECEIVE_RETURN_ON_MARKETPLACE, "return-receive:" + known.id(),
            "{\"return\":\"" + known.id() + "\"}")) {
          order.note(OrderEvent.Side.SHOPIFY, "RETURN_PROCESSED_IN_SHOPIFY", "Return " + sr.name() + " processed in"
              + " Shopify (the parcel came back); marking marketplace return " + known.marketplaceReturnId()
              + " received");
        }
      }
    }
  }

  static Map<String, Integer> lines(MarketplaceReturn r) {
    Map<String, Integer> lines = new LinkedHashMap<>();
    for (ReturnLine l : r.lines()) {
      lines.merge(l.lineId(), l.quantity(), Integer::sum);
    }
    return lines;
  }

  static String describe(MarketplaceReturn r) {
    return "Marketplace return " + r.id() + " " + r.state().toLowerCase().replace('_', ' ') + ": " + lines(r)
        + (r.reasonCode() == null ? "" : ", reason " + r.reasonCode());
  }
}
