package io.synchron.billing.render;

import com.helger.cii.d16b.CIID16BCrossIndustryInvoiceTypeMarshaller;
import com.helger.commons.error.list.ErrorList;
import com.helger.en16931.cii2ubl.CIIToUBL21Converter;
import com.helger.ubl21.UBL21Marshaller;
import java.io.Serializable;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.BillingReferenceType;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;
import un.unece.uncefact.data.standard.crossindustryinvoice._100.CrossIndustryInvoiceType;

/**
 * UBL 2.1 from the CII of the same document, with the EN 16931 CII-to-UBL converter that Mustang uses for its own UBL
 * export ({@code com.helger:en16931-cii2ubl}); Mustang targets UBL 2.4 with it, this module asks for 2.1, the version
 * EN 16931 binds to and that Octopia accepts. Deriving UBL from the CII keeps one serialisation of the model as the
 * source of both XML files. 380 becomes a UBL Invoice, 381 a UBL CreditNote.
 */
final class UblConverter {

  private UblConverter() {}

  static byte[] toUbl(byte[] cii, String documentNumber) {
    CrossIndustryInvoiceType parsed = new CIID16BCrossIndustryInvoiceTypeMarshaller().read(cii);
    if (parsed == null) {
      throw new IllegalStateException("The CII of " + documentNumber + " does not match the D16B schema");
    }
    ErrorList errors = new ErrorList();
    Serializable ubl =
        new CIIToUBL21Converter().setCustomizationID(CiiWriter.GUIDELINE).convertCIItoUBL(parsed, errors);
    if (errors.containsAtLeastOneError() || ubl == null) {
      throw new IllegalStateException("CII to UBL conversion of " + documentNumber + " failed: " + errors);
    }
    byte[] bytes;
    if (ubl instanceof InvoiceType invoice) {
      bytes = UBL21Marshaller.invoice().getAsBytes(invoice);
    } else {
      CreditNoteType creditNote = (CreditNoteType) ubl;
      precedingInvoiceAsInvoiceReference(creditNote);
      bytes = UBL21Marshaller.creditNote().getAsBytes(creditNote);
    }
    if (bytes == null) {
      throw new IllegalStateException("The UBL of " + documentNumber + " does not match the UBL 2.1 schema");
    }
    return bytes;
  }

  /**
   * The converter (2.3.1) files a credit note's preceding invoice (BG-3) under CreditNoteDocumentReference; EN 16931
   * wants it under InvoiceDocumentReference (BR-55, UBL-SR-07, UBL-CR-039), so it is moved there.
   */
  private static void precedingInvoiceAsInvoiceReference(CreditNoteType creditNote) {
    for (BillingReferenceType reference : creditNote.getBillingReference()) {
      if (reference.getInvoiceDocumentReference() == null && reference.getCreditNoteDocumentReference() != null) {
        reference.setInvoiceDocumentReference(reference.getCreditNoteDocumentReference());
        reference.setCreditNoteDocumentReference(null);
      }
    }
  }
}
