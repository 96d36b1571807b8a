package io.synchron.billing;

import static io.synchron.billing.Fixtures.d;
import static io.synchron.billing.Fixtures.request;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Varied invoices and credit notes for the validation corpus: four sellers (FR, DE, GB, AU), EUR, GBP and AUD,
 * multi-rate VAT, tax-included and net prices, discounts, free shipping, zero-price lines, exports, documents in a
 * currency other than the seller's (BT-6), a long multi-page order, partial refunds, goodwill refunds and
 * cancellations, and names in Latin, Greek, Cyrillic, Hebrew, Arabic, Chinese, Japanese and Korean. Built with the
 * pure calculators, numbered here.
 */
final class Corpus {

  private final Map<String, Invoice> invoices = new LinkedHashMap<>();
  private final Map<String, List<CreditNote>> credits = new LinkedHashMap<>();
  private final List<BillingDocument> documents = new ArrayList<>();
  private int invoiceCount;
  private int creditCount;

  static List<BillingDocument> documents() {
    return new Corpus().build();
  }

  private List<BillingDocument> build() {
    Seller fr = Fixtures.frenchSeller();
    Seller de = Fixtures.germanSeller();
    Seller gb = Fixtures.britishSeller();
    Seller au = Fixtures.australianSeller();
    ExchangeRate eurToGbp = new ExchangeRate("GBP", d("0.8512"), LocalDate.of(2026, 2, 27));
    ExchangeRate gbpToEur = new ExchangeRate("EUR", d("1.1748"), LocalDate.of(2026, 2, 27));

    invoice("fr-single", request().seller(fr).line("Chemise en lin bleu", "1", "49.90", "20"));
    invoice("fr-multirate", request().seller(fr).buyer(Fixtures.consumer("Élodie Lefèvre-Dubois", "FR"))
        .line("Chemise en lin", "2", "49.90", "20").line("Livre de cuisine", "1", "24.00", "5.5")
        .line("Médicament remboursable", "1", "8.40", "2.1")
        .line(LineRequest.shipping("S1", "Livraison Colissimo", d("5.90"), d("20"))));
    invoice("fr-discounts", request().seller(fr)
        .line(LineRequest.goods("L1", "Veste imperméable", d("2"), d("89.00"), d("20")).withDiscount(d("17.80")))
        .line(LineRequest.goods("L2", "Bonnet", d("3"), d("12.50"), d("20")).withDiscount(d("2.50")).withSku("BN-3")));
    invoice("fr-free-shipping-gift", request().seller(fr).line("Tasse", "4", "9.99", "20")
        .line("Cadeau : porte-clés", "1", "0.00", "20")
        .line(LineRequest.shipping("S1", "Livraison offerte", d("0.00"), d("20"))));
    invoice("fr-greek-cyrillic", request().seller(fr).buyer(Fixtures.consumer("Αικατερίνη Παπαδοπούλου", "GR"))
        .line("Матрёшка деревянная, ручная роспись", "1", "35.00", "20"));
    invoice("fr-b2b-net", request().seller(fr).net()
        .buyer(new Buyer("Boutique Lumière SARL", Address.of("3 avenue Foch", "69006", "Lyon", "FR"), "FR83404833048",
            new ElectronicAddress("0225", "404833048")))
        .line("Lampe de bureau", "10", "23.4567", "20").line("Ampoule LED", "25", "1.99", "20"));
    invoice("fr-arabic", request().seller(fr).buyer(Fixtures.consumer("محمد بن عبد الله الهاشمي", "MA"))
        .line("Coussin brodé", "2", "29.00", "20"));
    invoice("fr-japanese", request().seller(fr).buyer(Fixtures.consumer("山田 花子", "JP"))
        .regime(VatRegime.EXPORT_ZERO_RATED).line("抹茶用の茶碗 (Bol à matcha)", "1", "45.00", "20")
        .line(LineRequest.shipping("S1", "Expédition internationale", d("19.00"), d("20"))));
    invoice("fr-long-description", request().seller(fr).line("Ensemble de six verres à vin en cristal soufflé bouche,"
        + " gravés à la main d'un motif floral, livrés dans un coffret cadeau en bois de hêtre avec certificat", "1",
        "129.00", "20"));
    invoice("fr-unrepresentable-total", request().seller(fr).line("Épingles", "3", "0.99", "20").charged("2.97"));
    invoice("fr-overcharged", request().seller(fr).line("Carnet", "1", "7.90", "20").charged("8.40"));
    invoice("de-b2c", request().seller(de).buyer(Fixtures.consumer("Jürgen Weiß", "DE"))
        .line("Kaffeemühle", "1", "59.99", "19").line("Kaffeebohnen 1 kg", "2", "16.49", "7")
        .line(LineRequest.shipping("S1", "Versand DHL", d("4.95"), d("19"))));
    invoice("de-b2b-decimals", request().seller(de).net()
        .buyer(Fixtures.business("Österreicher Bau GmbH", "AT", "ATU12345678"))
        .line(new LineRequest("L1", LineKind.GOODS, "Kupferdraht (kg)", "CU-2", d("2.5"), d("11.237500"),
            BigDecimal.ZERO, VatCategory.STANDARD, d("19")))
        .line("Schrauben M6", "1000", "0.0375", "19"));
    Fixtures.Requests longOrder = request().seller(de).buyer(Fixtures.consumer("Святослав Владимирович", "DE"));
    for (int i = 1; i <= 70; i++) {
      longOrder.line("Ersatzteil Nr. " + i + " – Dichtung, Größe " + (10 + i % 7) + " mm", "" + (1 + i % 3),
          (i % 5 == 0 ? "0.00" : (3 + i % 9) + ".49"), i % 4 == 0 ? "7" : "19");
    }
    invoice("de-long-order", longOrder);
    invoice("de-hebrew", request().seller(de).buyer(Fixtures.consumer("דוד כהן", "IL"))
        .regime(VatRegime.EXPORT_ZERO_RATED).line("Schachspiel aus Holz", "1", "79.00", "19"));
    invoice("de-in-gbp", request().seller(de).currency("GBP").rate(gbpToEur)
        .buyer(Fixtures.consumer("Oliver Smith", "DE")).line("Bierkrug", "2", "18.00", "19"));
    invoice("gb-b2c", request().seller(gb).currency("GBP").buyer(Fixtures.consumer("Siobhán O'Brien", "GB"))
        .line("Wool scarf", "1", "35.00", "20")
        .line(new LineRequest("L2", LineKind.GOODS, "Children's wellington boots", null, d("1"), d("22.00"),
            BigDecimal.ZERO, VatCategory.ZERO_RATED, BigDecimal.ZERO))
        .line(LineRequest.shipping("S1", "Royal Mail Tracked 48", d("3.99"), d("20"))));
    invoice("gb-in-eur", request().seller(gb).currency("EUR").rate(eurToGbp)
        .buyer(Fixtures.consumer("Dmitri Ivanov", "IE")).line("Earl Grey tea, 500 g", "3", "12.00", "20"));
    invoice("gb-reduced", request().seller(gb).currency("GBP").line("Child car seat", "1", "149.99", "5")
        .line("Sun cream", "2", "8.99", "20"));
    invoice("gb-cyrillic", request().seller(gb).currency("GBP").buyer(Fixtures.consumer("Наталья Кузнецова", "GB"))
        .line("Porcelain teapot", "1", "42.00", "20"));
    invoice("au-gst", request().seller(au).currency("AUD").buyer(Fixtures.consumer("Mia Nguyễn", "AU"))
        .line("Merino jumper", "1", "119.00", "10").line("Socks, 3 pairs", "2", "19.95", "10")
        .line(LineRequest.shipping("S1", "Australia Post", d("9.95"), d("10"))));
    invoice("au-export", request().seller(au).currency("AUD").regime(VatRegime.EXPORT_ZERO_RATED)
        .buyer(Fixtures.consumer("Aroha Ngata", "NZ")).line("Boomerang", "2", "45.00", "10"));
    invoice("au-korean", request().seller(au).currency("AUD").buyer(Fixtures.consumer("김민준", "AU"))
        .line("Tim Tams", "6", "4.50", "0").line("Kangaroo plush", "1", "24.95", "10"));
    invoice("au-chinese", request().seller(au).currency("AUD").buyer(Fixtures.consumer("王小明", "AU"))
        .line("羊毛被 (wool quilt)", "1", "299.00", "10"));
    invoice("fr-only-shipping-charged", request().seller(fr).line("Échantillon gratuit", "1", "0.00", "20")
        .line(LineRequest.shipping("S1", "Livraison express", d("12.90"), d("20"))));

    credit("fr-multirate", "49.90", "Retour d'une chemise", CreditLine.units("L1", d("1")));
    credit("fr-multirate", "5.90", "Frais de livraison remboursés", CreditLine.remainder("S1"));
    credit("fr-multirate", "82.30", "Annulation du solde", CreditLine.remainder("L1"), CreditLine.remainder("L2"),
        CreditLine.remainder("L3"));
    credit("fr-discounts", "15.00", "Geste commercial", CreditLine.amount("L1", d("15.00")));
    credit("de-b2c", "97.92", "Stornierung", CreditLine.remainder("L1"), CreditLine.remainder("L2"),
        CreditLine.remainder("S1"));
    credit("de-b2b-decimals", "20.00", "Preisnachlass", CreditLine.amount("L2", d("16.81")));
    credit("gb-in-eur", "12.00", "Returned one tin", CreditLine.units("L1", d("1")));
    credit("gb-b2c", "22.00", "Returned boots", CreditLine.units("L2", d("1")));
    credit("au-gst", "39.90", "Returned socks", CreditLine.units("L2", d("2")));
    credit("au-export", "45.00", "Damaged in transit", CreditLine.units("L1", d("1")));
    credit("fr-japanese", "19.00", "Remboursement des frais d'expédition", CreditLine.remainder("S1"));
    return documents;
  }

