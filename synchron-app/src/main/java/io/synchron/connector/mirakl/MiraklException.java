package io.synchron.connector.mirakl;

import io.synchron.connector.PlatformException;
import io.synchron.shared.Failure;

/** A Mirakl call failed; see {@link MiraklErrorClassifier} for how each failure is classified. */
public class MiraklException extends PlatformException {
  MiraklException(String message, int status, String code, String requestId, Failure failure, Throwable cause) {
    super("Mirakl", message, status, code, requestId, failure, cause);
  }
}
