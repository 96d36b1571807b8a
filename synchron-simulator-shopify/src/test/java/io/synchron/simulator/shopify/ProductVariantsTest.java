package io.synchron.simulator.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProductVariantsTest {

  private static final String BY_SKU =
      """
      query Variants($q: String!) {
        productVariants(first: 10, query: $q) {
          nodes { id sku title price inventoryQuantity inventoryItem { id } product { id title } }
        }
      }
      """;

  private ShopifySimulator simulator;
  private AdminClient client;
  private String mugId;

  @BeforeEach
  void start() {
    simulator = ShopifySimulator.start(ShopifySimulator.Options.defaults());
    client = new AdminClient(simulator);
    mugId = simulator.addProduct("MUG-BLUE", "Blue mug", new BigDecimal("19.99"), 7);
    simulator.addProduct("MUG-RED", "Red mug", new BigDecimal("21.50"), 3);
    simulator.addProduct("TEE-M", "T-shirt", new BigDecimal("15.00"), 0);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void oneSkuFindsItsVariantWithPriceStockAndProduct() {
    JsonNode nodes = variants("sku:MUG-BLUE");

    assertThat(nodes).hasSize(1);
    JsonNode variant = nodes.path(0);
    assertThat(variant.path("id").asString()).isEqualTo(mugId);
    assertThat(variant.path("sku").asString()).isEqualTo("MUG-BLUE");
    assertThat(variant.path("price").asString()).isEqualTo("19.99");
    assertThat(variant.path("inventoryQuantity").asInt()).isEqualTo(7);
    assertThat(variant.path("inventoryItem").path("id").asString())
        .startsWith("gid://shopify/InventoryItem/");
    assertThat(variant.path("product").path("title").asString()).isEqualTo("Blue mug");
  }

  @Test
  void skusJoinedWithOrFindEachVariant() {
    assertThat(skus(variants("sku:MUG-BLUE OR sku:TEE-M"))).containsExactly("MUG-BLUE", "TEE-M");
  }

  @Test
  void aQuotedSkuIsMatchedWhole() {
    assertThat(skus(variants("sku:\"MUG-RED\""))).containsExactly("MUG-RED");
  }

  @Test
  void anUnknownSkuFindsNothing() {
    assertThat(variants("sku:NOPE")).isEmpty();
  }

  @Test
  void aTrailingStarMatchesSkuPrefixes() {
    assertThat(skus(variants("sku:MUG*"))).containsExactly("MUG-BLUE", "MUG-RED");
  }

  @Test
  void aSearchFilterTheSimulatorDoesNotKnowIsAnErrorNotAnEmptyResult() {
    AdminClient.Reply reply = client.post(BY_SKU, Map.of("q", "vendor:acme"));

    assertThat(reply.firstError().path("message").asString()).contains("'vendor'");
    assertThat(reply.firstError().path("extensions").path("code").asString())
        .isEqualTo("NOT_IMPLEMENTED_BY_SIMULATOR");
  }

  @Test
  void productVariantByIdReturnsTheVariant() {
    AdminClient.Reply reply =
        client.post(
            "query V($id: ID!) { productVariant(id: $id) { id sku } }", Map.of("id", mugId));

    assertThat(reply.data().path("productVariant").path("sku").asString()).isEqualTo("MUG-BLUE");
  }

  @Test
  void productVariantWithAnUnknownIdIsNull() {
    AdminClient.Reply reply =
        client.post(
            "query V($id: ID!) { productVariant(id: $id) { id } }",
            Map.of("id", "gid://shopify/ProductVariant/1"));

    assertThat(reply.data().path("productVariant").isNull()).isTrue();
    assertThat(reply.json().has("errors")).isFalse();
  }

  @Test
  void productVariantWithAMalformedIdIsAnError() {
    AdminClient.Reply reply =
        client.post("query V($id: ID!) { productVariant(id: $id) { id } }", Map.of("id", "42"));

    assertThat(reply.firstError().path("message").asString()).isEqualTo("Invalid global id '42'");
  }

  @Test
  void pagesFollowTheEndCursor() {
    String page =
        """
        query Page($after: String) {
          productVariants(first: 2, after: $after) {
            nodes { sku } pageInfo { hasNextPage endCursor }
          }
        }
        """;
    JsonNode first = client.post(page, Map.of()).data().path("productVariants");
    Map<String, Object> next = new java.util.HashMap<>();
    next.put("after", first.path("pageInfo").path("endCursor").asString());
    JsonNode second = client.post(page, next).data().path("productVariants");

    assertThat(skus(first.path("nodes"))).containsExactly("MUG-BLUE", "MUG-RED");
    assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
    assertThat(skus(second.path("nodes"))).containsExactly("TEE-M");
    assertThat(second.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
  }

  @Test
  void stockSetThroughTheJavaApiIsWhatTheApiReports() {
    simulator.setAvailable("MUG-RED", 42);

    assertThat(variants("sku:MUG-RED").path(0).path("inventoryQuantity").asInt()).isEqualTo(42);
    assertThat(simulator.available("MUG-RED")).isEqualTo(42);
  }

  private JsonNode variants(String query) {
    AdminClient.Reply reply = client.post(BY_SKU, Map.of("q", query));
    assertThat(reply.json().has("errors")).as(reply.raw().body()).isFalse();
    return reply.data().path("productVariants").path("nodes");
  }

  private static List<String> skus(JsonNode nodes) {
    List<String> skus = new ArrayList<>();
    nodes.forEach(n -> skus.add(n.path("sku").asString()));
    return skus;
  }
}
