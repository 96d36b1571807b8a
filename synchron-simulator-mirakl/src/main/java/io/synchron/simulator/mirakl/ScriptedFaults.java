package io.synchron.simulator.mirakl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Thread-safe FIFO queues of {@link Fault}s, one per operation code. Each call of an operation that
 * passed authentication and rate limiting consumes at most one fault of that operation's queue.
 * Only operation codes the simulator serves are accepted, so that a typo fails at once instead of
 * leaving a fault that never fires.
 */
public final class ScriptedFaults {

  /** The operation codes the simulator serves. */
  public static final Set<String> OPERATIONS =
      Set.of(
          "DR11", "DR12", "DR74", "OR11", "OR21", "OR23", "OR24", "OR28", "OR29", "OR30", "OR64",
          "OR72", "OR74", "RE01", "RT01", "RT11", "RT12", "RT21", "RT25", "RT26", "RT27", "RT29",
          "SH21", "ST01", "ST11", "ST23", "ST24");

  private final Map<String, Deque<Fault>> queues = new HashMap<>();

  ScriptedFaults() {}

  /** Queues {@code fault} for a later call of {@code operation}, after those already queued. */
  public synchronized void enqueue(String operation, Fault fault) {
    requireKnown(operation);
    Objects.requireNonNull(fault, "fault");
    queues.computeIfAbsent(operation, op -> new ArrayDeque<>()).addLast(fault);
  }

  /** How many faults are still queued for {@code operation}. */
  public synchronized int pending(String operation) {
    requireKnown(operation);
    Deque<Fault> queue = queues.get(operation);
    return queue == null ? 0 : queue.size();
  }

  /** Drops every queued fault of every operation. */
  public synchronized void clear() {
    queues.clear();
  }

  synchronized Optional<Fault> next(String operation) {
    Deque<Fault> queue = queues.get(operation);
    return queue == null ? Optional.empty() : Optional.ofNullable(queue.pollFirst());
  }

  private static void requireKnown(String operation) {
    if (!OPERATIONS.contains(operation)) {
      throw new IllegalArgumentException(
          "unknown operation " + operation + "; the simulator serves " + OPERATIONS);
    }
  }
}
