package io.synchron.simulator.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CostAndThrottlingTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-07-20T09:00:00Z"));
  private ShopifySimulator simulator;
  private AdminClient client;
  private String mugId;

  private void start(double bucketSize, double restoreRate) {
    simulator =
        ShopifySimulator.start(
            ShopifySimulator.Options.defaults()
                .withClock(clock)
                .withBucketSize(bucketSize)
                .withRestoreRate(restoreRate));
    client = new AdminClient(simulator);
    mugId = simulator.addProduct("MUG", "Blue mug", new BigDecimal("19.99"), 100);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void everyResponseReportsRequestedAndActualCostAndRefundsTheDifference() {
    start(100, 10);

    JsonNode cost =
        client
            .post("{ shop { id } locations(first: 5) { nodes { id name } } }")
            .json()
            .path("extensions")
            .path("cost");

    assertThat(cost.path("requestedQueryCost").asInt()).isEqualTo(1 + 5 + 2);
    assertThat(cost.path("actualQueryCost").asInt()).isEqualTo(1 + 1 + 2);
    assertThat(cost.path("throttleStatus").path("maximumAvailable").asDouble()).isEqualTo(100.0);
    assertThat(cost.path("throttleStatus").path("currentlyAvailable").asDouble()).isEqualTo(96.0);
    assertThat(cost.path("throttleStatus").path("restoreRate").asDouble()).isEqualTo(10.0);
  }

  @Test
  void aNestedConnectionMultipliesByBothPageSizes() {
    start(2000, 100);

    JsonNode cost =
        client
            .post("{ orders(first: 10) { nodes { id lineItems(first: 5) { nodes { sku } } } } }")
            .json()
            .path("extensions")
            .path("cost");

    assertThat(cost.path("requestedQueryCost").asInt()).isEqualTo(10 * (1 + 5 * 1 + 2) + 2);
    assertThat(cost.path("actualQueryCost").asInt()).isEqualTo(2);
  }

  @Test
  void aMutationCostsTen() {
    start(2000, 100);

    JsonNode cost = createOrder().json().path("extensions").path("cost");

    assertThat(cost.path("requestedQueryCost").asInt()).isEqualTo(10);
    assertThat(cost.path("actualQueryCost").asInt()).isEqualTo(10);
  }

  @Test
  void aRequestCostingMoreThanIsAvailableIsThrottledWithoutExecuting() {
    start(25, 5);
    createOrder();
    createOrder();

    AdminClient.Reply reply = createOrder();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("data").isMissingNode()).isTrue();
    JsonNode error = reply.firstError();
    assertThat(error.path("message").asString()).isEqualTo("Throttled");
    assertThat(error.path("extensions").path("code").asString()).isEqualTo("THROTTLED");
    assertThat(error.path("extensions").path("documentation").asString())
        .isEqualTo("https://shopify.dev/api/usage/rate-limits");
    JsonNode cost = reply.json().path("extensions").path("cost");
    assertThat(cost.path("requestedQueryCost").asInt()).isEqualTo(10);
    assertThat(cost.path("actualQueryCost").isNull()).isTrue();
    assertThat(cost.path("throttleStatus").path("currentlyAvailable").asDouble()).isEqualTo(5.0);
    assertThat(cost.path("throttleStatus").path("maximumAvailable").asDouble()).isEqualTo(25.0);
    assertThat(cost.path("throttleStatus").path("restoreRate").asDouble()).isEqualTo(5.0);
    assertThat(simulator.orders()).hasSize(2);
  }

  @Test
  void theBucketRefillsAsTheClockAdvances() {
    start(25, 5);
    createOrder();
    createOrder();
    createOrder();

    clock.advance(Duration.ofSeconds(1));
    AdminClient.Reply reply = createOrder();

    assertThat(reply.json().has("errors")).isFalse();
    assertThat(
            reply
                .json()
                .path("extensions")
                .path("cost")
                .path("throttleStatus")
                .path("currentlyAvailable")
                .asDouble())
        .isEqualTo(0.0);
    assertThat(simulator.orders()).hasSize(3);
  }

  @Test
  void theBucketNeverFillsBeyondItsSize() {
    start(25, 5);
    createOrder();

    clock.advance(Duration.ofHours(1));
    JsonNode status =
        client
            .post("{ shop { id } }")
            .json()
            .path("extensions")
            .path("cost")
            .path("throttleStatus");

    assertThat(status.path("currentlyAvailable").asDouble()).isEqualTo(24.0);
  }

  private AdminClient.Reply createOrder() {
    return client.post(
        Fixtures.ORDER_CREATE, Fixtures.variables(Fixtures.order("M-1", mugId), null));
  }
}
