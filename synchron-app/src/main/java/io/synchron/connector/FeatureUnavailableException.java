package io.synchron.connector;

import io.synchron.shared.Failure;

/** The platform does not offer this feature to this account (e.g. a Mirakl operator without returns). */
public class FeatureUnavailableException extends RuntimeException implements Failure.Classified {

  public FeatureUnavailableException(String message) {
    super(message);
  }

  @Override
  public Failure failure() {
    return new Failure.Permanent(getMessage());
  }
}
