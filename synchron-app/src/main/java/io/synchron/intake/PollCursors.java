package io.synchron.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where each channel's incremental poll resumes, leased so that only one instance polls a channel at a time. A
 * poll's window starts at the previous successful poll's start minus an overlap; the overlap's repeats are
 * de-duplicated by the inbox.
 */
@Repository
class PollCursors {

  private final JdbcClient jdbc;
  private final Clock clock;

  PollCursors(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Where a poll starts: the window's start, the offset reached by an interrupted poll of the same window (0 for a
   * new one), and when that window's first poll started (the cursor advances from there once it is read whole).
   */
  record Window(Instant since, int offset, Instant startedAt) {}

  /** Takes the channel's lease if it is free and the poll is due; returns where to start. */
  Optional<Window> lease(String channelId, String worker, Duration lease, Duration interval, Instant initialStart) {
    Instant now = clock.instant();
    jdbc.sql("insert into poll_cursor (channel_id, next_start) values (?, ?) on conflict do nothing")
        .params(channelId, Timestamp.from(initialStart))
        .update();
    return jdbc.sql(
            "update poll_cursor set leased_by = ?, lease_until = ?"
                + " where channel_id = ? and (lease_until is null or lease_until < ?)"
                + " and (last_poll_at is null or last_poll_at <= ?)"
                + " returning next_start, resume_offset, window_started_at")
        .params(worker, Timestamp.from(now.plus(lease)), channelId, Timestamp.from(now),
            Timestamp.from(now.minus(interval)))
        .query(
            (rs, i) -> {
              int offset = rs.getInt(2);
              Timestamp started = rs.getTimestamp(3);
              return offset > 0 && started != null
                  ? new Window(rs.getTimestamp(1).toInstant(), offset, started.toInstant())
                  : new Window(rs.getTimestamp(1).toInstant(), 0, now);
            })
        .optional();
  }

  /** Records how far a poll got in its window, so that an interruption resumes there. */
  void progressed(String channelId, int offset, Instant windowStartedAt) {
    jdbc.sql("update poll_cursor set resume_offset = ?, window_started_at = ? where channel_id = ?")
        .params(offset, Timestamp.from(windowStartedAt), channelId)
        .update();
  }

  void succeeded(String channelId, Instant pollStart, Instant nextStart) {
    jdbc.sql(
            "update poll_cursor set next_start = greatest(next_start, ?), last_poll_at = ?, last_success_at = ?,"
                + " consecutive_failures = 0, last_error = null, leased_by = null, lease_until = null,"
                + " resume_offset = 0, window_started_at = null where channel_id = ?")
        .params(Timestamp.from(nextStart), Timestamp.from(pollStart), Timestamp.from(pollStart), channelId)
        .update();
  }

  /** Records a failed poll; the next one waits at least {@code notBefore} (e.g. Mirakl's Retry-After). */
  void failed(String channelId, Instant pollStart, String error, Instant notBefore) {
    jdbc.sql(
            "update poll_cursor set last_poll_at = ?, consecutive_failures = consecutive_failures + 1,"
                + " last_error = ?, leased_by = null, lease_until = ? where channel_id = ?")
        .params(Timestamp.from(pollStart), error, notBefore == null ? null : Timestamp.from(notBefore), channelId)
        .update();
  }

  List<ChannelPollStatus> all() {
    return jdbc.sql(
            "select channel_id, next_start, last_poll_at, last_success_at, consecutive_failures, last_error"
                + " from poll_cursor order by channel_id")
        .query(
            (rs, i) ->
                new ChannelPollStatus(
                    rs.getString(1),
                    instant(rs.getTimestamp(2)),
                    instant(rs.getTimestamp(3)),
                    instant(rs.getTimestamp(4)),
                    rs.getInt(5),
                    rs.getString(6)))
        .list();
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}
