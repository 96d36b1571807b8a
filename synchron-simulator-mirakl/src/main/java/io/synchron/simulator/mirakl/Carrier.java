package io.synchron.simulator.mirakl;

import java.util.List;

/**
 * A carrier registered on the marketplace, as SH21 lists it and as OR23, ST01 and ST23 accept it
 * under {@code carrier_code}.
 *
 * @param code the carrier code (SH21 {@code code}); not blank
 * @param label the carrier's display name (SH21 {@code label}), shown as OR11 {@code
 *     shipping_company}; not blank
 * @param standardCode the carrier's standard code, or null
 * @param trackingUrl the tracking URL template, or null; the placeholder {@value #TRACKING_ID} is
 *     replaced by the tracking number, which then becomes mandatory
 */
public record Carrier(String code, String label, String standardCode, String trackingUrl) {

  /** The placeholder of the tracking number in {@link #trackingUrl()}. */
  public static final String TRACKING_ID = "{trackingId}";

  public Carrier {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("carrier code must not be blank");
    }
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("carrier label must not be blank");
    }
  }

  /** Whether a tracking number is needed to build this carrier's tracking URL. */
  public boolean needsTrackingNumber() {
    return trackingUrl != null && trackingUrl.contains(TRACKING_ID);
  }

  /** The tracking URL of parcel {@code trackingNumber}, or null if the carrier has no URL. */
  public String trackingUrlOf(String trackingNumber) {
    if (trackingUrl == null) {
      return null;
    }
    return trackingNumber == null ? trackingUrl : trackingUrl.replace(TRACKING_ID, trackingNumber);
  }

  /**
   * The default carriers: UPS, DHL, Colissimo, Chronopost, DPD, GLS and FedEx, each with a tracking
   * URL template of its public tracking page.
   */
  public static List<Carrier> defaults() {
    return List.of(
        new Carrier("UPS", "UPS", "UPS", "https://www.ups.com/track?tracknum={trackingId}"),
        new Carrier(
            "DHL",
            "DHL",
            "DHL",
            "https://www.dhl.com/global-en/home/tracking.html?tracking-id={trackingId}"),
        new Carrier(
            "COLISSIMO",
            "Colissimo",
            "COLISSIMO",
            "https://www.laposte.fr/outils/suivre-vos-envois?code={trackingId}"),
        new Carrier(
            "CHRONOPOST",
            "Chronopost",
            "CHRONOPOST",
            "https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT={trackingId}"),
        new Carrier(
            "DPD", "DPD", "DPD", "https://tracking.dpd.de/status/en_US/parcel/{trackingId}"),
        new Carrier("GLS", "GLS", "GLS", "https://gls-group.com/track/{trackingId}"),
        new Carrier(
            "FEDEX", "FedEx", "FEDEX", "https://www.fedex.com/fedextrack/?trknbr={trackingId}"));
  }
}
