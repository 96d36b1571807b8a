package io.synchron.connector.mirakl;

import io.synchron.shared.Failure;
import java.time.Duration;
import java.util.Optional;

/**
 * Maps a Mirakl answer to a retry decision. 429 waits for Retry-After (a minute if Mirakl gives none: OR11's
 * documented maximum frequency); 408, 5xx and transport errors retry with backoff; 401/403 (key revoked), 400
 * (validation, wrong state) and 404 are permanent: sending the same call again cannot succeed.
 */
final class MiraklErrorClassifier {

  static final Duration DEFAULT_RETRY_AFTER = Duration.ofMinutes(1);

  private MiraklErrorClassifier() {}

  static Failure classify(int status, Optional<String> retryAfter, String message) {
    if (status == 429) {
      return new Failure.RetryAfter(retryAfter.flatMap(MiraklErrorClassifier::seconds).orElse(DEFAULT_RETRY_AFTER), message);
    }
    if (status == 408 || status >= 500) {
      return new Failure.Retry(message);
    }
    return new Failure.Permanent(message);
  }

  private static Optional<Duration> seconds(String value) {
    try {
      long s = Long.parseLong(value.trim());
      return Optional.of(Duration.ofSeconds(Math.max(1, s)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
