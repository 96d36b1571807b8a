package io.synchron.api;

import io.synchron.billing.DocumentFilter;
import io.synchron.billing.DocumentKind;
import io.synchron.billing.DocumentSummary;
import io.synchron.billing.IssuedDocument;
import io.synchron.invoicing.FinanceDesk;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Invoices and credit notes: list and filter them, download each as PDF, Factur-X or UBL; the finance feed. */
@RestController
class DocumentsController {

  private final FinanceDesk finance;

  DocumentsController(FinanceDesk finance) {
    this.finance = finance;
  }

  @GetMapping("/api/documents")
  List<DocumentSummary> list(
      @RequestParam(required = false) DocumentKind kind,
      @RequestParam(required = false) String series,
      @RequestParam(required = false) String marketplaceOrderId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "100") int limit) {
    DocumentFilter filter = DocumentFilter.all().limit(limit);
    if (kind != null) {
      filter = filter.kind(kind);
    }
    if (series != null) {
      filter = filter.series(series);
    }
    if (marketplaceOrderId != null) {
      filter = filter.order(marketplaceOrderId);
    }
    if (from != null || to != null) {
      filter = filter.issuedBetween(from, to);
    }
    return finance.documents(filter);
  }

  @GetMapping("/api/documents/{number}/pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String number) {
    return file(find(number).pdf(), number + ".pdf", MediaType.APPLICATION_PDF);
  }

  @GetMapping("/api/documents/{number}/facturx")
  ResponseEntity<byte[]> facturX(@PathVariable String number) {
    return file(find(number).facturX(), number + "-facturx.pdf", MediaType.APPLICATION_PDF);
  }

  @GetMapping("/api/documents/{number}/ubl")
  ResponseEntity<byte[]> ubl(@PathVariable String number) {
    return file(find(number).ubl(), number + "-ubl.xml", MediaType.APPLICATION_XML);
  }

  @GetMapping(value = "/api/finance/journal.csv", produces = "text/csv")
  ResponseEntity<String> journal(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"journal-" + date + ".csv\"")
        .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
        .body(finance.journal(date));
  }

  @PostMapping("/api/finance/events/replay")
  Map<String, Integer> replay(@RequestParam long from) {
    return Map.of("queued", finance.replay(from));
  }

  private IssuedDocument find(String number) {
    return finance.document(number).orElseThrow(() -> new NoSuchElementException("No document " + number));
  }

  private static ResponseEntity<byte[]> file(byte[] bytes, String name, MediaType type) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .contentType(type)
        .body(bytes);
  }
}
