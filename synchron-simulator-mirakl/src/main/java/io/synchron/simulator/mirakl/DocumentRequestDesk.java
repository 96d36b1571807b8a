package io.synchron.simulator.mirakl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Accounting document requests (spec DR11, DR12, DR74): the operator asks the shop for an INVOICE
 * or a CREDIT_NOTE of a logistic order ({@code entity_type} PRODUCT_LOGISTIC_ORDER), the shop lists
 * them, reads their lines and uploads the document. Holds the {@link OrderBook}'s lock.
 *
 * <p>An INVOICE covers what the customer is charged: each line not refused, less its
 * cancellations (line {@code entity_type} PRODUCT_DEBIT, {@code entity_id} the order line id). A
 * CREDIT_NOTE covers the cancellations and refunds so far (PRODUCT_CREDIT_CANCEL and
 * PRODUCT_CREDIT_REFUND, {@code entity_id} the cancellation or refund id), and names the order's
 * last issued invoice request in {@code initial_documents}. Amounts are snapshotted at creation.
 * Every request requires one PDF; {@code issue_date} starts at the creation date and {@code
 * due_date} 30 days later, until DR74 sets them.
 *
 * <p>DR74 answers 200 echoing every request entry, with {@code errors} on those refused; the
 * spec declares no error codes, so they follow Mirakl's naming. A request entry is refused if its
 * request is unknown or not TO_PROCESS, appears twice, names a file that was not sent, a file name
 * twice or not US-ASCII, a format the request does not require, or omits one it requires (all
 * formats must come at once, per the spec). The spec describes no check of the amounts, so none is
 * made. A malformed call (no {@code documents_input} or {@code files}, a missing required field,
 * more than 50 documents) is a 400 VALIDATION_ERROR.
 */
final class DocumentRequestDesk {
  static final String ENTITY_TYPE = "PRODUCT_LOGISTIC_ORDER";
  static final Set<String> TYPES = Set.of("INVOICE", "CREDIT_NOTE");
  static final Set<String> STATES = Set.of("STAGING", "TO_PROCESS", "ISSUED", "CANCELED");
  static final Set<String> ISSUER_TYPES = Set.of("OPERATOR", "SHOP");
  static final Set<String> ENTITY_TYPES =
      Set.of(
          "PRODUCT_LOGISTIC_ORDER",
          "SHOP_BILLING_CYCLE_PURCHASE_ORDER",
          "LOGISTIC_PURCHASE_ORDER",
          "FEES",
          "ONE_OFF_FEES");
  static final int MAX_DOCUMENTS_PER_CALL = 50;
  private static final Duration PAYMENT_TERM = Duration.ofDays(30);
  private static final String FORMAT = "PDF";

  private final OrderBook book;
  private final long shopId;
  private final Map<String, Request> requests = new LinkedHashMap<>();
  private int sequence;

  DocumentRequestDesk(OrderBook book, Long shopId) {
    this.book = book;
    this.shopId = shopId == null ? 1L : shopId;
  }

  /** The operator creates a request; see {@link MiraklSimulator#requestDocument}. */
  String create(String orderId, String type) {
    if (type == null || !TYPES.contains(type)) {
      throw new IllegalArgumentException("type must be INVOICE or CREDIT_NOTE, not " + type);
    }
    synchronized (book) {
      SimOrder order = book.find(orderId);
      Instant now = book.now();
      String id = UUID.randomUUID().toString();
      List<Line> lines = type.equals("INVOICE") ? invoiceLines(order) : creditLines(order);
      if (lines.isEmpty()) {
        throw new IllegalStateException(
            "order " + orderId + " has nothing to put on a " + type + " in state " + order.state);
      }
      Request request = new Request(id, ++sequence, order, type, lines, now);
      if (type.equals("CREDIT_NOTE")) {
        for (Request other : requests.values()) {
          if (other.order == order
              && other.type.equals("INVOICE")
              && other.state.equals("ISSUED")) {
            request.initialInvoice = other;
          }
        }
      }
      requests.put(id, request);
      return id;
    }
  }

  private static List<Line> invoiceLines(SimOrder order) {
    List<Line> lines = new ArrayList<>();
    for (SimLine line : order.lines) {
      int quantity = line.quantity - line.canceledQuantity();
      if (line.state.equals("REFUSED") || quantity <= 0) {
        continue;
      }
      Adjustment.Totals left = line.paid().minus(line.canceled());
      lines.add(new Line(line.id, "PRODUCT_DEBIT", line, quantity, left));
    }
    return lines;
  }

