package io.synchron.connector.shopify;

import io.synchron.connector.PlatformException;
import io.synchron.shared.Failure;

/** A Shopify call failed: HTTP error, GraphQL errors (THROTTLED is retry-after), or userErrors (permanent). */
public class ShopifyException extends PlatformException {
  ShopifyException(String message, int status, String code, String requestId, Failure failure, Throwable cause) {
    super("Shopify", message, status, code, requestId, failure, cause);
  }
}
