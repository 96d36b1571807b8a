package io.synchron.simulator.shopify;

import io.synchron.simulator.shopify.OrderLife.Disposition;
import io.synchron.simulator.shopify.OrderLife.Fulfillment;
import io.synchron.simulator.shopify.OrderLife.FulfillmentLine;
import io.synchron.simulator.shopify.OrderLife.OrderAdjustment;
import io.synchron.simulator.shopify.OrderLife.Refund;
import io.synchron.simulator.shopify.OrderLife.RefundLine;
import io.synchron.simulator.shopify.OrderLife.RefundShippingLine;
import io.synchron.simulator.shopify.OrderLife.RefundTransaction;
import io.synchron.simulator.shopify.OrderLife.Return;
import io.synchron.simulator.shopify.OrderLife.ReturnLine;
import io.synchron.simulator.shopify.OrderLife.Tracking;
import io.synchron.simulator.shopify.ShopState.LineItem;
import io.synchron.simulator.shopify.ShopState.ShippingLine;
import io.synchron.simulator.shopify.ShopState.StoredOrder;
import io.synchron.simulator.shopify.ShopState.TaxLine;
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
    m.put("financial_status", lower(order.displayFinancialStatus()));
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
    m.put("taxes_included", order.taxesIncluded());
    m.put("total_tax", order.totalTax().toPlainString());
    m.put("total_price", order.totalPrice().toPlainString());
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

  /**
   * The body of {@code refunds/create}: the REST refund with its refund line items (each with its
   * line item and prorated tax), REFUND transactions, refund shipping lines (with their shipping
   * line), order adjustments and the return it was issued for.
   */
  static Map<String, Object> refund(Refund refund) {
    StoredOrder order = refund.order;
    String currency = order.currency();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", refund.legacyId);
    m.put("admin_graphql_api_id", refund.id);
    m.put("order_id", order.legacyId());
    m.put("created_at", time(refund.createdAt));
    m.put("processed_at", time(refund.createdAt));
    m.put("note", refund.note);
    m.put("restock", refund.restocked());
    m.put("user_id", null);
    m.put("duties", List.of());
    m.put("total_duties_set", moneySet(Money.zero(currency), currency));
    List<Map<String, Object>> lines = new ArrayList<>();
    for (RefundLine line : refund.lines) {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("id", line.legacyId());
      l.put("line_item_id", legacyId(line.lineItem().id()));
      l.put("location_id", line.location() == null ? null : line.location().legacyId());
      l.put("quantity", line.quantity());
      l.put("restock_type", lower(line.restockType()));
      BigDecimal tax = Money.round(line.totalTax(), currency);
      l.put("subtotal", line.subtotal().toPlainString());
      l.put("total_tax", tax.toPlainString());
      l.put("subtotal_set", moneySet(line.subtotal(), currency));
      l.put("total_tax_set", moneySet(tax, currency));
      l.put("line_item", lineItem(line.lineItem(), order.life()));
      lines.add(l);
    }
    m.put("refund_line_items", lines);
    List<Map<String, Object>> transactions = new ArrayList<>();
    for (RefundTransaction transaction : refund.transactions) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("id", transaction.legacyId());
      t.put("admin_graphql_api_id", transaction.id());
      t.put("order_id", order.legacyId());
      t.put("amount", transaction.amount().toPlainString());
      t.put("currency", currency);
      t.put("kind", lower(transaction.kind()));
      t.put("gateway", transaction.gateway());
      t.put("status", lower(transaction.status()));
      t.put(
          "parent_id",
          transaction.parentId() == null ? null : legacyIdOrNull(transaction.parentId()));
      t.put("created_at", time(transaction.createdAt()));
      t.put("processed_at", time(transaction.createdAt()));
      transactions.add(t);
    }
    m.put("transactions", transactions);
    List<Map<String, Object>> shippingLines = new ArrayList<>();
    for (RefundShippingLine line : refund.shippingLines) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("id", line.legacyId());
      s.put("shipping_line_id", line.shippingLine().legacyId());
      s.put("shipping_line", shippingLine(line.shippingLine(), currency));
      s.put("subtotal_amount_set", moneySet(line.subtotal(), currency));
      s.put("tax_amount_set", moneySet(Money.round(line.tax(), currency), currency));
      shippingLines.add(s);
    }
    m.put("refund_shipping_lines", shippingLines);
    List<Map<String, Object>> adjustments = new ArrayList<>();
    for (OrderAdjustment adjustment : refund.adjustments) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("id", adjustment.legacyId());
      a.put("order_id", order.legacyId());
      a.put("refund_id", refund.legacyId);
      a.put("amount", adjustment.amount().toPlainString());
      a.put("tax_amount", adjustment.taxAmount().toPlainString());
      a.put("kind", "refund_discrepancy");
      a.put("reason", "Refund discrepancy");
      a.put("amount_set", moneySet(adjustment.amount(), currency));
      a.put("tax_amount_set", moneySet(adjustment.taxAmount(), currency));
      adjustments.add(a);
    }
    m.put("order_adjustments", adjustments);
    if (refund.returned == null) {
      m.put("return", null);
    } else {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", refund.returned.legacyId);
      r.put("admin_graphql_api_id", refund.returned.id);
      m.put("return", r);
    }
    return m;
  }

  /** The body of {@code returns/approve}: the REST return with its lines. */
  static Map<String, Object> returnOf(Return returned) {
    StoredOrder order = returned.order;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", returned.legacyId);
    m.put("admin_graphql_api_id", returned.id);
    m.put("name", returned.name);
    m.put("status", lower(returned.status));
    Map<String, Object> orderRef = new LinkedHashMap<>();
    orderRef.put("id", order.legacyId());
    orderRef.put("admin_graphql_api_id", order.id());
    m.put("order", orderRef);
    m.put("total_return_line_items", returned.lines.stream().mapToInt(ReturnLine::quantity).sum());
    m.put("total_exchange_line_items", 0);
    List<Map<String, Object>> lines = new ArrayList<>();
    for (ReturnLine line : returned.lines) {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("id", line.legacyId());
      l.put("admin_graphql_api_id", line.id());
      Map<String, Object> fulfillmentLine = new LinkedHashMap<>();
      fulfillmentLine.put("id", line.fulfillmentLine().legacyId());
      fulfillmentLine.put("admin_graphql_api_id", line.fulfillmentLine().id());
      fulfillmentLine.put("line_item", lineBasics(line.fulfillmentLine().lineItem()));
      l.put("fulfillment_line_item", fulfillmentLine);
      l.put("quantity", line.quantity());
      l.put("return_reason", lower(line.returnReason()));
      l.put("return_reason_note", line.returnReasonNote());
      lines.add(l);
    }
    m.put("return_line_items", lines);
    m.put("exchange_line_items", List.of());
    m.put("return_shipping_fees", List.of());
    m.put("created_at", time(returned.createdAt));
    m.put("closed_at", time(returned.closedAt));
    return m;
  }

  /** The body of {@code returns/close}: the return's ids, its order's and its status. */
  static Map<String, Object> returnClosed(Return returned) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", returned.legacyId);
    m.put("admin_graphql_api_id", returned.id);
    m.put("order_id", returned.order.legacyId());
    m.put("status", lower(returned.status));
    return m;
  }

  /**
   * The body of {@code returns/process}: the return's ids, its order's, its status after processing
   * (still {@code open} when it closes with this processing: {@code returns/close} follows) and
   * every return line item with its processed quantity so far.
   */
  static Map<String, Object> returnProcessed(Return returned) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", returned.legacyId);
    m.put("admin_graphql_api_id", returned.id);
    m.put("order_id", returned.order.legacyId());
    m.put("admin_graphql_api_order_id", returned.order.id());
    m.put("status", lower(returned.status));
    List<Map<String, Object>> lines = new ArrayList<>();
    for (ReturnLine line : returned.lines) {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("id", line.legacyId());
      l.put("admin_graphql_api_id", line.id());
      l.put("quantity", line.quantity());
      l.put("processed_quantity", line.processedQuantity);
      lines.add(l);
    }
    m.put("return_line_items", lines);
    m.put("exchange_line_items", List.of());
    return m;
  }

  /**
   * The body of {@code reverse_fulfillment_orders/dispose}: the return's reverse fulfillment order
   * and the dispositions just made on it.
   */
  static Map<String, Object> dispositions(Return returned, List<Disposition> made) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", returned.reverseFulfillmentOrderLegacyId);
    m.put("admin_graphql_api_id", returned.reverseFulfillmentOrderId);
    m.put("total_dispositions", made.size());
    List<Map<String, Object>> dispositions = new ArrayList<>();
    for (Disposition disposition : made) {
      ReturnLine owner =
          returned.lines.stream()
              .filter(l -> l.dispositions.contains(disposition))
              .findFirst()
              .orElseThrow();
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("id", disposition.legacyId());
      d.put("admin_graphql_api_id", disposition.id());
      d.put("reverse_fulfillment_order_line_item_id", owner.reverseLineLegacyId());
      d.put("quantity", disposition.quantity());
      d.put("type", lower(disposition.type()));
      d.put(
          "location_id", disposition.location() == null ? null : disposition.location().legacyId());
      d.put("created_at", time(disposition.createdAt()));
      dispositions.add(d);
    }
    m.put("dispositions", dispositions);
    return m;
  }

  private static Map<String, Object> shippingLine(ShippingLine line, String currency) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", line.legacyId());
    m.put("title", line.title());
    m.put("code", line.code());
    m.put("source", line.source());
    m.put("price", line.price().toPlainString());
    m.put("price_set", moneySet(line.price(), currency));
    m.put("tax_lines", taxLines(line.taxLines(), currency));
    return m;
  }

  private static List<Map<String, Object>> taxLines(List<TaxLine> taxLines, String currency) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (TaxLine tax : taxLines) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("title", tax.title());
      t.put("price", tax.amount().toPlainString());
      t.put("rate", tax.rate());
      t.put("channel_liable", tax.channelLiable());
      t.put("price_set", moneySet(tax.amount(), currency));
      list.add(t);
    }
    return list;
  }

  private static Long legacyIdOrNull(String gid) {
    try {
      return legacyId(gid);
    } catch (RuntimeException notAGid) {
      return null;
    }
  }

  private static Map<String, Object> moneySet(BigDecimal amount, String currency) {
    Map<String, Object> money = new LinkedHashMap<>();
    money.put("amount", amount.toPlainString());
    money.put("currency_code", currency);
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("shop_money", money);
    set.put("presentment_money", new LinkedHashMap<>(money));
    return set;
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
    m.put("taxable", line.taxable());
    m.put("tax_lines", taxLines(line.taxLines(), line.currency()));
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
