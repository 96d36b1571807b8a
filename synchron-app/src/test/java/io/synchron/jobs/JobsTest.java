package io.synchron.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synchron.shared.Failure;
import io.synchron.support.DatabaseTest;
import io.synchron.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@DatabaseTest
class JobsTest {

  private static final Duration LEASE = Duration.ofMinutes(5);

  @Autowired Jobs jobs;
  @Autowired TransactionTemplate tx;
  @Autowired MutableClock clock;

  private static JobRequest job(String key, String orderKey) {
    return new JobRequest("TEST", key, orderKey, null, null);
  }

  private List<Job> claim(String worker, int limit) {
    return tx.execute(s -> jobs.claim(worker, limit, LEASE, 8));
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  @Test
  void enqueueingTheSameKeyTwiceKeepsOneJob() {
    String key = unique("k");
    assertThat(jobs.enqueue(job(key, unique("o")))).isTrue();
    assertThat(jobs.enqueue(job(key, unique("o")))).isFalse();
    assertThat(jobs.findByKey(key)).isPresent();
  }

  @Test
  void twoJobsOfOneOrderNeverRunAtOnce() {
    String order = unique("order");
    jobs.enqueue(job(unique("a"), order));
    jobs.enqueue(job(unique("b"), order));

    List<Job> first = claim("w1", 10).stream().filter(j -> j.orderKey().equals(order)).toList();
    List<Job> second = claim("w2", 10).stream().filter(j -> j.orderKey().equals(order)).toList();

    assertThat(first).hasSize(1);
    assertThat(second).isEmpty();
    tx.executeWithoutResult(s -> jobs.complete(first.get(0).id(), "w1", null));
    assertThat(claim("w2", 10).stream().filter(j -> j.orderKey().equals(order))).hasSize(1);
  }

  @Test
  void aJobWhoseWorkerDiedIsClaimedAgainAfterItsLease() {
    String order = unique("order");
    jobs.enqueue(job(unique("a"), order));
    Job taken = claim("dead-worker", 10).stream().filter(j -> j.orderKey().equals(order)).findFirst().orElseThrow();

    assertThat(claim("w2", 10).stream().filter(j -> j.orderKey().equals(order))).isEmpty();
    clock.advance(LEASE.plusSeconds(1));
    List<Job> again = claim("w2", 10).stream().filter(j -> j.orderKey().equals(order)).toList();

    assertThat(again).extracting(Job::id).containsExactly(taken.id());
    assertThat(again.get(0).attempts()).isEqualTo(2);
    Boolean completedByDeadWorker = tx.execute(s -> jobs.complete(taken.id(), "dead-worker", null));
    assertThat(completedByDeadWorker).isFalse();
  }

  @Test
  void aFailedAttemptIsDueAgainAfterItsBackoff() {
    String order = unique("order");
    jobs.enqueue(job(unique("a"), order));
    Job taken = claim("w1", 10).stream().filter(j -> j.orderKey().equals(order)).findFirst().orElseThrow();

    tx.executeWithoutResult(s -> jobs.fail(taken.id(), "w1", new Failure.Retry("timeout"), Duration.ofSeconds(30)));

    assertThat(claim("w1", 10).stream().filter(j -> j.orderKey().equals(order))).isEmpty();
    clock.advance(Duration.ofSeconds(31));
    assertThat(claim("w1", 10).stream().filter(j -> j.orderKey().equals(order))).hasSize(1);
  }

  @Test
  void aParkedJobCanBeRetriedOrDismissedButNotBoth() {
    String order = unique("order");
    jobs.enqueue(job(unique("a"), order));
    Job taken = claim("w1", 10).stream().filter(j -> j.orderKey().equals(order)).findFirst().orElseThrow();
    tx.executeWithoutResult(s -> jobs.fail(taken.id(), "w1", new Failure.Permanent("401"), null));
    assertThat(jobs.find(taken.id()).orElseThrow().state()).isEqualTo(JobState.EXCEPTION);

    jobs.dismiss(taken.id());

    assertThat(jobs.find(taken.id()).orElseThrow().state()).isEqualTo(JobState.DISMISSED);
    assertThatThrownBy(() -> jobs.retry(taken.id()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("current state: DISMISSED");
  }

  @Test
  void concurrentWorkersNeverClaimTheSameJob() throws Exception {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String key = unique("c");
      keys.add(key);
      jobs.enqueue(job(key, unique("order")));
    }
    Set<UUID> seen = ConcurrentHashMap.newKeySet();
    List<UUID> duplicates = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      String worker = "w" + w;
      futures.add(
          pool.submit(
              () -> {
                List<Job> batch;
                do {
                  batch = claim(worker, 5);
                  for (Job j : batch) {
                    if (!seen.add(j.id())) {
                      duplicates.add(j.id());
                    }
                    tx.executeWithoutResult(s -> jobs.complete(j.id(), worker, null));
                  }
                } while (!batch.isEmpty());
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();

    assertThat(duplicates).isEmpty();
    assertThat(keys).allSatisfy(k -> assertThat(jobs.findByKey(k).orElseThrow().state()).isEqualTo(JobState.DONE));
  }

  @Test
  void aHeartbeatKeepsARunningJobFromBeingTakenOver() {
    String order = unique("order");
    jobs.enqueue(job(unique("a"), order));
    Job taken = claim("alive", 10).stream().filter(j -> j.orderKey().equals(order)).findFirst().orElseThrow();

    clock.advance(Duration.ofMinutes(4));
    assertThat(jobs.extendLeases("alive", List.of(taken.id()), LEASE)).isEqualTo(1);
    clock.advance(Duration.ofMinutes(4));

    assertThat(claim("other", 10).stream().filter(j -> j.orderKey().equals(order))).isEmpty();
    assertThat(jobs.owns(taken.id(), "alive")).isTrue();
  }

  @Test
  void aJobWhoseWorkerKeepsDyingBecomesAnExceptionInsteadOfRunningForever() {
    String order = unique("order");
    String key = unique("a");
    jobs.enqueue(job(key, order));
    for (int attempt = 1; attempt <= 8; attempt++) {
      assertThat(claim("doomed-" + attempt, 100).stream().filter(j -> j.orderKey().equals(order))).hasSize(1);
      clock.advance(LEASE.plusSeconds(1));
    }

    assertThat(claim("next", 100).stream().filter(j -> j.orderKey().equals(order))).isEmpty();
    Job parked = jobs.findByKey(key).orElseThrow();
    assertThat(parked.state()).isEqualTo(JobState.EXCEPTION);
    assertThat(parked.lastError()).contains("lost 8 times");
  }
}
