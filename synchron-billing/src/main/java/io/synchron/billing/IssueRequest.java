package io.synchron.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

/**
 * Everything needed to invoice one marketplace order. The application maps its orders to this record; nothing here
 * knows a marketplace's wire format.
 *
 * <p><b>Tax-included prices.</b> With {@link PriceMode#TAX_INCLUDED}, each line's charged amount is
 * {@code round(quantity × unitPrice) − discount}. The lines are grouped by VAT category and rate; for each group the
 * taxable base is derived once from the group's charged total {@code G} as {@code round(G / (1 + rate/100))} (HALF_UP)
 * and the VAT is then {@code round(base × rate/100)} (BR-CO-17). The base is apportioned to the lines by the
 * largest-remainder method: each line gets its exact share rounded down, the missing cents go to the lines with the
 * largest remainders, so line nets add up to the base exactly. Converting each line separately and summing would drift
 * by up to a cent per line, and EN 16931 computes VAT on the group base, not on lines.
 *
 * <p>Some totals cannot be reproduced by any base: at 20 %, 2.97 gives 2.48 + 0.50 = 2.98 and 2.47 + 0.49 = 2.96 (about
 * one cent value in three at 20 %). The document then totals a cent more or less than was charged; the VAT is not
 * bent to hide it. The difference shows in the {@link Reconciliation} and as the amount due (BT-115).
 *
 * @param requestKey idempotency key chosen by the caller (e.g. "invoice:" + channel + ":" + order id): issuing twice
 *     with the same key returns the first document instead of a second one
 * @param seriesId numbering series (e.g. "FR-INV-2026"); numbers are gapless within it
 * @param regime the channel's VAT regime
 * @param seller the issuing legal entity
 * @param buyer the customer
 * @param currency ISO 4217 code of the document (BT-5), at most 2 minor digits
 * @param priceMode whether unit prices and discounts include VAT
 * @param lines at least one line; shipping is a line of kind {@link LineKind#SHIPPING}
 * @param amountCharged what the marketplace actually charged the customer, VAT included; written as the paid amount
 *     (BT-113) and compared with the document total in the {@link Reconciliation}
 * @param marketplaceOrderId the marketplace order id, written as purchase order reference (BT-13)
 * @param deliveryDate date of supply (BT-72), e.g. the shipping date; EU art. 226(7) asks for it when it differs
 *     from the issue date
 * @param exchangeRate required when the seller's VAT accounting currency differs from {@code currency}, else
 *     {@code null}
 */
public record IssueRequest(
    String requestKey,
    String seriesId,
    VatRegime regime,
    Seller seller,
    Buyer buyer,
    String currency,
    PriceMode priceMode,
    List<LineRequest> lines,
    BigDecimal amountCharged,
    String marketplaceOrderId,
    LocalDate deliveryDate,
    ExchangeRate exchangeRate) {

  public IssueRequest {
    requestKey = Checks.text(requestKey, "requestKey");
    seriesId = Checks.text(seriesId, "seriesId");
    Checks.present(regime, "regime");
    Checks.present(seller, "seller");
    Checks.present(buyer, "buyer");
    currency = Checks.currency(currency, "currency");
    Checks.present(priceMode, "priceMode");
    Checks.present(lines, "lines");
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an invoice needs at least one line");
    }
    lines = List.copyOf(lines);
    var ids = new HashSet<String>();
    for (LineRequest line : lines) {
      if (!ids.add(line.lineId())) {
        throw new IllegalArgumentException("lineId " + line.lineId() + " appears twice");
      }
      Checks.money(line.discount(), currency, "discount of line " + line.lineId());
    }
    amountCharged = Checks.money(amountCharged, currency, "amountCharged");
    marketplaceOrderId = Checks.text(marketplaceOrderId, "marketplaceOrderId");
    Checks.present(deliveryDate, "deliveryDate");
    VatAccounting.checkRate(seller, currency, exchangeRate);
  }
}
