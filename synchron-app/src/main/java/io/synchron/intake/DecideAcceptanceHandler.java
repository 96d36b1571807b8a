package io.synchron.intake;

import io.synchron.config.SynchronProperties;
import io.synchron.config.SynchronProperties.UnmatchedOrderPolicy;
import io.synchron.connector.Connectors;
import io.synchron.connector.ShopifyGateway;
import io.synchron.jobs.Job;
import io.synchron.jobs.JobContext;
import io.synchron.jobs.JobHandler;
import io.synchron.order.MarketplaceOrder;
import io.synchron.order.MarketplaceStatus;
import io.synchron.order.OrderEvent;
import io.synchron.order.SyncedOrder;
import io.synchron.order.SyncedOrderId;
import io.synchron.order.SyncedOrders;
import io.synchron.shared.Failure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides whether Synchron can accept an order on its own: every line's SKU must match a Shopify variant, and the
 * variant's available stock, less what other accepted orders not yet in Shopify already promise, must cover the
 * quantity. Otherwise the order waits for a person (or is refused, if the channel says so), with the reason.
 */
@Component
class DecideAcceptanceHandler implements JobHandler {

  private final SyncedOrders orders;
  private final Connectors connectors;
  private final StockReservations reservations;
  private final OrderFlow flow;
  private final SynchronProperties properties;
  private final TransactionTemplate tx;

  DecideAcceptanceHandler(
      SyncedOrders orders,
      Connectors connectors,
      StockReservations reservations,
      OrderFlow flow,
      SynchronProperties properties,
      TransactionTemplate tx) {
    this.orders = orders;
    this.connectors = connectors;
    this.reservations = reservations;
    this.flow = flow;
    this.properties = properties;
    this.tx = tx;
  }

  @Override
  public String kind() {
    return OrderFlow.DECIDE;
  }

  @Override
  public void run(Job job, JobContext context) {
    SyncedOrderId id = new SyncedOrderId(job.syncedOrderId());
    SyncedOrder order = orders.find(id).orElseThrow();
    if (order.marketplaceStatus() != MarketplaceStatus.NEW) {
      return;
    }
    Map<String, Integer> needed = new LinkedHashMap<>();
    for (MarketplaceOrder.Line line : order.snapshot().lines()) {
      needed.merge(line.sku(), line.quantity(), Integer::sum);
    }
    ShopifyGateway shop = connectors.shopFor(order.channelId());
    Map<String, ShopifyGateway.Variant> variants = shop.variantsBySku(needed.keySet());
    List<String> channelsOfShop =
        properties.channels().stream()
            .filter(c -> c.shop().equals(shop.shopId()))
            .map(SynchronProperties.Channel::id)
            .toList();
    UnmatchedOrderPolicy policy = properties.channel(order.channelId()).unmatchedOrders();
    tx.executeWithoutResult(
        status -> {
          SyncedOrder locked = orders.lock(id).orElseThrow();
          if (locked.marketplaceStatus() == MarketplaceStatus.NEW) {
            reservations.lockSkus(needed.keySet());
            List<String> problems = problems(needed, variants,
                reservations.reservedBySku(channelsOfShop, needed.keySet()));
            if (problems.isEmpty()) {
              locked.decideToAccept();
            } else if (policy == UnmatchedOrderPolicy.REFUSE) {
              locked.decideToRefuse(String.join("; ", problems));
            } else {
              locked.holdForReview(String.join("; ", problems));
            }
            flow.saveAndQueue(locked);
          }
          context.completeInTransaction(locked.marketplaceStatus().name());
        });
  }

  private static List<String> problems(
      Map<String, Integer> needed, Map<String, ShopifyGateway.Variant> variants, Map<String, Integer> reserved) {
    List<String> problems = new ArrayList<>();
    needed.forEach(
        (sku, quantity) -> {
          ShopifyGateway.Variant variant = variants.get(sku);
          if (variant == null) {
            problems.add("SKU " + sku + " matches no Shopify variant");
          } else {
            int free = variant.available() - reserved.getOrDefault(sku, 0);
            if (free < quantity) {
              problems.add("SKU " + sku + ": " + quantity + " ordered, " + Math.max(0, free) + " available");
            }
          }
        });
    return problems;
  }

  @Override
  public void failed(Job job, Failure failure, boolean parked) {
    IntakeNotes.note(orders, job, OrderEvent.Side.SHOPIFY, "Checking SKUs and stock in Shopify", failure, parked);
  }
}
