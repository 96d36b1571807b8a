package io.synchron.refunds;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One refund carried from one side to the other. A Shopify refund goes to the marketplace as per-line refunds (its
 * figures are kept as Shopify gave them); a marketplace refund is recorded in Shopify. {@link #knownRefundIds} and
 * {@link #attemptedAt} make a send after a lost answer safe: the marketplace's refunds that were not there before the
 * attempt and match what was sent are the attempt's.
 */
public record RefundTransfer(
    UUID id,
    UUID syncedOrderId,
    Direction direction,
    String shopifyRefundGid,
    List<String> marketplaceRefundIds,
    State state,
    RefundSplit.StoreRefund figures,
    List<String> knownRefundIds,
    Instant attemptedAt,
    BigDecimal money,
    String currency,
    String message) {

  public RefundTransfer {
    Objects.requireNonNull(id);
    Objects.requireNonNull(syncedOrderId);
    Objects.requireNonNull(direction);
    Objects.requireNonNull(state);
    marketplaceRefundIds = marketplaceRefundIds == null ? List.of() : List.copyOf(marketplaceRefundIds);
    knownRefundIds = knownRefundIds == null ? null : List.copyOf(knownRefundIds);
  }

  public enum Direction {
    SHOPIFY_TO_MARKETPLACE,
    MARKETPLACE_TO_SHOPIFY
  }

  public enum State {
    /** To send; nothing sent yet, or an attempt whose outcome is unknown ({@link #attemptedAt} set). */
    PENDING,
    /** The marketplace does not take refunds in the order's state yet; sent when it does. */
    WAITING_FOR_MARKETPLACE,
    /** Carried: the other side has it. */
    DONE,
    /** Nothing to carry (no money moved, or only units the cancellation path already sent). */
    NOTHING_TO_SEND
  }

  public boolean settled() {
    return state == State.DONE || state == State.NOTHING_TO_SEND;
  }

  /** An attempt whose answer never came: the marketplace may or may not have the refund. */
  public boolean inDoubt() {
    return state == State.PENDING && attemptedAt != null;
  }

  public RefundTransfer waiting(String why) {
    return new RefundTransfer(id, syncedOrderId, direction, shopifyRefundGid, marketplaceRefundIds,
        State.WAITING_FOR_MARKETPLACE, figures, knownRefundIds, attemptedAt, money, currency, why);
  }

  public RefundTransfer attempting(List<String> known, Instant at) {
    return new RefundTransfer(id, syncedOrderId, direction, shopifyRefundGid, marketplaceRefundIds, State.PENDING,
        figures, known, at, money, currency, message);
  }

  /** The refund ids the marketplace had before the attempt in doubt; empty when none is. */
  public List<String> knownRefundIds() {
    return knownRefundIds == null ? List.of() : knownRefundIds;
  }

  public RefundTransfer done(List<String> refundIds, BigDecimal carried, String what) {
    return new RefundTransfer(id, syncedOrderId, direction, shopifyRefundGid, refundIds, State.DONE, figures,
        knownRefundIds, attemptedAt, carried, currency, what);
  }

  public RefundTransfer nothingToSend(String why) {
    return new RefundTransfer(id, syncedOrderId, direction, shopifyRefundGid, marketplaceRefundIds,
        State.NOTHING_TO_SEND, figures, knownRefundIds, attemptedAt, BigDecimal.ZERO, currency, why);
  }
}
