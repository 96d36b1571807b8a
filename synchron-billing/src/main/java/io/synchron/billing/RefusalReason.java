package io.synchron.billing;

/** Why a document was not issued: business rules, each reported as a value with an explanation. */
public enum RefusalReason {
  /** The channel's regime makes the marketplace the deemed supplier to a consumer. */
  MARKETPLACE_IS_DEEMED_SUPPLIER,
  /**
   * The channel's regime says deemed supplier but the buyer gave a VAT id: the deemed-supplier rules (EU art. 14a)
   * cover supplies to non-taxable persons only, so the right document needs a person's decision.
   */
  DEEMED_SUPPLIER_REGIME_WITH_BUSINESS_BUYER,
  /** No issued invoice has the number a credit note refers to. */
  ORIGINAL_INVOICE_NOT_FOUND,
  /** A credit note must refer to an invoice, not to another credit note. */
  ORIGINAL_IS_NOT_AN_INVOICE,
  /** A credit line names a line id the original invoice does not have. */
  UNKNOWN_LINE,
  /** More units than invoiced and not yet credited. */
  EXCEEDS_INVOICED_UNITS,
  /** A larger amount than invoiced and not yet credited on the line. */
  EXCEEDS_INVOICED_AMOUNT,
  /** The credit notes together would exceed the invoice total. */
  EXCEEDS_INVOICED_TOTAL,
  /** The credit note would total zero. */
  NOTHING_TO_CREDIT
}
