package io.synchron.simulator.shopify;

import graphql.schema.DataFetchingEnvironment;
import io.synchron.simulator.shopify.OrderLife.Disposition;
import io.synchron.simulator.shopify.OrderLife.Event;
import io.synchron.simulator.shopify.OrderLife.Fulfillment;
import io.synchron.simulator.shopify.OrderLife.FulfillmentLine;
import io.synchron.simulator.shopify.OrderLife.FulfillmentOrder;
import io.synchron.simulator.shopify.OrderLife.FulfillmentOrderLine;
import io.synchron.simulator.shopify.OrderLife.OrderAdjustment;
import io.synchron.simulator.shopify.OrderLife.Refund;
import io.synchron.simulator.shopify.OrderLife.RefundLine;
import io.synchron.simulator.shopify.OrderLife.RefundShippingLine;
import io.synchron.simulator.shopify.OrderLife.RefundTransaction;
import io.synchron.simulator.shopify.OrderLife.Return;
import io.synchron.simulator.shopify.OrderLife.ReturnLine;
import io.synchron.simulator.shopify.OrderLife.Tracking;
import io.synchron.simulator.shopify.ShopState.Definition;
import io.synchron.simulator.shopify.ShopState.LineItem;
import io.synchron.simulator.shopify.ShopState.Location;
import io.synchron.simulator.shopify.ShopState.Metafield;
import io.synchron.simulator.shopify.ShopState.Outcome;
import io.synchron.simulator.shopify.ShopState.PaymentTransaction;
import io.synchron.simulator.shopify.ShopState.ShippingLine;
import io.synchron.simulator.shopify.ShopState.StoredOrder;
import io.synchron.simulator.shopify.ShopState.TaxLine;
import io.synchron.simulator.shopify.ShopState.Variant;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Maps the shop's records to the maps the schema's default data fetcher reads ({@code __typename}
 * picks the object type; a {@link FieldResolver} value computes an argument-dependent field).
 */
final class Views {

  private Views() {}

  static Map<String, Object> shop(ShopState state) {
    Map<String, Object> m = typed("Shop");
    m.put("id", state.shopId());
    m.put("name", state.shopName());
    m.put("myshopifyDomain", state.shopDomain());
    m.put("currencyCode", ShopState.SHOP_CURRENCY);
    return m;
  }

  static Map<String, Object> location(Location location) {
    Map<String, Object> m = typed("Location");
    m.put("id", location.id());
    m.put("legacyResourceId", String.valueOf(location.legacyId()));
    m.put("name", location.name());
    m.put("isActive", true);
    m.put("fulfillsOnlineOrders", true);
    return m;
  }

  static Map<String, Object> variant(Variant variant) {
    Map<String, Object> m = typed("ProductVariant");
    m.put("id", variant.id);
    m.put("legacyResourceId", String.valueOf(variant.legacyId));
    m.put("sku", variant.sku);
    m.put("title", variant.title);
    m.put("displayName", variant.product.title() + " - " + variant.title);
    m.put("price", variant.price);
    m.put("inventoryQuantity", variant.available);
    Map<String, Object> item = typed("InventoryItem");
    item.put("id", variant.inventoryItemId);
    item.put("legacyResourceId", String.valueOf(variant.inventoryItemLegacyId));
    item.put("sku", variant.sku);
    item.put("tracked", true);
    m.put("inventoryItem", item);
    Map<String, Object> product = typed("Product");
    product.put("id", variant.product.id());
    product.put("legacyResourceId", String.valueOf(variant.product.legacyId()));
    product.put("title", variant.product.title());
    m.put("product", product);
    return m;
  }

