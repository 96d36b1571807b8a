package io.synchron.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.synchron.billing.render.StandardDocumentRenderer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Throughput of rendering (PDF + Factur-X + UBL) on one thread, and the time Mustang's validator takes per document.
 * Not run by surefire by default (its name ends in Benchmark); run it with
 * {@code mvn -pl synchron-billing test -Dtest=RenderingBenchmark}.
 */
class RenderingBenchmark {

  private static final int WARM_UP_ROUNDS = 3;
  private static final int MEASURED_ROUNDS = 5;
  private static final int VALIDATED = 12;

  @Test
  void rendersAndValidatesTheCorpus() {
    List<BillingDocument> corpus = Corpus.documents();
    List<BillingDocument> oneLine = corpus.stream().filter(d -> d.content().lines().size() == 1).toList();
    List<BillingDocument> longest = List.of(corpus.stream()
        .max(java.util.Comparator.comparingInt(d -> d.content().lines().size())).orElseThrow());
    StandardDocumentRenderer renderer = new StandardDocumentRenderer(MutableClock.at("2026-03-02T10:00:00Z"));
    for (int i = 0; i < WARM_UP_ROUNDS; i++) {
      corpus.forEach(renderer::render);
    }

    double corpusRate = rate(renderer, corpus);
    double oneLineRate = rate(renderer, oneLine);
    double longestRate = rate(renderer, longest);

    List<Renditions> rendered = new ArrayList<>();
    corpus.stream().limit(VALIDATED).forEach(d -> rendered.add(renderer.render(d)));
    EInvoiceValidation.facturX(rendered.get(0).facturX(), "warm-up");
    EInvoiceValidation.ubl(rendered.get(0).ubl(), "warm-up");
    long facturX = 0;
    long ubl = 0;
    for (int i = 0; i < rendered.size(); i++) {
      long start = System.nanoTime();
      EInvoiceValidation.facturX(rendered.get(i).facturX(), "doc" + i);
      long middle = System.nanoTime();
      EInvoiceValidation.ubl(rendered.get(i).ubl(), "doc" + i);
      facturX += middle - start;
      ubl += System.nanoTime() - middle;
    }

    System.out.printf("RenderingBenchmark (one thread, %d corpus documents, %d of them one-line)%n", corpus.size(),
        oneLine.size());
    System.out.printf("  rendering PDF + Factur-X + UBL, corpus mix:      %.1f documents/s%n", corpusRate);
    System.out.printf("  rendering PDF + Factur-X + UBL, one-line orders: %.1f documents/s%n", oneLineRate);
    System.out.printf("  rendering PDF + Factur-X + UBL, %d-line order:   %.1f documents/s%n",
        longest.get(0).content().lines().size(), longestRate);
    System.out.printf("  validation per document: Factur-X %.0f ms (veraPDF + schematrons), UBL %.0f ms%n",
        facturX / 1e6 / rendered.size(), ubl / 1e6 / rendered.size());
    assertThat(corpusRate).isPositive();
  }

  private static double rate(StandardDocumentRenderer renderer, List<BillingDocument> documents) {
    long start = System.nanoTime();
    for (int round = 0; round < MEASURED_ROUNDS; round++) {
      documents.forEach(renderer::render);
    }
    return documents.size() * MEASURED_ROUNDS / ((System.nanoTime() - start) / 1e9);
  }
}
