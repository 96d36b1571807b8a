package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.synchron.simulator.mirakl.MiraklClient.FormPart;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** OR74 (upload) and OR72 (list). */
class DocumentsTest {
  private static final byte[] PDF = "%PDF-1.7 invoice".getBytes(StandardCharsets.US_ASCII);

  private final MutableClock clock = MutableClock.at("2025-03-10T08:00:00Z");
  private MiraklSimulator simulator =
      MiraklSimulator.start(MiraklSimulator.Options.defaults().withClock(clock));
  private MiraklClient client = new MiraklClient(simulator);

  @AfterEach
  void stop() {
    simulator.close();
  }

  private HttpResponse<String> upload(
      String orderId, String metadataType, String metadata, FormPart... files) {
    List<FormPart> parts = new ArrayList<>(List.of(files));
    parts.add(FormPart.field("order_documents", metadataType, metadata));
    return client.multipart("/api/orders/" + orderId + "/documents", parts);
  }

  @Test
  void or74StoresAnInvoiceAndAnswersWithNoFailures() {
    String orderId = Fixtures.shipped(simulator, client);
    clock.advance(Duration.ofMinutes(30));

    HttpResponse<String> response =
        client.upload(orderId, "INV-0001.pdf", "CUSTOMER_INVOICE", PDF);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = MiraklClient.json(response);
    assertThat(body.get("errors_count").intValue()).isZero();
    assertThat(body.get("order_documents")).isEmpty();
    OrderView.Document document = simulator.order(orderId).documents().get(0);
    assertThat(document.fileName()).isEqualTo("INV-0001.pdf");
    assertThat(document.typeCode()).isEqualTo("CUSTOMER_INVOICE");
    assertThat(document.size()).isEqualTo(PDF.length);
    assertThat(simulator.documentContent(orderId, document.id())).isEqualTo(PDF);
    JsonNode order = client.order(orderId);
    assertThat(order.get("has_invoice").booleanValue()).isTrue();
    assertThat(order.get("last_updated_date").stringValue()).isEqualTo("2025-03-10T08:30:00Z");
  }

  @Test
  void or74ReadsTheMetadataInTheXmlFormOfMiraklsSdk() {
    String orderId = Fixtures.shipped(simulator, client);

    HttpResponse<String> response =
        upload(
            orderId,
            "application/xml",
            "<body><order_documents><order_document><file_name>a.pdf</file_name>"
                + "<type_code>CUSTOMER_INVOICE</type_code></order_document>"
                + "</order_documents></body>",
            FormPart.file("files", "a.pdf", "application/pdf", PDF));

    assertThat(MiraklClient.json(response).get("errors_count").intValue()).isZero();
    assertThat(simulator.order(orderId).documents()).hasSize(1);
  }

  @Test
  void or74ReadsTheMetadataAsABareJsonArray() {
    String orderId = Fixtures.shipped(simulator, client);

    upload(
        orderId,
        "application/json",
        "[{\"file_name\":\"a.pdf\",\"type_code\":\"CUSTOMER_INVOICE\"}]",
        FormPart.file("files", "a.pdf", "application/pdf", PDF));

    assertThat(simulator.order(orderId).documents()).hasSize(1);
  }

  @Test
  void or74RefusesMetadataGivenAsASingleObject() {
    String orderId = Fixtures.shipped(simulator, client);

    HttpResponse<String> response =
        upload(
            orderId,
            "application/json",
            "{\"file_name\":\"a.pdf\",\"type_code\":\"CUSTOMER_INVOICE\"}",
            FormPart.file("files", "a.pdf", "application/pdf", PDF));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(simulator.order(orderId).documents()).isEmpty();
  }

  @Test
  void or74StoresSeveralFilesInOneCall() {
    String orderId = Fixtures.shipped(simulator, client);

    upload(
        orderId,
        "application/json",
        "{\"order_documents\":[{\"file_name\":\"a.pdf\",\"type_code\":\"CUSTOMER_INVOICE\"},"
            + "{\"file_name\":\"b.pdf\",\"type_code\":\"CUSTOMER_INVOICE\"}]}",
        FormPart.file("files", "a.pdf", "application/pdf", PDF),
        FormPart.file("files", "b.pdf", "application/pdf", new byte[] {1, 2, 3}));

    assertThat(simulator.order(orderId).documents())
        .extracting(OrderView.Document::fileName, OrderView.Document::size)
        .containsExactly(
            tuple("a.pdf", (long) PDF.length),
            tuple("b.pdf", 3L));
  }

  @Test
  void or74ListsOnlyTheFailedDocumentsWithTheSpecsErrorForAnUnknownType() {
    String orderId = Fixtures.shipped(simulator, client);

    HttpResponse<String> response =
        upload(
            orderId,
            "application/json",
            "{\"order_documents\":[{\"file_name\":\"a.pdf\",\"type_code\":\"CUSTOMER_INVOICE\"},"
                + "{\"file_name\":\"label.pdf\",\"type_code\":\"SYSTEM_RETURN_LABEL\"}]}",
            FormPart.file("files", "a.pdf", "application/pdf", PDF),
            FormPart.file("files", "label.pdf", "application/pdf", PDF));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = MiraklClient.json(response);
    assertThat(body.get("errors_count").intValue()).isEqualTo(1);
    JsonNode failed = body.get("order_documents").get(0);
    assertThat(failed.at("/errors/0/code").stringValue()).isEqualTo("valid_order_document.type");
    assertThat(failed.at("/errors/0/field").stringValue()).isEqualTo("type_code");
    assertThat(failed.at("/input/file_name").stringValue()).isEqualTo("label.pdf");
    assertThat(simulator.order(orderId).documents())
        .extracting(OrderView.Document::fileName)
        .containsExactly("a.pdf");
  }

