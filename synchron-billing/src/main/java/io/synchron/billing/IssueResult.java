package io.synchron.billing;

/** The outcome of an issue call: a document, or a refusal by a business rule (failures are exceptions). */
public sealed interface IssueResult permits IssueResult.Issued, IssueResult.Refused {

  /**
   * The document was issued.
   *
   * @param alreadyIssued true when the request key had been used before and this is the earlier document
   */
  record Issued(IssuedDocument document, boolean alreadyIssued) implements IssueResult {}

  /** Nothing was issued and no number was used. */
  record Refused(RefusalReason reason, String explanation) implements IssueResult {}
}
