package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Returns: the customer's requests, the shop's decisions and the returns' life (RT01, RT2x). */
class ReturnsTest {
  static final String CHANGED_MIND = "RETURN_CHANGED_MIND";

  private final MutableClock clock = MutableClock.at("2025-04-01T09:00:00Z");
  private MiraklSimulator simulator =
      MiraklSimulator.start(MiraklSimulator.Options.defaults().withClock(clock));
  private MiraklClient client = new MiraklClient(simulator);

  @AfterEach
  void stop() {
    simulator.close();
  }

  private void restart(MiraklSimulator.Options options) {
    simulator.close();
    simulator = MiraklSimulator.start(options.withClock(clock));
    client = new MiraklClient(simulator);
  }

  /** The standard order shipped: line 1 two mugs, line 2 one plate. */
  private String shipped() {
    return Fixtures.shipped(simulator, client);
  }

  private String returnOfOneMug(String orderId) {
    return simulator.requestReturn(orderId, Map.of(orderId + "-1", 1), CHANGED_MIND);
  }

  static String ids(String... ids) {
    StringBuilder body = new StringBuilder("{\"returns\":[");
    for (int i = 0; i < ids.length; i++) {
      body.append(i == 0 ? "" : ",").append("{\"id\":\"").append(ids[i]).append("\"}");
    }
    return body.append("]}").toString();
  }

  static String decision(String id, boolean accepted, String rejectionReason) {
    return "{\"returns\":[{\"id\":\""
        + id
        + "\",\"accepted\":"
        + accepted
        + (rejectionReason == null ? "" : ",\"rejection_reason_code\":\"" + rejectionReason + "\"")
        + "}]}";
  }

  private static JsonNode body(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return MiraklClient.json(response);
  }

  private static List<String> successIds(JsonNode body) {
    return body.get("return_success").valueStream().map(s -> s.get("id").stringValue()).toList();
  }

  private static String firstErrorMessage(JsonNode body) {
    return body.at("/return_errors/0/message").stringValue();
  }

  private String state(String returnId) {
    return simulator.returnView(returnId).state();
  }

  // The customer's request

  @Test
  void aCustomerReturnWaitsForTheShopsAcceptanceAndMovesTheOrdersUpdateDate() {
    String orderId = shipped();
    clock.advance(Duration.ofDays(2));

    String returnId =
        simulator.requestReturn(
            orderId, Map.of(orderId + "-1", 2), "RETURN_DEFECTIVE_ITEM");

    ReturnView view = simulator.returnView(returnId);
    assertThat(view.state()).isEqualTo("WAITING_ACCEPTANCE");
    assertThat(view.orderId()).isEqualTo(orderId);
    assertThat(view.orderCommercialId()).isEqualTo(simulator.order(orderId).commercialId());
    assertThat(view.reasonCode()).isEqualTo("RETURN_DEFECTIVE_ITEM");
    assertThat(view.methodCode()).isEqualTo("RETURN_METHOD_BY_MAIL");
    assertThat(view.origin()).isEqualTo("CUSTOMER");
    assertThat(view.lines())
        .containsExactly(
            new ReturnView.Line(orderId + "-1", 2, "RETURN_DEFECTIVE_ITEM", null, null));
    assertThat(view.created()).isEqualTo(Instant.parse("2025-04-03T09:00:00Z"));
    assertThat(view.lastUpdated()).isEqualTo(view.created());
    assertThat(simulator.order(orderId).lastUpdated()).isEqualTo(view.created());
    assertThat(MiraklClient.orderIds(client.orders("start_update_date=2025-04-03T09:00:00Z")))
        .containsExactly(orderId);
    assertThat(simulator.returns(orderId)).extracting(ReturnView::id).containsExactly(returnId);
  }

  @Test
  void anOperatorThatAutoAcceptsReturnsPutsThemInProgressAtOnce() {
    restart(MiraklSimulator.Options.defaults().withReturnsAutoAccepted(true));
    String orderId = shipped();

    assertThat(state(returnOfOneMug(orderId))).isEqualTo("IN_PROGRESS");
  }

