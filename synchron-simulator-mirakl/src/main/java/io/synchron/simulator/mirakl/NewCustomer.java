package io.synchron.simulator.mirakl;

import java.util.Objects;

/**
 * The customer of a simulated order, used for the OR11 {@code customer} block and for both its
 * billing and shipping addresses (which OR11 shows only once the order has reached SHIPPING).
 *
 * @param firstname first name; not null
 * @param lastname last name; not null
 * @param company company name, or null
 * @param street1 first street line; not null
 * @param street2 second street line, or null
 * @param zip postal code; not null
 * @param city city; not null
 * @param state state or region, or null
 * @param countryIso3 ISO 3166-1 alpha-3 country code such as {@code FRA}, as Mirakl sends it
 * @param phone phone number, or null
 * @param locale customer locale such as {@code fr_FR}; not null
 */
public record NewCustomer(
    String firstname,
    String lastname,
    String company,
    String street1,
    String street2,
    String zip,
    String city,
    String state,
    String countryIso3,
    String phone,
    String locale) {

  public NewCustomer {
    Objects.requireNonNull(firstname, "firstname");
    Objects.requireNonNull(lastname, "lastname");
    Objects.requireNonNull(street1, "street1");
    Objects.requireNonNull(zip, "zip");
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(locale, "locale");
    if (countryIso3 == null || !countryIso3.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException(
          "countryIso3 must be an ISO 3166-1 alpha-3 code like FRA, was " + countryIso3);
    }
  }

  /** A customer in Paris, the default of {@link NewOrder#builder()}. */
  public static NewCustomer parisian() {
    return new NewCustomer(
        "Camille",
        "Martin",
        null,
        "12 rue de la Paix",
        null,
        "75002",
        "Paris",
        null,
        "FRA",
        "+33612345678",
        "fr_FR");
  }
}
