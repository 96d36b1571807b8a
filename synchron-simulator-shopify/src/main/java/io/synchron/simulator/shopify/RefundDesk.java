package io.synchron.simulator.shopify;

import io.synchron.simulator.shopify.OrderLife.Disposition;
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
import io.synchron.simulator.shopify.ShopState.LineItem;
import io.synchron.simulator.shopify.ShopState.Location;
import io.synchron.simulator.shopify.ShopState.Outcome;
import io.synchron.simulator.shopify.ShopState.PaymentTransaction;
import io.synchron.simulator.shopify.ShopState.ShippingLine;
import io.synchron.simulator.shopify.ShopState.StoredOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Refunds and returns of an order (reference §3.2, §3.3). Every method holds the {@link ShopState}
 * monitor.
 *
 * <p><b>Refunds</b> ({@code refundCreate}, with its mandatory {@code @idempotent} key): units are
 * restocked per {@code RefundLineItemRestockType}; the financial status follows the money refunded.
 * One arithmetic ({@code plan}) serves {@code refundCreate}, the merchant's {@link #refund} and the
 * refunds of {@code returnProcess}:
 *
 * <ul>
 *   <li>a refunded quantity {@code q} of a line of quantity {@code Q}: {@code subtotalSet = unit
 *       price × q} (no discounts are modelled, so the discounted unit price is the unit price);
 *       each of the line's tax lines is prorated by {@code q / Q} and rounded half-even to the
 *       currency's minor unit, except that the units completing {@code Q} (counting every earlier
 *       refund of the line) take what is left of that tax, so refunding every unit refunds exactly
 *       the line's tax; {@code totalTaxSet} is their sum;
 *   <li>shipping ({@code shipping: {amount | fullRefund}}; {@code amount} wins over {@code
 *       fullRefund}, as {@code RefundShippingInput} documents for returns) is taken from the
 *       shipping lines in order, one {@code RefundShippingLine} each; its tax is each shipping tax
 *       line prorated by {@code amount / shipping price} the same way, the amount completing a
 *       shipping line taking what is left of its tax. With taxes included the amount is
 *       tax-inclusive, as the shipping price is;
 *   <li>what the lines and shipping are worth (the <i>calculated</i> amount): their subtotals when
 *       the order's {@code taxesIncluded} (the tax is inside), else subtotals plus taxes;
 *   <li>transactions moving more than was paid and not refunded yet are refused unless {@code
 *       allowOverRefunding}; a refund whose transactions move another amount than the calculated
 *       one records the difference as an {@code OrderAdjustment} ({@code amountSet = calculated −
 *       refunded}, so negative when more money went back; {@code reason} from {@code
 *       discrepancyReason}, OTHER or none giving {@code REFUND_DISCREPANCY}). A refund without
 *       transactions records no adjustment. 2026-07 has no SHIPPING_REFUND adjustment: shipping is
 *       in {@code refundShippingLines} only. The sign of the discrepancy is the simulator's reading
 *       of REST's {@code order_adjustments} (where shipping refunds were negative); Shopify does
 *       not document it.
 * </ul>
 *
 * <p><b>Returns</b>: {@code returnCreate} opens an OPEN return of fulfilled units with one reverse
 * fulfillment order (one line per return line) and fires {@code returns/approve} (2026-07 has no
 * {@code returns/create}). {@code returnClose} closes it and fires {@code returns/close}. {@code
 * returnProcess} (not idempotent: its description documents no {@code @idempotent}) confirms units:
 * {@code processedQuantity} grows; each disposition is recorded on the reverse fulfillment order
 * line (RESTOCKED needs the location and puts the units back in stock; NOT_RESTOCKED,
 * PROCESSING_REQUIRED and MISSING leave stock alone; dispositions may cover fewer units than are
 * processed, not more); with {@code financialTransfer.issueRefund} the processed units (RETURN for
 * restocked ones, NO_RESTOCK for the others, stock not moved again) and {@code refundShipping} are
 * refunded with the arithmetic above, the transactions' parents having to be a successful SALE or
 * CAPTURE of the order; {@code refundShipping} without {@code issueRefund} is refused. When every
 * unit of the return is processed the return closes (the simulator's reading of the Shopify admin,
 * where refunding and restocking every item closes the return). It fires, in this order, {@code
 * reverse_fulfillment_orders/dispose} (when dispositions were made), {@code returns/process}
 * (status as before closing), {@code refunds/create} (with a refund), {@code returns/close} (when
 * it closes) and one {@code orders/updated}. On a CLOSED return {@code processableQuantity} is 0;
 * {@code refundableQuantity} is the quantity less the units refunded through the return.
 */
final class RefundDesk {

  private static final List<String> RESTOCK_TYPES = List.of("NO_RESTOCK", "CANCEL", "RETURN");

  private final ShopState state;
  private final OrderDesk desk;
  private final WebhookDispatcher webhooks;
  private final Map<String, Refund> refunds = new HashMap<>();
  private final Map<String, Return> returns = new HashMap<>();
  private final Map<String, Attempt> attempts = new HashMap<>();

  /** What an idempotency key was first used with, and what it answered. */
  private record Attempt(Map<String, Object> input, Outcome<Refund> outcome) {}

  RefundDesk(ShopState state, OrderDesk desk, WebhookDispatcher webhooks) {
    this.state = state;
    this.desk = desk;
    this.webhooks = webhooks;
  }

  Refund refund(String id) {
    synchronized (state) {
      return refunds.get(id);
    }
  }

  Return returnOf(String id) {
    synchronized (state) {
      return returns.get(id);
    }
  }

  // ---- refunds ---------------------------------------------------------------------------------

  /**
   * {@code refundCreate} under an {@code @idempotent} key: a key seen before with the same input
   * answers what it answered then (the refund as it is now) without refunding again; with another
   * input it is refused.
   *
   * @param key the directive's key, already checked to be present and not blank
   */
  Outcome<Refund> createRefund(Map<String, Object> input, String key) {
    synchronized (state) {
      Attempt attempt = attempts.get(key);
      if (attempt != null) {
        if (!attempt.input().equals(input)) {
          throw new SimulatorGraphQlException(
              "IDEMPOTENCY_KEY_PARAMETER_MISMATCH",
              "The idempotency key '" + key + "' was already used with different parameters");
        }
        return attempt.outcome();
      }
      Outcome<Refund> outcome = createRefund(input);
      attempts.put(key, new Attempt(input, outcome));
      return outcome;
    }
  }

  /** Units of one line item a refund asks for, before they are checked. */
  private record LineRequest(
      LineItem line,
      int quantity,
      String restockType,
      boolean returned,
      boolean restockInventory,
      List<String> field) {}

  /**
   * Shipping a refund asks for: {@code amount} (null for the full refundable shipping), in the
   * order's price terms (tax inside when taxes are included).
   */
  private record ShippingRequest(BigDecimal amount, List<String> field) {}

