package io.synchron.billing;

/**
 * Produces the files of an issued document. Called inside the issuing transaction, after the number is allocated, so a
 * failure here rolls the number back; implementations must be thread-safe and must not do remote calls.
 */
public interface DocumentRenderer {

  Renditions render(BillingDocument document);
}
