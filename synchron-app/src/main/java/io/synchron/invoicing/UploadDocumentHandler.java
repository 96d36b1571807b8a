package io.synchron.invoicing;

import io.synchron.billing.BillingStore;
import io.synchron.billing.DocumentKind;
import io.synchron.billing.IssuedDocument;
import io.synchron.config.SynchronProperties;
import io.synchron.connector.Connectors;
import io.synchron.connector.PlatformException;
import io.synchron.jobs.Job;
import io.synchron.jobs.JobContext;
import io.synchron.jobs.JobHandler;
import io.synchron.order.OrderEvent;
import io.synchron.order.SyncedOrder;
import io.synchron.order.SyncedOrderId;
import io.synchron.order.SyncedOrders;
import io.synchron.shared.Failure;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attaches an issued document to its marketplace order (Mirakl OR74): the Factur-X PDF, which is both the readable
 * document and the e-invoice, under the channel's document type. A refusal by the marketplace becomes an exception
 * carrying the marketplace's error.
 */
@Component
class UploadDocumentHandler implements JobHandler {

  private final SyncedOrders orders;
  private final BillingStore store;
  private final Connectors connectors;
  private final OrderDocuments documents;
  private final SynchronProperties properties;
  private final TransactionTemplate tx;

  UploadDocumentHandler(SyncedOrders orders, BillingStore store, Connectors connectors, OrderDocuments documents,
      SynchronProperties properties, TransactionTemplate tx) {
    this.orders = orders;
    this.store = store;
    this.connectors = connectors;
    this.documents = documents;
    this.properties = properties;
    this.tx = tx;
  }

  @Override
  public String kind() {
    return InvoicingFlow.UPLOAD_DOCUMENT;
  }

  @Override
  public void run(Job job, JobContext context) {
    String number = io.synchron.shared.Json.text(job.payload(), "number");
    SyncedOrder order = orders.find(new SyncedOrderId(job.syncedOrderId())).orElseThrow();
    IssuedDocument document = store.find(number).orElseThrow();
    SynchronProperties.Invoicing config = properties.channel(order.channelId()).invoicing();
    String type = document.kind() == DocumentKind.INVOICE ? config.invoiceDocumentType() : config.creditNoteDocumentType();
    String fileName = number.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    var marketplace = connectors.marketplace(order.channelId());
    // Read before write: an upload whose answer was lost is already attached, and must not be attached twice.
    boolean alreadyThere = marketplace.documentFileNames(order.marketplaceOrderId()).contains(fileName);
    List<String> refusals = alreadyThere
        ? List.of()
        : marketplace.uploadDocument(order.marketplaceOrderId(), fileName, type, document.facturX());
    if (!refusals.isEmpty()) {
      throw new PlatformException("Mirakl", "OR74 refused " + fileName + ": " + String.join("; ", refusals), 200,
          null, null, new Failure.Permanent(String.join("; ", refusals)), null);
    }
    tx.executeWithoutResult(status -> {
      SyncedOrder locked = orders.lock(order.id()).orElseThrow();
      documents.markUploaded(number);
      locked.note(OrderEvent.Side.MARKETPLACE, "DOCUMENT_UPLOADED", fileName + " attached to the marketplace order as "
          + type);
      orders.save(locked);
      context.completeInTransaction(fileName);
    });
  }

  @Override
  public void failed(Job job, Failure failure, boolean parked) {
    InvoicingNotes.note(orders, job, "Uploading the document to the marketplace", failure, parked);
  }
}
