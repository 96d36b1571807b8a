package io.synchron.simulator.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OrderLookupTest {

  private static final String BY_CUSTOM_ID =
      """
      query FindOrderByCustomId($ns: String!, $key: String!, $value: String!) {
        orderByIdentifier(identifier: { customId: { namespace: $ns, key: $key, value: $value } }) {
          id name
        }
      }
      """;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-07-20T09:00:00Z"));
  private ShopifySimulator simulator;
  private AdminClient client;
  private String mugId;

  @BeforeEach
  void start() {
    simulator =
        ShopifySimulator.start(
            ShopifySimulator.Options.defaults()
                .withClock(clock)
                .withSearchIndexLag(Duration.ofSeconds(5)));
    client = new AdminClient(simulator);
    mugId = simulator.addProduct("MUG", "Blue mug", new BigDecimal("19.99"), 50);
    client.post(Fixtures.DEFINE_ORDER_REF);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void orderByIdentifierFindsAnOrderByItsIdMetafieldRightAfterCreation() {
    String id = create("M-1");

    JsonNode found = findByCustomId("M-1");

    assertThat(found.path("id").asString()).isEqualTo(id);
    assertThat(found.path("name").asString()).isEqualTo("#1001");
  }

  @Test
  void orderByIdentifierWithAnUnknownValueIsNull() {
    create("M-1");

    assertThat(findByCustomId("M-2").isNull()).isTrue();
  }

  @Test
  void orderByIdentifierWithoutAnIdDefinitionIsAnError() {
    AdminClient.Reply reply =
        client.post(BY_CUSTOM_ID, Map.of("ns", "custom", "key", "nothing", "value", "M-1"));

    assertThat(reply.firstError().path("message").asString())
        .contains("metafield definition of type 'id'");
    assertThat(reply.data().path("orderByIdentifier").isNull()).isTrue();
  }

  @Test
  void orderByIdentifierAcceptsTheOrderId() {
    String id = create("M-1");

    AdminClient.Reply reply =
        client.post(
            "query Q($id: ID!) { orderByIdentifier(identifier: {id: $id}) { id } }",
            Map.of("id", id));

    assertThat(reply.data().path("orderByIdentifier").path("id").asString()).isEqualTo(id);
  }

  @Test
  void orderByIdentifierRefusesBothIdAndCustomId() {
    AdminClient.Reply reply =
        client.post(
            "{ orderByIdentifier(identifier: {id: \"gid://shopify/Order/1\","
                + " customId: {key: \"order_ref\", value: \"M-1\"}}) { id } }");

    assertThat(reply.json().has("data")).isFalse();
    assertThat(reply.firstError().path("message").asString()).contains("OneOf");
  }

  @Test
  void orderByIdReturnsTheOrderWithItsFields() {
    String id = create("M-1");

    AdminClient.Reply reply =
        client.post(
            "query Q($id: ID!) { order(id: $id) { id sourceIdentifier tags"
                + " lineItems(first: 5) { nodes { sku quantity } } } }",
            Map.of("id", id));

    JsonNode order = reply.data().path("order");
    assertThat(order.path("sourceIdentifier").asString()).isEqualTo("M-1");
    assertThat(order.path("lineItems").path("nodes").path(0).path("sku").asString())
        .isEqualTo("MUG");
  }

  @Test
  void ordersSearchedBySourceIdentifierAreFoundOnceTheIndexCaughtUp() {
    String id = create("M-1");
    create("M-2");
    clock.advance(Duration.ofSeconds(5));

    assertThat(ids(search("source_identifier:M-1"))).containsExactly(id);
  }

  @Test
  void aNewOrderIsInvisibleToSearchWithinTheIndexLagButVisibleById() {
    String id = create("M-1");
    clock.advance(Duration.ofSeconds(4));

    assertThat(search("source_identifier:M-1")).isEmpty();
    assertThat(findByCustomId("M-1").path("id").asString()).isEqualTo(id);
  }

  @Test
  void ordersCanBeSearchedByNameWithOrWithoutTheHash() {
    String id = create("M-1");
    clock.advance(Duration.ofSeconds(5));

    assertThat(ids(search("name:#1001"))).containsExactly(id);
    assertThat(ids(search("name:1001"))).containsExactly(id);
  }

  @Test
  void ordersCanBeSearchedByTag() {
    create("M-1");
    String second = create("M-2");
    clock.advance(Duration.ofSeconds(5));

    assertThat(ids(search("tag:mkp-order:M-2"))).containsExactly(second);
    assertThat(search("tag:marketplace:mirakl")).hasSize(2);
  }

  @Test
  void aQuotedSourceIdentifierWithColonsIsMatchedWhole() {
    String id = create("mirakl:shop42:000123-A");
    clock.advance(Duration.ofSeconds(5));

    assertThat(ids(search("source_identifier:\"mirakl:shop42:000123-A\""))).containsExactly(id);
  }

  private String create(String sourceIdentifier) {
    AdminClient.Reply reply =
        client.post(
            Fixtures.ORDER_CREATE,
            Fixtures.variables(Fixtures.order(sourceIdentifier, mugId), null));
    return reply.data().path("orderCreate").path("order").path("id").asString();
  }

  private JsonNode findByCustomId(String value) {
    AdminClient.Reply reply =
        client.post(
            BY_CUSTOM_ID, Map.of("ns", "$app:marketplace", "key", "order_ref", "value", value));
    assertThat(reply.json().has("errors")).as(reply.raw().body()).isFalse();
    return reply.data().path("orderByIdentifier");
  }

  private JsonNode search(String query) {
    AdminClient.Reply reply = client.post(Fixtures.FIND_BY_SOURCE, Map.of("q", query));
    assertThat(reply.json().has("errors")).as(reply.raw().body()).isFalse();
    return reply.data().path("orders").path("nodes");
  }

  private static List<String> ids(JsonNode nodes) {
    List<String> ids = new ArrayList<>();
    nodes.forEach(n -> ids.add(n.path("id").asString()));
    return ids;
  }
}
