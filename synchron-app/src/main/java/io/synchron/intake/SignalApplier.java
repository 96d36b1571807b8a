package io.synchron.intake;

import io.synchron.connector.Connectors;
import io.synchron.connector.MalformedPayloadException;
import io.synchron.connector.MarketplaceConnector;
import io.synchron.connector.MarketplaceConnector.RawOrder;
import io.synchron.inbox.InboxSignal;
import io.synchron.inbox.InboxSignals;
import io.synchron.order.MarketplaceOrder;
import io.synchron.order.OrderEvent;
import io.synchron.order.SyncedOrder;
import io.synchron.order.SyncedOrders;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies stored marketplace signals to the ledger, one signal per transaction: read the raw order, take the row
 * lock, move the order, queue the actions, mark the signal applied. A signal that cannot be read is marked FAILED
 * with the reason (and noted on the order's timeline when the order is known), so it neither blocks the others nor
 * comes back in a loop.
 */
@Component
class SignalApplier {

  static final String SOURCE = "marketplace-poll";
  private static final Logger log = LoggerFactory.getLogger(SignalApplier.class);

  private final InboxSignals inbox;
  private final SyncedOrders orders;
  private final OrderFlow flow;
  private final Connectors connectors;
  private final TransactionTemplate tx;

  SignalApplier(
      InboxSignals inbox, SyncedOrders orders, OrderFlow flow, Connectors connectors, TransactionTemplate tx) {
    this.inbox = inbox;
    this.orders = orders;
    this.flow = flow;
    this.connectors = connectors;
    this.tx = tx;
  }

  /**
   * Applies the channel's pending signals; returns how many were handled. A signal whose application fails for any
   * reason but a passing database problem is set aside as FAILED in a transaction of its own: otherwise it would
   * fail again on every poll and hold up every signal behind it.
   */
  int applyPending(String channelId) {
    int handled = 0;
    long[] current = new long[1];
    while (true) {
      Integer batch;
      try {
        batch = tx.execute(status -> applyBatch(channelId, current));
      } catch (TransientDataAccessException | DataAccessResourceFailureException e) {
        throw e;
      } catch (RuntimeException e) {
        long id = current[0];
        log.warn("Inbox signal {} of channel {} could not be applied; set aside", id, channelId, e);
        tx.executeWithoutResult(
            status -> inbox.mark(id, InboxSignal.Status.FAILED, "Could not be applied: " + e));
        handled++;
        continue;
      }
      if (batch == null || batch == 0) {
        return handled;
      }
      handled += batch;
    }
  }

  private int applyBatch(String channelId, long[] current) {
    List<InboxSignal> signals = inbox.lockPending(channelId, SOURCE, 1);
    for (InboxSignal signal : signals) {
      current[0] = signal.id();
      applyOne(signal);
    }
    return signals.size();
  }

  private void applyOne(InboxSignal signal) {
    MarketplaceConnector connector = connectors.marketplace(signal.channelId());
    MarketplaceOrder snapshot;
    try {
      snapshot = connector.read(new RawOrder(signal.subject(), null, signal.payload()));
    } catch (MalformedPayloadException e) {
      inbox.mark(signal.id(), InboxSignal.Status.FAILED, e.getMessage());
      noteOnKnownOrder(signal, "Unreadable update from the marketplace, kept in the inbox as signal "
          + signal.id() + ": " + e.getMessage());
      log.warn("Inbox signal {} of channel {} cannot be read: {}", signal.id(), signal.channelId(), e.getMessage());
      return;
    }
    Optional<SyncedOrder> existing = orders.lockByMarketplaceId(signal.channelId(), snapshot.orderId());
    if (existing.isEmpty()) {
      flow.saveAndQueue(SyncedOrder.discovered(signal.channelId(), snapshot));
      inbox.mark(signal.id(), InboxSignal.Status.APPLIED, null);
      return;
    }
    SyncedOrder order = existing.get();
    if (order.observe(snapshot)) {
      flow.saveAndQueue(order);
      inbox.mark(signal.id(), InboxSignal.Status.APPLIED, null);
    } else {
      inbox.mark(signal.id(), InboxSignal.Status.STALE, null);
    }
  }

  private void noteOnKnownOrder(InboxSignal signal, String message) {
    if (signal.subject() == null) {
      return;
    }
    orders.lockByMarketplaceId(signal.channelId(), signal.subject())
        .ifPresent(
            order -> {
              order.note(OrderEvent.Side.MARKETPLACE, "UNREADABLE_UPDATE", message);
              orders.save(order);
            });
  }

}
