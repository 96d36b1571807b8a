package io.synchron.simulator.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MetafieldDefinitionsTest {

  private static final String LIST =
      """
      query Defs($ns: String, $key: String) {
        metafieldDefinitions(first: 10, ownerType: ORDER, namespace: $ns, key: $key) {
          nodes { id namespace key type { name } }
        }
      }
      """;

  private ShopifySimulator simulator;
  private AdminClient client;

  @BeforeEach
  void start() {
    simulator = ShopifySimulator.start(ShopifySimulator.Options.defaults());
    client = new AdminClient(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void aDefinitionIsCreatedAndListedForItsOwnerType() {
    JsonNode created =
        client.post(Fixtures.DEFINE_ORDER_REF).data().path("metafieldDefinitionCreate");

    assertThat(created.path("userErrors")).isEmpty();
    assertThat(created.path("createdDefinition").path("type").path("name").asString())
        .isEqualTo("id");
    JsonNode listed =
        client
            .post(LIST, Map.of("ns", "$app:marketplace", "key", "order_ref"))
            .data()
            .path("metafieldDefinitions")
            .path("nodes");
    assertThat(listed).hasSize(1);
    assertThat(listed.path(0).path("id").asString())
        .isEqualTo(created.path("createdDefinition").path("id").asString());
  }

  @Test
  void aDefinitionForAnotherOwnerTypeIsNotListed() {
    client.post(Fixtures.DEFINE_ORDER_REF.replace("ownerType: ORDER", "ownerType: PRODUCT"));

    assertThat(client.post(LIST, Map.of()).data().path("metafieldDefinitions").path("nodes"))
        .isEmpty();
  }

  @Test
  void aSecondDefinitionWithTheSameNamespaceAndKeyIsTaken() {
    client.post(Fixtures.DEFINE_ORDER_REF);

    JsonNode again =
        client.post(Fixtures.DEFINE_ORDER_REF).data().path("metafieldDefinitionCreate");

    assertThat(again.path("createdDefinition").isNull()).isTrue();
    assertThat(again.path("userErrors").path(0).path("code").asString()).isEqualTo("TAKEN");
  }

  @Test
  void anUnknownMetafieldTypeIsRefused() {
    JsonNode payload =
        client
            .post(Fixtures.DEFINE_ORDER_REF.replace("type: \"id\"", "type: \"uuid\""))
            .data()
            .path("metafieldDefinitionCreate");

    assertThat(payload.path("userErrors").path(0).path("code").asString()).isEqualTo("INCLUSION");
  }
}
