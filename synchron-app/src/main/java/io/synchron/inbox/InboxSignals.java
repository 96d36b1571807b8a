package io.synchron.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The inbox table. All methods join the caller's transaction. */
@Repository
public class InboxSignals {

  private static final String COLUMNS =
      "id, channel_id, source, dedup_key, subject, received_at, payload, status, error";

  private final JdbcClient jdbc;
  private final Clock clock;

  public InboxSignals(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Stores a signal unless one with the same source key exists; returns whether it was new. */
  public boolean store(String channelId, String source, String dedupKey, String subject, String payload) {
    return jdbc.sql(
                "insert into inbox_signal (channel_id, source, dedup_key, subject, received_at, payload, status)"
                    + " values (?, ?, ?, ?, ?, ?, 'PENDING') on conflict do nothing")
            .params(channelId, source, dedupKey, subject, Timestamp.from(clock.instant()), payload)
            .update()
        == 1;
  }

  /** Which of these source keys are stored already (one query for a whole page of a poll). */
  public java.util.Set<String> existingKeys(String channelId, String source, List<String> keys) {
    if (keys.isEmpty()) {
      return java.util.Set.of();
    }
    return new java.util.HashSet<>(
        jdbc.sql(
                "select dedup_key from inbox_signal where source = ? and channel_id = ? and dedup_key = any(?)")
            .params(source, channelId, keys.toArray(String[]::new))
            .query(String.class)
            .list());
  }

  public Optional<InboxSignal> latest(String channelId, String source, String dedupKey) {
    return jdbc.sql("select " + COLUMNS + " from inbox_signal where channel_id = ? and source = ? and dedup_key = ?")
        .params(channelId, source, dedupKey)
        .query(InboxSignals::map)
        .optional();
  }

  /** Records what a delivery said about itself (topic, when the platform triggered it). */
  public void describe(long id, String topic, java.time.Instant occurredAt) {
    jdbc.sql("update inbox_signal set topic = ?, occurred_at = ? where id = ?")
        .params(topic, occurredAt == null ? null : Timestamp.from(occurredAt), id)
        .update();
  }

  /** Locks the next pending signals of a channel, oldest first, skipping those another instance is applying. */
  public List<InboxSignal> lockPending(String channelId, String source, int limit) {
    return jdbc.sql(
            "select " + COLUMNS + " from inbox_signal where channel_id = ? and source = ? and status = 'PENDING'"
                + " order by id limit ? for update skip locked")
        .params(channelId, source, limit)
        .query(InboxSignals::map)
        .list();
  }

  public void mark(long id, InboxSignal.Status status, String error) {
    jdbc.sql("update inbox_signal set status = ?, error = ?, applied_at = ? where id = ?")
        .params(status.name(), error, Timestamp.from(clock.instant()), id)
        .update();
  }

  public Optional<InboxSignal> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from inbox_signal where id = ?")
        .params(id)
        .query(InboxSignals::map)
        .optional();
  }

  public List<InboxSignal> inStatus(InboxSignal.Status status, int limit) {
    return jdbc.sql("select " + COLUMNS + " from inbox_signal where status = ? order by id desc limit ?")
        .params(status.name(), limit)
        .query(InboxSignals::map)
        .list();
  }

  public long count(InboxSignal.Status status) {
    return jdbc.sql("select count(*) from inbox_signal where status = ?")
        .params(status.name())
        .query(Long.class)
        .single();
  }

  /** A person asks to apply a failed signal again (e.g. after an upgrade that reads it). */
  public void retry(long id) {
    move(id, "PENDING", "retried");
  }

  public void dismiss(long id) {
    move(id, "DISMISSED", "dismissed");
  }

  private void move(long id, String to, String verb) {
    int updated =
        jdbc.sql("update inbox_signal set status = ? where id = ? and status = 'FAILED'")
            .params(to, id)
            .update();
    if (updated == 0) {
      InboxSignal signal =
          find(id).orElseThrow(() -> new IllegalArgumentException("No inbox signal " + id));
      throw new IllegalStateException(
          "Only a FAILED signal can be " + verb + "; current status: " + signal.status());
    }
  }

  private static InboxSignal map(ResultSet rs, int row) throws SQLException {
    return new InboxSignal(
        rs.getLong("id"),
        rs.getString("channel_id"),
        rs.getString("source"),
        rs.getString("dedup_key"),
        rs.getString("subject"),
        rs.getTimestamp("received_at").toInstant(),
        rs.getString("payload"),
        InboxSignal.Status.valueOf(rs.getString("status")),
        rs.getString("error"));
  }
}
