package io.synchron.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.synchron.intake.ImportCheckpoint;
import io.synchron.simulator.mirakl.NewOrder;
import io.synchron.support.EndToEndTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Crashes, lost answers, throttling and platform errors: each order still ends as exactly one Shopify order and
 * one acceptance, and nothing is lost.
 */
@Import(FaultsEndToEndTest.KillSwitch.class)
class FaultsEndToEndTest extends EndToEndTest {

  /** Kills the worker (an Error, like a dying process) right after Shopify created the order of an armed id. */
  @TestConfiguration(proxyBeanMethods = false)
  static class KillSwitch {
    static final Set<String> armed = ConcurrentHashMap.newKeySet();
    static final Set<String> fired = ConcurrentHashMap.newKeySet();

    @Bean
    ImportCheckpoint killWorkerAfterShopifyCreate() {
      return (orderId, gid) -> {
        if (armed.remove(orderId)) {
          fired.add(orderId);
          throw new WorkerKilled("worker killed after orderCreate of " + orderId);
        }
      };
    }
  }

  static final class WorkerKilled extends Error {
    WorkerKilled(String message) {
      super(message);
    }
  }

  @BeforeEach
  void stock() {
    stock("SKU-1", 100_000);
    shopify.setReadings(Duration.ZERO, true);
  }

  private String paidOrder() {
    String id = mirakl.placeOrder(NewOrder.builder().line("SKU-1", "Mug", 1, new BigDecimal("19.99")).build());
    pollAndSettle();
    mirakl.debitCustomer(id);
    return id;
  }

  private long shopifyOrdersFor(String orderId) {
    return shopify.orders().stream().filter(o -> o.sourceIdentifier().equals("mirakl:" + CHANNEL + ":" + orderId)).count();
  }

  private List<String> timelineTypes(String orderId) {
    return jdbc.sql(
            "select t.type from timeline_entry t join synced_order o on o.id = t.synced_order_id"
                + " where o.marketplace_order_id = ? order by t.id")
        .params(orderId)
        .query(String.class)
        .list();
  }

  @Test
  void aWorkerKilledBetweenTheShopifyCallAndTheCommitLeavesExactlyOneShopifyOrder() {
    String id = paidOrder();
    KillSwitch.armed.add(id);

    poller.pollNow(CHANNEL);
    await().atMost(Duration.ofSeconds(30)).until(() -> KillSwitch.fired.contains(id));
    assertThat(shopifyOrdersFor(id)).isEqualTo(1);
    assertThat(count("select count(*) from synced_order where marketplace_order_id = ? and shopify_status = 'IMPORTED'", id)).isZero();

    advanceAndSettle(Duration.ofMinutes(6));

    assertThat(shopifyOrdersFor(id)).isEqualTo(1);
    assertThat(count("select count(*) from synced_order where marketplace_order_id = ? and shopify_status = 'IMPORTED'", id)).isEqualTo(1);
    assertThat(timelineTypes(id)).contains("LINKED_EXISTING");
  }

  @Test
  void aCreateThatSucceededButAnsweredAnErrorIsFoundNotRepeated() {
    String id = paidOrder();
    shopify.faults().enqueue("orderCreate", io.synchron.simulator.shopify.Fault.applyThenStatus(502));

    pollAndSettle();
    assertThat(shopifyOrdersFor(id)).isEqualTo(1);
    advanceAndSettle(Duration.ofSeconds(5));

    assertThat(shopifyOrdersFor(id)).isEqualTo(1);
    assertThat(timelineTypes(id)).contains("LINKED_EXISTING").doesNotContain("IMPORTED");
  }

  @Test
  void aCreateThatTimedOutIsFoundAfterwardsNotRepeated() {
    String id = paidOrder();
    shopify.faults().enqueue("orderCreate", io.synchron.simulator.shopify.Fault.delay(Duration.ofSeconds(3)));

    pollAndSettle();
    await().atMost(Duration.ofSeconds(10)).until(() -> shopifyOrdersFor(id) == 1);
    advanceAndSettle(Duration.ofSeconds(5));

    assertThat(shopifyOrdersFor(id)).isEqualTo(1);
    assertThat(count("select count(*) from synced_order where marketplace_order_id = ? and shopify_status = 'IMPORTED'", id)).isEqualTo(1);
  }

