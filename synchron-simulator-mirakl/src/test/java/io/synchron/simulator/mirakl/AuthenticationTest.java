package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
  private final MiraklSimulator simulator =
      MiraklSimulator.start(MiraklSimulator.Options.defaults().withShopId(2001L));

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void aCallWithoutApiKeyIsUnauthorized() {
    HttpResponse<String> response = new MiraklClient(simulator.baseUrl(), null).get("/api/orders");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("\"status\":401");
  }

  @Test
  void aCallWithAWrongApiKeyIsUnauthorized() {
    assertThat(new MiraklClient(simulator.baseUrl(), "nope").get("/api/orders").statusCode())
        .isEqualTo(401);
  }

  @Test
  void aBearerPrefixedKeyIsNotTheRawKeyMiraklExpects() {
    MiraklClient bearer = new MiraklClient(simulator.baseUrl(), "Bearer " + simulator.apiKey());

    assertThat(bearer.get("/api/orders").statusCode()).isEqualTo(401);
  }

  @Test
  void theRawApiKeyIsAccepted() {
    assertThat(new MiraklClient(simulator).get("/api/orders").statusCode()).isEqualTo(200);
  }

  @Test
  void anUnauthorizedCallDoesNotConsumeAScriptedFault() {
    simulator.faults().enqueue("OR11", Fault.status(500));

    new MiraklClient(simulator.baseUrl(), "nope").get("/api/orders");

    assertThat(simulator.faults().pending("OR11")).isEqualTo(1);
  }

  @Test
  void theConfiguredShopIdIsAccepted() {
    assertThat(new MiraklClient(simulator).get("/api/orders?shop_id=2001").statusCode())
        .isEqualTo(200);
  }

  @Test
  void anotherShopIdIsForbidden() {
    HttpResponse<String> response = new MiraklClient(simulator).get("/api/orders?shop_id=2002");

    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void aShopIdThatIsNotANumberIsABadRequest() {
    assertThat(new MiraklClient(simulator).get("/api/orders?shop_id=abc").statusCode())
        .isEqualTo(400);
  }

  @Test
  void anyShopIdIsAcceptedWhenNoShopIsConfigured() {
    try (MiraklSimulator open = MiraklSimulator.start(MiraklSimulator.Options.defaults())) {
      assertThat(new MiraklClient(open).get("/api/orders?shop_id=42").statusCode()).isEqualTo(200);
    }
  }
}
