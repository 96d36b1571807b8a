package io.synchron.invoicing;

import io.synchron.billing.CreditLine;
import io.synchron.billing.CreditNoteIssuer;
import io.synchron.billing.CreditNoteRequest;
import io.synchron.billing.IssueResult;
import io.synchron.config.SynchronProperties;
import io.synchron.jobs.Job;
import io.synchron.jobs.JobContext;
import io.synchron.jobs.JobHandler;
import io.synchron.order.MarketplaceOrder;
import io.synchron.order.OrderEvent;
import io.synchron.order.SyncedOrder;
import io.synchron.order.SyncedOrderId;
import io.synchron.order.SyncedOrders;
import io.synchron.shared.Failure;
import io.synchron.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues a credit note for what was cancelled after the invoice: the cancelled lines' remaining invoiced amounts
 * (and the shipping when the whole order is cancelled), referencing the invoice. The billing module refuses to credit
 * more than was invoiced, counting earlier credit notes; such a refusal goes on the timeline, not into a loop.
 */
@Component
class IssueCreditNoteHandler implements JobHandler {

  private final SyncedOrders orders;
  private final CreditNoteIssuer creditNotes;
  private final OrderDocuments documents;
  private final SynchronProperties properties;
  private final TransactionTemplate tx;
  private final io.synchron.billing.BillingStore store;
  private final InvoicingFlow invoicing;
  private final io.synchron.jobs.Jobs jobs;

  IssueCreditNoteHandler(SyncedOrders orders, CreditNoteIssuer creditNotes, OrderDocuments documents,
      SynchronProperties properties, TransactionTemplate tx, io.synchron.billing.BillingStore store,
      InvoicingFlow invoicing, io.synchron.jobs.Jobs jobs) {
    this.jobs = jobs;
    this.invoicing = invoicing;
    this.store = store;
    this.orders = orders;
    this.creditNotes = creditNotes;
    this.documents = documents;
    this.properties = properties;
    this.tx = tx;
  }

  @Override
  public String kind() {
    return InvoicingFlow.ISSUE_CREDIT_NOTE;
  }

