package io.synchron.billing;

import java.time.LocalDate;

/** An issued, numbered document: an {@link Invoice} or a {@link CreditNote}. Immutable once issued. */
public sealed interface BillingDocument permits Invoice, CreditNote {

  /** BT-1: the series id, a dash and the zero-padded sequence number, e.g. "FR-INV-2026-000042". */
  String number();

  /** BT-2, the seller's local date at the moment of issue. */
  LocalDate issueDate();

  DocumentContent content();

  DocumentKind kind();
}
