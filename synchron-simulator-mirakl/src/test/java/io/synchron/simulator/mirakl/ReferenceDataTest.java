package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReferenceDataTest {
  private MiraklSimulator simulator = MiraklSimulator.start(MiraklSimulator.Options.defaults());
  private MiraklClient client = new MiraklClient(simulator);

  @AfterEach
  void stop() {
    simulator.close();
  }

  private void restart(MiraklSimulator.Options options) {
    simulator.close();
    simulator = MiraklSimulator.start(options);
    client = new MiraklClient(simulator);
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(item -> values.add(item.get(field).stringValue()));
    return values;
  }

  @Test
  void sh21ListsTheDefaultCarriersSortedByLabel() {
    HttpResponse<String> response = client.get("/api/shipping/carriers");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode carriers = MiraklClient.json(response).get("carriers");
    assertThat(texts(carriers, "label"))
        .containsExactly("Chronopost", "Colissimo", "DHL", "DPD", "FedEx", "GLS", "UPS");
    assertThat(texts(carriers, "code"))
        .containsExactlyInAnyOrder("UPS", "DHL", "COLISSIMO", "CHRONOPOST", "DPD", "GLS", "FEDEX");
    assertThat(texts(carriers, "tracking_url")).allMatch(url -> url.contains("{trackingId}"));
    assertThat(carriers.get(1).get("standard_code").stringValue()).isEqualTo("COLISSIMO");
  }

  @Test
  void configuredCarriersReplaceTheDefaultOnes() {
    restart(
        MiraklSimulator.Options.defaults()
            .withCarriers(List.of(new Carrier("TNT", "TNT Express", null, null))));

    JsonNode carriers = MiraklClient.json(client.get("/api/shipping/carriers")).get("carriers");

    assertThat(texts(carriers, "code")).containsExactly("TNT");
    assertThat(carriers.get(0).get("tracking_url").isNull()).isTrue();
  }

  @Test
  void aCarrierCodeCannotBeConfiguredTwice() {
    Carrier ups = new Carrier("UPS", "UPS", "UPS", null);

    assertThatThrownBy(() -> MiraklSimulator.Options.defaults().withCarriers(List.of(ups, ups)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void re01ListsCancelationRefundAndIncidentReasonsWithTheShopsRights() {
    HttpResponse<String> response = client.get("/api/reasons?locale=fr_FR");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = MiraklClient.json(response);
    List<JsonNode> reasons = new ArrayList<>();
    body.get("reasons").forEach(reasons::add);
    assertThat(reasons)
        .extracting(
            r -> r.get("code").stringValue(),
            r -> r.get("type").stringValue(),
            r -> r.get("is_shop_right").booleanValue())
        .contains(
            tuple("34", "CANCELATION", true),
            tuple("35", "CANCELATION", true),
            tuple("15", "REFUND", true),
            tuple("19", "REFUND", true),
            tuple("20", "REFUND", true),
            tuple("1", "INCIDENT_OPEN", false),
            tuple("10", "INCIDENT_CLOSE", false));
    assertThat(reasons.get(0).get("label").stringValue()).isEqualTo("Item not received");
    assertThat(body.get("total_count").intValue()).isEqualTo(reasons.size());
  }

  @Test
  void configuredReasonsReplaceTheDefaultOnes() {
    restart(
        MiraklSimulator.Options.defaults()
            .withReasons(List.of(new Reason("R1", "Changed mind", Reason.REFUND, true))));

    JsonNode reasons = MiraklClient.json(client.get("/api/reasons")).get("reasons");

    assertThat(texts(reasons, "code")).containsExactly("R1");
  }

  @Test
  void referenceDataNeedsTheApiKeyLikeEveryCall() {
    MiraklClient anonymous = new MiraklClient(simulator.baseUrl(), null);

    assertThat(anonymous.get("/api/reasons").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/api/shipping/carriers").statusCode()).isEqualTo(401);
  }

  @Test
  void referenceDataCallsAreJournaledWithTheirOperationCodes() {
    client.get("/api/shipping/carriers");
    client.get("/api/reasons");

    assertThat(simulator.journal())
        .extracting(RecordedExchange::operation)
        .containsExactly("SH21", "RE01");
  }
}
