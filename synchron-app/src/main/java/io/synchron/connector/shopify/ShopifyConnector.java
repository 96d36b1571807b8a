package io.synchron.connector.shopify;

import io.synchron.connector.ShopifyGateway;
import io.synchron.shared.Failure;
import io.synchron.shared.Money;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Shopify store. Imported orders carry their source identifier three ways: {@code sourceIdentifier}, a unique
 * {@code id}-type order metafield (looked up directly with {@code orderByIdentifier}), and tags; lookups try the
 * metafield first because Shopify's search index may lag just after a create.
 */
public final class ShopifyConnector implements ShopifyGateway {

  private static final Logger log = LoggerFactory.getLogger(ShopifyConnector.class);
  static final String ID_NAMESPACE = "$app:synchron";
  static final String ID_KEY = "marketplace_order_id";
  private static final int SKUS_PER_QUERY = 50;

  private final String shopId;
  private final ShopifyGraphQlClient client;
  private final String inventoryBehaviour;
  private volatile boolean idDefinitionReady;
  public ShopifyConnector(
      String shopId,
      URI endpoint,
      String accessToken,
      String apiVersion,
      String inventoryBehaviour,
      Duration timeout,
      HttpClient http,
      JsonMapper json,
      Clock clock) {
    this.shopId = shopId;
    this.inventoryBehaviour = inventoryBehaviour;
    this.client =
        new ShopifyGraphQlClient(
            http, endpoint, accessToken, apiVersion, timeout, json, clock, d -> Thread.sleep(d.toMillis()));
  }

  @Override
  public String shopId() {
    return shopId;
  }

  @Override
  public Map<String, Variant> variantsBySku(Collection<String> skus) {
    List<String> distinct = skus.stream().distinct().toList();
    Map<String, Variant> found = new HashMap<>();
    for (int i = 0; i < distinct.size(); i += SKUS_PER_QUERY) {
      List<String> batch = distinct.subList(i, Math.min(distinct.size(), i + SKUS_PER_QUERY));
      String query = batch.stream().map(s -> "sku:" + quote(s)).collect(Collectors.joining(" OR "));
      // Ask for a few more than the SKUs (search may also match near names): the requested cost, which Shopify
      // reserves up front, stays proportional to the order instead of a whole page of 250.
      JsonNode data = client.execute("VariantsBySku", Map.of("query", query, "first", Math.min(250, batch.size() * 3)));
      for (JsonNode node : data.path("productVariants").path("nodes")) {
        String sku = node.path("sku").asString(null);
        // Shopify's search matches loosely (prefixes, case): keep exact SKU matches only.
        if (sku != null && batch.contains(sku) && !found.containsKey(sku)) {
          found.put(
              sku,
              new Variant(
                  node.path("id").asString(),
                  sku,
                  node.path("product").path("title").asString("") + " " + node.path("title").asString(""),
                  node.path("inventoryQuantity").asInt(0)));
        }
      }
    }
    return found;
  }

  static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Override
  public Optional<CreatedOrder> findImported(String sourceIdentifier, int lineCount) {
    int lines = Math.max(1, Math.min(250, lineCount));
    if (ensureIdDefinition()) {
      Map<String, Object> identifier =
          Map.of("customId", Map.of("namespace", ID_NAMESPACE, "key", ID_KEY, "value", sourceIdentifier));
      JsonNode order =
          client.execute("OrderByCustomId", Map.of("identifier", identifier, "lines", lines)).path("orderByIdentifier");
      if (order.isObject()) {
        return Optional.of(created(order));
      }
    }
    JsonNode nodes =
        client
            .execute("OrdersBySourceIdentifier",
                Map.of("query", "source_identifier:" + quote(sourceIdentifier), "lines", lines))
            .path("orders")
            .path("nodes");
    for (JsonNode order : nodes) {
      if (sourceIdentifier.equals(order.path("sourceIdentifier").asString(null))) {
        return Optional.of(created(order));
      }
    }
    return Optional.empty();
  }

