package io.synchron.jobs;

import io.synchron.shared.Failure;

import io.synchron.config.SynchronProperties;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Worker threads that claim due jobs and run their handlers. Any number of instances may run against one database.
 * An {@link Exception} from a handler is a failed attempt, classified by {@link Failure#of}; an {@link Error} is
 * treated like the process dying: nothing is recorded and the job is claimed again once its lease has expired.
 */
@Component
public class JobRunner implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

  private final Jobs jobs;
  private final TransactionTemplate tx;
  private final Map<String, JobHandler> handlers;
  private final SynchronProperties.Jobs config;
  private final RetryPolicy policy;
  private final String workerId;
  private final AtomicBoolean running = new AtomicBoolean();
  private final java.util.Set<UUID> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private ExecutorService pool;
  private java.util.concurrent.ScheduledExecutorService heartbeat;

  public JobRunner(
      Jobs jobs, TransactionTemplate tx, List<JobHandler> handlers, SynchronProperties properties) {
    this.jobs = jobs;
    this.tx = tx;
    this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
    this.config = properties.jobs();
    this.policy = new RetryPolicy(config.maxAttempts(), config.initialBackoff(), config.maxBackoff());
    this.workerId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Override
  public void start() {
    if (!config.enabled() || !running.compareAndSet(false, true)) {
      return;
    }
    pool = Executors.newFixedThreadPool(config.workers(), r -> {
      Thread t = new Thread(r, "synchron-job-worker");
      t.setDaemon(true);
      return t;
    });
    for (int i = 0; i < config.workers(); i++) {
      pool.submit(this::loop);
    }
    heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "synchron-job-heartbeat");
      t.setDaemon(true);
      return t;
    });
    long every = Math.max(1000, config.lease().toMillis() / 3);
    heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    log.info("Job runner {} started with {} workers", workerId, config.workers());
  }

  @Override
  public void stop() {
    if (running.compareAndSet(true, false) && pool != null) {
      heartbeat.shutdownNow();
      pool.shutdownNow();
      try {
        pool.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running.get();
  }

  private void loop() {
    while (running.get()) {
      try {
        if (!runOnce()) {
          Thread.sleep(config.idlePause().toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Error e) {
        // What a dying process would leave: the job stays claimed until its lease ends, then another worker
        // takes it. This worker carries on rather than shrinking the pool.
        log.error("A job worker died mid-job; its job will be claimed again when its lease expires", e);
      } catch (RuntimeException e) {
        if (!running.get()) {
          return;
        }
        log.warn("Job worker loop failed; pausing before the next claim", e);
        try {
          Thread.sleep(config.idlePause().toMillis() * 4);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Keeps the leases of running jobs alive while this process is; a dead process stops beating. */
  void beat() {
    try {
      jobs.extendLeases(workerId, List.copyOf(inFlight), config.lease());
    } catch (RuntimeException e) {
      log.warn("Could not extend the leases of running jobs", e);
    }
  }

  /** Claims and runs one due job, if any. Returns whether one ran. */
  public boolean runOnce() {
    List<Job> claimed = tx.execute(status -> jobs.claim(workerId, 1, config.lease(), config.maxAttempts()));
    if (claimed == null || claimed.isEmpty()) {
      return false;
    }
    claimed.forEach(this::execute);
    return true;
  }

  private void execute(Job job) {
    JobHandler handler = handlers.get(job.kind());
    if (handler == null) {
      recordFailure(job, null, new Failure.Permanent("No handler for job kind " + job.kind()));
      return;
    }
    CompletionContext context = new CompletionContext(job.id());
    inFlight.add(job.id());
    try {
      handler.run(job, context);
      if (!context.completed) {
        boolean owned = Boolean.TRUE.equals(tx.execute(s -> jobs.complete(job.id(), workerId, null)));
        if (!owned) {
          log.warn("Job {} ({}) finished after its lease was lost", job.id(), job.kind());
        }
      }
    } catch (LeaseLostException e) {
      log.warn("Job {} ({}): {}", job.id(), job.kind(), e.getMessage());
    } catch (Exception e) {
      recordFailure(job, handler, Failure.of(e));
      if (!(Failure.of(e) instanceof Failure.Permanent)) {
        log.info("Job {} ({}) attempt {} failed: {}", job.id(), job.kind(), job.attempts(), e.toString());
      }
    } finally {
      inFlight.remove(job.id());
    }
  }

  private void recordFailure(Job job, JobHandler handler, Failure failure) {
    boolean parked = policy.exhausted(job.attempts(), failure);
    java.time.Duration retryIn =
        parked
            ? null
            : failure instanceof Failure.RetryAfter after
                ? after.delay()
                : policy.backoff(job.attempts(), () -> ThreadLocalRandom.current().nextDouble());
    tx.executeWithoutResult(
        status -> {
          if (jobs.fail(job.id(), workerId, failure, retryIn) && handler != null) {
            handler.failed(job, failure, parked);
          }
        });
    if (parked) {
      log.warn("Job {} ({}) parked as an exception: {}", job.id(), job.kind(), failure.message());
    }
  }

  private final class CompletionContext implements JobContext {
    private final UUID jobId;
    private boolean completed;

    CompletionContext(UUID jobId) {
      this.jobId = jobId;
    }

    @Override
    public void completeInTransaction(String result) {
      if (!TransactionSynchronizationManager.isActualTransactionActive()) {
        throw new IllegalStateException("completeInTransaction must be called inside a transaction");
      }
      if (!jobs.complete(jobId, workerId, result)) {
        throw new LeaseLostException("Job " + jobId + " is no longer owned by " + workerId);
      }
      completed = true;
    }

    @Override
    public void requireLease() {
      if (!jobs.owns(jobId, workerId)) {
        throw new LeaseLostException("Job " + jobId + " is no longer owned by " + workerId);
      }
    }
  }

  public String workerId() {
    return workerId;
  }
}
