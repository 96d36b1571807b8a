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
  static final String TAX_CODE = "VAT";

  /** A shipment's customer debit status: the simulator's orders are debited on acceptance. */
  static final String SHIPMENT_DEBIT_STATUS = "NO_DEBIT";

  private static final Map<String, String> COUNTRY_NAMES = countryNames();

  private final JsonMapper mapper;
  private final Set<String> refundableStates;

  OrderRenderer(JsonMapper mapper, Set<String> refundableStates) {
    this.mapper = mapper;
    this.refundableStates = refundableStates;
  }

  /** OR11 {@code can_cancel}: the order is to be shipped and nothing of it has shipped yet. */
  static boolean canCancel(SimOrder order) {
    return order.state.equals("SHIPPING") && !order.anythingShipped();
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

    json.put("can_cancel", canCancel(order));
    json.put("can_shop_ship", "SHIPPING".equals(order.state));
    json.put("has_incident", order.hasIncident());
    json.put("has_customer_message", false);
    json.put("has_invoice", order.hasInvoice());
    json.put("fully_refunded", fullyRefunded(order));
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
    SimOrder.Tracking tracking = order.tracking;
    json.put("shipping_carrier_code", tracking == null ? null : tracking.carrierCode());
    json.put(
        "shipping_carrier_standard_code", tracking == null ? null : tracking.carrierStandardCode());
    json.put("shipping_company", tracking == null ? null : tracking.carrierName());
    json.put("shipping_tracking", tracking == null ? null : tracking.trackingNumber());
    json.put("shipping_tracking_url", tracking == null ? null : tracking.trackingUrl());
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
    for (SimLine.Cancelation cancelation : line.cancelations) {
      cancelations.add(renderCancelation(order, line, cancelation, amounts.mode));
    }
    ArrayNode refunds = json.putArray("refunds");
    for (SimLine.Refund refund : line.refunds) {
      refunds.add(renderRefund(order, line, refund, amounts.mode));
    }
    json.putArray("promotions");
    json.putArray("order_line_additional_fields");
    json.put("can_refund", canRefund(order, line));
    putInstant(json, "created_date", line.created);
    putInstant(json, "last_updated_date", line.lastUpdated);
    putInstant(json, "debited_date", line.debitedDate);
    putInstant(json, "shipped_date", line.shippedDate);
    putInstant(json, "received_date", line.receivedDate);
    return json;
  }

  /** Whether the line can still be refunded: the order's state allows it and money remains. */
  private boolean canRefund(SimOrder order, SimLine line) {
    if (!refundableStates.contains(order.state) || !line.active()) {
      return false;
    }
    Adjustment.Totals left = line.paid().minus(line.adjusted());
    return left.amount().signum() > 0 || left.shipping().signum() > 0;
  }

  /** Refunds exist and cover every active line's remaining price and shipping. */
  private static boolean fullyRefunded(SimOrder order) {
    boolean anyRefund = false;
    for (SimLine line : order.lines) {
      anyRefund |= !line.refunds.isEmpty();
      if (line.active()) {
        Adjustment.Totals left = line.paid().minus(line.adjusted());
        if (left.amount().signum() > 0 || left.shipping().signum() > 0) {
          return false;
        }
      }
    }
    return anyRefund;
  }

  private ObjectNode renderRefund(
      SimOrder order, SimLine line, SimLine.Refund refund, String mode) {
    ObjectNode json = mapper.createObjectNode();
    json.put("id", refund.id);
    json.put("order_refund_id", refund.orderRefundId);
    putAmounts(json, order, line, refund.amounts, mode);
    json.put("quantity", refund.quantity);
    json.put("reason_code", refund.reasonCode);
    json.put("state", refund.state);
    json.put("refund_state", refund.state);
    json.putArray("fees");
    json.put("commission_amount", refund.commission);
    json.put("commission_tax_amount", BigDecimal.ZERO.setScale(order.digits));
    json.putArray("commission_taxes");
    json.put("commission_total_amount", refund.commission);
    putInstant(json, "created_date", refund.created);
    if (refund.transactionNumber != null) {
      json.put("transaction_number", refund.transactionNumber);
      putInstant(json, "transaction_date", refund.transactionDate);
    }
    return json;
  }

  /**
   * One entry of an OR28 or OR30 answer: the id under {@code idField}, the line, the amounts in
   * {@code mode}, the quantity and the reason.
   */
  ObjectNode renderAdjustment(
      SimOrder order,
      SimLine line,
      Adjustment.Totals amounts,
      String reasonCode,
      int quantity,
      String mode,
      String idField,
      String id) {
    ObjectNode json = mapper.createObjectNode();
    json.put(idField, id);
    json.put("order_line_id", line.id);
    putAmounts(json, order, line, amounts, mode);
    json.put("quantity", quantity);
    json.put("reason_code", reasonCode);
    json.putArray("fees");
    json.put("currency_iso_code", order.currency);
    return json;
  }

  /** {@code amount}, {@code shipping_amount} in {@code mode}, then their taxes with rates. */
  private void putAmounts(
      ObjectNode json, SimOrder order, SimLine line, Adjustment.Totals amounts, String mode) {
    json.put("amount", Adjustment.convert(amounts.amount(), amounts.tax(), order.taxMode, mode));
    json.put(
        "shipping_amount",
        Adjustment.convert(amounts.shipping(), amounts.shippingTax(), order.taxMode, mode));
    json.set("taxes", taxes(amounts.tax(), line.taxRate, false));
    json.set("shipping_taxes", taxes(amounts.shippingTax(), line.shippingTaxRate, false));
  }

  private ObjectNode renderCancelation(
      SimOrder order, SimLine line, SimLine.Cancelation cancelation, String mode) {
    ObjectNode json = mapper.createObjectNode();
    json.put("id", cancelation.id());
    putAmounts(json, order, line, cancelation.amounts(), mode);
    json.put("quantity", cancelation.quantity());
    json.put("reason_code", cancelation.reasonCode());
    json.putArray("fees");
    json.put("commission_amount", cancelation.commission());
    json.putArray("commission_taxes");
    json.put("commission_total_amount", cancelation.commission());
    putInstant(json, "created_date", cancelation.created());
    return json;
  }

  /** A shipment as ST01 and ST11 render it. */
  ObjectNode renderShipment(SimShipment shipment) {
    ObjectNode json = mapper.createObjectNode();
    json.put("id", shipment.id);
    json.put("order_id", shipment.orderId);
    json.put("status", shipment.status);
    json.put("status_customer_debit", SHIPMENT_DEBIT_STATUS);
    putInstant(json, "created_date", shipment.created);
    putInstant(json, "last_updated_date", shipment.lastUpdated);
    putInstant(json, "shipped_date", shipment.shippedDate);
    json.put("invoice_reference", shipment.invoiceReference);
    ArrayNode lines = json.putArray("shipment_lines");
    shipment.lines.forEach(
        (lineId, quantity) -> {
          ObjectNode line = lines.addObject();
          line.put("order_line_id", lineId);
          line.put("quantity", quantity);
        });
    SimOrder.Tracking tracking = shipment.tracking;
    if (tracking == null) {
      json.putNull("tracking");
    } else {
      ObjectNode parcel = json.putObject("tracking");
      parcel.put("carrier_code", tracking.carrierCode());
      parcel.put("carrier_name", tracking.carrierName());
      parcel.put("carrier_standard_code", tracking.carrierStandardCode());
      parcel.put("tracking_number", tracking.trackingNumber());
      parcel.put("tracking_url", tracking.trackingUrl());
    }
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
    // Cancelations are deducted from total_price but not from price (reference 2.6).
    Adjustment.Totals canceled = line.canceled();
    BigDecimal total =
        price
            .add(shipping)
            .subtract(inMode(canceled.amount(), canceled.tax(), order.taxMode, mode))
            .subtract(inMode(canceled.shipping(), canceled.shippingTax(), order.taxMode, mode))
            .setScale(order.digits);
    return new LineAmounts(unit, price, shipping, total, mode);
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
      BigDecimal unitPrice, BigDecimal price, BigDecimal shipping, BigDecimal total, String mode) {}
}
