package io.synchron.connector.mirakl;

import io.synchron.connector.MalformedPayloadException;
import io.synchron.connector.MarketplaceConnector;
import io.synchron.order.MarketplaceOrder;
import io.synchron.order.MarketplaceOrder.TaxMode;
import io.synchron.order.MarketplaceState;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Mirakl seller account. Orders are read with OR11 by last-update date (never by creation date, which loses
 * orders), sorted by creation date so that offset paging over a window closed at the poll's start is stable;
 * acceptance is OR21 with every line in one call.
 */
public final class MiraklConnector implements MarketplaceConnector {

  static final String PLATFORM = "Mirakl";

  private final String channelId;
  private final MiraklClient client;
  private final JsonMapper json;

  public MiraklConnector(
      String channelId, URI baseUrl, String apiKey, Long shopId, Duration timeout, HttpClient http) {
    this.channelId = channelId;
    this.json =
        JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    this.client = new MiraklClient(http, baseUrl, apiKey, shopId, timeout, json);
  }

  @Override
  public String channelId() {
    return channelId;
  }

  @Override
  public String platformName() {
    return "mirakl";
  }

  @Override
  public OrderPage updatedOrders(Instant since, int offset, int pageSize) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("start_update_date", DateTimeFormatter.ISO_INSTANT.format(since));
    query.put("sort", "dateCreated");
    query.put("order", "asc");
    query.put("max", Integer.toString(Math.min(100, pageSize)));
    query.put("offset", Integer.toString(offset));
    return page(client.get("OR11", "/api/orders", query));
  }

  @Override
  public Optional<MarketplaceOrder> currentOrder(String orderId) {
    OrderPage page = page(client.get("OR11", "/api/orders", Map.of("order_ids", orderId)));
    return page.orders().stream()
        .filter(o -> orderId.equals(o.orderId()))
        .findFirst()
        .map(this::read);
  }

  @Override
  public void decide(String orderId, List<String> lineIds, boolean accept) {
    List<MiraklDtos.AcceptLine> lines = lineIds.stream().map(id -> new MiraklDtos.AcceptLine(id, accept)).toList();
    client.put("OR21", "/api/orders/" + encodePath(orderId) + "/accept", new MiraklDtos.Accept(lines));
  }

  private static String encodePath(String segment) {
    return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  private OrderPage page(String body) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JacksonException e) {
      throw new MalformedPayloadException(PLATFORM, "OR11 answered unreadable JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode orders = root == null ? null : root.get("orders");
    if (orders == null || !orders.isArray()) {
      throw new MalformedPayloadException(PLATFORM, "OR11 answer has no 'orders' array", null);
    }
    List<RawOrder> raw = new ArrayList<>();
    for (JsonNode order : orders) {
      raw.add(new RawOrder(text(order, "order_id"), instant(order, "last_updated_date"), json.writeValueAsString(order)));
    }
    JsonNode total = root.get("total_count");
    int totalCount = total != null && total.canConvertToInt() ? total.asInt() : raw.size();
    return new OrderPage(raw, totalCount);
  }

  @Override
  public MarketplaceOrder read(RawOrder raw) {
    try {
      return readOrder(raw);
    } catch (MalformedPayloadException e) {
      throw e;
    } catch (RuntimeException e) {
      // e.g. a null inside a list where an object is expected: unreadable data, not a bug to retry.
      throw new MalformedPayloadException(PLATFORM, "Order " + raw.orderId() + " cannot be read: " + e, e);
    }
  }

  private MarketplaceOrder readOrder(RawOrder raw) {
    MiraklDtos.Order o;
    try {
      o = json.readValue(raw.json(), MiraklDtos.Order.class);
    } catch (JacksonException e) {
      throw new MalformedPayloadException(
          PLATFORM, "Order " + raw.orderId() + " cannot be read: " + e.getOriginalMessage(), e);
    }
    require(o.orderId(), "order_id", raw);
    require(o.orderState(), "order_state", raw);
    require(o.lastUpdatedDate(), "last_updated_date", raw);
    require(o.orderLines(), "order_lines", raw);
    List<MarketplaceOrder.Line> lines = new ArrayList<>();
    for (MiraklDtos.OrderLine l : o.orderLines()) {
      require(l.orderLineId(), "order_lines[].order_line_id", raw);
      require(l.offerSku(), "order_lines[].offer_sku of " + l.orderLineId(), raw);
      require(l.quantity(), "order_lines[].quantity of " + l.orderLineId(), raw);
      lines.add(
          new MarketplaceOrder.Line(
              l.orderLineId(),
              l.offerSku(),
              l.productTitle(),
              l.quantity(),
              l.priceUnit(),
              l.price(),
              l.shippingPrice(),
              l.totalCommission() != null ? l.totalCommission() : l.commissionFee(),
              taxes(l.taxes()),
              taxes(l.shippingTaxes()),
              l.orderLineState()));
    }
    MiraklDtos.Customer c = o.customer();
    return new MarketplaceOrder(
        o.orderId(),
        o.commercialId(),
        MarketplaceState.parse(o.orderState()),
        o.orderState(),
        o.createdDate(),
        o.lastUpdatedDate(),
        o.currencyIsoCode(),
        taxMode(o.orderTaxMode()),
        o.orderTaxMode(),
        o.shippingPrice(),
        o.totalPrice(),
        o.totalCommission(),
        o.shippingDeadline(),
        o.references() == null ? null : o.references().orderReferenceForCustomer(),
        o.channel() == null ? null : o.channel().code(),
        o.shippingTypeLabel() != null ? o.shippingTypeLabel() : o.shippingTypeCode(),
        c == null
            ? null
            : new MarketplaceOrder.Customer(
                c.customerId(),
                c.firstname(),
                c.lastname(),
                o.customerNotificationEmail(),
                address(c.billingAddress()),
                address(c.shippingAddress())),
        lines);
  }

  private static TaxMode taxMode(String raw) {
    if ("TAX_INCLUDED".equals(raw)) {
      return TaxMode.TAX_INCLUDED;
    }
    if ("TAX_EXCLUDED".equals(raw)) {
      return TaxMode.TAX_EXCLUDED;
    }
    return TaxMode.UNKNOWN;
  }

  private static List<MarketplaceOrder.Tax> taxes(List<MiraklDtos.Tax> taxes) {
    if (taxes == null) {
      return List.of();
    }
    return taxes.stream()
        .map(t -> new MarketplaceOrder.Tax(t.code(), t.rate(), t.amount() == null ? BigDecimal.ZERO : t.amount()))
        .toList();
  }

  private static MarketplaceOrder.Address address(MiraklDtos.Address a) {
    if (a == null) {
      return null;
    }
    return new MarketplaceOrder.Address(
        a.firstname(), a.lastname(), a.company(), a.street1(), a.street2(), a.zipCode(), a.city(), a.state(),
        a.countryIsoCode(), a.phone());
  }

  private static void require(Object value, String field, RawOrder raw) {
    if (value == null) {
      throw new MalformedPayloadException(
          PLATFORM, "Order " + raw.orderId() + " is missing the required field " + field, null);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
  }

  private static Instant instant(JsonNode node, String field) {
    String value = text(node, field);
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
