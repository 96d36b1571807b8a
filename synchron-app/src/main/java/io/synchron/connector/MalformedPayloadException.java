package io.synchron.connector;

import io.synchron.shared.Failure;

/**
 * A platform sent something Synchron cannot read: malformed or truncated JSON, a missing required field, a value of
 * the wrong type. Retrying the same payload cannot help, so it is permanent; the raw payload is kept where it came in.
 */
public class MalformedPayloadException extends PlatformException {
  public MalformedPayloadException(String platform, String message, Throwable cause) {
    super(platform, message, 0, null, null, new Failure.Permanent(message), cause);
  }
}
