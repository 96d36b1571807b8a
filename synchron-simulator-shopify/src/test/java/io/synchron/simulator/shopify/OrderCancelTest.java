package io.synchron.simulator.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OrderCancelTest {

  private static final String JOB = "query Job($id: ID!) { job(id: $id) { id done } }";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
  private ShopifySimulator simulator;
  private AdminClient client;
  private String mugId;

  @BeforeEach
  void start() {
    simulator = ShopifySimulator.start(ShopifySimulator.Options.defaults().withClock(clock));
    client = new AdminClient(simulator);
    mugId = simulator.addProduct("MUG", "Blue mug", new BigDecimal("19.99"), 10);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void orderCancelAnswersWithAJobAndCancelsTheOrder() {
    String orderId = create("M-1");

    JsonNode payload = cancel(orderId, true, null);

    assertThat(payload.path("orderCancelUserErrors")).isEmpty();
    assertThat(payload.path("job").path("id").asString()).startsWith("gid://shopify/Job/");
    assertThat(payload.path("job").path("done").asBoolean()).isFalse();
    JsonNode order = client.post(Fixtures.ORDER_STATE, Map.of("id", orderId)).data().path("order");
    assertThat(order.path("cancelledAt").asString()).isEqualTo("2026-11-26T09:00:00Z");
    assertThat(order.path("cancelReason").asString()).isEqualTo("CUSTOMER");
    assertThat(order.path("closed").asBoolean()).isTrue();
    assertThat(order.path("fulfillmentOrders").path("nodes").path(0).path("status").asString())
        .isEqualTo("CLOSED");
    assertThat(order.path("lineItems").path("nodes").path(0).path("currentQuantity").asInt())
        .isZero();
  }

  @Test
  void theJobOfACancellationIsDoneWhenPolled() {
    String jobId = cancel(create("M-1"), true, null).path("job").path("id").asString();

    JsonNode job = client.post(JOB, Map.of("id", jobId)).data().path("job");

    assertThat(job.path("id").asString()).isEqualTo(jobId);
    assertThat(job.path("done").asBoolean()).isTrue();
  }

  @Test
  void restockPutsTheCancelledQuantitiesBackInStock() {
    String orderId = create("M-1");
    assertThat(simulator.available("MUG")).isEqualTo(8);

    cancel(orderId, true, null);

    assertThat(simulator.available("MUG")).isEqualTo(10);
  }

  @Test
  void withoutRestockTheStockStaysClaimed() {
    String orderId = create("M-1");

    cancel(orderId, false, null);

    assertThat(simulator.available("MUG")).isEqualTo(8);
  }

  @Test
  void theRefundFlagAndStaffNoteAreRecorded() {
    String orderId = create("M-1");

    String jobId = cancel(orderId, true, true).path("job").path("id").asString();

    OrderView.CancellationView cancellation = simulator.order(orderId).orElseThrow().cancellation();
    assertThat(cancellation.reason()).isEqualTo("CUSTOMER");
    assertThat(cancellation.refund()).isTrue();
    assertThat(cancellation.restock()).isTrue();
    assertThat(cancellation.staffNote()).isEqualTo("Cancelled on marketplace");
    assertThat(cancellation.jobId()).isEqualTo(jobId);
  }

  @Test
  void cancellingACancelledOrderIsAnInvalidUserError() {
    String orderId = create("M-1");
    cancel(orderId, true, null);

    JsonNode payload = cancel(orderId, true, null);

    assertThat(payload.path("job").isNull()).isTrue();
    JsonNode error = payload.path("orderCancelUserErrors").path(0);
    assertThat(error.path("code").asString()).isEqualTo("INVALID");
    assertThat(error.path("field").path(0).asString()).isEqualTo("orderId");
    assertThat(error.path("message").asString()).contains("already been cancelled");
  }

  @Test
  void cancellingAnUnknownOrderIsANotFoundUserError() {
    JsonNode payload = cancel("gid://shopify/Order/123456", true, null);

    assertThat(payload.path("orderCancelUserErrors").path(0).path("code").asString())
        .isEqualTo("NOT_FOUND");
  }

  @Test
  void anOrderWithAFulfillmentCannotBeCancelledUntilTheFulfillmentIs() {
    String orderId = create("M-1");
    String fulfillmentId = simulator.fulfill(orderId, Map.of(), "UPS", "1Z1", null);

    JsonNode refused = cancel(orderId, true, null);
    simulator.cancelFulfillment(fulfillmentId);
    JsonNode accepted = cancel(orderId, true, null);

    assertThat(refused.path("orderCancelUserErrors").path(0).path("code").asString())
        .isEqualTo("INVALID");
    assertThat(refused.path("orderCancelUserErrors").path(0).path("message").asString())
        .contains("fulfillments");
    assertThat(accepted.path("orderCancelUserErrors")).isEmpty();
    assertThat(simulator.order(orderId).orElseThrow().cancelledAt()).isNotNull();
  }

  @Test
  void aCancelledOrderCannotBeFulfilled() {
    String orderId = create("M-1");
    String fulfillmentOrderId =
        simulator.order(orderId).orElseThrow().fulfillmentOrders().get(0).id();
    cancel(orderId, false, null);

    JsonNode payload =
        client
            .post(
                Fixtures.FULFILLMENT_CREATE,
                Fixtures.wholeFulfillmentOrder(fulfillmentOrderId, null))
            .data()
            .path("fulfillmentCreate");

    assertThat(payload.path("userErrors").path(0).path("message").asString())
        .contains("unfulfillable status= closed");
  }

  @Test
  void theCancellationShowsItsStaffNoteInGraphQl() {
    String orderId = create("M-1");
    cancel(orderId, false, false);

    JsonNode order =
        client
            .post(
                "query Q($id: ID!) { order(id: $id) { cancellation { staffNote } } }",
                Map.of("id", orderId))
            .data()
            .path("order");

    assertThat(order.path("cancellation").path("staffNote").asString())
        .isEqualTo("Cancelled on marketplace");
  }

  private String create(String sourceIdentifier) {
    AdminClient.Reply reply =
        client.post(
            Fixtures.ORDER_CREATE,
            Fixtures.variables(
                Fixtures.order(sourceIdentifier, mugId), "DECREMENT_OBEYING_POLICY"));
    return reply.data().path("orderCreate").path("order").path("id").asString();
  }

  private JsonNode cancel(String orderId, boolean restock, Boolean refund) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("orderId", orderId);
    variables.put("restock", restock);
    variables.put("refund", refund);
    AdminClient.Reply reply = client.post(Fixtures.ORDER_CANCEL, variables);
    assertThat(reply.json().has("errors")).as(reply.raw().body()).isFalse();
    return reply.data().path("orderCancel");
  }
}
