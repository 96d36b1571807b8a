package io.synchron.invoicing;

import io.synchron.billing.IssuedDocument;
import io.synchron.config.SynchronProperties;
import io.synchron.jobs.JobRequest;
import io.synchron.jobs.Jobs;
import io.synchron.order.SyncedOrderId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The link between orders and their billing documents, and the finance events: recording an issued document also
 * records its event and queues its handoffs (marketplace upload, one delivery per finance endpoint), in the caller's
 * transaction, so a document is never issued without being handed off.
 */
@Component
class OrderDocuments {

  private final JdbcClient jdbc;
  private final Jobs jobs;
  private final SynchronProperties properties;
  private final JsonMapper json;
  private final Clock clock;

  OrderDocuments(JdbcClient jdbc, Jobs jobs, SynchronProperties properties, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.jobs = jobs;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
  }

  Optional<String> invoiceOf(SyncedOrderId order) {
    return invoices(order).stream().findFirst();
  }

  /** The order's invoices, oldest first (several when it is invoiced per shipment). */
  List<String> invoices(SyncedOrderId order) {
    return jdbc.sql("select number from order_document where synced_order_id = ? and kind = 'INVOICE'"
            + " order by created_at, number")
        .params(order.value()).query(String.class).list();
  }

  /** Records a newly issued document (once), its finance event and its handoffs. Returns whether it was new. */
  boolean record(SyncedOrderId order, String channelId, String triggerKey, IssuedDocument document) {
    Timestamp now = Timestamp.from(clock.instant());
    boolean inserted = jdbc.sql("insert into order_document (number, synced_order_id, kind, trigger_key, created_at)"
            + " values (?, ?, ?, ?, ?) on conflict do nothing")
        .params(document.number(), order.value(), document.kind().name(), triggerKey, now)
        .update() == 1;
    if (!inserted) {
      return false;
    }
    SynchronProperties.Invoicing invoicing = properties.channel(channelId).invoicing();
    if (invoicing.upload()) {
      jobs.enqueue(new JobRequest(InvoicingFlow.UPLOAD_DOCUMENT, "upload:" + document.number(), "order:" + order,
          order.value(), "{\"number\":\"" + document.number() + "\"}"));
    }
    long eventId = jdbc.sql("insert into finance_event (type, document_number, payload, created_at)"
            + " values (?, ?, ?, ?) returning id")
        .params(eventType(document), document.number(), payload(order, channelId, document), now)
        .query(Long.class).single();
    queueDeliveries(eventId, "");
    return true;
  }

  /** Queues the delivery of an event to every finance endpoint; {@code suffix} tells a replay from the first. */
  void queueDeliveries(long eventId, String suffix) {
    for (SynchronProperties.FinanceEndpoint endpoint : properties.finance().endpoints()) {
      jobs.enqueue(new JobRequest(InvoicingFlow.DELIVER_FINANCE_EVENT,
          "finance:" + endpoint.id() + ":" + eventId + suffix, "finance:" + endpoint.id(), null,
          "{\"event\":" + eventId + ",\"endpoint\":\"" + endpoint.id() + "\"}"));
    }
  }

  void markUploaded(String number) {
    jdbc.sql("update order_document set uploaded_at = ? where number = ?")
        .params(Timestamp.from(clock.instant()), number).update();
  }

  static String eventType(IssuedDocument d) {
    return d.kind() == io.synchron.billing.DocumentKind.INVOICE ? "invoice.issued" : "credit_note.issued";
  }

  private String payload(SyncedOrderId order, String channelId, IssuedDocument d) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", eventType(d));
    body.put("number", d.number());
    body.put("kind", d.kind().name());
    body.put("issueDate", d.document().issueDate().toString());
    body.put("issuedAt", d.issuedAt().toString());
    body.put("channel", channelId);
    body.put("orderId", order.toString());
    body.put("marketplaceOrderId", d.document().content().marketplaceOrderId());
    body.put("currency", d.document().content().currency());
    body.put("totals", d.totals());
    body.put("vat", d.document().content().vatBreakdown());
    body.put("reconciliation", d.reconciliation());
    if (d.document() instanceof io.synchron.billing.CreditNote c) {
      body.put("originalInvoice", c.original());
      body.put("reason", c.reason());
    }
    String base = properties.publicUrl() == null ? "" : properties.publicUrl().toString().replaceAll("/+$", "");
    body.put("links", Map.of(
        "pdf", base + "/api/documents/" + d.number() + "/pdf",
        "facturx", base + "/api/documents/" + d.number() + "/facturx",
        "ubl", base + "/api/documents/" + d.number() + "/ubl"));
    return json.writeValueAsString(body);
  }

  record FinanceEvent(long id, String type, String documentNumber, String payload) {}

  Optional<FinanceEvent> event(long id) {
    return jdbc.sql("select id, type, document_number, payload from finance_event where id = ?").params(id)
        .query((rs, i) -> new FinanceEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  List<Long> eventsFrom(long fromId) {
    return jdbc.sql("select id from finance_event where id >= ? order by id").params(fromId)
        .query(Long.class).list();
  }
}
