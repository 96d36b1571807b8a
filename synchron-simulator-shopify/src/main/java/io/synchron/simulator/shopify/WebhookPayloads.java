package io.synchron.simulator.shopify;

import io.synchron.simulator.shopify.OrderLife.Fulfillment;
import io.synchron.simulator.shopify.OrderLife.FulfillmentLine;
import io.synchron.simulator.shopify.OrderLife.Tracking;
import io.synchron.simulator.shopify.ShopState.LineItem;
import io.synchron.simulator.shopify.ShopState.StoredOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Webhook bodies in the REST shape Shopify delivers them in (reference §4.1): snake_case keys,
 * numeric ids beside {@code admin_graphql_api_id}, money as strings, lower-case enum values and
 * timestamps with an offset in the shop's zone (UTC here). Callers hold the {@link ShopState}
 * monitor, so a body is a snapshot of the moment its event fired.
 */
final class WebhookPayloads {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

  private WebhookPayloads() {}

  /** The body of {@code orders/create}, {@code orders/updated}, {@code orders/cancelled}... */
  static Map<String, Object> order(StoredOrder order, String locationGid) {
    OrderLife life = order.life();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", order.legacyId());
    m.put("admin_graphql_api_id", order.id());
    m.put("name", order.name());
    m.put("order_number", life.number);
    m.put("number", life.number - 1000);
    m.put("email", order.email());
    m.put("created_at", time(order.createdAt()));
    m.put("updated_at", time(life.updatedAt));
    m.put("processed_at", time(order.processedAt()));
    m.put("cancelled_at", time(life.cancelledAt));
    m.put("cancel_reason", lower(life.cancellation == null ? null : life.cancellation.reason()));
    m.put("closed_at", time(life.closedAt));
    m.put("confirmed", true);
    m.put("currency", order.currency());
    m.put("presentment_currency", order.presentmentCurrency());
    m.put("financial_status", lower(order.financialStatus()));
    m.put(
        "fulfillment_status",
        restFulfillmentStatus(life.displayFulfillmentStatus(order.lineItems())));
    m.put("source_name", order.sourceName());
    m.put("source_identifier", order.sourceIdentifier());
    m.put("tags", String.join(", ", order.tags()));
    m.put("note", order.note());
    m.put("po_number", order.poNumber());
    m.put("test", order.test());
    List<Map<String, Object>> attributes = new ArrayList<>();
    for (Map<String, String> attribute : order.customAttributes()) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("name", attribute.get("key"));
      a.put("value", attribute.get("value"));
      attributes.add(a);
    }
    m.put("note_attributes", attributes);
    BigDecimal total = BigDecimal.ZERO;
    List<Map<String, Object>> lines = new ArrayList<>();
    for (LineItem line : order.lineItems()) {
      total = total.add(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
      lines.add(lineItem(line, life));
    }
    m.put("total_line_items_price", total.toPlainString());
    m.put("line_items", lines);
    List<Map<String, Object>> fulfillments = new ArrayList<>();
    for (Fulfillment fulfillment : life.fulfillments) {
      fulfillments.add(fulfillment(fulfillment, locationGid));
    }
    m.put("fulfillments", fulfillments);
    return m;
  }

