package io.synchron.simulator.shopify;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The most recent exchanges, oldest first; bounded so that a long sandbox run stays small. */
final class Journal {

  static final int CAPACITY = 10_000;

  private final Deque<RecordedExchange> exchanges = new ArrayDeque<>();

  synchronized void record(RecordedExchange exchange) {
    if (exchanges.size() == CAPACITY) {
      exchanges.removeFirst();
    }
    exchanges.addLast(exchange);
  }

  synchronized List<RecordedExchange> snapshot() {
    return List.copyOf(exchanges);
  }

  synchronized void clear() {
    exchanges.clear();
  }
}