  /** Makes sure the unique id metafield definition exists; false if the store does not let us (then search only). */
  private boolean ensureIdDefinition() {
    if (idDefinitionReady) {
      return true;
    }
    try {
      JsonNode nodes =
          client
              .execute("OrderIdDefinition", Map.of("namespace", ID_NAMESPACE, "key", ID_KEY))
              .path("metafieldDefinitions")
              .path("nodes");
      if (!nodes.isEmpty()) {
        idDefinitionReady = true;
        return true;
      }
      Map<String, Object> definition = new LinkedHashMap<>();
      definition.put("name", "Marketplace order");
      definition.put("namespace", ID_NAMESPACE);
      definition.put("key", ID_KEY);
      definition.put("type", "id");
      definition.put("ownerType", "ORDER");
      definition.put("description", "The marketplace order this order was imported from (set by Synchron)");
      JsonNode payload =
          client.execute("CreateOrderIdDefinition", Map.of("definition", definition)).path("metafieldDefinitionCreate");
      JsonNode errors = payload.path("userErrors");
      boolean taken = false;
      for (JsonNode e : errors) {
        taken |= "TAKEN".equals(e.path("code").asString(""));
      }
      if (errors.isEmpty() || taken) {
        idDefinitionReady = true;
        return true;
      }
      log.warn("Shop {}: cannot create the order id metafield definition: {}; lookups use search only",
          shopId, errors);
      return false;
    } catch (ShopifyException e) {
      if (e.failure() instanceof Failure.Permanent) {
        log.warn("Shop {}: order id metafield definition unavailable ({}); lookups use search only",
            shopId, e.getMessage());
        return false;
      }
      throw e;
    }
  }

  @Override
  public CreatedOrder create(OrderDraft draft) {
    ensureIdDefinition();
    JsonNode payload = client.execute("ImportMarketplaceOrder", orderCreateVariables(draft, inventoryBehaviour))
        .path("orderCreate");
    JsonNode errors = payload.path("userErrors");
    if (errors.isArray() && !errors.isEmpty()) {
      String messages =
          java.util.stream.StreamSupport.stream(errors.spliterator(), false)
              .map(e -> e.path("message").asString("") + fieldOf(e))
              .collect(Collectors.joining("; "));
      String code = errors.get(0).path("code").asString(null);
      throw new ShopifyException("orderCreate refused: " + messages, 200, code, null,
          new Failure.Permanent(messages), null);
    }
    JsonNode order = payload.path("order");
    if (!order.isObject()) {
      throw new ShopifyException("orderCreate answered neither an order nor userErrors", 200, null, null,
          new Failure.Retry("empty"), null);
    }
    return created(order);
  }

