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

  static final String ORDER_STATE =
      """
      query OrderState($id: ID!) {
        order(id: $id) {
          id updatedAt cancelledAt cancelReason displayFulfillmentStatus closed
          lineItems(first: 10) { nodes { id sku quantity currentQuantity } }
          fulfillmentOrders(first: 10) {
            nodes {
              id status
              assignedLocation { name location { id } }
              lineItems(first: 10) {
                nodes { id remainingQuantity totalQuantity lineItem { id sku } }
              }
            }
          }
          fulfillments(first: 10) { ...Shipment }
        }
      }
      fragment Shipment on Fulfillment {
        id name status displayStatus createdAt updatedAt inTransitAt deliveredAt
        trackingInfo(first: 10) { company number url }
        fulfillmentLineItems(first: 10) { nodes { id quantity lineItem { id sku } } }
      }
      """;

  static final String FULFILLMENT_CREATE =
      """
      mutation CreateFulfillment($fulfillment: FulfillmentInput!, $message: String) {
        fulfillmentCreate(fulfillment: $fulfillment, message: $message) {
          fulfillment {
            id name status displayStatus
            trackingInfo(first: 10) { company number url }
            fulfillmentLineItems(first: 10) { nodes { id quantity lineItem { id sku } } }
          }
          userErrors { field message }
        }
      }
      """;

  static final String ORDER_CANCEL =
      """
      mutation CancelOrder($orderId: ID!, $restock: Boolean!, $refund: Boolean) {
        orderCancel(orderId: $orderId, reason: CUSTOMER, restock: $restock, refund: $refund,
                    notifyCustomer: false, staffNote: "Cancelled on marketplace") {
          job { id done }
          orderCancelUserErrors { field message code }
        }
      }
      """;

  static final String SUBSCRIBE =
      """
      mutation Subscribe($topic: WebhookSubscriptionTopic!, $uri: String!) {
        webhookSubscriptionCreate(topic: $topic, webhookSubscription: {uri: $uri, format: JSON}) {
          webhookSubscription { id topic uri format apiVersion { handle } }
          userErrors { field message }
        }
      }
      """;

  /** Fulfils a whole fulfillment order, with optional tracking. */
  static Map<String, Object> wholeFulfillmentOrder(
      String fulfillmentOrderId, Map<String, Object> trackingInfo) {
    Map<String, Object> fulfillment = new LinkedHashMap<>();
    fulfillment.put(
        "lineItemsByFulfillmentOrder", List.of(Map.of("fulfillmentOrderId", fulfillmentOrderId)));
    if (trackingInfo != null) {
      fulfillment.put("trackingInfo", trackingInfo);
    }
    fulfillment.put("notifyCustomer", false);
    return Map.of("fulfillment", fulfillment);
  }

  /** Fulfils one quantity of one fulfillment order line. */
  static Map<String, Object> someOf(
      String fulfillmentOrderId, String fulfillmentOrderLineId, int quantity) {
    return Map.of(
        "fulfillment",
        Map.of(
            "lineItemsByFulfillmentOrder",
            List.of(
                Map.of(
                    "fulfillmentOrderId",
                    fulfillmentOrderId,
                    "fulfillmentOrderLineItems",
                    List.of(Map.of("id", fulfillmentOrderLineId, "quantity", quantity))))));
  }

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
