package io.synchron.billing;

import static io.synchron.billing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

class ImmutabilityTest {

  private static JdbcTemplate jdbc;
  private static String number;

  @BeforeAll
  static void anIssuedInvoice() {
    DataSource dataSource = TestDatabase.fresh();
    jdbc = new JdbcTemplate(dataSource);
    IssueResult result = new InvoiceIssuer(new BillingStore(dataSource), new FakeRenderer(),
        MutableClock.at("2026-03-01T10:00:00Z")).issue(request().line("Shirt", "1", "20.00", "20").build());
    number = ((IssueResult.Issued) result).document().number();
  }

  @Test
  void theDatabaseRefusesToUpdateAnIssuedDocument() {
    assertThatThrownBy(() -> jdbc.update(
        "update billing_document set tax_inclusive_total = 0 where document_number = ?", number))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable once issued");
  }

  @Test
  void theDatabaseRefusesToDeleteAnIssuedDocument() {
    assertThatThrownBy(() -> jdbc.update("delete from billing_document where document_number = ?", number))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable once issued");
  }

  @Test
  void theDatabaseRefusesToTruncateIssuedDocuments() {
    assertThatThrownBy(() -> jdbc.execute("truncate billing_document cascade"))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable once issued");
  }

  @Test
  void theDatabaseRefusesToChangeTheLinesOfAnIssuedDocument() {
    assertThatThrownBy(() -> jdbc.update("update billing_document_line set net_amount = 0"))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable once issued");
  }

  @Test
  void theDatabaseRefusesToReplaceTheFilesOfAnIssuedDocument() {
    assertThatThrownBy(() -> jdbc.update("update billing_document_files set pdf = ''::bytea"))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable once issued");
  }

  @Test
  void theDatabaseRefusesToChangeTheVatOfAnIssuedDocument() {
    assertThatThrownBy(() -> jdbc.update("delete from billing_vat_breakdown"))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable once issued");
  }
}