  private static List<Line> creditLines(SimOrder order) {
    List<Line> lines = new ArrayList<>();
    for (SimLine line : order.lines) {
      for (SimLine.Cancelation cancelation : line.cancelations) {
        lines.add(
            new Line(
                cancelation.id(),
                "PRODUCT_CREDIT_CANCEL",
                line,
                cancelation.quantity(),
                cancelation.amounts()));
      }
      for (SimLine.Refund refund : line.refunds) {
        lines.add(
            new Line(refund.id, "PRODUCT_CREDIT_REFUND", line, refund.quantity, refund.amounts));
      }
    }
    return lines;
  }

  /** Snapshots of the requests about {@code orderId}, in creation order. */
  List<DocumentRequestView> views(String orderId) {
    synchronized (book) {
      book.find(orderId);
      List<DocumentRequestView> views = new ArrayList<>();
      for (Request request : requests.values()) {
        if (request.order.orderId.equals(orderId)) {
          views.add(
              new DocumentRequestView(
                  request.id,
                  orderId,
                  request.type,
                  request.state,
                  request.documentNumber,
                  request.files.size(),
                  request.excludingTaxes(),
                  request.taxAmount(),
                  request.excludingTaxes().add(request.taxAmount())));
        }
      }
      return views;
    }
  }

  /** A copy of the bytes of a file DR74 stored on a request. */
  byte[] content(String requestId, String fileName) {
    synchronized (book) {
      Request request = requests.get(requestId);
      if (request == null || !request.files.containsKey(fileName)) {
        throw new IllegalArgumentException("no file " + fileName + " on request " + requestId);
      }
      return request.files.get(fileName).clone();
    }
  }

  /** The order a request is about, or null if the request is unknown. */
  String orderOf(String requestId) {
    synchronized (book) {
      Request request = requestId == null ? null : requests.get(requestId);
      return request == null ? null : request.order.orderId;
    }
  }

  /** DR11. */
  ObjectNode list(Query query) {
    synchronized (book) {
      List<Request> matching = new ArrayList<>();
      for (Request request : requests.values()) {
        if (query.matches(request)) {
          matching.add(request);
        }
      }
      Comparator<Request> order =
          Comparator.comparing((Request r) -> r.created).thenComparingInt(r -> r.sequence);
      matching.sort(query.descending() ? order.reversed() : order);
      ObjectNode body = book.mapper().createObjectNode();
      ArrayNode data = body.putArray("data");
      int from = Math.min(query.offset(), matching.size());
      int to = Math.min(from + query.limit(), matching.size());
      for (Request request : matching.subList(from, to)) {
        render(request, data.addObject());
      }
      if (to < matching.size()) {
        body.put("next_page_token", ShipmentDesk.ShipmentsQuery.token(to));
      }
      if (from > 0) {
        body.put(
            "previous_page_token",
            ShipmentDesk.ShipmentsQuery.token(Math.max(0, from - query.limit())));
      }
      return body;
    }
  }

  private void render(Request request, ObjectNode json) {
    SimOrder order = request.order;
    json.put("id", request.id);
    json.put("type", request.type);
    json.put("state", request.state);
    json.put("entity_id", order.orderId);
    json.put("entity_type", ENTITY_TYPE);
    json.put("entity_date_created", order.created.toString());
    json.put("currency_iso_code", order.currency);
    json.put("date_created", request.created.toString());
    json.put("last_updated", request.lastUpdated.toString());
    json.put("issue_date", request.issueDate.toString());
    json.put("due_date", request.dueDate.toString());
    json.put("initial_payment_state", order.customerDebitedDate == null ? "NOT_PAID" : "PAID");
    if (request.documentNumber != null) {
      json.put("document_number", request.documentNumber);
      json.put("document_upload_date", request.uploaded.toString());
    }
    json.putArray("document_details").addObject().put("format", FORMAT);
    ObjectNode issuer = json.putObject("issuer");
    issuer.put("type", "SHOP");
    issuer.put("id", Long.toString(shopId));
    issuer.putObject("organization").put("name", "Shop " + shopId);
    if (request.initialInvoice != null) {
      ObjectNode initial = json.putArray("initial_documents").addObject();
      initial.put("id", request.initialInvoice.id);
      initial.put("type", request.initialInvoice.type);
      initial.put("issue_date", request.initialInvoice.issueDate.toString());
      initial.put("number", request.initialInvoice.documentNumber);
    }
    BigDecimal excluding = request.excludingTaxes();
    BigDecimal tax = request.taxAmount();
    json.put("total_amount_excluding_taxes", excluding);
    json.put("total_tax_amount", tax);
    json.put("total_amount_including_taxes", excluding.add(tax));
    ArrayNode taxes = json.putArray("taxes");
    for (Map.Entry<BigDecimal, BigDecimal> entry : request.taxesByRate().entrySet()) {
      ObjectNode entryJson = taxes.addObject();
      entryJson.put("code", OrderRenderer.TAX_CODE);
      entryJson.put("rate", Money.rate(entry.getKey()));
      entryJson.put("total_amount", entry.getValue());
    }
  }

