package io.synchron.connector.shopify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Shopify's leaky bucket as last reported in {@code extensions.cost.throttleStatus}, projected forward with the
 * restore rate. Used to wait before a request that would be throttled instead of sending it and being refused.
 */
final class ThrottleState {

  private final Clock clock;
  private double maximumAvailable = Double.NaN;
  private double currentlyAvailable;
  private double restoreRate;
  private Instant observedAt;
  private double pointsUsed;
  private double pointsRestoreWindowSeconds;

  ThrottleState(Clock clock) {
    this.clock = clock;
  }

  synchronized void observe(double maximum, double current, double restore, double actualCost) {
    maximumAvailable = maximum;
    currentlyAvailable = current;
    restoreRate = restore;
    observedAt = clock.instant();
    pointsUsed += actualCost;
  }

  /** How long to wait before spending {@code cost} points; zero when unknown or available now. */
  synchronized Duration waitFor(double cost) {
    if (Double.isNaN(maximumAvailable) || restoreRate <= 0) {
      return Duration.ZERO;
    }
    double elapsed = Duration.between(observedAt, clock.instant()).toMillis() / 1000.0;
    double available = Math.min(maximumAvailable, currentlyAvailable + elapsed * restoreRate);
    double needed = Math.min(cost, maximumAvailable) - available;
    if (needed <= 0) {
      currentlyAvailable = available - cost;
      observedAt = clock.instant();
      return Duration.ZERO;
    }
    return Duration.ofMillis((long) Math.ceil(needed / restoreRate * 1000));
  }

  synchronized double pointsUsed() {
    return pointsUsed;
  }

  synchronized double restoreRate() {
    return restoreRate;
  }

  synchronized double maximumAvailable() {
    return maximumAvailable;
  }
}
