package io.synchron.simulator.shopify;

import graphql.schema.DataFetchingEnvironment;
import io.synchron.simulator.shopify.ShopState.Definition;
import io.synchron.simulator.shopify.ShopState.LineItem;
import io.synchron.simulator.shopify.ShopState.Location;
import io.synchron.simulator.shopify.ShopState.Metafield;
import io.synchron.simulator.shopify.ShopState.StoredOrder;
import io.synchron.simulator.shopify.ShopState.Variant;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    Map<String, Object> m = typed("Order");
    m.put("id", order.id());
    m.put("legacyResourceId", String.valueOf(order.legacyId()));
    m.put("name", order.name());
    m.put("createdAt", order.createdAt().toString());
    m.put("updatedAt", order.createdAt().toString());
    m.put("processedAt", order.processedAt().toString());
    m.put("cancelledAt", null);
    m.put("sourceIdentifier", order.sourceIdentifier());
    m.put("sourceName", order.sourceName());
    m.put("tags", order.tags());
    m.put("note", order.note());
    m.put("email", order.email());
    m.put("poNumber", order.poNumber());
    m.put("test", order.test());
    m.put("currencyCode", order.currency());
    m.put("presentmentCurrencyCode", order.presentmentCurrency());
    m.put("displayFinancialStatus", order.financialStatus());
    m.put("displayFulfillmentStatus", order.fulfillmentStatus());
    List<Map<String, Object>> attributes = new ArrayList<>();
    for (Map<String, String> attribute : order.customAttributes()) {
      Map<String, Object> a = typed("Attribute");
      a.putAll(attribute);
      attributes.add(a);
    }
    m.put("customAttributes", attributes);
    m.put(
        "lineItems",
        (FieldResolver) env -> connection(order.lineItems(), LineItem::id, Views::lineItem, env));
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

  static Map<String, Object> lineItem(LineItem line) {
    Map<String, Object> m = typed("LineItem");
    m.put("id", line.id());
    String variantTitle = line.variantTitle();
    boolean plain = variantTitle == null || variantTitle.equals("Default Title");
    m.put("name", plain ? line.title() : line.title() + " - " + variantTitle);
    m.put("title", line.title());
    m.put("variantTitle", variantTitle);
    m.put("sku", line.sku());
    m.put("quantity", line.quantity());
    m.put("currentQuantity", line.quantity());
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