  @Test
  void or74RefusesTheOperatorOnlyDeliveryBill() {
    String orderId = Fixtures.shipped(simulator, client);

    JsonNode body =
        MiraklClient.json(client.upload(orderId, "bill.pdf", "SYSTEM_DELIVERY_BILL", PDF));

    assertThat(body.get("errors_count").intValue()).isEqualTo(1);
    assertThat(simulator.order(orderId).documents()).isEmpty();
  }

  @Test
  void or74RefusesAFileTypeOutsideTheSpecsList() {
    String orderId = Fixtures.shipped(simulator, client);

    JsonNode body =
        MiraklClient.json(client.upload(orderId, "invoice.exe", "CUSTOMER_INVOICE", PDF));

    assertThat(body.at("/order_documents/0/errors/0/field").stringValue()).isEqualTo("file_name");
  }

  @Test
  void or74RefusesMetadataWithoutItsFile() {
    String orderId = Fixtures.shipped(simulator, client);

    JsonNode body =
        MiraklClient.json(
            upload(
                orderId,
                "application/json",
                "{\"order_documents\":[{\"file_name\":\"other.pdf\","
                    + "\"type_code\":\"CUSTOMER_INVOICE\"}]}",
                FormPart.file("files", "a.pdf", "application/pdf", PDF)));

    assertThat(body.get("errors_count").intValue()).isEqualTo(1);
  }

  @Test
  void configuredDocumentTypesReplaceTheDefaultOnes() {
    simulator.close();
    simulator =
        MiraklSimulator.start(
            MiraklSimulator.Options.defaults().withDocumentTypes(Set.of("CREDIT_NOTE_SHOP")));
    client = new MiraklClient(simulator);
    String orderId = Fixtures.shipped(simulator, client);

    JsonNode credit = MiraklClient.json(client.upload(orderId, "c.pdf", "CREDIT_NOTE_SHOP", PDF));
    JsonNode invoice = MiraklClient.json(client.upload(orderId, "i.pdf", "CUSTOMER_INVOICE", PDF));

    assertThat(credit.get("errors_count").intValue()).isZero();
    assertThat(invoice.get("errors_count").intValue()).isEqualTo(1);
  }

  @Test
  void or74WithoutTheMetadataPartIsABadRequest() {
    String orderId = Fixtures.shipped(simulator, client);

    HttpResponse<String> response =
        client.multipart(
            "/api/orders/" + orderId + "/documents",
            List.of(FormPart.file("files", "a.pdf", "application/pdf", PDF)));

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void or74ThatIsNotMultipartIsABadRequest() {
    String orderId = Fixtures.shipped(simulator, client);

    assertThat(client.post("/api/orders/" + orderId + "/documents", "{}").statusCode())
        .isEqualTo(400);
  }

  @Test
  void or74OnAnUnknownOrderIsNotFound() {
    HttpResponse<String> response = client.upload("Nope-A", "a.pdf", "CUSTOMER_INVOICE", PDF);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(MiraklClient.errorCode(response)).isEqualTo("ORDER_NOT_FOUND");
  }

  @Test
  void or72ListsTheDocumentsOfTheGivenOrders() {
    String first = Fixtures.shipped(simulator, client);
    String second = Fixtures.shipped(simulator, client);
    String third = Fixtures.shipped(simulator, client);
    client.upload(first, "one.pdf", "CUSTOMER_INVOICE", PDF);
    client.upload(second, "two.pdf", "CUSTOMER_INVOICE", new byte[] {7});
    client.upload(third, "three.pdf", "CUSTOMER_INVOICE", PDF);

    HttpResponse<String> response =
        client.get("/api/orders/documents?order_ids=" + first + "," + second);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = MiraklClient.json(response);
    assertThat(body.get("total_count").intValue()).isEqualTo(2);
    JsonNode listed = body.get("order_documents").get(1);
    assertThat(listed.get("order_id").stringValue()).isEqualTo(second);
    assertThat(listed.get("file_name").stringValue()).isEqualTo("two.pdf");
    assertThat(listed.get("type").stringValue()).isEqualTo("CUSTOMER_INVOICE");
    assertThat(listed.get("file_size").intValue()).isEqualTo(1);
    assertThat(listed.get("id").longValue())
        .isEqualTo(simulator.order(second).documents().get(0).id());
    assertThat(listed.get("date_uploaded").stringValue()).isEqualTo("2025-03-10T08:00:00Z");
  }

  @Test
  void or72WithoutOrderIdsIsABadRequest() {
    assertThat(client.get("/api/orders/documents").statusCode()).isEqualTo(400);
  }

  @Test
  void callCountTellsHowOftenDocumentsWereUploadedForAnOrder() {
    String orderId = Fixtures.shipped(simulator, client);
    client.upload(orderId, "a.pdf", "CUSTOMER_INVOICE", PDF);

    assertThat(simulator.callCount("OR74", orderId)).isEqualTo(1);
  }
}