  private static String fieldOf(JsonNode error) {
    JsonNode field = error.path("field");
    if (!field.isArray() || field.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    field.forEach(f -> parts.add(f.asString()));
    return " (" + String.join(".", parts) + ")";
  }

  private static CreatedOrder created(JsonNode order) {
    List<String> ids = new ArrayList<>();
    List<String> skus = new ArrayList<>();
    for (JsonNode line : order.path("lineItems").path("nodes")) {
      ids.add(line.path("id").asString());
      skus.add(line.path("sku").asString(null));
    }
    return new CreatedOrder(order.path("id").asString(), order.path("name").asString(null), ids, skus);
  }

  /** The orderCreate variables for a draft; package-visible so the contract test can check them against the schema. */
  static Map<String, Object> orderCreateVariables(OrderDraft d, String inventoryBehaviour) {
    String currency = d.currency();
    Map<String, Object> order = new LinkedHashMap<>();
    putIfPresent(order, "name", d.name());
    order.put("sourceIdentifier", d.sourceIdentifier());
    putIfPresent(order, "poNumber", d.poNumber());
    order.put("currency", currency);
    order.put("taxesIncluded", d.taxesIncluded());
    if (d.processedAt() != null) {
      order.put("processedAt", DateTimeFormatter.ISO_INSTANT.format(d.processedAt()));
    }
    putIfPresent(order, "email", d.email());
    putIfPresent(order, "note", d.note());
    order.put("tags", d.tags());
    if (d.customer() != null) {
      Map<String, Object> upsert = new LinkedHashMap<>();
      putIfPresent(upsert, "email", d.email());
      putIfPresent(upsert, "firstName", d.customer().firstName());
      putIfPresent(upsert, "lastName", d.customer().lastName());
      if (!upsert.isEmpty() && d.email() != null) {
        order.put("customer", Map.of("toUpsert", upsert));
      }
    }
    putIfPresent(order, "billingAddress", address(d.billingAddress()));
    putIfPresent(order, "shippingAddress", address(d.shippingAddress()));
    List<Object> lines = new ArrayList<>();
    for (Line line : d.lines()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("variantId", line.variantId());
      item.put("quantity", line.quantity());
      putIfPresent(item, "sku", line.sku());
      putIfPresent(item, "title", line.title());
      item.put("requiresShipping", true);
      item.put("priceSet", money(line.unitPrice(), currency));
      item.put("taxLines", taxLines(line.taxes(), currency));
      if (line.marketplaceLineId() != null) {
        item.put("properties", List.of(Map.of("name", "Marketplace line", "value", line.marketplaceLineId())));
      }
      lines.add(item);
    }
    order.put("lineItems", lines);
    if (d.shipping() != null) {
      Map<String, Object> shipping = new LinkedHashMap<>();
      shipping.put("title", d.shipping().title());
      putIfPresent(shipping, "code", d.shipping().code());
      shipping.put("priceSet", money(d.shipping().price(), currency));
      shipping.put("taxLines", taxLines(d.shipping().taxes(), currency));
      order.put("shippingLines", List.of(shipping));
    }
    order.put("financialStatus", "PAID");
    Map<String, Object> transaction = new LinkedHashMap<>();
    transaction.put("kind", "SALE");
    transaction.put("status", "SUCCESS");
    transaction.put("gateway", d.gateway());
    transaction.put("amountSet", money(d.paidAmount(), currency));
    order.put("transactions", List.of(transaction));
    order.put(
        "customAttributes",
        d.attributes().entrySet().stream()
            .filter(e -> e.getValue() != null)
            .map(e -> Map.of("key", e.getKey(), "value", e.getValue()))
            .toList());
    List<Object> metafields = new ArrayList<>();
    metafields.add(Map.of("namespace", ID_NAMESPACE, "key", ID_KEY, "type", "id", "value", d.sourceIdentifier()));
    for (Metafield m : d.metafields()) {
      metafields.add(Map.of("namespace", m.namespace(), "key", m.key(), "type", m.type(), "value", m.value()));
    }
    order.put("metafields", metafields);
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("inventoryBehaviour", inventoryBehaviour);
    options.put("sendReceipt", false);
    options.put("sendFulfillmentReceipt", false);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("order", order);
    variables.put("options", options);
    variables.put("lines", Math.max(1, Math.min(250, d.lines().size())));
    return variables;
  }

  private static List<Object> taxLines(List<TaxLine> taxes, String currency) {
    List<Object> lines = new ArrayList<>();
    for (TaxLine tax : taxes) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("title", tax.title());
      line.put("rate", tax.rate().stripTrailingZeros().toPlainString());
      line.put("priceSet", money(tax.amount(), currency));
      lines.add(line);
    }
    return lines;
  }

  private static Map<String, Object> money(BigDecimal amount, String currency) {
    return Map.of("shopMoney", Map.of("amount", Money.format(amount, currency), "currencyCode", currency));
  }

  private static Map<String, Object> address(Contact c) {
    if (c == null) {
      return null;
    }
    Map<String, Object> a = new LinkedHashMap<>();
    putIfPresent(a, "firstName", c.firstName());
    putIfPresent(a, "lastName", c.lastName());
    putIfPresent(a, "company", c.company());
    putIfPresent(a, "address1", c.address1());
    putIfPresent(a, "address2", c.address2());
    putIfPresent(a, "zip", c.zip());
    putIfPresent(a, "city", c.city());
    putIfPresent(a, "province", c.province());
    putIfPresent(a, "countryCode", c.countryCode());
    putIfPresent(a, "phone", c.phone());
    return a;
  }

