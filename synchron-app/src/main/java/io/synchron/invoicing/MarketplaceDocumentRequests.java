package io.synchron.invoicing;

import io.synchron.billing.BillingStore;
import io.synchron.billing.IssuedDocument;
import io.synchron.config.SynchronProperties;
import io.synchron.connector.Connectors;
import io.synchron.connector.MarketplaceConnector.DocumentRequest;
import io.synchron.connector.PlatformException;
import io.synchron.jobs.Job;
import io.synchron.jobs.JobContext;
import io.synchron.jobs.JobHandler;
import io.synchron.jobs.JobRequest;
import io.synchron.jobs.Jobs;
import io.synchron.order.OrderEvent;
import io.synchron.order.SyncedOrder;
import io.synchron.order.SyncedOrderId;
import io.synchron.order.SyncedOrders;
import io.synchron.shared.Failure;
import io.synchron.shared.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the operator asks sellers for documents through accounting document requests (Mirakl DR11/DR74), reads the
 * open requests of each channel that uses them and answers each one with the matching document: the order's invoice
 * for an INVOICE request, its oldest credit note not yet given for a CREDIT_NOTE request. A request whose document
 * does not exist yet waits; each answer is a durable job keyed by the request.
 */
@Component
public class MarketplaceDocumentRequests implements JobHandler {

  static final String ANSWER = "ANSWER_DOCUMENT_REQUEST";
  private static final Logger log = LoggerFactory.getLogger(MarketplaceDocumentRequests.class);

  private final SynchronProperties properties;
  private final Connectors connectors;
  private final SyncedOrders orders;
  private final Jobs jobs;
  private final BillingStore store;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Map<String, Instant> lastRead = new ConcurrentHashMap<>();
  private volatile boolean pollingEnabled = true;

  @org.springframework.beans.factory.annotation.Value("${synchron.polling.enabled:true}")
  void setPollingEnabled(boolean enabled) {
    this.pollingEnabled = enabled;
  }

  MarketplaceDocumentRequests(SynchronProperties properties, Connectors connectors, SyncedOrders orders, Jobs jobs,
      BillingStore store, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
    this.properties = properties;
    this.connectors = connectors;
    this.orders = orders;
    this.jobs = jobs;
    this.store = store;
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${synchron.polling.tick:PT1S}", initialDelayString = "PT20S")
  void readDue() {
    if (!pollingEnabled) {
      return;
    }
    for (SynchronProperties.Channel channel : properties.channels()) {
      SynchronProperties.Invoicing invoicing = channel.invoicing();
      Instant last = lastRead.get(channel.id());
      if (invoicing.enabled() && invoicing.documentRequests()
          && (last == null || last.plus(invoicing.documentRequestInterval()).isBefore(clock.instant()))) {
        try {
          readNow(channel.id());
        } catch (RuntimeException e) {
          log.warn("Reading the document requests of channel {} failed: {}", channel.id(), e.getMessage());
        }
      }
    }
  }

  /** Reads the channel's open requests and queues an answer for each one about an order Synchron knows. */
  public int readNow(String channelId) {
    lastRead.put(channelId, clock.instant());
    int queued = 0;
    for (DocumentRequest request : connectors.marketplace(channelId).openDocumentRequests()) {
      if (request.orderId() == null) {
        continue;
      }
      Optional<SyncedOrder> order = jdbc.sql("select id from synced_order where channel_id = ? and marketplace_order_id = ?")
          .params(channelId, request.orderId()).query(java.util.UUID.class).optional()
          .flatMap(id -> orders.find(new SyncedOrderId(id)));
      if (order.isPresent() && jobs.enqueue(new JobRequest(ANSWER, "document-request:" + request.id(),
          "order:" + order.get().id(), order.get().id().value(),
          "{\"request\":\"" + request.id() + "\",\"type\":\"" + request.type() + "\"}"))) {
        queued++;
      }
    }
    return queued;
  }

  @Override
  public String kind() {
    return ANSWER;
  }

  @Override
  public void run(Job job, JobContext context) {
    String requestId = Json.text(job.payload(), "request");
    String type = Json.text(job.payload(), "type");
    SyncedOrder order = orders.find(new SyncedOrderId(job.syncedOrderId())).orElseThrow();
    String kind = "CREDIT_NOTE".equals(type) ? "CREDIT_NOTE" : "INVOICE";
    Optional<String> number = jdbc.sql("select number from order_document where synced_order_id = ? and kind = ?"
            + " and (request_id is null or request_id = ?) order by created_at, number limit 1")
        .params(order.id().value(), kind, requestId).query(String.class).optional();
    if (number.isEmpty()) {
      throw new NoDocumentYet(kind.toLowerCase().replace('_', ' ') + " of order " + order.marketplaceOrderId()
          + " is not issued yet");
    }
    IssuedDocument document = store.find(number.get()).orElseThrow();
    // Read before write: a request answered by an attempt whose answer was lost is no longer open.
    boolean stillOpen = connectors.marketplace(order.channelId()).openDocumentRequests().stream()
        .anyMatch(r -> r.id().equals(requestId));
    if (!stillOpen) {
      tx.executeWithoutResult(status -> {
        jdbc.sql("update order_document set request_id = ? where number = ? and request_id is null")
            .params(requestId, number.get()).update();
        context.completeInTransaction("no longer open");
      });
      return;
    }
    String fileName = number.get().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    var refusals = connectors.marketplace(order.channelId()).answerDocumentRequest(requestId, number.get(),
        document.document().issueDate(), document.totals().taxExclusiveTotal(), document.totals().vatTotal(),
        fileName, document.facturX());
    if (!refusals.isEmpty()) {
      throw new PlatformException("Mirakl", "DR74 refused " + number.get() + " for request " + requestId + ": "
          + String.join("; ", refusals), 200, null, null, new Failure.Permanent(String.join("; ", refusals)), null);
    }
    tx.executeWithoutResult(status -> {
      jdbc.sql("update order_document set request_id = ? where number = ?").params(requestId, number.get()).update();
      SyncedOrder locked = orders.lock(order.id()).orElseThrow();
      locked.note(OrderEvent.Side.MARKETPLACE, "DOCUMENT_REQUEST_ANSWERED", number.get()
          + " sent for the marketplace's " + kind.toLowerCase().replace('_', ' ') + " request " + requestId);
      orders.save(locked);
      context.completeInTransaction(number.get());
    });
  }

  @Override
  public void failed(Job job, Failure failure, boolean parked) {
    InvoicingNotes.note(orders, job, "Answering the marketplace's document request", failure, parked);
  }

  /** The document asked for is not issued yet (its trigger has not come): ask again later. */
  static final class NoDocumentYet extends RuntimeException implements Failure.Classified {
    NoDocumentYet(String message) {
      super(message);
    }

    @Override
    public Failure failure() {
      return new Failure.RetryAfter(Duration.ofMinutes(15), getMessage());
    }
  }
}
