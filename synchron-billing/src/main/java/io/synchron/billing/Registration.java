package io.synchron.billing;

/**
 * A legal registration identifier (EN 16931 BT-30 / BT-47) with its optional ISO 6523 ICD scheme, e.g. a French SIREN
 * "123456789" with scheme "0002", which the French CTC rules (BR-FR-10) require.
 */
public record Registration(String id, String scheme) {

  public Registration {
    id = Checks.text(id, "registration id");
    scheme = Checks.optionalText(scheme);
  }

  public static Registration of(String id) {
    return new Registration(id, null);
  }
}
