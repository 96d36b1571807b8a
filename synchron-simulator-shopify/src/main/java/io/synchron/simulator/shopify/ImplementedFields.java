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
            "locations",
            "fulfillment",
            "fulfillmentOrder",
            "job",
            "webhookSubscriptions",
            "webhookSubscription"));
    m.put(
        "Mutation",
        Set.of(
            "orderCreate",
            "metafieldDefinitionCreate",
            "fulfillmentCreate",
            "fulfillmentTrackingInfoUpdate",
            "fulfillmentEventCreate",
            "fulfillmentCancel",
            "orderCancel",
            "webhookSubscriptionCreate",
            "webhookSubscriptionDelete",
            "refundCreate",
            "returnCreate",
            "returnClose",
            "returnProcess"));
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
            "cancelReason",
            "cancellation",
            "closed",
            "closedAt",
            "fulfillmentOrders",
            "fulfillments",
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
            "metafields",
            "refunds",
            "returns",
            "totalRefundedSet",
            "taxesIncluded",
            "totalTaxSet",
            "totalPriceSet",
            "totalRefundedShippingSet",
            "shippingLines",
            "transactions"));
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
            "unfulfilledQuantity",
            "refundableQuantity",
            "taxable",
            "taxLines",
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
    m.put("OrderCancellation", Set.of("staffNote"));
    m.put(
        "FulfillmentOrder",
        Set.of(
            "id",
            "status",
            "requestStatus",
            "createdAt",
            "updatedAt",
            "orderId",
            "orderName",
            "assignedLocation",
            "order",
            "lineItems"));
    m.put("FulfillmentOrderAssignedLocation", Set.of("name", "location"));
    m.put(
        "FulfillmentOrderLineItem",
        Set.of(
            "id",
            "remainingQuantity",
            "totalQuantity",
            "lineItem",
            "sku",
            "productTitle",
            "variantTitle",
            "variant",
            "inventoryItemId",
            "requiresShipping"));
    m.put(
        "Fulfillment",
        Set.of(
            "id",
            "legacyResourceId",
            "name",
            "status",
            "displayStatus",
            "createdAt",
            "updatedAt",
            "inTransitAt",
            "deliveredAt",
            "estimatedDeliveryAt",
            "requiresShipping",
            "totalQuantity",
            "location",
            "order",
            "trackingInfo",
            "fulfillmentLineItems",
            "events",
            "fulfillmentOrders"));
    m.put("FulfillmentTrackingInfo", Set.of("company", "number", "url"));
    m.put(
        "FulfillmentLineItem",
        Set.of("id", "quantity", "lineItem", "originalTotalSet", "discountedTotalSet"));
    m.put(
        "FulfillmentEvent",
        Set.of("id", "status", "happenedAt", "createdAt", "message", "estimatedDeliveryAt"));
    m.put("Job", Set.of("id", "done"));
    m.put(
        "Refund",
        Set.of(
            "id",
            "legacyResourceId",
            "createdAt",
            "processedAt",
            "updatedAt",
            "note",
            "totalRefundedSet",
            "order",
            "return",
            "refundLineItems",
            "refundShippingLines",
            "orderAdjustments",
            "transactions"));
    m.put("RefundShippingLine", Set.of("id", "shippingLine", "subtotalAmountSet", "taxAmountSet"));
    m.put("OrderAdjustment", Set.of("id", "amountSet", "taxAmountSet", "reason"));
    m.put(
        "ShippingLine",
        Set.of(
            "id",
            "title",
            "code",
            "source",
            "custom",
            "isRemoved",
            "originalPriceSet",
            "discountedPriceSet",
            "taxLines"));
    m.put("TaxLine", Set.of("title", "rate", "ratePercentage", "priceSet", "channelLiable"));
    m.put(
        "RefundLineItem",
        Set.of(
            "id",
            "lineItem",
            "quantity",
            "restockType",
            "restocked",
            "location",
            "priceSet",
            "subtotalSet",
            "totalTaxSet"));
    m.put(
        "OrderTransaction",
        Set.of(
            "id",
            "kind",
            "status",
            "gateway",
            "amountSet",
            "createdAt",
            "processedAt",
            "test",
            "parentTransaction"));
    m.put(
        "Return",
        Set.of(
            "id",
            "name",
            "status",
            "createdAt",
            "closedAt",
            "totalQuantity",
            "order",
            "returnLineItems",
            "refunds",
            "reverseFulfillmentOrders"));
    Set<String> returnLineType =
        Set.of(
            "id",
            "quantity",
            "returnReason",
            "returnReasonNote",
            "processedQuantity",
            "unprocessedQuantity",
            "processableQuantity",
            "refundedQuantity",
            "refundableQuantity");
    Set<String> returnLine = new java.util.HashSet<>(returnLineType);
    returnLine.add("fulfillmentLineItem");
    m.put("ReturnLineItem", Set.copyOf(returnLine));
    m.put("ReturnLineItemType", returnLineType);
    m.put("ReverseFulfillmentOrder", Set.of("id", "status", "order", "lineItems"));
    m.put(
        "ReverseFulfillmentOrderLineItem",
        Set.of("id", "totalQuantity", "fulfillmentLineItem", "dispositions"));
    m.put(
        "ReverseFulfillmentOrderDisposition",
        Set.of("id", "quantity", "type", "location", "createdAt"));
    m.put("RefundCreatePayload", Set.of("refund", "order", "userErrors"));
    m.put("ReturnCreatePayload", Set.of("return", "userErrors"));
    m.put("ReturnClosePayload", Set.of("return", "userErrors"));
    m.put("ReturnProcessPayload", Set.of("return", "userErrors"));
    m.put("ReturnUserError", USER_ERROR);
    m.put(
        "WebhookSubscription",
        Set.of(
            "id",
            "legacyResourceId",
            "topic",
            "uri",
            "callbackUrl",
            "format",
            "name",
            "filter",
            "includeFields",
            "metafieldNamespaces",
            "createdAt",
            "updatedAt",
            "apiVersion"));
    m.put("ApiVersion", Set.of("handle", "displayName", "supported"));
    m.put("UserError", Set.of("field", "message"));
    m.put("OrderCancelUserError", USER_ERROR);
    m.put("FulfillmentCreatePayload", Set.of("fulfillment", "userErrors"));
    m.put("FulfillmentTrackingInfoUpdatePayload", Set.of("fulfillment", "userErrors"));
    m.put("FulfillmentCancelPayload", Set.of("fulfillment", "userErrors"));
    m.put("FulfillmentEventCreatePayload", Set.of("fulfillmentEvent", "userErrors"));
    m.put("OrderCancelPayload", Set.of("job", "orderCancelUserErrors", "userErrors"));
    m.put("WebhookSubscriptionCreatePayload", Set.of("webhookSubscription", "userErrors"));
    m.put("WebhookSubscriptionDeletePayload", Set.of("deletedWebhookSubscriptionId", "userErrors"));
    for (String node :
        Set.of(
            "Order",
            "LineItem",
            "ProductVariant",
            "MetafieldDefinition",
            "Location",
            "Metafield",
            "FulfillmentOrder",
            "FulfillmentOrderLineItem",
            "FulfillmentLineItem",
            "FulfillmentEvent",
            "WebhookSubscription",
            "RefundLineItem",
            "OrderTransaction",
            "Return",
            "ReturnLineItemType",
            "Refund",
            "RefundShippingLine",
            "OrderAdjustment",
            "ShippingLine",
            "ReverseFulfillmentOrder",
            "ReverseFulfillmentOrderLineItem")) {
      m.put(node + "Connection", CONNECTION);
      m.put(node + "Edge", EDGE);
    }
    return Map.copyOf(m);
  }
}
