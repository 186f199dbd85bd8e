package io.gridcast.testkit;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} header values for stored file names, which are
 * someone else's text: RFC 6266 with the RFC 8187 (formerly RFC 5987) extended parameter.
 *
 * <p>The value carries an ASCII fallback {@code filename="..."} in which every character outside
 * printable ASCII (controls such as CR and LF, DEL, non-ASCII) and every {@code "}, {@code \} and
 * {@code %} is replaced by {@code _}, and the exact name as {@code filename*=UTF-8''...}, its UTF-8
 * bytes percent-encoded except RFC 8187's {@code attr-char}s. So the header never holds CR or LF
 * (which would make the response unsendable or inject a header), clients that read
 * {@code filename*} get the name back unchanged, and older ones get a safe approximation.
 * Stateless.
 */
final class ContentDisposition {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private ContentDisposition() {}

  /** {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded UTF-8>}. */
  static String attachment(String fileName) {
    return "attachment; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + percentEncoded(fileName);
  }

  /** Printable ASCII except {@code " \ %}; anything else (per code point) becomes {@code _}. */
  static String asciiFallback(String fileName) {
    StringBuilder sb = new StringBuilder(fileName.length());
    fileName.codePoints().forEach(c -> sb.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
    return sb.toString();
  }

  /** RFC 8187 {@code value-chars}: UTF-8, every byte but an {@code attr-char} as {@code %XX}. */
  static String percentEncoded(String fileName) {
    StringBuilder sb = new StringBuilder(fileName.length() * 3);
    for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isAttrChar(c)) {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return sb.toString();
  }

  /** RFC 8187 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~". */
  private static boolean isAttrChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0;
  }
}