  static Map<String, Object> order(StoredOrder order) {
    OrderLife life = order.life();
    Map<String, Object> m = typed("Order");
    m.put("id", order.id());
    m.put("legacyResourceId", String.valueOf(order.legacyId()));
    m.put("name", order.name());
    m.put("createdAt", order.createdAt().toString());
    m.put("updatedAt", life.updatedAt.toString());
    m.put("processedAt", order.processedAt().toString());
    m.put("cancelledAt", time(life.cancelledAt));
    m.put("cancelReason", life.cancellation == null ? null : life.cancellation.reason());
    if (life.cancellation == null) {
      m.put("cancellation", null);
    } else {
      Map<String, Object> cancellation = typed("OrderCancellation");
      cancellation.put("staffNote", life.cancellation.staffNote());
      m.put("cancellation", cancellation);
    }
    m.put("closed", life.closedAt != null);
    m.put("closedAt", time(life.closedAt));
    m.put("sourceIdentifier", order.sourceIdentifier());
    m.put("sourceName", order.sourceName());
    m.put("tags", order.tags());
    m.put("note", order.note());
    m.put("email", order.email());
    m.put("poNumber", order.poNumber());
    m.put("test", order.test());
    m.put("currencyCode", order.currency());
    m.put("presentmentCurrencyCode", order.presentmentCurrency());
    m.put("displayFinancialStatus", order.displayFinancialStatus());
    m.put("displayFulfillmentStatus", life.displayFulfillmentStatus(order.lineItems()));
    List<Map<String, Object>> attributes = new ArrayList<>();
    for (Map<String, String> attribute : order.customAttributes()) {
      Map<String, Object> a = typed("Attribute");
      a.putAll(attribute);
      attributes.add(a);
    }
    m.put("customAttributes", attributes);
    m.put(
        "lineItems",
        (FieldResolver)
            env -> connection(order.lineItems(), LineItem::id, l -> lineItem(l, life), env));
    m.put(
        "fulfillmentOrders",
        (FieldResolver)
            env -> {
              refuseArgument(env, "query");
              return connection(life.fulfillmentOrders, f -> f.id, Views::fulfillmentOrder, env);
            });
    m.put(
        "fulfillments",
        (FieldResolver)
            env -> {
              refuseArgument(env, "query");
              List<Map<String, Object>> fulfillments = new ArrayList<>();
              for (Fulfillment fulfillment : first(life.fulfillments, env)) {
                fulfillments.add(fulfillment(fulfillment));
              }
              return fulfillments;
            });
    String currency = order.currency();
    BigDecimal refunded = life.totalRefunded();
    m.put("totalRefundedSet", moneyBag(refunded, currency, refunded, currency));
    m.put("taxesIncluded", order.taxesIncluded());
    BigDecimal tax = order.totalTax();
    m.put("totalTaxSet", moneyBag(tax, currency, tax, currency));
    BigDecimal total = order.totalPrice();
    m.put("totalPriceSet", moneyBag(total, currency, total, currency));
    BigDecimal shippingRefunded = life.shippingRefunded();
    m.put(
        "totalRefundedShippingSet",
        moneyBag(shippingRefunded, currency, shippingRefunded, currency));
    m.put(
        "shippingLines",
        (FieldResolver)
            env ->
                connection(
                    order.shippingLines(), ShippingLine::id, l -> shippingLine(l, currency), env));
    m.put(
        "transactions",
        (FieldResolver)
            env -> {
              refuseArgument(env, "capturable");
              refuseArgument(env, "manuallyResolvable");
              List<Map<String, Object>> transactions = new ArrayList<>();
              for (PaymentTransaction transaction : order.transactions()) {
                transactions.add(paymentTransaction(transaction, order));
              }
              for (Refund refund : life.refunds) {
                for (RefundTransaction transaction : refund.transactions) {
                  transactions.add(transaction(transaction, order));
                }
              }
              return first(transactions, env);
            });
    m.put(
        "refunds",
        (FieldResolver)
            env -> {
              List<Map<String, Object>> refunds = new ArrayList<>();
              for (Refund refund : first(life.refunds, env)) {
                refunds.add(refund(refund));
              }
              return refunds;
            });
    m.put(
        "returns",
        (FieldResolver)
            env -> {
              refuseArgument(env, "query");
              return connection(life.returns, r -> r.id, Views::returnOf, env);
            });
    m.put(
        "metafield",
        (FieldResolver)
            env ->
                order
                    .metafield(namespace(env), env.getArgument("key"))
                    .map(Views::metafield)
                    .orElse(null));
    m.put(
        "metafields",
        (FieldResolver)
            env -> {
              String namespace = env.getArgument("namespace");
              List<String> keys = env.getArgument("keys");
              List<Metafield> selected = new ArrayList<>();
              for (Metafield metafield : order.metafields()) {
                boolean namespaceMatches =
                    namespace == null || namespace.equals(metafield.namespace());
                boolean keyMatches =
                    keys == null || keys.contains(metafield.namespace() + "." + metafield.key());
                if (namespaceMatches && keyMatches) {
                  selected.add(metafield);
                }
              }
              return connection(selected, Metafield::id, Views::metafield, env);
            });
    return m;
  }

