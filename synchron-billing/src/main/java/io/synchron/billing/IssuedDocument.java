package io.synchron.billing;

import java.time.Instant;

/** An issued document with its files, as stored. */
public record IssuedDocument(BillingDocument document, Renditions renditions, Instant issuedAt) {

  public String number() {
    return document.number();
  }

  public DocumentKind kind() {
    return document.kind();
  }

  public DocumentTotals totals() {
    return document.content().totals();
  }

  public Reconciliation reconciliation() {
    return document.content().reconciliation();
  }

  public byte[] pdf() {
    return renditions.pdf();
  }

  public byte[] facturX() {
    return renditions.facturX();
  }

  public byte[] ubl() {
    return renditions.ubl();
  }
}
