package io.synchron.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One row of {@link BillingStore#list}: a document without its lines and files. */
public record DocumentSummary(
    String number,
    DocumentKind kind,
    String seriesId,
    long sequenceNumber,
    LocalDate issueDate,
    Instant issuedAt,
    String marketplaceOrderId,
    String currency,
    BigDecimal taxExclusiveTotal,
    BigDecimal vatTotal,
    BigDecimal taxInclusiveTotal,
    BigDecimal reconciliationDifference,
    String originalInvoiceNumber) {}
