package io.synchron.billing;

/**
 * Produces the files of an issued document. Called inside the issuing transaction, after the number is allocated, so a
 * failure here rolls the number back; implementations must be thread-safe and must not do remote calls.
 */
public interface DocumentRenderer {

  /** The standard renderer (readable PDF/A-3, Factur-X, UBL 2.1), so callers need not know the render package. */
  static DocumentRenderer standard(java.time.Clock clock) {
    return new io.synchron.billing.render.StandardDocumentRenderer(clock);
  }


  Renditions render(BillingDocument document);
}
