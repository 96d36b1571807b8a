package io.synchron.jobs;

import java.time.Instant;
import java.util.UUID;

/** A job as stored. {@code attempts} counts the claims so far, this one included while it runs. */
public record Job(
    UUID id,
    String kind,
    String idempotencyKey,
    String orderKey,
    UUID syncedOrderId,
    String payload,
    JobState state,
    Instant executeAt,
    int attempts,
    String lastError,
    String lastErrorKind,
    String result,
    Instant createdAt,
    Instant updatedAt) {}
