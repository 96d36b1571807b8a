package io.synchron.simulator.mirakl;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A {@code multipart/form-data} body (RFC 7578) split into its parts. Only what OR74 needs: each
 * part's name, file name and content type from its headers, and its raw bytes.
 */
final class Multipart {
  private Multipart() {}

  /** One part; {@code fileName} is null for a plain field. */
  record Part(String name, String fileName, String contentType, byte[] content) {

    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  /**
   * The parts of {@code body}.
   *
   * @throws ApiError.Failure (400) if the content type is not multipart/form-data with a boundary
   *     or the body is not framed by it
   */
  static List<Part> parse(byte[] body, String contentType) {
    String boundary = boundary(contentType);
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int at = indexOf(body, delimiter, 0);
    if (at < 0) {
      throw malformed("the body does not contain the multipart boundary");
    }
    List<Part> parts = new ArrayList<>();
    while (true) {
      int afterDelimiter = at + delimiter.length;
      if (startsWith(body, afterDelimiter, "--")) {
        return parts;
      }
      int headersStart = skipLineBreak(body, afterDelimiter);
      int headersEnd =
          indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
      if (headersEnd < 0) {
        throw malformed("a part has no end of headers");
      }
      int next = indexOf(body, crlf(delimiter), headersEnd);
      if (next < 0) {
        throw malformed("a part is not closed by the boundary");
      }
      String headers =
          new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      byte[] content = Arrays.copyOfRange(body, headersEnd + 4, next);
      parts.add(part(headers, content));
      at = next + 2;
    }
  }

  private static Part part(String headers, byte[] content) {
    String name = null;
    String fileName = null;
    String type = null;
    for (String header : headers.split("\r\n")) {
      int colon = header.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String headerName = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      if (headerName.equals("content-type")) {
        type = value;
      } else if (headerName.equals("content-disposition")) {
        name = parameter(value, "name");
        fileName = parameter(value, "filename");
        String extended = parameter(value, "filename*");
        if (extended != null && extended.toUpperCase(Locale.ROOT).startsWith("UTF-8''")) {
          fileName = URLDecoder.decode(extended.substring(7), StandardCharsets.UTF_8);
        }
      }
    }
    if (name == null) {
      throw malformed("a part has no Content-Disposition name");
    }
    return new Part(name, fileName, type, content);
  }

  /** A parameter of a header value such as {@code form-data; name="files"; filename="a.pdf"}. */
  static String parameter(String headerValue, String parameter) {
    for (String piece : splitParameters(headerValue)) {
      int eq = piece.indexOf('=');
      if (eq < 0 || !piece.substring(0, eq).trim().equalsIgnoreCase(parameter)) {
        continue;
      }
      String value = piece.substring(eq + 1).trim();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
      }
      return value;
    }
    return null;
  }

  /** Splits on ';' outside quotes. */
  private static List<String> splitParameters(String value) {
    List<String> pieces = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && quoted && i + 1 < value.length()) {
        current.append(c).append(value.charAt(++i));
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ';' && !quoted) {
        pieces.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    pieces.add(current.toString());
    return pieces;
  }

  private static String boundary(String contentType) {
    if (contentType == null
        || !contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw malformed("the content type must be multipart/form-data");
    }
    String boundary = parameter(contentType, "boundary");
    if (boundary == null || boundary.isEmpty()) {
      throw malformed("the multipart content type has no boundary");
    }
    return boundary;
  }

  private static byte[] crlf(byte[] delimiter) {
    byte[] framed = new byte[delimiter.length + 2];
    framed[0] = '\r';
    framed[1] = '\n';
    System.arraycopy(delimiter, 0, framed, 2, delimiter.length);
    return framed;
  }

  private static int skipLineBreak(byte[] body, int at) {
    if (startsWith(body, at, "\r\n")) {
      return at + 2;
    }
    return startsWith(body, at, "\n") ? at + 1 : at;
  }

  private static boolean startsWith(byte[] body, int at, String prefix) {
    byte[] bytes = prefix.getBytes(StandardCharsets.ISO_8859_1);
    if (at + bytes.length > body.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if (body[at + i] != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] body, byte[] pattern, int from) {
    outer:
    for (int i = Math.max(from, 0); i <= body.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (body[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static ApiError.Failure malformed(String why) {
    return new ApiError.Failure(
        ApiError.badRequest("VALIDATION_ERROR", null, "Malformed multipart body: " + why));
  }
}