  /** Units of one line item a refund takes, with their price and prorated taxes. */
  private record PlannedLine(
      LineItem line,
      int quantity,
      String restockType,
      int fromUnfulfilled,
      int fromFulfilled,
      boolean restockInventory,
      BigDecimal subtotal,
      List<BigDecimal> taxes) {

    BigDecimal tax() {
      return taxes.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /** Shipping of one shipping line a refund takes, with its prorated taxes. */
  private record PlannedShipping(ShippingLine line, BigDecimal subtotal, List<BigDecimal> taxes) {

    BigDecimal tax() {
      return taxes.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /**
   * What a refund takes, worked out before anything changes.
   *
   * @param calculated the money the lines and shipping are worth: their subtotals, plus their taxes
   *     unless the order's prices include them
   */
  private record Plan(
      List<PlannedLine> lines, List<PlannedShipping> shipping, BigDecimal calculated) {}

  /** Validates the whole input first; creates nothing when any part is refused. */
  private Outcome<Refund> createRefund(Map<String, Object> input) {
    List<Map<String, Object>> errors = new ArrayList<>();
    String orderId = String.valueOf(input.get("orderId"));
    StoredOrder order = state.order(orderId);
    if (order == null) {
      return new Outcome<>(null, List.of(error("Order does not exist", "orderId")));
    }
    String currency = order.currency();
    if (input.get("currency") != null
        && !order.presentmentCurrency().equals(input.get("currency"))) {
      errors.add(
          error(
              "Currency must match the order's presentment currency " + order.presentmentCurrency(),
              "currency"));
    }
    List<LineRequest> lineRequests = lineRequests(order, input, errors);
    ShippingRequest shippingRequest = shippingRequest(input, errors);
    Plan plan = plan(order, lineRequests, shippingRequest, errors);

    // Transactions: the money that goes back.
    List<Map<String, Object>> transactionInputs = ShopState.maps(input.get("transactions"));
    List<RefundTransactionRequest> transactions = new ArrayList<>();
    for (int i = 0; i < transactionInputs.size(); i++) {
      Map<String, Object> transaction = transactionInputs.get(i);
      String index = String.valueOf(i);
      if (!"REFUND".equals(transaction.get("kind"))) {
        errors.add(error("Transaction kind must be REFUND", "transactions", index, "kind"));
      }
      if (!orderId.equals(String.valueOf(transaction.get("orderId")))) {
        errors.add(
            error(
                "Transaction must belong to the refunded order", "transactions", index, "orderId"));
      }
      BigDecimal amount = money(transaction.get("amount"), errors, "transactions", index, "amount");
      if (amount.signum() <= 0) {
        errors.add(error("Amount must be greater than 0", "transactions", index, "amount"));
      }
      transactions.add(
          new RefundTransactionRequest(
              amount,
              ShopState.string(transaction.get("gateway"), order.gateway()),
              ShopState.string(transaction.get("parentId"), null)));
    }
    checkOverRefund(
        order,
        transactions,
        Boolean.TRUE.equals(input.get("allowOverRefunding")),
        errors,
        List.of("transactions"));
    if (plan.lines().isEmpty()
        && plan.shipping().isEmpty()
        && transactions.isEmpty()
        && errors.isEmpty()) {
      errors.add(error("Refund must include line items, shipping or transactions", "orderId"));
    }
    if (!errors.isEmpty()) {
      return new Outcome<>(null, errors);
    }
    Refund refund =
        apply(
            order,
            plan,
            transactions,
            discrepancyReason(input.get("discrepancyReason")),
            ShopState.string(input.get("note"), null),
            Boolean.TRUE.equals(input.get("notify")),
            null);
    desk.publishOrder("ORDERS_UPDATED", order);
    return new Outcome<>(refund, List.of());
  }

  /** A REFUND transaction asked for. */
  private record RefundTransactionRequest(BigDecimal amount, String gateway, String parentId) {}

  /** {@code RefundInput.refundLineItems}, checked one by one. */
  private List<LineRequest> lineRequests(
      StoredOrder order, Map<String, Object> input, List<Map<String, Object>> errors) {
    List<LineRequest> requests = new ArrayList<>();
    List<Map<String, Object>> lineInputs = ShopState.maps(input.get("refundLineItems"));
    for (int i = 0; i < lineInputs.size(); i++) {
      Map<String, Object> lineInput = lineInputs.get(i);
      String index = String.valueOf(i);
      LineItem line = order.lineItem(String.valueOf(lineInput.get("lineItemId")));
      if (line == null) {
        errors.add(error("Line item does not exist", "refundLineItems", index, "lineItemId"));
        continue;
      }
      int quantity = lineInput.get("quantity") instanceof Number n ? n.intValue() : 0;
      if (quantity <= 0) {
        errors.add(error("Quantity must be greater than 0", "refundLineItems", index, "quantity"));
        continue;
      }
      String restockType = ShopState.string(lineInput.get("restockType"), "NO_RESTOCK");
      if (!RESTOCK_TYPES.contains(restockType)) {
        errors.add(
            error(
                "Restock type " + restockType + " is not supported for new refunds",
                "refundLineItems",
                index,
                "restockType"));
        continue;
      }
      Object locationId = lineInput.get("locationId");
      if (locationId != null && !state.location().id().equals(locationId)) {
        errors.add(error("Location does not exist", "refundLineItems", index, "locationId"));
        continue;
      }
      requests.add(
          new LineRequest(
              line,
              quantity,
              restockType,
              false,
              !restockType.equals("NO_RESTOCK"),
              List.of("refundLineItems", index)));
    }
    return requests;
  }

  /**
   * {@code RefundInput.shipping}: {@code amount} when given (it overrides {@code fullRefund}, as
   * {@code RefundShippingInput} documents for returns), else everything left when {@code
   * fullRefund}; null for no shipping.
   */
  private static ShippingRequest shippingRequest(
      Map<String, Object> input, List<Map<String, Object>> errors) {
    Map<String, Object> shippingInput = ShopState.map(input.get("shipping"));
    if (shippingInput.get("amount") != null) {
      BigDecimal amount = money(shippingInput.get("amount"), errors, "shipping", "amount");
      if (amount.signum() < 0) {
        errors.add(error("Shipping amount must not be negative", "shipping", "amount"));
        return null;
      }
      return amount.signum() == 0
          ? null
          : new ShippingRequest(amount, List.of("shipping", "amount"));
    }
    if (Boolean.TRUE.equals(shippingInput.get("fullRefund"))) {
      return new ShippingRequest(null, List.of("shipping", "fullRefund"));
    }
    return null;
  }

  /**
   * Works out what the lines and shipping asked for take, and their worth: each line's subtotal is
   * {@code unitPrice × quantity}; each of its tax lines is prorated by {@code quantity / line
   * quantity}, rounded half-even to the currency's minor unit, except that the units completing the
   * line's refunded quantity take whatever of the tax is left, so refunding every unit refunds
   * exactly the line's tax. Shipping is taken from the shipping lines in order, each tax prorated
   * by {@code amount / shipping price}, the amount completing a shipping line taking what is left
   * of its taxes.
   */
  private Plan plan(
      StoredOrder order,
      List<LineRequest> requests,
      ShippingRequest shippingRequest,
      List<Map<String, Object>> errors) {
    OrderLife life = order.life();
    String currency = order.currency();
    boolean taxesIncluded = order.taxesIncluded();
    Map<LineItem, Integer> unfulfilledTaken = new HashMap<>();
    Map<LineItem, Integer> fulfilledTaken = new HashMap<>();
    Map<LineItem, Integer> unitsTaken = new HashMap<>();
    Map<LineItem, List<BigDecimal>> taxTaken = new HashMap<>();
    List<PlannedLine> lines = new ArrayList<>();
    BigDecimal calculated = BigDecimal.ZERO;
    for (LineRequest request : requests) {
      LineItem line = request.line();
      int quantity = request.quantity();
      int unfulfilledLeft = life.unfulfilledQuantity(line) - unfulfilledTaken.getOrDefault(line, 0);
      int fulfilledLeft =
          life.fulfilledQuantity(line)
              - life.refundedFulfilledQuantity(line)
              - fulfilledTaken.getOrDefault(line, 0);
      int refundable =
          request.returned()
              ? Math.max(0, fulfilledLeft)
              : Math.max(0, unfulfilledLeft) + Math.max(0, fulfilledLeft);
      if (quantity > refundable) {
        errors.add(
            error(
                "Quantity cannot refund more items than were purchased: "
                    + refundable
                    + " of line item "
                    + line.sku()
                    + " can be refunded",
                field(request.field(), "quantity")));
        continue;
      }
      int fromUnfulfilled;
      if (request.returned()) {
        fromUnfulfilled = 0;
      } else {
        switch (request.restockType()) {
          case "CANCEL" -> fromUnfulfilled = quantity;
          case "RETURN" -> fromUnfulfilled = 0;
          default -> fromUnfulfilled = Math.min(quantity, Math.max(0, unfulfilledLeft));
        }
      }
      int fromFulfilled = quantity - fromUnfulfilled;
      if (fromUnfulfilled > unfulfilledLeft) {
        errors.add(
            error(
                "Only unfulfilled items can be refunded with restock type CANCEL",
                field(request.field(), "restockType")));
        continue;
      }
      if (fromFulfilled > fulfilledLeft) {
        errors.add(
            error(
                "Only fulfilled items can be refunded with restock type RETURN",
                field(request.field(), "restockType")));
        continue;
      }
      unfulfilledTaken.merge(line, fromUnfulfilled, Integer::sum);
      fulfilledTaken.merge(line, fromFulfilled, Integer::sum);

      int unitsBefore = life.refundedQuantity(line) + unitsTaken.getOrDefault(line, 0);
      boolean completes = unitsBefore + quantity >= line.quantity();
      List<BigDecimal> taken = taxTaken.computeIfAbsent(line, l -> zeros(l.taxLines().size()));
      List<BigDecimal> taxes = new ArrayList<>();
      for (int k = 0; k < line.taxLines().size(); k++) {
        BigDecimal lineTax = line.taxLines().get(k).amount();
        BigDecimal tax =
            completes
                ? lineTax.subtract(life.taxRefunded(line, k)).subtract(taken.get(k))
                : Money.prorate(
                    lineTax,
                    BigDecimal.valueOf(quantity),
                    BigDecimal.valueOf(line.quantity()),
                    currency);
        tax = Money.round(tax.max(BigDecimal.ZERO), currency);
        taxes.add(tax);
        taken.set(k, taken.get(k).add(tax));
      }
      unitsTaken.merge(line, quantity, Integer::sum);
      BigDecimal subtotal = line.unitPrice().multiply(BigDecimal.valueOf(quantity));
      PlannedLine planned =
          new PlannedLine(
              line,
              quantity,
              request.restockType(),
              fromUnfulfilled,
              fromFulfilled,
              request.restockInventory(),
              subtotal,
              List.copyOf(taxes));
      lines.add(planned);
      calculated = calculated.add(taxesIncluded ? subtotal : subtotal.add(planned.tax()));
    }

    List<PlannedShipping> shipping = new ArrayList<>();
    if (shippingRequest != null) {
      BigDecimal shippingLeft = order.shippingTotal().subtract(life.shippingRefunded());
      BigDecimal asked = shippingRequest.amount() == null ? shippingLeft : shippingRequest.amount();
      if (asked.compareTo(shippingLeft) > 0) {
        errors.add(
            error(
                "Shipping amount "
                    + asked.toPlainString()
                    + " exceeds the refundable shipping of "
                    + shippingLeft.max(BigDecimal.ZERO).toPlainString()
                    + " "
                    + currency,
                shippingRequest.field().toArray(String[]::new)));
      } else {
        BigDecimal left = asked;
        for (ShippingLine shippingLine : order.shippingLines()) {
          BigDecimal remaining = shippingLine.price().subtract(life.shippingRefunded(shippingLine));
          BigDecimal take = left.min(remaining);
          if (take.signum() <= 0) {
            continue;
          }
          boolean completes = take.compareTo(remaining) == 0;
          List<BigDecimal> taxes = new ArrayList<>();
          for (int k = 0; k < shippingLine.taxLines().size(); k++) {
            BigDecimal lineTax = shippingLine.taxLines().get(k).amount();
            BigDecimal tax =
                completes
                    ? lineTax.subtract(life.shippingTaxRefunded(shippingLine, k))
                    : Money.prorate(lineTax, take, shippingLine.price(), currency);
            taxes.add(Money.round(tax.max(BigDecimal.ZERO), currency));
          }
          PlannedShipping planned = new PlannedShipping(shippingLine, take, List.copyOf(taxes));
          shipping.add(planned);
          calculated = calculated.add(taxesIncluded ? take : take.add(planned.tax()));
          left = left.subtract(take);
        }
      }
    }
    return new Plan(List.copyOf(lines), List.copyOf(shipping), calculated);
  }

  /** Refuses transactions moving more than was paid and not refunded yet, unless allowed. */
  private static void checkOverRefund(
      StoredOrder order,
      List<RefundTransactionRequest> transactions,
      boolean allowOverRefunding,
      List<Map<String, Object>> errors,
      List<String> field) {
    BigDecimal total =
        transactions.stream()
            .map(RefundTransactionRequest::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal refundable = order.paid().subtract(order.life().totalRefunded());
    if (total.compareTo(refundable) > 0 && !allowOverRefunding) {
      String currency = order.currency();
      errors.add(
          error(
              "Refund amount "
                  + total.toPlainString()
                  + " "
                  + currency
                  + " exceeds the refundable amount of "
                  + refundable.max(BigDecimal.ZERO).toPlainString()
                  + " "
                  + currency,
              field.toArray(String[]::new)));
    }
  }

  /** {@code OrderAdjustmentInputDiscrepancyReason} to {@code OrderAdjustmentDiscrepancyReason}. */
  private static String discrepancyReason(Object input) {
    if (input == null || "OTHER".equals(input)) {
      return "REFUND_DISCREPANCY";
    }
    return String.valueOf(input);
  }

  private Refund apply(
      StoredOrder order,
      Plan plan,
      List<RefundTransactionRequest> transactionRequests,
      String discrepancyReason,
      String note,
      boolean notify,
      Return returned) {
    OrderLife life = order.life();
    Instant now = state.nowSeconds();
    List<RefundLine> lines = new ArrayList<>();
    for (PlannedLine planned : plan.lines()) {
      LineItem line = planned.line();
      life.currentQuantity(line, life.currentQuantity(line) - planned.quantity());
      if (planned.fromFulfilled() > 0) {
        life.refundFulfilled(line, planned.fromFulfilled());
      }
      if (planned.fromUnfulfilled() > 0) {
        takeOffFulfillmentOrders(life, line, planned.fromUnfulfilled(), now);
      }
      if (planned.restockInventory() && line.variant() != null) {
        line.variant().available += planned.quantity();
      }
      long number = state.nextId();
      lines.add(
          new RefundLine(
              ShopState.gid("RefundLineItem", number),
              number,
              line,
              planned.quantity(),
              planned.restockType(),
              state.location(),
              planned.subtotal(),
              planned.taxes()));
    }
    List<RefundShippingLine> shippingLines = new ArrayList<>();
    for (PlannedShipping shipping : plan.shipping()) {
      long number = state.nextId();
      shippingLines.add(
          new RefundShippingLine(
              ShopState.gid("RefundShippingLine", number),
              number,
              shipping.line(),
              shipping.subtotal(),
              shipping.taxes()));
    }
    List<RefundTransaction> transactions = new ArrayList<>();
    BigDecimal moved = BigDecimal.ZERO;
    for (RefundTransactionRequest request : transactionRequests) {
      long number = state.nextId();
      transactions.add(
          new RefundTransaction(
              ShopState.gid("OrderTransaction", number),
              number,
              request.amount(),
              "REFUND",
              request.gateway(),
              request.parentId(),
              "SUCCESS",
              now));
      moved = moved.add(request.amount());
    }
    List<OrderAdjustment> adjustments = new ArrayList<>();
    BigDecimal discrepancy = Money.round(plan.calculated().subtract(moved), order.currency());
    if (!transactions.isEmpty() && discrepancy.signum() != 0) {
      long number = state.nextId();
      adjustments.add(
          new OrderAdjustment(
              ShopState.gid("OrderAdjustment", number),
              number,
              discrepancy,
              Money.zero(order.currency()),
              discrepancyReason));
    }
    long number = state.nextId();
    Refund refund =
        new Refund(
            ShopState.gid("Refund", number),
            number,
            order,
            now,
            note,
            lines,
            shippingLines,
            transactions,
            adjustments,
            notify,
            returned);
    life.refunds.add(refund);
    refunds.put(refund.id, refund);
    desk.touch(order, now);
    desk.settleClosed(order);
    webhooks.publish("REFUNDS_CREATE", WebhookPayloads.refund(refund));
    return refund;
  }

  /** Unfulfilled units leave the open fulfillment orders: they will not ship. */
  private static void takeOffFulfillmentOrders(
      OrderLife life, LineItem line, int quantity, Instant now) {
    int left = quantity;
    for (FulfillmentOrder fulfillmentOrder : life.fulfillmentOrders) {
      boolean changed = false;
      for (FulfillmentOrderLine foLine : fulfillmentOrder.lines) {
        if (left > 0 && foLine.lineItem == line && foLine.remainingQuantity > 0) {
          int taken = Math.min(left, foLine.remainingQuantity);
          foLine.remainingQuantity -= taken;
          foLine.totalQuantity -= taken;
          left -= taken;
          changed = true;
        }
      }
      if (changed) {
        fulfillmentOrder.settle(now);
      }
    }
  }

  /**
   * The merchant refunds units by SKU in the admin: unfulfilled units first (restocked as CANCEL),
   * then fulfilled ones (restocked as RETURN), plus shipping; the money is what the units and
   * shipping are worth with their taxes (see {@link #plan}), capped at what is left to refund, back
   * through the order's gateway.
   */
  String refund(
      String orderId,
      Map<String, Integer> quantityBySku,
      boolean restock,
      BigDecimal shippingAmount,
      String note) {
    Objects.requireNonNull(quantityBySku, "quantityBySku");
    synchronized (state) {
      StoredOrder order = requireOrder(orderId);
      OrderLife life = order.life();
      List<Map<String, Object>> lineInputs = new ArrayList<>();
      for (Map.Entry<String, Integer> entry : quantityBySku.entrySet()) {
        String sku = entry.getKey();
        int left = entry.getValue() == null ? 0 : entry.getValue();
        if (left <= 0) {
          throw new IllegalArgumentException("quantity of SKU " + sku + " must be positive");
        }
        List<LineItem> lines =
            order.lineItems().stream().filter(l -> Objects.equals(sku, l.sku())).toList();
        if (lines.isEmpty()) {
          throw new IllegalArgumentException("order " + orderId + " has no line with SKU " + sku);
        }
        for (LineItem line : lines) {
          int unfulfilled = Math.min(left, life.unfulfilledQuantity(line));
          if (unfulfilled > 0) {
            lineInputs.add(lineInput(line, unfulfilled, restock ? "CANCEL" : "NO_RESTOCK"));
            left -= unfulfilled;
          }
          int fulfilled =
              Math.min(left, life.fulfilledQuantity(line) - life.refundedFulfilledQuantity(line));
          if (fulfilled > 0) {
            lineInputs.add(lineInput(line, fulfilled, restock ? "RETURN" : "NO_RESTOCK"));
            left -= fulfilled;
          }
        }
        if (left > 0) {
          throw new IllegalArgumentException(
              "only "
                  + (entry.getValue() - left)
                  + " of SKU "
                  + sku
                  + " can be refunded on order "
                  + orderId);
        }
      }
      Map<String, Object> input = new LinkedHashMap<>();
      input.put("orderId", orderId);
      input.put("refundLineItems", lineInputs);
      if (shippingAmount != null) {
        input.put("shipping", Map.of("amount", shippingAmount.toPlainString()));
      }
      List<Map<String, Object>> errors = new ArrayList<>();
      Plan plan =
          plan(order, lineRequests(order, input, errors), shippingRequest(input, errors), errors);
      throwIfAny(errors);
      BigDecimal refundable = order.paid().subtract(life.totalRefunded()).max(BigDecimal.ZERO);
      BigDecimal amount = plan.calculated().min(refundable);
      if (amount.signum() > 0) {
        input.put("transactions", List.of(transactionInput(order, amount)));
      }
      input.put("note", note);
      input.put("notify", false);
      return created(createRefund(input));
    }
  }

  /**
   * The merchant gives money back without taking back units or shipping (a goodwill or tax-only
   * refund): one REFUND transaction through the order's gateway; the money no line or shipping
   * accounts for is recorded as a REFUND_DISCREPANCY order adjustment.
   */
  String refundMoneyOnly(String orderId, BigDecimal amount, String note) {
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("amount must be positive: " + amount);
    }
    synchronized (state) {
      StoredOrder order = requireOrder(orderId);
      Map<String, Object> input = new LinkedHashMap<>();
      input.put("orderId", orderId);
      input.put("transactions", List.of(transactionInput(order, amount)));
      input.put("note", note);
      input.put("notify", false);
      return created(createRefund(input));
    }
  }

  private static Map<String, Object> transactionInput(StoredOrder order, BigDecimal amount) {
    Map<String, Object> transaction = new LinkedHashMap<>();
    transaction.put("orderId", order.id());
    transaction.put("amount", amount.toPlainString());
    transaction.put("gateway", order.gateway());
    transaction.put("kind", "REFUND");
    order.transactions().stream()
        .filter(PaymentTransaction::captured)
        .findFirst()
        .ifPresent(parent -> transaction.put("parentId", parent.id()));
    return transaction;
  }

  private static String created(Outcome<Refund> outcome) {
    throwIfAny(outcome.userErrors());
    return outcome.value().id;
  }

  private static void throwIfAny(List<Map<String, Object>> errors) {
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.valueOf(errors.get(0).get("message")));
    }
  }

  private StoredOrder requireOrder(String orderId) {
    StoredOrder order = state.order(orderId);
    if (order == null) {
      throw new IllegalArgumentException("no order " + orderId);
    }
    return order;
  }

  private static Map<String, Object> lineInput(LineItem line, int quantity, String restockType) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("lineItemId", line.id());
    input.put("quantity", quantity);
    input.put("restockType", restockType);
    return input;
  }

  private static List<BigDecimal> zeros(int size) {
    List<BigDecimal> zeros = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      zeros.add(BigDecimal.ZERO);
    }
    return zeros;
  }

