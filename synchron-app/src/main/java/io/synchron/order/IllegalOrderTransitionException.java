package io.synchron.order;

/** A transition was asked from a state that does not allow it. The message names the current state. */
public class IllegalOrderTransitionException extends IllegalStateException {

  private final String current;
  private final String requested;

  public IllegalOrderTransitionException(String side, Enum<?> current, Enum<?> requested) {
    super(
        "Cannot move the "
            + side
            + " status to "
            + requested
            + "; current status: "
            + current);
    this.current = current.name();
    this.requested = requested.name();
  }

  public String current() {
    return current;
  }

  public String requested() {
    return requested;
  }
}