  @Test
  void aReceivedOrderCanBeReturnedFromButNotOneStillToShip() {
    String received = shipped();
    simulator.confirmReceipt(received);
    String shipping = Fixtures.shipping(simulator, client);

    assertThat(state(returnOfOneMug(received))).isEqualTo("WAITING_ACCEPTANCE");
    assertThatThrownBy(() -> returnOfOneMug(shipping))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SHIPPING");
  }

  @Test
  void aClosedOrderCannotBeReturnedFrom() {
    String orderId = shipped();
    simulator.close(orderId);

    assertThatThrownBy(() -> returnOfOneMug(orderId)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void noMoreUnitsThanShippedLessThoseAlreadyReturnedCanBeReturned() {
    String orderId = shipped();
    returnOfOneMug(orderId);

    assertThatThrownBy(
            () -> simulator.requestReturn(orderId, Map.of(orderId + "-1", 2), CHANGED_MIND))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 unit(s) can be");
    assertThat(returnOfOneMug(orderId)).isNotNull();
    assertThatThrownBy(() -> returnOfOneMug(orderId)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRefusedOrCanceledReturnGivesItsUnitsBack() {
    String orderId = shipped();
    String refused = simulator.requestReturn(orderId, Map.of(orderId + "-1", 2), CHANGED_MIND);
    client.put("/api/returns/accept", decision(refused, false, "RETURN_REJECTION_NOT_ELIGIBLE"));
    String canceled = simulator.requestReturn(orderId, Map.of(orderId + "-1", 2), CHANGED_MIND);
    simulator.cancelReturnByCustomer(canceled);

    String again = simulator.requestReturn(orderId, Map.of(orderId + "-1", 2), CHANGED_MIND);

    assertThat(state(again)).isEqualTo("WAITING_ACCEPTANCE");
  }

  @Test
  void onlyTheUnitsNotCanceledAreShippedAndReturnable() {
    String orderId = Fixtures.shipping(simulator, client);
    client.put(
        "/api/orders/cancel",
        "{\"cancelations\":[{\"order_line_id\":\""
            + orderId
            + "-1\",\"amount\":19.99,\"shipping_amount\":0,\"quantity\":1,"
            + "\"reason_code\":\"35\"}]}");
    client.put("/api/orders/" + orderId + "/ship");

    assertThatThrownBy(
            () -> simulator.requestReturn(orderId, Map.of(orderId + "-1", 2), CHANGED_MIND))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(returnOfOneMug(orderId)).isNotNull();
  }

  @Test
  void aCustomersRequestIsCheckedLineByLine() {
    String orderId = shipped();

    assertThatThrownBy(() -> simulator.requestReturn("Nope-A", Map.of("Nope-A-1", 1), CHANGED_MIND))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> simulator.requestReturn(orderId, Map.of(orderId + "-9", 1), CHANGED_MIND))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(orderId + "-9");
    assertThatThrownBy(
            () -> simulator.requestReturn(orderId, Map.of(orderId + "-1", 0), CHANGED_MIND))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> simulator.requestReturn(orderId, Map.of(), CHANGED_MIND))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> simulator.requestReturn(orderId, Map.of(orderId + "-1", 1), "15"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RETURN");
    assertThat(simulator.returns(orderId)).isEmpty();
  }

  @Test
  void theCustomerMayGiveAReasonTheShopMayNotUse() {
    String orderId = shipped();

    String returnId =
        simulator.requestReturn(orderId, Map.of(orderId + "-2", 1), "RETURN_COUNTERFEIT_ITEM");

    assertThat(simulator.returnView(returnId).reasonCode()).isEqualTo("RETURN_COUNTERFEIT_ITEM");
  }

  @Test
  void aReturnOfSeveralLinesKeepsTheirOrder() {
    String orderId = shipped();
    Map<String, Integer> quantities = new LinkedHashMap<>();
    quantities.put(orderId + "-2", 1);
    quantities.put(orderId + "-1", 1);

    String returnId = simulator.requestReturn(orderId, quantities, CHANGED_MIND);

    assertThat(simulator.returnView(returnId).lines())
        .extracting(ReturnView.Line::orderLineId)
        .containsExactly(orderId + "-2", orderId + "-1");
  }

  // RT21

  @Test
  void theShopAcceptsAReturnWhichGoesInProgress() {
    String orderId = shipped();
    String returnId = returnOfOneMug(orderId);
    clock.advance(Duration.ofHours(3));

    JsonNode answer = body(client.put("/api/returns/accept", decision(returnId, true, null)));

    assertThat(successIds(answer)).containsExactly(returnId);
    assertThat(answer.get("return_errors")).isEmpty();
    ReturnView view = simulator.returnView(returnId);
    assertThat(view.state()).isEqualTo("IN_PROGRESS");
    assertThat(view.lastUpdated()).isEqualTo(Instant.parse("2025-04-01T12:00:00Z"));
    assertThat(simulator.order(orderId).lastUpdated()).isEqualTo(view.lastUpdated());
  }

  @Test
  void theShopRefusesAReturnWithARejectionReason() {
    String orderId = shipped();
    String returnId = returnOfOneMug(orderId);

    JsonNode answer =
        body(
            client.put(
                "/api/returns/accept",
                decision(returnId, false, "RETURN_REJECTION_WINDOW_CLOSED")));

    assertThat(successIds(answer)).containsExactly(returnId);
    ReturnView view = simulator.returnView(returnId);
    assertThat(view.state()).isEqualTo("REFUSED");
    assertThat(view.rejectionReasonCode()).isEqualTo("RETURN_REJECTION_WINDOW_CLOSED");
    assertThat(MiraklClient.JSON.readTree(view.json()).get("rejection_reason_code").stringValue())
        .isEqualTo("RETURN_REJECTION_WINDOW_CLOSED");
  }

  @Test
  void aRefusalNeedsARejectionReasonOfTheRightType() {
    String orderId = shipped();
    String returnId = returnOfOneMug(orderId);

    JsonNode without = body(client.put("/api/returns/accept", decision(returnId, false, null)));
    JsonNode returnReason =
        body(client.put("/api/returns/accept", decision(returnId, false, CHANGED_MIND)));

    assertThat(firstErrorMessage(without)).contains("rejection_reason_code");
    assertThat(firstErrorMessage(returnReason)).contains("RETURN_REJECTION");
    assertThat(without.at("/return_errors/0/id").stringValue()).isEqualTo(returnId);
    assertThat(without.get("return_success")).isEmpty();
    assertThat(state(returnId)).isEqualTo("WAITING_ACCEPTANCE");
  }

  @Test
  void eachReturnOfABatchSucceedsOrFailsOnItsOwn() {
    String orderId = shipped();
    String waiting = returnOfOneMug(orderId);
    String decided = returnOfOneMug(orderId);
    client.put("/api/returns/accept", decision(decided, true, null));

    JsonNode answer =
        body(
            client.put(
                "/api/returns/accept",
                "{\"returns\":[{\"id\":\""
                    + decided
                    + "\",\"accepted\":true},{\"id\":\"no-such-return\",\"accepted\":true},"
                    + "{\"id\":\""
                    + waiting
                    + "\",\"accepted\":true},{\"id\":\""
                    + waiting
                    + "\",\"accepted\":false}]}"));

    assertThat(successIds(answer)).containsExactly(waiting);
    assertThat(answer.get("return_errors").valueStream().map(e -> e.get("id").stringValue()))
        .containsExactly(decided, "no-such-return", waiting);
    assertThat(answer.at("/return_errors/0/message").stringValue())
        .startsWith("Return is in invalid state");
    assertThat(answer.at("/return_errors/1/message").stringValue())
        .isEqualTo("The return does not exist.");
    assertThat(answer.at("/return_errors/2/message").stringValue()).contains("more than once");
    assertThat(state(waiting)).isEqualTo("IN_PROGRESS");
  }

  @Test
  void aMalformedBatchIsABadRequest() {
    assertThat(client.put("/api/returns/accept", "{\"returns\":[]}").statusCode()).isEqualTo(400);
    assertThat(client.put("/api/returns/accept", "{\"returns\":[{\"id\":\"x\"}]}").statusCode())
        .isEqualTo(400);
    assertThat(client.put("/api/returns/receive", "{}").statusCode()).isEqualTo(400);
    assertThat(client.put("/api/returns/close", "not json").statusCode()).isEqualTo(400);
    StringBuilder many = new StringBuilder("{\"returns\":[");
    for (int i = 0; i < 101; i++) {
      many.append(i == 0 ? "" : ",").append("{\"id\":\"r").append(i).append("\"}");
    }
    HttpResponse<String> tooMany = client.put("/api/returns/cancel", many.append("]}").toString());
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.errorCode(tooMany)).isEqualTo("VALIDATION_ERROR");
  }

  // RT25, RT26, RT27, RT29 and the operator

  @Test
  void anAcceptedReturnIsReceivedCheckedAndClosed() {
    String orderId = shipped();
    String returnId = simulator.requestReturn(orderId, Map.of(orderId + "-1", 2), CHANGED_MIND);
    client.put("/api/returns/accept", decision(returnId, true, null));
    clock.advance(Duration.ofDays(4));

    assertThat(successIds(body(client.put("/api/returns/receive", ids(returnId)))))
        .containsExactly(returnId);
    assertThat(state(returnId)).isEqualTo("RECEIVED");
    assertThat(simulator.returnView(returnId).lastUpdated())
        .isEqualTo(Instant.parse("2025-04-05T09:00:00Z"));

    JsonNode compliance =
        body(
            client.put(
                "/api/returns/compliance",
                "{\"returns\":[{\"id\":\""
                    + returnId
                    + "\",\"return_lines\":[{\"order_line_id\":\""
                    + orderId
                    + "-1\",\"compliant\":false,\"non_compliance_reason_code\":"
                    + "\"RETURN_NON_COMPLIANT_DAMAGED_PRODUCT\","
                    + "\"non_compliance_additional_info\":\"Scratched\"}]}]}"));
    assertThat(successIds(compliance)).containsExactly(returnId);
    ReturnView checked = simulator.returnView(returnId);
    assertThat(checked.state()).isEqualTo("RECEIVED");
    assertThat(checked.lines().get(0).compliant()).isFalse();
    assertThat(checked.lines().get(0).nonComplianceReasonCode())
        .isEqualTo("RETURN_NON_COMPLIANT_DAMAGED_PRODUCT");
    JsonNode rendered = MiraklClient.JSON.readTree(checked.json());
    assertThat(rendered.at("/return_lines/0/compliance/0/non_compliance_additional_info")
            .stringValue())
        .isEqualTo("Scratched");

    clock.advance(Duration.ofDays(1));
    assertThat(successIds(body(client.put("/api/returns/close", ids(returnId)))))
        .containsExactly(returnId);
    assertThat(state(returnId)).isEqualTo("CLOSED");
    assertThat(simulator.order(orderId).lastUpdated())
        .isEqualTo(Instant.parse("2025-04-06T09:00:00Z"));
  }

  @Test
  void everyReturnedLineNeedsItsComplianceAndANonCompliantOneItsReason() {
    String orderId = shipped();
    Map<String, Integer> both = new LinkedHashMap<>();
    both.put(orderId + "-1", 1);
    both.put(orderId + "-2", 1);
    String returnId = simulator.requestReturn(orderId, both, CHANGED_MIND);
    client.put("/api/returns/accept", decision(returnId, true, null));
    simulator.receiveReturnByOperator(returnId);
    String onlyFirst =
        "{\"returns\":[{\"id\":\""
            + returnId
            + "\",\"return_lines\":[{\"order_line_id\":\""
            + orderId
            + "-1\",\"compliant\":true}]}]}";
    String withoutReason =
        "{\"returns\":[{\"id\":\""
            + returnId
            + "\",\"return_lines\":[{\"order_line_id\":\""
            + orderId
            + "-1\",\"compliant\":true},{\"order_line_id\":\""
            + orderId
            + "-2\",\"compliant\":false}]}]}";

    JsonNode partial = body(client.put("/api/returns/compliance", onlyFirst));
    JsonNode unexplained = body(client.put("/api/returns/compliance", withoutReason));

    assertThat(firstErrorMessage(partial))
        .isEqualTo(
            "The compliance has not been specified on the following order lines: "
                + orderId
                + "-2");
    assertThat(firstErrorMessage(unexplained)).contains("non_compliance_reason_code");
    assertThat(simulator.returnView(returnId).lines())
        .extracting(ReturnView.Line::compliant)
        .containsOnlyNulls();
  }

  @Test
  void complianceIsGivenOnlyOnceTheReturnIsReceived() {
    String orderId = shipped();
    String returnId = returnOfOneMug(orderId);

    JsonNode answer =
        body(
            client.put(
                "/api/returns/compliance",
                "{\"returns\":[{\"id\":\""
                    + returnId
                    + "\",\"return_lines\":[{\"order_line_id\":\""
                    + orderId
                    + "-1\",\"compliant\":true}]}]}"));

    assertThat(firstErrorMessage(answer)).startsWith("Return is in invalid state");
  }

  @Test
  void onlyAReturnInProgressIsReceived() {
    String orderId = shipped();
    String returnId = returnOfOneMug(orderId);

    JsonNode answer = body(client.put("/api/returns/receive", ids(returnId)));

    assertThat(firstErrorMessage(answer)).contains("WAITING_ACCEPTANCE", "IN_PROGRESS");
    assertThatThrownBy(() -> simulator.receiveReturnByOperator(returnId))
        .isInstanceOf(IllegalStateException.class);
    assertThat(state(returnId)).isEqualTo("WAITING_ACCEPTANCE");
  }

  @Test
  void theOperatorReceivesAReturnOrRecordsItNeverArrived() {
    String orderId = shipped();
    String received = returnOfOneMug(orderId);
    String lost = returnOfOneMug(orderId);
    client.put("/api/returns/accept", decision(received, true, null));
    client.put("/api/returns/accept", decision(lost, true, null));

    simulator.receiveReturnByOperator(received);
    simulator.markReturnNotReceived(lost);

    assertThat(state(received)).isEqualTo("RECEIVED");
    assertThat(state(lost)).isEqualTo("NO_RECEPTION");
    assertThat(successIds(body(client.put("/api/returns/close", ids(received, lost)))))
        .containsExactly(received, lost);
    assertThatThrownBy(() -> simulator.receiveReturnByOperator("no-such-return"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aReturnNotYetReceivedCannotBeClosed() {
    String orderId = shipped();
    String returnId = returnOfOneMug(orderId);
    client.put("/api/returns/accept", decision(returnId, true, null));

    JsonNode answer = body(client.put("/api/returns/close", ids(returnId)));

    assertThat(firstErrorMessage(answer)).startsWith("Return is in invalid state");
    assertThat(state(returnId)).isEqualTo("IN_PROGRESS");
  }

  @Test
  void theShopCancelsAReturnNotYetReceivedButNotAReceivedOne() {
    String orderId = shipped();
    String waiting = returnOfOneMug(orderId);
    String received = returnOfOneMug(orderId);
    client.put("/api/returns/accept", decision(received, true, null));
    simulator.receiveReturnByOperator(received);

    JsonNode answer = body(client.put("/api/returns/cancel", ids(waiting, received)));

    assertThat(successIds(answer)).containsExactly(waiting);
    assertThat(answer.at("/return_errors/0/id").stringValue()).isEqualTo(received);
    assertThat(state(waiting)).isEqualTo("CANCELED");
    assertThat(state(received)).isEqualTo("RECEIVED");
    assertThatThrownBy(() -> simulator.cancelReturnByCustomer(received))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aReturnRefundsNothingTheShopRefundsWithOr28() {
    String orderId = shipped();
    String returnId = returnOfOneMug(orderId);
    client.put("/api/returns/accept", decision(returnId, true, null));
    client.put("/api/returns/receive", ids(returnId));
    client.put("/api/returns/close", ids(returnId));

    assertThat(simulator.order(orderId).refunds()).isEmpty();
    JsonNode line = client.order(orderId).at("/order_lines/0");
    assertThat(line.get("refunds")).isEmpty();
    assertThat(line.get("can_refund").booleanValue()).isTrue();
    assertThat(
            simulator.refundByOperator(
                orderId, orderId + "-1", new BigDecimal("19.99"), BigDecimal.ZERO, "20"))
        .isNotNull();
  }

  // RT01

  @Test
  void theShopCreatesAReturnForACustomer() {
    String orderId = shipped();
    String commercialId = simulator.order(orderId).commercialId();
    clock.advance(Duration.ofMinutes(5));

    JsonNode answer =
        body(
            client.post(
                "/api/returns",
                "{\"returns\":[{\"order_commercial_id\":\""
                    + commercialId
                    + "\",\"method_code\":\"RETURN_METHOD_DROP_OFF_POINT\",\"rma\":\"RMA-7\","
                    + "\"reason_code\":\"RETURN_BROKEN_ITEM\",\"description\":\"Cracked\","
                    + "\"label_url\":\"https://labels.example/7\",\"return_lines\":["
                    + "{\"order_line_id\":\""
                    + orderId
                    + "-2\",\"quantity\":1,\"reason_code\":\"RETURN_BROKEN_ITEM\"}]}]}"));

    assertThat(answer.get("return_errors")).isEmpty();
    JsonNode created = answer.at("/return_success/0");
    assertThat(created.get("state").stringValue()).isEqualTo("WAITING_ACCEPTANCE");
    assertThat(created.get("order_id").stringValue()).isEqualTo(orderId);
    assertThat(created.get("order_commercial_id").stringValue()).isEqualTo(commercialId);
    assertThat(created.get("rma").stringValue()).isEqualTo("RMA-7");
    assertThat(created.get("method_code").stringValue()).isEqualTo("RETURN_METHOD_DROP_OFF_POINT");
    assertThat(created.get("label_url").stringValue()).isEqualTo("https://labels.example/7");
    assertThat(created.get("date_created").stringValue()).isEqualTo("2025-04-01T09:05:00Z");
    assertThat(created.at("/return_lines/0/quantity").intValue()).isEqualTo(1);
    ReturnView view = simulator.returnView(created.get("id").stringValue());
    assertThat(view.origin()).isEqualTo("SHOP");
    assertThat(view.json()).isEqualTo(created.toString());
  }

  @Test
  void aReturnTheShopCreatesAcceptedIsInProgress() {
    String orderId = shipped();
    String commercialId = simulator.order(orderId).commercialId();

    JsonNode answer =
        body(
            client.post(
                "/api/returns",
                "{\"returns\":[{\"order_commercial_id\":\""
                    + commercialId
                    + "\",\"method_code\":\"RETURN_METHOD_BY_MAIL\",\"accepted\":true,"
                    + "\"return_lines\":[{\"order_line_id\":\""
                    + orderId
                    + "-1\",\"quantity\":2,\"reason_code\":\"RETURN_OTHER\"}]}]}"));

    assertThat(answer.at("/return_success/0/state").stringValue()).isEqualTo("IN_PROGRESS");
    assertThat(answer.at("/return_success/0/reason_code").isNull()).isTrue();
  }

  @Test
  void eachReturnTheShopCreatesIsCheckedOnItsOwn() {
    String orderId = shipped();
    String commercialId = simulator.order(orderId).commercialId();
    String shipping = Fixtures.shipping(simulator, client);
    String entry = "{\"order_commercial_id\":\"%s\",\"method_code\":\"RETURN_METHOD_BY_MAIL\","
        + "\"return_lines\":[{\"order_line_id\":\"%s\",\"quantity\":%d,\"reason_code\":\"%s\"}]}";

    JsonNode answer =
        body(
            client.post(
                "/api/returns",
                "{\"returns\":["
                    + String.format(entry, "Nope", "Nope-A-1", 1, CHANGED_MIND)
                    + ","
                    + String.format(entry, commercialId, orderId + "-1", 3, CHANGED_MIND)
                    + ","
                    + String.format(
                        entry, commercialId, orderId + "-1", 1, "RETURN_COUNTERFEIT_ITEM")
                    + ","
                    + String.format(entry, commercialId, shipping + "-1", 1, CHANGED_MIND)
                    + ","
                    + String.format(
                        entry,
                        simulator.order(shipping).commercialId(),
                        shipping + "-1",
                        1,
                        CHANGED_MIND)
                    + ","
                    + String.format(entry, commercialId, orderId + "-1", 2, CHANGED_MIND)
                    + "]}"));

    List<String> messages =
        answer.get("return_errors").valueStream().map(e -> e.get("message").stringValue()).toList();
    assertThat(messages).hasSize(5);
    assertThat(messages.get(0)).contains("No order with commercial id 'Nope'");
    assertThat(messages.get(1)).contains("2 unit(s) can be");
    assertThat(messages.get(2)).contains("may not be used by the shop");
    assertThat(messages.get(3)).contains("does not belong to order " + commercialId);
    assertThat(messages.get(4)).contains("SHIPPING");
    assertThat(answer.at("/return_errors/0/order_commercial_id").stringValue()).isEqualTo("Nope");
    assertThat(answer.get("return_success")).hasSize(1);
    assertThat(simulator.returns(orderId)).hasSize(1);
  }

  @Test
  void aReturnLineWithoutItsOwnReasonTakesTheReturns() {
    String orderId = shipped();
    String commercialId = simulator.order(orderId).commercialId();

    JsonNode answer =
        body(
            client.post(
                "/api/returns",
                "{\"returns\":[{\"order_commercial_id\":\""
                    + commercialId
                    + "\",\"method_code\":\"RETURN_METHOD_BY_MAIL\",\"reason_code\":\""
                    + CHANGED_MIND
                    + "\",\"return_lines\":[{\"order_line_id\":\""
                    + orderId
                    + "-1\",\"quantity\":1}]}]}"));

    assertThat(answer.at("/return_success/0/return_lines/0/reason_code").stringValue())
        .isEqualTo(CHANGED_MIND);
  }

  @Test
  void aReturnBodyMissingWhatTheSchemaRequiresIsABadRequest() {
    String orderId = shipped();
    String commercialId = simulator.order(orderId).commercialId();
    String line = "{\"order_line_id\":\"" + orderId + "-1\",\"quantity\":1}";

    assertThat(client.post("/api/returns", "{\"returns\":[]}").statusCode()).isEqualTo(400);
    for (String entry :
        List.of(
            "{\"method_code\":\"RETURN_METHOD_BY_MAIL\",\"return_lines\":[" + line + "]}",
            "{\"order_commercial_id\":\"" + commercialId + "\",\"return_lines\":[" + line + "]}",
            "{\"order_commercial_id\":\""
                + commercialId
                + "\",\"method_code\":\"BY_PIGEON\",\"return_lines\":["
                + line
                + "]}",
            "{\"order_commercial_id\":\""
                + commercialId
                + "\",\"method_code\":\"RETURN_METHOD_BY_MAIL\",\"return_lines\":[]}",
            "{\"order_commercial_id\":\""
                + commercialId
                + "\",\"method_code\":\"RETURN_METHOD_BY_MAIL\",\"return_lines\":["
                + line
                + "]}",
            "{\"order_commercial_id\":\""
                + commercialId
                + "\",\"method_code\":\"RETURN_METHOD_BY_MAIL\",\"rma\":\"RMA 1\","
                + "\"reason_code\":\"RETURN_OTHER\",\"return_lines\":["
                + line
                + "]}")) {
      HttpResponse<String> response = client.post("/api/returns", "{\"returns\":[" + entry + "]}");
      assertThat(response.statusCode()).as(entry).isEqualTo(400);
      assertThat(MiraklClient.errorCode(response)).isEqualTo("VALIDATION_ERROR");
    }
    assertThat(simulator.returns(orderId)).isEmpty();
  }

  // The operator's setting

  @Test
  void withoutReturnsEveryReturnEndpointIsNotFound() {
    restart(MiraklSimulator.Options.defaults().withReturns(false));
    String orderId = shipped();

    for (HttpResponse<String> response :
        List.of(
            client.get("/api/returns"),
            client.get("/api/returns/items_to_return"),
            client.post("/api/returns", "{\"returns\":[]}"),
            client.put("/api/returns/accept", decision("x", true, null)),
            client.put("/api/returns/receive", ids("x")),
            client.put("/api/returns/compliance", ids("x")),
            client.put("/api/returns/close", ids("x")),
            client.put("/api/returns/cancel", ids("x")))) {
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(MiraklClient.json(response).get("status").intValue()).isEqualTo(404);
    }
    assertThatThrownBy(() -> returnOfOneMug(orderId)).isInstanceOf(IllegalStateException.class);
    assertThat(simulator.journal())
        .extracting(RecordedExchange::operation)
        .contains("RT01", "RT11", "RT12", "RT21", "RT25", "RT26", "RT27", "RT29");
  }

  @Test
  void returnsCanBeSwitchedOnWhileRunning() {
    restart(MiraklSimulator.Options.defaults().withReturns(false));
    String orderId = shipped();

    simulator.setReturns(true);
    String returnId = returnOfOneMug(orderId);

    assertThat(client.get("/api/returns").statusCode()).isEqualTo(200);
    simulator.setReturns(false);
    assertThat(client.get("/api/returns").statusCode()).isEqualTo(404);
    assertThat(state(returnId)).isEqualTo("WAITING_ACCEPTANCE");
  }

  // The journal

  @Test
  void returnCallsAreCountedForEveryOrderTheyName() {
    String first = shipped();
    String second = shipped();
    String one = returnOfOneMug(first);
    String other = returnOfOneMug(second);
    String commercialId = simulator.order(first).commercialId();

    client.put("/api/returns/accept", decision(one, true, null));
    client.put(
        "/api/returns/accept",
        "{\"returns\":[{\"id\":\""
            + one
            + "\",\"accepted\":true},{\"id\":\""
            + other
            + "\",\"accepted\":true}]}");
    client.put("/api/returns/receive", ids(one));
    client.get("/api/returns?order_commercial_id=" + commercialId);
    client.post(
        "/api/returns",
        "{\"returns\":[{\"order_commercial_id\":\""
            + commercialId
            + "\",\"method_code\":\"RETURN_METHOD_BY_MAIL\",\"return_lines\":[{"
            + "\"order_line_id\":\""
            + first
            + "-2\",\"quantity\":1,\"reason_code\":\"RETURN_OTHER\"}]}]}");

    assertThat(simulator.callCount("RT21", first)).isEqualTo(2);
    assertThat(simulator.callCount("RT21", second)).isEqualTo(1);
    assertThat(simulator.callCount("RT25", first)).isEqualTo(1);
    assertThat(simulator.callCount("RT11", first)).isEqualTo(1);
    assertThat(simulator.callCount("RT01", first)).isEqualTo(1);
    assertThat(simulator.callCount("RT21")).isEqualTo(2);
  }

  @Test
  void aScriptedFaultCanHitAReturnOperation() {
    String orderId = shipped();
    String returnId = returnOfOneMug(orderId);
    simulator.faults().enqueue("RT21", Fault.applyThenStatus(502));

    assertThat(client.put("/api/returns/accept", decision(returnId, true, null)).statusCode())
        .isEqualTo(502);
    assertThat(state(returnId)).isEqualTo("IN_PROGRESS");
  }
}
