package io.synchron.inbox;

import java.time.Instant;

public record InboxSignal(
    long id,
    String channelId,
    String source,
    String dedupKey,
    String subject,
    Instant receivedAt,
    String payload,
    Status status,
    String error) {

  public enum Status {
    PENDING,
    APPLIED,
    /** Could not be read or applied; kept with the reason for a person to retry or dismiss. */
    FAILED,
    DISMISSED,
    /** Older than what the ledger already has; nothing to do. */
    STALE
  }
}