  /** DR12: the request's lines, in one page; a 404 if the request is unknown. */
  ObjectNode lines(String requestId) {
    synchronized (book) {
      Request request = requests.get(requestId);
      if (request == null) {
        throw new ApiError.Failure(
            new ApiError(
                404,
                "DOCUMENT_REQUEST_NOT_FOUND",
                "document_request_id",
                "Document request " + requestId + " does not exist"));
      }
      SimOrder order = request.order;
      ObjectNode body = book.mapper().createObjectNode();
      ArrayNode data = body.putArray("data");
      int index = 0;
      for (Line line : request.lines) {
        ObjectNode json = data.addObject();
        json.put("id", request.id + "-" + ++index);
        json.put("entity_id", line.entityId);
        json.put("entity_type", line.entityType);
        json.putObject("shop").put("id", shopId);
        json.put("quantity", line.quantity);
        BigDecimal price = line.priceExcludingTaxes(order);
        BigDecimal shipping = line.shippingExcludingTaxes(order);
        json.put(
            "unit_price_excluding_taxes",
            price.divide(BigDecimal.valueOf(line.quantity), order.digits, RoundingMode.HALF_UP));
        json.put("price_excluding_taxes", price);
        json.put("shipping_price_excluding_taxes", shipping);
        json.put(
            "total_price_including_taxes",
            price.add(shipping).add(line.amounts.tax()).add(line.amounts.shippingTax()));
        taxEntry(json.putArray("taxes"), line.amounts.tax(), line.line.taxRate);
        taxEntry(
            json.putArray("shipping_taxes"),
            line.amounts.shippingTax(),
            line.line.shippingTaxRate);
        ObjectNode orderJson = json.putObject("order");
        orderJson.put("id", order.orderId);
        orderJson.put("commercial_id", order.commercialId);
        orderJson.put("date_created", order.created.toString());
        json.putObject("order_line").put("id", line.line.id);
        ObjectNode product = json.putObject("product");
        product.put("title", line.line.title);
        product.put("sku", line.line.offerSku);
        ObjectNode reference = product.putArray("references").addObject();
        reference.put("type", "SHOP_SKU");
        reference.put("reference", line.line.offerSku);
      }
      return body;
    }
  }

  private static void taxEntry(ArrayNode taxes, BigDecimal amount, BigDecimal rate) {
    if (rate.signum() == 0) {
      return;
    }
    ObjectNode tax = taxes.addObject();
    tax.put("code", OrderRenderer.TAX_CODE);
    tax.put("amount", amount);
    tax.put("rate", Money.rate(rate));
  }

  /** DR74. {@code files} maps each uploaded file name to its bytes. */
  ObjectNode upload(
      List<UploadInput> inputs, Map<String, byte[]> files, Set<String> repeatedFiles) {
    int documents = inputs.stream().mapToInt(input -> input.files().size()).sum();
    if (documents > MAX_DOCUMENTS_PER_CALL) {
      throw new ApiError.Failure(
          ApiError.badRequest(
              "VALIDATION_ERROR",
              "documents_input.requests",
              "A maximum of "
                  + MAX_DOCUMENTS_PER_CALL
                  + " documents can be uploaded simultaneously"));
    }
    synchronized (book) {
      Set<String> named = new HashSet<>();
      Set<String> namedTwice = new HashSet<>(repeatedFiles);
      for (UploadInput input : inputs) {
        for (FileInput file : input.files()) {
          if (!named.add(file.name())) {
            namedTwice.add(file.name());
          }
        }
      }
      ObjectNode body = book.mapper().createObjectNode();
      ArrayNode answers = body.putArray("requests");
      Set<String> seen = new HashSet<>();
      Instant now = book.now();
      int index = 0;
      for (UploadInput input : inputs) {
        String field = "requests[" + index++ + "]";
        List<String[]> errors = errors(input, field, files, namedTwice, seen);
        ObjectNode answer = answers.addObject();
        if (errors.isEmpty()) {
          Request request = requests.get(input.requestId());
          request.state = "ISSUED";
          request.documentNumber = input.documentNumber();
          request.uploaded = now;
          request.lastUpdated = now;
          if (input.issueDate() != null) {
            request.issueDate = input.issueDate();
          }
          if (input.dueDate() != null) {
            request.dueDate = input.dueDate();
          }
          for (FileInput file : input.files()) {
            request.files.put(file.name(), files.get(file.name()).clone());
          }
        } else {
          ArrayNode errorArray = answer.putArray("errors");
          for (String[] error : errors) {
            ObjectNode json = errorArray.addObject();
            json.put("code", error[0]);
            json.put("field", error[1]);
            json.put("message", error[2]);
          }
        }
        echo(input, answer.putObject("input"));
      }
      return body;
    }
  }

