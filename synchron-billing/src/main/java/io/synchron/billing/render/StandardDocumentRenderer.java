package io.synchron.billing.render;

import io.synchron.billing.BillingDocument;
import io.synchron.billing.DocumentRenderer;
import io.synchron.billing.Renditions;
import java.time.Clock;

/**
 * Renders a document as a readable PDF/A-3u, a Factur-X EN 16931 PDF (the same PDF with its CII embedded) and a UBL
 * 2.1 Invoice or CreditNote; all three are generated from the one CII serialisation of the document, so they cannot
 * disagree. Thread-safe; fonts are read once per JVM. The clock stamps the PDF metadata.
 */
public final class StandardDocumentRenderer implements DocumentRenderer {

  private final Clock clock;

  public StandardDocumentRenderer(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Renditions render(BillingDocument document) {
    byte[] cii = CiiWriter.write(document);
    byte[] pdf = PdfRenderer.render(document, clock.instant());
    byte[] facturX = FacturX.embed(pdf, cii, document.number());
    byte[] ubl = UblConverter.toUbl(cii, document.number());
    return new Renditions(pdf, facturX, ubl);
  }
}
