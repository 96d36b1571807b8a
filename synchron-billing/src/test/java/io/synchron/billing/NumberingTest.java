package io.synchron.billing;

import static io.synchron.billing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class NumberingTest {

  private static DataSource dataSource;
  private static JdbcTemplate jdbc;
  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  private final FakeRenderer renderer = new FakeRenderer();
  private final String series = "S-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void database() {
    dataSource = TestDatabase.fresh();
    jdbc = new JdbcTemplate(dataSource);
  }

  private InvoiceIssuer issuer(BillingStore store) {
    return new InvoiceIssuer(store, renderer, clock);
  }

  private IssueRequest order() {
    return request().series(series).line("Shirt", "1", "20.00", "20").build();
  }

  private List<Long> numbersInDatabase() {
    return jdbc.queryForList("select sequence_number from billing_document where series_id = ? order by 1",
        Long.class, series);
  }

  private static String number(IssueResult result) {
    assertThat(result).isInstanceOf(IssueResult.Issued.class);
    return ((IssueResult.Issued) result).document().number();
  }

  @Test
  void eightThreadsIssuingFiftyEachGetNumbersOneToFourHundredWithoutGapOrDuplicate() throws Exception {
    InvoiceIssuer issuer = issuer(new BillingStore(dataSource));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<String>>> workers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Callable<List<String>> worker = () -> {
        start.await();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          numbers.add(number(issuer.issue(order())));
        }
        return numbers;
      };
      workers.add(pool.submit(worker));
    }
    start.countDown();
    List<String> returned = new ArrayList<>();
    for (Future<List<String>> worker : workers) {
      returned.addAll(worker.get(120, TimeUnit.SECONDS));
    }
    pool.shutdown();

    List<Long> expected = java.util.stream.LongStream.rangeClosed(1, 400).boxed().toList();
    assertThat(numbersInDatabase()).isEqualTo(expected);
    assertThat(returned).hasSize(400).doesNotHaveDuplicates();
    assertThat(jdbc.queryForObject("select last_number from billing_series where series_id = ?", Long.class, series))
        .isEqualTo(400L);
  }

  @Test
  void aTransactionRolledBackAfterTheNumberWasTakenLeavesNoGap() {
    var transactions = new DataSourceTransactionManager(dataSource);
    InvoiceIssuer issuer = issuer(new BillingStore(dataSource, transactions));
    issuer.issue(order());

    assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
      assertThat(number(issuer.issue(order()))).endsWith("-000002");
      throw new IllegalStateException("the caller's transaction fails after the issue");
    })).hasMessageContaining("caller's transaction fails");

    assertThat(number(issuer.issue(order()))).isEqualTo(series + "-000002");
    assertThat(numbersInDatabase()).containsExactly(1L, 2L);
  }

  @Test
  void aRenderingFailureMidIssueGivesTheNumberBack() {
    InvoiceIssuer issuer = issuer(new BillingStore(dataSource));
    renderer.failNext(1);

    assertThatThrownBy(() -> issuer.issue(order())).hasMessageContaining("renderer crashed on " + series + "-000001");

    assertThat(number(issuer.issue(order()))).isEqualTo(series + "-000001");
    assertThat(numbersInDatabase()).containsExactly(1L);
  }

  @Test
  void issuingTwiceWithTheSameKeyReturnsTheFirstDocumentAndTakesNoNumber() {
    InvoiceIssuer issuer = issuer(new BillingStore(dataSource));
    IssueRequest request = order();
    issuer.issue(request);

    IssueResult again = issuer.issue(request);

    assertThat(again).isInstanceOfSatisfying(IssueResult.Issued.class, issued -> {
      assertThat(issued.alreadyIssued()).isTrue();
      assertThat(issued.document().number()).isEqualTo(series + "-000001");
    });
    assertThat(numbersInDatabase()).containsExactly(1L);
  }

  @Test
  void eachSeriesHasItsOwnNumbers() {
    InvoiceIssuer issuer = issuer(new BillingStore(dataSource));
    issuer.issue(order());

    String other = series + "-B";
    IssueResult first = issuer.issue(request().series(other).line("Shirt", "1", "20.00", "20").build());

    assertThat(number(first)).isEqualTo(other + "-000001");
  }

  @Test
  void aRefusedIssueTakesNoNumber() {
    InvoiceIssuer issuer = issuer(new BillingStore(dataSource));

    IssueResult refused = issuer.issue(request().series(series).regime(VatRegime.MARKETPLACE_DEEMED_SUPPLIER)
        .line("Shirt", "1", "20.00", "20").build());

    assertThat(refused).isInstanceOfSatisfying(IssueResult.Refused.class,
        r -> assertThat(r.reason()).isEqualTo(RefusalReason.MARKETPLACE_IS_DEEMED_SUPPLIER));
    assertThat(number(issuer.issue(order()))).isEqualTo(series + "-000001");
  }

  @Test
  void theIssueDateIsTheSellersLocalDateWhenTheNumberIsTaken() {
    InvoiceIssuer issuer = issuer(new BillingStore(dataSource));
    clock.set(Instant.parse("2026-03-01T23:30:00Z"));

    IssueResult result = issuer.issue(order());

    assertThat(((IssueResult.Issued) result).document().document().issueDate()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(((IssueResult.Issued) result).document().issuedAt()).isEqualTo(clock.instant());
  }
}
