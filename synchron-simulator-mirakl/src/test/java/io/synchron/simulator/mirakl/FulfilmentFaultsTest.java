package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scripted faults on the fulfilment, cancellation, refund and document operations. */
class FulfilmentFaultsTest {
  private final MiraklSimulator simulator =
      MiraklSimulator.start(MiraklSimulator.Options.defaults().withMultiShipment(true));
  private final MiraklClient client = new MiraklClient(simulator);

  @AfterEach
  void stop() {
    simulator.close();
  }

  /** A call of {@code operation} that succeeds without a fault, on a fresh suitable order. */
  private HttpResponse<String> call(String operation) {
    String shipping = Fixtures.shipping(simulator, client);
    Function<String, HttpResponse<String>> shipmentCall =
        path -> {
          String created =
              client
                  .post(
                      "/api/shipments",
                      "{\"shipments\":[{\"order_id\":\""
                          + shipping
                          + "\",\"shipment_lines\":[{\"order_line_id\":\""
                          + shipping
                          + "-1\",\"quantity\":1}]}]}")
                  .body();
          String id =
              MiraklClient.JSON.readTree(created).at("/shipment_success/0/id").stringValue();
          return path.equals("tracking")
              ? client.post(
                  "/api/shipments/tracking",
                  "{\"shipments\":[{\"id\":\""
                      + id
                      + "\",\"tracking\":{\"carrier_code\":\"UPS\",\"tracking_number\":\"1\"}}]}")
              : client.put("/api/shipments/ship", "{\"shipments\":[{\"id\":\"" + id + "\"}]}");
        };
    switch (operation) {
      case "SH21":
        return client.get("/api/shipping/carriers");
      case "RE01":
        return client.get("/api/reasons");
      case "OR23":
        return client.put(
            "/api/orders/" + shipping + "/tracking",
            "{\"carrier_code\":\"UPS\",\"tracking_number\":\"1\"}");
      case "OR24":
        return client.put("/api/orders/" + shipping + "/ship");
      case "OR29":
        return client.put("/api/orders/" + shipping + "/cancel");
      case "OR30":
        return client.put(
            "/api/orders/cancel",
            "{\"cancelations\":[{\"order_line_id\":\""
                + shipping
                + "-1\",\"amount\":1,\"shipping_amount\":0,\"quantity\":0,"
                + "\"reason_code\":\"34\"}]}");
      case "OR28":
        client.put("/api/orders/" + shipping + "/ship");
        return client.put(
            "/api/orders/refund",
            "{\"refunds\":[{\"order_line_id\":\""
                + shipping
                + "-1\",\"amount\":1,\"shipping_amount\":0,\"reason_code\":\"15\"}]}");
      case "OR74":
        return client.upload(shipping, "a.pdf", "CUSTOMER_INVOICE", new byte[] {1});
      case "OR72":
        return client.get("/api/orders/documents?order_ids=" + shipping);
      case "ST01":
        return client.post(
            "/api/shipments",
            "{\"shipments\":[{\"order_id\":\""
                + shipping
                + "\",\"shipment_lines\":[{\"order_line_id\":\""
                + shipping
                + "-1\",\"quantity\":1}]}]}");
      case "ST11":
        return client.get("/api/shipments");
      case "ST23":
        return shipmentCall.apply("tracking");
      case "ST24":
        return shipmentCall.apply("ship");
      default:
        throw new IllegalArgumentException(operation);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SH21", "RE01", "OR23", "OR24", "OR28", "OR29", "OR30", "OR72", "OR74", "ST01", "ST11",
        "ST23", "ST24"
      })
  void aStatusFaultOnTheOperationIsAnsweredAndJournaledUnderItsCode(String operation) {
    simulator.faults().enqueue(operation, Fault.status(503));

    HttpResponse<String> response = call(operation);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(MiraklClient.json(response).get("status").intValue()).isEqualTo(503);
    assertThat(simulator.faults().pending(operation)).isZero();
    List<RecordedExchange> journal = simulator.journal();
    RecordedExchange last = journal.get(journal.size() - 1);
    assertThat(last.operation()).isEqualTo(operation);
    assertThat(last.status()).isEqualTo(503);
  }

  @Test
  void aStatusFaultOnOr24LeavesTheOrderToBeShipped() {
    String orderId = Fixtures.shipping(simulator, client);
    simulator.faults().enqueue("OR24", Fault.status(500));

    client.put("/api/orders/" + orderId + "/ship");

    assertThat(simulator.order(orderId).state()).isEqualTo("SHIPPING");
    assertThat(simulator.callCount("OR24", orderId)).isEqualTo(1);
  }

  @Test
  void anApplyThenStatusFaultOnOr24ShipsTheOrderYetAnswersAnError() {
    String orderId = Fixtures.shipping(simulator, client);
    simulator.faults().enqueue("OR24", Fault.applyThenStatus(502));

    HttpResponse<String> response = client.put("/api/orders/" + orderId + "/ship");

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(simulator.order(orderId).state()).isEqualTo("SHIPPED");
  }

  @Test
  void aRateLimitFaultOnOr28AsksToRetryLater() {
    simulator.faults().enqueue("OR28", Fault.rateLimited(Duration.ofSeconds(7)));

    HttpResponse<String> response = call("OR28");

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
  }

  @Test
  void aRewriteFaultOnOr30AltersTheAnswerButNotTheCancelation() {
    simulator.faults().enqueue("OR30", Fault.rewriteBody(body -> "{\"cancelations\":"));

    HttpResponse<String> response = call("OR30");

    assertThat(response.body()).isEqualTo("{\"cancelations\":");
    assertThat(simulator.orders().get(0).cancelations()).hasSize(1);
  }

  @Test
  void aMinimumIntervalOnOr23RateLimitsTheSecondCall() {
    simulator.close();
    MiraklSimulator limited =
        MiraklSimulator.start(
            MiraklSimulator.Options.defaults()
                .withMinIntervalPerOperation(Map.of("OR23", Duration.ofMinutes(1))));
    try {
      MiraklClient limitedClient = new MiraklClient(limited);
      String orderId = Fixtures.shipping(limited, limitedClient);
      String body = "{\"carrier_code\":\"UPS\",\"tracking_number\":\"1\"}";
      limitedClient.put("/api/orders/" + orderId + "/tracking", body);

      HttpResponse<String> second = limitedClient.put("/api/orders/" + orderId + "/tracking", body);

      assertThat(second.statusCode()).isEqualTo(429);
    } finally {
      limited.close();
    }
  }
}
