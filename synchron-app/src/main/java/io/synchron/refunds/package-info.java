/**
 * Refunds carried between Shopify and the marketplace, once each: the ledger of what was carried ({@link
 * io.synchron.refunds.RefundTransfers}), the exact split of a Shopify refund into the marketplace's per-line refunds
 * ({@link io.synchron.refunds.RefundSplit}) and the three-way check of the amounts on each side ({@link
 * io.synchron.refunds.RefundConsistency}).
 */
package io.synchron.refunds;
