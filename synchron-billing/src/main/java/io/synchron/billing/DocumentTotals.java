package io.synchron.billing;

import java.math.BigDecimal;

/**
 * Document totals (EN 16931 BG-22), in the document currency unless said otherwise. Lines carry their discounts, so
 * document-level allowances and charges are always zero.
 *
 * @param lineNetTotal BT-106, sum of line net amounts (BR-CO-10)
 * @param allowanceTotal BT-107
 * @param chargeTotal BT-108
 * @param taxExclusiveTotal BT-109 = BT-106 − BT-107 + BT-108 (BR-CO-13)
 * @param vatTotal BT-110, sum of the VAT breakdown (BR-CO-14)
 * @param vatTotalInAccountingCurrency BT-111, in the seller's VAT accounting currency, or {@code null} when that is
 *     the document currency
 * @param taxInclusiveTotal BT-112 = BT-109 + BT-110 (BR-CO-15)
 * @param paidAmount BT-113, what the marketplace charged (invoice) or refunded (credit note)
 * @param roundingAmount BT-114, always zero: a difference with the marketplace is reported, not absorbed
 * @param amountDue BT-115 = BT-112 − BT-113 + BT-114 (BR-CO-16); non-zero exactly when the reconciliation differs
 */
public record DocumentTotals(
    BigDecimal lineNetTotal,
    BigDecimal allowanceTotal,
    BigDecimal chargeTotal,
    BigDecimal taxExclusiveTotal,
    BigDecimal vatTotal,
    BigDecimal vatTotalInAccountingCurrency,
    BigDecimal taxInclusiveTotal,
    BigDecimal paidAmount,
    BigDecimal roundingAmount,
    BigDecimal amountDue) {}
