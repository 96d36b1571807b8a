package io.synchron.billing;

/**
 * The customer (EN 16931 BG-7).
 *
 * @param name full name or company name (BT-44), any script
 * @param address postal address (BG-8)
 * @param vatId the buyer's VAT identifier (BT-48) when the buyer is a business, else {@code null}
 * @param electronicAddress where the buyer receives e-invoices (BT-49), usually only for businesses, else
 *     {@code null}
 */
public record Buyer(String name, Address address, String vatId, ElectronicAddress electronicAddress) {

  public Buyer {
    name = Checks.text(name, "buyer name");
    Checks.present(address, "buyer address");
    vatId = vatId == null || vatId.isBlank() ? null : vatId.strip().replace(" ", "");
  }

  /** A buyer without electronic address. */
  public Buyer(String name, Address address, String vatId) {
    this(name, address, vatId, null);
  }

  public boolean isBusiness() {
    return vatId != null;
  }
}
