package io.synchron.billing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL storage of issued documents (tables of migration V20__billing.sql).
 *
 * <p><b>Numbering.</b> Each series is one row of {@code billing_series}. Issuing locks that row ({@code FOR UPDATE}),
 * takes the next number, renders and inserts the document in the same transaction; a rollback anywhere gives the
 * number back, so a series has no gaps and no duplicates. Issues in one series are therefore serialised (throughput
 * per series is bounded by the render time), issues in different series run in parallel.
 *
 * <p><b>Immutability.</b> There is no update or delete path here, and database triggers refuse UPDATE, DELETE and
 * TRUNCATE on the document tables.
 *
 * <p><b>Transactions</b> use Spring's {@link TransactionTemplate} (propagation REQUIRED) over a
 * {@link DataSourceTransactionManager}: called inside a caller's transaction on the same DataSource, issuing joins it
 * and commits or rolls back with it.
 */
public final class BillingStore {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;

  /** A store with its own transaction manager on {@code dataSource}. */
  public BillingStore(DataSource dataSource) {
    this(dataSource, new DataSourceTransactionManager(dataSource));
  }

  /** A store that runs its transactions through the application's transaction manager. */
  public BillingStore(DataSource dataSource, PlatformTransactionManager transactionManager) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** The issued document with this number, with its files. */
  public Optional<IssuedDocument> find(String documentNumber) {
    return transactions.execute(status -> loadWhere("d.document_number = ?", documentNumber)
        .map(stored -> new IssuedDocument(stored.document(), renditions(stored.id()), stored.issuedAt())));
  }

  /** Summaries of the documents matching {@code filter}, newest first. */
  public List<DocumentSummary> list(DocumentFilter filter) {
    var where = new StringBuilder("true");
    var args = new ArrayList<Object>();
    if (filter.kind() != null) {
      where.append(" and d.kind = ?");
      args.add(filter.kind().name());
    }
    if (filter.seriesId() != null) {
      where.append(" and d.series_id = ?");
      args.add(filter.seriesId());
    }
    if (filter.marketplaceOrderId() != null) {
      where.append(" and d.marketplace_order_id = ?");
      args.add(filter.marketplaceOrderId());
    }
    if (filter.issuedFrom() != null) {
      where.append(" and d.issue_date >= ?");
      args.add(filter.issuedFrom());
    }
    if (filter.issuedTo() != null) {
      where.append(" and d.issue_date <= ?");
      args.add(filter.issuedTo());
    }
    args.add(filter.limit());
    return jdbc.query("select d.document_number, d.kind, d.series_id, d.sequence_number, d.issue_date, d.issued_at,"
            + " d.marketplace_order_id, d.currency, d.tax_exclusive_total, d.vat_total, d.tax_inclusive_total,"
            + " d.paid_amount, o.document_number as original_number"
            + " from billing_document d left join billing_document o on o.id = d.original_document_id"
            + " where " + where + " order by d.id desc limit ?",
        (rs, n) -> new DocumentSummary(rs.getString("document_number"), DocumentKind.valueOf(rs.getString("kind")),
            rs.getString("series_id"), rs.getLong("sequence_number"), rs.getObject("issue_date", LocalDate.class),
            rs.getObject("issued_at", OffsetDateTime.class).toInstant(), rs.getString("marketplace_order_id"),
            rs.getString("currency"), rs.getBigDecimal("tax_exclusive_total"), rs.getBigDecimal("vat_total"),
            rs.getBigDecimal("tax_inclusive_total"),
            rs.getBigDecimal("tax_inclusive_total").subtract(rs.getBigDecimal("paid_amount")),
            rs.getString("original_number")),
        args.toArray());
  }

  /** What {@link #issue} is to issue, decided inside its transaction once the series is locked. */
  sealed interface Preparation permits Ready, Rejected {}

  /** A document ready to be numbered; credit notes name their original. */
  record Ready(DocumentContent content, StoredDocument original, String creditReason) implements Preparation {}

