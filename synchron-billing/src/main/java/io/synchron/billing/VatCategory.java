package io.synchron.billing;

/**
 * EN 16931 VAT category codes (UNCL5305 subset, BT-118/BT-151) this module issues. Standard and zero-rated supplies
 * carry no exemption reason; an export carries VATEX-EU-G (BR-G-10).
 */
public enum VatCategory {
  /** Standard or reduced rate, rate above zero. */
  STANDARD("S"),
  /** Zero-rated domestic supply (e.g. UK books, children's clothing), rate zero. */
  ZERO_RATED("Z"),
  /** Export of goods outside the VAT territory, rate zero, with an exemption reason. */
  EXPORT("G");

  private final String code;

  VatCategory(String code) {
    this.code = code;
  }

  /** The UNCL5305 code written to CII and UBL. */
  public String code() {
    return code;
  }
}
