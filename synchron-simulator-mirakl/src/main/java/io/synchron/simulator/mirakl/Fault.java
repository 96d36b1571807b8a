package io.synchron.simulator.mirakl;

import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A misbehaviour scripted for the next call of one operation (see {@link ScriptedFaults}). Faults
 * apply only to calls that passed authentication and the {@code minIntervalPerOperation} limit.
 */
public sealed interface Fault
    permits Fault.Status, Fault.RateLimited, Fault.Delay, Fault.ApplyThenStatus, Fault.RewriteBody {

  /** Answers {@code status} with a JSON error body; the operation does not run. */
  static Fault status(int status) {
    return new Status(status);
  }

  /**
   * Answers 429 with {@code Retry-After} in whole seconds (rounded up); the operation does not run.
   */
  static Fault rateLimited(Duration retryAfter) {
    return new RateLimited(retryAfter);
  }

  /**
   * Runs the operation (its state change happens at once), then holds the answer back for {@code
   * delay}: a client that times out cannot know whether its call took effect, as in production.
   */
  static Fault delay(Duration delay) {
    return new Delay(delay);
  }

  /**
   * Runs the operation, state change included, then answers {@code status} with a JSON error body
   * instead of the real answer: "the first call actually succeeded".
   */
  static Fault applyThenStatus(int status) {
    return new ApplyThenStatus(status);
  }

  /**
   * Runs the operation normally but sends {@code rewrite.apply(body)} as the body, to truncate
   * JSON, inject unknown enum values or drop fields. Statuses without a body (204) send none
   * whatever the function returns.
   */
  static Fault rewriteBody(UnaryOperator<String> rewrite) {
    return new RewriteBody(rewrite);
  }

  /** See {@link Fault#status(int)}. */
  record Status(int status) implements Fault {
    public Status {
      requireHttpStatus(status);
    }
  }

  /** See {@link Fault#rateLimited(Duration)}. */
  record RateLimited(Duration retryAfter) implements Fault {
    public RateLimited {
      requireNotNegative(retryAfter);
    }
  }

  /** See {@link Fault#delay(Duration)}. */
  record Delay(Duration delay) implements Fault {
    public Delay {
      requireNotNegative(delay);
    }
  }

  /** See {@link Fault#applyThenStatus(int)}. */
  record ApplyThenStatus(int status) implements Fault {
    public ApplyThenStatus {
      requireHttpStatus(status);
    }
  }

  /** See {@link Fault#rewriteBody(UnaryOperator)}. */
  record RewriteBody(UnaryOperator<String> rewrite) implements Fault {
    public RewriteBody {
      Objects.requireNonNull(rewrite, "rewrite");
    }
  }

  private static void requireHttpStatus(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
  }

  private static void requireNotNegative(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative: " + duration);
    }
  }
}
