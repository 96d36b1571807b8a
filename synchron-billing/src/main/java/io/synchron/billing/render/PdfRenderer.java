package io.synchron.billing.render;

import io.synchron.billing.Address;
import io.synchron.billing.BankAccount;
import io.synchron.billing.BillingDocument;
import io.synchron.billing.Buyer;
import io.synchron.billing.CreditNote;
import io.synchron.billing.DocumentContent;
import io.synchron.billing.DocumentLine;
import io.synchron.billing.DocumentTotals;
import io.synchron.billing.Seller;
import io.synchron.billing.VatAccounting;
import io.synchron.billing.VatBreakdown;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Lays out the readable PDF of a document: header, parties, a line table that continues over as many A4 pages as the
 * order needs (its header repeated), VAT breakdown, totals and the marketplace reconciliation, payment details, and a
 * footer with "page i of n". The file is PDF/A-3u: fonts embedded, sRGB output intent, XMP identification.
 */
final class PdfRenderer {

  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float LEFT = 42;
  private static final float RIGHT = PAGE.getWidth() - 42;
  private static final float TOP = PAGE.getHeight() - 48;
  private static final float BOTTOM = 64;
  private static final float BODY = 8.5f;
  private static final float SMALL = 7;
  private static final float LEADING = 11;
  /** Column right edges (amounts are right-aligned) and the description column's left edge and width. */
  private static final float COL_NUMBER = LEFT;
  private static final float COL_DESCRIPTION = LEFT + 22;
  private static final float DESCRIPTION_WIDTH = 190;
  private static final float COL_QUANTITY = COL_DESCRIPTION + DESCRIPTION_WIDTH + 40;
  private static final float COL_PRICE = COL_QUANTITY + 68;
  private static final float COL_DISCOUNT = COL_PRICE + 55;
  private static final float COL_VAT = COL_DISCOUNT + 40;
  private static final float COL_NET = RIGHT;

  private final PDDocument pdf;
  private final PdfText text;
  private final BillingDocument document;
  private final DocumentContent content;
  private PDPageContentStream page;
  private float y;

  private PdfRenderer(PDDocument pdf, BillingDocument document) {
    this.pdf = pdf;
    this.text = new PdfText(pdf);
    this.document = document;
    this.content = document.content();
  }