  private static String[] field(List<String> prefix, String last) {
    List<String> field = new ArrayList<>(prefix);
    field.add(last);
    return field.toArray(String[]::new);
  }

  // ---- returns ---------------------------------------------------------------------------------

  /**
   * {@code returnCreate}: an OPEN return of fulfilled units, by fulfillment line item; fires {@code
   * returns/approve} (the reference's likeliest reading: 2026-07 has no {@code returns/create}) and
   * {@code orders/updated}.
   */
  Outcome<Return> createReturn(Map<String, Object> input) {
    synchronized (state) {
      String orderId = String.valueOf(input.get("orderId"));
      StoredOrder order = state.order(orderId);
      if (order == null) {
        return new Outcome<>(
            null,
            List.of(
                ShopState.userError(
                    "NOT_FOUND", "Order does not exist", "returnInput", "orderId")));
      }
      List<Map<String, Object>> errors = new ArrayList<>();
      List<Map<String, Object>> lineInputs = ShopState.maps(input.get("returnLineItems"));
      if (lineInputs.isEmpty()) {
        errors.add(
            ShopState.userError(
                "BLANK", "Return line items can't be blank", "returnInput", "returnLineItems"));
      }
      Map<FulfillmentLine, Integer> taken = new HashMap<>();
      List<ReturnLine> lines = new ArrayList<>();
      for (int i = 0; i < lineInputs.size(); i++) {
        Map<String, Object> lineInput = lineInputs.get(i);
        String index = String.valueOf(i);
        String lineId = String.valueOf(lineInput.get("fulfillmentLineItemId"));
        FulfillmentLine line = fulfillmentLine(order, lineId);
        if (line == null) {
          errors.add(
              ShopState.userError(
                  "NOT_FOUND",
                  "Fulfillment line item does not exist",
                  "returnInput",
                  "returnLineItems",
                  index,
                  "fulfillmentLineItemId"));
          continue;
        }
        if (lineInput.get("returnReasonDefinitionId") != null) {
          errors.add(
              ShopState.userError(
                  "NOT_FOUND",
                  "Return reason definition does not exist",
                  "returnInput",
                  "returnLineItems",
                  index,
                  "returnReasonDefinitionId"));
          continue;
        }
        int quantity = lineInput.get("quantity") instanceof Number n ? n.intValue() : 0;
        int returnable =
            line.quantity() - returnedQuantity(order, line) - taken.getOrDefault(line, 0);
        if (quantity <= 0 || quantity > returnable) {
          errors.add(
              ShopState.userError(
                  quantity <= 0 ? "GREATER_THAN" : "LESS_THAN_OR_EQUAL_TO",
                  "Quantity must be between 1 and the returnable quantity " + returnable,
                  "returnInput",
                  "returnLineItems",
                  index,
                  "quantity"));
          continue;
        }
        taken.merge(line, quantity, Integer::sum);
        long number = state.nextId();
        long reverseNumber = state.nextId();
        lines.add(
            new ReturnLine(
                ShopState.gid("ReturnLineItem", number),
                number,
                line,
                quantity,
                ShopState.string(lineInput.get("returnReason"), "UNKNOWN"),
                ShopState.string(lineInput.get("returnReasonNote"), ""),
                ShopState.gid("ReverseFulfillmentOrderLineItem", reverseNumber),
                reverseNumber));
      }
      if (!errors.isEmpty()) {
        return new Outcome<>(null, errors);
      }
      Instant now = state.nowSeconds();
      OrderLife life = order.life();
      long number = state.nextId();
      long reverseNumber = state.nextId();
      Return created =
          new Return(
              ShopState.gid("Return", number),
              number,
              order.name() + "-R" + (life.returns.size() + 1),
              order,
              now,
              lines,
              ShopState.gid("ReverseFulfillmentOrder", reverseNumber),
              reverseNumber);
      life.returns.add(created);
      returns.put(created.id, created);
      desk.touch(order, now);
      webhooks.publish("RETURNS_APPROVE", WebhookPayloads.returnOf(created));
      desk.publishOrder("ORDERS_UPDATED", order);
      return new Outcome<>(created, List.of());
    }
  }

