package io.synchron.intake;

import io.synchron.connector.Connectors;
import io.synchron.connector.MarketplaceConnector;
import io.synchron.connector.MarketplaceConnector.MarketplaceReturn;
import io.synchron.connector.PlatformException;
import io.synchron.connector.ShopifyGateway;
import io.synchron.jobs.Job;
import io.synchron.jobs.JobContext;
import io.synchron.jobs.JobHandler;
import io.synchron.order.OrderEvent;
import io.synchron.order.SyncedOrder;
import io.synchron.order.SyncedOrderId;
import io.synchron.order.SyncedOrders;
import io.synchron.refunds.OrderReturn;
import io.synchron.refunds.OrderReturns;
import io.synchron.shared.Failure;
import io.synchron.shared.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The actions that keep a return in step on both sides (see {@link ReturnFlow}). None of these platform calls takes
 * an idempotency key, so each reads the other side first: a return already decided, opened, processed, closed,
 * created or received (by an earlier attempt whose answer was lost, or by a person) is not acted on again.
 */
final class ReturnHandlers {

  private ReturnHandlers() {}

  /** What every return action needs. */
  @Component
  static class Context {
    final SyncedOrders orders;
    final OrderReturns returns;
    final Connectors connectors;
    final ReturnFlow flow;
    final MarketplaceReferenceData reference;
    final TransactionTemplate tx;

    Context(SyncedOrders orders, OrderReturns returns, Connectors connectors, ReturnFlow flow,
        MarketplaceReferenceData reference, TransactionTemplate tx) {
      this.orders = orders;
      this.returns = returns;
      this.connectors = connectors;
      this.flow = flow;
      this.reference = reference;
      this.tx = tx;
    }

    OrderReturn orderReturn(Job job) {
      return returns.find(UUID.fromString(Json.text(job.payload(), "return"))).orElseThrow();
    }

    SyncedOrder order(Job job) {
      return orders.find(new SyncedOrderId(job.syncedOrderId())).orElseThrow();
    }

    /** Takes in the marketplace's return as it is now, notes what was done and ends the job, in one transaction. */
    void finish(Job job, JobContext context, OrderEvent.Side side, String type, String message,
        MarketplaceReturn after, OrderReturn updated) {
      tx.executeWithoutResult(status -> {
        SyncedOrder order = orders.lock(new SyncedOrderId(job.syncedOrderId())).orElseThrow();
        if (updated != null) {
          // Only the link is this job's news: the state may have moved (a poll) while it was calling out.
          OrderReturn fresh = returns.find(updated.id()).orElse(updated);
          OrderReturn merged = new OrderReturn(fresh.id(), fresh.syncedOrderId(), fresh.channelId(),
              fresh.marketplaceReturnId() != null ? fresh.marketplaceReturnId() : updated.marketplaceReturnId(),
              fresh.origin(), fresh.state(), fresh.reasonCode(), fresh.lines(),
              fresh.shopifyReturnGid() != null ? fresh.shopifyReturnGid() : updated.shopifyReturnGid(),
              fresh.marketplaceUpdatedAt());
          returns.save(merged);
          flow.followUp(order, merged);
        }
        order.note(side, type, message);
        orders.save(order);
        if (after != null) {
          flow.takeIn(order.channelId(), after);
        }
        context.completeInTransaction(message);
      });
    }

