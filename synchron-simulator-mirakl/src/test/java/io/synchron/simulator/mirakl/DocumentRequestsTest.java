package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synchron.simulator.mirakl.MiraklClient.FormPart;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Accounting document requests: DR11 (list), DR12 (lines) and DR74 (upload). */
class DocumentRequestsTest {
  static final String REQUESTS = "/api/document-request/requests";
  static final String UPLOAD = "/api/document-request/documents/upload";
  private static final byte[] PDF = "%PDF-1.7 invoice".getBytes(StandardCharsets.US_ASCII);

  private final MutableClock clock = MutableClock.at("2025-03-10T08:00:00Z");
  private final MiraklSimulator simulator =
      MiraklSimulator.start(
          MiraklSimulator.Options.defaults().withClock(clock).withDocumentRequests(true));
  private final MiraklClient client = new MiraklClient(simulator);

  @AfterEach
  void stop() {
    simulator.close();
  }

  static String input(String requestId, String number, String fileName) {
    return "{\"requests\":[{\"request_id\":\""
        + requestId
        + "\",\"document_number\":\""
        + number
        + "\",\"issue_date\":\"2025-03-11T09:00:00Z\",\"due_date\":\"2025-04-10T09:00:00Z\","
        + "\"total_amount_excluding_taxes\":45.32,\"total_tax_amount\":9.06,"
        + "\"files\":[{\"format\":\"PDF\",\"name\":\""
        + fileName
        + "\"}]}]}";
  }

  static HttpResponse<String> upload(MiraklClient client, String documentsInput, String... files) {
    List<FormPart> parts = new ArrayList<>();
    for (String file : files) {
      parts.add(FormPart.file("files", file, "application/pdf", PDF));
    }
    parts.add(FormPart.field("documents_input", "application/json", documentsInput));
    return client.multipart(UPLOAD, parts);
  }

  private JsonNode requests(String query) {
    HttpResponse<String> response = client.get(REQUESTS + query);
    assertThat(response.statusCode()).isEqualTo(200);
    return MiraklClient.json(response);
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    for (JsonNode request : page.get("data")) {
      ids.add(request.get("id").stringValue());
    }
    return ids;
  }

  @Test
  void anInvoiceRequestIsToProcessWithTheOrdersAmountsExcludingAndIncludingTaxes() {
    String orderId = Fixtures.shipped(simulator, client);

    String id = simulator.requestDocument(orderId, "INVOICE");

    assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    JsonNode request = requests("").get("data").get(0);
    assertThat(request.get("id").stringValue()).isEqualTo(id);
    assertThat(request.get("type").stringValue()).isEqualTo("INVOICE");
    assertThat(request.get("state").stringValue()).isEqualTo("TO_PROCESS");
    assertThat(request.get("entity_type").stringValue()).isEqualTo("PRODUCT_LOGISTIC_ORDER");
    assertThat(request.get("entity_id").stringValue()).isEqualTo(orderId);
    assertThat(request.get("currency_iso_code").stringValue()).isEqualTo("EUR");
    assertThat(request.get("total_amount_excluding_taxes").decimalValue())
        .isEqualByComparingTo("45.32");
    assertThat(request.get("total_tax_amount").decimalValue()).isEqualByComparingTo("9.06");
    assertThat(request.get("total_amount_including_taxes").decimalValue())
        .isEqualByComparingTo("54.38");
    JsonNode tax = request.get("taxes").get(0);
    assertThat(tax.get("code").stringValue()).isEqualTo("VAT");
    assertThat(tax.get("rate").decimalValue()).isEqualByComparingTo("20");
    assertThat(tax.get("total_amount").decimalValue()).isEqualByComparingTo("9.06");
    assertThat(request.get("document_details").get(0).get("format").stringValue())
        .isEqualTo("PDF");
    assertThat(request.has("document_number")).isFalse();
    assertThat(request.get("date_created").stringValue()).isEqualTo("2025-03-10T08:00:00Z");
    assertThat(simulator.documentRequests(orderId))
        .containsExactly(
            new DocumentRequestView(
                id,
                orderId,
                "INVOICE",
                "TO_PROCESS",
                null,
                0,
                new BigDecimal("45.32"),
                new BigDecimal("9.06"),
                new BigDecimal("54.38")));
  }

