package io.synchron.connector;

import io.synchron.order.MarketplaceOrder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One marketplace account (a channel). Implementations are thread-safe and pace themselves to the platform's
 * published call frequencies; they throw {@link PlatformException} with the right classification on failure.
 */
public interface MarketplaceConnector {

  String channelId();

  /** A short name of the platform for tags and identifiers, e.g. "mirakl". */
  String platformName();

  /**
   * One page of the orders updated at or after {@code since}, oldest first. Items are returned raw, so the caller
   * can store exactly what the platform said before trying to read it.
   */
  OrderPage updatedOrders(Instant since, int offset, int pageSize);

  /** Reads a raw order item into Synchron's model; throws {@link MalformedPayloadException} if it cannot. */
  MarketplaceOrder read(RawOrder raw);

  /** The current state of one order, read fresh from the platform (read-before-write). */
  Optional<MarketplaceOrder> currentOrder(String orderId);

  /** Accepts or refuses every line of an order in one call. */
  void decide(String orderId, List<String> lineIds, boolean accept);

  /** A page of raw orders and the total the platform reports. */
  record OrderPage(List<RawOrder> orders, int totalCount) {}

  /**
   * One order as the platform sent it. {@code orderId} and {@code updatedAt} are read leniently so that even an
   * order that cannot be read whole can be stored and de-duplicated; either may be null when absent.
   */
  record RawOrder(String orderId, Instant updatedAt, String json) {}
}
