package io.synchron.invoicing;

import io.synchron.billing.InvoiceIssuer;
import io.synchron.billing.IssueResult;
import io.synchron.config.SynchronProperties;
import io.synchron.jobs.Job;
import io.synchron.jobs.JobContext;
import io.synchron.jobs.JobHandler;
import io.synchron.order.MarketplaceStatus;
import io.synchron.order.OrderEvent;
import io.synchron.order.SyncedOrder;
import io.synchron.order.SyncedOrderId;
import io.synchron.order.SyncedOrders;
import io.synchron.shared.Failure;
import io.synchron.shared.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues an order's invoice. The billing module numbers and stores it in its own transaction and returns the same
 * document when asked again with the same key, so a crash before the link below is recorded costs nothing: the retry
 * gets the document back and records it. The channel's VAT regime may say no invoice is to be issued (the
 * marketplace is the deemed supplier); the timeline then says why.
 */
@Component
class IssueInvoiceHandler implements JobHandler {

  private final SyncedOrders orders;
  private final InvoiceIssuer invoices;
  private final OrderDocuments documents;
  private final SynchronProperties properties;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final io.synchron.order.Shipments shipments;

  IssueInvoiceHandler(SyncedOrders orders, InvoiceIssuer invoices, OrderDocuments documents,
      SynchronProperties properties, TransactionTemplate tx, Clock clock, io.synchron.order.Shipments shipments) {
    this.shipments = shipments;
    this.orders = orders;
    this.invoices = invoices;
    this.documents = documents;
    this.properties = properties;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return InvoicingFlow.ISSUE_INVOICE;
  }

  @Override
  public void run(Job job, JobContext context) {
    SyncedOrderId id = new SyncedOrderId(job.syncedOrderId());
    SyncedOrder order = orders.find(id).orElseThrow();
    if (order.marketplaceStatus() == MarketplaceStatus.CANCELED || order.marketplaceStatus() == MarketplaceStatus.REFUSED) {
      return;
    }
    SynchronProperties.Invoicing config = properties.channel(order.channelId()).invoicing();
    LocalDate supply = LocalDate.ofInstant(clock.instant(), ZoneId.of(config.seller().zone()));
    String fulfillment = job.payload() == null ? null : io.synchron.shared.Json.text(job.payload(), "fulfillment");
    IssueResult result;
    if (fulfillment == null) {
      result = invoices.issue(
          DocumentRequests.invoice(order.channelId(), config, order.snapshot(), "invoice:" + id, supply));
    } else {
      io.synchron.order.Shipment shipment = shipments.ofOrder(id).stream()
          .filter(s -> s.fulfillmentGid().equals(fulfillment)).findFirst().orElseThrow();
      // Mirakl prices shipping per line: each shipment's invoice carries its own lines' shipping.
      result = invoices.issue(DocumentRequests.invoice(order.channelId(), config, order.snapshot(),
          job.idempotencyKey(), supply, shipment.lines(), true));
    }
    tx.executeWithoutResult(status -> {
      SyncedOrder locked = orders.lock(id).orElseThrow();
      if (result instanceof IssueResult.Issued issued) {
        var d = issued.document();
        if (documents.record(id, order.channelId(), job.idempotencyKey(), d)) {
          String currency = d.document().content().currency();
          locked.note(OrderEvent.Side.SYNCHRON, "INVOICE_ISSUED", "Invoice " + d.number() + " issued: "
              + Money.format(d.totals().taxInclusiveTotal(), currency) + " " + currency + " including "
              + Money.format(d.totals().vatTotal(), currency) + " VAT"
              + (d.reconciliation().matches() ? "; matches what the marketplace charged"
                  : "; the marketplace charged " + Money.format(d.reconciliation().marketplaceAmount(), currency)
                      + " (difference " + d.reconciliation().difference().toPlainString() + ", shown as due)"));
        }
        context.completeInTransaction(d.number());
      } else {
        IssueResult.Refused refused = (IssueResult.Refused) result;
        locked.note(OrderEvent.Side.SYNCHRON, "NO_INVOICE", "No invoice issued: " + refused.explanation());
        context.completeInTransaction(refused.reason().name());
      }
      orders.save(locked);
    });
  }

  @Override
  public void failed(Job job, Failure failure, boolean parked) {
    InvoicingNotes.note(orders, job, "Issuing the invoice", failure, parked);
  }
}