  @Test
  void aRateLimitedAcceptanceWaitsForRetryAfterAndIsSentOnce() {
    mirakl.faults().enqueue("OR21", io.synchron.simulator.mirakl.Fault.rateLimited(Duration.ofSeconds(30)));
    String id = mirakl.placeOrder(NewOrder.builder().line("SKU-1", "Mug", 1, new BigDecimal("19.99")).build());

    pollAndSettle();
    assertThat(mirakl.order(id).state()).isEqualTo("WAITING_ACCEPTANCE");
    advanceAndSettle(Duration.ofSeconds(10));
    assertThat(mirakl.order(id).state()).isEqualTo("WAITING_ACCEPTANCE");
    advanceAndSettle(Duration.ofSeconds(25));

    assertThat(mirakl.order(id).state()).isEqualTo("WAITING_DEBIT_PAYMENT");
    assertThat(mirakl.order(id).acceptCalls()).isEqualTo(1);
  }

  @Test
  void anAcceptanceWhoseAnswerWasLostIsNotSentAgain() {
    mirakl.faults().enqueue("OR21", io.synchron.simulator.mirakl.Fault.applyThenStatus(500));
    String id = mirakl.placeOrder(NewOrder.builder().line("SKU-1", "Mug", 1, new BigDecimal("19.99")).build());

    pollAndSettle();
    advanceAndSettle(Duration.ofSeconds(5));

    assertThat(mirakl.order(id).state()).isEqualTo("WAITING_DEBIT_PAYMENT");
    assertThat(mirakl.order(id).acceptCalls()).isEqualTo(1);
    assertThat(timelineTypes(id)).contains("DECISION_NOT_SENT");
  }

  @Test
  void withALaggingSearchAndNoUniquenessGuardAKilledWorkerStillLeavesOneShopifyOrder() {
    shopify.setReadings(Duration.ofHours(1), false);
    String id = paidOrder();
    KillSwitch.armed.add(id);

    poller.pollNow(CHANNEL);
    await().atMost(Duration.ofSeconds(30)).until(() -> KillSwitch.fired.contains(id));
    advanceAndSettle(Duration.ofMinutes(6));

    assertThat(shopifyOrdersFor(id)).isEqualTo(1);
    assertThat(timelineTypes(id)).contains("LINKED_EXISTING");
  }

  @Test
  void withNoUniquenessGuardALostAnswerIsStillFoundNotRepeated() {
    shopify.setReadings(Duration.ofHours(1), false);
    String id = paidOrder();
    shopify.faults().enqueue("orderCreate", io.synchron.simulator.shopify.Fault.applyThenStatus(502));

    pollAndSettle();
    advanceAndSettle(Duration.ofSeconds(5));

    assertThat(shopifyOrdersFor(id)).isEqualTo(1);
  }

  @Test
  void aFailedPollKeepsItsWindowAndTheNextPollMissesNothing() {
    String id = mirakl.placeOrder(NewOrder.builder().line("SKU-1", "Mug", 1, new BigDecimal("19.99")).build());
    // Long after the order was placed: had the failed poll moved the window on, the order would fall outside it.
    clock.advance(Duration.ofHours(2));
    mirakl.faults().enqueue("OR11", io.synchron.simulator.mirakl.Fault.status(500));

    var failed = poller.pollNow(CHANNEL);
    assertThat(failed.error()).contains("500");
    assertThat(count("select count(*) from synced_order where marketplace_order_id = ?", id)).isZero();

    clock.advance(Duration.ofMinutes(1));
    pollAndSettle();

    assertThat(mirakl.order(id).state()).isEqualTo("WAITING_DEBIT_PAYMENT");
  }

  @Test
  void shopifyThrottlingDelaysTheDecisionWithoutLosingIt() {
    shopify.faults().enqueue("productVariants", io.synchron.simulator.shopify.Fault.throttled());
    String id = mirakl.placeOrder(NewOrder.builder().line("SKU-1", "Mug", 1, new BigDecimal("19.99")).build());

    pollAndSettle();
    assertThat(mirakl.order(id).state()).isEqualTo("WAITING_ACCEPTANCE");
    advanceAndSettle(Duration.ofSeconds(30));

    assertThat(mirakl.order(id).state()).isEqualTo("WAITING_DEBIT_PAYMENT");
  }

  @Test
  void aRevokedShopifyTokenParksTheImportAsAnExceptionInsteadOfLooping() {
    String id = paidOrder();
    shopify.faults().enqueue("orderByIdentifier", io.synchron.simulator.shopify.Fault.status(401));

    pollAndSettle();

    assertThat(count("select count(*) from job j join synced_order o on o.id = j.synced_order_id"
        + " where o.marketplace_order_id = ? and j.state = 'EXCEPTION' and j.kind = 'IMPORT_TO_SHOPIFY'", id)).isEqualTo(1);
    assertThat(timelineTypes(id)).contains("ACTION_PARKED");
    assertThat(shopifyOrdersFor(id)).isZero();
  }
}