  /** {@code returnClose}: an OPEN return becomes CLOSED; fires {@code returns/close}. */
  Outcome<Return> closeReturn(String id) {
    synchronized (state) {
      Return found = returns.get(id);
      if (found == null) {
        return new Outcome<>(
            null, List.of(ShopState.userError("NOT_FOUND", "Return does not exist", "id")));
      }
      if (!found.status.equals("OPEN")) {
        return new Outcome<>(
            null,
            List.of(
                ShopState.userError(
                    "INVALID_STATE",
                    "Return must be open to be closed; it is " + found.status,
                    "id")));
      }
      Instant now = state.nowSeconds();
      close(found, now);
      desk.touch(found.order, now);
      desk.publishOrder("ORDERS_UPDATED", found.order);
      return new Outcome<>(found, List.of());
    }
  }

  /**
   * The customer asks and the merchant opens a return of fulfilled units by SKU, taken from the
   * order's fulfillments oldest first.
   *
   * @return the return's gid
   */
  String requestReturn(String orderId, Map<String, Integer> quantityBySku) {
    Objects.requireNonNull(quantityBySku, "quantityBySku");
    if (quantityBySku.isEmpty()) {
      throw new IllegalArgumentException("quantityBySku must not be empty");
    }
    synchronized (state) {
      StoredOrder order = state.order(orderId);
      if (order == null) {
        throw new IllegalArgumentException("no order " + orderId);
      }
      List<Map<String, Object>> lineInputs = new ArrayList<>();
      for (Map.Entry<String, Integer> entry : quantityBySku.entrySet()) {
        String sku = entry.getKey();
        int left = entry.getValue() == null ? 0 : entry.getValue();
        if (left <= 0) {
          throw new IllegalArgumentException("quantity of SKU " + sku + " must be positive");
        }
        for (Fulfillment fulfillment : order.life().fulfillments) {
          if (!fulfillment.active()) {
            continue;
          }
          for (FulfillmentLine line : fulfillment.lines) {
            if (left > 0 && Objects.equals(sku, line.lineItem().sku())) {
              int taken = Math.min(left, line.quantity() - returnedQuantity(order, line));
              if (taken > 0) {
                lineInputs.add(Map.of("fulfillmentLineItemId", line.id(), "quantity", taken));
                left -= taken;
              }
            }
          }
        }
        if (left > 0) {
          throw new IllegalArgumentException(
              "only "
                  + (entry.getValue() - left)
                  + " fulfilled units of SKU "
                  + sku
                  + " can be returned on order "
                  + orderId);
        }
      }
      Outcome<Return> outcome =
          createReturn(Map.of("orderId", orderId, "returnLineItems", lineInputs));
      if (!outcome.userErrors().isEmpty()) {
        throw new IllegalArgumentException(
            String.valueOf(outcome.userErrors().get(0).get("message")));
      }
      return outcome.value().id;
    }
  }

