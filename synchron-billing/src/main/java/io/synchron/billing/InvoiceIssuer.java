package io.synchron.billing;

import java.time.Clock;

/**
 * Issues the invoice of a marketplace order.
 *
 * <p>Contract: {@link #issue} first applies the channel's {@link VatRegime} ({@link VatRegimePolicy}); a regime under
 * which the seller must not invoice gives {@link IssueResult.Refused} and uses no number. Otherwise the document is
 * computed (EN 16931 arithmetic, see {@link IssueRequest} for tax-included prices), numbered in its series, rendered
 * and stored in one transaction. Safe to call again with the same {@link IssueRequest#requestKey()}: the second call
 * returns the first document ({@link IssueResult.Issued#alreadyIssued()}) and allocates nothing. An invalid request
 * (missing exchange rate, discount above the line amount...) throws {@link IllegalArgumentException}.
 */
public final class InvoiceIssuer {

  private final BillingStore store;
  private final DocumentRenderer renderer;
  private final Clock clock;
  private final VatRegimePolicy policy = new VatRegimePolicy();

  public InvoiceIssuer(BillingStore store, DocumentRenderer renderer, Clock clock) {
    this.store = store;
    this.renderer = renderer;
    this.clock = clock;
  }

  public IssueResult issue(IssueRequest request) {
    IssueDecision decision = policy.decide(request.regime(), request.buyer());
    if (decision instanceof IssueDecision.DoNotIssue doNotIssue) {
      return new IssueResult.Refused(doNotIssue.reason(), doNotIssue.explanation());
    }
    DocumentContent content = DocumentCalculator.invoice(request, (IssueDecision.Issue) decision);
    return store.issue(request.seriesId(), request.requestKey(),
        s -> new BillingStore.Ready(content, null, null), renderer, clock);
  }
}
