package io.synchron.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.synchron.invoicing.FinanceSignature;
import io.synchron.simulator.mirakl.NewOrder;
import io.synchron.support.EndToEndTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A channel that invoices its sales when the marketplace accepts them: the invoice is issued once the buyer's
 * address is known, attached to the Mirakl order, announced to a finance endpoint with a verifiable signature, and
 * a cancellation after invoicing gives a credit note.
 */
class InvoicingEndToEndTest extends EndToEndTest {

  private static final String FINANCE_SECRET = "finance-secret";
  private static final List<Received> received = new CopyOnWriteArrayList<>();
  private static final AtomicInteger failNext = new AtomicInteger();
  private static HttpServer receiver;

  record Received(String eventId, String type, String signature, String body) {}

  @LocalServerPort int port;

  @DynamicPropertySource
  static void invoicing(DynamicPropertyRegistry registry) throws IOException {
    if (receiver != null) {
      receiver.stop(0);
    }
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/events", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      int status = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
      if (status == 200) {
        received.add(new Received(exchange.getRequestHeaders().getFirst("X-Synchron-Event-Id"),
            exchange.getRequestHeaders().getFirst("X-Synchron-Event-Type"),
            exchange.getRequestHeaders().getFirst("X-Synchron-Signature"), body));
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
    registry.add("synchron.channels[0].invoicing.enabled", () -> "true");
    registry.add("synchron.channels[0].invoicing.trigger", () -> "ACCEPTED");
    registry.add("synchron.channels[0].invoicing.series", () -> "FR-INV");
    registry.add("synchron.channels[0].invoicing.credit-note-series", () -> "FR-CN");
    registry.add("synchron.channels[0].invoicing.seller.name", () -> "Atelier Synchron SAS");
    registry.add("synchron.channels[0].invoicing.seller.street", () -> "10 rue de la Paix");
    registry.add("synchron.channels[0].invoicing.seller.postal-code", () -> "75002");
    registry.add("synchron.channels[0].invoicing.seller.city", () -> "Paris");
    registry.add("synchron.channels[0].invoicing.seller.country-code", () -> "FR");
    registry.add("synchron.channels[0].invoicing.seller.vat-id", () -> "FR32123456789");
    registry.add("synchron.channels[0].invoicing.seller.registration", () -> "123456789");
    registry.add("synchron.channels[0].invoicing.seller.accounting-currency", () -> "EUR");
    registry.add("synchron.finance.endpoints[0].id", () -> "erp");
    registry.add("synchron.finance.endpoints[0].url",
        () -> "http://127.0.0.1:" + receiver.getAddress().getPort() + "/events");
    registry.add("synchron.finance.endpoints[0].secret", () -> FINANCE_SECRET);
  }

  @BeforeEach
  void stock() {
    stock("SKU-1", 100_000);
    stock("SKU-2", 100_000);
    shopify.webhooks().reset();
  }

  private String paidOrder() {
    String id = mirakl.placeOrder(NewOrder.builder()
        .line("SKU-1", "Mug", 2, new BigDecimal("19.99"), new BigDecimal("20"))
        .line("SKU-2", "Livre — Ελληνικά", 1, new BigDecimal("9.50"), new BigDecimal("5.5"))
        .build());
    pollAndSettle();
    mirakl.debitCustomer(id);
    pollAndSettle();
    drain();
    return id;
  }

  private List<String> documents(String orderId) {
    return jdbc.sql("select d.number from order_document d join synced_order o on o.id = d.synced_order_id"
            + " where o.marketplace_order_id = ? order by d.created_at, d.number")
        .params(orderId).query(String.class).list();
  }

  private HttpResponse<byte[]> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void anAcceptedOrderIsInvoicedOnceItsBuyerIsKnownAttachedToMiraklAndAnnouncedToFinance() throws Exception {
    String id = paidOrder();

    assertThat(documents(id)).singleElement().satisfies(n -> assertThat(n).startsWith("FR-INV-"));
    String number = documents(id).get(0);
    assertThat(mirakl.order(id).documents()).singleElement()
        .satisfies(d -> assertThat(d.toString()).contains(number).contains("CUSTOMER_INVOICE"));
    await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(r -> r.body().contains(number)));
    Received event = received.stream().filter(r -> r.body().contains(number)).findFirst().orElseThrow();
    assertThat(event.type()).isEqualTo("invoice.issued");
    assertThat(FinanceSignature.verify(FINANCE_SECRET, event.signature(), event.body(),
        clock.instant().getEpochSecond(), 300)).isTrue();
    assertThat(FinanceSignature.verify("wrong", event.signature(), event.body(),
        clock.instant().getEpochSecond(), 300)).isFalse();
    assertThat(event.body()).contains("\"marketplaceOrderId\":\"" + id + "\"").contains("/api/documents/" + number + "/pdf");
  }

