package io.synchron.billing;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A renderer that writes the document number into each file, and can be told to fail. */
final class FakeRenderer implements DocumentRenderer {

  private final AtomicInteger failuresLeft = new AtomicInteger();

  void failNext(int times) {
    failuresLeft.set(times);
  }

  @Override
  public Renditions render(BillingDocument document) {
    if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("renderer crashed on " + document.number());
    }
    byte[] bytes = document.number().getBytes(StandardCharsets.UTF_8);
    return new Renditions(bytes, bytes, bytes);
  }
}
