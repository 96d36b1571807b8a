package io.synchron.simulator.shopify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Shopify's GraphQL cost bucket: {@code size} points, refilled at {@code restoreRate} points per
 * second of the injected clock. Callers synchronize externally (the simulator's state monitor).
 */
final class LeakyBucket {

  private final double size;
  private final double restoreRate;
  private final Clock clock;
  private double available;
  private Instant refilledAt;

  LeakyBucket(double size, double restoreRate, Clock clock) {
    this.size = size;
    this.restoreRate = restoreRate;
    this.clock = clock;
    this.available = size;
    this.refilledAt = clock.instant();
  }

  /** Takes {@code cost} points if that many are available. */
  boolean tryTake(double cost) {
    refill();
    if (cost > available) {
      return false;
    }
    available -= cost;
    return true;
  }

  /** Gives back points reserved but not used (requested minus actual cost). */
  void giveBack(double points) {
    available = Math.min(size, available + Math.max(0, points));
  }

  double size() {
    return size;
  }

  double restoreRate() {
    return restoreRate;
  }

  double available() {
    refill();
    return available;
  }

  private void refill() {
    Instant now = clock.instant();
    Duration elapsed = Duration.between(refilledAt, now);
    if (!elapsed.isNegative()) {
      available = Math.min(size, available + restoreRate * elapsed.toNanos() / 1e9);
    }
    refilledAt = now;
  }
}
