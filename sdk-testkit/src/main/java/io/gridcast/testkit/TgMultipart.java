package io.gridcast.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A minimal {@code multipart/form-data} (RFC 7578) reader for document uploads: splits the body
 * on the boundary and reads each part's {@code Content-Disposition} name and filename and its
 * {@code Content-Type}. Stateless and thread-safe.
 */
final class TgMultipart {

  /** One part: its form field name, the filename if it is a file, its content type if sent, and its bytes. */
  record Part(String name, String fileName, String contentType, byte[] content) {
    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private TgMultipart() {}

  /** The boundary of a {@code multipart/form-data} content type, if it is one. */
  static Optional<String> boundary(String contentType) {
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return Optional.empty();
    }
    for (String param : contentType.split(";")) {
      String p = param.trim();
      if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String value = p.substring("boundary=".length()).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /**
   * Parses the parts, keyed by field name (the first part wins when a name repeats).
   *
   * @throws TgApiException 400 {@code invalid_request} if the body is not valid multipart
   */
  static Map<String, Part> parse(String boundary, byte[] body) {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] nextDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int pos = indexOf(body, delimiter, 0);
    if (pos < 0) {
      throw TgApiException.invalidRequest("The multipart body has no part with the boundary of its Content-Type.");
    }
    Map<String, Part> parts = new LinkedHashMap<>();
    pos += delimiter.length;
    while (true) {
      if (pos + 1 < body.length && body[pos] == '-' && body[pos + 1] == '-') {
        return parts;
      }
      pos = skipLineEnd(body, pos);
      int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
      if (headerEnd < 0) {
        throw TgApiException.invalidRequest("A multipart part has no end of headers.");
      }
      Map<String, String> headers = headers(new String(body, pos, headerEnd - pos, StandardCharsets.UTF_8));
      int contentStart = headerEnd + 4;
      int contentEnd = indexOf(body, nextDelimiter, contentStart);
      if (contentEnd < 0) {
        throw TgApiException.invalidRequest("The multipart body ends without its closing boundary.");
      }
      byte[] content = java.util.Arrays.copyOfRange(body, contentStart, contentEnd);
      String disposition = headers.getOrDefault("content-disposition", "");
      String name = dispositionParam(disposition, "name");
      if (name == null) {
        throw TgApiException.invalidRequest("A multipart part has no Content-Disposition name.");
      }
      parts.putIfAbsent(name, new Part(name, dispositionParam(disposition, "filename"), headers.get("content-type"), content));
      pos = contentEnd + nextDelimiter.length;
    }
  }

  private static int skipLineEnd(byte[] body, int pos) {
    if (pos + 1 < body.length && body[pos] == '\r' && body[pos + 1] == '\n') {
      return pos + 2;
    }
    throw TgApiException.invalidRequest("A multipart boundary is not followed by a line end.");
  }

  private static Map<String, String> headers(String block) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : block.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
    }
    return headers;
  }

  private static String dispositionParam(String disposition, String param) {
    List<String> pieces = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (char c : disposition.toCharArray()) {
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
    for (String piece : pieces) {
      String p = piece.trim();
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(param)) {
        String value = p.substring(eq + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1).replace("\\\"", "\"");
        }
        return value;
      }
    }
    return null;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(from, 0); i <= haystack.length - needle.length; i++) {
      if (haystack[i] != needle[0]) {
        continue;
      }
      for (int j = 1; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
