package io.gridcast.bridge.flows;

import io.gridcast.core.LogSafe;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An approved release-notes document as the episode's show notes: the {@code description} of its
 * RSS item. The notes are written by people outside Gridcast and RSS readers (Spotify among them)
 * render a description as HTML, so the text never reaches the feed as markup: it is decoded as
 * strict UTF-8, stripped of control characters, bidirectional overrides, stray surrogates and
 * characters XML cannot carry, and every {@code & < > " '} is written as an entity; the only tags
 * are Gridcast's own {@code <p>} per paragraph and {@code <br>} per line break. So {@code
 * <script>} in the notes shows as text and cannot run. ROME then escapes the whole value for XML.
 *
 * <p>Accepted: {@code text/plain} and {@code text/markdown} documents (Markdown shows as written),
 * of at most {@value #MAX_CHARS} characters as show notes (Apple's limit, which Spotify's
 * ingestion shares). Stateless and thread-safe.
 */
final class ShowNotes {

  /** The longest description written, in characters. */
  static final int MAX_CHARS = 4000;

  private ShowNotes() {}

  /**
   * The show notes of a release-notes document, or why there are none.
   *
   * @param fileName for messages only
   * @param contentType the document's media type
   * @param bytes its content
   * @return either the description or the problem, never both
   */
  static Result of(String fileName, String contentType, byte[] bytes) {
    String type = contentType == null ? "" : contentType.strip().toLowerCase(Locale.ROOT);
    int semicolon = type.indexOf(';');
    String base = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
    if (!base.equals("text/plain") && !base.equals("text/markdown") && !base.equals("text/x-markdown")) {
      return Result.problem(wrongType(fileName, contentType));
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return Result.problem(notUtf8(fileName));
    }
    String html = html(text);
    if (html.isEmpty()) {
      return Result.problem(empty(fileName));
    }
    if (html.length() > MAX_CHARS) {
      return Result.problem(tooLong(fileName, html.length()));
    }
    return new Result(html, null);
  }

  /** Paragraphs (split at blank lines) of escaped text, line breaks kept. */
  static String html(String untrusted) {
    String[] paragraphs = clean(untrusted).split("\n[ \t]*\n");
    StringBuilder out = new StringBuilder(untrusted.length() + 32);
    for (String paragraph : paragraphs) {
      String p = paragraph.strip();
      if (p.isEmpty()) {
        continue;
      }
      out.append("<p>");
      String[] lines = p.split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) {
          out.append("<br>");
        }
        escapeInto(out, lines[i].strip());
      }
      out.append("</p>");
    }
    return out.toString();
  }

  /** Line breaks as {@code \n}; control, format-override and non-XML characters dropped. */
  private static String clean(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r') {
        out.append('\n');
        if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (c == '\n' || c == '\t') {
        out.append(c);
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else if (!isDropped(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isDropped(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c) || c == '\uFEFF' || c == '\uFFFE'
        || c == '\uFFFF' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069') || c == '\u2028' || c == '\u2029';
  }

  private static void escapeInto(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
  }

  // ---- the problems: one method each ---------------------------------------------------------

  private static String wrongType(String fileName, String contentType) {
    return "release notes " + LogSafe.quoted(fileName) + " are " + LogSafe.quoted(String.valueOf(contentType))
        + "; show notes are taken from a text/plain or text/markdown document";
  }

  private static String notUtf8(String fileName) {
    return "release notes " + LogSafe.quoted(fileName) + " are not UTF-8 text";
  }

  private static String empty(String fileName) {
    return "release notes " + LogSafe.quoted(fileName) + " are empty";
  }

  private static String tooLong(String fileName, int chars) {
    return "release notes " + LogSafe.quoted(fileName) + " make " + chars + " characters of show notes; at most "
        + MAX_CHARS + " are accepted";
  }

  /**
   * The show notes, or the reason there are none.
   *
   * @param description the RSS description, when acceptable
   * @param problem why the notes cannot be show notes, otherwise
   */
  record Result(String description, String problem) {

    static Result problem(String problem) {
      return new Result(null, problem);
    }

    boolean ok() {
      return problem == null;
    }
  }
}
