package io.synchron.simulator.mirakl;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Order documents: OR74 uploads, OR72 lists. Holds the {@link OrderBook}'s lock.
 *
 * <p>Per the spec, OR74 answers 200 listing only the documents it refused, each with its errors
 * and its input; the others are stored. Refusals: a type code that is not configured ({@code
 * valid_order_document.type}, the spec's example), a type reserved to the operator
 * (SYSTEM_DELIVERY_BILL, SYSTEM_SHIPMENT_DELIVERY_BILL) or never uploadable
 * (SYSTEM_MESSAGE_ATTACHMENT), a file name that is not US-ASCII, has an extension outside the
 * spec's list or appears twice in the call, metadata without a matching file, and an order that
 * would hold more than 50 documents. Only the type code's error code comes from the spec; the
 * others follow its naming. Storing a CUSTOMER_INVOICE sets OR11 {@code has_invoice}; any stored
 * document stamps {@code last_updated_date}, so that pollers see it.
 */
final class DocumentDesk {
  static final int MAX_DOCUMENTS_PER_ORDER = 50;
  private static final Set<String> OPERATOR_ONLY =
      Set.of("SYSTEM_DELIVERY_BILL", "SYSTEM_SHIPMENT_DELIVERY_BILL");
  private static final Set<String> NOT_UPLOADABLE = Set.of("SYSTEM_MESSAGE_ATTACHMENT");
  private static final Set<String> EXTENSIONS =
      Set.of(
          "csv", "doc", "xls", "xlsx", "ppt", "pdf", "odt", "ods", "odp", "txt", "rtf", "png",
          "jpg", "gif", "zpl", "mov", "mp4");

  private final OrderBook book;
  private final Set<String> documentTypes;
  private long documentSequence = 2000;

  DocumentDesk(OrderBook book, Set<String> documentTypes) {
    this.book = book;
    this.documentTypes = documentTypes;
  }

  /** OR74. {@code files} maps each uploaded file name to its bytes. */
  ObjectNode upload(String orderId, List<DocumentInput> inputs, Map<String, byte[]> files) {
    synchronized (book) {
      SimOrder order = book.findForApi(orderId);
      ObjectNode body = book.mapper().createObjectNode();
      ArrayNode failed = body.putArray("order_documents");
      Set<String> names = new HashSet<>();
      Set<String> duplicates = new HashSet<>();
      for (DocumentInput input : inputs) {
        if (input.fileName() != null && !names.add(input.fileName())) {
          duplicates.add(input.fileName());
        }
      }
      Instant now = book.now();
      int stored = 0;
      for (DocumentInput input : inputs) {
        List<String[]> errors = errors(order, input, files, duplicates, stored);
        if (errors.isEmpty()) {
          order.documents.add(
              new SimDocument(
                  ++documentSequence,
                  order.orderId,
                  input.fileName(),
                  input.typeCode(),
                  files.get(input.fileName()).clone(),
                  now));
          stored++;
          continue;
        }
        ObjectNode entry = failed.addObject();
        ArrayNode errorArray = entry.putArray("errors");
        for (String[] error : errors) {
          ObjectNode json = errorArray.addObject();
          json.put("code", error[0]);
          json.put("field", error[1]);
          json.put("message", error[2]);
        }
        ObjectNode echo = entry.putObject("input");
        echo.put("file_name", input.fileName());
        echo.put("type_code", input.typeCode());
      }
      if (stored > 0) {
        order.lastUpdated = now;
      }
      body.put("errors_count", failed.size());
      return body;
    }
  }

  private List<String[]> errors(
      SimOrder order,
      DocumentInput input,
      Map<String, byte[]> files,
      Set<String> duplicates,
      int storedInThisCall) {
    List<String[]> errors = new ArrayList<>();
    String type = input.typeCode();
    if (type == null || !documentTypes.contains(type)) {
      errors.add(
          new String[] {
            "valid_order_document.type",
            "type_code",
            "Unable to retrieve document's type from the given code"
          });
    } else if (OPERATOR_ONLY.contains(type)) {
      errors.add(
          new String[] {
            "valid_order_document.type", "type_code", "Document type " + type + " is operator-only"
          });
    } else if (NOT_UPLOADABLE.contains(type)) {
      errors.add(
          new String[] {
            "valid_order_document.type",
            "type_code",
            "Document type " + type + " cannot be uploaded to an order"
          });
    }
    String name = input.fileName();
    if (name == null || name.isBlank()) {
      errors.add(
          new String[] {"valid_order_document.file_name", "file_name", "A file name is required"});
      return errors;
    }
    if (!StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
      errors.add(
          new String[] {
            "valid_order_document.file_name", "file_name", "File names must be US-ASCII"
          });
    }
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!EXTENSIONS.contains(extension)) {
      errors.add(
          new String[] {
            "valid_order_document.file_extension",
            "file_name",
            "Documents of type ." + extension + " are not supported"
          });
    }
    if (duplicates.contains(name)) {
      errors.add(
          new String[] {
            "valid_order_document.file_name", "file_name", "Documents filenames must be distinct"
          });
    }
    if (!files.containsKey(name)) {
      errors.add(
          new String[] {
            "valid_order_document.file", "files", "No file named " + name + " was uploaded"
          });
    }
    if (errors.isEmpty() && order.documents.size() >= MAX_DOCUMENTS_PER_ORDER) {
      errors.add(
          new String[] {
            "valid_order_document.max_documents",
            "order_documents",
            "An order can have a maximum of " + MAX_DOCUMENTS_PER_ORDER + " documents"
          });
    }
    return errors;
  }

  /** OR72: the documents of the given orders; unknown order ids have none. */
  ObjectNode list(Set<String> orderIds) {
    synchronized (book) {
      ObjectNode body = book.mapper().createObjectNode();
      ArrayNode array = body.putArray("order_documents");
      for (SimOrder order : book.all()) {
        if (!orderIds.contains(order.orderId)) {
          continue;
        }
        for (SimDocument document : order.documents) {
          ObjectNode json = array.addObject();
          json.put("id", document.id());
          json.put("order_id", document.orderId());
          json.put("file_name", document.fileName());
          json.put("file_size", document.content().length);
          json.put("type", document.typeCode());
          json.put("date_uploaded", document.uploaded().toString());
        }
      }
      body.put("total_count", array.size());
      return body;
    }
  }

  /** A copy of the bytes of one document. */
  byte[] content(String orderId, long documentId) {
    synchronized (book) {
      for (SimDocument document : book.find(orderId).documents) {
        if (document.id() == documentId) {
          return document.content().clone();
        }
      }
      throw new IllegalArgumentException("order " + orderId + " has no document " + documentId);
    }
  }

  /** One entry of OR74's {@code order_documents}. */
  record DocumentInput(String fileName, String typeCode) {}
}
