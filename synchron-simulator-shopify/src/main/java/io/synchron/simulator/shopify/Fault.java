package io.synchron.simulator.shopify;

import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A scripted misbehaviour of the simulator, consumed by exactly one request whose document selects
 * the root field it was enqueued for (see {@link ScriptedFaults}).
 */
public sealed interface Fault
    permits Fault.Status, Fault.Throttled, Fault.Delay, Fault.ApplyThenStatus, Fault.RewriteBody {

  /** Answers with this HTTP status and a short error body; the document is not executed. */
  static Fault status(int status) {
    return new Status(status);
  }

  /** Answers with Shopify's THROTTLED body (HTTP 200); the document is not executed. */
  static Fault throttled() {
    return new Throttled();
  }

  /** Waits this long (real time) before handling the request normally. */
  static Fault delay(Duration duration) {
    return new Delay(duration);
  }

  /**
   * Executes the document (its state changes happen) and then answers with this HTTP status instead
   * of the result: the client believes the call failed although it succeeded.
   */
  static Fault applyThenStatus(int status) {
    return new ApplyThenStatus(status);
  }

  /** Handles the request normally and passes the response body through this function. */
  static Fault rewriteBody(UnaryOperator<String> rewrite) {
    return new RewriteBody(rewrite);
  }

  /** See {@link Fault#status(int)}. */
  record Status(int status) implements Fault {
    public Status {
      checkStatus(status);
    }
  }

  /** See {@link Fault#throttled()}. */
  record Throttled() implements Fault {}

  /** See {@link Fault#delay(Duration)}. */
  record Delay(Duration duration) implements Fault {
    public Delay {
      Objects.requireNonNull(duration, "duration");
      if (duration.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative: " + duration);
      }
    }
  }

  /** See {@link Fault#applyThenStatus(int)}. */
  record ApplyThenStatus(int status) implements Fault {
    public ApplyThenStatus {
      checkStatus(status);
    }
  }

  /** See {@link Fault#rewriteBody(UnaryOperator)}. */
  record RewriteBody(UnaryOperator<String> rewrite) implements Fault {
    public RewriteBody {
      Objects.requireNonNull(rewrite, "rewrite");
    }
  }

  private static void checkStatus(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
  }
}
