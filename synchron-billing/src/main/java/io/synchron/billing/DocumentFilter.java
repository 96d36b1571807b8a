package io.synchron.billing;

import java.time.LocalDate;

/**
 * Which documents {@link BillingStore#list} returns; {@code null} fields do not filter. Results come newest first.
 *
 * @param kind invoices or credit notes
 * @param seriesId one numbering series
 * @param marketplaceOrderId the documents of one order (its invoice and credit notes)
 * @param issuedFrom first issue date, inclusive
 * @param issuedTo last issue date, inclusive
 * @param limit at most this many rows, 1 to 1000
 */
public record DocumentFilter(
    DocumentKind kind,
    String seriesId,
    String marketplaceOrderId,
    LocalDate issuedFrom,
    LocalDate issuedTo,
    int limit) {

  public DocumentFilter {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be between 1 and 1000: " + limit);
    }
  }

  public static DocumentFilter all() {
    return new DocumentFilter(null, null, null, null, null, 100);
  }

  public DocumentFilter kind(DocumentKind value) {
    return new DocumentFilter(value, seriesId, marketplaceOrderId, issuedFrom, issuedTo, limit);
  }

  public DocumentFilter series(String value) {
    return new DocumentFilter(kind, value, marketplaceOrderId, issuedFrom, issuedTo, limit);
  }

  public DocumentFilter order(String value) {
    return new DocumentFilter(kind, seriesId, value, issuedFrom, issuedTo, limit);
  }

  public DocumentFilter issuedBetween(LocalDate from, LocalDate to) {
    return new DocumentFilter(kind, seriesId, marketplaceOrderId, from, to, limit);
  }

  public DocumentFilter limit(int value) {
    return new DocumentFilter(kind, seriesId, marketplaceOrderId, issuedFrom, issuedTo, value);
  }
}
