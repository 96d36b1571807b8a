package io.synchron.billing;

import java.time.LocalDate;

/** An issued invoice (type code 380). */
public record Invoice(String number, LocalDate issueDate, DocumentContent content) implements BillingDocument {

  @Override
  public DocumentKind kind() {
    return DocumentKind.INVOICE;
  }
}