  private void invoice(String name, Fixtures.Requests request) {
    IssueRequest built = request.order("ORD-" + name).build();
    String number = String.format("CORPUS-INV-%06d", ++invoiceCount);
    Invoice invoice = new Invoice(number, LocalDate.of(2026, 3, 2),
        DocumentCalculator.invoice(built, new IssueDecision.Issue(built.regime())));
    invoices.put(name, invoice);
    documents.add(invoice);
  }

  private void credit(String invoiceName, String refunded, String reason, CreditLine... lines) {
    Invoice invoice = invoices.get(invoiceName);
    List<CreditNote> earlier = credits.computeIfAbsent(invoiceName, k -> new ArrayList<>());
    CreditNoteCalculator.Outcome outcome = CreditNoteCalculator.compute(invoice, earlier,
        new CreditNoteRequest("corpus-" + creditCount, "CORPUS-CN", invoice.number(), List.of(lines), d(refunded),
            reason, null));
    if (!(outcome instanceof CreditNoteCalculator.Computed computed)) {
      throw new IllegalStateException("corpus credit on " + invoiceName + " refused: " + outcome);
    }
    CreditNote note = new CreditNote(String.format("CORPUS-CN-%06d", ++creditCount), LocalDate.of(2026, 3, 9),
        computed.content(), new InvoiceReference(invoice.number(), invoice.issueDate()), reason);
    earlier.add(note);
    documents.add(note);
  }
}