  static Map<String, Object> lineItem(LineItem line, OrderLife life) {
    Map<String, Object> m = typed("LineItem");
    m.put("id", line.id());
    String variantTitle = line.variantTitle();
    boolean plain = variantTitle == null || variantTitle.equals("Default Title");
    m.put("name", plain ? line.title() : line.title() + " - " + variantTitle);
    m.put("title", line.title());
    m.put("variantTitle", variantTitle);
    m.put("sku", line.sku());
    m.put("quantity", line.quantity());
    m.put("currentQuantity", life.currentQuantity(line));
    m.put("unfulfilledQuantity", life.unfulfilledQuantity(line));
    m.put("refundableQuantity", life.currentQuantity(line));
    m.put("taxable", line.taxable());
    m.put(
        "taxLines", (FieldResolver) env -> first(taxLines(line.taxLines(), line.currency()), env));
    m.put("variant", line.variant() == null ? null : variant(line.variant()));
    m.put(
        "originalUnitPriceSet",
        moneyBag(
            line.unitPrice(),
            line.currency(),
            line.presentmentUnitPrice(),
            line.presentmentCurrency()));
    return m;
  }

  static Map<String, Object> fulfillmentOrder(FulfillmentOrder fulfillmentOrder) {
    OrderLife life = fulfillmentOrder.order.life();
    Map<String, Object> m = typed("FulfillmentOrder");
    m.put("id", fulfillmentOrder.id);
    m.put("status", fulfillmentOrder.status);
    m.put("requestStatus", "UNSUBMITTED");
    m.put("createdAt", fulfillmentOrder.createdAt.toString());
    m.put("updatedAt", fulfillmentOrder.updatedAt.toString());
    m.put("orderId", fulfillmentOrder.order.id());
    m.put("orderName", fulfillmentOrder.order.name());
    Map<String, Object> assigned = typed("FulfillmentOrderAssignedLocation");
    assigned.put("name", fulfillmentOrder.location.name());
    assigned.put("location", location(fulfillmentOrder.location));
    m.put("assignedLocation", assigned);
    m.put("order", (FieldResolver) env -> order(fulfillmentOrder.order));
    m.put(
        "lineItems",
        (FieldResolver)
            env ->
                connection(
                    fulfillmentOrder.lines, l -> l.id, l -> fulfillmentOrderLine(l, life), env));
    return m;
  }

  static Map<String, Object> fulfillmentOrderLine(FulfillmentOrderLine line, OrderLife life) {
    LineItem item = line.lineItem;
    Map<String, Object> m = typed("FulfillmentOrderLineItem");
    m.put("id", line.id);
    m.put("remainingQuantity", line.remainingQuantity);
    m.put("totalQuantity", line.totalQuantity);
    m.put("lineItem", lineItem(item, life));
    m.put("sku", item.sku());
    m.put("productTitle", item.title());
    m.put("variantTitle", item.variantTitle());
    m.put("variant", item.variant() == null ? null : variant(item.variant()));
    m.put("inventoryItemId", item.variant() == null ? null : item.variant().inventoryItemId);
    m.put("requiresShipping", true);
    return m;
  }

  static Map<String, Object> fulfillment(Fulfillment fulfillment) {
    OrderLife life = fulfillment.order.life();
    Map<String, Object> m = typed("Fulfillment");
    m.put("id", fulfillment.id);
    m.put("legacyResourceId", String.valueOf(fulfillment.legacyId));
    m.put("name", fulfillment.name);
    m.put("status", fulfillment.status);
    m.put("displayStatus", fulfillment.displayStatus);
    m.put("createdAt", fulfillment.createdAt.toString());
    m.put("updatedAt", fulfillment.updatedAt.toString());
    m.put("inTransitAt", time(fulfillment.inTransitAt));
    m.put("deliveredAt", time(fulfillment.deliveredAt));
    m.put("estimatedDeliveryAt", time(fulfillment.estimatedDeliveryAt));
    m.put("requiresShipping", true);
    m.put("totalQuantity", fulfillment.lines.stream().mapToInt(FulfillmentLine::quantity).sum());
    m.put(
        "location",
        fulfillment.lines.isEmpty()
            ? null
            : location(fulfillment.lines.get(0).orderLine().owner.location));
    m.put("order", (FieldResolver) env -> order(fulfillment.order));
    m.put(
        "trackingInfo",
        (FieldResolver)
            env -> {
              List<Map<String, Object>> infos = new ArrayList<>();
              for (Tracking tracking : first(fulfillment.tracking, env)) {
                Map<String, Object> info = typed("FulfillmentTrackingInfo");
                info.put("company", tracking.company());
                info.put("number", tracking.number());
                info.put("url", tracking.url());
                infos.add(info);
              }
              return infos;
            });
    m.put(
        "fulfillmentLineItems",
        (FieldResolver)
            env ->
                connection(
                    fulfillment.lines, FulfillmentLine::id, l -> fulfillmentLine(l, life), env));
    m.put(
        "events",
        (FieldResolver)
            env -> {
              // Both sort keys (HAPPENED_AT, ID) order the simulator's events the same way but
              // for back-dated events; sort by time, then by creation.
              List<Event> events = new ArrayList<>(fulfillment.events);
              Object sortKey = env.getArgument("sortKey");
              if (!"ID".equals(sortKey)) {
                events.sort(Comparator.comparing(Event::happenedAt));
              }
              return connection(events, Event::id, Views::event, env);
            });
    m.put(
        "fulfillmentOrders",
        (FieldResolver)
            env -> {
              Set<FulfillmentOrder> owners = new LinkedHashSet<>();
              fulfillment.lines.forEach(l -> owners.add(l.orderLine().owner));
              return connection(new ArrayList<>(owners), f -> f.id, Views::fulfillmentOrder, env);
            });
    return m;
  }

