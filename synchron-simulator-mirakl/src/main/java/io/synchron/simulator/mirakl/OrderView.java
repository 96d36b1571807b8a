package io.synchron.simulator.mirakl;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of one simulated order, for assertions.
 *
 * @param orderId the Mirakl order id ({@code <commercial_id>-A})
 * @param commercialId the commercial (checkout) id
 * @param state the order state, e.g. WAITING_ACCEPTANCE
 * @param lineStates order line id to line state, in line order
 * @param lineIds the order line ids, in line order
 * @param acceptCalls how many OR21 calls reached this order, successful or rejected (calls answered
 *     by a scripted {@link Fault#status} or {@link Fault#rateLimited} fault never reach it)
 * @param lastUpdated the order's {@code last_updated_date}
 * @param json the order as OR11 currently renders it, in its own tax mode
 */
public record OrderView(
    String orderId,
    String commercialId,
    String state,
    Map<String, String> lineStates,
    List<String> lineIds,
    int acceptCalls,
    Instant lastUpdated,
    String json) {

  public OrderView {
    lineStates = Collections.unmodifiableMap(new LinkedHashMap<>(lineStates));
    lineIds = List.copyOf(lineIds);
  }
}
