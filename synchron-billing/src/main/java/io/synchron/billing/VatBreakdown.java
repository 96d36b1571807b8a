package io.synchron.billing;

import java.math.BigDecimal;

/**
 * VAT for one category and rate (EN 16931 BG-23). {@code taxAmount} is computed from {@code taxableAmount}
 * (BR-CO-17), never summed from lines.
 *
 * @param category BT-118
 * @param rate BT-119, a percentage
 * @param taxableAmount BT-116: the sum of the net amounts of the lines of this category and rate
 * @param taxAmount BT-117
 * @param exemptionReason BT-120, or {@code null}
 * @param exemptionReasonCode BT-121 (VATEX code), or {@code null}
 */
public record VatBreakdown(
    VatCategory category,
    BigDecimal rate,
    BigDecimal taxableAmount,
    BigDecimal taxAmount,
    String exemptionReason,
    String exemptionReasonCode) {}