  @Test
  void theDocumentsCanBeListedAndDownloadedInEveryFormat() throws Exception {
    String id = paidOrder();
    String number = documents(id).get(0);

    assertThat(new String(get("/api/documents?marketplaceOrderId=" + id).body(), StandardCharsets.UTF_8)).contains(number);
    assertThat(new String(get("/api/documents/" + number + "/pdf").body(), 0, 5, StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    assertThat(new String(get("/api/documents/" + number + "/facturx").body(), 0, 5, StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    assertThat(new String(get("/api/documents/" + number + "/ubl").body(), StandardCharsets.UTF_8))
        .contains("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2").contains(number);
    assertThat(get("/api/documents/NOPE-1/pdf").statusCode()).isEqualTo(404);
  }

  @Test
  void theDailyJournalHasOneLinePerDocumentAndVatRate() throws Exception {
    String id = paidOrder();
    String number = documents(id).get(0);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Paris"));

    String csv = new String(get("/api/finance/journal.csv?date=" + today).body(), StandardCharsets.UTF_8);

    assertThat(csv.lines().filter(l -> l.contains(number))).hasSize(2)
        .anySatisfy(l -> assertThat(l).contains(",S,20,"))
        .anySatisfy(l -> assertThat(l).contains(",S,5.5,"));
  }

  @Test
  void aCancellationAfterInvoicingGivesACreditNoteReferencingTheInvoice() {
    String id = paidOrder();
    String invoice = documents(id).stream().filter(n -> n.startsWith("FR-INV-")).findFirst().orElseThrow();

    mirakl.cancelByOperator(id, "34");
    pollAndSettle();
    drain();

    assertThat(documents(id)).hasSize(2);
    String creditNote = documents(id).stream().filter(n -> n.startsWith("FR-CN-")).findFirst().orElseThrow();
    assertThat(jdbc.sql("select o.document_number from billing_document d join billing_document o on o.id = d.original_document_id where d.document_number = ?").params(creditNote)
        .query(String.class).optional()).hasValue(invoice);
    await().atMost(Duration.ofSeconds(10)).until(() -> received.stream()
        .anyMatch(r -> "credit_note.issued".equals(r.type()) && r.body().contains(creditNote)));
  }

  @Test
  void aFinanceEndpointThatFailsIsRetriedUntilItAnswers() {
    failNext.set(2);
    String id = paidOrder();
    String number = documents(id).get(0);

    await().atMost(Duration.ofSeconds(20)).until(() -> {
      drain();
      return received.stream().anyMatch(r -> r.body().contains(number));
    });
    assertThat(failNext.get()).isZero();
  }

  @Test
  void eventsCanBeReplayedFromAnyPoint() throws Exception {
    String id = paidOrder();
    String number = documents(id).get(0);
    await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(r -> r.body().contains(number)));
    long before = received.stream().filter(r -> r.body().contains(number)).count();
    long eventId = jdbc.sql("select id from finance_event where document_number = ?").params(number)
        .query(Long.class).single();

    HttpResponse<String> replay = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/finance/events/replay?from=" + eventId))
            .POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    settle();

    assertThat(replay.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10))
        .until(() -> received.stream().filter(r -> r.body().contains(number)).count() > before);
  }

  @Test
  void aRefundMadeOnTheMarketplaceAfterShippingGivesACreditNoteForExactlyThatAmount() throws Exception {
    String id = paidOrder();
    String invoice = documents(id).stream().filter(n -> n.startsWith("FR-INV-")).findFirst().orElseThrow();
    HttpResponse<String> shipped = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(mirakl.baseUrl() + "/api/orders/" + id + "/ship"))
            .header("Authorization", mirakl.apiKey()).PUT(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(shipped.statusCode()).isEqualTo(204);

    mirakl.refundByOperator(id, id + "-1", new BigDecimal("19.99"), BigDecimal.ZERO, "15");
    pollAndSettle();
    drain();

    String creditNote = documents(id).stream().filter(n -> n.startsWith("FR-CN-")).findFirst().orElseThrow();
    assertThat(jdbc.sql("select o.document_number from billing_document d join billing_document o"
            + " on o.id = d.original_document_id where d.document_number = ?").params(creditNote)
        .query(String.class).single()).isEqualTo(invoice);
    String body = new String(get("/api/documents?marketplaceOrderId=" + id).body(), StandardCharsets.UTF_8);
    assertThat(body).contains(creditNote).contains("19.99");

    // Seen again at the next poll, the same refund gives no second credit note.
    mirakl.confirmReceipt(id);
    pollAndSettle();
    drain();
    assertThat(documents(id).stream().filter(n -> n.startsWith("FR-CN-"))).hasSize(1);
  }

  @org.springframework.beans.factory.annotation.Autowired
  io.synchron.invoicing.MarketplaceDocumentRequests documentRequests;

  @Test
  void aMarketplaceDocumentRequestIsAnsweredWithTheInvoice() {
    mirakl.setDocumentRequests(true);
    try {
      String id = paidOrder();
      String invoice = documents(id).stream().filter(n -> n.startsWith("FR-INV-")).findFirst().orElseThrow();
      mirakl.requestDocument(id, "INVOICE");

      assertThat(documentRequests.readNow(CHANNEL)).isEqualTo(1);
      settle();

      assertThat(mirakl.documentRequests(id)).singleElement().satisfies(r -> {
        assertThat(r.state()).isEqualTo("ISSUED");
        assertThat(r.documentNumber()).isEqualTo(invoice);
      });
      assertThat(documentRequests.readNow(CHANNEL)).isZero();
    } finally {
      mirakl.setDocumentRequests(false);
    }
  }

  @Test
  void anUploadWhoseAnswerWasLostIsNotAttachedTwice() {
    mirakl.faults().enqueue("OR74", io.synchron.simulator.mirakl.Fault.applyThenStatus(502));

    String id = paidOrder();

    assertThat(mirakl.order(id).documents()).hasSize(1);
    assertThat(mirakl.callCount("OR74", id)).isEqualTo(1);
  }
}