  private static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  @Override
  public Optional<OrderState> orderState(String gid, int lineCount) {
    JsonNode order =
        client.execute("OrderForSync", Map.of("id", gid, "lines", Math.max(1, Math.min(250, lineCount)))).path("order");
    if (!order.isObject()) {
      return Optional.empty();
    }
    List<LineState> lines = new ArrayList<>();
    for (JsonNode line : order.path("lineItems").path("nodes")) {
      lines.add(new LineState(line.path("id").asString(), line.path("sku").asString(null),
          line.path("quantity").asInt(), line.path("currentQuantity").asInt()));
    }
    List<Fulfillment> fulfillments = new ArrayList<>();
    for (JsonNode f : order.path("fulfillments")) {
      JsonNode tracking = f.path("trackingInfo").isArray() && !f.path("trackingInfo").isEmpty()
          ? f.path("trackingInfo").get(0) : null;
      List<FulfilledLine> fulfilled = new ArrayList<>();
      for (JsonNode fl : f.path("fulfillmentLineItems").path("nodes")) {
        fulfilled.add(new FulfilledLine(fl.path("lineItem").path("id").asString(),
            fl.path("lineItem").path("sku").asString(null), fl.path("quantity").asInt()));
      }
      fulfillments.add(new Fulfillment(
          f.path("id").asString(),
          f.path("status").asString(null),
          f.path("displayStatus").asString(null),
          instant(f.path("updatedAt")),
          tracking == null ? null : tracking.path("company").asString(null),
          tracking == null ? null : tracking.path("number").asString(null),
          tracking == null ? null : tracking.path("url").asString(null),
          fulfilled));
    }
    List<ShopifyGateway.Refund> refunds = new ArrayList<>();
    for (JsonNode r : order.path("refunds")) {
      List<ShopifyGateway.RefundedLine> refundedLines = new ArrayList<>();
      for (JsonNode rl : r.path("refundLineItems").path("nodes")) {
        refundedLines.add(new ShopifyGateway.RefundedLine(rl.path("lineItem").path("id").asString(),
            rl.path("lineItem").path("sku").asString(null), rl.path("quantity").asInt(),
            rl.path("restockType").asString(null), money(rl.path("subtotalSet")), money(rl.path("totalTaxSet"))));
      }
      BigDecimal shipping = BigDecimal.ZERO;
      BigDecimal shippingTax = BigDecimal.ZERO;
      for (JsonNode sl : r.path("refundShippingLines").path("nodes")) {
        shipping = shipping.add(money(sl.path("subtotalAmountSet")));
        shippingTax = shippingTax.add(money(sl.path("taxAmountSet")));
      }
      refunds.add(new ShopifyGateway.Refund(r.path("id").asString(), instant(r.path("createdAt")),
          r.path("note").asString(null), refundedLines, shipping, shippingTax, money(r.path("totalRefundedSet")),
          r.path("return").path("id").asString(null)));
    }
    List<ShopifyGateway.Return> returns = new ArrayList<>();
    if (order.path("returns").path("pageInfo").path("hasNextPage").asBoolean(false)) {
      // Five returns keep the query's cost in bounds; more on one order is not expected from marketplace flows.
      log.warn("Shop {}: order {} has more returns than OrderForSync reads; only the first are shown", shopId,
          order.path("id").asString());
    }
    for (JsonNode r : order.path("returns").path("nodes")) {
      List<ShopifyGateway.ReturnedLine> returned = new ArrayList<>();
      for (JsonNode rl : r.path("returnLineItems").path("nodes")) {
        JsonNode item = rl.path("fulfillmentLineItem").path("lineItem");
        returned.add(new ShopifyGateway.ReturnedLine(item.path("id").asString(null), item.path("sku").asString(null),
            rl.path("quantity").asInt(), rl.path("processedQuantity").asInt()));
      }
      String returnGid = r.path("id").asString();
      returns.add(new ShopifyGateway.Return(returnGid, r.path("name").asString(null), r.path("status").asString(null),
          returned));
    }
    return Optional.of(new OrderState(
        order.path("id").asString(),
        order.path("name").asString(null),
        instant(order.path("updatedAt")),
        instant(order.path("cancelledAt")),
        order.path("cancelReason").asString(null),
        lines,
        fulfillments,
        refunds,
        money(order.path("totalRefundedSet")),
        order.path("displayFinancialStatus").asString(null),
        returns));
  }