  static Map<String, Object> fulfillmentLine(FulfillmentLine line, OrderLife life) {
    LineItem item = line.lineItem();
    BigDecimal quantity = BigDecimal.valueOf(line.quantity());
    Map<String, Object> m = typed("FulfillmentLineItem");
    m.put("id", line.id());
    m.put("quantity", line.quantity());
    m.put("lineItem", lineItem(item, life));
    Map<String, Object> total =
        moneyBag(
            item.unitPrice().multiply(quantity),
            item.currency(),
            item.presentmentUnitPrice().multiply(quantity),
            item.presentmentCurrency());
    m.put("originalTotalSet", total);
    m.put("discountedTotalSet", total);
    return m;
  }

  static Map<String, Object> refund(Refund refund) {
    StoredOrder order = refund.order;
    OrderLife life = order.life();
    String currency = order.currency();
    Map<String, Object> m = typed("Refund");
    m.put("id", refund.id);
    m.put("legacyResourceId", String.valueOf(refund.legacyId));
    m.put("createdAt", refund.createdAt.toString());
    m.put("processedAt", refund.createdAt.toString());
    m.put("updatedAt", refund.createdAt.toString());
    m.put("note", refund.note);
    BigDecimal total = refund.totalRefunded();
    m.put("totalRefundedSet", moneyBag(total, currency, total, currency));
    m.put("order", (FieldResolver) env -> order(order));
    m.put("return", refund.returned == null ? null : returnOf(refund.returned));
    m.put(
        "refundLineItems",
        (FieldResolver)
            env -> connection(refund.lines, RefundLine::id, l -> refundLine(l, life), env));
    m.put(
        "refundShippingLines",
        (FieldResolver)
            env ->
                connection(
                    refund.shippingLines,
                    RefundShippingLine::id,
                    l -> refundShippingLine(l, currency),
                    env));
    m.put(
        "orderAdjustments",
        (FieldResolver)
            env ->
                connection(
                    refund.adjustments,
                    OrderAdjustment::id,
                    a -> orderAdjustment(a, currency),
                    env));
    m.put(
        "transactions",
        (FieldResolver)
            env ->
                connection(
                    refund.transactions, RefundTransaction::id, t -> transaction(t, order), env));
    return m;
  }

  static Map<String, Object> refundLine(RefundLine line, OrderLife life) {
    LineItem item = line.lineItem();
    Map<String, Object> m = typed("RefundLineItem");
    m.put("id", line.id());
    m.put("lineItem", lineItem(item, life));
    m.put("quantity", line.quantity());
    m.put("restockType", line.restockType());
    m.put("restocked", line.restocked());
    m.put("location", line.location() == null ? null : location(line.location()));
    String currency = item.currency();
    m.put("priceSet", moneyBag(item.unitPrice(), currency, item.unitPrice(), currency));
    m.put("subtotalSet", moneyBag(line.subtotal(), currency, line.subtotal(), currency));
    BigDecimal tax = Money.round(line.totalTax(), currency);
    m.put("totalTaxSet", moneyBag(tax, currency, tax, currency));
    return m;
  }

  static Map<String, Object> refundShippingLine(RefundShippingLine line, String currency) {
    Map<String, Object> m = typed("RefundShippingLine");
    m.put("id", line.id());
    m.put("shippingLine", shippingLine(line.shippingLine(), currency));
    m.put("subtotalAmountSet", moneyBag(line.subtotal(), currency, line.subtotal(), currency));
    BigDecimal tax = Money.round(line.tax(), currency);
    m.put("taxAmountSet", moneyBag(tax, currency, tax, currency));
    return m;
  }

