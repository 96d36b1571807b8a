package io.synchron.billing.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

/**
 * Factur-X / ZUGFeRD 2: Mustangproject embeds the CII as {@code factur-x.xml} (relationship Alternative) into the
 * PDF/A-3 rendering and writes the Factur-X XMP extension schema for the EN 16931 profile.
 */
final class FacturX {

  private FacturX() {}

  static byte[] embed(byte[] pdfA3, byte[] cii, String documentNumber) {
    try (ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3()) {
      exporter.setZUGFeRDVersion(2);
      exporter.setProfile(Profiles.getByName("EN16931"));
      exporter.setProducer("Synchron billing");
      exporter.setCreator("Synchron");
      exporter.setCreatorTool("Synchron");
      exporter.load(pdfA3);
      exporter.setXML(cii);
      var out = new ByteArrayOutputStream();
      exporter.export(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not embed the CII of " + documentNumber + " into its PDF", e);
    }
  }
}
