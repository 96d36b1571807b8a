package io.synchron.simulator.mirakl;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An error answer. The seller spec declares no error body for OR11 or OR21 (only their error-code
 * tables), so the body carries both shapes the reference notes document (section 1.5): the legacy
 * {@code {"status": 400, "message": "..."}} and, when there is a code, the newer {@code "errors":
 * [{"code", "field", "message"}]}. A client may read either.
 *
 * @param status HTTP status
 * @param code Mirakl error code such as ORDER_INVALID_STATE, or null
 * @param field the offending request field, or null
 * @param message human-readable message
 */
record ApiError(int status, String code, String field, String message) {

  static ApiError of(int status, String message) {
    return new ApiError(status, null, null, message);
  }

  static ApiError badRequest(String code, String field, String message) {
    return new ApiError(400, code, field, message);
  }

  String toJson(JsonMapper mapper) {
    ObjectNode body = mapper.createObjectNode();
    body.put("status", status);
    body.put("message", message);
    if (code != null) {
      ObjectNode error = body.putArray("errors").addObject();
      error.put("code", code);
      error.put("field", field);
      error.put("message", message);
    }
    return mapper.writeValueAsString(body);
  }

  /** Carries an {@link ApiError} out of request parsing. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient ApiError error;

    Failure(ApiError error) {
      super(error.message(), null, false, false);
      this.error = error;
    }
  }
}
