package io.synchron.api;

import io.synchron.inbox.InboxSignal;
import io.synchron.inbox.InboxSignals;
import io.synchron.intake.ChannelPollStatus;
import io.synchron.intake.ChannelPoller;
import io.synchron.jobs.Job;
import io.synchron.jobs.JobState;
import io.synchron.jobs.Jobs;
import io.synchron.order.MarketplaceStatus;
import io.synchron.order.SyncedOrder;
import io.synchron.order.SyncedOrderId;
import io.synchron.order.SyncedOrders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Everything that needs a person, in one list, each with the actions that resolve it: parked jobs (retry,
 * dismiss), orders held for review (accept, refuse), unreadable inbound signals (retry, dismiss) and channels
 * whose polling keeps failing (poll now).
 */
@RestController
@RequestMapping("/api/exceptions")
class ExceptionsController {

  private static final int CHANNEL_FAILURES_SHOWN = 3;

  private final Jobs jobs;
  private final SyncedOrders orders;
  private final InboxSignals inbox;
  private final ChannelPoller poller;
  private final io.synchron.intake.ManualDecisions decisions;

  private final io.synchron.refunds.OrderReturns returns;

  ExceptionsController(
      Jobs jobs,
      SyncedOrders orders,
      InboxSignals inbox,
      ChannelPoller poller,
      io.synchron.intake.ManualDecisions decisions,
      io.synchron.refunds.OrderReturns returns) {
    this.returns = returns;
    this.decisions = decisions;
    this.jobs = jobs;
    this.orders = orders;
    this.inbox = inbox;
    this.poller = poller;
  }

  record ExceptionView(
      String id,
      String type,
      UUID orderId,
      String channelId,
      String marketplaceOrderId,
      String reason,
      String marketplaceStatus,
      String shopifyStatus,
      Instant since,
      List<String> actions) {}

  /**
   * What can be done about an order that needs attention: decide the returns waiting for a decision
   * ({@code accept-return:<returnId>}, {@code refuse-return:<returnId>}), resolve open incidents ({@code
   * resolve-incident:<lineId>}), and dismiss once dealt with.
   */
  private List<String> attentionActions(SyncedOrder order) {
    List<String> actions = new ArrayList<>();
    for (var r : returns.ofOrder(order.id())) {
      if ("WAITING_ACCEPTANCE".equals(r.state())) {
        actions.add("accept-return:" + r.marketplaceReturnId());
        actions.add("refuse-return:" + r.marketplaceReturnId());
      }
    }
    for (String line : order.linesWithOpenIncident()) {
      actions.add("resolve-incident:" + line);
    }
    actions.add("dismiss");
    return actions;
  }

  @GetMapping
  List<ExceptionView> list() {
    List<ExceptionView> all = new ArrayList<>();
    for (Job job : jobs.inState(JobState.EXCEPTION, 500)) {
      SyncedOrder order =
          job.syncedOrderId() == null ? null : orders.find(new SyncedOrderId(job.syncedOrderId())).orElse(null);
      all.add(
          new ExceptionView(
              "job-" + job.id(),
              "ACTION_FAILED:" + job.kind(),
              job.syncedOrderId(),
              order == null ? null : order.channelId(),
              order == null ? null : order.marketplaceOrderId(),
              job.lastError(),
              order == null ? null : order.marketplaceStatus().name(),
              order == null ? null : order.shopifyStatus().name(),
              job.updatedAt(),
              List.of("retry", "dismiss")));
    }
    SyncedOrders.Filter review = new SyncedOrders.Filter(null, MarketplaceStatus.IN_REVIEW, null);
    for (SyncedOrder order : orders.list(review, 500, 0)) {
      all.add(
          new ExceptionView(
              "review-" + order.id(),
              "ORDER_NEEDS_DECISION",
              order.id().value(),
              order.channelId(),
              order.marketplaceOrderId(),
              order.reviewReason(),
              order.marketplaceStatus().name(),
              order.shopifyStatus().name(),
              order.snapshot().updatedAt(),
              List.of("accept", "refuse")));
    }
    for (SyncedOrder order : orders.needingAttention(500)) {
      all.add(
          new ExceptionView(
              "attention-" + order.id(),
              "ORDER_NEEDS_ATTENTION",
              order.id().value(),
              order.channelId(),
              order.marketplaceOrderId(),
              order.attention(),
              order.marketplaceStatus().name(),
              order.shopifyStatus().name(),
              order.snapshot().updatedAt(),
              attentionActions(order)));
    }
    for (InboxSignal signal : inbox.inStatus(InboxSignal.Status.FAILED, 500)) {
      all.add(
          new ExceptionView(
              "signal-" + signal.id(),
              "UNREADABLE_SIGNAL",
              null,
              signal.channelId(),
              signal.subject(),
              signal.error(),
              null,
              null,
              signal.receivedAt(),
              List.of("retry", "dismiss")));
    }
    for (ChannelPollStatus status : poller.status()) {
      if (status.consecutiveFailures() >= CHANNEL_FAILURES_SHOWN) {
        all.add(
            new ExceptionView(
                "channel-" + status.channelId(),
                "CHANNEL_POLL_FAILING",
                null,
                status.channelId(),
                null,
                status.consecutiveFailures() + " polls in a row failed: " + status.lastError(),
                null,
                null,
                status.lastPollAt(),
                List.of("poll")));
      }
    }
    return all;
  }

  @PostMapping("/{id}/retry")
  @Transactional
  void retry(@PathVariable String id) {
    if (id.startsWith("job-")) {
      jobs.retry(UUID.fromString(id.substring(4)));
    } else if (id.startsWith("signal-")) {
      inbox.retry(Long.parseLong(id.substring(7)));
    } else {
      throw new IllegalArgumentException(
          "Only job-… and signal-… exceptions can be retried; use the order's accept/refuse for review-…");
    }
  }

  @PostMapping("/{id}/dismiss")
  @Transactional
  void dismiss(@PathVariable String id) {
    if (id.startsWith("job-")) {
      jobs.dismiss(UUID.fromString(id.substring(4)));
    } else if (id.startsWith("signal-")) {
      inbox.dismiss(Long.parseLong(id.substring(7)));
    } else if (id.startsWith("attention-")) {
      decisions.resolveAttention(new SyncedOrderId(UUID.fromString(id.substring(10))));
    } else {
      throw new IllegalArgumentException("Only job-…, signal-… and attention-… exceptions can be dismissed");
    }
  }
}
