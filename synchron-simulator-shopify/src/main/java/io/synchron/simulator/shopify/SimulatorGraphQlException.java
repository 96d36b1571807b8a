package io.synchron.simulator.shopify;

/**
 * A refusal raised while resolving a field; it becomes one entry of the response's {@code errors}
 * with {@code extensions.code}.
 */
final class SimulatorGraphQlException extends RuntimeException {

  static final String BAD_REQUEST = "BAD_REQUEST";
  static final String NOT_IMPLEMENTED = "NOT_IMPLEMENTED_BY_SIMULATOR";

  private final String code;

  SimulatorGraphQlException(String code, String message) {
    super(message);
    this.code = code;
  }

  String code() {
    return code;
  }
}