  /** The merchant closes a return. */
  void closeReturnOrThrow(String returnId) {
    Outcome<Return> outcome = closeReturn(returnId);
    if (!outcome.userErrors().isEmpty()) {
      throw new IllegalArgumentException(
          String.valueOf(outcome.userErrors().get(0).get("message")));
    }
  }

  /** CLOSED from now on; fires {@code returns/close}. */
  private void close(Return found, Instant now) {
    found.status = "CLOSED";
    found.closedAt = now;
    webhooks.publish("RETURNS_CLOSE", WebhookPayloads.returnClosed(found));
  }

  /** Units of one return line {@code returnProcess} processes, with their dispositions. */
  private record Processing(
      ReturnLine line, int quantity, List<PlannedDisposition> dispositions, String index) {

    int restocked() {
      return dispositions.stream()
          .filter(d -> d.type().equals("RESTOCKED"))
          .mapToInt(PlannedDisposition::quantity)
          .sum();
    }
  }

  private record PlannedDisposition(int quantity, String type, Location location) {}

  /**
   * {@code returnProcess}: confirms units of an OPEN return. Each processed unit counts in its
   * line's {@code processedQuantity}; dispositions record what became of units (RESTOCKED ones go
   * back in stock at their location; NOT_RESTOCKED, PROCESSING_REQUIRED and MISSING leave stock
   * alone). With {@code financialTransfer.issueRefund} the processed units (and {@code
   * refundShipping}) are refunded with the same arithmetic as {@code refundCreate}: the refund line
   * items are RETURN for restocked units and NO_RESTOCK for the others, without restocking again.
   * When every unit of the return is processed the return closes. Fires {@code
   * reverse_fulfillment_orders/dispose} (with dispositions), {@code returns/process}, {@code
   * refunds/create} (with a refund), {@code returns/close} (when it closes) and {@code
   * orders/updated}. Validates everything first; changes nothing when any part is refused.
   */
  Outcome<Return> processReturn(Map<String, Object> input) {
    synchronized (state) {
      Return found = returns.get(String.valueOf(input.get("returnId")));
      if (found == null) {
        return new Outcome<>(
            null,
            List.of(
                ShopState.userError("NOT_FOUND", "Return does not exist", "input", "returnId")));
      }
      if (!found.status.equals("OPEN")) {
        return new Outcome<>(
            null,
            List.of(
                ShopState.userError(
                    "INVALID_STATE",
                    "Return must be open to be processed; it is " + found.status,
                    "input",
                    "returnId")));
      }
      StoredOrder order = found.order;
      List<Map<String, Object>> errors = new ArrayList<>();
      List<Map<String, Object>> lineInputs = ShopState.maps(input.get("returnLineItems"));
      if (lineInputs.isEmpty()) {
        errors.add(
            ShopState.userError(
                "BLANK", "Return line items can't be blank", "input", "returnLineItems"));
      }
      Map<ReturnLine, Integer> taken = new HashMap<>();
      List<Processing> processing = new ArrayList<>();
      for (int i = 0; i < lineInputs.size(); i++) {
        Map<String, Object> lineInput = lineInputs.get(i);
        String index = String.valueOf(i);
        ReturnLine line = found.line(String.valueOf(lineInput.get("id")));
        if (line == null) {
          errors.add(
              ShopState.userError(
                  "NOT_FOUND",
                  "Return line item does not exist on this return",
                  "input",
                  "returnLineItems",
                  index,
                  "id"));
          continue;
        }
        int quantity = lineInput.get("quantity") instanceof Number n ? n.intValue() : 0;
        int processable = line.unprocessedQuantity() - taken.getOrDefault(line, 0);
        if (quantity <= 0 || quantity > processable) {
          errors.add(
              ShopState.userError(
                  quantity <= 0 ? "GREATER_THAN" : "LESS_THAN_OR_EQUAL_TO",
                  "Quantity must be between 1 and the processable quantity " + processable,
                  "input",
                  "returnLineItems",
                  index,
                  "quantity"));
          continue;
        }
        List<PlannedDisposition> dispositions = dispositions(line, lineInput, index, errors);
        if (dispositions == null) {
          continue;
        }
        if (dispositions.stream().mapToInt(PlannedDisposition::quantity).sum() > quantity) {
          errors.add(
              ShopState.userError(
                  "INVALID",
                  "Dispositions cannot dispose of more units than are processed (" + quantity + ")",
                  "input",
                  "returnLineItems",
                  index,
                  "dispositions"));
          continue;
        }
        taken.merge(line, quantity, Integer::sum);
        processing.add(new Processing(line, quantity, dispositions, index));
      }

      Map<String, Object> issueRefund =
          ShopState.map(ShopState.map(input.get("financialTransfer")).get("issueRefund"));
      boolean refunding = ShopState.map(input.get("financialTransfer")).get("issueRefund") != null;
      Map<String, Object> refundShipping = ShopState.map(input.get("refundShipping"));
      ShippingRequest shippingRequest = null;
      if (refundShipping.get("shippingRefundAmount") != null) {
        Map<String, Object> amount = ShopState.map(refundShipping.get("shippingRefundAmount"));
        BigDecimal value =
            money(amount.get("amount"), errors, "input", "refundShipping", "shippingRefundAmount");
        checkCurrency(order, amount, errors, "input", "refundShipping", "shippingRefundAmount");
        if (value.signum() < 0) {
          errors.add(
              ShopState.userError(
                  "GREATER_THAN_OR_EQUAL_TO",
                  "Shipping refund amount must not be negative",
                  "input",
                  "refundShipping",
                  "shippingRefundAmount"));
        } else if (value.signum() > 0) {
          shippingRequest =
              new ShippingRequest(
                  value, List.of("input", "refundShipping", "shippingRefundAmount"));
        }
      } else if (Boolean.TRUE.equals(refundShipping.get("fullRefund"))) {
        shippingRequest =
            new ShippingRequest(null, List.of("input", "refundShipping", "fullRefund"));
      }
      if (shippingRequest != null && !refunding) {
        errors.add(
            ShopState.userError(
                "INVALID",
                "Refunding shipping needs financialTransfer.issueRefund",
                "input",
                "refundShipping"));
      }

      Plan plan = null;
      List<RefundTransactionRequest> transactions = new ArrayList<>();
      if (refunding && errors.isEmpty()) {
        List<LineRequest> requests = new ArrayList<>();
        for (Processing p : processing) {
          requests.addAll(lineRequests(p));
        }
        List<Map<String, Object>> planErrors = new ArrayList<>();
        plan = plan(order, requests, shippingRequest, planErrors);
        List<Map<String, Object>> transactionInputs =
            ShopState.maps(issueRefund.get("orderTransactions"));
        for (int i = 0; i < transactionInputs.size(); i++) {
          Map<String, Object> transaction = transactionInputs.get(i);
          String[] field = {
            "input", "financialTransfer", "issueRefund", "orderTransactions", String.valueOf(i)
          };
          PaymentTransaction parent =
              order.transaction(String.valueOf(transaction.get("parentId")));
          if (parent == null || !parent.captured()) {
            errors.add(
                ShopState.userError(
                    "NOT_FOUND",
                    "Parent transaction must be a successful SALE or CAPTURE of the order",
                    field(List.of(field), "parentId")));
            continue;
          }
          Map<String, Object> amount = ShopState.map(transaction.get("transactionAmount"));
          String[] amountField = field(List.of(field), "transactionAmount");
          BigDecimal value = money(amount.get("amount"), errors, amountField);
          checkCurrency(order, amount, errors, amountField);
          if (value.signum() <= 0) {
            errors.add(
                ShopState.userError("GREATER_THAN", "Amount must be greater than 0", amountField));
            continue;
          }
          transactions.add(new RefundTransactionRequest(value, parent.gateway(), parent.id()));
        }
        checkOverRefund(
            order,
            transactions,
            Boolean.TRUE.equals(issueRefund.get("allowOverRefunding")),
            planErrors,
            List.of("input", "financialTransfer", "issueRefund", "orderTransactions"));
        for (Map<String, Object> planError : planErrors) {
          Map<String, Object> coded = new LinkedHashMap<>(planError);
          coded.put("code", "INVALID");
          errors.add(coded);
        }
      }
      if (!errors.isEmpty()) {
        return new Outcome<>(null, errors);
      }

      Instant now = state.nowSeconds();
      List<Disposition> made = new ArrayList<>();
      for (Processing p : processing) {
        p.line().processedQuantity += p.quantity();
        for (PlannedDisposition planned : p.dispositions()) {
          long number = state.nextId();
          Disposition disposition =
              new Disposition(
                  ShopState.gid("ReverseFulfillmentOrderDisposition", number),
                  number,
                  planned.quantity(),
                  planned.type(),
                  planned.location(),
                  now);
          p.line().dispositions.add(disposition);
          made.add(disposition);
          LineItem item = p.line().fulfillmentLine().lineItem();
          if (planned.type().equals("RESTOCKED") && item.variant() != null) {
            item.variant().available += planned.quantity();
          }
        }
      }
      if (!made.isEmpty()) {
        webhooks.publish(
            "REVERSE_FULFILLMENT_ORDERS_DISPOSE", WebhookPayloads.dispositions(found, made));
      }
      webhooks.publish("RETURNS_PROCESS", WebhookPayloads.returnProcessed(found));
      if (plan != null) {
        Refund refund =
            apply(
                order,
                plan,
                transactions,
                "REFUND_DISCREPANCY",
                ShopState.string(input.get("note"), null),
                Boolean.TRUE.equals(input.get("notifyCustomer")),
                found);
        found.refunds.add(refund);
        for (Processing p : processing) {
          p.line().refundedQuantity += p.quantity();
        }
      }
      if (found.fullyProcessed()) {
        close(found, now);
      }
      desk.touch(order, now);
      desk.publishOrder("ORDERS_UPDATED", order);
      return new Outcome<>(found, List.of());
    }
  }

