package io.synchron.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Sellers, buyers and a request builder for tests. */
public final class Fixtures {

  private Fixtures() {}

  public static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  public static Seller frenchSeller() {
    return new Seller("Atelier Synchron SAS", Address.of("12 rue de la Paix", "75002", "Paris", "FR"),
        "FR32123456789", new Registration("123456789", "0002"), "Paid at order through the marketplace.",
        new BankAccount("FR7630006000011234567890189", "AGRIFRPP", "Atelier Synchron SAS"), "EUR",
        ZoneId.of("Europe/Paris"), new ElectronicAddress("0225", "123456789"), List.of(
            new DocumentNote("PMD", "Late payment: penalties at three times the French legal interest rate."),
            new DocumentNote("PMT", "Fixed indemnity for recovery costs for late payment: 40 EUR."),
            new DocumentNote("AAB", "No discount for early payment.")));
  }

  public static Seller germanSeller() {
    return new Seller("Synchron Handels GmbH", Address.of("Friedrichstraße 10", "10117", "Berlin", "DE"),
        "DE123456789", Registration.of("HRB 12345 B"), null,
        new BankAccount("DE89370400440532013000", "COBADEFFXXX", null), "EUR", ZoneId.of("Europe/Berlin"));
  }

  public static Seller britishSeller() {
    return new Seller("Synchron Trading Ltd", Address.of("1 King Street", "EC2V 8AU", "London", "GB"),
        "GB123456789", Registration.of("01234567"), null, null, "GBP", ZoneId.of("Europe/London"));
  }

  public static Seller australianSeller() {
    return new Seller("Synchron Pty Ltd", new Address("1 George Street", null, "2000", "Sydney", "NSW", "AU"),
        "AU51824753556", null, null, new BankAccount("062-000 12345678", null, "Synchron Pty Ltd"), "AUD",
        ZoneId.of("Australia/Sydney"));
  }

  public static Buyer consumer(String name, String country) {
    return new Buyer(name, Address.of("5 Market Square", "1000", "Springfield", country), null);
  }

  public static Buyer business(String name, String country, String vatId) {
    return new Buyer(name, Address.of("9 Industry Road", "2000", "Harbour Town", country), vatId);
  }

  public static Requests request() {
    return new Requests();
  }

  /** A fluent builder of {@link IssueRequest}s with sensible defaults. */
  public static final class Requests {
    private String key = UUID.randomUUID().toString();
    private String series = "TEST-INV";
    private VatRegime regime = VatRegime.SELLER_INVOICES;
    private Seller seller = frenchSeller();
    private Buyer buyer = consumer("Camille Martin", "FR");
    private String currency = "EUR";
    private PriceMode mode = PriceMode.TAX_INCLUDED;
    private final List<LineRequest> lines = new ArrayList<>();
    private BigDecimal charged;
    private String order = "ORDER-1";
    private LocalDate delivery = LocalDate.of(2026, 3, 2);
    private ExchangeRate rate;

    public Requests key(String value) {
      key = value;
      return this;
    }

    public Requests series(String value) {
      series = value;
      return this;
    }

    public Requests regime(VatRegime value) {
      regime = value;
      return this;
    }

    public Requests seller(Seller value) {
      seller = value;
      return this;
    }

    public Requests buyer(Buyer value) {
      buyer = value;
      return this;
    }

    public Requests currency(String value) {
      currency = value;
      return this;
    }

    public Requests net() {
      mode = PriceMode.NET;
      return this;
    }

    public Requests taxIncluded() {
      mode = PriceMode.TAX_INCLUDED;
      return this;
    }

    public Requests line(LineRequest line) {
      lines.add(line);
      return this;
    }

    /** A goods line with the next line id ("L1", "L2"...). */
    public Requests line(String description, String quantity, String unitPrice, String rate) {
      return line(LineRequest.goods("L" + (lines.size() + 1), description, d(quantity), d(unitPrice), d(rate)));
    }

    public Requests charged(String value) {
      charged = d(value);
      return this;
    }

    public Requests order(String value) {
      order = value;
      return this;
    }

    public Requests delivered(LocalDate value) {
      delivery = value;
      return this;
    }

    public Requests rate(ExchangeRate value) {
      rate = value;
      return this;
    }

    /** The request; without an explicit charged amount, the marketplace charged exactly the document total. */
    public IssueRequest build() {
      BigDecimal amount = charged;
      if (amount == null) {
        IssueRequest provisional = new IssueRequest(key, series, regime, seller, buyer, currency, mode, lines,
            BigDecimal.ZERO, order, delivery, rate);
        VatRegime effective = regime == VatRegime.MARKETPLACE_DEEMED_SUPPLIER ? VatRegime.SELLER_INVOICES : regime;
        amount = DocumentCalculator.invoice(provisional, new IssueDecision.Issue(effective))
            .totals().taxInclusiveTotal();
      }
      return new IssueRequest(key, series, regime, seller, buyer, currency, mode, lines, amount, order, delivery,
          rate);
    }
  }
}
