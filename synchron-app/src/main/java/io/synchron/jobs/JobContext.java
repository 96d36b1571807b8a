package io.synchron.jobs;

/** What a running handler can do with its own job. */
public interface JobContext {

  /**
   * Marks the job done within the caller's current transaction. Throws {@link LeaseLostException} (rolling the
   * caller's transaction back) if this worker no longer owns the job.
   */
  void completeInTransaction(String result);

  /**
   * Throws {@link LeaseLostException} if this worker no longer holds the job (another worker may be running it).
   * Call it right before a write to a platform that has no idempotency key.
   */
  void requireLease();
}
