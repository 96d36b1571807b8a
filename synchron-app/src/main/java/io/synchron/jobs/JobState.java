package io.synchron.jobs;

public enum JobState {
  PENDING,
  RUNNING,
  DONE,
  /** Parked: retrying cannot help, or retries ran out. A person can retry or dismiss it. */
  EXCEPTION,
  DISMISSED
}
