package io.synchron.intake;

import io.synchron.connector.Connectors;
import io.synchron.connector.MarketplaceConnector;
import io.synchron.connector.PlatformException;
import io.synchron.connector.ShopifyGateway;
import io.synchron.connector.ShopifyGateway.CreatedOrder;
import io.synchron.jobs.Job;
import io.synchron.jobs.JobContext;
import io.synchron.jobs.JobHandler;
import io.synchron.order.MarketplaceOrder;
import io.synchron.order.OrderEvent;
import io.synchron.order.ShopifyOrderRef;
import io.synchron.order.ShopifyStatus;
import io.synchron.order.SyncedOrder;
import io.synchron.order.SyncedOrderId;
import io.synchron.order.SyncedOrders;
import io.synchron.shared.Failure;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the Shopify order of a paid marketplace order, at most once. Shopify's orderCreate takes no idempotency
 * key, so the handler looks before it creates: the ledger's link first, then Shopify by the order's unique source
 * identifier. A create whose answer was lost (timeout, crash before commit, a second instance) is therefore found,
 * not repeated. The link, the line links and the job's end commit in one transaction.
 */
@Component
class ImportOrderHandler implements JobHandler {

  private final SyncedOrders orders;
  private final Connectors connectors;
  private final TransactionTemplate tx;
  private final ObjectProvider<ImportCheckpoint> checkpoint;
  private final OrderFlow flow;

  ImportOrderHandler(
      SyncedOrders orders,
      Connectors connectors,
      TransactionTemplate tx,
      ObjectProvider<ImportCheckpoint> checkpoint,
      OrderFlow flow) {
    this.flow = flow;
    this.orders = orders;
    this.connectors = connectors;
    this.tx = tx;
    this.checkpoint = checkpoint;
  }

  @Override
  public String kind() {
    return OrderFlow.IMPORT;
  }

  @Override
  public void run(Job job, JobContext context) {
    SyncedOrderId id = new SyncedOrderId(job.syncedOrderId());
    SyncedOrder order = orders.find(id).orElseThrow();
    if (order.shopifyStatus() == ShopifyStatus.IMPORTED || order.shopifyStatus() == ShopifyStatus.NOT_REQUIRED) {
      return;
    }
    MarketplaceConnector marketplace = connectors.marketplace(order.channelId());
    ShopifyGateway shop = connectors.shopFor(order.channelId());
    String sourceId =
        ImportDraftFactory.sourceIdentifier(marketplace.platformName(), order.channelId(), order.marketplaceOrderId());
    Optional<CreatedOrder> existing = shop.findImported(sourceId, order.snapshot().lines().size());
    final CreatedOrder created;
    boolean found = existing.isPresent();
    if (found) {
      created = existing.get();
    } else {
      MarketplaceOrder snapshot = order.snapshot();
      var variants = shop.variantsBySku(snapshot.lines().stream().map(MarketplaceOrder.Line::sku).toList());
      ShopifyGateway.OrderDraft draft =
          ImportDraftFactory.draft(marketplace.platformName(), "Mirakl", order.channelId(), snapshot, variants);
      CreatedOrder made;
      // Another worker may have taken the job over (this one stalled past its lease): then it must not create.
      context.requireLease();
      try {
        made = shop.create(draft);
      } catch (PlatformException refused) {
        // The create failed or was refused: perhaps it went through although its answer was lost (a 5xx after the
        // fact), or an earlier attempt did create it (its unique id metafield is then taken). Look once more before
        // reporting the failure.
        Optional<CreatedOrder> again = shop.findImported(sourceId, order.snapshot().lines().size());
        if (again.isEmpty()) {
          throw refused;
        }
        made = again.get();
        found = true;
      }
      created = made;
      checkpoint.ifAvailable(c -> c.afterShopifyCreate(order.marketplaceOrderId(), created.gid()));
    }
    boolean linkedExisting = found;
    tx.executeWithoutResult(
        status -> {
          SyncedOrder locked = orders.lock(id).orElseThrow();
          if (locked.shopifyStatus() == ShopifyStatus.IMPORTED) {
            context.completeInTransaction(locked.shopifyOrder().gid());
            return;
          }
          locked.imported(new ShopifyOrderRef(created.gid(), created.name()), linkedExisting);
          flow.saveAndQueue(locked);
          orders.saveLineLinks(id, lineLinks(locked.snapshot(), created));
          context.completeInTransaction(created.gid());
        });
  }

  /**
   * Shopify keeps the line items in the order they were given, so the imported lines are linked by position; if
   * the counts differ (an order found that was made otherwise), by SKU, first unused match.
   */
  static List<SyncedOrders.LineLink> lineLinks(MarketplaceOrder order, CreatedOrder created) {
    List<MarketplaceOrder.Line> imported = ImportDraftFactory.importedLines(order);
    List<SyncedOrders.LineLink> links = new java.util.ArrayList<>();
    java.util.Set<Integer> used = new java.util.HashSet<>();
    for (int i = 0; i < imported.size(); i++) {
      MarketplaceOrder.Line line = imported.get(i);
      String itemId = null;
      if (created.lineItemIds().size() == imported.size()) {
        itemId = created.lineItemIds().get(i);
      } else {
        for (int j = 0; j < created.lineItemSkus().size(); j++) {
          if (!used.contains(j) && line.sku().equals(created.lineItemSkus().get(j))) {
            used.add(j);
            itemId = created.lineItemIds().get(j);
            break;
          }
        }
      }
      links.add(new SyncedOrders.LineLink(line.lineId(), itemId, line.sku(), line.quantity()));
    }
    return links;
  }

  @Override
  public void failed(Job job, Failure failure, boolean parked) {
    IntakeNotes.note(orders, job, OrderEvent.Side.SHOPIFY, "Creating the Shopify order", failure, parked);
  }

}
