package io.synchron.connector.mirakl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synchron.connector.MarketplaceConnector.MarketplaceReturn;
import io.synchron.connector.MarketplaceConnector.OrderPage;
import io.synchron.connector.MarketplaceConnector.ReturnLine;
import io.synchron.connector.PlatformException;
import io.synchron.contracts.MiraklSellerSpec;
import io.synchron.order.MarketplaceOrder;
import io.synchron.shared.Failure;
import io.synchron.simulator.mirakl.Fault;
import io.synchron.simulator.mirakl.MiraklSimulator;
import io.synchron.simulator.mirakl.NewOrder;
import io.synchron.simulator.mirakl.RecordedExchange;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The requests Synchron's Mirakl client builds, and the answers it reads (orders, shipments, documents, returns),
 * conform to Mirakl's published seller OpenAPI spec (read from ../shared/specs/mirakl; the test is skipped, saying
 * so, when that folder is absent).
 */
class MiraklConnectorContractTest {

  private MiraklSimulator simulator;
  private MiraklConnector connector;
  private MiraklSellerSpec spec;

  @BeforeEach
  void start() {
    spec = MiraklSellerSpec.requireOrSkip();
    simulator = MiraklSimulator.start(MiraklSimulator.Options.defaults().withShopId(2042L));
    connector =
        new MiraklConnector("fr", URI.create(simulator.baseUrl()), simulator.apiKey(), 2042L, Duration.ofSeconds(5),
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
  }

  @AfterEach
  void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  private void assertEveryExchangeConforms() {
    List<RecordedExchange> journal = simulator.journal();
    assertThat(journal).isNotEmpty();
    for (RecordedExchange e : journal) {
      String contentType = e.requestHeaders().getOrDefault("Content-Type", List.of("application/json")).get(0);
      assertThat(spec.validateRequest(e.method(), e.path(), e.rawQuery(), contentType, e.requestBody()))
          .as("request %s %s?%s", e.method(), e.path(), e.rawQuery())
          .isEmpty();
      String responseType = e.responseHeaders().getOrDefault("Content-Type", List.of("application/json")).get(0);
      assertThat(spec.validateResponse(e.method(), e.path(), e.status(), responseType, e.responseBody()))
          .as("response %s to %s %s", e.status(), e.method(), e.path())
          .isEmpty();
    }
  }

  @Test
  void incrementalReadsConformToOr11AndAreReadWhole() {
    for (int i = 0; i < 130; i++) {
      simulator.placeOrder(NewOrder.builder()
          .currency(i % 10 == 0 ? "KWD" : "EUR")
          .taxMode(i % 2 == 0 ? NewOrder.TAX_INCLUDED : NewOrder.TAX_EXCLUDED)
          .line("SKU-" + i, "Product " + i, 1 + i % 3, new BigDecimal(i % 10 == 0 ? "12.345" : "12.34"),
              new BigDecimal("20"))
          .line("SKU-FREE", "Sample", 1, BigDecimal.ZERO, new BigDecimal("20"))
          .build());
    }

    OrderPage first = connector.updatedOrders(Instant.now().minusSeconds(3600), 0, 100);
    OrderPage second = connector.updatedOrders(Instant.now().minusSeconds(3600), 100, 100);

    assertThat(first.totalCount()).isEqualTo(130);
    assertThat(first.orders()).hasSize(100);
    assertThat(second.orders()).hasSize(30);
    MarketplaceOrder order = connector.read(first.orders().get(0));
    assertThat(order.lines()).hasSize(2);
    assertThat(order.lines().get(0).taxes()).isNotEmpty();
    assertEveryExchangeConforms();
  }

  @Test
  void acceptanceConformsToOr21() {
    String id = simulator.placeOrder(NewOrder.builder().line("SKU-1", "Mug", 2, new BigDecimal("9.90")).build());
    MarketplaceOrder order = connector.currentOrder(id).orElseThrow();

    connector.decide(id, order.lines().stream().map(MarketplaceOrder.Line::lineId).toList(), true);

    assertThat(simulator.order(id).state()).isEqualTo("WAITING_DEBIT_PAYMENT");
    assertThat(simulator.journal().get(1).requestHeaders().get("Authorization")).containsExactly(simulator.apiKey());
    assertThat(simulator.journal().get(1).rawQuery()).isEqualTo("shop_id=2042");
    assertEveryExchangeConforms();
  }

  @Test
  void aWrongStateAcceptanceIsAPermanentFailureWithMiraklsCode() {
    String id = simulator.placeOrder(NewOrder.builder().line("SKU-1", "Mug", 1, new BigDecimal("9.90")).build());
    List<String> lines = connector.currentOrder(id).orElseThrow().lines().stream().map(MarketplaceOrder.Line::lineId).toList();
    connector.decide(id, lines, true);

    assertThatThrownBy(() -> connector.decide(id, lines, true))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.platformCode()).isEqualTo("ORDER_INVALID_STATE");
          assertThat(e.failure()).isInstanceOf(Failure.Permanent.class);
        });
    assertEveryExchangeConforms();
  }

  @Test
  void tooManyRequestsIsARetryAfterTheDelayMiraklGives() {
    simulator.faults().enqueue("OR11", Fault.rateLimited(Duration.ofSeconds(42)));

    assertThatThrownBy(() -> connector.updatedOrders(Instant.now(), 0, 100))
        .isInstanceOfSatisfying(PlatformException.class, e ->
            assertThat(e.failure()).isEqualTo(new Failure.RetryAfter(Duration.ofSeconds(42), e.getMessage())));
  }

  @Test
  void serverErrorsAreRetriedAndAuthenticationFailuresAreNot() {
    simulator.faults().enqueue("OR11", Fault.status(503));
    assertThatThrownBy(() -> connector.updatedOrders(Instant.now(), 0, 100))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.failure()).isInstanceOf(Failure.Retry.class));

    MiraklConnector wrongKey = new MiraklConnector("fr", URI.create(simulator.baseUrl()), "not-the-key", null,
        Duration.ofSeconds(5), HttpClient.newHttpClient());
    assertThatThrownBy(() -> wrongKey.updatedOrders(Instant.now(), 0, 100))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.status()).isEqualTo(401);
          assertThat(e.failure()).isInstanceOf(Failure.Permanent.class);
        });
  }

  private String shippingOrder(MiraklSimulator sim, MiraklConnector client) {
    String id = sim.placeOrder(NewOrder.builder()
        .line("SKU-1", "Mug", 2, new BigDecimal("9.90"))
        .line("SKU-2", "Plate", 1, new BigDecimal("4.50"))
        .build());
    List<String> lines = client.currentOrder(id).orElseThrow().lines().stream().map(MarketplaceOrder.Line::lineId).toList();
    client.decide(id, lines, true);
    sim.debitCustomer(id);
    return id;
  }

  @Test
  void referenceDataReadsConformToSh21AndRe01() {
    assertThat(connector.carriers()).extracting(c -> c.code()).contains("UPS", "COLISSIMO");
    assertThat(connector.reasons("CANCELATION")).isNotEmpty().allMatch(r -> r.type().equals("CANCELATION"));
    assertEveryExchangeConforms();
  }

  @Test
  void trackingAndShipmentValidationConformToOr23AndOr24() {
    String id = shippingOrder(simulator, connector);

    connector.setTracking(id, new io.synchron.connector.MarketplaceConnector.CarrierTracking("UPS", "UPS", null, "1Z1"));
    connector.setTracking(id, new io.synchron.connector.MarketplaceConnector.CarrierTracking(
        null, "Bob's Couriers", "https://bob.example/B1", "B1"));
    connector.confirmShipment(id);

    assertThat(simulator.order(id).state()).isEqualTo("SHIPPED");
    assertEveryExchangeConforms();
  }

  @Test
  void lineCancellationsConformToOr30() {
    String id = shippingOrder(simulator, connector);
    MarketplaceOrder order = connector.currentOrder(id).orElseThrow();
    String reason = connector.reasons("CANCELATION").get(0).code();

    MarketplaceOrder.Line plate = order.lines().get(1);
    connector.cancelLines(id, List.of(new io.synchron.connector.MarketplaceConnector.LineCancellation(
        plate.lineId(), 1, plate.price(), plate.shippingPrice(), plate.taxes(), plate.shippingTaxes(), reason)));

    assertThat(connector.currentOrder(id).orElseThrow().lines().get(1).rawState()).isEqualTo("CANCELED");
    assertEveryExchangeConforms();
  }

  @Test
  void multipleShipmentsConformToSt01St11AndSt23() {
    MiraklSimulator multi = MiraklSimulator.start(MiraklSimulator.Options.defaults().withMultiShipment(true));
    try {
      MiraklConnector client = new MiraklConnector("fr", URI.create(multi.baseUrl()), multi.apiKey(), null,
          Duration.ofSeconds(5), HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
      String id = shippingOrder(multi, client);
      MarketplaceOrder order = client.currentOrder(id).orElseThrow();

      String shipment = client.createShipment(id, java.util.Map.of(order.lines().get(0).lineId(), 2),
          new io.synchron.connector.MarketplaceConnector.CarrierTracking("UPS", "UPS", null, "1ZA"));
      client.updateShipmentTracking(shipment,
          new io.synchron.connector.MarketplaceConnector.CarrierTracking("UPS", "UPS", null, "1ZB"));

      assertThat(client.shipments(id)).singleElement().satisfies(s -> {
        assertThat(s.id()).isEqualTo(shipment);
        assertThat(s.trackingNumber()).isEqualTo("1ZB");
      });
      for (RecordedExchange e : multi.journal()) {
        String type = e.requestHeaders().getOrDefault("Content-Type", List.of("application/json")).get(0);
        assertThat(spec.validateRequest(e.method(), e.path(), e.rawQuery(), type, e.requestBody()))
            .as("request %s %s", e.method(), e.path()).isEmpty();
        String responseType = e.responseHeaders().getOrDefault("Content-Type", List.of("application/json")).get(0);
        assertThat(spec.validateResponse(e.method(), e.path(), e.status(), responseType, e.responseBody()))
            .as("response to %s %s", e.method(), e.path()).isEmpty();
      }
    } finally {
      multi.close();
    }
  }

  @Test
  void withoutMultipleShipmentsTheConnectorSaysSo() {
    String id = shippingOrder(simulator, connector);
    assertThatThrownBy(() -> connector.createShipment(id, java.util.Map.of(id + "-1", 1),
            new io.synchron.connector.MarketplaceConnector.CarrierTracking("UPS", "UPS", null, "1Z")))
        .isInstanceOf(io.synchron.connector.MultiShipmentUnavailableException.class);
  }

  @Test
  void documentUploadsConformToOr74AndRefusalsAreReported() {
    String id = shippingOrder(simulator, connector);
    byte[] pdf = "%PDF-1.7 invoice".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    assertThat(connector.uploadDocument(id, "invoice-INV-1.pdf", "CUSTOMER_INVOICE", pdf)).isEmpty();
    assertThat(connector.uploadDocument(id, "note.pdf", "NOT_A_DOCUMENT_TYPE", pdf)).singleElement()
        .satisfies(e -> assertThat(e).contains("type_code"));

    assertThat(simulator.order(id).documents()).hasSize(1);
    assertThat(connector.documentFileNames(id)).containsExactly("invoice-INV-1.pdf");
    assertEveryExchangeConforms();
  }

  @Test
  void documentRequestsConformToDr11AndDr74() {
    MiraklSimulator withRequests = MiraklSimulator.start(MiraklSimulator.Options.defaults().withDocumentRequests(true));
    try {
      MiraklConnector client = new MiraklConnector("fr", URI.create(withRequests.baseUrl()), withRequests.apiKey(), null,
          Duration.ofSeconds(5), HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
      String id = shippingOrder(withRequests, client);
      String request = withRequests.requestDocument(id, "INVOICE");

      var open = client.openDocumentRequests();
      assertThat(open).singleElement().satisfies(r -> {
        assertThat(r.id()).isEqualTo(request);
        assertThat(r.orderId()).isEqualTo(id);
        assertThat(r.type()).isEqualTo("INVOICE");
      });
      assertThat(client.answerDocumentRequest(request, "FR-INV-000001", java.time.LocalDate.of(2026, 11, 26),
          open.get(0).totalExcludingTaxes(), open.get(0).totalTax(), "FR-INV-000001.pdf",
          "%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isEmpty();
      assertThat(client.answerDocumentRequest(request, "FR-INV-000002", java.time.LocalDate.of(2026, 11, 26),
          open.get(0).totalExcludingTaxes(), open.get(0).totalTax(), "FR-INV-000002.pdf",
          "%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isNotEmpty();
      for (RecordedExchange e : withRequests.journal()) {
        String type = e.requestHeaders().getOrDefault("Content-Type", List.of("application/json")).get(0);
        assertThat(spec.validateRequest(e.method(), e.path(), e.rawQuery(), type, e.requestBody()))
            .as("request %s %s", e.method(), e.path()).isEmpty();
        String responseType = e.responseHeaders().getOrDefault("Content-Type", List.of("application/json")).get(0);
        assertThat(spec.validateResponse(e.method(), e.path(), e.status(), responseType, e.responseBody()))
            .as("response to %s %s", e.method(), e.path()).isEmpty();
      }
    } finally {
      withRequests.close();
    }
  }

  @Test
  void refundsConformToOr28WithTaxesPerCodeAndReturnTheirIds() {
    String id = shippedOrder(simulator, connector);
    MarketplaceOrder order = connector.currentOrder(id).orElseThrow();
    MarketplaceOrder.Line line = order.lines().get(0);
    MarketplaceOrder.Tax tax = line.taxes().get(0);

    List<io.synchron.connector.MarketplaceConnector.CreatedRefund> created = connector.refundLines(List.of(
        new io.synchron.connector.MarketplaceConnector.LineRefund(line.lineId(), 1, new BigDecimal("5.00"),
            BigDecimal.ZERO, List.of(new MarketplaceOrder.Tax(tax.code(), tax.rate(), new BigDecimal("0.83"))),
            List.of(), "15")), order.taxMode(), order.currency());

    assertThat(created).singleElement().satisfies(r -> {
      assertThat(r.refundId()).isNotBlank();
      assertThat(r.lineId()).isEqualTo(line.lineId());
      assertThat(r.amount()).isEqualByComparingTo("5.00");
    });
    assertThat(connector.currentOrder(id).orElseThrow().lines().get(0).refunds()).singleElement()
        .satisfies(r -> assertThat(r.id()).isEqualTo(created.get(0).refundId()));
    assertEveryExchangeConforms();
  }

  @Test
  void aRefundTheOperatorDoesNotTakeInTheOrdersStateIsAPermanentFailureWithItsMessage() {
    simulator.close();
    simulator = MiraklSimulator.start(MiraklSimulator.Options.defaults().withShopId(2042L)
        .withRefundableStates(java.util.Set.of("SHIPPED")));
    connector = new MiraklConnector("fr", URI.create(simulator.baseUrl()), simulator.apiKey(), 2042L,
        Duration.ofSeconds(5), HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    String id = shippedOrder(simulator, connector);
    simulator.confirmReceipt(id);
    MarketplaceOrder order = connector.currentOrder(id).orElseThrow();
    MarketplaceOrder.Line line = order.lines().get(0);

    assertThatThrownBy(() -> connector.refundLines(List.of(new io.synchron.connector.MarketplaceConnector.LineRefund(
        line.lineId(), 1, new BigDecimal("5.00"), BigDecimal.ZERO, List.of(), List.of(), "15")), order.taxMode(),
        order.currency()))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.getMessage()).contains("RECEIVED");
          assertThat(e.failure()).isInstanceOf(Failure.Permanent.class);
        });
  }

  @Test
  void resolvingAnIncidentConformsToOr64() {
    String id = shippedOrder(simulator, connector);
    String line = connector.currentOrder(id).orElseThrow().lines().get(0).lineId();
    simulator.openIncident(id, line, "2");
    assertThat(connector.currentOrder(id).orElseThrow().lines().get(0).rawState()).isEqualTo("INCIDENT_OPEN");

    connector.resolveIncident(id, line, "8");

    assertThat(connector.currentOrder(id).orElseThrow().lines().get(0).rawState()).isEqualTo("SHIPPED");
    assertEveryExchangeConforms();
  }

  @Test
  void anOperatorWithoutDocumentRequestsHasNone() {
    assertThat(connector.openDocumentRequests()).isEmpty();
  }

  private String shippedOrder(MiraklSimulator sim, MiraklConnector client) {
    String id = shippingOrder(sim, client);
    client.setTracking(id, new io.synchron.connector.MarketplaceConnector.CarrierTracking("UPS", "UPS", null, "1Z9"));
    client.confirmShipment(id);
    return id;
  }

  @Test
  void returnsConformToRt11Rt21Rt25AndRt01() {
    Instant before = Instant.now().minusSeconds(5);
    String id = shippedOrder(simulator, connector);
    MarketplaceOrder order = connector.currentOrder(id).orElseThrow();
    String mug = order.lines().get(0).lineId();
    String plate = order.lines().get(1).lineId();
    String asked = simulator.requestReturn(id, java.util.Map.of(mug, 1), "RETURN_CHANGED_MIND");
    String refused = simulator.requestReturn(id, java.util.Map.of(mug, 1), "RETURN_BROKEN_ITEM");

    List<MarketplaceReturn> updated = connector.returnsUpdatedSince(before);
    assertThat(updated).extracting(MarketplaceReturn::id).containsExactly(asked, refused);
    assertThat(updated.get(0)).satisfies(r -> {
      assertThat(r.orderId()).isEqualTo(id);
      assertThat(r.orderCommercialId()).isEqualTo(order.commercialId());
      assertThat(r.state()).isEqualTo("WAITING_ACCEPTANCE");
      assertThat(r.reasonCode()).isEqualTo("RETURN_CHANGED_MIND");
      assertThat(r.lines()).containsExactly(new ReturnLine(mug, 1));
      assertThat(r.updatedAt()).isNotNull();
    });

    assertThat(connector.decideReturn(asked, true, null)).isEmpty();
    assertThat(connector.decideReturn(asked, true, null)).singleElement()
        .satisfies(m -> assertThat(m).contains("invalid state"));
    assertThat(connector.decideReturn(refused, false, "RETURN_REJECTION_NOT_ELIGIBLE")).isEmpty();
    assertThat(connector.receiveReturn(asked)).isEmpty();
    assertThat(connector.receiveReturn(refused)).singleElement()
        .satisfies(m -> assertThat(m).contains("invalid state"));

    assertThat(connector.marketplaceReturn(asked)).get().satisfies(r -> assertThat(r.state()).isEqualTo("RECEIVED"));
    assertThat(connector.marketplaceReturn(refused)).get().satisfies(r -> assertThat(r.state()).isEqualTo("REFUSED"));
    assertThat(connector.marketplaceReturn("00000000-0000-0000-0000-000000000000")).isEmpty();

    MarketplaceReturn created = connector.createReturn(order.commercialId(), java.util.Map.of(plate, 1),
        "RETURN_DEFECTIVE_ITEM");
    assertThat(created.state()).isEqualTo("IN_PROGRESS");
    assertThat(created.orderId()).isEqualTo(id);
    assertThat(created.reasonCode()).isEqualTo("RETURN_DEFECTIVE_ITEM");
    assertThat(created.lines()).containsExactly(new ReturnLine(plate, 1));
    assertThat(simulator.returnView(created.id()).methodCode()).isEqualTo("RETURN_METHOD_BY_MAIL");
    assertThatThrownBy(() -> connector.createReturn(order.commercialId(), java.util.Map.of(plate, 1),
            "RETURN_DEFECTIVE_ITEM"))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.failure()).isInstanceOf(Failure.Permanent.class);
          assertThat(e.getMessage()).contains("cannot be returned");
        });

    assertThat(connector.returnsOfOrder(order.commercialId())).extracting(MarketplaceReturn::id)
        .containsExactly(asked, refused, created.id());
    assertThat(connector.returnsUpdatedSince(before))
        .isSortedAccordingTo(java.util.Comparator.comparing(MarketplaceReturn::updatedAt))
        .extracting(MarketplaceReturn::id).containsExactlyInAnyOrder(asked, refused, created.id());
    assertEveryExchangeConforms();
  }

  @Test
  void returnListingsFollowEveryPage() {
    Instant before = Instant.now().minusSeconds(5);
    String id = shippedOrder(simulator, connector);
    MarketplaceOrder order = connector.currentOrder(id).orElseThrow();
    List<String> made = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      made.add(simulator.requestReturn(id, java.util.Map.of(order.lines().get(i % 2 == 0 ? 0 : 1).lineId(), 1),
          "RETURN_OTHER"));
      if (i < 2) {
        connector.decideReturn(made.get(i), false, "RETURN_REJECTION_NOT_NEEDED");
      }
    }

    assertThat(connector.returns(java.util.Map.of("order_commercial_id", order.commercialId()), 2))
        .extracting(MarketplaceReturn::id).containsExactlyElementsOf(made);
    assertThat(connector.returns(java.util.Map.of("return_last_updated_from",
            java.time.format.DateTimeFormatter.ISO_INSTANT.format(before)), 2))
        .hasSize(5);
    assertThat(simulator.journal()).filteredOn(e -> e.rawQuery() != null && e.rawQuery().contains("page_token"))
        .hasSizeGreaterThanOrEqualTo(4);
    assertEveryExchangeConforms();
  }

  @Test
  void anOperatorWithoutReturnsMakesEveryReturnCallSaySo() {
    simulator.setReturns(false);
    Class<io.synchron.connector.FeatureUnavailableException> unavailable =
        io.synchron.connector.FeatureUnavailableException.class;
    assertThatThrownBy(() -> connector.returnsUpdatedSince(Instant.now())).isInstanceOf(unavailable);
    assertThatThrownBy(() -> connector.marketplaceReturn("r")).isInstanceOf(unavailable);
    assertThatThrownBy(() -> connector.returnsOfOrder("c")).isInstanceOf(unavailable);
    assertThatThrownBy(() -> connector.decideReturn("r", true, null)).isInstanceOf(unavailable);
    assertThatThrownBy(() -> connector.receiveReturn("r")).isInstanceOf(unavailable);
    assertThatThrownBy(() -> connector.createReturn("c", java.util.Map.of("c-1", 1), "RETURN_OTHER"))
        .isInstanceOf(unavailable)
        .isInstanceOfSatisfying(io.synchron.shared.Failure.Classified.class,
            e -> assertThat(e.failure()).isInstanceOf(Failure.Permanent.class));
  }
}