  @Test
  void dr11PagesWithLimitAndPageTokenNewestFirst() {
    String first = simulator.requestDocument(Fixtures.shipped(simulator, client), "INVOICE");
    clock.advance(Duration.ofMinutes(1));
    String second = simulator.requestDocument(Fixtures.shipped(simulator, client), "INVOICE");
    clock.advance(Duration.ofMinutes(1));
    String third = simulator.requestDocument(Fixtures.shipped(simulator, client), "INVOICE");

    JsonNode page1 = requests("?limit=2");
    JsonNode page2 = requests("?limit=2&page_token=" + page1.get("next_page_token").stringValue());

    assertThat(ids(page1)).containsExactly(third, second);
    assertThat(page1.has("previous_page_token")).isFalse();
    assertThat(ids(page2)).containsExactly(first);
    assertThat(page2.has("next_page_token")).isFalse();
    assertThat(page2.has("previous_page_token")).isTrue();
    assertThat(ids(requests("?sort=dateCreated,ASC"))).containsExactly(first, second, third);
  }

  @Test
  void dr11FiltersByStateTypeAndEntity() {
    String orderA = Fixtures.shipping(simulator, client);
    String orderB = Fixtures.shipped(simulator, client);
    String invoiceA = simulator.requestDocument(orderA, "INVOICE");
    String invoiceB = simulator.requestDocument(orderB, "INVOICE");
    upload(client, input(invoiceB, "INV-B", "b.pdf"), "b.pdf");
    simulator.cancelByCustomer(orderA);
    String creditA = simulator.requestDocument(orderA, "CREDIT_NOTE");

    assertThat(ids(requests("?entity_id=" + orderA + "&entity_type=PRODUCT_LOGISTIC_ORDER")))
        .containsExactlyInAnyOrder(invoiceA, creditA);
    assertThat(ids(requests("?state=TO_PROCESS&type=INVOICE"))).containsExactly(invoiceA);
    assertThat(ids(requests("?state=ISSUED&state=CANCELED"))).containsExactly(invoiceB);
    assertThat(ids(requests("?type=CREDIT_NOTE"))).containsExactly(creditA);
    assertThat(ids(requests("?document_number=INV-B"))).containsExactly(invoiceB);
    assertThat(ids(requests("?id=" + invoiceA))).containsExactly(invoiceA);
    assertThat(ids(requests("?entity_type=FEES"))).isEmpty();
    assertThat(ids(requests("?issuer_type=OPERATOR"))).isEmpty();
  }

  @Test
  void dr11RejectsAnEntityIdWithoutEntityTypeAndUnknownEnumValues() {
    HttpResponse<String> noType = client.get(REQUESTS + "?entity_id=X-A");
    HttpResponse<String> badState = client.get(REQUESTS + "?state=DONE");
    HttpResponse<String> badToken = client.get(REQUESTS + "?page_token=nope");

    assertThat(noType.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.json(noType).get("errors").get(0).get("field").stringValue())
        .isEqualTo("entity_type");
    assertThat(badState.statusCode()).isEqualTo(400);
    assertThat(badToken.statusCode()).isEqualTo(400);
  }

  @Test
  void dr12ListsTheInvoiceLinesWithPricesExcludingTaxesAndTheirTaxes() {
    String orderId = Fixtures.shipped(simulator, client);
    String id = simulator.requestDocument(orderId, "INVOICE");

    HttpResponse<String> response = client.get("/api/document-request/" + id + "/lines");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode lines = MiraklClient.json(response).get("data");
    assertThat(lines).hasSize(2);
    JsonNode mugs = lines.get(0);
    assertThat(mugs.get("entity_type").stringValue()).isEqualTo("PRODUCT_DEBIT");
    assertThat(mugs.get("entity_id").stringValue()).isEqualTo(orderId + "-1");
    assertThat(mugs.get("order_line").get("id").stringValue()).isEqualTo(orderId + "-1");
    assertThat(mugs.get("order").get("id").stringValue()).isEqualTo(orderId);
    assertThat(mugs.get("quantity").intValue()).isEqualTo(2);
    assertThat(mugs.get("price_excluding_taxes").decimalValue()).isEqualByComparingTo("33.32");
    assertThat(mugs.get("unit_price_excluding_taxes").decimalValue())
        .isEqualByComparingTo("16.66");
    assertThat(mugs.get("shipping_price_excluding_taxes").decimalValue())
        .isEqualByComparingTo("3.30");
    assertThat(mugs.get("total_price_including_taxes").decimalValue())
        .isEqualByComparingTo("43.94");
    assertThat(mugs.get("taxes").get(0).get("amount").decimalValue()).isEqualByComparingTo("6.66");
    assertThat(mugs.get("shipping_taxes").get(0).get("amount").decimalValue())
        .isEqualByComparingTo("0.66");
    assertThat(mugs.get("product").get("sku").stringValue()).isEqualTo("SKU-1");
  }

  @Test
  void dr12AnswersNotFoundForAnUnknownRequest() {
    HttpResponse<String> response =
        client.get("/api/document-request/00000000-0000-0000-0000-000000000000/lines");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(MiraklClient.errorCode(response)).isEqualTo("DOCUMENT_REQUEST_NOT_FOUND");
  }

