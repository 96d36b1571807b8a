package io.synchron.billing;

import static io.synchron.billing.Fixtures.d;
import static io.synchron.billing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BillingStoreTest {

  private static BillingStore store;
  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  private final InvoiceIssuer invoices = new InvoiceIssuer(store, new FakeRenderer(), clock);
  private final CreditNoteIssuer creditNotes = new CreditNoteIssuer(store, new FakeRenderer(), clock);
  private final String order = "ORDER-" + UUID.randomUUID();

  @BeforeAll
  static void database() {
    DataSource dataSource = TestDatabase.fresh();
    store = new BillingStore(dataSource);
  }

  private static IssuedDocument issued(IssueResult result) {
    assertThat(result).isInstanceOf(IssueResult.Issued.class);
    return ((IssueResult.Issued) result).document();
  }

  @Test
  void aFoundInvoiceIsTheInvoiceAsIssuedWithItsFiles() {
    IssuedDocument invoice = issued(invoices.issue(request().order(order)
        .seller(Fixtures.britishSeller()).currency("EUR")
        .rate(new ExchangeRate("GBP", d("0.8512"), LocalDate.of(2026, 2, 27)))
        .buyer(new Buyer("李小龍", new Address("1 Nathan Road", "Flat 2", null, "Kowloon", "HK-KL", "HK"), null))
        .line(LineRequest.goods("L1", "Jacket", d("2"), d("25.00"), d("20")).withDiscount(d("5.00")).withSku("J-1"))
        .line(LineRequest.shipping("S1", "Shipping", d("4.99"), d("20"))).charged("50.00").build()));

    IssuedDocument found = store.find(invoice.number()).orElseThrow();

    assertThat(found.document()).isEqualTo(invoice.document());
    assertThat(found.issuedAt()).isEqualTo(invoice.issuedAt());
    assertThat(found.pdf()).isEqualTo(invoice.pdf());
    assertThat(found.reconciliation()).isEqualTo(invoice.reconciliation());
  }

  @Test
  void aFoundCreditNoteNamesItsInvoice() {
    IssuedDocument invoice = issued(invoices.issue(request().order(order).seller(Fixtures.frenchSeller())
        .line("Shirt", "2", "49.90", "20").build()));
    clock.advance(Duration.ofDays(3));
    IssuedDocument note = issued(creditNotes.issue(new CreditNoteRequest(UUID.randomUUID().toString(), "TEST-CN",
        invoice.number(), List.of(CreditLine.units("L1", d("1"))), d("49.90"), "Return", null)));

    IssuedDocument found = store.find(note.number()).orElseThrow();

    assertThat(found.document()).isEqualTo(note.document());
    assertThat(((CreditNote) found.document()).original())
        .isEqualTo(new InvoiceReference(invoice.number(), LocalDate.of(2026, 3, 1)));
  }

  @Test
  void anUnknownNumberIsNotFound() {
    assertThat(store.find("NOPE-000001")).isEmpty();
  }

  @Test
  void theDocumentsOfAnOrderAreListedNewestFirst() {
    IssuedDocument invoice = issued(invoices.issue(request().order(order).line("Shirt", "2", "49.90", "20").build()));
    IssuedDocument note = issued(creditNotes.issue(new CreditNoteRequest(UUID.randomUUID().toString(), "TEST-CN",
        invoice.number(), List.of(CreditLine.units("L1", d("1"))), d("49.90"), "Return", null)));

    List<DocumentSummary> listed = store.list(DocumentFilter.all().order(order));

    assertThat(listed).extracting(DocumentSummary::number).containsExactly(note.number(), invoice.number());
    assertThat(listed.get(0).originalInvoiceNumber()).isEqualTo(invoice.number());
    assertThat(listed.get(1).taxInclusiveTotal()).isEqualByComparingTo("99.80");
  }

  @Test
  void listingFiltersByKindSeriesAndIssueDate() {
    String series = "LIST-" + UUID.randomUUID().toString().substring(0, 8);
    issued(invoices.issue(request().order(order).series(series).line("Shirt", "1", "9.90", "20").build()));
    clock.advance(Duration.ofDays(10));
    IssuedDocument later = issued(invoices.issue(request().order(order).series(series)
        .line("Shirt", "1", "9.90", "20").build()));

    List<DocumentSummary> listed = store.list(DocumentFilter.all().series(series).kind(DocumentKind.INVOICE)
        .issuedBetween(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 31)));

    assertThat(listed).extracting(DocumentSummary::number).containsExactly(later.number());
  }
}
