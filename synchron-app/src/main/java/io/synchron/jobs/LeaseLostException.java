package io.synchron.jobs;

/** The job was reclaimed by another worker (this one outlived its lease); whatever this worker did is rolled back. */
public class LeaseLostException extends RuntimeException {
  public LeaseLostException(String message) {
    super(message);
  }
}
