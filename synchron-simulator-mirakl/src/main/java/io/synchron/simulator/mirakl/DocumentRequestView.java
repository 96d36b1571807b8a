package io.synchron.simulator.mirakl;

import java.math.BigDecimal;

/**
 * A snapshot of one accounting document request (DR11), for assertions.
 *
 * @param id the request's uuid
 * @param orderId the logistic order it is about ({@code entity_id} for PRODUCT_LOGISTIC_ORDER)
 * @param type INVOICE or CREDIT_NOTE
 * @param state TO_PROCESS until DR74 uploads its document, then ISSUED
 * @param documentNumber the uploaded document's number, null until ISSUED
 * @param filesCount how many files DR74 stored for it
 * @param totalAmountExcludingTaxes {@code total_amount_excluding_taxes}
 * @param totalTaxAmount {@code total_tax_amount}
 * @param totalAmountIncludingTaxes {@code total_amount_including_taxes}
 */
public record DocumentRequestView(
    String id,
    String orderId,
    String type,
    String state,
    String documentNumber,
    int filesCount,
    BigDecimal totalAmountExcludingTaxes,
    BigDecimal totalTaxAmount,
    BigDecimal totalAmountIncludingTaxes) {}
