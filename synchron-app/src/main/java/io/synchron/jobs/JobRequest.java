package io.synchron.jobs;

import java.util.Objects;
import java.util.UUID;

/**
 * A job to enqueue. The idempotency key is deterministic (derived from what the job does, e.g. {@code
 * import:<order>}): enqueueing the same key twice keeps the first job. Jobs sharing an order key run one at a time.
 */
public record JobRequest(String kind, String idempotencyKey, String orderKey, UUID syncedOrderId, String payload) {
  public JobRequest {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(idempotencyKey);
    Objects.requireNonNull(orderKey);
    payload = payload == null ? "{}" : payload;
  }
}
