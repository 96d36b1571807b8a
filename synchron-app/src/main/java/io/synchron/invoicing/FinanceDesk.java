package io.synchron.invoicing;

import io.synchron.billing.BillingStore;
import io.synchron.billing.DocumentFilter;
import io.synchron.billing.DocumentSummary;
import io.synchron.billing.IssuedDocument;
import io.synchron.billing.VatBreakdown;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** What finance teams ask of Synchron: the documents, a daily journal to import, and replays of the event feed. */
@Component
public class FinanceDesk {

  private final BillingStore store;
  private final OrderDocuments documents;
  private final TransactionTemplate tx;

  FinanceDesk(BillingStore store, OrderDocuments documents, TransactionTemplate tx) {
    this.store = store;
    this.documents = documents;
    this.tx = tx;
  }

  public List<DocumentSummary> documents(DocumentFilter filter) {
    return store.list(filter);
  }

  public Optional<IssuedDocument> document(String number) {
    return store.find(number);
  }

  /**
   * Queues every finance event from {@code fromEventId} on, to every endpoint, again (receivers de-duplicate on
   * {@code X-Synchron-Event-Id}). Returns how many events were queued.
   */
  public int replay(long fromEventId) {
    String suffix = ":replay-" + System.nanoTime();
    Integer n = tx.execute(status -> {
      List<Long> events = documents.eventsFrom(fromEventId);
      events.forEach(id -> documents.queueDeliveries(id, suffix));
      return events.size();
    });
    return n == null ? 0 : n;
  }

  /**
   * The journal of one issue date, one line per document and VAT rate, as CSV an accounting tool can import:
   * amounts are decimal strings with a dot, credit notes negative, columns named in the first line.
   */
  public String journal(LocalDate day) {
    StringBuilder csv = new StringBuilder(
        "issue_date,document_number,kind,marketplace_order_id,currency,vat_category,vat_rate,taxable_amount,vat_amount,"
            + "original_invoice\n");
    List<DocumentSummary> day0 = store.list(DocumentFilter.all().issuedBetween(day, day).limit(1000));
    if (day0.size() == 1000) {
      // Never hand finance a silently truncated journal.
      throw new IllegalStateException("More than 1,000 documents were issued on " + day
          + "; the journal export does not page yet: export per series (?series=)");
    }
    for (DocumentSummary s : day0) {
      IssuedDocument d = store.find(s.number()).orElseThrow();
      String sign = d.kind() == io.synchron.billing.DocumentKind.CREDIT_NOTE ? "-" : "";
      for (VatBreakdown v : d.document().content().vatBreakdown()) {
        csv.append(s.issueDate()).append(',')
            .append(csvText(s.number())).append(',')
            .append(s.kind()).append(',')
            .append(csvText(s.marketplaceOrderId())).append(',')
            .append(s.currency()).append(',')
            .append(v.category().code()).append(',')
            .append(v.rate().toPlainString()).append(',')
            .append(signed(sign, v.taxableAmount().toPlainString())).append(',')
            .append(signed(sign, v.taxAmount().toPlainString())).append(',')
            .append(csvText(s.originalInvoiceNumber()))
            .append('\n');
      }
    }
    return csv.toString();
  }

  private static String signed(String sign, String amount) {
    return sign.isEmpty() || amount.startsWith("-") || amount.matches("0(\\.0+)?") ? amount : sign + amount;
  }

  private static String csvText(String value) {
    if (value == null) {
      return "";
    }
    return value.contains(",") || value.contains("\"") || value.contains("\n")
        ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }
}
