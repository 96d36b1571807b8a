package io.synchron.billing;

/**
 * A postal address (EN 16931 BG-5 seller, BG-8 buyer). Only the country is mandatory (BR-09, BR-11); blank parts
 * are stored as {@code null}.
 *
 * @param line1 street and number (BT-35 / BT-50)
 * @param line2 additional line (BT-36 / BT-51)
 * @param postalCode BT-38 / BT-53
 * @param city BT-37 / BT-52
 * @param countrySubdivision region, state or county (BT-39 / BT-54)
 * @param countryCode ISO 3166-1 alpha-2 (BT-40 / BT-55); Greece is "GR" here (only VAT ids use "EL")
 */
public record Address(
    String line1, String line2, String postalCode, String city, String countrySubdivision, String countryCode) {

  public Address {
    line1 = Checks.optionalText(line1);
    line2 = Checks.optionalText(line2);
    postalCode = Checks.optionalText(postalCode);
    city = Checks.optionalText(city);
    countrySubdivision = Checks.optionalText(countrySubdivision);
    countryCode = Checks.countryCode(countryCode, "countryCode");
  }

  public static Address of(String line1, String postalCode, String city, String countryCode) {
    return new Address(line1, null, postalCode, city, null, countryCode);
  }
}
