package io.synchron.billing;

import java.time.LocalDate;

/** The invoice a credit note corrects (EN 16931 BG-3: BT-25 number, BT-26 issue date). */
public record InvoiceReference(String number, LocalDate issueDate) {}
