package io.synchron.billing;

/** Whether the seller issues an invoice for an order under a VAT regime (see {@link VatRegimePolicy}). */
public sealed interface IssueDecision permits IssueDecision.Issue, IssueDecision.DoNotIssue {

  /** Issue, applying the regime's VAT treatment to the lines. */
  record Issue(VatRegime regime) implements IssueDecision {}

  /** Do not issue; {@code explanation} says why, for the person reading the order's exception. */
  record DoNotIssue(RefusalReason reason, String explanation) implements IssueDecision {}
}
