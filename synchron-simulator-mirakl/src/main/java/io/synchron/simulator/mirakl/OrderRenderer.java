package io.synchron.simulator.mirakl;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link SimOrder} in the OR11 {@code orders[]} shape of the seller OpenAPI spec. Every
 * property the spec marks as required is written, with null where the simulator has no value.
 */
final class OrderRenderer {
  private static final String TAX_CODE = "VAT";
  private static final Set<String> REFUNDABLE_STATES = Set.of("SHIPPED", "TO_COLLECT", "RECEIVED");
  private static final Map<String, String> COUNTRY_NAMES = countryNames();

  private final JsonMapper mapper;

  OrderRenderer(JsonMapper mapper) {
    this.mapper = mapper;
  }

  /** The order with its price fields expressed in {@code mode} (TAX_INCLUDED or TAX_EXCLUDED). */
  ObjectNode render(SimOrder order, String mode) {
    ObjectNode json = mapper.createObjectNode();
    json.put("order_id", order.orderId);
    json.put("commercial_id", order.commercialId);
    json.put("order_state", order.state);
    json.put("order_state_reason_code", order.reasonCode);
    json.put("order_state_reason_label", order.reasonLabel);
    putInstant(json, "created_date", order.created);
    putInstant(json, "last_updated_date", order.lastUpdated);
    putInstant(json, "acceptance_decision_date", order.acceptanceDecisionDate);
    putInstant(json, "customer_debited_date", order.customerDebitedDate);
    putInstant(json, "shipping_deadline", order.shippingDeadline);
    json.put("leadtime_to_ship", Duration.between(order.created, order.shippingDeadline).toDays());
    json.put("currency_iso_code", order.currency);
    json.put("order_tax_mode", mode);
    json.put("payment_workflow", "PAY_ON_ACCEPTANCE");
    json.put("payment_type", "CREDIT_CARD");
    json.put("paymentType", "CREDIT_CARD");
    if (order.customerDebitedDate != null) {
      json.put("transaction_number", "TR-" + order.orderId);
      putInstant(json, "transaction_date", order.customerDebitedDate);
    }

    ArrayNode lines = mapper.createArrayNode();
    BigDecimal price = BigDecimal.ZERO.setScale(order.digits);
    BigDecimal shipping = price;
    BigDecimal total = price;
    BigDecimal commission = price;
    for (SimLine line : order.lines) {
      LineAmounts amounts = amounts(order, line, mode);
      lines.add(renderLine(order, line, amounts));
      price = price.add(amounts.price);
      shipping = shipping.add(amounts.shipping);
      total = total.add(amounts.total);
      commission = commission.add(line.commissionFee);
    }
    json.put("price", price);
    json.put("shipping_price", shipping);
    json.put("total_price", total);
    json.put("total_commission", commission);

    json.put("can_cancel", "SHIPPING".equals(order.state));
    json.put("can_shop_ship", "SHIPPING".equals(order.state));
    json.put("has_incident", false);
    json.put("has_customer_message", false);
    json.put("has_invoice", false);
    json.put("fully_refunded", false);
    json.put("customer_directly_pays_seller", false);

    ObjectNode channel = json.putObject("channel");
    channel.put("code", order.channelCode);
    channel.put("label", "Website " + order.channelCode);
    ObjectNode references = json.putObject("references");
    references.put("order_reference_for_customer", order.referenceForCustomer);
    references.putNull("order_reference_for_seller");
    json.put("shipping_type_code", "STD");
    json.put("shipping_type_label", "Standard");
    json.put("shipping_zone_code", order.customer.countryIso3());
    json.put("shipping_zone_label", countryName(order.customer.countryIso3()));
    json.putNull("shipping_carrier_code");
    json.putNull("shipping_company");
    json.putNull("shipping_tracking");
    json.putNull("shipping_tracking_url");
    json.putObject("fulfillment").putObject("center").put("code", "DEFAULT");
    json.putArray("order_additional_fields");
    json.set("customer", renderCustomer(order));
    json.put("customer_notification_email", order.notificationEmail);
    json.set("order_lines", lines);
    return json;
  }

  private ObjectNode renderLine(SimOrder order, SimLine line, LineAmounts amounts) {
    ObjectNode json = mapper.createObjectNode();
    json.put("order_line_id", line.id);
    json.put("order_line_index", line.index);
    json.put("order_line_state", line.state);
    json.put("order_line_state_reason_code", line.reasonCode);
    json.put("order_line_state_reason_label", line.reasonLabel);
    json.put("offer_id", line.offerId);
    json.put("offer_sku", line.offerSku);
    json.put("offer_state_code", "11");
    json.put("product_sku", "MKP-" + line.offerSku);
    json.put("product_shop_sku", line.offerSku);
    json.put("product_title", line.title);
    json.putArray("product_medias");
    json.put("category_code", "SIMULATED");
    json.put("category_label", "Simulated category");
    json.putNull("description");
    json.put("quantity", line.quantity);
    json.put("price_unit", amounts.unitPrice);
    json.put("origin_unit_price", amounts.unitPrice);
    json.put("price", amounts.price);
    json.put("shipping_price", amounts.shipping);
    json.put("total_price", amounts.total);
    json.put("commission_fee", line.commissionFee);
    json.put("commission_vat", BigDecimal.ZERO.setScale(order.digits));
    json.put("commission_rate_vat", BigDecimal.ZERO);
    json.putArray("commission_taxes");
    json.put("total_commission", line.commissionFee);
    json.set("taxes", taxes(line.tax, line.taxRate, true));
    json.set("shipping_taxes", taxes(line.shippingTax, line.shippingTaxRate, true));
    json.putArray("fees");
    ArrayNode cancelations = json.putArray("cancelations");
    if (line.cancelation != null) {
      cancelations.add(renderCancelation(order, line, amounts));
    }
    json.putArray("refunds");
    json.putArray("promotions");
    json.putArray("order_line_additional_fields");
    json.put("can_refund", REFUNDABLE_STATES.contains(line.state));
    putInstant(json, "created_date", line.created);
    putInstant(json, "last_updated_date", line.lastUpdated);
    putInstant(json, "debited_date", line.debitedDate);
    return json;
  }

