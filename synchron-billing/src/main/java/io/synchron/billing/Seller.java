package io.synchron.billing;

import java.time.ZoneId;
import java.util.List;

/**
 * The legal entity that issues the documents (EN 16931 BG-4).
 *
 * @param legalName registered name (BT-27)
 * @param address registered address, with street and city (EU VAT Directive art. 226(5))
 * @param vatId VAT identifier with its ISO country prefix (BT-31, BR-CO-09: "FR…", "DE…", "GB…", Greece "EL…");
 *     for an Australian GST registration, "AU" followed by the ABN
 * @param legalRegistration company registration such as SIREN, HRB or Companies House number (BT-30), optional
 * @param paymentTermsText payment terms shown on every invoice (BT-20), optional
 * @param bankAccount payment account (BG-16), optional
 * @param vatAccountingCurrency the currency of the seller's VAT return (BT-6 when it differs from the document
 *     currency): EU art. 230 and UK reg. 14(1) require the VAT total also in that currency
 * @param zone the seller's time zone: issue dates are the seller's local date at the moment of issue
 * @param electronicAddress where the seller receives e-invoices (BT-34), optional
 * @param notes legal mentions printed on every document (BG-1), e.g. the French late-payment penalties (PMD),
 *     recovery indemnity (PMT) and early-payment discount (AAB) mentions; may be empty
 */
public record Seller(
    String legalName,
    Address address,
    String vatId,
    Registration legalRegistration,
    String paymentTermsText,
    BankAccount bankAccount,
    String vatAccountingCurrency,
    ZoneId zone,
    ElectronicAddress electronicAddress,
    List<DocumentNote> notes) {

  public Seller {
    legalName = Checks.text(legalName, "seller legalName");
    Checks.present(address, "seller address");
    Checks.text(address.line1(), "seller address line1");
    Checks.text(address.city(), "seller address city");
    vatId = Checks.text(vatId, "seller vatId").replace(" ", "");
    if (!vatId.matches("[A-Z]{2}[0-9A-Za-z+*.]{2,}")) {
      throw new IllegalArgumentException("seller vatId must start with a two-letter country prefix: " + vatId);
    }
    paymentTermsText = Checks.optionalText(paymentTermsText);
    vatAccountingCurrency = Checks.currency(vatAccountingCurrency, "seller vatAccountingCurrency");
    Checks.present(zone, "seller zone");
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /** A seller without electronic address and notes. */
  public Seller(String legalName, Address address, String vatId, Registration legalRegistration,
      String paymentTermsText, BankAccount bankAccount, String vatAccountingCurrency, ZoneId zone) {
    this(legalName, address, vatId, legalRegistration, paymentTermsText, bankAccount, vatAccountingCurrency, zone,
        null, List.of());
  }

  public Seller withElectronicAddress(ElectronicAddress value) {
    return new Seller(legalName, address, vatId, legalRegistration, paymentTermsText, bankAccount,
        vatAccountingCurrency, zone, value, notes);
  }

  public Seller withNotes(List<DocumentNote> value) {
    return new Seller(legalName, address, vatId, legalRegistration, paymentTermsText, bankAccount,
        vatAccountingCurrency, zone, electronicAddress, value);
  }
}
