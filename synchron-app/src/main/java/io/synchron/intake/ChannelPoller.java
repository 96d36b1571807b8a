package io.synchron.intake;

import io.synchron.config.SynchronProperties;
import io.synchron.connector.Connectors;
import io.synchron.connector.MarketplaceConnector;
import io.synchron.connector.MarketplaceConnector.OrderPage;
import io.synchron.connector.MarketplaceConnector.RawOrder;
import io.synchron.connector.PlatformException;
import io.synchron.inbox.InboxSignals;
import io.synchron.shared.Failure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Polls every channel for orders updated since its cursor, stores each page in the inbox (one transaction per page,
 * de-duplicated on order id + last-update date), advances the cursor only when every page was stored, then applies
 * the pending signals. A failed poll leaves the cursor where it was, so nothing is skipped; it is retried at the
 * next interval, or after the platform's Retry-After.
 */
@Component
public class ChannelPoller {

  private static final Logger log = LoggerFactory.getLogger(ChannelPoller.class);
  private static final int PAGE_SIZE = 100;
  private static final int MAX_PAGES = 10_000;
  private static final Duration LEASE = Duration.ofMinutes(10);

  private final SynchronProperties properties;
  private final Connectors connectors;
  private final InboxSignals inbox;
  private final PollCursors cursors;
  private final SignalApplier applier;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final ReturnFlow returnFlow;
  private final String worker = "poller-" + UUID.randomUUID();

  ChannelPoller(
      SynchronProperties properties,
      Connectors connectors,
      InboxSignals inbox,
      PollCursors cursors,
      SignalApplier applier,
      TransactionTemplate tx,
      Clock clock,
      ReturnFlow returnFlow) {
    this.returnFlow = returnFlow;
    this.properties = properties;
    this.connectors = connectors;
    this.inbox = inbox;
    this.cursors = cursors;
    this.applier = applier;
    this.tx = tx;
    this.clock = clock;
  }

  /** What one poll did. */
  public record PollResult(boolean polled, int received, int newSignals, int applied, String error) {}

  /** Polls every enabled channel that is due. */
  @Scheduled(fixedDelayString = "${synchron.polling.tick:PT1S}", initialDelayString = "${synchron.polling.initial-delay:PT2S}")
  void pollDueChannels() {
    if (!pollingEnabled) {
      return;
    }
    for (SynchronProperties.Channel channel : properties.channels()) {
      if (channel.enabled()) {
        try {
          poll(channel.id(), channel.effectivePollInterval());
        } catch (RuntimeException e) {
          log.warn("Polling channel {} failed unexpectedly", channel.id(), e);
        }
      }
    }
  }

  private volatile boolean pollingEnabled = true;

  @org.springframework.beans.factory.annotation.Value("${synchron.polling.enabled:true}")
  void setPollingEnabled(boolean enabled) {
    this.pollingEnabled = enabled;
  }

  /** Polls a channel now, whatever its interval (unless another instance is polling it). */
  public PollResult pollNow(String channelId) {
    return poll(channelId, Duration.ZERO);
  }

  private PollResult poll(String channelId, Duration interval) {
    SynchronProperties.Channel channel = properties.channel(channelId);
    Instant pollStart = clock.instant();
    PollCursors.Window window =
        cursors
            .lease(channelId, worker, LEASE, interval, pollStart.minus(channel.initialLookback()))
            .orElse(null);
    if (window == null) {
      return new PollResult(false, 0, 0, 0, null);
    }
    MarketplaceConnector connector = connectors.marketplace(channelId);
    int received = 0;
    int stored = 0;
    try {
      int offset = window.offset();
      boolean complete = false;
      for (int page = 0; page < MAX_PAGES && !complete; page++) {
        OrderPage result = connector.updatedOrders(window.since(), offset, PAGE_SIZE);
        List<RawOrder> orders = result.orders();
        received += orders.size();
        int reached = offset + orders.size();
        Integer added =
            tx.execute(
                s -> {
                  int n = storeAll(channelId, orders);
                  cursors.progressed(channelId, reached, window.startedAt());
                  return n;
                });
        stored += added == null ? 0 : added;
        offset = reached;
        complete = orders.isEmpty() || offset >= result.totalCount();
      }
      if (complete) {
        // The window was read to its end: the next one starts at this window's start less the overlap.
        cursors.succeeded(channelId, pollStart, window.startedAt().minus(channel.pollOverlap()));
      } else {
        cursors.failed(channelId, pollStart, "more than " + MAX_PAGES + " pages; continuing at the next poll", null);
      }
    } catch (PlatformException e) {
      Failure failure = e.failure();
      Instant notBefore =
          failure instanceof Failure.RetryAfter after ? clock.instant().plus(after.delay()) : null;
      cursors.failed(channelId, pollStart, e.getMessage(), notBefore);
      log.warn("Poll of channel {} failed: {}", channelId, e.getMessage());
      int applied = applier.applyPending(channelId);
      return new PollResult(true, received, stored, applied, e.getMessage());
    }
    int applied = applier.applyPending(channelId);
    returnFlow.poll(channelId);
    return new PollResult(true, received, stored, applied, null);
  }

  private int storeAll(String channelId, List<RawOrder> orders) {
    List<String> keys = orders.stream().map(ChannelPoller::dedupKey).toList();
    // A poll's window overlaps the previous one: most of a page is usually known already.
    java.util.Set<String> known = inbox.existingKeys(channelId, SignalApplier.SOURCE, keys);
    int added = 0;
    for (int i = 0; i < orders.size(); i++) {
      RawOrder order = orders.get(i);
      if (!known.contains(keys.get(i))
          && inbox.store(channelId, SignalApplier.SOURCE, keys.get(i), order.orderId(), order.json())) {
        added++;
      }
    }
    return added;
  }

  /**
   * The identity of one version of an order: its id and last-update date as the marketplace gives them, plus a hash
   * of the content, because two changes within the same timestamp (Mirakl's dates may have whole seconds) must not
   * be taken for one. Re-reading an unchanged order in the overlap gives the same key.
   */
  static String dedupKey(RawOrder order) {
    String hash = sha256(order.json()).substring(0, 16);
    return order.orderId() != null && order.updatedAt() != null
        ? order.orderId() + "@" + order.updatedAt() + "#" + hash
        : "sha256:" + hash;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public List<ChannelPollStatus> status() {
    return cursors.all();
  }
}