    /**
     * A call on a marketplace return that only makes sense in one state (RT21 from WAITING_ACCEPTANCE, RT25 from
     * IN_PROGRESS). The return is read first: in another state (an earlier attempt whose answer was lost, or a
     * person on the marketplace, got there first) nothing is sent; the marketplace's refusals are permanent.
     */
    void callInState(Job job, JobContext context, String state, String what,
        java.util.function.BiFunction<MarketplaceConnector, String, List<String>> call, String doneType,
        String done) {
      OrderReturn r = orderReturn(job);
      String id = r.marketplaceReturnId();
      MarketplaceConnector marketplace = connectors.marketplace(r.channelId());
      MarketplaceReturn before = marketplace.marketplaceReturn(id).orElseThrow();
      if (!state.equals(before.state())) {
        finish(job, context, OrderEvent.Side.MARKETPLACE, "RETURN_ACTION_SKIPPED", "Marketplace return " + id
            + " is " + before.state() + "; no " + what + " sent", before, null);
        return;
      }
      context.requireLease();
      List<String> errors = call.apply(marketplace, id);
      if (!errors.isEmpty()) {
        throw refused(marketplace.platformName(), "The " + what + " of return " + id, errors);
      }
      MarketplaceReturn after = marketplace.marketplaceReturn(id).orElse(before);
      finish(job, context, OrderEvent.Side.MARKETPLACE, doneType, "Marketplace return " + id + " " + done, after,
          null);
    }

    void failed(Job job, String what, Failure failure, boolean parked, OrderEvent.Side side) {
      IntakeNotes.note(orders, job, side, what, failure, parked);
    }
  }

  static PlatformException refused(String platform, String what, List<String> errors) {
    return new PlatformException(platform, what + " refused: " + String.join("; ", errors), 0, null, null,
        new Failure.Permanent(String.join("; ", errors)), null);
  }

  /** Accepts or refuses a return the customer asked for on the marketplace (Mirakl RT21). */
  @Component
  static class Decide implements JobHandler {
    private final Context c;

    Decide(Context c) {
      this.c = c;
    }

    @Override
    public String kind() {
      return ReturnFlow.DECIDE_RETURN;
    }

    @Override
    public void run(Job job, JobContext context) {
      boolean accept = Boolean.parseBoolean(Json.text(job.payload(), "accept"));
      String reason = Json.text(job.payload(), "reason");
      c.callInState(job, context, "WAITING_ACCEPTANCE", accept ? "acceptance" : "refusal",
          (marketplace, id) -> marketplace.decideReturn(id, accept, reason),
          accept ? "RETURN_ACCEPTED" : "RETURN_REFUSED",
          accept ? "accepted" : "refused with reason " + reason);
    }

    @Override
    public void failed(Job job, Failure failure, boolean parked) {
      c.failed(job, "Deciding the marketplace return", failure, parked, OrderEvent.Side.MARKETPLACE);
    }
  }

  /** Opens in Shopify the return the marketplace accepted, for the same units (returnCreate). */
  @Component
  static class OpenInShopify implements JobHandler {
    private final Context c;

    OpenInShopify(Context c) {
      this.c = c;
    }

    @Override
    public String kind() {
      return ReturnFlow.OPEN_RETURN_IN_SHOPIFY;
    }