  /** The shop-currency amount of a MoneyBag; zero when absent. */
  private static BigDecimal money(JsonNode bag) {
    JsonNode amount = bag.path("shopMoney").path("amount");
    if (amount.isMissingNode() || amount.isNull()) {
      return BigDecimal.ZERO;
    }
    try {
      return new BigDecimal(amount.asString());
    } catch (NumberFormatException e) {
      throw new io.synchron.connector.MalformedPayloadException("shopify", "Shopify sent an unreadable amount: "
          + amount, e);
    }
  }

  private static java.time.Instant instant(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(value.asString()).toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public List<ChangedOrder> ordersUpdatedAfter(java.time.Instant after, int limit) {
    List<ChangedOrder> changed = new ArrayList<>();
    String cursor = null;
    String query = "updated_at:>'" + DateTimeFormatter.ISO_INSTANT.format(after) + "'";
    do {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("query", query);
      variables.put("after", cursor);
      JsonNode orders = client.execute("OrdersUpdatedSince", variables).path("orders");
      for (JsonNode order : orders.path("nodes")) {
        changed.add(new ChangedOrder(order.path("id").asString(), instant(order.path("updatedAt"))));
      }
      JsonNode page = orders.path("pageInfo");
      cursor = page.path("hasNextPage").asBoolean(false) ? page.path("endCursor").asString(null) : null;
    } while (cursor != null && changed.size() < limit);
    return changed;
  }

  @Override
  public void cancel(String gid, String reason, String staffNote) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("orderId", gid);
    variables.put("reason", reason);
    variables.put("staffNote", staffNote);
    JsonNode payload = client.execute("CancelOrder", variables).path("orderCancel");
    JsonNode errors = payload.path("orderCancelUserErrors");
    if (errors.isArray() && !errors.isEmpty()) {
      String messages = java.util.stream.StreamSupport.stream(errors.spliterator(), false)
          .map(e -> e.path("message").asString("")).collect(Collectors.joining("; "));
      throw new ShopifyException("orderCancel refused: " + messages, 200, errors.get(0).path("code").asString(null),
          null, new Failure.Permanent(messages), null);
    }
  }

  @Override
  public List<String> ensureWebhooks(String callbackUri, List<String> topics) {
    java.util.Set<String> present = new java.util.HashSet<>();
    for (JsonNode s : client.execute("WebhookSubscriptions", Map.of("uri", callbackUri))
        .path("webhookSubscriptions").path("nodes")) {
      if (callbackUri.equals(s.path("uri").asString(null))) {
        present.add(s.path("topic").asString());
      }
    }
    List<String> created = new ArrayList<>();
    for (String topic : topics) {
      if (present.contains(topic)) {
        continue;
      }
      JsonNode payload = client.execute("CreateWebhookSubscription", Map.of("topic", topic, "uri", callbackUri))
          .path("webhookSubscriptionCreate");
      JsonNode errors = payload.path("userErrors");
      if (errors.isArray() && !errors.isEmpty()) {
        throw new ShopifyException("webhookSubscriptionCreate " + topic + " refused: "
            + errors.get(0).path("message").asString(""), 200, null, null,
            new Failure.Permanent("webhook subscription"), null);
      }
      created.add(topic);
    }
    return created;
  }

  @Override
  public String recordRefund(String orderGid, String idempotencyKey, Map<String, Integer> quantityByLineItem,
      BigDecimal amount, String currency, String gateway, String note) {
    JsonNode payload = client.execute("RecordMarketplaceRefund",
        Map.of("input", refundInput(orderGid, quantityByLineItem, amount, currency, gateway, note),
            "key", idempotencyKey)).path("refundCreate");
    JsonNode errors = payload.path("userErrors");
    if (errors.isArray() && !errors.isEmpty()) {
      String messages = java.util.stream.StreamSupport.stream(errors.spliterator(), false)
          .map(e -> e.path("message").asString("")).collect(Collectors.joining("; "));
      throw new ShopifyException("refundCreate refused: " + messages, 200, null, null,
          new Failure.Permanent(messages), null);
    }
    return payload.path("refund").path("id").asString(null);
  }

