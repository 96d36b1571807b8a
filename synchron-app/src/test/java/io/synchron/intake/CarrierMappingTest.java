package io.synchron.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.synchron.connector.MarketplaceConnector.Carrier;
import io.synchron.connector.MarketplaceConnector.CarrierTracking;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CarrierMappingTest {

  private static final List<Carrier> CARRIERS = List.of(
      new Carrier("UPS", "UPS", "UPS", "https://ups.example/{trackingId}"),
      new Carrier("COLISSIMO", "Colissimo", "COLISSIMO", "https://laposte.example/{trackingId}"),
      new Carrier("DHL", "DHL Express", "DHL", "https://dhl.example/{trackingId}"));

  @Test
  void aCompanyNamedLikeTheMarketplacesCarrierUsesItsCode() {
    assertThat(MarketplaceReferenceData.trackingFor(Map.of(), CARRIERS, "UPS", "1Z999", null))
        .isEqualTo(new CarrierTracking("UPS", "UPS", null, "1Z999"));
  }

  @Test
  void matchingIgnoresCaseSpacesAndPunctuationAndLooksAtLabels() {
    assertThat(MarketplaceReferenceData.trackingFor(Map.of(), CARRIERS, "dhl-express", "42", null).carrierCode())
        .isEqualTo("DHL");
  }

  @Test
  void theChannelsMappingTableWinsForNamesThatDoNotMatch() {
    assertThat(MarketplaceReferenceData.trackingFor(Map.of("La Poste", "COLISSIMO"), CARRIERS, "La Poste", "6A1", null)
        .carrierCode()).isEqualTo("COLISSIMO");
  }

  @Test
  void aCarrierTheMarketplaceDoesNotKnowIsSentByNameWithItsTrackingUrl() {
    assertThat(MarketplaceReferenceData.trackingFor(Map.of(), CARRIERS, "Bob's Couriers", "B-1", "https://bob.example/B-1"))
        .isEqualTo(new CarrierTracking(null, "Bob's Couriers", "https://bob.example/B-1", "B-1"));
  }

  @Test
  void aMappingToACodeTheMarketplaceNoLongerListsFallsBackToTheName() {
    assertThat(MarketplaceReferenceData.trackingFor(Map.of("Poste", "GONE"), CARRIERS, "Poste", "9", "https://p/9"))
        .isEqualTo(new CarrierTracking(null, "Poste", "https://p/9", "9"));
  }
}
