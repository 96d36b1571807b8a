package io.synchron.billing;

import java.time.Clock;
import java.util.Optional;

/**
 * Issues credit notes for refunds and cancellations of invoiced orders.
 *
 * <p>Contract: the original invoice is locked while the credit note is computed and stored, so two concurrent refunds
 * of one invoice cannot both take the same remainder. The credit note never exceeds what was invoiced, per line and
 * in total, counting earlier credit notes; a request beyond that, or against an unknown invoice, gives
 * {@link IssueResult.Refused} with the reason and uses no number (see {@link CreditNoteCalculator} for the
 * arithmetic). Safe to call again with the same {@link CreditNoteRequest#requestKey()}.
 */
public final class CreditNoteIssuer {

  private final BillingStore store;
  private final DocumentRenderer renderer;
  private final Clock clock;

  public CreditNoteIssuer(BillingStore store, DocumentRenderer renderer, Clock clock) {
    this.store = store;
    this.renderer = renderer;
    this.clock = clock;
  }

  public IssueResult issue(CreditNoteRequest request) {
    return store.issue(request.seriesId(), request.requestKey(), s -> prepare(s, request), renderer, clock);
  }

  private static BillingStore.Preparation prepare(BillingStore store, CreditNoteRequest request) {
    Optional<BillingStore.StoredDocument> found = store.lockForCredit(request.originalInvoiceNumber());
    if (found.isEmpty()) {
      return rejected(RefusalReason.ORIGINAL_INVOICE_NOT_FOUND,
          "No invoice numbered " + request.originalInvoiceNumber() + " has been issued.");
    }
    BillingStore.StoredDocument original = found.get();
    if (!(original.document() instanceof Invoice invoice)) {
      return rejected(RefusalReason.ORIGINAL_IS_NOT_AN_INVOICE,
          request.originalInvoiceNumber() + " is a credit note; a credit note corrects an invoice.");
    }
    CreditNoteCalculator.Outcome outcome =
        CreditNoteCalculator.compute(invoice, store.creditNotesOf(original.id()), request);
    if (outcome instanceof CreditNoteCalculator.Rejected rejected) {
      return new BillingStore.Rejected(rejected.refusal());
    }
    return new BillingStore.Ready(((CreditNoteCalculator.Computed) outcome).content(), original, request.reason());
  }

  private static BillingStore.Preparation rejected(RefusalReason reason, String explanation) {
    return new BillingStore.Rejected(new IssueResult.Refused(reason, explanation));
  }
}