  /**
   * The refund line items of processed return units: RETURN for the restocked ones, NO_RESTOCK for
   * the others; stock was already moved by the dispositions.
   */
  private static List<LineRequest> lineRequests(Processing p) {
    LineItem item = p.line().fulfillmentLine().lineItem();
    List<String> field = List.of("input", "returnLineItems", p.index());
    List<LineRequest> requests = new ArrayList<>();
    int restocked = Math.min(p.restocked(), p.quantity());
    if (restocked > 0) {
      requests.add(new LineRequest(item, restocked, "RETURN", true, false, field));
    }
    if (p.quantity() > restocked) {
      requests.add(
          new LineRequest(item, p.quantity() - restocked, "NO_RESTOCK", true, false, field));
    }
    return requests;
  }

  /** The line input's dispositions, or null (with errors added) when one is refused. */
  private List<PlannedDisposition> dispositions(
      ReturnLine line,
      Map<String, Object> lineInput,
      String index,
      List<Map<String, Object>> errors) {
    List<PlannedDisposition> dispositions = new ArrayList<>();
    List<Map<String, Object>> inputs = ShopState.maps(lineInput.get("dispositions"));
    boolean refused = false;
    for (int j = 0; j < inputs.size(); j++) {
      Map<String, Object> disposition = inputs.get(j);
      String[] field = {"input", "returnLineItems", index, "dispositions", String.valueOf(j)};
      String reverseLineId = String.valueOf(disposition.get("reverseFulfillmentOrderLineItemId"));
      if (!reverseLineId.equals(line.reverseLineId())) {
        errors.add(
            ShopState.userError(
                "INVALID",
                "Reverse fulfillment order line item "
                    + reverseLineId
                    + " is not the one of return line item "
                    + line.id(),
                field(List.of(field), "reverseFulfillmentOrderLineItemId")));
        refused = true;
        continue;
      }
      int quantity = disposition.get("quantity") instanceof Number n ? n.intValue() : 0;
      if (quantity <= 0) {
        errors.add(
            ShopState.userError(
                "GREATER_THAN",
                "Quantity must be greater than 0",
                field(List.of(field), "quantity")));
        refused = true;
        continue;
      }
      String type = String.valueOf(disposition.get("dispositionType"));
      Object locationId = disposition.get("locationId");
      Location location = null;
      if (locationId != null) {
        if (!state.location().id().equals(locationId)) {
          errors.add(
              ShopState.userError(
                  "NOT_FOUND", "Location does not exist", field(List.of(field), "locationId")));
          refused = true;
          continue;
        }
        location = state.location();
      } else if (type.equals("RESTOCKED")) {
        errors.add(
            ShopState.userError(
                "BLANK", "Location is required to restock", field(List.of(field), "locationId")));
        refused = true;
        continue;
      }
      dispositions.add(new PlannedDisposition(quantity, type, location));
    }
    return refused ? null : dispositions;
  }

