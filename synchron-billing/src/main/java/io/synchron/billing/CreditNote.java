package io.synchron.billing;

import java.time.LocalDate;

/**
 * An issued credit note (type code 381) with positive amounts that reduce the {@code original} invoice; it names the
 * original's number and date (EU VAT Directive art. 219 and 226b(e), EN 16931 BG-3).
 */
public record CreditNote(
    String number, LocalDate issueDate, DocumentContent content, InvoiceReference original, String reason)
    implements BillingDocument {

  @Override
  public DocumentKind kind() {
    return DocumentKind.CREDIT_NOTE;
  }
}
