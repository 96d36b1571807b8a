package io.synchron.billing.render;

import io.synchron.billing.Address;
import io.synchron.billing.BankAccount;
import io.synchron.billing.BillingDocument;
import io.synchron.billing.Buyer;
import io.synchron.billing.CreditNote;
import io.synchron.billing.DocumentContent;
import io.synchron.billing.DocumentLine;
import io.synchron.billing.DocumentNote;
import io.synchron.billing.DocumentTotals;
import io.synchron.billing.ElectronicAddress;
import io.synchron.billing.Seller;
import io.synchron.billing.VatBreakdown;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a document as UN/CEFACT Cross Industry Invoice D16B in the Factur-X / ZUGFeRD EN 16931 profile (guideline
 * {@code urn:cen.eu:en16931:2017}). Element order follows the Factur-X EN16931 XSD. Written here rather than by
 * Mustang's own model because that model has no VAT accounting currency (BT-6/BT-111).
 */
final class CiiWriter {

  static final String GUIDELINE = "urn:cen.eu:en16931:2017";
  private static final String RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
  private static final String RAM =
      "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
  private static final String QDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";
  private static final String UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
  private static final DateTimeFormatter FORMAT_102 = DateTimeFormatter.BASIC_ISO_DATE;
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private XMLStreamWriter x;

