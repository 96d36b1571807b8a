package io.synchron.shared;

import java.time.Duration;
import java.util.Objects;

/** How a failed attempt should be treated: retried with backoff, retried after a given delay, or parked at once. */
public sealed interface Failure {

  String message();

  /** A transient failure (timeout, 5xx, connection reset): retry with backoff. */
  record Retry(String message) implements Failure {}

  /** The platform said when to come back (HTTP 429 Retry-After, Shopify THROTTLED). */
  record RetryAfter(Duration delay, String message) implements Failure {
    public RetryAfter {
      Objects.requireNonNull(delay);
    }
  }

  /** Retrying cannot help (401/403, validation, a business refusal): park as an exception. */
  record Permanent(String message) implements Failure {}

  /** Exceptions that know their own classification implement this. */
  interface Classified {
    Failure failure();
  }

  /** Classifies any throwable: classified ones say so themselves, anything else is treated as transient. */
  static Failure of(Throwable error) {
    Throwable t = error;
    while (t != null) {
      if (t instanceof Classified classified) {
        return classified.failure();
      }
      t = t.getCause();
    }
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    return new Retry(error.getClass().getSimpleName() + ": " + message);
  }

  static String kindOf(Failure failure) {
    if (failure instanceof Retry) {
      return "RETRY";
    }
    if (failure instanceof RetryAfter) {
      return "RETRY_AFTER";
    }
    return "PERMANENT";
  }
}
