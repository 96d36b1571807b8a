package io.synchron.billing;

/** Whether the prices of a request include VAT (marketplace consumer prices usually do) or not. */
public enum PriceMode {
  /** Unit prices and discounts exclude VAT. */
  NET,
  /** Unit prices and discounts include VAT; the document converts them to net (see {@link IssueRequest}). */
  TAX_INCLUDED
}
