package io.synchron.simulator.shopify;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Faults queued per GraphQL root field name (e.g. {@code "orderCreate"}, {@code "orders"}). Each
 * request takes at most one fault: the first queued one among the root fields its operation
 * selects, in document order. Thread-safe.
 */
public final class ScriptedFaults {

  private final Map<String, Deque<Fault>> queues = new HashMap<>();

  ScriptedFaults() {}

  /** Queues a fault for the next request selecting {@code rootField}. */
  public synchronized void enqueue(String rootField, Fault fault) {
    Objects.requireNonNull(rootField, "rootField");
    Objects.requireNonNull(fault, "fault");
    queues.computeIfAbsent(rootField, k -> new ArrayDeque<>()).addLast(fault);
  }

  /** Drops every queued fault. */
  public synchronized void clear() {
    queues.clear();
  }

  /** The number of faults still queued for {@code rootField}. */
  public synchronized int pending(String rootField) {
    Deque<Fault> queue = queues.get(rootField);
    return queue == null ? 0 : queue.size();
  }

  synchronized Optional<Fault> take(List<String> rootFields) {
    for (String rootField : rootFields) {
      Deque<Fault> queue = queues.get(rootField);
      if (queue != null && !queue.isEmpty()) {
        return Optional.of(queue.removeFirst());
      }
    }
    return Optional.empty();
  }
}
