package io.synchron.billing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.mustangproject.validator.ESeverity;
import org.mustangproject.validator.IrrecoverableValidationError;
import org.mustangproject.validator.ValidationContext;
import org.mustangproject.validator.ValidationResultItem;
import org.mustangproject.validator.XMLValidator;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.slf4j.LoggerFactory;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Runs Mustangproject's validator: for a Factur-X PDF, veraPDF (PDF/A-3), the Factur-X EN16931 XSD and schematron and
 * Mustang's arithmetic check, plus the official CEN EN 16931 CII rules on the embedded XML; for UBL, the UBL 2.1 XSD
 * and the CEN EN 16931 UBL rules. Returns every finding at notice level or above.
 */
public final class EInvoiceValidation {

  private static final String CEN_CII_RULES = "/xslt/en16931schematron/EN16931-CII-validation.xslt";

  private EInvoiceValidation() {}

  /** One validator finding; {@link #line()} is what the allow-list matches. */
  public record Finding(String file, ESeverity severity, String id, String message) {
    public String line() {
      return severity + " " + (id == null || id.isBlank() ? "-" : id) + " " + message.replaceAll("\\s+", " ");
    }

    public boolean isNotice() {
      return severity == ESeverity.notice;
    }
  }

  public static List<Finding> facturX(byte[] pdf, String name) {
    List<Finding> findings = run(pdf, name + ".pdf");
    findings.addAll(cenCii(embeddedXml(pdf), name + ".pdf#factur-x.xml"));
    return findings;
  }

  public static List<Finding> ubl(byte[] ubl, String name) {
    return run(ubl, name + ".xml");
  }

  public static List<Finding> xml(byte[] xml, String name) {
    return run(xml, name);
  }

  private static List<Finding> run(byte[] content, String name) {
    ZUGFeRDValidator validator = new ZUGFeRDValidator();
    validator.validate(content, name);
    List<Finding> findings = new ArrayList<>();
    for (ValidationResultItem item : validator.getContext().getResults()) {
      findings.add(new Finding(name, item.getSeverity(), item.getID(), item.getMessage()));
    }
    return findings;
  }

  private static List<Finding> cenCii(byte[] cii, String name) {
    ValidationContext context = new ValidationContext(LoggerFactory.getLogger(EInvoiceValidation.class));
    XMLValidator validator = new XMLValidator(context);
    try {
      validator.validateSchematron(new String(cii, StandardCharsets.UTF_8), CEN_CII_RULES, 24, ESeverity.error);
    } catch (IrrecoverableValidationError e) {
      return new ArrayList<>(List.of(new Finding(name, ESeverity.fatal, "-", e.getMessage())));
    }
    List<Finding> findings = new ArrayList<>();
    for (ValidationResultItem item : context.getResults()) {
      findings.add(new Finding(name, item.getSeverity(), item.getID(), item.getMessage()));
    }
    return findings;
  }

  /**
   * veraPDF alone, for a PDF that carries no invoice XML: the PDF/A flavour its metadata declares, and the rules it
   * breaks ("clause-test: description"), empty when compliant.
   */
  public static List<String> pdfA(byte[] pdf) {
    VeraGreenfieldFoundryProvider.initialise();
    try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf))) {
      PDFAValidator validator = Foundries.defaultInstance().createValidator(parser.getFlavour(), false);
      ValidationResult result = validator.validate(parser);
      List<String> failures = new ArrayList<>();
      failures.add("flavour " + parser.getFlavour().getId());
      for (TestAssertion assertion : result.getTestAssertions()) {
        if (assertion.getStatus() == TestAssertion.Status.FAILED) {
          failures.add(assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + ": "
              + assertion.getMessage());
        }
      }
      return failures;
    } catch (Exception e) {
      throw new IllegalStateException("veraPDF could not validate the PDF", e);
    }
  }

  /** The factur-x.xml attached to a PDF. */
  public static byte[] embeddedXml(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDEmbeddedFilesNameTreeNode files = document.getDocumentCatalog().getNames().getEmbeddedFiles();
      PDComplexFileSpecification spec = files.getNames().get("factur-x.xml");
      if (spec == null) {
        throw new AssertionError("the PDF has no factur-x.xml attachment");
      }
      return spec.getEmbeddedFile().toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