  record Rejected(IssueResult.Refused refusal) implements Preparation {}

  /** A document as read back, with its row id. */
  record StoredDocument(long id, BillingDocument document, Instant issuedAt) {}

  /**
   * Issues one document in one transaction: lock the series, return the earlier document if {@code requestKey} was
   * used before, else prepare (which may refuse), allocate the next number, render and insert.
   */
  IssueResult issue(String seriesId, String requestKey, Function<BillingStore, Preparation> preparation,
      DocumentRenderer renderer, Clock clock) {
    return transactions.execute(status -> {
      jdbc.update("insert into billing_series (series_id) values (?) on conflict (series_id) do nothing", seriesId);
      long last = jdbc.queryForObject(
          "select last_number from billing_series where series_id = ? for update", Long.class, seriesId);
      Optional<StoredDocument> earlier = loadWhere("d.request_key = ?", requestKey);
      if (earlier.isPresent()) {
        StoredDocument stored = earlier.get();
        return new IssueResult.Issued(
            new IssuedDocument(stored.document(), renditions(stored.id()), stored.issuedAt()), true);
      }
      Preparation prepared = preparation.apply(this);
      if (prepared instanceof Rejected rejected) {
        return rejected.refusal();
      }
      Ready ready = (Ready) prepared;
      long sequence = last + 1;
      jdbc.update("update billing_series set last_number = ? where series_id = ?", sequence, seriesId);
      Instant issuedAt = clock.instant();
      LocalDate issueDate = LocalDate.ofInstant(issuedAt, ready.content().seller().zone());
      String number = seriesId + "-" + String.format("%06d", sequence);
      BillingDocument document = ready.original() == null
          ? new Invoice(number, issueDate, ready.content())
          : new CreditNote(number, issueDate, ready.content(),
              new InvoiceReference(ready.original().document().number(), ready.original().document().issueDate()),
              ready.creditReason());
      Renditions renditions = renderer.render(document);
      insert(document, seriesId, sequence, requestKey, issuedAt,
          ready.original() == null ? null : ready.original().id(), renditions);
      return new IssueResult.Issued(new IssuedDocument(document, renditions, issuedAt), false);
    });
  }

  /**
   * The invoice with this number, locked against concurrent credit notes until the transaction ends, with the credit
   * notes already issued against it. Must run inside {@link #issue}'s transaction.
   */
  Optional<StoredDocument> lockForCredit(String invoiceNumber) {
    List<Long> ids = jdbc.queryForList(
        "select id from billing_document where document_number = ? for no key update", Long.class, invoiceNumber);
    return ids.isEmpty() ? Optional.empty() : loadWhere("d.id = ?", ids.get(0));
  }

  List<CreditNote> creditNotesOf(long invoiceId) {
    List<CreditNote> notes = new ArrayList<>();
    for (StoredDocument stored : loadAll("d.original_document_id = ? order by d.id", invoiceId)) {
      notes.add((CreditNote) stored.document());
    }
    return notes;
  }

