/**
 * Durable outbound work: jobs are rows in PostgreSQL, enqueued idempotently (a job's idempotency key is unique),
 * claimed by workers on any instance, serialised per order (two jobs with the same order key never run at once),
 * retried with capped, jittered backoff according to how their failure is classified, and parked as a visible
 * exception when retrying cannot help. A handler may complete its job inside its own transaction so that the job's
 * end and the handler's results commit together.
 */
package io.synchron.jobs;
