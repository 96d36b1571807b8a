package io.synchron.connector;

import io.synchron.shared.Failure;

/**
 * A call to a platform failed. Carries the HTTP status (0 when there was no response), the platform's own error
 * code and request id when it gave them, and how a retry should be treated.
 */
public class PlatformException extends RuntimeException implements Failure.Classified {

  private final String platform;
  private final int status;
  private final String platformCode;
  private final String requestId;
  private final transient Failure failure;

  public PlatformException(
      String platform,
      String message,
      int status,
      String platformCode,
      String requestId,
      Failure failure,
      Throwable cause) {
    super(message, cause);
    this.platform = platform;
    this.status = status;
    this.platformCode = platformCode;
    this.requestId = requestId;
    this.failure = failure;
  }

  @Override
  public String getMessage() {
    StringBuilder b = new StringBuilder(platform).append(": ").append(super.getMessage());
    if (status > 0) {
      b.append("; status: ").append(status);
    }
    if (platformCode != null) {
      b.append("; code: ").append(platformCode);
    }
    if (requestId != null) {
      b.append("; request-id: ").append(requestId);
    }
    return b.toString();
  }

  @Override
  public Failure failure() {
    if (failure instanceof Failure.RetryAfter after) {
      return new Failure.RetryAfter(after.delay(), getMessage());
    }
    if (failure instanceof Failure.Permanent) {
      return new Failure.Permanent(getMessage());
    }
    return new Failure.Retry(getMessage());
  }

  public String platform() {
    return platform;
  }

  public int status() {
    return status;
  }

  public String platformCode() {
    return platformCode;
  }

  public String requestId() {
    return requestId;
  }
}
