package io.synchron.simulator.shopify;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The schema fields the simulator resolves, per parent type. A document selecting any other field
 * is refused before execution with an error naming that field, so nothing comes back silently null.
 */
final class ImplementedFields {

  private static final Set<String> CONNECTION = Set.of("nodes", "edges", "pageInfo");
  private static final Set<String> EDGE = Set.of("cursor", "node");
  private static final Set<String> USER_ERROR = Set.of("field", "message", "code");

  static final Map<String, Set<String>> BY_TYPE = build();

  private ImplementedFields() {}

  static boolean isImplemented(String type, String field) {
    Set<String> fields = BY_TYPE.get(type);
    return fields != null && fields.contains(field);
  }

  private static Map<String, Set<String>> build() {
    Map<String, Set<String>> m = new HashMap<>();
    m.put(
        "QueryRoot",
        Set.of(
            "productVariants",
            "productVariant",
            "orderByIdentifier",
            "orders",
            "order",
            "metafieldDefinitions",
            "shop",
            "locations"));
    m.put("Mutation", Set.of("orderCreate", "metafieldDefinitionCreate"));
    m.put(
        "ProductVariant",
        Set.of(
            "id",
            "legacyResourceId",
            "sku",
            "title",
            "displayName",
            "price",
            "inventoryQuantity",
            "inventoryItem",
            "product"));
    m.put("InventoryItem", Set.of("id", "legacyResourceId", "sku", "tracked"));
    m.put("Product", Set.of("id", "legacyResourceId", "title"));
    m.put(
        "Order",
        Set.of(
            "id",
            "legacyResourceId",
            "name",
            "createdAt",
            "updatedAt",
            "processedAt",
            "cancelledAt",
            "sourceIdentifier",
            "sourceName",
            "tags",
            "note",
            "email",
            "poNumber",
            "test",
            "currencyCode",
            "presentmentCurrencyCode",
            "displayFinancialStatus",
            "displayFulfillmentStatus",
            "customAttributes",
            "lineItems",
            "metafield",
            "metafields"));
    m.put("Attribute", Set.of("key", "value"));
    m.put(
        "LineItem",
        Set.of(
            "id",
            "name",
            "title",
            "variantTitle",
            "sku",
            "quantity",
            "currentQuantity",
            "variant",
            "originalUnitPriceSet"));
    m.put("MoneyBag", Set.of("shopMoney", "presentmentMoney"));
    m.put("MoneyV2", Set.of("amount", "currencyCode"));
    m.put("Metafield", Set.of("id", "namespace", "key", "type", "value"));
    m.put("MetafieldDefinition", Set.of("id", "name", "namespace", "key", "ownerType", "type"));
    m.put("MetafieldDefinitionType", Set.of("name", "category"));
    m.put("Shop", Set.of("id", "name", "myshopifyDomain", "currencyCode"));
    m.put("Location", Set.of("id", "legacyResourceId", "name", "isActive", "fulfillsOnlineOrders"));
    m.put("OrderCreatePayload", Set.of("order", "userErrors"));
    m.put("OrderCreateUserError", USER_ERROR);
    m.put("MetafieldDefinitionCreatePayload", Set.of("createdDefinition", "userErrors"));
    m.put("MetafieldDefinitionCreateUserError", USER_ERROR);
    m.put("PageInfo", Set.of("hasNextPage", "hasPreviousPage", "startCursor", "endCursor"));
    for (String node :
        Set.of(
            "Order",
            "LineItem",
            "ProductVariant",
            "MetafieldDefinition",
            "Location",
            "Metafield")) {
      m.put(node + "Connection", CONNECTION);
      m.put(node + "Edge", EDGE);
    }
    return Map.copyOf(m);
  }
}