  private List<String[]> errors(
      UploadInput input,
      String field,
      Map<String, byte[]> files,
      Set<String> namedTwice,
      Set<String> seen) {
    List<String[]> errors = new ArrayList<>();
    Request request = requests.get(input.requestId());
    if (request == null) {
      errors.add(
          new String[] {
            "DOCUMENT_REQUEST_NOT_FOUND",
            field + ".request_id",
            "Document request " + input.requestId() + " does not exist"
          });
      return errors;
    }
    if (!seen.add(input.requestId())) {
      errors.add(
          new String[] {
            "DUPLICATE_DOCUMENT_REQUEST",
            field + ".request_id",
            "Document request " + input.requestId() + " appears twice in the call"
          });
    }
    if (!request.state.equals("TO_PROCESS")) {
      errors.add(
          new String[] {
            "DOCUMENT_REQUEST_INVALID_STATE",
            field + ".request_id",
            "Document request " + input.requestId() + " is " + request.state + ", not TO_PROCESS"
          });
    }
    Set<String> formats = new LinkedHashSet<>();
    int fileIndex = 0;
    for (FileInput file : input.files()) {
      String fileField = field + ".files[" + fileIndex++ + "]";
      if (!FORMAT.equals(file.format())) {
        errors.add(
            new String[] {
              "INVALID_DOCUMENT_FORMAT",
              fileField + ".format",
              "Format " + file.format() + " is not required by this document request"
            });
      } else if (!formats.add(file.format())) {
        errors.add(
            new String[] {
              "DUPLICATE_DOCUMENT_FORMAT",
              fileField + ".format",
              "Format " + file.format() + " is given twice"
            });
      }
      if (!StandardCharsets.US_ASCII.newEncoder().canEncode(file.name())) {
        errors.add(
            new String[] {"INVALID_FILE_NAME", fileField + ".name", "File names must be US-ASCII"});
      }
      if (namedTwice.contains(file.name())) {
        errors.add(
            new String[] {
              "DUPLICATE_FILE_NAME", fileField + ".name", "Documents filenames must be distinct"
            });
      }
      if (!files.containsKey(file.name())) {
        errors.add(
            new String[] {
              "FILE_NOT_FOUND",
              fileField + ".name",
              "No file named " + file.name() + " was uploaded"
            });
      }
    }
    if (!formats.contains(FORMAT)) {
      errors.add(
          new String[] {
            "MISSING_DOCUMENT_FORMAT",
            field + ".files",
            "Every required format (" + FORMAT + ") must be uploaded at once"
          });
    }
    return errors;
  }

  private static void echo(UploadInput input, ObjectNode json) {
    json.put("request_id", input.requestId());
    json.put("document_number", input.documentNumber());
    if (input.issueDate() != null) {
      json.put("issue_date", input.issueDate().toString());
    }
    if (input.dueDate() != null) {
      json.put("due_date", input.dueDate().toString());
    }
    if (input.totalAmountExcludingTaxes() != null) {
      json.put("total_amount_excluding_taxes", input.totalAmountExcludingTaxes());
    }
    if (input.totalTaxAmount() != null) {
      json.put("total_tax_amount", input.totalTaxAmount());
    }
    ArrayNode files = json.putArray("files");
    for (FileInput file : input.files()) {
      ObjectNode fileJson = files.addObject();
      fileJson.put("format", file.format());
      fileJson.put("name", file.name());
    }
  }

  /** One {@code documents_input.requests[]} entry of DR74. */
  record UploadInput(
      String requestId,
      String documentNumber,
      Instant issueDate,
      Instant dueDate,
      BigDecimal totalAmountExcludingTaxes,
      BigDecimal totalTaxAmount,
      List<FileInput> files) {}

