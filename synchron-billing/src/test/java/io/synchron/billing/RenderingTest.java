package io.synchron.billing;

import static io.synchron.billing.Fixtures.d;
import static io.synchron.billing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.synchron.billing.render.StandardDocumentRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class RenderingTest {

  private static final StandardDocumentRenderer RENDERER =
      new StandardDocumentRenderer(MutableClock.at("2026-03-02T10:00:00Z"));

  private static Invoice invoice(Fixtures.Requests request) {
    IssueRequest built = request.build();
    return new Invoice("RENDER-000001", LocalDate.of(2026, 3, 2),
        DocumentCalculator.invoice(built, new IssueDecision.Issue(built.regime())));
  }

  private static CreditNote creditNote(Invoice invoice, CreditLine line) {
    var outcome = (CreditNoteCalculator.Computed) CreditNoteCalculator.compute(invoice, List.of(),
        new CreditNoteRequest("k", "CN", invoice.number(), List.of(line), d("10.00"), "Return", null));
    return new CreditNote("RENDER-CN-000001", LocalDate.of(2026, 3, 9), outcome.content(),
        new InvoiceReference(invoice.number(), invoice.issueDate()), "Return");
  }

  private static List<String> pagesText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<String> pages = new ArrayList<>();
      PDFTextStripper stripper = new PDFTextStripper();
      for (int i = 1; i <= document.getNumberOfPages(); i++) {
        stripper.setStartPage(i);
        stripper.setEndPage(i);
        pages.add(stripper.getText(document));
      }
      return pages;
    }
  }

  private static String text(byte[] pdf) throws IOException {
    return String.join("\n", pagesText(pdf));
  }

  @Test
  void aLongOrderContinuesOnFurtherPagesWithTheTableHeaderRepeated() throws IOException {
    Fixtures.Requests order = request();
    for (int i = 1; i <= 90; i++) {
      order.line("Article " + i, "1", "2.00", "20");
    }

    List<String> pages = pagesText(RENDERER.render(invoice(order)).pdf());

    assertThat(pages).hasSizeGreaterThanOrEqualTo(2);
    assertThat(pages).allSatisfy(page -> assertThat(page).contains("of " + pages.size()));
    assertThat(pages).filteredOn(page -> page.contains("Article ")).hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(page -> assertThat(page).contains("Description"));
    assertThat(String.join("\n", pages)).contains("Article 90", "Total including VAT");
  }

  @Test
  void namesInGreekCyrillicChineseJapaneseKoreanAndHebrewAreInThePdfText() throws IOException {
    String text = text(RENDERER.render(invoice(request().buyer(Fixtures.consumer("Αικατερίνη Παπαδοπούλου", "GR"))
        .line("Матрёшка", "1", "10.00", "20").line("羊毛被", "1", "10.00", "20").line("抹茶の茶碗", "1", "10.00", "20")
        .line("김민준의 선물", "1", "10.00", "20").line("שחמט", "1", "10.00", "20"))).pdf());

    assertThat(text).contains("Αικατερίνη Παπαδοπούλου", "Матрёшка", "羊毛被", "抹茶の茶碗", "김민준의 선물", "שחמט");
  }

  @Test
  void anArabicNameIsShapedAndReadsBackInItsLogicalOrder() throws IOException {
    String text = text(RENDERER.render(invoice(request().buyer(Fixtures.consumer("محمد عبد الله", "MA"))
        .line("Coussin", "1", "29.00", "20"))).pdf());

    assertThat(Normalizer.normalize(text, Normalizer.Form.NFKC)).contains("محمد عبد الله");
  }

  @Test
  void everyFontInThePdfIsEmbedded() throws IOException {
    byte[] pdf = RENDERER.render(invoice(request().buyer(Fixtures.consumer("王小明", "CN"))
        .line("Boomerang", "1", "30.00", "20"))).pdf();

    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<PDFont> fonts = new ArrayList<>();
      for (PDPage page : document.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          fonts.add(page.getResources().getFont(name));
        }
      }
      assertThat(fonts).hasSizeGreaterThanOrEqualTo(2).allSatisfy(font -> assertThat(font.isEmbedded()).isTrue());
    }
  }

  @Test
  void aCharacterNoFontCoversIsShownAsAReplacementCharacterNotDropped() throws IOException {
    String cuneiform = "\uD808\uDC00";
    String text = text(RENDERER.render(invoice(request().line("Tablet " + cuneiform + " replica", "1", "30.00", "20")))
        .pdf());

    assertThat(text).contains("Tablet \uFFFD replica");
  }

  @Test
  void theReadablePdfIsValidPdfA3uForVeraPdf() {
    byte[] pdf = RENDERER.render(invoice(request().buyer(Fixtures.consumer("محمد عبد الله", "MA"))
        .line("羊毛被", "1", "9.00", "20"))).pdf();

    assertThat(EInvoiceValidation.pdfA(pdf)).containsExactly("flavour 3u");
  }

  @Test
  void theReadablePdfDeclaresPdfA3() throws IOException {
    byte[] pdf = RENDERER.render(invoice(request().line("Mug", "1", "9.00", "20"))).pdf();

    try (PDDocument document = Loader.loadPDF(pdf)) {
      String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
      assertThat(xmp).contains("pdfaid:part>3<", "pdfaid:conformance>U<");
      assertThat(document.getDocumentCatalog().getOutputIntents()).hasSize(1);
    }
  }

  @Test
  void theFacturXCarriesTheDocumentsCiiAsFacturXXml() {
    Invoice invoice = invoice(request().line("Mug", "1", "9.00", "20"));

    String cii = new String(EInvoiceValidation.embeddedXml(RENDERER.render(invoice).facturX()), StandardCharsets.UTF_8);

    assertThat(cii).contains("<ram:ID>urn:cen.eu:en16931:2017</ram:ID>", "<ram:ID>RENDER-000001</ram:ID>",
        "<ram:TypeCode>380</ram:TypeCode>", "<ram:GrandTotalAmount>9.00</ram:GrandTotalAmount>");
  }

  @Test
  void anInvoiceIsAUblInvoice() {
    String ubl = new String(RENDERER.render(invoice(request().line("Mug", "1", "9.00", "20"))).ubl(),
        StandardCharsets.UTF_8);

    assertThat(ubl).contains("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
        "<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>", "<cac:OrderReference><cbc:ID>ORDER-1</cbc:ID>");
  }

  @Test
  void aCreditNoteIsAUblCreditNoteReferencingItsInvoiceNumberAndDate() {
    Invoice invoice = invoice(request().line("Mug", "2", "10.00", "20"));

    String ubl = new String(RENDERER.render(creditNote(invoice, CreditLine.units("L1", d("1")))).ubl(),
        StandardCharsets.UTF_8);

    assertThat(ubl).contains("urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
        "<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>",
        "<cac:InvoiceDocumentReference><cbc:ID>RENDER-000001</cbc:ID><cbc:IssueDate>2026-03-02</cbc:IssueDate>");
  }

  @Test
  void aDocumentInAnotherCurrencyGivesItsVatInTheAccountingCurrencyInAllThreeFiles() throws IOException {
    Renditions renditions = RENDERER.render(invoice(request().seller(Fixtures.britishSeller()).currency("EUR")
        .rate(new ExchangeRate("GBP", d("0.8512"), LocalDate.of(2026, 2, 27))).line("Tea", "1", "10.00", "20")));

    assertThat(new String(EInvoiceValidation.embeddedXml(renditions.facturX()), StandardCharsets.UTF_8))
        .contains("<ram:TaxCurrencyCode>GBP</ram:TaxCurrencyCode>",
            "<ram:TaxTotalAmount currencyID=\"GBP\">1.42</ram:TaxTotalAmount>");
    assertThat(new String(renditions.ubl(), StandardCharsets.UTF_8))
        .contains("<cbc:TaxCurrencyCode>GBP</cbc:TaxCurrencyCode>", "<cbc:TaxAmount currencyID=\"GBP\">1.42<");
    assertThat(text(renditions.pdf())).contains("VAT in GBP: 1.42 GBP");
  }

  @Test
  void anAustralianSellersDocumentsAreATaxInvoiceAndAnAdjustmentNote() throws IOException {
    Invoice invoice = invoice(request().seller(Fixtures.australianSeller()).currency("AUD")
        .line("Jumper", "2", "10.00", "10"));

    assertThat(text(RENDERER.render(invoice).pdf())).contains("Tax invoice");
    assertThat(text(RENDERER.render(creditNote(invoice, CreditLine.units("L1", d("1")))).pdf()))
        .contains("Adjustment note", "Corrects invoice RENDER-000001");
  }

  @Test
  void aDifferenceWithTheMarketplaceIsSpelledOutOnTheDocument() throws IOException {
    String text = text(RENDERER.render(invoice(request().line("Pins", "3", "0.99", "20").charged("2.97"))).pdf());

    assertThat(text).contains("charged 2.97 EUR", "differs from this document's total by 0.01 EUR");
  }
}
