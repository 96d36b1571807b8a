package io.synchron.billing.render;

import io.synchron.billing.BillingDocument;
import io.synchron.billing.DocumentKind;
import io.synchron.billing.Seller;

/** The fixed wording of documents (English; other languages are not offered yet). */
final class Labels {

  private Labels() {}

  /**
   * The document title. Australian GST law requires the words "Tax invoice" (GST Act s 29-70) and calls the credit
   * document an "Adjustment note" (s 29-75); elsewhere "Invoice" and "Credit note".
   */
  static String title(BillingDocument document) {
    boolean australian = "AU".equals(document.content().seller().address().countryCode());
    if (document.kind() == DocumentKind.INVOICE) {
      return australian ? "Tax invoice" : "Invoice";
    }
    return australian ? "Adjustment note" : "Credit note";
  }

  /**
   * Payment terms (BT-20) are always written: the CEN rule BR-CO-25 requires them whenever an amount is due, which
   * happens when the marketplace charged less than the document total.
   */
  static String paymentTerms(Seller seller) {
    return seller.paymentTermsText() != null ? seller.paymentTermsText() : "Paid through the marketplace at order.";
  }
}
