package io.synchron.simulator.mirakl;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OR11 query parameters, parsed and validated. Unknown parameters are ignored, as a server that
 * lets APIs evolve does; malformed known ones are a 400.
 *
 * <p>Date ranges include both ends. {@code max} defaults to 10 and is clamped to 100; {@code
 * paginate=false} returns everything and ignores {@code max} and {@code offset}. {@code
 * order_tax_mode} is not a filter: it picks the tax mode the price fields are expressed in (the
 * spec's reading), each order's own mode when absent.
 */
record OrdersQuery(
    Set<String> orderIds,
    Set<String> states,
    Set<String> channelCodes,
    Set<String> referencesForCustomer,
    Instant startDate,
    Instant endDate,
    Instant startUpdateDate,
    Instant endUpdateDate,
    Boolean customerDebited,
    Boolean hasIncident,
    String paymentWorkflow,
    String taxMode,
    boolean paginate,
    int max,
    int offset,
    String sort,
    boolean descending) {

  static final int DEFAULT_MAX = 10;
  static final int MAX_PAGE = 100;
  static final Set<String> ORDER_STATES =
      Set.of(
          "STAGING",
          "WAITING_ACCEPTANCE",
          "WAITING_DEBIT",
          "WAITING_DEBIT_PAYMENT",
          "SHIPPING",
          "SHIPPED",
          "TO_COLLECT",
          "RECEIVED",
          "CLOSED",
          "REFUSED",
          "CANCELED");
  private static final Set<String> PAYMENT_WORKFLOWS =
      Set.of(
          "PAY_ON_ACCEPTANCE",
          "PAY_ON_DELIVERY",
          "PAY_ON_DUE_DATE",
          "PAY_ON_SHIPMENT",
          "NO_CUSTOMER_PAYMENT_CONFIRMATION");

  static OrdersQuery parse(Map<String, List<String>> params) {
    Set<String> orderIds = list(params, "order_ids");
    if (orderIds != null && orderIds.size() > MAX_PAGE) {
      throw invalid("order_ids", "At most 100 order ids may be given");
    }
    Set<String> states = list(params, "order_state_codes");
    if (states != null) {
      for (String state : states) {
        if (!ORDER_STATES.contains(state)) {
          throw invalid("order_state_codes", "Unknown order state " + state);
        }
      }
    }
    String paymentWorkflow = single(params, "payment_workflow");
    if (paymentWorkflow != null && !PAYMENT_WORKFLOWS.contains(paymentWorkflow)) {
      throw invalid("payment_workflow", "Unknown payment workflow " + paymentWorkflow);
    }
    String taxMode = single(params, "order_tax_mode");
    if (taxMode != null
        && !NewOrder.TAX_INCLUDED.equals(taxMode)
        && !NewOrder.TAX_EXCLUDED.equals(taxMode)) {
      throw invalid("order_tax_mode", "order_tax_mode must be TAX_INCLUDED or TAX_EXCLUDED");
    }
    Boolean paginate = bool(params, "paginate");
    Integer max = integer(params, "max");
    if (max != null && max < 1) {
      throw invalid("max", "max must be at least 1");
    }
    Integer offset = integer(params, "offset");
    if (offset != null && offset < 0) {
      throw invalid("offset", "offset must not be negative");
    }
    String sort = single(params, "sort");
    if (sort != null && !sort.equals("dateCreated") && !sort.equals("dateUpdated")) {
      throw invalid("sort", "sort must be dateCreated or dateUpdated");
    }
    String order = single(params, "order");
    if (order != null && !order.equals("asc") && !order.equals("desc")) {
      throw invalid("order", "order must be asc or desc");
    }
    return new OrdersQuery(
        orderIds,
        states,
        list(params, "channel_codes"),
        list(params, "order_references_for_customer"),
        instant(params, "start_date"),
        instant(params, "end_date"),
        instant(params, "start_update_date"),
        instant(params, "end_update_date"),
        bool(params, "customer_debited"),
        bool(params, "has_incident"),
        paymentWorkflow,
        taxMode,
        paginate == null || paginate,
        max == null ? DEFAULT_MAX : Math.min(max, MAX_PAGE),
        offset == null ? 0 : offset,
        sort == null ? "dateCreated" : sort,
        "desc".equals(order));
  }

  boolean matches(SimOrder order) {
    return (orderIds == null || orderIds.contains(order.orderId))
        && (states == null || states.contains(order.state))
        && (channelCodes == null || channelCodes.contains(order.channelCode))
        && (referencesForCustomer == null
            || referencesForCustomer.contains(order.referenceForCustomer))
        && within(order.created, startDate, endDate)
        && within(order.lastUpdated, startUpdateDate, endUpdateDate)
        && (customerDebited == null || customerDebited == (order.customerDebitedDate != null))
        && (hasIncident == null || hasIncident == order.hasIncident())
        // The simulator has only PAY_ON_ACCEPTANCE orders.
        && (paymentWorkflow == null || paymentWorkflow.equals("PAY_ON_ACCEPTANCE"));
  }

  /** Sort by the chosen date, then by order id, as the spec describes for dateCreated. */
  Comparator<SimOrder> comparator() {
    Comparator<SimOrder> byDate =
        sort.equals("dateUpdated")
            ? Comparator.comparing((SimOrder o) -> o.lastUpdated)
            : Comparator.comparing((SimOrder o) -> o.created);
    Comparator<SimOrder> comparator = byDate.thenComparing(o -> o.orderId);
    return descending ? comparator.reversed() : comparator;
  }

  private static boolean within(Instant value, Instant start, Instant end) {
    return (start == null || !value.isBefore(start)) && (end == null || !value.isAfter(end));
  }

  private static String single(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    String value = values.get(values.size() - 1).trim();
    return value.isEmpty() ? null : value;
  }

  private static Set<String> list(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    if (values == null) {
      return null;
    }
    Set<String> items = new LinkedHashSet<>();
    for (String value : values) {
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
    }
    return items.isEmpty() ? null : items;
  }

  private static Boolean bool(Map<String, List<String>> params, String name) {
    String value = single(params, name);
    if (value == null) {
      return null;
    }
    if (value.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (value.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    throw invalid(name, name + " must be true or false");
  }

  private static Integer integer(Map<String, List<String>> params, String name) {
    String value = single(params, name);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw invalid(name, name + " must be an integer");
    }
  }

  private static Instant instant(Map<String, List<String>> params, String name) {
    String value = single(params, name);
    if (value == null) {
      return null;
    }
    // An unencoded '+' of an offset arrives as a space after form decoding.
    String text = value.replace(' ', '+');
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw invalid(name, name + " must be an ISO-8601 date-time, was " + value);
      }
    }
  }

  private static ApiError.Failure invalid(String field, String message) {
    return new ApiError.Failure(ApiError.badRequest("VALIDATION_ERROR", field, message));
  }
}
