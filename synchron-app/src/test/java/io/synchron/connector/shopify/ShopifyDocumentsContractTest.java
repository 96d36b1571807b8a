package io.synchron.connector.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import io.synchron.connector.ShopifyGateway.Contact;
import io.synchron.connector.ShopifyGateway.Line;
import io.synchron.connector.ShopifyGateway.Metafield;
import io.synchron.connector.ShopifyGateway.OrderDraft;
import io.synchron.connector.ShopifyGateway.ShippingLine;
import io.synchron.connector.ShopifyGateway.TaxLine;
import io.synchron.contracts.ShopifyAdminSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every GraphQL document Synchron sends to Shopify, and the variables it builds, validate against the real Admin
 * schema (2026-07). A document that does not validate fails here, before any store sees it.
 */
class ShopifyDocumentsContractTest {

  static Stream<String> documents() throws IOException, URISyntaxException {
    Path folder = Path.of(ShopifyGraphQlClient.class.getResource("VariantsBySku.graphql").toURI()).getParent();
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".graphql"))
          .map(n -> n.substring(0, n.length() - ".graphql".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("documents")
  void everyDocumentValidatesAgainstTheAdminSchema(String name) {
    assertThat(ShopifyAdminSchema.get().validate(ShopifyGraphQlClient.document(name))).isEmpty();
  }

  @Test
  void thereAreDocumentsToCheck() throws Exception {
    assertThat(documents()).contains("ImportMarketplaceOrder", "OrderByCustomId", "VariantsBySku");
  }

  @Test
  void orderCreateVariablesForAnOrdinaryOrderCoerceAgainstTheSchema() {
    assertThat(ShopifyAdminSchema.get().validateWithVariables(
            ShopifyGraphQlClient.document("ImportMarketplaceOrder"),
            ShopifyConnector.orderCreateVariables(draft("EUR", true, new Contact("Camille", "Durand", null,
                "12 rue des Lilas", null, "75011", "Paris", null, "FR", "+33612345678")), "DECREMENT_OBEYING_POLICY")))
        .isEmpty();
  }

  @Test
  void orderCreateVariablesForAnOrderWithoutAddressOrPhoneInAThreeDecimalCurrencyCoerce() {
    assertThat(ShopifyAdminSchema.get().validateWithVariables(
            ShopifyGraphQlClient.document("ImportMarketplaceOrder"),
            ShopifyConnector.orderCreateVariables(draft("KWD", false, null), "BYPASS")))
        .isEmpty();
  }

  @Test
  void theOtherDocumentsVariablesCoerce() {
    ShopifyAdminSchema schema = ShopifyAdminSchema.get();
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("VariantsBySku"),
        Map.of("query", "sku:\"A\" OR sku:\"B\"", "first", 250))).isEmpty();
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("OrderByCustomId"),
        Map.of("identifier", Map.of("customId",
            Map.of("namespace", ShopifyConnector.ID_NAMESPACE, "key", ShopifyConnector.ID_KEY, "value", "x")),
            "lines", 3))).isEmpty();
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("OrdersBySourceIdentifier"),
        Map.of("query", "source_identifier:\"mirakl:fr:1\"", "lines", 3))).isEmpty();
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("CreateOrderIdDefinition"),
        Map.of("definition", Map.of("name", "Marketplace order", "namespace", ShopifyConnector.ID_NAMESPACE,
            "key", ShopifyConnector.ID_KEY, "type", "id", "ownerType", "ORDER")))).isEmpty();
  }

  @Test
  void theFulfilmentAndCancellationDocumentsVariablesCoerce() {
    ShopifyAdminSchema schema = ShopifyAdminSchema.get();
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("OrderForSync"),
        Map.of("id", "gid://shopify/Order/1", "lines", 3))).isEmpty();
    java.util.Map<String, Object> page = new java.util.HashMap<>();
    page.put("query", "updated_at:>'2026-11-26T10:00:00Z'");
    page.put("after", null);
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("OrdersUpdatedSince"), page)).isEmpty();
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("CancelOrder"),
        Map.of("orderId", "gid://shopify/Order/1", "reason", "CUSTOMER", "staffNote", "Cancelled on Mirakl"))).isEmpty();
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("CreateWebhookSubscription"),
        Map.of("topic", "FULFILLMENTS_CREATE", "uri", "https://synchron.example/webhooks/shopify"))).isEmpty();
    assertThat(schema.validateWithVariables(ShopifyGraphQlClient.document("WebhookSubscriptions"),
        Map.of("uri", "https://synchron.example/webhooks/shopify"))).isEmpty();
  }

  @Test
  void theRefundDocumentsVariablesCoerce() {
    assertThat(ShopifyAdminSchema.get().validateWithVariables(ShopifyGraphQlClient.document("RecordMarketplaceRefund"),
        Map.of("key", "synchron-refund-fr-1106", "input", ShopifyConnector.refundInput("gid://shopify/Order/1",
            Map.of("gid://shopify/LineItem/2", 1), new BigDecimal("6.82"), "EUR", "mirakl", "Refund 1106"))))
        .isEmpty();
  }

  @Test
  void everyTopicSynchronSubscribesToExists() {
    for (String topic : io.synchron.intake.ShopifyReconciliation.TOPICS) {
      assertThat(ShopifyAdminSchema.get().validateWithVariables(ShopifyGraphQlClient.document("CreateWebhookSubscription"),
          Map.of("topic", topic, "uri", "https://synchron.example/webhooks/shopify"))).as(topic).isEmpty();
    }
  }

  @Test
  void aWrongInventoryBehaviourWouldBeCaught() {
    assertThat(ShopifyAdminSchema.get().validateWithVariables(
            ShopifyGraphQlClient.document("ImportMarketplaceOrder"),
            ShopifyConnector.orderCreateVariables(draft("EUR", true, null), "DECREMENT_SOMETIMES")))
        .isNotEmpty();
  }

  private static OrderDraft draft(String currency, boolean taxesIncluded, Contact address) {
    return new OrderDraft(
        "mirakl:fr:ORDER-1-A",
        null,
        "ORDER-1-A",
        currency,
        taxesIncluded,
        Instant.parse("2026-11-20T10:00:00Z"),
        "relay@notification.mirakl.net",
        "Mirakl order ORDER-1-A",
        List.of("synchron", "platform:mirakl", "channel:fr"),
        new Contact("Ελένη", "王", null, null, null, null, null, null, null, null),
        address,
        address,
        List.of(
            new Line("ORDER-1-A-1", "gid://shopify/ProductVariant/1", "SKU-1", "Mug", 2, new BigDecimal("19.990"),
                List.of(new TaxLine("TVA", new BigDecimal("0.2"), new BigDecimal("6.663")))),
            new Line("ORDER-1-A-2", "gid://shopify/ProductVariant/2", "SKU-FREE", "Sample", 1, BigDecimal.ZERO, List.of())),
        new ShippingLine("Standard", null, new BigDecimal("4.900"),
            List.of(new TaxLine("TVA", new BigDecimal("0.2"), new BigDecimal("0.817")))),
        new BigDecimal("44.880"),
        "mirakl",
        Map.of("Marketplace order", "ORDER-1-A"),
        List.of(new Metafield("$app:synchron", "shipping_deadline", "date_time", "2026-11-22T10:00:00Z")));
  }
}
