package io.synchron.simulator.mirakl;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the bodies of the write operations into the simulator's inputs. Malformed input is a 400
 * VALIDATION_ERROR naming the field. Scalars are read leniently where the spec's own examples are
 * (OR30's example sends {@code reason_code} as a number, OR28's tax amounts as strings).
 */
final class RequestParser {
  /** The most entries ST01, ST23 and ST24 take in one call. */
  static final int MAX_SHIPMENTS = 1000;

  private final JsonMapper mapper;

  RequestParser(JsonMapper mapper) {
    this.mapper = mapper;
  }

  JsonNode object(String body) {
    JsonNode root;
    try {
      root = body.isBlank() ? null : mapper.readTree(body);
    } catch (JacksonException e) {
      throw invalid(null, "Malformed JSON body: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw invalid(null, "The body must be a JSON object");
    }
    return root;
  }

  /** OR23. */
  ShipmentDesk.TrackingInput orderTracking(String body) {
    JsonNode root = object(body);
    return new ShipmentDesk.TrackingInput(
        text(root, "carrier_code", ""),
        text(root, "carrier_name", ""),
        text(root, "carrier_standard_code", ""),
        text(root, "carrier_url", ""),
        text(root, "tracking_number", ""));
  }

  /** OR28 ({@code listField} refunds) or OR30 (cancelations). */
  List<Adjustment.Request> adjustments(JsonNode root, String listField, boolean quantityRequired) {
    String taxMode = taxMode(root);
    List<Adjustment.Request> requests = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : array(root, listField, true)) {
      String field = listField + "[" + index++ + "]";
      requireObject(entry, field);
      Integer quantity = integer(entry, "quantity", field + ".");
      if (quantityRequired && quantity == null) {
        throw invalid(field + ".quantity", "quantity is required");
      }
      if (quantity != null && quantity < 0) {
        throw invalid(field + ".quantity", "quantity must not be negative");
      }
      requests.add(
          new Adjustment.Request(
              required(text(entry, "order_line_id", field + "."), field + ".order_line_id"),
              required(decimal(entry, "amount", field + "."), field + ".amount"),
              required(decimal(entry, "shipping_amount", field + "."), field + ".shipping_amount"),
              quantity == null ? 0 : quantity,
              required(text(entry, "reason_code", field + "."), field + ".reason_code"),
              taxes(entry, "taxes", field + "."),
              taxes(entry, "shipping_taxes", field + "."),
              taxMode,
              field));
    }
    return requests;
  }

  /** OR64: the incident resolution reason. */
  String incidentResolution(String body) {
    return required(text(object(body), "reason_code", ""), "reason_code");
  }