  private static void checkCurrency(
      StoredOrder order,
      Map<String, Object> money,
      List<Map<String, Object>> errors,
      String... field) {
    Object currency = money.get("currencyCode");
    if (currency != null && !order.presentmentCurrency().equals(currency)) {
      errors.add(
          ShopState.userError(
              "INVALID",
              "Currency must be the order's presentment currency " + order.presentmentCurrency(),
              field(List.of(field), "currencyCode")));
    }
  }

  /**
   * The merchant processes returned units by SKU, as in the admin: units are taken from the
   * return's lines in order; each is disposed of as RESTOCKED at the shop location when {@code
   * restock}, else NOT_RESTOCKED; with {@code refund}, the units are refunded for what they are
   * worth with their taxes, capped at what is left to refund, against the order's first payment.
   *
   * @return the refund's gid, or null without {@code refund}
   */
  String processReturn(
      String returnId, Map<String, Integer> quantityBySku, boolean restock, boolean refund) {
    Objects.requireNonNull(quantityBySku, "quantityBySku");
    if (quantityBySku.isEmpty()) {
      throw new IllegalArgumentException("quantityBySku must not be empty");
    }
    synchronized (state) {
      Return found = returns.get(returnId);
      if (found == null) {
        throw new IllegalArgumentException("no return " + returnId);
      }
      StoredOrder order = found.order;
      Map<String, Integer> left = new HashMap<>();
      for (Map.Entry<String, Integer> entry : quantityBySku.entrySet()) {
        int quantity = entry.getValue() == null ? 0 : entry.getValue();
        if (quantity <= 0) {
          throw new IllegalArgumentException(
              "quantity of SKU " + entry.getKey() + " must be positive");
        }
        left.put(entry.getKey(), quantity);
      }
      // The return's lines in order, whatever order the map iterates in.
      List<Map<String, Object>> lineInputs = new ArrayList<>();
      List<Processing> processing = new ArrayList<>();
      for (ReturnLine line : found.lines) {
        String sku = line.fulfillmentLine().lineItem().sku();
        int quantity = Math.min(left.getOrDefault(sku, 0), line.unprocessedQuantity());
        if (quantity <= 0) {
          continue;
        }
        String type = restock ? "RESTOCKED" : "NOT_RESTOCKED";
        Map<String, Object> disposition = new LinkedHashMap<>();
        disposition.put("reverseFulfillmentOrderLineItemId", line.reverseLineId());
        disposition.put("quantity", quantity);
        disposition.put("dispositionType", type);
        disposition.put("locationId", state.location().id());
        lineInputs.add(
            Map.of("id", line.id(), "quantity", quantity, "dispositions", List.of(disposition)));
        processing.add(
            new Processing(
                line,
                quantity,
                List.of(new PlannedDisposition(quantity, type, state.location())),
                String.valueOf(processing.size())));
        left.merge(sku, -quantity, Integer::sum);
      }
      for (Map.Entry<String, Integer> entry : left.entrySet()) {
        if (entry.getValue() > 0) {
          throw new IllegalArgumentException(
              "only "
                  + (quantityBySku.get(entry.getKey()) - entry.getValue())
                  + " unprocessed units of SKU "
                  + entry.getKey()
                  + " are in return "
                  + returnId);
        }
      }
      Map<String, Object> input = new LinkedHashMap<>();
      input.put("returnId", returnId);
      input.put("returnLineItems", lineInputs);
      if (refund) {
        List<LineRequest> requests = new ArrayList<>();
        processing.forEach(p -> requests.addAll(lineRequests(p)));
        List<Map<String, Object>> errors = new ArrayList<>();
        Plan plan = plan(order, requests, null, errors);
        throwIfAny(errors);
        BigDecimal refundable =
            order.paid().subtract(order.life().totalRefunded()).max(BigDecimal.ZERO);
        BigDecimal amount = plan.calculated().min(refundable);
        List<Map<String, Object>> transactions = new ArrayList<>();
        PaymentTransaction parent =
            order.transactions().stream()
                .filter(PaymentTransaction::captured)
                .findFirst()
                .orElse(null);
        if (amount.signum() > 0 && parent != null) {
          transactions.add(
              Map.of(
                  "parentId",
                  parent.id(),
                  "transactionAmount",
                  Map.of(
                      "amount",
                      amount.toPlainString(),
                      "currencyCode",
                      order.presentmentCurrency())));
        }
        input.put(
            "financialTransfer", Map.of("issueRefund", Map.of("orderTransactions", transactions)));
      }
      Outcome<Return> outcome = processReturn(input);
      throwIfAny(outcome.userErrors());
      if (!refund) {
        return null;
      }
      return found.refunds.get(found.refunds.size() - 1).id;
    }
  }