  static byte[] render(BillingDocument document, Instant createdAt) {
    try (PDDocument pdf = new PDDocument()) {
      PdfRenderer renderer = new PdfRenderer(pdf, document);
      try (PdfText fonts = renderer.text) {
        renderer.layout();
        pdfA(pdf, document, createdAt);
        var out = new ByteArrayOutputStream();
        pdf.save(out);
        return out.toByteArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render the PDF of " + document.number(), e);
    }
  }

  private void layout() throws IOException {
    newPage();
    header();
    parties();
    lineTable();
    summary();
    page.close();
    footers();
  }

  private void header() {
    text.draw(page, Labels.title(document), true, 18, LEFT, y - 14);
    List<String[]> facts = new ArrayList<>();
    facts.add(new String[] {"Number", document.number()});
    facts.add(new String[] {"Date", document.issueDate().toString()});
    facts.add(new String[] {"Marketplace order", content.marketplaceOrderId()});
    if (content.deliveryDate() != null) {
      facts.add(new String[] {"Date of supply", content.deliveryDate().toString()});
    }
    if (document instanceof CreditNote note) {
      facts.add(new String[] {"Corrects invoice", note.original().number()});
      facts.add(new String[] {"Invoice date", note.original().issueDate().toString()});
    }
    float factY = y - 8;
    for (String[] fact : facts) {
      text.drawRight(page, fact[0], false, BODY, RIGHT - 150, factY);
      text.draw(page, fact[1], true, BODY, RIGHT - 144, factY);
      factY -= LEADING;
    }
    y = Math.min(y - 34, factY) - 10;
  }

  private void parties() {
    Seller seller = content.seller();
    List<String> sellerLines = new ArrayList<>(addressLines(seller.address()));
    sellerLines.add("VAT ID " + seller.vatId());
    if (seller.legalRegistration() != null) {
      sellerLines.add("Registration " + seller.legalRegistration().id());
    }
    Buyer buyer = content.buyer();
    List<String> buyerLines = new ArrayList<>(addressLines(buyer.address()));
    if (buyer.vatId() != null) {
      buyerLines.add("VAT ID " + buyer.vatId());
    }
    float bottomLeft = party("From", seller.legalName(), sellerLines, LEFT);
    float bottomRight = party("Bill to", buyer.name(), buyerLines, LEFT + 270);
    y = Math.min(bottomLeft, bottomRight) - 8;
    if (document instanceof CreditNote note) {
      for (String line : text.wrap("Reason: " + note.reason(), false, BODY, RIGHT - LEFT)) {
        text.draw(page, line, false, BODY, LEFT, y);
        y -= LEADING;
      }
      y -= 4;
    }
  }

  private float party(String label, String name, List<String> lines, float x) {
    float width = 240;
    float at = y;
    text.draw(page, label, false, SMALL, x, at);
    at -= LEADING;
    for (String line : text.wrap(name, true, BODY + 1, width)) {
      text.draw(page, line, true, BODY + 1, x, at);
      at -= LEADING + 1;
    }
    for (String line : lines) {
      for (String wrapped : text.wrap(line, false, BODY, width)) {
        text.draw(page, wrapped, false, BODY, x, at);
        at -= LEADING;
      }
    }
    return at;
  }

  private List<String> addressLines(Address address) {
    List<String> lines = new ArrayList<>();
    if (address.line1() != null) {
      lines.add(address.line1());
    }
    if (address.line2() != null) {
      lines.add(address.line2());
    }
    String city = String.join(" ", nonNull(address.postalCode(), address.city()));
    if (!city.isBlank()) {
      lines.add(city);
    }
    List<String> region = nonNull(address.countrySubdivision(), address.countryCode());
    lines.add(String.join(", ", region));
    return lines;
  }

  private static List<String> nonNull(String... values) {
    List<String> result = new ArrayList<>();
    for (String value : values) {
      if (value != null) {
        result.add(value);
      }
    }
    return result;
  }

  private void lineTable() throws IOException {
    tableHeader();
    for (DocumentLine line : content.lines()) {
      List<String> description = new ArrayList<>(text.wrap(line.description(), false, BODY, DESCRIPTION_WIDTH));
      if (line.sku() != null) {
        description.addAll(text.wrap("SKU " + line.sku(), false, SMALL, DESCRIPTION_WIDTH));
      }
      float height = description.size() * LEADING + 3;
      if (y - height < BOTTOM) {
        newPage();
        tableHeader();
      }
      float rowY = y;
      text.draw(page, Integer.toString(line.position()), false, BODY, COL_NUMBER, rowY);
      for (String part : description) {
        text.draw(page, part, false, BODY, COL_DESCRIPTION, rowY);
        rowY -= LEADING;
      }
      text.drawRight(page, line.quantity().stripTrailingZeros().toPlainString(), false, BODY, COL_QUANTITY, y);
      text.drawRight(page, price(line.netUnitPrice()), false, BODY, COL_PRICE, y);
      text.drawRight(page, line.discount().signum() == 0 ? "" : money(line.discount()), false, BODY, COL_DISCOUNT, y);
      text.drawRight(page, percent(line.vatRate()), false, BODY, COL_VAT, y);
      text.drawRight(page, money(line.netAmount()), false, BODY, COL_NET, y);
      y -= height;
      rule(y + LEADING - 3, 0.2f);
    }
    y -= 8;
  }

  private void tableHeader() throws IOException {
    text.draw(page, "#", true, SMALL, COL_NUMBER, y);
    text.draw(page, "Description", true, SMALL, COL_DESCRIPTION, y);
    text.drawRight(page, "Qty", true, SMALL, COL_QUANTITY, y);
    text.drawRight(page, "Unit price", true, SMALL, COL_PRICE, y);
    text.drawRight(page, "Discount", true, SMALL, COL_DISCOUNT, y);
    text.drawRight(page, "VAT", true, SMALL, COL_VAT, y);
    text.drawRight(page, "Net amount (" + content.currency() + ")", true, SMALL, COL_NET, y);
    rule(y - 4, 0.6f);
    y -= LEADING + 4;
  }

  private void summary() throws IOException {
    List<String[]> vatRows = new ArrayList<>();
    for (VatBreakdown vat : content.vatBreakdown()) {
      vatRows.add(new String[] {category(vat) + " " + percent(vat.rate()), money(vat.taxableAmount()),
          money(vat.taxAmount()), vat.exemptionReason()});
    }
    DocumentTotals t = content.totals();
    List<String[]> totals = new ArrayList<>();
    totals.add(new String[] {"Total excluding VAT", money(t.taxExclusiveTotal())});
    totals.add(new String[] {"VAT", money(t.vatTotal())});
    totals.add(new String[] {"Total including VAT", money(t.taxInclusiveTotal()) + " " + content.currency()});
    String settled = document instanceof CreditNote ? "Refunded by the marketplace" : "Paid via the marketplace";
    totals.add(new String[] {settled, money(t.paidAmount())});
    totals.add(new String[] {"Amount due", money(t.amountDue()) + " " + content.currency()});

    float needed = Math.max(vatRows.size() * 2 + 1, totals.size()) * LEADING + 120;
    if (y - needed < BOTTOM) {
      newPage();
    }
    float top = y;
    text.draw(page, "VAT rate", true, SMALL, LEFT, y);
    text.drawRight(page, "Taxable", true, SMALL, LEFT + 170, y);
    text.drawRight(page, "VAT", true, SMALL, LEFT + 240, y);
    rule(y - 4, 0.6f, LEFT, LEFT + 240);
    y -= LEADING + 4;
    for (String[] row : vatRows) {
      text.draw(page, row[0], false, BODY, LEFT, y);
      text.drawRight(page, row[1], false, BODY, LEFT + 170, y);
      text.drawRight(page, row[2], false, BODY, LEFT + 240, y);
      y -= LEADING;
      if (row[3] != null) {
        for (String line : text.wrap(row[3], false, SMALL, 240)) {
          text.draw(page, line, false, SMALL, LEFT, y);
          y -= LEADING - 2;
        }
      }
    }
    float leftBottom = y;

    y = top;
    for (int i = 0; i < totals.size(); i++) {
      boolean strong = i == 2 || i == 4;
      text.draw(page, totals.get(i)[0], strong, BODY, LEFT + 300, y);
      text.drawRight(page, totals.get(i)[1], strong, BODY, RIGHT, y);
      y -= LEADING + (i == 2 ? 4 : 0);
    }
    VatAccounting accounting = content.vatAccounting();
    if (accounting != null) {
      y -= 2;
      String line = "VAT in " + accounting.currency() + ": " + accounting.vatTotal().toPlainString() + " "
          + accounting.currency() + " (1 " + content.currency() + " = " + accounting.rate().toPlainString() + " "
          + accounting.currency() + ", rate of " + accounting.rateDate() + ")";
      for (String wrapped : text.wrap(line, false, SMALL, RIGHT - LEFT - 300)) {
        text.draw(page, wrapped, false, SMALL, LEFT + 300, y);
        y -= LEADING - 2;
      }
    }
    y = Math.min(y, leftBottom) - 10;

    List<String> notes = new ArrayList<>();
    notes.add("Payment terms: " + Labels.paymentTerms(content.seller()));
    BankAccount bank = content.seller().bankAccount();
    if (bank != null) {
      notes.add("Bank account: " + bank.accountId() + (bank.bic() == null ? "" : " · BIC " + bank.bic())
          + (bank.accountName() == null ? "" : " · " + bank.accountName()));
    }
    content.seller().notes().forEach(note -> notes.add(note.text()));
    if (t.amountDue().signum() != 0) {
      notes.add("The marketplace " + (document instanceof CreditNote ? "refunded " : "charged ")
          + money(t.paidAmount()) + " " + content.currency() + ", which differs from this document's total by "
          + money(t.amountDue()) + " " + content.currency() + ".");
    }
    for (String note : notes) {
      for (String line : text.wrap(note, false, BODY, RIGHT - LEFT)) {
        if (y < BOTTOM) {
          newPage();
        }
        text.draw(page, line, false, BODY, LEFT, y);
        y -= LEADING;
      }
    }
  }

  private static String category(VatBreakdown vat) {
    return switch (vat.category()) {
      case STANDARD -> "Standard";
      case ZERO_RATED -> "Zero-rated";
      case EXPORT -> "Export";
    };
  }

  private void newPage() throws IOException {
    if (page != null) {
      page.close();
    }
    PDPage next = new PDPage(PAGE);
    pdf.addPage(next);
    page = new PDPageContentStream(pdf, next);
    y = TOP;
  }

  private void footers() throws IOException {
    int count = pdf.getNumberOfPages();
    Seller seller = content.seller();
    String left = seller.legalName() + " · VAT ID " + seller.vatId();
    for (int i = 0; i < count; i++) {
      try (PDPageContentStream footer =
          new PDPageContentStream(pdf, pdf.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
        rule(footer, BOTTOM - 22, 0.4f, LEFT, RIGHT);
        String shown = text.wrap(left, false, SMALL, 330).get(0);
        text.draw(footer, shown, false, SMALL, LEFT, BOTTOM - 32);
        text.drawRight(footer, document.number() + " · page " + (i + 1) + " of " + count, false, SMALL, RIGHT,
            BOTTOM - 32);
      }
    }
  }

  private void rule(float at, float width) throws IOException {
    rule(page, at, width, LEFT, RIGHT);
  }

  private void rule(float at, float width, float from, float to) throws IOException {
    rule(page, at, width, from, to);
  }

  private static void rule(PDPageContentStream stream, float at, float width, float from, float to)
      throws IOException {
    stream.setLineWidth(width);
    stream.moveTo(from, at);
    stream.lineTo(to, at);
    stream.stroke();
  }

  private String money(BigDecimal amount) {
    int scale = amount.scale();
    var format = new DecimalFormat(scale <= 0 ? "#,##0" : "#,##0." + "0".repeat(scale),
        DecimalFormatSymbols.getInstance(Locale.ROOT));
    return format.format(amount);
  }

  private String price(BigDecimal price) {
    int minimum = java.util.Currency.getInstance(content.currency()).getDefaultFractionDigits();
    BigDecimal shown = price.stripTrailingZeros();
    return money(shown.scale() < minimum ? shown.setScale(minimum) : shown);
  }

  private static String percent(BigDecimal rate) {
    return rate.stripTrailingZeros().toPlainString() + " %";
  }

  /** PDF/A-3u identification: XMP metadata matching the document information, and an sRGB output intent. */
  private static void pdfA(PDDocument pdf, BillingDocument document, Instant createdAt) throws IOException {
    Calendar created = GregorianCalendar.from(createdAt.atZone(TimeZone.getTimeZone("UTC").toZoneId()));
    String title = Labels.title(document) + " " + document.number();
    PDDocumentInformation info = pdf.getDocumentInformation();
    info.setTitle(title);
    info.setCreator("Synchron");
    info.setProducer("Synchron billing");
    info.setCreationDate(created);
    info.setModificationDate(created);

    XMPMetadata xmp = XMPMetadata.createXMPMetadata();
    DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
    dc.setTitle(title);
    dc.addCreator("Synchron");
    dc.setFormat("application/pdf");
    XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
    basic.setCreatorTool("Synchron");
    basic.setCreateDate(created);
    basic.setModifyDate(created);
    xmp.createAndAddAdobePDFSchema().setProducer("Synchron billing");
    PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
    id.setPart(3);
    try {
      id.setConformance("U");
    } catch (org.apache.xmpbox.type.BadFieldValueException e) {
      throw new IllegalStateException(e);
    }
    var xml = new ByteArrayOutputStream();
    try {
      new XmpSerializer().serialize(xmp, xml, true);
    } catch (javax.xml.transform.TransformerException e) {
      throw new IOException("Could not write the XMP metadata", e);
    }
    PDMetadata metadata = new PDMetadata(pdf);
    metadata.importXMPMetadata(xml.toByteArray());
    pdf.getDocumentCatalog().setMetadata(metadata);

    PDOutputIntent intent = new PDOutputIntent(pdf, new ByteArrayInputStream(SRGB));
    intent.setInfo("sRGB IEC61966-2.1");
    intent.setOutputCondition("sRGB IEC61966-2.1");
    intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
    intent.setRegistryName("http://www.color.org");
    pdf.getDocumentCatalog().addOutputIntent(intent);
  }
}