  private void insert(BillingDocument document, String seriesId, long sequence, String requestKey, Instant issuedAt,
      Long originalId, Renditions renditions) {
    DocumentContent c = document.content();
    Seller s = c.seller();
    Buyer b = c.buyer();
    BankAccount bank = s.bankAccount();
    VatAccounting va = c.vatAccounting();
    DocumentTotals t = c.totals();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("document_number", document.number());
    row.put("series_id", seriesId);
    row.put("sequence_number", sequence);
    row.put("kind", document.kind().name());
    row.put("request_key", requestKey);
    row.put("issue_date", document.issueDate());
    row.put("issued_at", OffsetDateTime.ofInstant(issuedAt, ZoneOffset.UTC));
    row.put("regime", c.regime().name());
    row.put("currency", c.currency());
    row.put("price_mode", c.priceMode().name());
    row.put("marketplace_order_id", c.marketplaceOrderId());
    row.put("delivery_date", c.deliveryDate());
    row.put("original_document_id", originalId);
    row.put("credit_reason", document instanceof CreditNote note ? note.reason() : null);
    row.put("seller_name", s.legalName());
    putAddress(row, "seller_", s.address());
    row.put("seller_vat_id", s.vatId());
    row.put("seller_registration_id", s.legalRegistration() == null ? null : s.legalRegistration().id());
    row.put("seller_registration_scheme", s.legalRegistration() == null ? null : s.legalRegistration().scheme());
    row.put("seller_payment_terms", s.paymentTermsText());
    row.put("seller_account_id", bank == null ? null : bank.accountId());
    row.put("seller_bic", bank == null ? null : bank.bic());
    row.put("seller_account_name", bank == null ? null : bank.accountName());
    row.put("seller_accounting_currency", s.vatAccountingCurrency());
    row.put("seller_zone", s.zone().getId());
    row.put("seller_address_scheme", s.electronicAddress() == null ? null : s.electronicAddress().scheme());
    row.put("seller_address", s.electronicAddress() == null ? null : s.electronicAddress().value());
    row.put("buyer_name", b.name());
    putAddress(row, "buyer_", b.address());
    row.put("buyer_vat_id", b.vatId());
    row.put("buyer_address_scheme", b.electronicAddress() == null ? null : b.electronicAddress().scheme());
    row.put("buyer_address", b.electronicAddress() == null ? null : b.electronicAddress().value());
    row.put("accounting_currency", va == null ? null : va.currency());
    row.put("exchange_rate", va == null ? null : va.rate());
    row.put("exchange_rate_date", va == null ? null : va.rateDate());
    row.put("vat_total_accounting", va == null ? null : va.vatTotal());
    row.put("line_net_total", t.lineNetTotal());
    row.put("tax_exclusive_total", t.taxExclusiveTotal());
    row.put("vat_total", t.vatTotal());
    row.put("tax_inclusive_total", t.taxInclusiveTotal());
    row.put("paid_amount", t.paidAmount());
    row.put("amount_due", t.amountDue());
    Long id = jdbc.queryForObject("insert into billing_document (" + String.join(", ", row.keySet()) + ") values ("
        + String.join(", ", Collections.nCopies(row.size(), "?")) + ") returning id", Long.class,
        row.values().toArray());
    jdbc.update("insert into billing_document_files (document_id, pdf, facturx, ubl) values (?, ?, ?, ?)",
        id, renditions.pdf(), renditions.facturX(), renditions.ubl());
    jdbc.batchUpdate("insert into billing_document_line (document_id, position, line_id, kind, description, sku,"
            + " quantity, unit_code, net_unit_price, discount, net_amount, vat_category, vat_rate, charged_amount,"
            + " units) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        c.lines().stream().map(l -> new Object[] {id, l.position(), l.lineId(), l.kind().name(), l.description(),
            l.sku(), l.quantity(), l.unitCode(), l.netUnitPrice(), l.discount(), l.netAmount(),
            l.vatCategory().name(), l.vatRate(), l.chargedAmount(), l.units()}).toList());
    List<Object[]> breakdown = new ArrayList<>();
    for (int i = 0; i < c.vatBreakdown().size(); i++) {
      VatBreakdown v = c.vatBreakdown().get(i);
      breakdown.add(new Object[] {id, i + 1, v.category().name(), v.rate(), v.taxableAmount(), v.taxAmount(),
          v.exemptionReason(), v.exemptionReasonCode()});
    }
    List<Object[]> notes = new ArrayList<>();
    for (int i = 0; i < s.notes().size(); i++) {
      notes.add(new Object[] {id, i + 1, s.notes().get(i).subjectCode(), s.notes().get(i).text()});
    }
    jdbc.batchUpdate("insert into billing_document_note (document_id, position, subject_code, text)"
        + " values (?, ?, ?, ?)", notes);
    jdbc.batchUpdate("insert into billing_vat_breakdown (document_id, position, vat_category, vat_rate,"
        + " taxable_amount, tax_amount, exemption_reason, exemption_reason_code) values (?, ?, ?, ?, ?, ?, ?, ?)",
        breakdown);
  }

  private static void putAddress(Map<String, Object> row, String prefix, Address address) {
    row.put(prefix + "line1", address.line1());
    row.put(prefix + "line2", address.line2());
    row.put(prefix + "postal_code", address.postalCode());
    row.put(prefix + "city", address.city());
    row.put(prefix + "subdivision", address.countrySubdivision());
    row.put(prefix + "country", address.countryCode());
  }

  private Optional<StoredDocument> loadWhere(String condition, Object argument) {
    return loadAll(condition, argument).stream().findFirst();
  }

  /** Documents matching {@code condition}, with their lines, VAT and notes read in one query each. */
  private List<StoredDocument> loadAll(String condition, Object argument) {
    List<Header> headers = jdbc.query("select d.*, o.document_number as original_number,"
        + " o.issue_date as original_issue_date from billing_document d"
        + " left join billing_document o on o.id = d.original_document_id where " + condition,
        (rs, n) -> header(rs), argument);
    if (headers.isEmpty()) {
      return List.of();
    }
    Long[] ids = headers.stream().map(Header::id).toArray(Long[]::new);
    Map<Long, List<DocumentLine>> lines = new HashMap<>();
    jdbc.query("select * from billing_document_line where document_id = any(?) order by document_id, position",
        rs -> {
          lines.computeIfAbsent(rs.getLong("document_id"), k -> new ArrayList<>()).add(line(rs));
        }, (Object) ids);
    Map<Long, List<VatBreakdown>> breakdowns = new HashMap<>();
    jdbc.query("select * from billing_vat_breakdown where document_id = any(?) order by document_id, position",
        rs -> {
          breakdowns.computeIfAbsent(rs.getLong("document_id"), k -> new ArrayList<>()).add(new VatBreakdown(
              VatCategory.valueOf(rs.getString("vat_category")), rs.getBigDecimal("vat_rate"),
              rs.getBigDecimal("taxable_amount"), rs.getBigDecimal("tax_amount"), rs.getString("exemption_reason"),
              rs.getString("exemption_reason_code")));
        }, (Object) ids);
    Map<Long, List<DocumentNote>> notes = new HashMap<>();
    jdbc.query("select * from billing_document_note where document_id = any(?) order by document_id, position",
        rs -> {
          notes.computeIfAbsent(rs.getLong("document_id"), k -> new ArrayList<>())
              .add(new DocumentNote(rs.getString("subject_code"), rs.getString("text")));
        }, (Object) ids);

    List<StoredDocument> result = new ArrayList<>();
    for (Header h : headers) {
      DocumentContent content = new DocumentContent(h.regime(),
          h.seller().withNotes(notes.getOrDefault(h.id(), List.of())), h.buyer(), h.currency(), h.priceMode(),
          lines.get(h.id()), breakdowns.get(h.id()), h.totals(), h.orderId(), h.deliveryDate(), h.vatAccounting());
      BillingDocument document = h.original() == null
          ? new Invoice(h.number(), h.issueDate(), content)
          : new CreditNote(h.number(), h.issueDate(), content, h.original(), h.creditReason());
      result.add(new StoredDocument(h.id(), document, h.issuedAt()));
    }
    return result;
  }

  private Renditions renditions(long id) {
    return jdbc.queryForObject("select pdf, facturx, ubl from billing_document_files where document_id = ?",
        (rs, n) -> new Renditions(rs.getBytes("pdf"), rs.getBytes("facturx"), rs.getBytes("ubl")), id);
  }

  private record Header(long id, String number, LocalDate issueDate, Instant issuedAt, VatRegime regime,
      String currency, PriceMode priceMode, String orderId, LocalDate deliveryDate, String creditReason,
      Seller seller, Buyer buyer, VatAccounting vatAccounting, DocumentTotals totals, InvoiceReference original) {}

  private static Header header(ResultSet rs) throws SQLException {
    String currency = rs.getString("currency");
    String accountId = rs.getString("seller_account_id");
    Seller seller = new Seller(rs.getString("seller_name"),
        new Address(rs.getString("seller_line1"), rs.getString("seller_line2"), rs.getString("seller_postal_code"),
            rs.getString("seller_city"), rs.getString("seller_subdivision"), rs.getString("seller_country")),
        rs.getString("seller_vat_id"), rs.getString("seller_registration_id") == null ? null
            : new Registration(rs.getString("seller_registration_id"), rs.getString("seller_registration_scheme")),
        rs.getString("seller_payment_terms"),
        accountId == null ? null
            : new BankAccount(accountId, rs.getString("seller_bic"), rs.getString("seller_account_name")),
        rs.getString("seller_accounting_currency"), ZoneId.of(rs.getString("seller_zone")),
        rs.getString("seller_address") == null ? null
            : new ElectronicAddress(rs.getString("seller_address_scheme"), rs.getString("seller_address")),
        List.of());
    Buyer buyer = new Buyer(rs.getString("buyer_name"),
        new Address(rs.getString("buyer_line1"), rs.getString("buyer_line2"), rs.getString("buyer_postal_code"),
            rs.getString("buyer_city"), rs.getString("buyer_subdivision"), rs.getString("buyer_country")),
        rs.getString("buyer_vat_id"), rs.getString("buyer_address") == null ? null
            : new ElectronicAddress(rs.getString("buyer_address_scheme"), rs.getString("buyer_address")));
    String accountingCurrency = rs.getString("accounting_currency");
    VatAccounting vatAccounting = accountingCurrency == null ? null : new VatAccounting(accountingCurrency,
        rs.getBigDecimal("exchange_rate"), rs.getObject("exchange_rate_date", LocalDate.class),
        rs.getBigDecimal("vat_total_accounting"));
    BigDecimal zero = Money.zero(currency);
    DocumentTotals totals = new DocumentTotals(rs.getBigDecimal("line_net_total"), zero, zero,
        rs.getBigDecimal("tax_exclusive_total"), rs.getBigDecimal("vat_total"),
        vatAccounting == null ? null : vatAccounting.vatTotal(), rs.getBigDecimal("tax_inclusive_total"),
        rs.getBigDecimal("paid_amount"), zero, rs.getBigDecimal("amount_due"));
    String originalNumber = rs.getString("original_number");
    return new Header(rs.getLong("id"), rs.getString("document_number"), rs.getObject("issue_date", LocalDate.class),
        rs.getObject("issued_at", OffsetDateTime.class).toInstant(), VatRegime.valueOf(rs.getString("regime")),
        currency, PriceMode.valueOf(rs.getString("price_mode")), rs.getString("marketplace_order_id"),
        rs.getObject("delivery_date", LocalDate.class), rs.getString("credit_reason"), seller, buyer, vatAccounting,
        totals, originalNumber == null ? null
            : new InvoiceReference(originalNumber, rs.getObject("original_issue_date", LocalDate.class)));
  }

  private static DocumentLine line(ResultSet rs) throws SQLException {
    return new DocumentLine(rs.getInt("position"), rs.getString("line_id"), LineKind.valueOf(rs.getString("kind")),
        rs.getString("description"), rs.getString("sku"), rs.getBigDecimal("quantity"), rs.getString("unit_code"),
        rs.getBigDecimal("net_unit_price"), rs.getBigDecimal("discount"), rs.getBigDecimal("net_amount"),
        VatCategory.valueOf(rs.getString("vat_category")), rs.getBigDecimal("vat_rate"),
        rs.getBigDecimal("charged_amount"), rs.getBigDecimal("units"));
  }
}
