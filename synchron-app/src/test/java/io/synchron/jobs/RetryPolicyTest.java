package io.synchron.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.synchron.shared.Failure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(60));

  @Test
  void backoffDoublesPerAttempt() {
    assertThat(policy.backoff(1, () -> 1.0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.backoff(3, () -> 1.0)).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void backoffIsCapped() {
    assertThat(policy.backoff(20, () -> 1.0)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void jitterTakesOffAtMostAQuarter() {
    assertThat(policy.backoff(3, () -> 0.0)).isEqualTo(Duration.ofSeconds(6));
  }

  @Test
  void aPermanentFailureIsExhaustedAtOnce() {
    assertThat(policy.exhausted(1, new Failure.Permanent("401"))).isTrue();
  }

  @Test
  void transientFailuresAreRetriedUpToTheLimit() {
    assertThat(policy.exhausted(4, new Failure.Retry("timeout"))).isFalse();
    assertThat(policy.exhausted(5, new Failure.Retry("timeout"))).isTrue();
  }

  @Test
  void beingPacedByThePlatformIsAllowedMoreAttempts() {
    assertThat(policy.exhausted(5, new Failure.RetryAfter(Duration.ofSeconds(1), "429"))).isFalse();
    assertThat(policy.exhausted(15, new Failure.RetryAfter(Duration.ofSeconds(1), "429"))).isTrue();
  }
}
