package io.synchron.jobs;

import io.synchron.shared.Failure;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with a cap and 75-100% jitter, and a limit on attempts after which a job is parked. Waits the
 * platform asked for (Retry-After) are honoured as given and allowed three times as many attempts, because being
 * paced is not a sign that the job is broken.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  public Duration backoff(int attempt, DoubleSupplier random) {
    double base = initialBackoff.toMillis() * Math.pow(2, Math.max(0, attempt - 1));
    double capped = Math.min(base, maxBackoff.toMillis());
    return Duration.ofMillis((long) (capped * (0.75 + 0.25 * random.getAsDouble())));
  }

  /** Whether a job that failed its {@code attempt}-th attempt this way is given up on. */
  public boolean exhausted(int attempt, Failure failure) {
    if (failure instanceof Failure.Permanent) {
      return true;
    }
    int limit = failure instanceof Failure.RetryAfter ? maxAttempts * 3 : maxAttempts;
    return attempt >= limit;
  }
}