  static byte[] write(BillingDocument document) {
    var out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter writer = FACTORY.createXMLStreamWriter(out, "UTF-8");
      new CiiWriter(writer).document(document);
      writer.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Could not write the CII of " + document.number(), e);
    }
    return out.toByteArray();
  }

  private CiiWriter(XMLStreamWriter writer) {
    this.x = writer;
  }

  private void document(BillingDocument document) throws XMLStreamException {
    DocumentContent c = document.content();
    x.writeStartDocument("UTF-8", "1.0");
    x.writeStartElement("rsm", "CrossIndustryInvoice", RSM);
    x.writeNamespace("rsm", RSM);
    x.writeNamespace("qdt", QDT);
    x.writeNamespace("ram", RAM);
    x.writeNamespace("udt", UDT);

    rsm("ExchangedDocumentContext");
    ram("GuidelineSpecifiedDocumentContextParameter");
    text("ID", GUIDELINE);
    end();
    end();

    rsm("ExchangedDocument");
    text("ID", document.number());
    text("TypeCode", document.kind().typeCode());
    ram("IssueDateTime");
    date(UDT, document.issueDate());
    end();
    if (document instanceof CreditNote note) {
      ram("IncludedNote");
      text("Content", note.reason());
      end();
    }
    for (DocumentNote note : c.seller().notes()) {
      ram("IncludedNote");
      text("Content", note.text());
      optional("SubjectCode", note.subjectCode());
      end();
    }
    end();

    rsm("SupplyChainTradeTransaction");
    for (DocumentLine line : c.lines()) {
      line(line, c.currency());
    }
    ram("ApplicableHeaderTradeAgreement");
    seller(c.seller());
    buyer(c.buyer());
    ram("BuyerOrderReferencedDocument");
    text("IssuerAssignedID", c.marketplaceOrderId());
    end();
    end();

    ram("ApplicableHeaderTradeDelivery");
    if (c.deliveryDate() != null) {
      ram("ActualDeliverySupplyChainEvent");
      ram("OccurrenceDateTime");
      date(UDT, c.deliveryDate());
      end();
      end();
    }
    end();

    settlement(document, c);
    end();
    end();
    x.writeEndDocument();
  }

  private void line(DocumentLine line, String currency) throws XMLStreamException {
    ram("IncludedSupplyChainTradeLineItem");
    ram("AssociatedDocumentLineDocument");
    text("LineID", Integer.toString(line.position()));
    end();
    ram("SpecifiedTradeProduct");
    optional("SellerAssignedID", line.sku());
    text("Name", line.description());
    end();
    ram("SpecifiedLineTradeAgreement");
    ram("NetPriceProductTradePrice");
    text("ChargeAmount", line.netUnitPrice().toPlainString());
    end();
    end();
    ram("SpecifiedLineTradeDelivery");
    x.writeStartElement("ram", "BilledQuantity", RAM);
    x.writeAttribute("unitCode", line.unitCode());
    x.writeCharacters(line.quantity().stripTrailingZeros().toPlainString());
    x.writeEndElement();
    end();
    ram("SpecifiedLineTradeSettlement");
    ram("ApplicableTradeTax");
    text("TypeCode", "VAT");
    text("CategoryCode", line.vatCategory().code());
    text("RateApplicablePercent", line.vatRate().toPlainString());
    end();
    if (line.discount().signum() > 0) {
      ram("SpecifiedTradeAllowanceCharge");
      ram("ChargeIndicator");
      x.writeStartElement("udt", "Indicator", UDT);
      x.writeCharacters("false");
      x.writeEndElement();
      end();
      text("ActualAmount", line.discount().toPlainString());
      text("Reason", "Discount");
      end();
    }
    ram("SpecifiedTradeSettlementLineMonetarySummation");
    text("LineTotalAmount", line.netAmount().toPlainString());
    end();
    end();
    end();
  }

  private void seller(Seller seller) throws XMLStreamException {
    ram("SellerTradeParty");
    text("Name", seller.legalName());
    if (seller.legalRegistration() != null) {
      ram("SpecifiedLegalOrganization");
      x.writeStartElement("ram", "ID", RAM);
      if (seller.legalRegistration().scheme() != null) {
        x.writeAttribute("schemeID", seller.legalRegistration().scheme());
      }
      x.writeCharacters(seller.legalRegistration().id());
      x.writeEndElement();
      end();
    }
    address(seller.address());
    electronicAddress(seller.electronicAddress());
    taxRegistration(seller.vatId());
    end();
  }

  private void buyer(Buyer buyer) throws XMLStreamException {
    ram("BuyerTradeParty");
    text("Name", buyer.name());
    address(buyer.address());
    electronicAddress(buyer.electronicAddress());
    if (buyer.vatId() != null) {
      taxRegistration(buyer.vatId());
    }
    end();
  }

  private void address(Address address) throws XMLStreamException {
    ram("PostalTradeAddress");
    optional("PostcodeCode", address.postalCode());
    optional("LineOne", address.line1());
    optional("LineTwo", address.line2());
    optional("CityName", address.city());
    text("CountryID", address.countryCode());
    optional("CountrySubDivisionName", address.countrySubdivision());
    end();
  }

  private void electronicAddress(ElectronicAddress address) throws XMLStreamException {
    if (address != null) {
      ram("URIUniversalCommunication");
      x.writeStartElement("ram", "URIID", RAM);
      x.writeAttribute("schemeID", address.scheme());
      x.writeCharacters(address.value());
      x.writeEndElement();
      end();
    }
  }

  private void taxRegistration(String vatId) throws XMLStreamException {
    ram("SpecifiedTaxRegistration");
    x.writeStartElement("ram", "ID", RAM);
    x.writeAttribute("schemeID", "VA");
    x.writeCharacters(vatId);
    x.writeEndElement();
    end();
  }

  private void settlement(BillingDocument document, DocumentContent c) throws XMLStreamException {
    ram("ApplicableHeaderTradeSettlement");
    if (c.vatAccounting() != null) {
      text("TaxCurrencyCode", c.vatAccounting().currency());
    }
    text("InvoiceCurrencyCode", c.currency());
    BankAccount bank = c.seller().bankAccount();
    if (bank != null) {
      ram("SpecifiedTradeSettlementPaymentMeans");
      text("TypeCode", "30");
      ram("PayeePartyCreditorFinancialAccount");
      boolean iban = Iban.looksLikeIban(bank.accountId());
      if (iban) {
        text("IBANID", bank.accountId());
      }
      optional("AccountName", bank.accountName());
      if (!iban) {
        text("ProprietaryID", bank.accountId());
      }
      end();
      if (bank.bic() != null) {
        ram("PayeeSpecifiedCreditorFinancialInstitution");
        text("BICID", bank.bic());
        end();
      }
      end();
    }
    for (VatBreakdown vat : c.vatBreakdown()) {
      ram("ApplicableTradeTax");
      text("CalculatedAmount", vat.taxAmount().toPlainString());
      text("TypeCode", "VAT");
      optional("ExemptionReason", vat.exemptionReason());
      text("BasisAmount", vat.taxableAmount().toPlainString());
      text("CategoryCode", vat.category().code());
      optional("ExemptionReasonCode", vat.exemptionReasonCode());
      text("RateApplicablePercent", vat.rate().toPlainString());
      end();
    }
    ram("SpecifiedTradePaymentTerms");
    text("Description", Labels.paymentTerms(c.seller()));
    end();

    DocumentTotals t = c.totals();
    ram("SpecifiedTradeSettlementHeaderMonetarySummation");
    text("LineTotalAmount", t.lineNetTotal().toPlainString());
    text("ChargeTotalAmount", t.chargeTotal().toPlainString());
    text("AllowanceTotalAmount", t.allowanceTotal().toPlainString());
    text("TaxBasisTotalAmount", t.taxExclusiveTotal().toPlainString());
    amount("TaxTotalAmount", t.vatTotal(), c.currency());
    if (c.vatAccounting() != null) {
      amount("TaxTotalAmount", c.vatAccounting().vatTotal(), c.vatAccounting().currency());
    }
    text("GrandTotalAmount", t.taxInclusiveTotal().toPlainString());
    text("TotalPrepaidAmount", t.paidAmount().toPlainString());
    text("DuePayableAmount", t.amountDue().toPlainString());
    end();

    if (document instanceof CreditNote note) {
      ram("InvoiceReferencedDocument");
      text("IssuerAssignedID", note.original().number());
      ram("FormattedIssueDateTime");
      date(QDT, note.original().issueDate());
      end();
      end();
    }
    end();
  }

  private void amount(String name, BigDecimal value, String currency) throws XMLStreamException {
    x.writeStartElement("ram", name, RAM);
    x.writeAttribute("currencyID", currency);
    x.writeCharacters(value.toPlainString());
    x.writeEndElement();
  }

  private void date(String namespace, LocalDate date) throws XMLStreamException {
    x.writeStartElement(namespace.equals(QDT) ? "qdt" : "udt", "DateTimeString", namespace);
    x.writeAttribute("format", "102");
    x.writeCharacters(FORMAT_102.format(date));
    x.writeEndElement();
  }

  private void rsm(String name) throws XMLStreamException {
    x.writeStartElement("rsm", name, RSM);
  }

  private void ram(String name) throws XMLStreamException {
    x.writeStartElement("ram", name, RAM);
  }

  private void text(String name, String value) throws XMLStreamException {
    ram(name);
    x.writeCharacters(value);
    x.writeEndElement();
  }

  private void optional(String name, String value) throws XMLStreamException {
    if (value != null) {
      text(name, value);
    }
  }

  private void end() throws XMLStreamException {
    x.writeEndElement();
  }
}