  @Test
  void dr74IssuesTheRequestAndStoresItsNumberAndFiles() {
    String orderId = Fixtures.shipped(simulator, client);
    String id = simulator.requestDocument(orderId, "INVOICE");
    clock.advance(Duration.ofHours(1));

    HttpResponse<String> response =
        upload(client, input(id, "INV-0001", "INV-0001.pdf"), "INV-0001.pdf");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode answer = MiraklClient.json(response).get("requests").get(0);
    assertThat(answer.has("errors")).isFalse();
    assertThat(answer.get("input").get("request_id").stringValue()).isEqualTo(id);
    assertThat(answer.get("input").get("document_number").stringValue()).isEqualTo("INV-0001");
    DocumentRequestView view = simulator.documentRequests(orderId).get(0);
    assertThat(view.state()).isEqualTo("ISSUED");
    assertThat(view.documentNumber()).isEqualTo("INV-0001");
    assertThat(view.filesCount()).isEqualTo(1);
    assertThat(simulator.documentRequestFile(id, "INV-0001.pdf")).isEqualTo(PDF);
    JsonNode listed = requests("?id=" + id).get("data").get(0);
    assertThat(listed.get("document_number").stringValue()).isEqualTo("INV-0001");
    assertThat(listed.get("document_upload_date").stringValue()).isEqualTo("2025-03-10T09:00:00Z");
    assertThat(listed.get("issue_date").stringValue()).isEqualTo("2025-03-11T09:00:00Z");
    assertThat(listed.get("last_updated").stringValue()).isEqualTo("2025-03-10T09:00:00Z");
  }

  @Test
  void dr74RefusesAnUnknownRequestOneAlreadyIssuedAndAFileNotSent() {
    String orderId = Fixtures.shipped(simulator, client);
    String id = simulator.requestDocument(orderId, "INVOICE");
    upload(client, input(id, "INV-1", "a.pdf"), "a.pdf");

    JsonNode unknown =
        MiraklClient.json(upload(client, input("no-such-request", "INV-2", "b.pdf"), "b.pdf"));
    JsonNode issued = MiraklClient.json(upload(client, input(id, "INV-3", "c.pdf"), "c.pdf"));
    String other = simulator.requestDocument(orderId, "INVOICE");
    JsonNode missingFile =
        MiraklClient.json(upload(client, input(other, "INV-4", "d.pdf"), "elsewhere.pdf"));

    assertThat(errorCodes(unknown)).containsExactly("DOCUMENT_REQUEST_NOT_FOUND");
    assertThat(errorCodes(issued)).containsExactly("DOCUMENT_REQUEST_INVALID_STATE");
    assertThat(errorCodes(missingFile)).containsExactly("FILE_NOT_FOUND");
    assertThat(missingFile.get("requests").get(0).get("errors").get(0).get("field").stringValue())
        .isEqualTo("requests[0].files[0].name");
    assertThat(simulator.documentRequests(orderId))
        .extracting(DocumentRequestView::documentNumber, DocumentRequestView::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("INV-1", "ISSUED"),
            org.assertj.core.groups.Tuple.tuple(null, "TO_PROCESS"));
  }

  @Test
  void dr74RefusesAFormatTheRequestDoesNotRequire() {
    String id = simulator.requestDocument(Fixtures.shipped(simulator, client), "INVOICE");
    String cxml = input(id, "INV-1", "a.xml").replace("\"PDF\"", "\"cXML\"");

    JsonNode body = MiraklClient.json(upload(client, cxml, "a.xml"));

    assertThat(errorCodes(body))
        .containsExactly("INVALID_DOCUMENT_FORMAT", "MISSING_DOCUMENT_FORMAT");
  }

  @Test
  void dr74AnswersBadRequestWithoutDocumentsInputOrWithFilesNotAnArray() {
    String id = simulator.requestDocument(Fixtures.shipped(simulator, client), "INVOICE");

    HttpResponse<String> noInput =
        client.multipart(UPLOAD, List.of(FormPart.file("files", "a.pdf", "application/pdf", PDF)));
    HttpResponse<String> filesNotArray =
        upload(
            client,
            "{\"requests\":[{\"request_id\":\""
                + id
                + "\",\"document_number\":\"N\",\"files\":\"a.pdf\"}]}",
            "a.pdf");

    assertThat(noInput.statusCode()).isEqualTo(400);
    assertThat(filesNotArray.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.errorCode(filesNotArray)).isEqualTo("INVALID_FIELD_TYPE");
    assertThat(MiraklClient.json(filesNotArray).get("errors").get(0).get("field").stringValue())
        .isEqualTo("requests[0].files");
  }