  /** The body of {@code fulfillments/create} and {@code fulfillments/update}. */
  static Map<String, Object> fulfillment(Fulfillment fulfillment, String locationGid) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", fulfillment.legacyId);
    m.put("admin_graphql_api_id", fulfillment.id);
    m.put("order_id", fulfillment.order.legacyId());
    m.put("name", fulfillment.name);
    m.put("status", lower(fulfillment.status));
    m.put("service", "manual");
    m.put("location_id", legacyId(locationGid));
    m.put("created_at", time(fulfillment.createdAt));
    m.put("updated_at", time(fulfillment.updatedAt));
    m.put("shipment_status", lower(fulfillment.shipmentStatus));
    List<String> numbers = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    String company = null;
    for (Tracking tracking : fulfillment.tracking) {
      company = company == null ? tracking.company() : company;
      if (tracking.number() != null) {
        numbers.add(tracking.number());
      }
      if (tracking.url() != null) {
        urls.add(tracking.url());
      }
    }
    m.put("tracking_company", company);
    m.put("tracking_number", numbers.isEmpty() ? null : numbers.get(0));
    m.put("tracking_numbers", numbers);
    m.put("tracking_url", urls.isEmpty() ? null : urls.get(0));
    m.put("tracking_urls", urls);
    // REST lists order line items with the quantity this fulfillment shipped.
    Map<LineItem, Integer> quantities = new LinkedHashMap<>();
    for (FulfillmentLine line : fulfillment.lines) {
      quantities.merge(line.lineItem(), line.quantity(), Integer::sum);
    }
    List<Map<String, Object>> lines = new ArrayList<>();
    quantities.forEach(
        (line, quantity) -> {
          Map<String, Object> l = lineBasics(line);
          l.put("quantity", quantity);
          l.put(
              "fulfillment_status",
              restLineStatus(
                  fulfillment.order.life().fulfilledQuantity(line),
                  fulfillment.order.life().unfulfilledQuantity(line)));
          lines.add(l);
        });
    m.put("line_items", lines);
    return m;
  }

  /** The body of {@code orders/edited}: the REST {@code order_edit} resource. */
  static Map<String, Object> orderEdit(
      long editId, StoredOrder order, Instant createdAt, LineItem removed, int delta) {
    Map<String, Object> removal = new LinkedHashMap<>();
    removal.put("id", legacyId(removed.id()));
    removal.put("delta", delta);
    Map<String, Object> edit = new LinkedHashMap<>();
    edit.put("id", editId);
    edit.put("app_id", null);
    edit.put("created_at", time(createdAt));
    edit.put("notify_customer", false);
    edit.put("order_id", order.legacyId());
    edit.put("staff_note", "");
    edit.put("user_id", null);
    edit.put("line_items", additionsAndRemovals(List.of(removal)));
    edit.put("discounts", Map.of("line_item", additionsAndRemovals(List.of())));
    edit.put("shipping_lines", additionsAndRemovals(List.of()));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("order_edit", edit);
    return m;
  }

  static long legacyId(String gid) {
    String number = gid.substring(gid.lastIndexOf('/') + 1);
    int query = number.indexOf('?');
    return Long.parseLong(query < 0 ? number : number.substring(0, query));
  }

  private static Map<String, Object> lineItem(LineItem line, OrderLife life) {
    Map<String, Object> m = lineBasics(line);
    m.put("quantity", line.quantity());
    m.put("current_quantity", life.currentQuantity(line));
    m.put("fulfillable_quantity", life.cancelled() ? 0 : life.unfulfilledQuantity(line));
    m.put(
        "fulfillment_status",
        restLineStatus(life.fulfilledQuantity(line), life.unfulfilledQuantity(line)));
    m.put("price", line.unitPrice().toPlainString());
    Map<String, Object> shopMoney = new LinkedHashMap<>();
    shopMoney.put("amount", line.unitPrice().toPlainString());
    shopMoney.put("currency_code", line.currency());
    Map<String, Object> presentmentMoney = new LinkedHashMap<>();
    presentmentMoney.put("amount", line.presentmentUnitPrice().toPlainString());
    presentmentMoney.put("currency_code", line.presentmentCurrency());
    Map<String, Object> priceSet = new LinkedHashMap<>();
    priceSet.put("shop_money", shopMoney);
    priceSet.put("presentment_money", presentmentMoney);
    m.put("price_set", priceSet);
    return m;
  }

  private static Map<String, Object> lineBasics(LineItem line) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", legacyId(line.id()));
    m.put("admin_graphql_api_id", line.id());
    m.put("variant_id", line.variant() == null ? null : line.variant().legacyId);
    m.put("product_id", line.variant() == null ? null : line.variant().product.legacyId());
    m.put("sku", line.sku());
    m.put("title", line.title());
    m.put("variant_title", line.variantTitle());
    boolean plain = line.variantTitle() == null || line.variantTitle().equals("Default Title");
    m.put("name", plain ? line.title() : line.title() + " - " + line.variantTitle());
    return m;
  }

  private static Map<String, Object> additionsAndRemovals(List<Map<String, Object>> removals) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("additions", List.of());
    m.put("removals", removals);
    return m;
  }

  private static String restFulfillmentStatus(String display) {
    return switch (display) {
      case "FULFILLED" -> "fulfilled";
      case "PARTIALLY_FULFILLED" -> "partial";
      default -> null;
    };
  }

  private static String restLineStatus(int fulfilled, int unfulfilled) {
    if (fulfilled == 0) {
      return null;
    }
    return unfulfilled == 0 ? "fulfilled" : "partial";
  }

  static String time(Instant instant) {
    return instant == null ? null : TIME.format(instant);
  }

  private static String lower(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }
}