  /** RT01: the returns the shop creates. */
  List<ReturnDesk.CreationInput> returnCreations(String body) {
    List<ReturnDesk.CreationInput> inputs = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : returnArray(body, ReturnDesk.MAX_CREATIONS)) {
      String field = "returns[" + index++ + "]";
      String prefix = field + ".";
      String commercialId =
          required(text(entry, "order_commercial_id", prefix), prefix + "order_commercial_id");
      String method = required(text(entry, "method_code", prefix), prefix + "method_code");
      if (!ReturnDesk.METHODS.contains(method)) {
        throw invalid(prefix + "method_code", "method_code must be one of " + ReturnDesk.METHODS);
      }
      String reasonCode = text(entry, "reason_code", prefix);
      List<ReturnDesk.LineInput> lines = new ArrayList<>();
      int lineIndex = 0;
      for (JsonNode line : array(entry, "return_lines", true, prefix)) {
        String lineField = prefix + "return_lines[" + lineIndex++ + "]";
        requireObject(line, lineField);
        String linePrefix = lineField + ".";
        int quantity =
            required(integer(line, "quantity", linePrefix), linePrefix + "quantity");
        if (quantity < 1) {
          throw invalid(linePrefix + "quantity", "quantity must be at least 1");
        }
        // The schema requires a reason on each line, but the spec's own example gives it only on
        // the return: a line without one takes the return's.
        String lineReason = text(line, "reason_code", linePrefix);
        lines.add(
            new ReturnDesk.LineInput(
                required(text(line, "order_line_id", linePrefix), linePrefix + "order_line_id"),
                quantity,
                required(
                    lineReason != null ? lineReason : reasonCode, linePrefix + "reason_code")));
      }
      if (lines.size() > ReturnDesk.MAX_LINES) {
        throw invalid(
            prefix + "return_lines", "At most " + ReturnDesk.MAX_LINES + " return lines per return");
      }
      String rma = text(entry, "rma", prefix);
      if (rma != null && (rma.length() > 100 || !rma.matches("[0-9a-zA-Z_-]+"))) {
        throw invalid(
            prefix + "rma", "rma must be 1 to 100 letters, digits, '_' or '-'");
      }
      String labelUrl = text(entry, "label_url", prefix);
      if (labelUrl != null && labelUrl.length() > 2000) {
        throw invalid(prefix + "label_url", "label_url must be at most 2000 characters");
      }
      String description = text(entry, "description", prefix);
      if (description != null && description.length() > 2000) {
        throw invalid(prefix + "description", "description must be at most 2000 characters");
      }
      inputs.add(
          new ReturnDesk.CreationInput(
              commercialId,
              method,
              lines,
              reasonCode,
              rma,
              labelUrl,
              description,
              bool(entry, "accepted", prefix)));
    }
    return inputs;
  }

  /** RT21: each return accepted or refused. */
  List<ReturnDesk.DecisionInput> returnDecisions(String body) {
    List<ReturnDesk.DecisionInput> inputs = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : returnArray(body, ReturnDesk.MAX_UPDATES)) {
      String prefix = "returns[" + index++ + "].";
      inputs.add(
          new ReturnDesk.DecisionInput(
              required(text(entry, "id", prefix), prefix + "id"),
              required(bool(entry, "accepted", prefix), prefix + "accepted"),
              text(entry, "rejection_reason_code", prefix)));
    }
    return inputs;
  }

  /** RT25, RT27, RT29: the return ids. */
  List<String> returnIds(String body) {
    List<String> ids = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : returnArray(body, ReturnDesk.MAX_UPDATES)) {
      String prefix = "returns[" + index++ + "].";
      ids.add(required(text(entry, "id", prefix), prefix + "id"));
    }
    return ids;
  }

  /** RT26: each return's lines marked compliant or not. */
  List<ReturnDesk.ComplianceInput> returnCompliances(String body) {
    List<ReturnDesk.ComplianceInput> inputs = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : returnArray(body, ReturnDesk.MAX_UPDATES)) {
      String prefix = "returns[" + index++ + "].";
      List<ReturnDesk.LineCompliance> lines = new ArrayList<>();
      int lineIndex = 0;
      for (JsonNode line : array(entry, "return_lines", true, prefix)) {
        String lineField = prefix + "return_lines[" + lineIndex++ + "]";
        requireObject(line, lineField);
        String linePrefix = lineField + ".";
        String info = text(line, "non_compliance_additional_info", linePrefix);
        if (info != null && info.length() > 2000) {
          throw invalid(
              linePrefix + "non_compliance_additional_info",
              "non_compliance_additional_info must be at most 2000 characters");
        }
        lines.add(
            new ReturnDesk.LineCompliance(
                required(text(line, "order_line_id", linePrefix), linePrefix + "order_line_id"),
                required(bool(line, "compliant", linePrefix), linePrefix + "compliant"),
                text(line, "non_compliance_reason_code", linePrefix),
                info));
      }
      inputs.add(
          new ReturnDesk.ComplianceInput(required(text(entry, "id", prefix), prefix + "id"), lines));
    }
    return inputs;
  }

  private List<JsonNode> returnArray(String body, int max) {
    List<JsonNode> entries = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : array(object(body), "returns", true)) {
      requireObject(entry, "returns[" + index++ + "]");
      entries.add(entry);
    }
    if (entries.size() > max) {
      throw invalid("returns", "At most " + max + " returns may be given");
    }
    return entries;
  }

  String taxMode(JsonNode root) {
    String mode = text(root, "order_tax_mode", "");
    if (mode != null
        && !mode.equals(NewOrder.TAX_INCLUDED)
        && !mode.equals(NewOrder.TAX_EXCLUDED)) {
      throw invalid("order_tax_mode", "order_tax_mode must be TAX_INCLUDED or TAX_EXCLUDED");
    }
    return mode;
  }

  /** ST01. */
  List<ShipmentDesk.ShipmentInput> shipments(String body) {
    List<ShipmentDesk.ShipmentInput> inputs = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : shipmentArray(body)) {
      String field = "shipments[" + index++ + "].";
      List<ShipmentDesk.ShipmentLineInput> lines = new ArrayList<>();
      JsonNode lineArray = entry.get("shipment_lines");
      if (lineArray != null && !lineArray.isNull()) {
        if (!lineArray.isArray()) {
          throw invalid(field + "shipment_lines", "shipment_lines must be an array");
        }
        int lineIndex = 0;
        for (JsonNode line : lineArray) {
          String lineField = field + "shipment_lines[" + lineIndex++ + "]";
          requireObject(line, lineField);
          Integer quantity = integer(line, "quantity", lineField + ".");
          lines.add(
              new ShipmentDesk.ShipmentLineInput(
                  text(line, "order_line_id", lineField + "."),
                  text(line, "offer_sku", lineField + "."),
                  quantity == null ? 0 : quantity));
        }
      }
      Boolean shipped = bool(entry, "shipped", field);
      inputs.add(
          new ShipmentDesk.ShipmentInput(
              text(entry, "order_id", field),
              lines,
              shipmentTracking(entry, field),
              shipped != null && shipped,
              text(entry, "invoice_reference", field)));
    }
    return inputs;
  }

  /** ST23. */
  List<ShipmentDesk.ShipmentTrackingInput> shipmentTrackings(String body) {
    List<ShipmentDesk.ShipmentTrackingInput> inputs = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : shipmentArray(body)) {
      String field = "shipments[" + index++ + "].";
      inputs.add(
          new ShipmentDesk.ShipmentTrackingInput(
              text(entry, "id", field), shipmentTracking(entry, field)));
    }
    return inputs;
  }

  /** ST24. */
  List<String> shipmentIds(String body) {
    List<String> ids = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : shipmentArray(body)) {
      ids.add(text(entry, "id", "shipments[" + index++ + "]."));
    }
    return ids;
  }

  private List<JsonNode> shipmentArray(String body) {
    List<JsonNode> entries = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : array(object(body), "shipments", true)) {
      requireObject(entry, "shipments[" + index++ + "]");
      entries.add(entry);
    }
    if (entries.size() > MAX_SHIPMENTS) {
      throw invalid("shipments", "At most " + MAX_SHIPMENTS + " shipments may be given");
    }
    return entries;
  }

  private ShipmentDesk.TrackingInput shipmentTracking(JsonNode entry, String field) {
    JsonNode tracking = entry.get("tracking");
    if (tracking == null || tracking.isNull()) {
      return null;
    }
    requireObject(tracking, field + "tracking");
    String prefix = field + "tracking.";
    return new ShipmentDesk.TrackingInput(
        text(tracking, "carrier_code", prefix),
        text(tracking, "carrier_name", prefix),
        text(tracking, "carrier_standard_code", prefix),
        text(tracking, "tracking_url", prefix),
        text(tracking, "tracking_number", prefix));
  }

  /**
   * OR74's {@code order_documents} part. The spec models it as the JSON object {@code
   * {"order_documents":[{file_name, type_code}]}}; Mirakl's PHP SDK sends it as XML ({@code
   * <body><order_documents><order_document>...}); a bare JSON array is also read, as suggested to
   * an SDK user. A bare JSON object without the wrapper is refused, as Mirakl refused it.
   */
  List<DocumentDesk.DocumentInput> documents(String text) {
    String trimmed = text.strip();
    if (trimmed.startsWith("<")) {
      return xmlDocuments(trimmed);
    }
    JsonNode root;
    try {
      root = mapper.readTree(trimmed);
    } catch (JacksonException e) {
      throw invalid("order_documents", "order_documents is neither JSON nor XML");
    }
    JsonNode list = root != null && root.isObject() ? root.get("order_documents") : root;
    if (list == null || !list.isArray()) {
      throw invalid(
          "order_documents", "order_documents must be {\"order_documents\":[...]} or XML");
    }
    List<DocumentDesk.DocumentInput> inputs = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : list) {
      String field = "order_documents[" + index++ + "]";
      requireObject(entry, field);
      inputs.add(
          new DocumentDesk.DocumentInput(
              text(entry, "file_name", field + "."), text(entry, "type_code", field + ".")));
    }
    return inputs;
  }

  private static List<DocumentDesk.DocumentInput> xmlDocuments(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      // Untrusted input: no DTDs, no external entities.
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      org.w3c.dom.Document document =
          builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      NodeList entries = document.getElementsByTagName("order_document");
      List<DocumentDesk.DocumentInput> inputs = new ArrayList<>();
      for (int i = 0; i < entries.getLength(); i++) {
        Element entry = (Element) entries.item(i);
        inputs.add(
            new DocumentDesk.DocumentInput(
                childText(entry, "file_name"), childText(entry, "type_code")));
      }
      return inputs;
    } catch (Exception e) {
      throw invalid("order_documents", "Malformed order_documents XML: " + e.getMessage());
    }
  }

  private static String childText(Element parent, String name) {
    NodeList children = parent.getElementsByTagName(name);
    if (children.getLength() == 0) {
      return null;
    }
    String text = children.item(0).getTextContent().strip();
    return text.isEmpty() ? null : text;
  }

  private static Iterable<JsonNode> array(JsonNode root, String field, boolean required) {
    return array(root, field, required, "");
  }

  private static Iterable<JsonNode> array(
      JsonNode root, String name, boolean required, String prefix) {
    String field = prefix + name;
    JsonNode array = root.get(name);
    if (array == null || array.isNull()) {
      if (required) {
        throw invalid(field, field + " is required and must be an array");
      }
      return List.of();
    }
    if (!array.isArray()) {
      throw invalid(field, field + " must be an array");
    }
    if (required && array.isEmpty()) {
      throw invalid(field, field + " must not be empty");
    }
    return array;
  }

  private static void requireObject(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      throw invalid(field, field + " must be an object");
    }
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw invalid(field, field + " is required");
    }
    return value;
  }

  /** A string, or a number given where a string is expected; null when absent or blank. */
  static String text(JsonNode object, String name, String prefix) {
    JsonNode node = object.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isString() || node.isNumber()) {
      String text = node.asString().strip();
      return text.isEmpty() ? null : text;
    }
    throw invalid(prefix + name, prefix + name + " must be a string");
  }

  private static BigDecimal decimal(JsonNode object, String name, String prefix) {
    JsonNode node = object.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isString()) {
      try {
        return new BigDecimal(node.stringValue().strip());
      } catch (NumberFormatException e) {
        throw invalid(prefix + name, prefix + name + " must be a number");
      }
    }
    throw invalid(prefix + name, prefix + name + " must be a number");
  }

  private static Integer integer(JsonNode object, String name, String prefix) {
    BigDecimal value = decimal(object, name, prefix);
    if (value == null) {
      return null;
    }
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      throw invalid(prefix + name, prefix + name + " must be an integer");
    }
  }

  private static Boolean bool(JsonNode object, String name, String prefix) {
    JsonNode node = object.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isBoolean()) {
      throw invalid(prefix + name, prefix + name + " must be a boolean");
    }
    return node.booleanValue();
  }

  private static Map<String, BigDecimal> taxes(JsonNode entry, String name, String prefix) {
    JsonNode node = entry.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      throw invalid(prefix + name, prefix + name + " must be an array");
    }
    Map<String, BigDecimal> taxes = new LinkedHashMap<>();
    int index = 0;
    for (JsonNode tax : node) {
      String field = prefix + name + "[" + index++ + "]";
      requireObject(tax, field);
      String code = required(text(tax, "code", field + "."), field + ".code");
      BigDecimal amount = required(decimal(tax, "amount", field + "."), field + ".amount");
      taxes.merge(code, amount, BigDecimal::add);
    }
    return taxes;
  }

  static ApiError.Failure invalid(String field, String message) {
    return new ApiError.Failure(ApiError.badRequest("VALIDATION_ERROR", field, message));
  }
}
