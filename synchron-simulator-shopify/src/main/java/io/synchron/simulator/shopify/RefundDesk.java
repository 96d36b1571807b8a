package io.synchron.simulator.shopify;

import io.synchron.simulator.shopify.OrderLife.Fulfillment;
import io.synchron.simulator.shopify.OrderLife.FulfillmentLine;
import io.synchron.simulator.shopify.OrderLife.FulfillmentOrder;
import io.synchron.simulator.shopify.OrderLife.FulfillmentOrderLine;
import io.synchron.simulator.shopify.OrderLife.Refund;
import io.synchron.simulator.shopify.OrderLife.RefundLine;
import io.synchron.simulator.shopify.OrderLife.RefundTransaction;
import io.synchron.simulator.shopify.OrderLife.Return;
import io.synchron.simulator.shopify.OrderLife.ReturnLine;
import io.synchron.simulator.shopify.ShopState.LineItem;
import io.synchron.simulator.shopify.ShopState.Outcome;
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
 * Refunds and returns of an order (reference §3.2, §3.3): {@code refundCreate} with its mandatory
 * {@code @idempotent} key, restocking per {@code RefundLineItemRestockType}, the financial status
 * that follows the money refunded, and OPEN returns of fulfilled units that can be closed. Every
 * method holds the {@link ShopState} monitor.
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

  /** Validates the whole input first; creates nothing when any part is refused. */
  private Outcome<Refund> createRefund(Map<String, Object> input) {
    List<Map<String, Object>> errors = new ArrayList<>();
    String orderId = String.valueOf(input.get("orderId"));
    StoredOrder order = state.order(orderId);
    if (order == null) {
      return new Outcome<>(null, List.of(error("Order does not exist", "orderId")));
    }
    OrderLife life = order.life();
    String currency = order.currency();
    if (input.get("currency") != null && !currency.equals(input.get("currency"))) {
      errors.add(error("Currency must match the order's currency " + currency, "currency"));
    }

    // Line items: per line, which units (unfulfilled or fulfilled) each entry takes.
    Map<LineItem, Integer> unfulfilledTaken = new HashMap<>();
    Map<LineItem, Integer> fulfilledTaken = new HashMap<>();
    List<PlannedLine> planned = new ArrayList<>();
    List<Map<String, Object>> lineInputs = ShopState.maps(input.get("refundLineItems"));
    for (int i = 0; i < lineInputs.size(); i++) {
      Map<String, Object> lineInput = lineInputs.get(i);
      String index = String.valueOf(i);
      String lineId = String.valueOf(lineInput.get("lineItemId"));
      LineItem line =
          order.lineItems().stream().filter(l -> l.id().equals(lineId)).findFirst().orElse(null);
      if (line == null) {
        errors.add(error("Line item does not exist", "refundLineItems", index, "lineItemId"));
        continue;
      }
      int quantity = lineInput.get("quantity") instanceof Number n ? n.intValue() : 0;
      if (quantity <= 0) {
        errors.add(
            error("Quantity must be greater than 0", "refundLineItems", index, "quantity"));
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
      int unfulfilledLeft = life.unfulfilledQuantity(line) - unfulfilledTaken.getOrDefault(line, 0);
      int fulfilledLeft =
          life.fulfilledQuantity(line)
              - life.refundedFulfilledQuantity(line)
              - fulfilledTaken.getOrDefault(line, 0);
      int refundable = Math.max(0, unfulfilledLeft) + Math.max(0, fulfilledLeft);
      if (quantity > refundable) {
        errors.add(
            error(
                "Quantity cannot refund more items than were purchased: "
                    + refundable
                    + " of line item "
                    + line.sku()
                    + " can be refunded",
                "refundLineItems",
                index,
                "quantity"));
        continue;
      }
      int fromUnfulfilled;
      switch (restockType) {
        case "CANCEL" -> fromUnfulfilled = quantity;
        case "RETURN" -> fromUnfulfilled = 0;
        default -> fromUnfulfilled = Math.min(quantity, Math.max(0, unfulfilledLeft));
      }
      int fromFulfilled = quantity - fromUnfulfilled;
      if (fromUnfulfilled > unfulfilledLeft) {
        errors.add(
            error(
                "Only unfulfilled items can be refunded with restock type CANCEL",
                "refundLineItems",
                index,
                "restockType"));
        continue;
      }
      if (fromFulfilled > fulfilledLeft) {
        errors.add(
            error(
                "Only fulfilled items can be refunded with restock type RETURN",
                "refundLineItems",
                index,
                "restockType"));
        continue;
      }
      unfulfilledTaken.merge(line, fromUnfulfilled, Integer::sum);
      fulfilledTaken.merge(line, fromFulfilled, Integer::sum);
      planned.add(new PlannedLine(line, quantity, restockType, fromUnfulfilled, fromFulfilled));
    }

    // Shipping.
    BigDecimal shipping = BigDecimal.ZERO;
    Map<String, Object> shippingInput = ShopState.map(input.get("shipping"));
    BigDecimal shippingLeft = order.shippingTotal().subtract(life.shippingRefunded());
    if (Boolean.TRUE.equals(shippingInput.get("fullRefund"))) {
      shipping = shippingLeft;
    } else if (shippingInput.get("amount") != null) {
      shipping = money(shippingInput.get("amount"), errors, "shipping", "amount");
      if (shipping.signum() < 0) {
        errors.add(error("Shipping amount must not be negative", "shipping", "amount"));
      } else if (shipping.compareTo(shippingLeft) > 0) {
        errors.add(
            error(
                "Shipping amount "
                    + shipping.toPlainString()
                    + " exceeds the refundable shipping of "
                    + shippingLeft.toPlainString()
                    + " "
                    + currency,
                "shipping",
                "amount"));
      }
    }

    // Transactions: the money that goes back.
    List<Map<String, Object>> transactionInputs = ShopState.maps(input.get("transactions"));
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < transactionInputs.size(); i++) {
      Map<String, Object> transaction = transactionInputs.get(i);
      String index = String.valueOf(i);
      if (!"REFUND".equals(transaction.get("kind"))) {
        errors.add(
            error("Transaction kind must be REFUND", "transactions", index, "kind"));
      }
      if (!orderId.equals(String.valueOf(transaction.get("orderId")))) {
        errors.add(
            error(
                "Transaction must belong to the refunded order", "transactions", index, "orderId"));
      }
      BigDecimal amount = money(transaction.get("amount"), errors, "transactions", index, "amount");
      if (amount.signum() <= 0) {
        errors.add(
            error("Amount must be greater than 0", "transactions", index, "amount"));
      }
      total = total.add(amount);
    }
    BigDecimal refundable = order.paid().subtract(life.totalRefunded());
    if (total.compareTo(refundable) > 0 && !Boolean.TRUE.equals(input.get("allowOverRefunding"))) {
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
              "transactions"));
    }
    if (planned.isEmpty()
        && shipping.signum() == 0
        && transactionInputs.isEmpty()
        && errors.isEmpty()) {
      errors.add(error("Refund must include line items, shipping or transactions", "orderId"));
    }
    if (!errors.isEmpty()) {
      return new Outcome<>(null, errors);
    }
    return new Outcome<>(apply(order, input, planned, shipping, transactionInputs), List.of());
  }

  private record PlannedLine(
      LineItem line, int quantity, String restockType, int fromUnfulfilled, int fromFulfilled) {}

  private Refund apply(
      StoredOrder order,
      Map<String, Object> input,
      List<PlannedLine> planned,
      BigDecimal shipping,
      List<Map<String, Object>> transactionInputs) {
    OrderLife life = order.life();
    Instant now = state.nowSeconds();
    List<RefundLine> lines = new ArrayList<>();
    for (PlannedLine plan : planned) {
      LineItem line = plan.line();
      life.currentQuantity(line, life.currentQuantity(line) - plan.quantity());
      if (plan.fromFulfilled() > 0) {
        life.refundFulfilled(line, plan.fromFulfilled());
      }
      if (plan.fromUnfulfilled() > 0) {
        takeOffFulfillmentOrders(life, line, plan.fromUnfulfilled(), now);
      }
      if (!plan.restockType().equals("NO_RESTOCK") && line.variant() != null) {
        line.variant().available += plan.quantity();
      }
      long number = state.nextId();
      lines.add(
          new RefundLine(
              ShopState.gid("RefundLineItem", number),
              number,
              line,
              plan.quantity(),
              plan.restockType(),
              state.location(),
              line.unitPrice().multiply(BigDecimal.valueOf(plan.quantity()))));
    }
    List<RefundTransaction> transactions = new ArrayList<>();
    for (Map<String, Object> transaction : transactionInputs) {
      long number = state.nextId();
      transactions.add(
          new RefundTransaction(
              ShopState.gid("OrderTransaction", number),
              number,
              new BigDecimal(String.valueOf(transaction.get("amount"))),
              "REFUND",
              ShopState.string(transaction.get("gateway"), order.gateway()),
              ShopState.string(transaction.get("parentId"), null),
              "SUCCESS",
              now));
    }
    long number = state.nextId();
    Refund refund =
        new Refund(
            ShopState.gid("Refund", number),
            number,
            order,
            now,
            ShopState.string(input.get("note"), null),
            lines,
            shipping,
            transactions,
            Boolean.TRUE.equals(input.get("notify")));
    life.refunds.add(refund);
    refunds.put(refund.id, refund);
    desk.touch(order, now);
    desk.settleClosed(order);
    webhooks.publish("REFUNDS_CREATE", WebhookPayloads.refund(refund));
    desk.publishOrder("ORDERS_UPDATED", order);
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
   * then fulfilled ones (restocked as RETURN), plus shipping; the money is the units' price plus
   * the shipping, capped at what is left to refund, back through the order's gateway.
   */
  String refund(
      String orderId,
      Map<String, Integer> quantityBySku,
      boolean restock,
      BigDecimal shippingAmount,
      String note) {
    Objects.requireNonNull(quantityBySku, "quantityBySku");
    synchronized (state) {
      StoredOrder order = state.order(orderId);
      if (order == null) {
        throw new IllegalArgumentException("no order " + orderId);
      }
      OrderLife life = order.life();
      List<Map<String, Object>> lineInputs = new ArrayList<>();
      BigDecimal amount = BigDecimal.ZERO;
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
            amount = amount.add(line.unitPrice().multiply(BigDecimal.valueOf(unfulfilled)));
            left -= unfulfilled;
          }
          int fulfilled =
              Math.min(
                  left, life.fulfilledQuantity(line) - life.refundedFulfilledQuantity(line));
          if (fulfilled > 0) {
            lineInputs.add(lineInput(line, fulfilled, restock ? "RETURN" : "NO_RESTOCK"));
            amount = amount.add(line.unitPrice().multiply(BigDecimal.valueOf(fulfilled)));
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
        amount = amount.add(shippingAmount);
      }
      BigDecimal refundable = order.paid().subtract(life.totalRefunded()).max(BigDecimal.ZERO);
      amount = amount.min(refundable);
      if (amount.signum() > 0) {
        Map<String, Object> transaction = new LinkedHashMap<>();
        transaction.put("orderId", orderId);
        transaction.put("amount", amount.toPlainString());
        transaction.put("gateway", order.gateway());
        transaction.put("kind", "REFUND");
        input.put("transactions", List.of(transaction));
      }
      input.put("note", note);
      input.put("notify", false);
      Outcome<Refund> outcome = createRefund(input);
      if (!outcome.userErrors().isEmpty()) {
        throw new IllegalArgumentException(
            String.valueOf(outcome.userErrors().get(0).get("message")));
      }
      return outcome.value().id;
    }
  }

  private static Map<String, Object> lineInput(LineItem line, int quantity, String restockType) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("lineItemId", line.id());
    input.put("quantity", quantity);
    input.put("restockType", restockType);
    return input;
  }

  // ---- returns ---------------------------------------------------------------------------------

  /**
   * {@code returnCreate}: an OPEN return of fulfilled units, by fulfillment line item; fires
   * {@code returns/approve} (the reference's likeliest reading: 2026-07 has no {@code
   * returns/create}) and {@code orders/updated}.
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
        lines.add(
            new ReturnLine(
                ShopState.gid("ReturnLineItem", number),
                number,
                line,
                quantity,
                ShopState.string(lineInput.get("returnReason"), "UNKNOWN"),
                ShopState.string(lineInput.get("returnReasonNote"), "")));
      }
      if (!errors.isEmpty()) {
        return new Outcome<>(null, errors);
      }
      Instant now = state.nowSeconds();
      OrderLife life = order.life();
      long number = state.nextId();
      Return created =
          new Return(
              ShopState.gid("Return", number),
              number,
              order.name() + "-R" + (life.returns.size() + 1),
              order,
              now,
              lines);
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
      found.status = "CLOSED";
      found.closedAt = now;
      desk.touch(found.order, now);
      webhooks.publish("RETURNS_CLOSE", WebhookPayloads.returnOf(found));
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

  private static BigDecimal money(
      Object value, List<Map<String, Object>> errors, String... field) {
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
