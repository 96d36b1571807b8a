package io.synchron.invoicing;

import io.synchron.jobs.Job;
import io.synchron.order.OrderEvent;
import io.synchron.order.SyncedOrderId;
import io.synchron.order.SyncedOrders;
import io.synchron.shared.Failure;

/** Puts an invoicing job's failed attempt on its order's timeline. */
final class InvoicingNotes {

  private InvoicingNotes() {}

  static void note(SyncedOrders orders, Job job, String what, Failure failure, boolean parked) {
    if (job.syncedOrderId() == null) {
      return;
    }
    orders.lock(new SyncedOrderId(job.syncedOrderId())).ifPresent(order -> {
      order.note(OrderEvent.Side.SYNCHRON, parked ? "ACTION_PARKED" : "ACTION_FAILED", what + " failed (attempt "
          + job.attempts() + "): " + failure.message() + (parked ? "; parked as an exception" : "; will retry"));
      orders.save(order);
    });
  }
}
