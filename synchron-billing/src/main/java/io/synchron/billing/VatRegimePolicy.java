package io.synchron.billing;

/**
 * Decides whether the seller issues an invoice for an order, from the channel's {@link VatRegime} and the buyer.
 *
 * <ul>
 *   <li>{@link VatRegime#SELLER_INVOICES}: issue with the lines' own VAT.
 *   <li>{@link VatRegime#EXPORT_ZERO_RATED}: issue, every line at category G (export) 0 % with exemption reason
 *       VATEX-EU-G; tax-included prices are then net, since no VAT was charged.
 *   <li>{@link VatRegime#MARKETPLACE_DEEMED_SUPPLIER}, consumer buyer: do not issue; the marketplace is the supplier
 *       for VAT and invoices the consumer (EU art. 14a, UK OMP rules, AU EDP rules). Issuing anyway would make the
 *       seller liable for the VAT shown (EU art. 203).
 *   <li>{@link VatRegime#MARKETPLACE_DEEMED_SUPPLIER}, buyer with a VAT id: also do not issue, but say why
 *       differently: the deemed-supplier rules cover supplies to non-taxable persons, so whether the seller should
 *       invoice this business buyer is uncertain per marketplace (reference notes) and needs a person.
 * </ul>
 */
public final class VatRegimePolicy {

  /** The exemption reason code of an export (UNCL VATEX list). */
  public static final String EXPORT_EXEMPTION_CODE = "VATEX-EU-G";

  /** The exemption reason text of an export. */
  public static final String EXPORT_EXEMPTION_REASON = "Export of goods outside the VAT territory (zero-rated)";

  public IssueDecision decide(VatRegime regime, Buyer buyer) {
    return switch (regime) {
      case SELLER_INVOICES, EXPORT_ZERO_RATED -> new IssueDecision.Issue(regime);
      case MARKETPLACE_DEEMED_SUPPLIER -> buyer.isBusiness()
          ? new IssueDecision.DoNotIssue(RefusalReason.DEEMED_SUPPLIER_REGIME_WITH_BUSINESS_BUYER,
              "The channel is configured with the marketplace as deemed supplier, but the buyer gave VAT id "
                  + buyer.vatId() + ". Deemed-supplier rules (EU VAT Directive art. 14a) cover supplies to"
                  + " non-taxable persons, so this sale may have to be invoiced by the seller; no invoice was issued"
                  + " until someone confirms the channel's treatment of business buyers.")
          : new IssueDecision.DoNotIssue(RefusalReason.MARKETPLACE_IS_DEEMED_SUPPLIER,
              "The marketplace is the deemed supplier for this sale (EU VAT Directive art. 14a, UK online"
                  + " marketplace rules, AU electronic distribution platform rules): it accounts for the VAT and"
                  + " issues the consumer's invoice. A seller VAT invoice to the consumer would make the seller"
                  + " liable for the VAT shown on it (EU art. 203), so none was issued.");
    };
  }
}
