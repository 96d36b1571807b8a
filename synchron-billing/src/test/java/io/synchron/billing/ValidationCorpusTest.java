package io.synchron.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.synchron.billing.render.StandardDocumentRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every document of the {@link Corpus}, rendered as Factur-X and as UBL, passes Mustangproject's validator (veraPDF
 * PDF/A-3, Factur-X EN16931 XSD and schematron, CEN EN 16931 CII and UBL rules, arithmetic) with no finding at warning
 * level or above outside the reviewed allow-list.
 */
class ValidationCorpusTest {

  private static List<BillingDocument> documents;
  private static final List<EInvoiceValidation.Finding> facturXFindings = new ArrayList<>();
  private static final List<EInvoiceValidation.Finding> ublFindings = new ArrayList<>();
  private static final List<AllowList.Entry> allowList = AllowList.load();

  @BeforeAll
  static void renderAndValidateTheCorpus() {
    documents = Corpus.documents();
    StandardDocumentRenderer renderer = new StandardDocumentRenderer(MutableClock.at("2026-03-02T10:00:00Z"));
    for (BillingDocument document : documents) {
      Renditions renditions = renderer.render(document);
      facturXFindings.addAll(EInvoiceValidation.facturX(renditions.facturX(), document.number()));
      ublFindings.addAll(EInvoiceValidation.ubl(renditions.ubl(), document.number()));
    }
  }

  private static List<String> unexplained(List<EInvoiceValidation.Finding> findings) {
    return findings.stream().filter(f -> !f.isNotice())
        .filter(f -> allowList.stream().noneMatch(entry -> entry.matches(f)))
        .map(f -> f.file() + ": " + f.line()).toList();
  }

  @Test
  void theCorpusHasAtLeastThirtyVariedDocuments() {
    assertThat(documents).hasSizeGreaterThanOrEqualTo(30);
    assertThat(documents).filteredOn(d -> d instanceof CreditNote).hasSizeGreaterThanOrEqualTo(8);
    assertThat(documents.stream().map(d -> d.content().currency()).collect(Collectors.toSet()))
        .containsAll(Set.of("EUR", "GBP", "AUD"));
    assertThat(documents).anySatisfy(d -> assertThat(d.content().vatAccounting()).isNotNull());
    assertThat(documents).anySatisfy(d -> assertThat(d.content().lines()).hasSizeGreaterThan(50));
    assertThat(documents).anySatisfy(d -> assertThat(d.content().reconciliation().matches()).isFalse());
  }

  @Test
  void everyFacturXDocumentPassesTheValidator() {
    assertThat(facturXFindings).isNotEmpty();
    assertThat(unexplained(facturXFindings)).isEmpty();
  }

  @Test
  void everyUblDocumentPassesTheValidator() {
    assertThat(unexplained(ublFindings)).isEmpty();
  }

  @Test
  void everyAllowListEntryIsJustifiedAndStillNeeded() {
    List<EInvoiceValidation.Finding> all = new ArrayList<>(facturXFindings);
    all.addAll(ublFindings);
    assertThat(allowList).allSatisfy(entry -> {
      assertThat(entry.justification()).as("justification of '%s'", entry.fragment()).isNotBlank();
      assertThat(all).as("findings matching '%s'", entry.fragment()).anyMatch(entry::matches);
    });
  }
}
