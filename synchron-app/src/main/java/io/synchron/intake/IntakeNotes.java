package io.synchron.intake;

import io.synchron.jobs.Job;
import io.synchron.order.OrderEvent;
import io.synchron.order.SyncedOrderId;
import io.synchron.order.SyncedOrders;
import io.synchron.shared.Failure;

/** Puts a job's failed attempt on its order's timeline, saying whether it will be retried or needs a person. */
final class IntakeNotes {

  private IntakeNotes() {}

  static void note(SyncedOrders orders, Job job, OrderEvent.Side side, String what, Failure failure, boolean parked) {
    if (job.syncedOrderId() == null) {
      return;
    }
    orders.lock(new SyncedOrderId(job.syncedOrderId()))
        .ifPresent(
            order -> {
              String outcome =
                  parked
                      ? "parked as an exception for a person to retry or dismiss"
                      : failure instanceof Failure.RetryAfter after
                          ? "will retry in " + after.delay().toSeconds() + "s as the platform asked"
                          : "will retry";
              order.note(
                  side,
                  parked ? "ACTION_PARKED" : "ACTION_FAILED",
                  what + " failed (attempt " + job.attempts() + "): " + failure.message() + "; " + outcome);
              orders.save(order);
            });
  }
}
