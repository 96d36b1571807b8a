package io.synchron.simulator.shopify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Documents and inputs shared by the tests, shaped like the reference's examples. */
final class Fixtures {

  private Fixtures() {}

  static final String ORDER_CREATE =
      """
      mutation ImportOrder($order: OrderCreateOrderInput!, $options: OrderCreateOptionsInput) {
        orderCreate(order: $order, options: $options) {
          order {
            id name createdAt sourceIdentifier sourceName tags note currencyCode
            displayFinancialStatus
            lineItems(first: 10) {
              nodes {
                id sku title quantity variant { id }
                originalUnitPriceSet { shopMoney { amount currencyCode } }
              }
            }
            metafield(namespace: "$app:marketplace", key: "order_ref") { value }
          }
          userErrors { field message code }
        }
      }
      """;

  static final String DEFINE_ORDER_REF =
      """
      mutation {
        metafieldDefinitionCreate(definition: {
          name: "Marketplace order id", namespace: "$app:marketplace", key: "order_ref",
          type: "id", ownerType: ORDER
        }) {
          createdDefinition { id namespace key type { name } }
          userErrors { field message code }
        }
      }
      """;

  static final String FIND_BY_SOURCE =
      """
      query Find($q: String!) {
        orders(first: 5, query: $q) { nodes { id name sourceIdentifier tags createdAt } }
      }
      """;

  /** An order input with one line per variant (quantity 2 each) and the order_ref metafield. */
  static Map<String, Object> order(String sourceIdentifier, String... variantIds) {
    List<Object> lines = new ArrayList<>();
    for (String variantId : variantIds) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("variantId", variantId);
      line.put("quantity", 2);
      line.put("requiresShipping", true);
      line.put("priceSet", Map.of("shopMoney", Map.of("amount", "19.99", "currencyCode", "EUR")));
      lines.add(line);
    }
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("sourceIdentifier", sourceIdentifier);
    order.put("sourceName", "mirakl");
    order.put("tags", List.of("marketplace:mirakl", "mkp-order:" + sourceIdentifier));
    order.put("note", "Imported from Mirakl");
    order.put("currency", "EUR");
    order.put("financialStatus", "PAID");
    order.put(
        "metafields",
        List.of(
            Map.of(
                "namespace",
                "$app:marketplace",
                "key",
                "order_ref",
                "type",
                "id",
                "value",
                sourceIdentifier)));
    order.put("lineItems", lines);
    return order;
  }

  static Map<String, Object> variables(Map<String, Object> order, String inventoryBehaviour) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("order", order);
    if (inventoryBehaviour != null) {
      variables.put("options", Map.of("inventoryBehaviour", inventoryBehaviour));
    }
    return variables;
  }
}
