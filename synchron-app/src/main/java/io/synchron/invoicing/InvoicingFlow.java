package io.synchron.invoicing;

import io.synchron.config.SynchronProperties;
import io.synchron.config.SynchronProperties.InvoiceTrigger;
import io.synchron.jobs.JobRequest;
import io.synchron.jobs.Jobs;
import io.synchron.order.MarketplaceState;
import io.synchron.order.MarketplaceStatus;
import io.synchron.order.SyncedOrder;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decides, whenever an order changes, whether an invoice or a credit note is now due, and queues it in the same
 * transaction (keyed by what it is for, so it is queued once).
 */
@Component
public class InvoicingFlow {

  static final String ISSUE_INVOICE = "ISSUE_INVOICE";
  static final String ISSUE_CREDIT_NOTE = "ISSUE_CREDIT_NOTE";
  static final String UPLOAD_DOCUMENT = "UPLOAD_DOCUMENT";
  static final String DELIVER_FINANCE_EVENT = "DELIVER_FINANCE_EVENT";

  private final SynchronProperties properties;
  private final Jobs jobs;
  private final JdbcClient jdbc;
  private final io.synchron.order.Shipments shipments;

  InvoicingFlow(SynchronProperties properties, Jobs jobs, JdbcClient jdbc, io.synchron.order.Shipments shipments) {
    this.shipments = shipments;
    this.properties = properties;
    this.jobs = jobs;
    this.jdbc = jdbc;
  }

  /** Queues what the order's new position calls for. Runs in the transaction that saves the order. */
  public void queueIfDue(SyncedOrder order) {
    SynchronProperties.Invoicing invoicing = properties.channel(order.channelId()).invoicing();
    if (!invoicing.enabled()) {
      return;
    }
    if (invoicing.perShipment()) {
      // One invoice per shipment the marketplace has been told of.
      for (io.synchron.order.Shipment s : shipments.ofOrder(order.id())) {
        if (s.status() == io.synchron.order.Shipment.Status.PUSHED) {
          jobs.enqueue(new JobRequest(ISSUE_INVOICE, "invoice:" + order.id() + ":" + s.fulfillmentGid(),
              "order:" + order.id(), order.id().value(), "{\"fulfillment\":\"" + s.fulfillmentGid() + "\"}"));
        }
      }
    } else if (invoiceDue(order, invoicing.trigger())) {
      jobs.enqueue(new JobRequest(ISSUE_INVOICE, "invoice:" + order.id(), "order:" + order.id(), order.id().value(), null));
    }
    List<String> cancelled = cancelledLines(order);
    boolean refunded = order.snapshot().lines().stream().anyMatch(l -> !l.refunds().isEmpty());
    if ((cancelled.isEmpty() && !refunded) || !hasInvoice(order)) {
      return;
    }
    if (!cancelled.isEmpty()) {
      jobs.enqueue(new JobRequest(ISSUE_CREDIT_NOTE, "credit:" + order.id() + ":" + String.join(",", cancelled),
          "order:" + order.id(), order.id().value(), null));
    }
    // One credit note per marketplace refund, keyed by the marketplace's refund id: seen again, it is not repeated.
    for (var line : order.snapshot().lines()) {
      for (var refund : line.refunds()) {
        jobs.enqueue(new JobRequest(ISSUE_CREDIT_NOTE, "refund:" + order.id() + ":" + refund.id(),
            "order:" + order.id(), order.id().value(), "{\"refund\":\"" + refund.id() + "\"}"));
      }
    }
  }

  static boolean invoiceDue(SyncedOrder order, InvoiceTrigger trigger) {
    MarketplaceStatus s = order.marketplaceStatus();
    return switch (trigger) {
      case ACCEPTED -> s == MarketplaceStatus.ACCEPTED || s == MarketplaceStatus.TO_SHIP
          || s == MarketplaceStatus.SHIPPED || s == MarketplaceStatus.CLOSED;
      case SHIPPED -> s == MarketplaceStatus.SHIPPED || s == MarketplaceStatus.CLOSED;
      case DELIVERED -> order.snapshot().state() == MarketplaceState.RECEIVED
          || order.snapshot().state() == MarketplaceState.CLOSED;
    };
  }

  /** The lines no longer sold: all of them when the order is cancelled, else the cancelled ones. */
  static List<String> cancelledLines(SyncedOrder order) {
    if (order.marketplaceStatus() == MarketplaceStatus.CANCELED) {
      return order.snapshot().lines().stream().map(l -> l.lineId()).sorted().toList();
    }
    return order.snapshot().lines().stream()
        .filter(l -> "CANCELED".equals(l.rawState()))
        .map(l -> l.lineId())
        .sorted()
        .toList();
  }

  /**
   * The total (tax included) of the credit notes issued for the order's marketplace refunds, or empty where the
   * order has no invoice to credit (invoicing off, a deemed supplier, not invoiced yet): then there is nothing to
   * compare.
   */
  public java.util.Optional<java.math.BigDecimal> refundCreditNotesTotal(SyncedOrder order) {
    if (!properties.channel(order.channelId()).invoicing().enabled() || !hasInvoice(order)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(jdbc.sql("select coalesce(sum(b.tax_inclusive_total), 0) from order_document d"
            + " join billing_document b on b.document_number = d.number"
            + " where d.synced_order_id = ? and d.kind = 'CREDIT_NOTE' and d.trigger_key like 'refund:%'")
        .params(order.id().value())
        .query(java.math.BigDecimal.class)
        .single());
  }

  private boolean hasInvoice(SyncedOrder order) {
    return jdbc.sql("select count(*) from order_document where synced_order_id = ? and kind = 'INVOICE'")
            .params(order.id().value()).query(Long.class).single() > 0
        || invoiceStillComing(order);
  }

  /** An invoice job that may yet issue a document (not finished, refused, parked or dismissed). */
  boolean invoiceStillComing(SyncedOrder order) {
    return jdbc.sql("select count(*) from job where synced_order_id = ? and kind = 'ISSUE_INVOICE'"
            + " and state in ('PENDING', 'RUNNING')")
        .params(order.id().value()).query(Long.class).single() > 0;
  }
}
