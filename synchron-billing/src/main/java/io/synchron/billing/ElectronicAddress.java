package io.synchron.billing;

/**
 * An electronic address (EN 16931 BT-34 / BT-49) with its scheme from the CEF EAS code list, e.g. "EM" (e-mail),
 * "0225" (French SIREN-based routing), "0088" (GLN).
 */
public record ElectronicAddress(String scheme, String value) {

  public ElectronicAddress {
    scheme = Checks.text(scheme, "scheme");
    value = Checks.text(value, "value");
  }
}
