package io.gridcast.core;

/**
 * The one place where text that someone else wrote is made safe for a log line or an exception
 * message. Remote text (titles, file names, ids, platform error messages) and user-supplied text
 * can hold CR, LF and other control characters; written raw into a log they forge extra lines
 * ({@code ... INFO io.gridcast.bridge.FlowRun - approval released}) or hide what follows them.
 *
 * <p>{@link #text(CharSequence)} escapes every control character (C0, DEL, C1), the Unicode line
 * and paragraph separators, the bidirectional overrides and isolates, and lone surrogates, as
 * {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}. A backslash is kept as it is, so
 * escaping is idempotent: text escaped once (say in an exception message) and again when it is
 * logged reads the same. Long text is clipped. Ordinary text, including non-Latin scripts and
 * emoji, passes through unchanged.
 *
 * <p>Stateless and thread-safe.
 */
public final class LogSafe {

  /** Longest input kept by {@link #text(CharSequence)} before the rest is summarised. */
  public static final int MAX_CHARS = 500;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private LogSafe() {}

  /**
   * The text with control and line-breaking characters escaped and clipped to
   * {@link #MAX_CHARS} characters; {@code "null"} for {@code null}.
   */
  public static String text(CharSequence text) {
    return text(text, MAX_CHARS);
  }

  /**
   * The text with control and line-breaking characters escaped and clipped to {@code maxChars}
   * characters of input ({@code "… (N more characters)"} says how much was cut).
   *
   * @throws IllegalArgumentException if {@code maxChars} is not positive
   */
  public static String text(CharSequence text, int maxChars) {
    if (maxChars <= 0) {
      throw new IllegalArgumentException("maxChars must be positive, was " + maxChars);
    }
    if (text == null) {
      return "null";
    }
    int n = Math.min(text.length(), maxChars);
    if (n > 0 && Character.isHighSurrogate(text.charAt(n - 1)) && n < text.length()) {
      n--; // do not split a pair at the clip
    }
    if (n == text.length() && isClean(text)) {
      return text.toString();
    }
    StringBuilder sb = new StringBuilder(n + 16);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        sb.append(c).append(text.charAt(++i));
        continue;
      }
      appendEscaped(sb, c);
    }
    if (n < text.length()) {
      sb.append("… (").append(text.length() - n).append(" more characters)");
    }
    return sb.toString();
  }

  /**
   * The text quoted for a log line or message: {@code "…"} around {@link #text(CharSequence)},
   * with an embedded double quote escaped, so that the reader sees exactly where the remote
   * value starts and ends.
   */
  public static String quoted(CharSequence text) {
    if (text == null) {
      return "null";
    }
    return '"' + text(text).replace("\"", "\\\"") + '"';
  }

  /** Whether {@code text} holds nothing {@link #text(CharSequence)} would escape. */
  public static boolean isClean(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (needsEscape(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return false;
      }
    }
    return true;
  }

  private static boolean needsEscape(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f)
        || c == '\u2028' || c == '\u2029' // line and paragraph separators
        || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') // bidi overrides and isolates
        || c == '\u200e' || c == '\u200f' || c == '\u061c' // bidi marks
        || c == '\ufeff'
        || Character.isSurrogate(c);
  }

  private static void appendEscaped(StringBuilder sb, char c) {
    switch (c) {
      case '\n': sb.append("\\n"); return;
      case '\r': sb.append("\\r"); return;
      case '\t': sb.append("\\t"); return;
      default:
        if (needsEscape(c)) {
          sb.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
        } else {
          sb.append(c);
        }
    }
  }
}
