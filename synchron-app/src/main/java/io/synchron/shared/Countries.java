package io.synchron.shared;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Country codes: marketplaces send ISO 3166 alpha-3 (FRA); Shopify and invoices want alpha-2 (FR). */
public final class Countries {

  private static final Map<String, String> ISO3_TO_ISO2 = new HashMap<>();

  static {
    for (String iso2 : Locale.getISOCountries()) {
      ISO3_TO_ISO2.put(new Locale("", iso2).getISO3Country(), iso2);
    }
  }

  private Countries() {}

  /** The alpha-2 code of an alpha-3 (or alpha-2) code; null when unknown, never a guess. */
  public static String alpha2(String code) {
    if (code == null) {
      return null;
    }
    String c = code.trim().toUpperCase(Locale.ROOT);
    if (c.length() == 2) {
      return c;
    }
    return ISO3_TO_ISO2.get(c);
  }
}
