package io.synchron.billing;

/**
 * Who accounts for the VAT of a channel's sales, configured per channel by the application (see
 * {@link VatRegimePolicy} for what each means for issuing).
 */
public enum VatRegime {
  /** The seller is the supplier and issues the invoice (the default for EU-established sellers). */
  SELLER_INVOICES,
  /**
   * The marketplace is the deemed supplier (EU VAT Directive art. 14a, UK online-marketplace rules, AU EDP rules):
   * it accounts for the VAT and the seller must not issue a VAT invoice to the consumer.
   */
  MARKETPLACE_DEEMED_SUPPLIER,
  /** Goods shipped outside the VAT territory: invoice issued at zero rate with VAT category G. */
  EXPORT_ZERO_RATED
}
