package io.synchron.billing;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;

/**
 * A refund or cancellation to document against an issued invoice. The credit note copies seller, buyer, currency,
 * prices and VAT of the original lines; it may never credit more than was invoiced, per line and in total, counting
 * every earlier credit note of the same invoice.
 *
 * @param requestKey idempotency key (e.g. "refund:" + marketplace refund id)
 * @param seriesId numbering series of credit notes (e.g. "FR-CN-2026")
 * @param originalInvoiceNumber the invoice being corrected (BT-25)
 * @param lines what to credit, at most one entry per original line
 * @param amountRefunded what the marketplace actually refunded, VAT included (BT-113 and the {@link Reconciliation})
 * @param reason why (shown on the document as a note), e.g. "Return of 1 item"
 * @param exchangeRate rate to the seller's VAT accounting currency; {@code null} reuses the original invoice's rate so
 *     that the correction mirrors the original
 */
public record CreditNoteRequest(
    String requestKey,
    String seriesId,
    String originalInvoiceNumber,
    List<CreditLine> lines,
    BigDecimal amountRefunded,
    String reason,
    ExchangeRate exchangeRate) {

  public CreditNoteRequest {
    requestKey = Checks.text(requestKey, "requestKey");
    seriesId = Checks.text(seriesId, "seriesId");
    originalInvoiceNumber = Checks.text(originalInvoiceNumber, "originalInvoiceNumber");
    Checks.present(lines, "lines");
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a credit note needs at least one line");
    }
    lines = List.copyOf(lines);
    var ids = new HashSet<String>();
    for (CreditLine line : lines) {
      if (!ids.add(line.lineId())) {
        throw new IllegalArgumentException("lineId " + line.lineId() + " appears twice");
      }
    }
    Checks.notNegative(amountRefunded, "amountRefunded");
    reason = Checks.text(reason, "reason");
  }
}
