package io.synchron.simulator.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AdminEndpointTest {

  private ShopifySimulator simulator;
  private AdminClient client;
  private String variantId;

  @BeforeEach
  void start() {
    simulator = ShopifySimulator.start(ShopifySimulator.Options.defaults());
    client = new AdminClient(simulator);
    variantId = simulator.addProduct("SKU-1", "Blue mug", new BigDecimal("19.99"), 10);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void aWrongAccessTokenIsAnswered401WithShopifysMessage() {
    AdminClient.Reply reply =
        client.send("2026-07", "shpat_wrong", AdminClient.body("{ shop { id } }", Map.of()));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().path("errors").asString())
        .isEqualTo("[API] Invalid API key or access token (unrecognized login or wrong password)");
  }

  @Test
  void aMissingAccessTokenIsAnswered401() {
    AdminClient.Reply reply =
        client.send("2026-07", null, AdminClient.body("{ shop { id } }", Map.of()));

    assertThat(reply.status()).isEqualTo(401);
  }

  @Test
  void anUnknownVersionIsServedByTheCurrentVersionAndSaysSo() {
    AdminClient.Reply reply =
        client.send(
            "2023-01", simulator.accessToken(), AdminClient.body("{ shop { id } }", Map.of()));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.raw().headers().firstValue("X-Shopify-API-Version")).contains("2026-07");
    assertThat(reply.data().path("shop").path("id").asString()).startsWith("gid://shopify/Shop/");
  }

  @Test
  void aPathOutsideTheGraphQlEndpointIsNotFound() {
    AdminClient.Reply reply =
        client.send("2026-07/orders", simulator.accessToken(), AdminClient.body("{}", Map.of()));

    assertThat(reply.status()).isEqualTo(404);
  }

  @Test
  void aBodyWithoutAQueryIsABadRequest() {
    AdminClient.Reply reply = client.send("2026-07", simulator.accessToken(), "{\"foo\":1}");

    assertThat(reply.status()).isEqualTo(400);
  }

  @Test
  void anUnknownFieldIsRejectedByValidationWithoutData() {
    AdminClient.Reply reply = client.post("{ orders(first: 1) { nodes { id notAField } } }");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().has("data")).isFalse();
    JsonNode error = reply.firstError();
    assertThat(error.path("message").asString()).contains("notAField");
    assertThat(error.path("locations").path(0).path("line").asInt()).isEqualTo(1);
    assertThat(error.path("extensions").path("code").asString()).isEqualTo("undefinedField");
  }

  @Test
  void anInvalidOrderCreateDocumentChangesNothing() {
    String document =
        Fixtures.ORDER_CREATE.replace("displayFinancialStatus", "displayFinancialStatus bogus");

    AdminClient.Reply reply =
        client.post(
            document,
            Fixtures.variables(Fixtures.order("M-1", variantId), "DECREMENT_OBEYING_POLICY"));

    assertThat(reply.json().has("data")).isFalse();
    assertThat(reply.firstError().path("message").asString()).contains("bogus");
    assertThat(simulator.orders()).isEmpty();
    assertThat(simulator.available("SKU-1")).isEqualTo(10);
  }

  @Test
  void anUnknownEnumValueInVariablesIsRefusedBeforeExecution() {
    AdminClient.Reply reply =
        client.post(
            Fixtures.ORDER_CREATE,
            Fixtures.variables(Fixtures.order("M-1", variantId), "DECREMENT_ALWAYS"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().has("data")).isFalse();
    assertThat(reply.firstError().path("message").asString()).contains("DECREMENT_ALWAYS");
    assertThat(reply.firstError().path("extensions").path("code").asString())
        .isEqualTo("INVALID_VARIABLE");
    assertThat(simulator.orders()).isEmpty();
  }

  @Test
  void aWrongArgumentTypeIsRefusedByValidation() {
    AdminClient.Reply reply = client.post("{ orders(first: \"five\") { nodes { id } } }");

    assertThat(reply.json().has("data")).isFalse();
    assertThat(reply.firstError().path("extensions").path("code").asString())
        .isEqualTo("argumentLiteralsIncompatible");
  }

  @Test
  void aSyntaxErrorIsAnsweredWithAParseError() {
    AdminClient.Reply reply = client.post("{ shop { id }");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.firstError().path("extensions").path("code").asString())
        .isEqualTo("parseError");
  }

  @Test
  void aSchemaFieldTheSimulatorDoesNotImplementIsRefusedByName() {
    AdminClient.Reply reply =
        client.post("{ orders(first: 1) { nodes { id customer { id } } } }");

    assertThat(reply.json().has("data")).isFalse();
    assertThat(reply.firstError().path("message").asString())
        .contains("'customer'")
        .contains("'Order'");
    assertThat(reply.firstError().path("extensions").path("code").asString())
        .isEqualTo("NOT_IMPLEMENTED_BY_SIMULATOR");
  }

  @Test
  void aConnectionWithoutFirstOrLastIsRefused() {
    AdminClient.Reply reply = client.post("{ orders { nodes { id } } }");

    assertThat(reply.firstError().path("message").asString())
        .isEqualTo("you must provide one of first or last");
  }

  @Test
  void aPageLargerThan250IsRefused() {
    AdminClient.Reply reply = client.post("{ orders(first: 251) { nodes { id } } }");

    assertThat(reply.firstError().path("message").asString()).contains("cannot exceed 250");
  }

  @Test
  void shopAndTheDefaultLocationAreServed() {
    AdminClient.Reply reply =
        client.post(
            "{ shop { id name myshopifyDomain currencyCode }"
                + " locations(first: 5) { nodes { id name isActive } } }");

    assertThat(reply.data().path("shop").path("myshopifyDomain").asString())
        .isEqualTo("sandbox-store.myshopify.com");
    assertThat(reply.data().path("shop").path("currencyCode").asString()).isEqualTo("EUR");
    JsonNode locations = reply.data().path("locations").path("nodes");
    assertThat(locations).hasSize(1);
    assertThat(locations.path(0).path("isActive").asBoolean()).isTrue();
    assertThat(locations.path(0).path("id").asString()).startsWith("gid://shopify/Location/");
  }

  @Test
  void everyExchangeIsJournaledWithItsRootFields() {
    client.post("{ shop { id } locations(first: 1) { nodes { id } } }");

    assertThat(simulator.journal()).hasSize(1);
    RecordedExchange exchange = simulator.journal().get(0);
    assertThat(exchange.method()).isEqualTo("POST");
    assertThat(exchange.path()).isEqualTo("/admin/api/2026-07/graphql.json");
    assertThat(exchange.status()).isEqualTo(200);
    assertThat(exchange.rootFields()).containsExactly("shop", "locations");
    assertThat(exchange.requestHeader("x-shopify-access-token")).contains("shpat_sandbox");
    assertThat(exchange.responseBody()).contains("\"shop\"");

    simulator.clearJournal();
    assertThat(simulator.journal()).isEmpty();
  }
}