  /** The refundCreate input; package-visible for the contract test. */
  static Map<String, Object> refundInput(String orderGid, Map<String, Integer> quantityByLineItem, BigDecimal amount,
      String currency, String gateway, String note) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("orderId", orderGid);
    input.put("note", note);
    input.put("notify", false);
    List<Object> lines = new ArrayList<>();
    quantityByLineItem.forEach((id, qty) -> {
      if (qty > 0) {
        lines.add(Map.of("lineItemId", id, "quantity", qty, "restockType", "NO_RESTOCK"));
      }
    });
    input.put("refundLineItems", lines);
    input.put("transactions", List.of(Map.of("orderId", orderGid, "kind", "REFUND", "gateway", gateway,
        "amount", Money.format(amount, currency))));
    return input;
  }

  /** Units held by returns in these states no longer count as returnable. */
  private static final java.util.Set<String> RELEASED_RETURN_STATUSES = java.util.Set.of("CANCELED", "DECLINED");

  @Override
  public String openReturn(String orderGid, Map<String, Integer> quantityByLineItem, String returnReason,
      String note) {
    JsonNode order = client.execute("ReturnableFulfillmentLines", Map.of("id", orderGid)).path("order");
    if (!order.isObject()) {
      throw permanent("returnCreate", "order " + orderGid + " does not exist", "NOT_FOUND");
    }
    List<Map<String, Object>> lines = returnLines(order, quantityByLineItem, returnReason, note);
    JsonNode payload = client.execute("OpenReturn", Map.of("input", returnInput(orderGid, lines))).path("returnCreate");
    throwIfUserErrors("returnCreate", payload.path("userErrors"));
    String returnGid = payload.path("return").path("id").asString(null);
    if (returnGid == null) {
      throw new ShopifyException("returnCreate answered neither a return nor userErrors", 200, null, null,
          new Failure.Retry("empty"), null);
    }
    return returnGid;
  }

  /**
   * The returnCreate lines for units of line items: each line item's units are taken from its fulfilled units (of
   * successful fulfillments, oldest first) not already held by a return that was not cancelled or declined.
   * Package-visible for the contract test.
   */
  static List<Map<String, Object>> returnLines(JsonNode order, Map<String, Integer> quantityByLineItem,
      String returnReason, String note) {
    JsonNode returns = order.path("returns");
    if (returns.path("pageInfo").path("hasNextPage").asBoolean(false)) {
      throw permanent("returnCreate", "order " + order.path("id").asString() + " has more returns than Synchron reads",
          null);
    }
    Map<String, Integer> held = new HashMap<>();
    for (JsonNode r : returns.path("nodes")) {
      if (RELEASED_RETURN_STATUSES.contains(r.path("status").asString(""))) {
        continue;
      }
      if (r.path("returnLineItems").path("pageInfo").path("hasNextPage").asBoolean(false)) {
        throw permanent("returnCreate", "return " + r.path("id").asString() + " has more lines than Synchron reads",
            null);
      }
      for (JsonNode rl : r.path("returnLineItems").path("nodes")) {
        String fulfillmentLine = rl.path("fulfillmentLineItem").path("id").asString(null);
        if (fulfillmentLine != null) {
          held.merge(fulfillmentLine, rl.path("quantity").asInt(), Integer::sum);
        }
      }
    }
    List<Map<String, Object>> lines = new ArrayList<>();
    for (Map.Entry<String, Integer> wanted : quantityByLineItem.entrySet()) {
      int left = wanted.getValue() == null ? 0 : wanted.getValue();
      if (left <= 0) {
        continue;
      }
      int asked = left;
      for (JsonNode f : order.path("fulfillments")) {
        if (!"SUCCESS".equals(f.path("status").asString(null))) {
          continue;
        }
        if (f.path("fulfillmentLineItems").path("pageInfo").path("hasNextPage").asBoolean(false)) {
          throw permanent("returnCreate", "fulfillment " + f.path("id").asString()
              + " has more lines than Synchron reads", null);
        }
        for (JsonNode fl : f.path("fulfillmentLineItems").path("nodes")) {
          if (left == 0 || !wanted.getKey().equals(fl.path("lineItem").path("id").asString(null))) {
            continue;
          }
          String id = fl.path("id").asString();
          int free = fl.path("quantity").asInt(0) - held.getOrDefault(id, 0);
          int taken = Math.min(left, Math.max(0, free));
          if (taken > 0) {
            held.merge(id, taken, Integer::sum);
            left -= taken;
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("fulfillmentLineItemId", id);
            line.put("quantity", taken);
            putIfPresent(line, "returnReason", returnReason);
            putIfPresent(line, "returnReasonNote", note == null ? null : truncate(note, 255));
            lines.add(line);
          }
        }
      }
      if (left > 0) {
        throw permanent("returnCreate", "only " + (asked - left) + " fulfilled unit(s) of line item " + wanted.getKey()
            + " can be returned, not " + asked, "NOT_RETURNABLE");
      }
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("A return needs at least one unit");
    }
    return lines;
  }

  /** The returnCreate input; package-visible for the contract test. */
  static Map<String, Object> returnInput(String orderGid, List<Map<String, Object>> lines) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("orderId", orderGid);
    input.put("returnLineItems", lines);
    return input;
  }

  @Override
  public void processReturn(String orderGid, String returnGid, boolean restock) {
    ReturnToProcess read = readReturnToProcess(orderGid, returnGid);
    Map<String, Object> input = returnProcessInput(read.returned(), read.fulfillments(), read.firstLocation(),
        restock);
    if (input == null) {
      return;
    }
    JsonNode payload = client.execute("ProcessReturn", Map.of("input", input)).path("returnProcess");
    throwIfUserErrors("returnProcess", payload.path("userErrors"));
  }

  /** A return read for processing, with its order's fulfillments (for locations) and the shop's first location. */
  private record ReturnToProcess(JsonNode returned, JsonNode fulfillments, String firstLocation) {}

  /** Reads a return through its order, walking the order's returns page by page. */
  private ReturnToProcess readReturnToProcess(String orderGid, String returnGid) {
    String after = null;
    for (int page = 0; page < 250; page++) {
      Map<String, Object> variables = new HashMap<>();
      variables.put("id", orderGid);
      variables.put("after", after);
      JsonNode data = client.execute("OrderReturnToProcess", variables);
      JsonNode order = data.path("order");
      if (!order.isObject()) {
        break;
      }
      JsonNode returns = order.path("returns");
      for (JsonNode r : returns.path("nodes")) {
        if (returnGid.equals(r.path("id").asString(null))) {
          return new ReturnToProcess(r, order.path("fulfillments"), firstLocation(data));
        }
      }
      JsonNode pageInfo = returns.path("pageInfo");
      after = pageInfo.path("hasNextPage").asBoolean(false) ? pageInfo.path("endCursor").asString(null) : null;
      if (after == null) {
        break;
      }
    }
    throw permanent("returnProcess", "return " + returnGid + " of order " + orderGid + " does not exist",
        "NOT_FOUND");
  }

  private static String firstLocation(JsonNode data) {
    JsonNode nodes = data.path("locations").path("nodes");
    return nodes.isArray() && !nodes.isEmpty() ? nodes.get(0).path("id").asString(null) : null;
  }

  /**
   * The returnProcess input disposing of every unprocessed unit of a return (RESTOCKED at the location of the
   * fulfillment the units came from, else of any of the order's fulfillments, else the shop's first location; or
   * NOT_RESTOCKED), without a refund; null when nothing is left to process. Package-visible for the contract test.
   */
  static Map<String, Object> returnProcessInput(JsonNode returned, JsonNode fulfillments, String firstLocation,
      boolean restock) {
    String returnGid = returned.path("id").asString();
    if (returned.path("returnLineItems").path("pageInfo").path("hasNextPage").asBoolean(false)) {
      throw permanent("returnProcess", "return " + returnGid + " has more lines than Synchron reads", null);
    }
    int unprocessed = 0;
    for (JsonNode rl : returned.path("returnLineItems").path("nodes")) {
      unprocessed += Math.max(0, rl.path("unprocessedQuantity").asInt(0));
    }
    if (unprocessed == 0) {
      return null;
    }
    String status = returned.path("status").asString("");
    if (!"OPEN".equals(status)) {
      throw permanent("returnProcess", "return " + returnGid + " is " + status + " with " + unprocessed
          + " unprocessed unit(s); only an OPEN return can be processed", "INVALID_STATE");
    }
    // The reverse fulfillment order line of each fulfillment line item, in order (a return may hold one twice).
    Map<String, java.util.Deque<String>> reverseLines = new HashMap<>();
    for (JsonNode rfo : returned.path("reverseFulfillmentOrders").path("nodes")) {
      for (JsonNode rl : rfo.path("lineItems").path("nodes")) {
        reverseLines.computeIfAbsent(rl.path("fulfillmentLineItem").path("id").asString(""),
            k -> new java.util.ArrayDeque<>()).add(rl.path("id").asString());
      }
    }
    Map<String, String> locationOfFulfillmentLine = new HashMap<>();
    String successLocation = null;
    String anyLocation = null;
    for (JsonNode f : fulfillments) {
      String location = f.path("location").path("id").asString(null);
      if (location == null) {
        continue;
      }
      if (successLocation == null && "SUCCESS".equals(f.path("status").asString(null))) {
        successLocation = location;
      }
      anyLocation = anyLocation == null ? location : anyLocation;
      for (JsonNode fl : f.path("fulfillmentLineItems").path("nodes")) {
        locationOfFulfillmentLine.putIfAbsent(fl.path("id").asString(), location);
      }
    }
    String fallbackLocation = successLocation != null ? successLocation : anyLocation != null ? anyLocation
        : firstLocation;
    List<Object> lines = new ArrayList<>();
    for (JsonNode rl : returned.path("returnLineItems").path("nodes")) {
      int quantity = rl.path("unprocessedQuantity").asInt(0);
      String fulfillmentLine = rl.path("fulfillmentLineItem").path("id").asString(null);
      java.util.Deque<String> candidates = fulfillmentLine == null ? null : reverseLines.get(fulfillmentLine);
      String reverseLine = candidates == null ? null : candidates.poll();
      if (quantity <= 0) {
        continue;
      }
      if (reverseLine == null) {
        throw permanent("returnProcess", "return line item " + rl.path("id").asString() + " of " + returnGid
            + " has no reverse fulfillment order line item to dispose of its units", null);
      }
      Map<String, Object> disposition = new LinkedHashMap<>();
      disposition.put("reverseFulfillmentOrderLineItemId", reverseLine);
      disposition.put("quantity", quantity);
      disposition.put("dispositionType", restock ? "RESTOCKED" : "NOT_RESTOCKED");
      if (restock) {
        String location = fulfillmentLine == null ? fallbackLocation
            : locationOfFulfillmentLine.getOrDefault(fulfillmentLine, fallbackLocation);
        if (location == null) {
          throw permanent("returnProcess", "no location to restock the units of return " + returnGid + " at", null);
        }
        disposition.put("locationId", location);
      }
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("id", rl.path("id").asString());
      line.put("quantity", quantity);
      line.put("dispositions", List.of(disposition));
      lines.add(line);
    }
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("returnId", returnGid);
    input.put("returnLineItems", lines);
    input.put("notifyCustomer", false);
    return input;
  }

  @Override
  public void closeReturn(String returnGid) {
    JsonNode payload = client.execute("CloseReturn", Map.of("id", returnGid)).path("returnClose");
    throwIfUserErrors("returnClose", payload.path("userErrors"));
  }

  /** A refusal by Shopify (userErrors) is permanent: sending the same input again cannot succeed. */
  private static void throwIfUserErrors(String mutation, JsonNode errors) {
    if (errors.isArray() && !errors.isEmpty()) {
      String messages = java.util.stream.StreamSupport.stream(errors.spliterator(), false)
          .map(e -> e.path("message").asString("") + fieldOf(e))
          .collect(Collectors.joining("; "));
      throw new ShopifyException(mutation + " refused: " + messages, 200, errors.get(0).path("code").asString(null),
          null, new Failure.Permanent(messages), null);
    }
  }

  private static ShopifyException permanent(String mutation, String message, String code) {
    return new ShopifyException(mutation + ": " + message, 200, code, null, new Failure.Permanent(message), null);
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  /** Cost points used so far, for the benchmark. */
  public double costPointsUsed() {
    return client.pointsUsed();
  }

  public double restoreRate() {
    return client.restoreRate();
  }
}
