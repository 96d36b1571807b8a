package io.synchron.jobs;

import io.synchron.shared.Failure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The job table. {@link #enqueue} is "insert if the key is new" and joins the caller's transaction, so the
 * actions an applied signal implies are recorded together with the ledger change.
 */
@Repository
public class Jobs {

  /** Serialises claims across instances, so that "no other job of this order is running" holds when we claim. */
  private static final long CLAIM_LOCK = 0x5359_4E43L;

  private static final String COLUMNS =
      "id, kind, idempotency_key, order_key, synced_order_id, payload, state, execute_at, attempts, last_error,"
          + " last_error_kind, result, created_at, updated_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  public Jobs(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Inserts the job unless one with the same idempotency key exists. Returns whether it was inserted. */
  public boolean enqueue(JobRequest request) {
    return enqueue(request, Duration.ZERO);
  }

  public boolean enqueue(JobRequest request, Duration delay) {
    Timestamp now = Timestamp.from(clock.instant());
    return jdbc.sql(
                "insert into job (id, kind, idempotency_key, order_key, synced_order_id, payload, state,"
                    + " execute_at, attempts, created_at, updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, 'PENDING', ?, 0, ?, ?)"
                    + " on conflict (idempotency_key) do nothing")
            .params(
                UUID.randomUUID(),
                request.kind(),
                request.idempotencyKey(),
                request.orderKey(),
                request.syncedOrderId(),
                request.payload(),
                Timestamp.from(clock.instant().plus(delay)),
                now,
                now)
            .update()
        == 1;
  }

  /**
   * Claims up to {@code limit} due jobs, at most one per order key and none whose order key has a job running, and
   * marks them RUNNING for {@code worker} until the lease ends. Jobs whose lease expired (their worker died) are due
   * again. Runs in the caller's transaction, which must be short.
   */
  public List<Job> claim(String worker, int limit, Duration lease, int maxAttempts) {
    Instant now = clock.instant();
    jdbc.sql("select pg_advisory_xact_lock(?)").params(CLAIM_LOCK).query((rs, i) -> 1).list();
    Timestamp ts = Timestamp.from(now);
    // A job whose worker keeps dying under it (a crash, a hang) is not claimed forever: it becomes an exception.
    jdbc.sql(
            "update job set state = 'EXCEPTION', last_error_kind = 'PERMANENT', updated_at = ?, lease_until = null,"
                + " last_error = 'The worker running it was lost ' || attempts || ' times (crashed or stalled);"
                + " last error: ' || coalesce(last_error, 'none')"
                + " where state = 'RUNNING' and lease_until < ? and attempts >= ?")
        .params(ts, ts, maxAttempts)
        .update();
    List<UUID> ids =
        jdbc.sql(
                "select id from ("
                    + " select distinct on (j.order_key) j.id, j.execute_at, j.created_at from job j"
                    + " where ((j.state = 'PENDING' and j.execute_at <= ?)"
                    + "     or (j.state = 'RUNNING' and j.lease_until < ?))"
                    + " and not exists (select 1 from job r where r.order_key = j.order_key"
                    + "     and r.state = 'RUNNING' and r.lease_until >= ? and r.id <> j.id)"
                    + " order by j.order_key, j.execute_at, j.created_at) due"
                    + " order by execute_at, created_at limit ?")
            .params(ts, ts, ts, limit)
            .query((rs, i) -> rs.getObject(1, UUID.class))
            .list();
    List<Job> claimed = new ArrayList<>();
    for (UUID id : ids) {
      jdbc.sql(
              "update job set state = 'RUNNING', picked_by = ?, lease_until = ?, attempts = attempts + 1,"
                  + " updated_at = ? where id = ?")
          .params(worker, Timestamp.from(now.plus(lease)), ts, id)
          .update();
      find(id).ifPresent(claimed::add);
    }
    return claimed;
  }

  /** Extends the leases of the jobs this worker is running: its heartbeat. Returns how many it still owns. */
  public int extendLeases(String worker, java.util.Collection<UUID> ids, Duration lease) {
    if (ids.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            "update job set lease_until = ? where picked_by = ? and state = 'RUNNING' and id = any(?)")
        .params(Timestamp.from(clock.instant().plus(lease)), worker, ids.toArray(UUID[]::new))
        .update();
  }

  /** Whether {@code worker} still holds the job's lease. */
  public boolean owns(UUID id, String worker) {
    return jdbc.sql(
                "select count(*) from job where id = ? and state = 'RUNNING' and picked_by = ? and lease_until > ?")
            .params(id, worker, Timestamp.from(clock.instant()))
            .query(Long.class)
            .single()
        == 1;
  }

  /** Marks a running job done if {@code worker} still owns it; returns false if the lease was lost. */
  public boolean complete(UUID id, String worker, String result) {
    Timestamp now = Timestamp.from(clock.instant());
    return jdbc.sql(
                "update job set state = 'DONE', result = ?, completed_at = ?, updated_at = ?, lease_until = null"
                    + " where id = ? and state = 'RUNNING' and picked_by = ?")
            .params(result, now, now, id, worker)
            .update()
        == 1;
  }

  /** Records a failed attempt: due again after {@code retryIn}, or parked when {@code retryIn} is null. */
  public boolean fail(UUID id, String worker, Failure failure, Duration retryIn) {
    Instant now = clock.instant();
    String state = retryIn == null ? "EXCEPTION" : "PENDING";
    Instant next = retryIn == null ? now : now.plus(retryIn);
    return jdbc.sql(
                "update job set state = ?, execute_at = ?, last_error = ?, last_error_kind = ?, updated_at = ?,"
                    + " lease_until = null where id = ? and state = 'RUNNING' and picked_by = ?")
            .params(
                state,
                Timestamp.from(next),
                truncate(failure.message()),
                Failure.kindOf(failure),
                Timestamp.from(now),
                id,
                worker)
            .update()
        == 1;
  }

  public Optional<Job> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from job where id = ?").params(id).query(Jobs::map).optional();
  }

  public Optional<Job> findByKey(String idempotencyKey) {
    return jdbc.sql("select " + COLUMNS + " from job where idempotency_key = ?")
        .params(idempotencyKey)
        .query(Jobs::map)
        .optional();
  }

  public List<Job> forOrder(UUID syncedOrderId) {
    return jdbc.sql("select " + COLUMNS + " from job where synced_order_id = ? order by created_at")
        .params(syncedOrderId)
        .query(Jobs::map)
        .list();
  }

  public List<Job> inState(JobState state, int limit) {
    return jdbc.sql("select " + COLUMNS + " from job where state = ? order by updated_at desc limit ?")
        .params(state.name(), limit)
        .query(Jobs::map)
        .list();
  }

  public long count(JobState state) {
    return jdbc.sql("select count(*) from job where state = ?").params(state.name()).query(Long.class).single();
  }

  /** A person asks to try a parked job again: it is due now, with a fresh attempt budget. */
  public void retry(UUID id) {
    int updated =
        jdbc.sql(
                "update job set state = 'PENDING', execute_at = ?, attempts = 0, updated_at = ?"
                    + " where id = ? and state = 'EXCEPTION'")
            .params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), id)
            .update();
    requireMoved(id, updated, "retried");
  }

  /** A person decides a parked job is not to be done. */
  public void dismiss(UUID id) {
    int updated =
        jdbc.sql("update job set state = 'DISMISSED', updated_at = ? where id = ? and state = 'EXCEPTION'")
            .params(Timestamp.from(clock.instant()), id)
            .update();
    requireMoved(id, updated, "dismissed");
  }

  private void requireMoved(UUID id, int updated, String verb) {
    if (updated == 0) {
      JobState state =
          find(id).map(Job::state).orElseThrow(() -> new JobNotFoundException("No job " + id));
      throw new IllegalStateException(
          "Only a job in EXCEPTION can be " + verb + "; current state: " + state);
    }
  }

  private static String truncate(String message) {
    if (message == null) {
      return null;
    }
    return message.length() > 4000 ? message.substring(0, 4000) + "…" : message;
  }

  private static Job map(ResultSet rs, int row) throws SQLException {
    return new Job(
        rs.getObject("id", UUID.class),
        rs.getString("kind"),
        rs.getString("idempotency_key"),
        rs.getString("order_key"),
        rs.getObject("synced_order_id", UUID.class),
        rs.getString("payload"),
        JobState.valueOf(rs.getString("state")),
        rs.getTimestamp("execute_at").toInstant(),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        rs.getString("last_error_kind"),
        rs.getString("result"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
