package io.synchron.billing;

/**
 * The customer (EN 16931 BG-7).
 *
 * @param name full name or company name (BT-44), any script
 * @param address postal address (BG-8)
 * @param vatId the buyer's VAT identifier (BT-48) when the buyer is a business, else {@code null}
 */
public record Buyer(String name, Address address, String vatId) {

  public Buyer {
    name = Checks.text(name, "buyer name");
    Checks.present(address, "buyer address");
    vatId = vatId == null || vatId.isBlank() ? null : vatId.strip().replace(" ", "");
  }

  public boolean isBusiness() {
    return vatId != null;
  }
}
