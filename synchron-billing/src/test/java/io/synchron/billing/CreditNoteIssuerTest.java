package io.synchron.billing;

import static io.synchron.billing.Fixtures.d;
import static io.synchron.billing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CreditNoteIssuerTest {

  private static BillingStore store;
  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  private final InvoiceIssuer invoices = new InvoiceIssuer(store, new FakeRenderer(), clock);
  private final CreditNoteIssuer creditNotes = new CreditNoteIssuer(store, new FakeRenderer(), clock);
  private final String series = "CN-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void database() {
    DataSource dataSource = TestDatabase.fresh();
    store = new BillingStore(dataSource);
  }

  private String invoice() {
    IssueResult result = invoices.issue(request().line("Shirt", "2", "49.90", "20").line("Cap", "1", "15.00", "20")
        .build());
    return ((IssueResult.Issued) result).document().number();
  }

  private CreditNoteRequest refund(String invoice, CreditLine... lines) {
    return new CreditNoteRequest(UUID.randomUUID().toString(), series, invoice, List.of(lines), d("0.00"), "Refund",
        null);
  }

  @Test
  void aCreditNoteReferencesItsInvoiceNumberAndDate() {
    String invoice = invoice();

    IssueResult result = creditNotes.issue(refund(invoice, CreditLine.units("L1", d("1"))));

    assertThat(result).isInstanceOfSatisfying(IssueResult.Issued.class, issued -> {
      CreditNote note = (CreditNote) issued.document().document();
      assertThat(note.number()).isEqualTo(series + "-000001");
      assertThat(note.original()).isEqualTo(new InvoiceReference(invoice, java.time.LocalDate.of(2026, 3, 1)));
    });
  }

  @Test
  void aCreditNoteForAnUnknownInvoiceIsRefusedWithoutTakingANumber() {
    IssueResult result = creditNotes.issue(refund("NOPE-000001", CreditLine.remainder("L1")));

    assertThat(result).isInstanceOfSatisfying(IssueResult.Refused.class,
        r -> assertThat(r.reason()).isEqualTo(RefusalReason.ORIGINAL_INVOICE_NOT_FOUND));
    IssueResult next = creditNotes.issue(refund(invoice(), CreditLine.remainder("L1")));
    assertThat(((IssueResult.Issued) next).document().number()).isEqualTo(series + "-000001");
  }

  @Test
  void aCreditNoteCannotCorrectAnotherCreditNote() {
    IssueResult first = creditNotes.issue(refund(invoice(), CreditLine.units("L1", d("1"))));
    String noteNumber = ((IssueResult.Issued) first).document().number();

    IssueResult result = creditNotes.issue(refund(noteNumber, CreditLine.remainder("L1")));

    assertThat(result).isInstanceOfSatisfying(IssueResult.Refused.class,
        r -> assertThat(r.reason()).isEqualTo(RefusalReason.ORIGINAL_IS_NOT_AN_INVOICE));
  }

  @Test
  void earlierCreditNotesInTheDatabaseCountAgainstTheInvoice() {
    String invoice = invoice();
    creditNotes.issue(refund(invoice, CreditLine.units("L1", d("2"))));

    IssueResult result = creditNotes.issue(refund(invoice, CreditLine.units("L1", d("1"))));

    assertThat(result).isInstanceOfSatisfying(IssueResult.Refused.class,
        r -> assertThat(r.reason()).isEqualTo(RefusalReason.EXCEEDS_INVOICED_UNITS));
  }

  @Test
  void twoConcurrentCancellationsOfOneInvoiceCannotBothCreditTheRemainder() throws Exception {
    String invoice = invoice();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<IssueResult>> attempts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      attempts.add(pool.submit(() -> {
        start.await();
        return creditNotes.issue(refund(invoice, CreditLine.remainder("L1"), CreditLine.remainder("L2")));
      }));
    }
    start.countDown();
    List<IssueResult> results = new ArrayList<>();
    for (Future<IssueResult> attempt : attempts) {
      results.add(attempt.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();

    assertThat(results).filteredOn(r -> r instanceof IssueResult.Issued).hasSize(1);
    assertThat(results).filteredOn(r -> r instanceof IssueResult.Refused).singleElement()
        .satisfies(r -> assertThat(((IssueResult.Refused) r).reason()).isEqualTo(RefusalReason.NOTHING_TO_CREDIT));
  }
}