  private static FulfillmentLine fulfillmentLine(StoredOrder order, String id) {
    for (Fulfillment fulfillment : order.life().fulfillments) {
      if (fulfillment.active()) {
        for (FulfillmentLine line : fulfillment.lines) {
          if (line.id().equals(id)) {
            return line;
          }
        }
      }
    }
    return null;
  }

  /** Units of the fulfillment line in returns that were not cancelled or declined. */
  private static int returnedQuantity(StoredOrder order, FulfillmentLine line) {
    int returned = 0;
    for (Return existing : order.life().returns) {
      if (existing.status.equals("OPEN") || existing.status.equals("CLOSED")) {
        for (ReturnLine returnLine : existing.lines) {
          if (returnLine.fulfillmentLine() == line) {
            returned += returnLine.quantity();
          }
        }
      }
    }
    return returned;
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static BigDecimal money(Object value, List<Map<String, Object>> errors, String... field) {
    if (value == null) {
      return BigDecimal.ZERO;
    }
    try {
      return new BigDecimal(String.valueOf(value));
    } catch (NumberFormatException e) {
      errors.add(error("Amount is not a valid amount", field));
      return BigDecimal.ZERO;
    }
  }

  /** A {@code UserError}, which has no code: {@code RefundCreatePayload.userErrors}. */
  private static Map<String, Object> error(String message, String... field) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("field", List.of(field));
    error.put("message", message);
    return error;
  }
}
