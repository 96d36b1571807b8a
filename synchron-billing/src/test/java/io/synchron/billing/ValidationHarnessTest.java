package io.synchron.billing;

import static io.synchron.billing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.synchron.billing.render.StandardDocumentRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ESeverity;

/** The validation harness rejects what it should before the corpus trusts it. */
class ValidationHarnessTest {

  private static final Renditions RENDERED = new StandardDocumentRenderer(MutableClock.at("2026-03-02T10:00:00Z"))
      .render(new Invoice("HARNESS-000001", LocalDate.of(2026, 3, 2), DocumentCalculator.invoice(
          request().seller(Fixtures.germanSeller()).line("Kaffeemühle", "1", "59.99", "19").build(),
          new IssueDecision.Issue(VatRegime.SELLER_INVOICES))));

  private static boolean hasErrors(List<EInvoiceValidation.Finding> findings) {
    return findings.stream().anyMatch(f -> f.severity().ordinal() >= ESeverity.error.ordinal());
  }

  private static List<String> ids(List<EInvoiceValidation.Finding> findings) {
    return findings.stream().map(EInvoiceValidation.Finding::id).toList();
  }

  @Test
  void theUntamperedDocumentHasNoErrors() {
    assertThat(hasErrors(EInvoiceValidation.facturX(RENDERED.facturX(), "plain"))).isFalse();
    assertThat(hasErrors(EInvoiceValidation.ubl(RENDERED.ubl(), "plain"))).isFalse();
  }

  @Test
  void aCiiWhoseGrandTotalDoesNotAddUpIsRejected() {
    String cii = new String(EInvoiceValidation.embeddedXml(RENDERED.facturX()), StandardCharsets.UTF_8);
    String tampered = cii.replace("<ram:GrandTotalAmount>59.99<", "<ram:GrandTotalAmount>69.99<");
    assertThat(tampered).isNotEqualTo(cii);

    List<EInvoiceValidation.Finding> findings =
        EInvoiceValidation.xml(tampered.getBytes(StandardCharsets.UTF_8), "tampered.xml");

    assertThat(ids(findings)).contains("BR-CO-15");
  }

  @Test
  void aUblWhoseVatDoesNotMatchItsBaseIsRejected() {
    String ubl = new String(RENDERED.ubl(), StandardCharsets.UTF_8);
    String tampered = ubl.replace("<cbc:TaxAmount currencyID=\"EUR\">9.58</cbc:TaxAmount><cac:TaxCategory>",
        "<cbc:TaxAmount currencyID=\"EUR\">19.58</cbc:TaxAmount><cac:TaxCategory>");
    assertThat(tampered).isNotEqualTo(ubl);

    List<EInvoiceValidation.Finding> findings =
        EInvoiceValidation.ubl(tampered.getBytes(StandardCharsets.UTF_8), "tampered");

    assertThat(ids(findings)).contains("BR-CO-17");
  }

  @Test
  void aPdfWithoutItsOutputIntentFailsPdfA() throws IOException {
    byte[] stripped;
    try (PDDocument document = Loader.loadPDF(RENDERED.pdf())) {
      document.getDocumentCatalog().getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
      var out = new ByteArrayOutputStream();
      document.save(out);
      stripped = out.toByteArray();
    }

    assertThat(EInvoiceValidation.pdfA(RENDERED.pdf())).containsExactly("flavour 3u");
    assertThat(EInvoiceValidation.pdfA(stripped)).hasSizeGreaterThan(1);
  }

  @Test
  void theOfficialEn16931ExamplesGetTheirRecordedOutcomes() throws IOException {
    Path samples = Path.of(System.getProperty("synchron.shared.dir", "../../shared"), "samples", "en16931");
    assumeTrue(Files.isDirectory(samples), "skipped: no EN 16931 samples at " + samples.toAbsolutePath());
    Map<String, String> expected = new LinkedHashMap<>();
    try (InputStream in = getClass().getResourceAsStream("/en16931-samples-expected.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] parts = line.substring(0, line.indexOf(" | ")).split(" ");
          expected.put(parts[0], parts[1]);
        }
      }
    }
    Map<String, String> actual = new LinkedHashMap<>();
    for (String file : expected.keySet()) {
      byte[] content = Files.readAllBytes(samples.resolve(file));
      actual.put(file, hasErrors(EInvoiceValidation.xml(content, file)) ? "invalid" : "valid");
    }

    assertThat(actual).isEqualTo(expected);
    assertThat(actual).containsValue("invalid").containsValue("valid");
  }
}
