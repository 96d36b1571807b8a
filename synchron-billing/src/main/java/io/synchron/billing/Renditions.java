package io.synchron.billing;

/**
 * The three files of an issued document. Accessors return copies, so a caller cannot alter a stored document.
 *
 * @param pdf the readable PDF (PDF/A-3, fonts embedded)
 * @param facturX the same PDF with the CII XML embedded as factur-x.xml (Factur-X / ZUGFeRD, EN 16931 profile)
 * @param ubl the UBL 2.1 Invoice or CreditNote XML
 */
public record Renditions(byte[] pdf, byte[] facturX, byte[] ubl) {

  public Renditions {
    pdf = Checks.present(pdf, "pdf").clone();
    facturX = Checks.present(facturX, "facturX").clone();
    ubl = Checks.present(ubl, "ubl").clone();
  }

  @Override
  public byte[] pdf() {
    return pdf.clone();
  }

  @Override
  public byte[] facturX() {
    return facturX.clone();
  }

  @Override
  public byte[] ubl() {
    return ubl.clone();
  }
}