  /** One {@code files[]} entry of a DR74 request entry. */
  record FileInput(String format, String name) {}

  /** DR11 parameters; a null filter matches everything, an empty one nothing. */
  record Query(
      Set<String> ids,
      Set<String> documentNumbers,
      Set<String> states,
      Set<String> types,
      Set<String> issuerTypes,
      Set<String> entityIds,
      Set<String> entityTypes,
      Instant createdFrom,
      Instant createdTo,
      Instant updatedFrom,
      Instant updatedTo,
      Instant issuedFrom,
      Instant issuedTo,
      boolean onlyOtherEntityTypes,
      int limit,
      int offset,
      boolean descending) {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;

    boolean matches(Request request) {
      return !onlyOtherEntityTypes
          && (ids == null || ids.contains(request.id))
          && (documentNumbers == null || documentNumbers.contains(request.documentNumber))
          && (states == null || states.contains(request.state))
          && (types == null || types.contains(request.type))
          && (issuerTypes == null || issuerTypes.contains("SHOP"))
          && (entityTypes == null || entityTypes.contains(ENTITY_TYPE))
          && (entityIds == null || entityIds.contains(request.order.orderId))
          && within(request.created, createdFrom, createdTo)
          && within(request.lastUpdated, updatedFrom, updatedTo)
          && within(request.issueDate, issuedFrom, issuedTo);
    }

    private static boolean within(Instant instant, Instant from, Instant to) {
      return (from == null || !instant.isBefore(from)) && (to == null || !instant.isAfter(to));
    }
  }

  /** One line of a request, with its amounts in the order's native tax mode. */
  private record Line(
      String entityId, String entityType, SimLine line, int quantity, Adjustment.Totals amounts) {

    BigDecimal priceExcludingTaxes(SimOrder order) {
      return excluding(amounts.amount(), amounts.tax(), order);
    }

    BigDecimal shippingExcludingTaxes(SimOrder order) {
      return excluding(amounts.shipping(), amounts.shippingTax(), order);
    }

    private static BigDecimal excluding(BigDecimal amount, BigDecimal tax, SimOrder order) {
      return NewOrder.TAX_INCLUDED.equals(order.taxMode) ? amount.subtract(tax) : amount;
    }
  }

  /** Mutable state of one request. Guarded by the book. */
  private static final class Request {
    final String id;
    final int sequence;
    final SimOrder order;
    final String type;
    final List<Line> lines;
    final Instant created;
    final Map<String, byte[]> files = new LinkedHashMap<>();
    String state = "TO_PROCESS";
    Instant lastUpdated;
    Instant issueDate;
    Instant dueDate;
    Instant uploaded;
    String documentNumber;
    Request initialInvoice;

    Request(String id, int sequence, SimOrder order, String type, List<Line> lines, Instant now) {
      this.id = id;
      this.sequence = sequence;
      this.order = order;
      this.type = type;
      this.lines = List.copyOf(lines);
      this.created = now;
      this.lastUpdated = now;
      this.issueDate = now;
      this.dueDate = now.plus(PAYMENT_TERM);
    }

    BigDecimal excludingTaxes() {
      BigDecimal total = BigDecimal.ZERO.setScale(order.digits);
      for (Line line : lines) {
        total = total.add(line.priceExcludingTaxes(order)).add(line.shippingExcludingTaxes(order));
      }
      return total;
    }

    BigDecimal taxAmount() {
      BigDecimal total = BigDecimal.ZERO.setScale(order.digits);
      for (Line line : lines) {
        total = total.add(line.amounts.tax()).add(line.amounts.shippingTax());
      }
      return total;
    }

    /** Tax totals by rate (percent), zero rates left out. */
    Map<BigDecimal, BigDecimal> taxesByRate() {
      Map<BigDecimal, BigDecimal> totals = new LinkedHashMap<>();
      for (Line line : lines) {
        add(totals, line.line.taxRate, line.amounts.tax());
        add(totals, line.line.shippingTaxRate, line.amounts.shippingTax());
      }
      return totals;
    }

    private static void add(
        Map<BigDecimal, BigDecimal> totals, BigDecimal rate, BigDecimal amount) {
      if (rate.signum() == 0) {
        return;
      }
      BigDecimal key = rate.stripTrailingZeros();
      totals.merge(key, amount, BigDecimal::add);
    }
  }
}
