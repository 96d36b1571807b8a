package io.synchron.billing;

/** The two documents this module issues, with their UNTDID 1001 type codes (BT-3). */
public enum DocumentKind {
  INVOICE("380"),
  CREDIT_NOTE("381");

  private final String typeCode;

  DocumentKind(String typeCode) {
    this.typeCode = typeCode;
  }

  public String typeCode() {
    return typeCode;
  }
}