  @Test
  void aCreditNoteCoversTheCancellationsAndNamesTheIssuedInvoice() {
    String orderId = Fixtures.shipping(simulator, client);
    String invoice = simulator.requestDocument(orderId, "INVOICE");
    upload(client, input(invoice, "INV-9", "inv.pdf"), "inv.pdf");
    simulator.cancelByCustomer(orderId);

    String credit = simulator.requestDocument(orderId, "CREDIT_NOTE");

    JsonNode request = requests("?id=" + credit).get("data").get(0);
    assertThat(request.get("type").stringValue()).isEqualTo("CREDIT_NOTE");
    assertThat(request.get("total_amount_including_taxes").decimalValue())
        .isEqualByComparingTo("54.38");
    JsonNode initial = request.get("initial_documents").get(0);
    assertThat(initial.get("id").stringValue()).isEqualTo(invoice);
    assertThat(initial.get("number").stringValue()).isEqualTo("INV-9");
    JsonNode lines = MiraklClient.json(client.get("/api/document-request/" + credit + "/lines"));
    assertThat(lines.get("data")).hasSize(2);
    assertThat(lines.get("data").get(0).get("entity_type").stringValue())
        .isEqualTo("PRODUCT_CREDIT_CANCEL");
  }

  @Test
  void requestDocumentRefusesAnUnknownTypeOrderOrACreditNoteWithNothingToCredit() {
    String orderId = Fixtures.shipped(simulator, client);

    assertThatThrownBy(() -> simulator.requestDocument(orderId, "RECEIPT"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> simulator.requestDocument("Nope-A", "INVOICE"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> simulator.requestDocument(orderId, "CREDIT_NOTE"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void everyDocumentRequestEndpointAnswersNotFoundWhenTheOperatorDoesNotUseThem() {
    String orderId = Fixtures.shipped(simulator, client);
    String id = simulator.requestDocument(orderId, "INVOICE");
    simulator.setDocumentRequests(false);

    assertThat(client.get(REQUESTS).statusCode()).isEqualTo(404);
    assertThat(client.get("/api/document-request/" + id + "/lines").statusCode()).isEqualTo(404);
    assertThat(upload(client, input(id, "INV-1", "a.pdf"), "a.pdf").statusCode()).isEqualTo(404);
    assertThat(simulator.documentRequests(orderId).get(0).state()).isEqualTo("TO_PROCESS");
  }

  @Test
  void theOptionIsOffByDefault() {
    try (MiraklSimulator plain = MiraklSimulator.start(MiraklSimulator.Options.defaults())) {
      HttpResponse<String> response = new MiraklClient(plain).get(REQUESTS);

      assertThat(plain.documentRequests(plain.placeOrder(Fixtures.mugsAndPlate()))).isEmpty();
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(MiraklClient.json(response).get("status").intValue()).isEqualTo(404);
    }
  }

  @Test
  void faultsAndTheJournalUseTheDrOperationCodesAndCountCallsPerOrder() {
    String orderId = Fixtures.shipped(simulator, client);
    String id = simulator.requestDocument(orderId, "INVOICE");
    simulator.faults().enqueue("DR74", Fault.status(503));
    simulator.faults().enqueue("DR12", Fault.status(500));
    simulator.faults().enqueue("DR11", Fault.status(502));

    assertThat(upload(client, input(id, "INV-1", "a.pdf"), "a.pdf").statusCode()).isEqualTo(503);
    assertThat(upload(client, input(id, "INV-1", "a.pdf"), "a.pdf").statusCode()).isEqualTo(200);
    assertThat(client.get("/api/document-request/" + id + "/lines").statusCode()).isEqualTo(500);
    assertThat(
            client
                .get(REQUESTS + "?entity_id=" + orderId + "&entity_type=PRODUCT_LOGISTIC_ORDER")
                .statusCode())
        .isEqualTo(502);
    client.get(REQUESTS + "?id=" + id);

    assertThat(simulator.callCount("DR74", orderId)).isEqualTo(2);
    assertThat(simulator.callCount("DR12", orderId)).isEqualTo(1);
    assertThat(simulator.callCount("DR11", orderId)).isEqualTo(2);
    assertThat(simulator.faults().pending("DR11")).isZero();
    assertThat(simulator.documentRequests(orderId).get(0).state()).isEqualTo("ISSUED");
  }

  private static List<String> errorCodes(JsonNode dr74Body) {
    List<String> codes = new ArrayList<>();
    for (JsonNode request : dr74Body.get("requests")) {
      for (JsonNode error : request.path("errors")) {
        codes.add(error.get("code").stringValue());
      }
    }
    return codes;
  }
}
