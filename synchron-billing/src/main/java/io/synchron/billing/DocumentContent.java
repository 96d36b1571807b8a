package io.synchron.billing;

import java.time.LocalDate;
import java.util.List;

/**
 * What an invoice or credit note says, apart from its number and date: the EN 16931 content computed from a request.
 *
 * @param regime the VAT regime it was issued under
 * @param seller BG-4
 * @param buyer BG-7
 * @param currency BT-5
 * @param priceMode the price mode of the request (decides how {@link DocumentLine#chargedAmount} reads)
 * @param lines BG-25, at least one
 * @param vatBreakdown BG-23, one entry per category and rate, in order of first appearance
 * @param totals BG-22
 * @param marketplaceOrderId BT-13
 * @param deliveryDate BT-72, the date of supply (a credit note keeps its invoice's)
 * @param vatAccounting BT-6/BT-111, or {@code null} when the document is in the seller's accounting currency
 */
public record DocumentContent(
    VatRegime regime,
    Seller seller,
    Buyer buyer,
    String currency,
    PriceMode priceMode,
    List<DocumentLine> lines,
    List<VatBreakdown> vatBreakdown,
    DocumentTotals totals,
    String marketplaceOrderId,
    LocalDate deliveryDate,
    VatAccounting vatAccounting) {

  public DocumentContent {
    lines = List.copyOf(lines);
    vatBreakdown = List.copyOf(vatBreakdown);
  }

  public Reconciliation reconciliation() {
    return Reconciliation.of(totals.taxInclusiveTotal(), totals.paidAmount());
  }
}