    @Override
    public void run(Job job, JobContext context) {
      OrderReturn r = c.orderReturn(job);
      SyncedOrder order = c.order(job);
      if (r.shopifyReturnGid() != null || order.shopifyOrder() == null) {
        return;
      }
      if (java.util.Set.of("REFUSED", "CANCELED", "NO_RECEPTION", "CLOSED").contains(r.state())) {
        c.finish(job, context, OrderEvent.Side.SHOPIFY, "RETURN_NOT_OPENED", "Marketplace return "
            + r.marketplaceReturnId() + " is " + r.state() + "; no return opened in Shopify", null, null);
        return;
      }
      Map<String, Integer> byItem = new LinkedHashMap<>();
      Map<String, String> lineOfItem = new LinkedHashMap<>();
      for (SyncedOrders.LineLink link : c.orders.lineLinks(order.id())) {
        if (link.shopifyLineItemId() != null) {
          lineOfItem.put(link.shopifyLineItemId(), link.marketplaceLineId());
          Integer quantity = r.lines().get(link.marketplaceLineId());
          if (quantity != null) {
            byItem.put(link.shopifyLineItemId(), quantity);
          }
        }
      }
      ShopifyGateway shop = c.connectors.shopFor(order.channelId());
      // An earlier attempt may have opened it with its answer lost: the same units in an open, unlinked return.
      ShopifyGateway.OrderState state = shop.orderState(order.shopifyOrder().gid(), order.snapshot().lines().size())
          .orElseThrow();
      for (ShopifyGateway.Return sr : state.returns()) {
        Map<String, Integer> units = new LinkedHashMap<>();
        sr.lines().forEach(l -> {
          String line = lineOfItem.get(l.lineItemId());
          if (line != null) {
            units.merge(line, l.quantity(), Integer::sum);
          }
        });
        if ("OPEN".equals(sr.status()) && units.equals(r.lines()) && c.returns.byShopifyReturn(sr.gid()).isEmpty()) {
          c.finish(job, context, OrderEvent.Side.SHOPIFY, "RETURN_OPENED_IN_SHOPIFY", "Return " + sr.name()
              + " found open in Shopify for marketplace return " + r.marketplaceReturnId() + "; linked",
              null, r.withShopifyReturn(sr.gid()));
          return;
        }
      }
      context.requireLease();
      String gid = shop.openReturn(order.shopifyOrder().gid(), byItem, "OTHER", "Marketplace return "
          + r.marketplaceReturnId() + (r.reasonCode() == null ? "" : " (reason " + r.reasonCode() + ")"));
      c.finish(job, context, OrderEvent.Side.SHOPIFY, "RETURN_OPENED_IN_SHOPIFY", "Return opened in Shopify ("
          + gid + ") for marketplace return " + r.marketplaceReturnId() + ": " + r.lines(), null,
          r.withShopifyReturn(gid));
    }

    @Override
    public void failed(Job job, Failure failure, boolean parked) {
      c.failed(job, "Opening the return in Shopify", failure, parked, OrderEvent.Side.SHOPIFY);
    }
  }

  /** The marketplace says the parcel came back: the Shopify return is processed and its units restocked. */
  @Component
  static class ProcessInShopify implements JobHandler {
    private final Context c;

    ProcessInShopify(Context c) {
      this.c = c;
    }

    @Override
    public String kind() {
      return ReturnFlow.PROCESS_RETURN_IN_SHOPIFY;
    }

    @Override
    public void run(Job job, JobContext context) {
      OrderReturn r = c.orderReturn(job);
      SyncedOrder order = c.order(job);
      ShopifyGateway shop = c.connectors.shopFor(order.channelId());
      shop.processReturn(order.shopifyOrder().gid(), r.shopifyReturnGid(), true);
      c.finish(job, context, OrderEvent.Side.SHOPIFY, "RETURN_RESTOCKED", "Marketplace return "
          + r.marketplaceReturnId() + " received: Shopify return " + r.shopifyReturnGid() + " processed, units"
          + " restocked", null, null);
    }

    @Override
    public void failed(Job job, Failure failure, boolean parked) {
      c.failed(job, "Processing the return in Shopify", failure, parked, OrderEvent.Side.SHOPIFY);
    }
  }

  /** The marketplace return will not come back (refused, cancelled, not received): the Shopify return is closed. */
  @Component
  static class CloseInShopify implements JobHandler {
    private final Context c;

    CloseInShopify(Context c) {
      this.c = c;
    }

    @Override
    public String kind() {
      return ReturnFlow.CLOSE_RETURN_IN_SHOPIFY;
    }