  private ObjectNode renderCancelation(SimOrder order, SimLine line, LineAmounts amounts) {
    ObjectNode json = mapper.createObjectNode();
    json.put("id", line.cancelation.id());
    json.put("amount", amounts.price);
    json.put("shipping_amount", amounts.shipping);
    json.put("quantity", line.quantity);
    json.put("reason_code", line.cancelation.reasonCode());
    json.set("taxes", taxes(line.tax, line.taxRate, false));
    json.set("shipping_taxes", taxes(line.shippingTax, line.shippingTaxRate, false));
    json.putArray("fees");
    json.put("commission_amount", line.commissionFee);
    json.putArray("commission_taxes");
    json.put("commission_total_amount", line.commissionFee);
    putInstant(json, "created_date", line.cancelation.created());
    return json;
  }

  /** One tax entry per taxed amount; an untaxed (0 %) amount carries no tax entry. */
  private ArrayNode taxes(BigDecimal amount, BigDecimal rate, boolean withRule) {
    ArrayNode taxes = mapper.createArrayNode();
    if (rate.signum() == 0) {
      return taxes;
    }
    ObjectNode tax = taxes.addObject();
    tax.put("code", TAX_CODE);
    tax.put("amount", amount);
    tax.put("rate", Money.rate(rate));
    if (withRule) {
      tax.put("tax_calculation_rule", "PROPORTIONAL_TO_AMOUNT");
    }
    return taxes;
  }

  private ObjectNode renderCustomer(SimOrder order) {
    NewCustomer c = order.customer;
    ObjectNode json = mapper.createObjectNode();
    json.put("customer_id", order.customerId);
    json.put("firstname", c.firstname());
    json.put("lastname", c.lastname());
    json.putNull("civility");
    json.put("locale", c.locale());
    if (order.addressesReleased) {
      json.set("billing_address", address(c, false));
      json.set("shipping_address", address(c, true));
    } else {
      json.putNull("billing_address");
      json.putNull("shipping_address");
    }
    return json;
  }

  private ObjectNode address(NewCustomer c, boolean shipping) {
    ObjectNode json = mapper.createObjectNode();
    json.putNull("civility");
    json.put("firstname", c.firstname());
    json.put("lastname", c.lastname());
    json.put("company", c.company());
    json.putNull("company_2");
    json.put("street_1", c.street1());
    json.put("street_2", c.street2());
    json.put("zip_code", c.zip());
    json.put("city", c.city());
    json.put("state", c.state());
    json.put("country", countryName(c.countryIso3()));
    json.put("country_iso_code", c.countryIso3());
    json.put("phone", c.phone());
    json.putNull("phone_secondary");
    if (shipping) {
      json.putNull("additional_info");
    }
    return json;
  }

  private static LineAmounts amounts(SimOrder order, SimLine line, String mode) {
    BigDecimal unit = inMode(line.unitPrice, line.unitTax, order.taxMode, mode);
    BigDecimal price = inMode(line.price, line.tax, order.taxMode, mode);
    BigDecimal shipping = inMode(line.shippingPrice, line.shippingTax, order.taxMode, mode);
    // A cancelation is deducted from total_price but not from price (reference 2.6).
    BigDecimal total =
        line.cancelation == null ? price.add(shipping) : BigDecimal.ZERO.setScale(order.digits);
    return new LineAmounts(unit, price, shipping, total);
  }

  private static BigDecimal inMode(
      BigDecimal amount, BigDecimal tax, String nativeMode, String mode) {
    if (nativeMode.equals(mode)) {
      return amount;
    }
    return NewOrder.TAX_INCLUDED.equals(nativeMode) ? amount.subtract(tax) : amount.add(tax);
  }

  private static void putInstant(ObjectNode json, String field, Instant instant) {
    if (instant == null) {
      json.putNull(field);
    } else {
      json.put(field, instant.toString());
    }
  }

  private static String countryName(String iso3) {
    return COUNTRY_NAMES.getOrDefault(iso3, iso3);
  }

  private static Map<String, String> countryNames() {
    Map<String, String> names = new HashMap<>();
    for (String iso2 : Locale.getISOCountries()) {
      Locale country = new Locale("", iso2);
      names.put(country.getISO3Country(), country.getDisplayCountry(Locale.ENGLISH));
    }
    return Map.copyOf(names);
  }

  private record LineAmounts(
      BigDecimal unitPrice, BigDecimal price, BigDecimal shipping, BigDecimal total) {}
}