  @Override
  public void run(Job job, JobContext context) {
    SyncedOrderId id = new SyncedOrderId(job.syncedOrderId());
    SyncedOrder order = orders.find(id).orElseThrow();
    String invoice = documents.invoiceOf(id).orElse(null);
    if (invoice == null) {
      if (invoicing.invoiceStillComing(order)) {
        // The invoice is still being issued (its job runs first on this order); come back shortly.
        throw new InvoiceNotYetIssued();
      }
      tx.executeWithoutResult(status -> {
        SyncedOrder locked = orders.lock(id).orElseThrow();
        locked.note(OrderEvent.Side.SYNCHRON, "NO_CREDIT_NOTE", "No credit note: no invoice was issued for this order");
        orders.save(locked);
        context.completeInTransaction("no invoice");
      });
      return;
    }
    String refundId = job.payload() == null ? null : io.synchron.shared.Json.text(job.payload(), "refund");
    if (refundId != null) {
      issueForRefund(job, context, order, invoice, refundId);
      return;
    }
    // Lines an earlier cancellation credit note already covered are not counted again.
    java.util.Set<String> credited = new java.util.HashSet<>();
    for (io.synchron.jobs.Job earlier : jobs.forOrder(id.value())) {
      if (earlier.kind().equals(InvoicingFlow.ISSUE_CREDIT_NOTE) && earlier.state() == io.synchron.jobs.JobState.DONE
          && earlier.idempotencyKey().startsWith("credit:") && !earlier.id().equals(job.id())) {
        String lines = earlier.idempotencyKey().substring(earlier.idempotencyKey().lastIndexOf(':') + 1);
        credited.addAll(java.util.Arrays.asList(lines.split(",")));
      }
    }
    List<String> cancelled = InvoicingFlow.cancelledLines(order).stream().filter(l -> !credited.contains(l)).toList();
    boolean wholeOrder = order.marketplaceStatus() == io.synchron.order.MarketplaceStatus.CANCELED;
    List<CreditLine> lines = new ArrayList<>();
    BigDecimal refunded = BigDecimal.ZERO;
    for (MarketplaceOrder.Line line : order.snapshot().lines()) {
      if (cancelled.contains(line.lineId())) {
        lines.add(CreditLine.remainder(line.lineId()));
        refunded = refunded.add(Money.orZero(line.price()));
        if (order.snapshot().taxMode() == MarketplaceOrder.TaxMode.TAX_EXCLUDED) {
          refunded = refunded.add(line.taxes().stream().map(MarketplaceOrder.Tax::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
      }
    }
    boolean excluded = order.snapshot().taxMode() == MarketplaceOrder.TaxMode.TAX_EXCLUDED;
    if (wholeOrder && Money.orZero(order.snapshot().shippingPrice()).signum() > 0) {
      lines.add(CreditLine.remainder("shipping"));
      refunded = refunded.add(order.snapshot().shippingPrice());
      if (excluded) {
        for (MarketplaceOrder.Line line : order.snapshot().lines()) {
          refunded = refunded.add(line.shippingTaxes().stream().map(MarketplaceOrder.Tax::amount)
              .reduce(BigDecimal.ZERO, BigDecimal::add));
        }
      }
    }
    BigDecimal amountRefunded = Money.scaled(refunded, order.snapshot().currency());
    SynchronProperties.Invoicing config = properties.channel(order.channelId()).invoicing();
    String series = config.creditNoteSeries() != null ? config.creditNoteSeries()
        : order.channelId().toUpperCase(Locale.ROOT) + "-CN";
    IssueResult result = creditNotes.issue(new CreditNoteRequest(job.idempotencyKey(), series, invoice, lines,
        amountRefunded, wholeOrder ? "Order cancelled on the marketplace" : "Lines cancelled on the marketplace: " + cancelled,
        null));
    tx.executeWithoutResult(status -> {
      SyncedOrder locked = orders.lock(id).orElseThrow();
      if (result instanceof IssueResult.Issued issued) {
        var d = issued.document();
        if (documents.record(id, order.channelId(), job.idempotencyKey(), d)) {
          String currency = d.document().content().currency();
          locked.note(OrderEvent.Side.SYNCHRON, "CREDIT_NOTE_ISSUED", "Credit note " + d.number() + " for invoice "
              + invoice + ": " + Money.format(d.totals().taxInclusiveTotal(), currency) + " " + currency);
        }
        context.completeInTransaction(d.number());
      } else {
        IssueResult.Refused refused = (IssueResult.Refused) result;
        locked.note(OrderEvent.Side.SYNCHRON, "NO_CREDIT_NOTE", "No credit note issued: " + refused.explanation());
        context.completeInTransaction(refused.reason().name());
      }
      orders.save(locked);
    });
  }

  /** A marketplace refund: the line's refunded amount and shipping, in the order's tax mode, as the marketplace gave. */
  private void issueForRefund(Job job, JobContext context, SyncedOrder order, String invoice, String refundId) {
    MarketplaceOrder.Line line = null;
    MarketplaceOrder.Refund refund = null;
    for (MarketplaceOrder.Line l : order.snapshot().lines()) {
      for (MarketplaceOrder.Refund r : l.refunds()) {
        if (r.id().equals(refundId)) {
          line = l;
          refund = r;
        }
      }
    }
    if (refund == null) {
      return;
    }
    // Invoiced per shipment, the refunded line is on one of several invoices: credit that one.
    String lineId = line.lineId();
    invoice = documents.invoices(order.id()).stream()
        .filter(n -> store.find(n).map(d -> d.document().content().lines().stream()
            .anyMatch(l -> lineId.equals(l.lineId()))).orElse(false))
        .findFirst().orElse(invoice);
    boolean excluded = order.snapshot().taxMode() == MarketplaceOrder.TaxMode.TAX_EXCLUDED;
    List<CreditLine> lines = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    if (Money.orZero(refund.amount()).signum() > 0) {
      lines.add(CreditLine.amount(line.lineId(), refund.amount()));
      total = total.add(refund.amount());
    }
    if (Money.orZero(refund.shippingAmount()).signum() > 0) {
      lines.add(CreditLine.amount("shipping", refund.shippingAmount()));
      total = total.add(refund.shippingAmount());
    }
    if (excluded) {
      total = total.add(refund.taxes().stream().map(MarketplaceOrder.Tax::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
      total = total.add(refund.shippingTaxes().stream().map(MarketplaceOrder.Tax::amount)
          .reduce(BigDecimal.ZERO, BigDecimal::add));
    }
    if (lines.isEmpty()) {
      return;
    }
    SynchronProperties.Invoicing config = properties.channel(order.channelId()).invoicing();
    String series = config.creditNoteSeries() != null ? config.creditNoteSeries()
        : order.channelId().toUpperCase(Locale.ROOT) + "-CN";
    IssueResult result = creditNotes.issue(new CreditNoteRequest(job.idempotencyKey(), series, invoice, lines,
        Money.scaled(total, order.snapshot().currency()),
        "Refund " + refundId + " on the marketplace" + (refund.reasonCode() == null ? "" : " (reason "
            + refund.reasonCode() + ")"),
        null));
    record(job, context, order, invoice, result);
  }

  private void record(Job job, JobContext context, SyncedOrder order, String invoice, IssueResult result) {
    tx.executeWithoutResult(status -> {
      SyncedOrder locked = orders.lock(order.id()).orElseThrow();
      if (result instanceof IssueResult.Issued issued) {
        var d = issued.document();
        if (documents.record(order.id(), order.channelId(), job.idempotencyKey(), d)) {
          String currency = d.document().content().currency();
          locked.note(OrderEvent.Side.SYNCHRON, "CREDIT_NOTE_ISSUED", "Credit note " + d.number() + " for invoice "
              + invoice + ": " + Money.format(d.totals().taxInclusiveTotal(), currency) + " " + currency);
        }
        context.completeInTransaction(d.number());
      } else {
        IssueResult.Refused refused = (IssueResult.Refused) result;
        locked.note(OrderEvent.Side.SYNCHRON, "NO_CREDIT_NOTE", "No credit note issued: " + refused.explanation());
        context.completeInTransaction(refused.reason().name());
      }
      orders.save(locked);
    });
  }

  @Override
  public void failed(Job job, Failure failure, boolean parked) {
    InvoicingNotes.note(orders, job, "Issuing the credit note", failure, parked);
  }

  static final class InvoiceNotYetIssued extends RuntimeException implements Failure.Classified {
    InvoiceNotYetIssued() {
      super("The invoice is not issued yet");
    }

    @Override
    public Failure failure() {
      return new Failure.RetryAfter(java.time.Duration.ofSeconds(30), getMessage());
    }
  }
}
