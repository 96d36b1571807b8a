package io.synchron.jobs;

import io.synchron.shared.Failure;

/**
 * Runs one kind of job. {@link #run} may be called more than once for the same job (after a crash, a lost lease or a
 * retry), so it must be safe to repeat: read before writing, reuse the job's idempotency key. To make its results
 * and the job's end commit together, the handler calls {@link JobContext#completeInTransaction} inside its own
 * transaction; if it returns without doing so, the runner completes the job.
 */
public interface JobHandler {

  String kind();

  void run(Job job, JobContext context) throws Exception;

  /** Called after a failed attempt, in its own transaction: e.g. to put the failure on the order's timeline. */
  default void failed(Job job, Failure failure, boolean parked) {}
}