    @Override
    public void run(Job job, JobContext context) {
      OrderReturn r = c.orderReturn(job);
      SyncedOrder order = c.order(job);
      ShopifyGateway shop = c.connectors.shopFor(order.channelId());
      ShopifyGateway.OrderState state = shop.orderState(order.shopifyOrder().gid(), order.snapshot().lines().size())
          .orElseThrow();
      boolean open = state.returns().stream()
          .anyMatch(sr -> sr.gid().equals(r.shopifyReturnGid()) && "OPEN".equals(sr.status()));
      if (open) {
        shop.closeReturn(r.shopifyReturnGid());
      }
      c.finish(job, context, OrderEvent.Side.SHOPIFY, "RETURN_CLOSED_IN_SHOPIFY", "Marketplace return "
          + r.marketplaceReturnId() + " is " + r.state() + ": Shopify return " + r.shopifyReturnGid()
          + (open ? " closed" : " was already closed"), null, null);
    }

    @Override
    public void failed(Job job, Failure failure, boolean parked) {
      c.failed(job, "Closing the return in Shopify", failure, parked, OrderEvent.Side.SHOPIFY);
    }
  }

  /** A return a person opened in Shopify is created on the marketplace, accepted (Mirakl RT01). */
  @Component
  static class CreateOnMarketplace implements JobHandler {
    private final Context c;

    CreateOnMarketplace(Context c) {
      this.c = c;
    }

    @Override
    public String kind() {
      return ReturnFlow.CREATE_RETURN_ON_MARKETPLACE;
    }

    @Override
    public void run(Job job, JobContext context) {
      OrderReturn r = c.orderReturn(job);
      if (r.marketplaceReturnId() != null) {
        return;
      }
      SyncedOrder order = c.order(job);
      MarketplaceConnector marketplace = c.connectors.marketplace(order.channelId());
      String commercialId = order.snapshot().commercialId();
      // An earlier attempt may have created it with its answer lost: the same units in a return not linked yet.
      for (MarketplaceReturn existing : marketplace.returnsOfOrder(commercialId)) {
        if (ReturnFlow.lines(existing).equals(r.lines())
            && java.util.Set.of("WAITING_ACCEPTANCE", "IN_PROGRESS").contains(existing.state())
            && c.returns.byMarketplaceId(order.channelId(), existing.id()).isEmpty()) {
          // Linked while still CREATING, so taking the return in acts on the state it has.
          c.finish(job, context, OrderEvent.Side.MARKETPLACE, "RETURN_CREATED", "Marketplace return "
              + existing.id() + " found for Shopify return " + r.shopifyReturnGid() + "; linked", existing,
              r.created(existing.id(), OrderReturn.CREATING, null));
          return;
        }
      }
      String reason = c.reference.returnReason(order.channelId(), null);
      context.requireLease();
      MarketplaceReturn created = marketplace.createReturn(commercialId, r.lines(), reason);
      c.finish(job, context, OrderEvent.Side.MARKETPLACE, "RETURN_CREATED", "Return created on the marketplace ("
          + created.id() + ", " + created.state() + ") for Shopify return " + r.shopifyReturnGid() + ": "
          + r.lines() + ", reason " + reason, created, r.created(created.id(), OrderReturn.CREATING, null));
    }

    @Override
    public void failed(Job job, Failure failure, boolean parked) {
      c.failed(job, "Creating the return on the marketplace", failure, parked, OrderEvent.Side.MARKETPLACE);
    }
  }

  /** The Shopify return was processed (the parcel came back): the marketplace return is marked received (RT25). */
  @Component
  static class ReceiveOnMarketplace implements JobHandler {
    private final Context c;

    ReceiveOnMarketplace(Context c) {
      this.c = c;
    }

    @Override
    public String kind() {
      return ReturnFlow.RECEIVE_RETURN_ON_MARKETPLACE;
    }

    @Override
    public void run(Job job, JobContext context) {
      c.callInState(job, context, "IN_PROGRESS", "receipt", MarketplaceConnector::receiveReturn,
          "RETURN_RECEIPT_SENT", "marked received");
    }

    @Override
    public void failed(Job job, Failure failure, boolean parked) {
      c.failed(job, "Marking the marketplace return received", failure, parked, OrderEvent.Side.MARKETPLACE);
    }
  }
}