  static Map<String, Object> orderAdjustment(OrderAdjustment adjustment, String currency) {
    Map<String, Object> m = typed("OrderAdjustment");
    m.put("id", adjustment.id());
    m.put("amountSet", moneyBag(adjustment.amount(), currency, adjustment.amount(), currency));
    m.put(
        "taxAmountSet",
        moneyBag(adjustment.taxAmount(), currency, adjustment.taxAmount(), currency));
    m.put("reason", adjustment.reason());
    return m;
  }

  static Map<String, Object> shippingLine(ShippingLine line, String currency) {
    Map<String, Object> m = typed("ShippingLine");
    m.put("id", line.id());
    m.put("title", line.title());
    m.put("code", line.code());
    m.put("source", line.source());
    m.put("custom", true);
    m.put("isRemoved", false);
    Map<String, Object> price = moneyBag(line.price(), currency, line.price(), currency);
    m.put("originalPriceSet", price);
    m.put("discountedPriceSet", price);
    m.put("taxLines", taxLines(line.taxLines(), currency));
    return m;
  }

  static List<Map<String, Object>> taxLines(List<TaxLine> taxLines, String currency) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (TaxLine tax : taxLines) {
      Map<String, Object> m = typed("TaxLine");
      m.put("title", tax.title());
      m.put("rate", tax.rate() == null ? null : tax.rate().doubleValue());
      m.put(
          "ratePercentage", tax.rate() == null ? null : tax.rate().movePointRight(2).doubleValue());
      m.put("priceSet", moneyBag(tax.amount(), currency, tax.amount(), currency));
      m.put("channelLiable", tax.channelLiable());
      list.add(m);
    }
    return list;
  }

  /** A REFUND transaction of a refund. */
  static Map<String, Object> transaction(RefundTransaction transaction, StoredOrder order) {
    String currency = order.currency();
    Map<String, Object> m = typed("OrderTransaction");
    m.put("id", transaction.id());
    m.put("kind", transaction.kind());
    m.put("status", transaction.status());
    m.put("gateway", transaction.gateway());
    m.put("amountSet", moneyBag(transaction.amount(), currency, transaction.amount(), currency));
    m.put("createdAt", transaction.createdAt().toString());
    m.put("processedAt", transaction.createdAt().toString());
    m.put("test", order.test());
    PaymentTransaction parent =
        transaction.parentId() == null ? null : order.transaction(transaction.parentId());
    m.put("parentTransaction", parent == null ? null : paymentTransaction(parent, order));
    return m;
  }

  /** A payment transaction the order was created with. */
  static Map<String, Object> paymentTransaction(PaymentTransaction transaction, StoredOrder order) {
    String currency = order.currency();
    Map<String, Object> m = typed("OrderTransaction");
    m.put("id", transaction.id());
    m.put("kind", transaction.kind());
    m.put("status", transaction.status());
    m.put("gateway", transaction.gateway());
    m.put("amountSet", moneyBag(transaction.amount(), currency, transaction.amount(), currency));
    m.put("createdAt", order.createdAt().toString());
    m.put("processedAt", transaction.processedAt().toString());
    m.put("test", transaction.test());
    m.put("parentTransaction", null);
    return m;
  }

  static Map<String, Object> returnOf(Return returned) {
    OrderLife life = returned.order.life();
    Map<String, Object> m = typed("Return");
    m.put("id", returned.id);
    m.put("name", returned.name);
    m.put("status", returned.status);
    m.put("createdAt", returned.createdAt.toString());
    m.put("closedAt", time(returned.closedAt));
    m.put("totalQuantity", returned.lines.stream().mapToInt(ReturnLine::quantity).sum());
    m.put("order", (FieldResolver) env -> order(returned.order));
    m.put(
        "returnLineItems",
        (FieldResolver)
            env -> {
              Object status = env.getArgument("processingStatus");
              List<ReturnLine> lines = new ArrayList<>();
              for (ReturnLine line : returned.lines) {
                if (status == null
                    || ("PROCESSABLE".equals(status) && processable(returned, line) > 0)
                    || ("PROCESSED".equals(status) && line.processedQuantity > 0)) {
                  lines.add(line);
                }
              }
              return connection(lines, ReturnLine::id, l -> returnLine(returned, l, life), env);
            });
    m.put(
        "refunds",
        (FieldResolver) env -> connection(returned.refunds, r -> r.id, Views::refund, env));
    m.put(
        "reverseFulfillmentOrders",
        (FieldResolver)
            env ->
                connection(
                    List.of(returned),
                    r -> r.reverseFulfillmentOrderId,
                    Views::reverseFulfillmentOrder,
                    env));
    return m;
  }

  /** Units still to process: none once the return is no longer OPEN. */
  private static int processable(Return returned, ReturnLine line) {
    return returned.status.equals("OPEN") ? line.unprocessedQuantity() : 0;
  }

  static Map<String, Object> returnLine(Return returned, ReturnLine line, OrderLife life) {
    Map<String, Object> m = typed("ReturnLineItem");
    m.put("id", line.id());
    m.put("quantity", line.quantity());
    m.put("returnReason", line.returnReason());
    m.put("returnReasonNote", line.returnReasonNote());
    m.put("fulfillmentLineItem", fulfillmentLine(line.fulfillmentLine(), life));
    m.put("processedQuantity", line.processedQuantity);
    m.put("unprocessedQuantity", line.unprocessedQuantity());
    m.put("processableQuantity", processable(returned, line));
    m.put("refundedQuantity", line.refundedQuantity);
    m.put("refundableQuantity", line.refundableQuantity());
    return m;
  }

  static Map<String, Object> reverseFulfillmentOrder(Return returned) {
    OrderLife life = returned.order.life();
    Map<String, Object> m = typed("ReverseFulfillmentOrder");
    m.put("id", returned.reverseFulfillmentOrderId);
    m.put("status", returned.reverseFulfillmentOrderStatus());
    m.put("order", (FieldResolver) env -> order(returned.order));
    m.put(
        "lineItems",
        (FieldResolver)
            env ->
                connection(
                    returned.lines,
                    ReturnLine::reverseLineId,
                    l -> reverseFulfillmentOrderLine(l, life),
                    env));
    return m;
  }

  static Map<String, Object> reverseFulfillmentOrderLine(ReturnLine line, OrderLife life) {
    Map<String, Object> m = typed("ReverseFulfillmentOrderLineItem");
    m.put("id", line.reverseLineId());
    m.put("totalQuantity", line.quantity());
    m.put("fulfillmentLineItem", fulfillmentLine(line.fulfillmentLine(), life));
    List<Map<String, Object>> dispositions = new ArrayList<>();
    for (Disposition disposition : line.dispositions) {
      Map<String, Object> d = typed("ReverseFulfillmentOrderDisposition");
      d.put("id", disposition.id());
      d.put("quantity", disposition.quantity());
      d.put("type", disposition.type());
      d.put("location", disposition.location() == null ? null : location(disposition.location()));
      d.put("createdAt", disposition.createdAt().toString());
      dispositions.add(d);
    }
    m.put("dispositions", dispositions);
    return m;
  }

  static Map<String, Object> refundCreatePayload(Outcome<Refund> outcome) {
    Map<String, Object> m = typed("RefundCreatePayload");
    Refund refund = outcome.value();
    m.put("refund", refund == null ? null : refund(refund));
    m.put("order", refund == null ? null : order(refund.order));
    m.put("userErrors", userErrors("UserError", outcome.userErrors()));
    return m;
  }

  static Map<String, Object> returnPayload(String typename, Outcome<Return> outcome) {
    Map<String, Object> m = typed(typename);
    m.put("return", outcome.value() == null ? null : returnOf(outcome.value()));
    m.put("userErrors", userErrors("ReturnUserError", outcome.userErrors()));
    return m;
  }

  static Map<String, Object> event(Event event) {
    Map<String, Object> m = typed("FulfillmentEvent");
    m.put("id", event.id());
    m.put("status", event.status());
    m.put("happenedAt", event.happenedAt().toString());
    m.put("createdAt", event.createdAt().toString());
    m.put("message", event.message());
    m.put("estimatedDeliveryAt", time(event.estimatedDeliveryAt()));
    return m;
  }

  static Map<String, Object> job(String id, boolean done) {
    Map<String, Object> m = typed("Job");
    m.put("id", id);
    m.put("done", done);
    return m;
  }

  static Map<String, Object> webhookSubscription(WebhookDispatcher.Subscription subscription) {
    Map<String, Object> m = typed("WebhookSubscription");
    m.put("id", subscription.id());
    m.put("legacyResourceId", String.valueOf(subscription.legacyId()));
    m.put("topic", subscription.topic());
    m.put("uri", subscription.uri());
    m.put("callbackUrl", subscription.uri());
    m.put("format", subscription.format());
    m.put("name", subscription.name());
    m.put("filter", null);
    m.put("includeFields", subscription.includeFields());
    m.put("metafieldNamespaces", List.of());
    m.put("createdAt", subscription.createdAt().toString());
    m.put("updatedAt", subscription.createdAt().toString());
    Map<String, Object> version = typed("ApiVersion");
    version.put("handle", AdminSchema.VERSION);
    version.put("displayName", AdminSchema.VERSION);
    version.put("supported", true);
    m.put("apiVersion", version);
    return m;
  }

  static Map<String, Object> fulfillmentPayload(String typename, Outcome<Fulfillment> outcome) {
    Map<String, Object> m = typed(typename);
    m.put("fulfillment", outcome.value() == null ? null : fulfillment(outcome.value()));
    m.put("userErrors", userErrors("UserError", outcome.userErrors()));
    return m;
  }

  static Map<String, Object> fulfillmentEventPayload(Outcome<Event> outcome) {
    Map<String, Object> m = typed("FulfillmentEventCreatePayload");
    m.put("fulfillmentEvent", outcome.value() == null ? null : event(outcome.value()));
    m.put("userErrors", userErrors("UserError", outcome.userErrors()));
    return m;
  }

  /** The job of a cancellation just asked for is reported as not done yet, like Shopify's. */
  static Map<String, Object> orderCancelPayload(Outcome<String> outcome) {
    Map<String, Object> m = typed("OrderCancelPayload");
    m.put("job", outcome.value() == null ? null : job(outcome.value(), false));
    m.put("orderCancelUserErrors", userErrors("OrderCancelUserError", outcome.userErrors()));
    m.put("userErrors", userErrors("UserError", outcome.userErrors()));
    return m;
  }

  static Map<String, Object> webhookSubscriptionCreatePayload(
      Outcome<WebhookDispatcher.Subscription> outcome) {
    Map<String, Object> m = typed("WebhookSubscriptionCreatePayload");
    m.put(
        "webhookSubscription",
        outcome.value() == null ? null : webhookSubscription(outcome.value()));
    m.put("userErrors", userErrors("UserError", outcome.userErrors()));
    return m;
  }

  static Map<String, Object> webhookSubscriptionDeletePayload(Outcome<String> outcome) {
    Map<String, Object> m = typed("WebhookSubscriptionDeletePayload");
    m.put("deletedWebhookSubscriptionId", outcome.value());
    m.put("userErrors", userErrors("UserError", outcome.userErrors()));
    return m;
  }

  static Map<String, Object> metafield(Metafield metafield) {
    Map<String, Object> m = typed("Metafield");
    m.put("id", metafield.id());
    m.put("namespace", metafield.namespace());
    m.put("key", metafield.key());
    m.put("type", metafield.type());
    m.put("value", metafield.value());
    return m;
  }

  static Map<String, Object> definition(Definition definition) {
    Map<String, Object> m = typed("MetafieldDefinition");
    m.put("id", definition.id());
    m.put("name", definition.name());
    m.put("namespace", definition.namespace());
    m.put("key", definition.key());
    m.put("ownerType", definition.ownerType());
    Map<String, Object> type = typed("MetafieldDefinitionType");
    type.put("name", definition.type());
    type.put("category", category(definition.type()));
    m.put("type", type);
    return m;
  }

  static Map<String, Object> orderCreatePayload(ShopState.Outcome<StoredOrder> outcome) {
    Map<String, Object> m = typed("OrderCreatePayload");
    m.put("order", outcome.value() == null ? null : order(outcome.value()));
    m.put("userErrors", userErrors("OrderCreateUserError", outcome.userErrors()));
    return m;
  }

  static Map<String, Object> definitionCreatePayload(ShopState.Outcome<Definition> outcome) {
    Map<String, Object> m = typed("MetafieldDefinitionCreatePayload");
    m.put("createdDefinition", outcome.value() == null ? null : definition(outcome.value()));
    m.put("userErrors", userErrors("MetafieldDefinitionCreateUserError", outcome.userErrors()));
    return m;
  }

  /**
   * A Relay connection over {@code items} honouring {@code first}, {@code last}, {@code after},
   * {@code before} and {@code reverse}; cursors are opaque encodings of the item ids.
   */
  static <T> Map<String, Object> connection(
      List<T> items,
      Function<T, String> idOf,
      Function<T, Map<String, Object>> toNode,
      DataFetchingEnvironment env) {
    List<T> ordered = new ArrayList<>(items);
    if (Boolean.TRUE.equals(env.getArgument("reverse"))) {
      Collections.reverse(ordered);
    }
    int start = 0;
    int end = ordered.size();
    String after = env.getArgument("after");
    String before = env.getArgument("before");
    if (after != null) {
      start = position(ordered, idOf, after) + 1;
    }
    if (before != null) {
      end = Math.max(start, position(ordered, idOf, before));
    }
    Integer first = env.getArgument("first");
    Integer last = env.getArgument("last");
    boolean hasNext = end < ordered.size();
    boolean hasPrevious = start > 0;
    if (first != null && end - start > first) {
      end = start + first;
      hasNext = true;
    }
    if (last != null && end - start > last) {
      start = end - last;
      hasPrevious = true;
    }
    List<Map<String, Object>> nodes = new ArrayList<>();
    List<Map<String, Object>> edges = new ArrayList<>();
    for (T item : ordered.subList(start, end)) {
      Map<String, Object> node = toNode.apply(item);
      nodes.add(node);
      Map<String, Object> edge = new LinkedHashMap<>();
      edge.put("cursor", cursor(idOf.apply(item)));
      edge.put("node", node);
      edges.add(edge);
    }
    Map<String, Object> pageInfo = typed("PageInfo");
    pageInfo.put("hasNextPage", hasNext);
    pageInfo.put("hasPreviousPage", hasPrevious);
    pageInfo.put("startCursor", edges.isEmpty() ? null : edges.get(0).get("cursor"));
    pageInfo.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
    Map<String, Object> connection = new LinkedHashMap<>();
    connection.put("nodes", nodes);
    connection.put("edges", edges);
    connection.put("pageInfo", pageInfo);
    return connection;
  }

  private static <T> int position(List<T> items, Function<T, String> idOf, String cursor) {
    String id;
    try {
      id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new SimulatorGraphQlException(
          SimulatorGraphQlException.BAD_REQUEST, "Invalid cursor '" + cursor + "'");
    }
    for (int i = 0; i < items.size(); i++) {
      if (idOf.apply(items.get(i)).equals(id)) {
        return i;
      }
    }
    throw new SimulatorGraphQlException(
        SimulatorGraphQlException.BAD_REQUEST, "Invalid cursor '" + cursor + "'");
  }

  private static String cursor(String id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(id.getBytes(StandardCharsets.UTF_8));
  }

  /** A plain list field's {@code first} argument. */
  private static <T> List<T> first(List<T> items, DataFetchingEnvironment env) {
    Integer first = env.getArgument("first");
    return first == null || first >= items.size() ? items : items.subList(0, Math.max(0, first));
  }

  private static void refuseArgument(DataFetchingEnvironment env, String argument) {
    if (env.getArgument(argument) != null) {
      throw new SimulatorGraphQlException(
          SimulatorGraphQlException.NOT_IMPLEMENTED,
          "Argument '"
              + argument
              + "' of '"
              + env.getFieldDefinition().getName()
              + "' is not supported by the simulator");
    }
  }

  private static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static String namespace(DataFetchingEnvironment env) {
    String namespace = env.getArgument("namespace");
    return namespace == null ? ShopState.DEFAULT_APP_NAMESPACE : namespace;
  }

  private static Map<String, Object> moneyBag(
      BigDecimal shopAmount,
      String shopCurrency,
      BigDecimal presentmentAmount,
      String presentmentCurrency) {
    Map<String, Object> bag = typed("MoneyBag");
    bag.put("shopMoney", money(shopAmount, shopCurrency));
    bag.put("presentmentMoney", money(presentmentAmount, presentmentCurrency));
    return bag;
  }

  private static Map<String, Object> money(BigDecimal amount, String currency) {
    Map<String, Object> m = typed("MoneyV2");
    m.put("amount", amount);
    m.put("currencyCode", currency);
    return m;
  }

  private static List<Map<String, Object>> userErrors(
      String typename, List<Map<String, Object>> errors) {
    List<Map<String, Object>> typed = new ArrayList<>();
    for (Map<String, Object> error : errors) {
      Map<String, Object> m = typed(typename);
      m.putAll(error);
      typed.add(m);
    }
    return typed;
  }

  private static String category(String type) {
    String base = type.startsWith("list.") ? type.substring(5) : type;
    if (base.endsWith("_reference")) {
      return "REFERENCE";
    } else if (base.startsWith("number_") || base.equals("rating")) {
      return "NUMBER";
    } else if (base.equals("dimension") || base.equals("volume") || base.equals("weight")) {
      return "MEASUREMENT";
    } else if (base.equals("date") || base.equals("date_time")) {
      return "DATE_TIME";
    } else if (base.equals("boolean")) {
      return "TRUE_FALSE";
    } else if (base.equals("json")) {
      return "ADVANCED";
    }
    return "TEXT";
  }

  private static Map<String, Object> typed(String typename) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("__typename", typename);
    return m;
  }
}
