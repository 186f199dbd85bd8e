package io.gridcast.bridge.text;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way remote text becomes post Markdown. Everything a platform returns (episode titles
 * and release notes, show and site names, partner messages, file names) is written by
 * strangers; a post built with this class shows it as text and cannot be made to carry raw
 * HTML, script, a {@code javascript:} link, a tracking image, a fake heading or a broken table.
 *
 * <p>The builder separates the two kinds of text explicitly: {@link #markup(String)} appends
 * Gridcast's own Markdown (constants and numbers); every other method takes untrusted text and
 * escapes it:
 * <ul>
 *   <li>HTML is neutralised ({@code <}, {@code >} and {@code &} become entities, so
 *       {@code <script>} is shown, never run);
 *   <li>Markdown syntax is escaped ({@code \ ` * _ [ ] | ~}, and a leading {@code #}, {@code >},
 *       {@code +}, {@code -}, {@code =} or list number), so text cannot open emphasis, links,
 *       tables, headings or code;
 *   <li>control characters, bidirectional overrides and stray surrogates are removed;
 *   <li>plain text that GFM renderers would turn into a link ({@code javascript://…},
 *       {@code https://user@evil.example}, {@code www.…}) gets an invisible word joiner that
 *       stops the autolink: only links a policy checked lead to the web (an e-mail address
 *       may still become a {@code mailto:} link);
 *   <li>links are written only when a {@link LinkPolicy} accepts their target ({@code https}
 *       only; Spotify's hosts for links that claim to be Spotify's); otherwise only their label
 *       remains;
 *   <li>remote images are dropped unless the image policy given to {@link #create(LinkPolicy)}
 *       allows their host (default: {@link LinkPolicy#none()}).
 * </ul>
 *
 * <p>A builder is not thread-safe; the static methods are.
 *
 * <pre>{@code
 * String body = PostMarkdown.create()
 *     .markup("**").text(show.name()).markup("** · ").markup(releaseDate).markup("\n\n")
 *     .notes(episode.description(), LinkPolicy.anyHttps())
 *     .markup("\n\n").link("Listen on Spotify", episode.externalUrl(), LinkPolicy.spotify())
 *     .build();
 * }</pre>
 */
public final class PostMarkdown {

  /** Longest label or alt text kept from a link written in remote text. */
  private static final int MAX_LABEL_CHARS = 300;

  // [label](target "title") or ![alt](target), as release notes write them; bounded, no nesting.
  /** Invisible; placed where GFM renderers would otherwise turn plain text into a link. */
  private static final char WORD_JOINER = '\u2060';

  /** ASCII characters that need no escaping, no check and no look-ahead. */
  private static final boolean[] PLAIN_ASCII = new boolean[128];

  static {
    for (char c = 0x20; c < 0x7f; c++) {
      PLAIN_ASCII[c] = "<>&\\`*_[]|~:wW".indexOf(c) < 0;
    }
  }

  private static final Pattern INLINE_LINK = Pattern.compile(
      "(!?)\\[([^\\[\\]\\n]{0,300})\\]\\(\\s*<?((?:[^()<>\\s]|\\([^()<>\\s]{0,200}\\)){1,2048})>?(?:\\s+\"[^\"\\n]{0,300}\")?\\s*\\)");

  private final StringBuilder out;
  private final LinkPolicy images;

  private PostMarkdown(int capacity, LinkPolicy images) {
    this.out = new StringBuilder(capacity);
    this.images = Objects.requireNonNull(images, "images");
  }

  /** A builder that drops every remote image. */
  public static PostMarkdown create() {
    return new PostMarkdown(256, LinkPolicy.none());
  }

  /**
   * A builder that keeps remote images in {@link #notes(String, LinkPolicy)} whose host
   * {@code images} allows, and drops the others.
   */
  public static PostMarkdown create(LinkPolicy images) {
    return new PostMarkdown(256, images);
  }

  /** A builder with room for about {@code capacity} characters that drops remote images. */
  public static PostMarkdown withCapacity(int capacity) {
    return new PostMarkdown(Math.max(16, capacity), LinkPolicy.none());
  }

  /**
   * Appends Gridcast's own Markdown as it is: literals from code or a template, numbers, dates
   * Gridcast formatted. Never pass remote text here.
   */
  public PostMarkdown markup(String trustedMarkdown) {
    out.append(trustedMarkdown);
    return this;
  }

  /** Appends remote text on one line: escaped, with line breaks turned into spaces. */
  public PostMarkdown text(String untrusted) {
    escapeInto(out, untrusted, false, true);
    return this;
  }

  /** Appends remote text on one line in bold. */
  public PostMarkdown strong(String untrusted) {
    out.append("**");
    escapeInto(out, untrusted, false, true);
    out.append("**");
    return this;
  }

  /**
   * Appends remote text as an inline code span (for identifiers such as a snapshot id):
   * backticks and line breaks are removed, as a code span cannot escape them.
   */
  public PostMarkdown code(String untrusted) {
    String s = untrusted == null ? "" : untrusted;
    out.append('`');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '`' && !isDropped(c) && c != '\n' && c != '\r') {
        out.append(c == '\t' ? ' ' : c);
      }
    }
    out.append('`');
    return this;
  }

  /**
   * Appends remote multi-line text such as release notes: paragraphs and line breaks are kept,
   * everything else escaped; Markdown links in it stay links where {@code links} accepts their
   * target (otherwise their label remains), Markdown images stay only where this builder's
   * image policy allows them.
   */
  public PostMarkdown notes(String untrusted, LinkPolicy links) {
    Objects.requireNonNull(links, "links");
    String s = untrusted == null ? "" : untrusted.strip();
    boolean lineStart = out.length() == 0 || out.charAt(out.length() - 1) == '\n';
    if (s.indexOf("](") < 0) {
      escapeInto(out, s, true, lineStart);
      return this;
    }
    Matcher m = INLINE_LINK.matcher(s);
    int at = 0;
    while (m.find()) {
      escapeInto(out, s.substring(at, m.start()), true, lineStart && at == 0);
      boolean image = !m.group(1).isEmpty();
      String label = m.group(2);
      String target = m.group(3);
      if (image) {
        Optional<String> url = images.check(target);
        url.ifPresent(u -> {
          out.append("![");
          escapeInto(out, clip(label), false, false);
          out.append("](").append(u).append(')');
        });
      } else {
        appendLink(label, target, links);
      }
      at = m.end();
    }
    escapeInto(out, s.substring(at), true, false);
    return this;
  }

  /**
   * Appends a link whose label and target came from a platform: {@code [label](url)} when
   * {@code policy} accepts the target, the escaped label alone when it does not.
   */
  public PostMarkdown link(String untrustedLabel, String url, LinkPolicy policy) {
    appendLink(untrustedLabel, url, Objects.requireNonNull(policy, "policy"));
    return this;
  }

  /** The Markdown built so far. */
  public String build() {
    return out.toString();
  }

  @Override
  public String toString() {
    return build();
  }

  /** Remote text escaped for one line of Markdown (see the class documentation). */
  public static String escape(String untrusted) {
    StringBuilder sb = new StringBuilder(untrusted == null ? 0 : untrusted.length() + 8);
    escapeInto(sb, untrusted, false, true);
    return sb.toString();
  }

  /**
   * Remote text as a plain single line for a field that is not Markdown (a post or thread
   * title, a link title): control characters and bidirectional overrides removed, white space
   * collapsed, and clipped to {@code maxChars} with an ellipsis. Returns {@code fallback} when
   * nothing printable remains.
   */
  public static String plain(String untrusted, int maxChars, String fallback) {
    if (maxChars < 2) {
      throw new IllegalArgumentException("maxChars must be at least 2, was " + maxChars);
    }
    String s = untrusted == null ? "" : untrusted;
    StringBuilder sb = new StringBuilder(Math.min(s.length(), maxChars + 1));
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = sb.length() > 0;
        continue;
      }
      if (isDropped(c) && !isValidPair(s, i)) {
        continue;
      }
      if (space) {
        sb.append(' ');
        space = false;
      }
      sb.append(c);
      if (Character.isHighSurrogate(c)) {
        sb.append(s.charAt(++i));
      }
      if (sb.length() > maxChars) {
        break;
      }
    }
    if (sb.length() == 0) {
      return fallback;
    }
    if (sb.length() > maxChars) {
      int cut = maxChars - 1;
      if (Character.isLowSurrogate(sb.charAt(cut)) && cut > 0) {
        cut--;
      }
      sb.setLength(cut);
      sb.append('…');
    }
    return sb.toString();
  }

  private void appendLink(String label, String target, LinkPolicy policy) {
    String shown = label == null || label.isBlank() ? "link" : clip(label);
    Optional<String> url = policy.check(target);
    if (url.isPresent()) {
      out.append('[');
      escapeInto(out, shown, false, false);
      out.append("](").append(url.get()).append(')');
    } else {
      escapeInto(out, shown, false, true);
    }
  }

  private static String clip(String label) {
    return label.length() <= MAX_LABEL_CHARS ? label : label.substring(0, MAX_LABEL_CHARS);
  }

  /**
   * The escaping itself: one pass, no regular expression. With {@code multiLine}, CR LF and CR
   * become LF, a blank line separates paragraphs, and a single line break becomes a hard break;
   * without it every line break becomes a space. {@code atLineStart} says whether the text
   * starts a line, where a leading {@code #}, {@code -}, list number or indentation would mean
   * something.
   */
  static void escapeInto(StringBuilder out, String s, boolean multiLine, boolean atLineStart) {
    if (s == null) {
      return;
    }
    boolean lineStart = atLineStart;
    int newlines = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!lineStart && newlines == 0 && isPlain(c)) { // the common case: copy a run of ordinary text at once
        int start = i;
        while (i + 1 < n && isPlain(s.charAt(i + 1))) {
          i++;
        }
        out.append(s, start, i + 1);
        continue;
      }
      if (c == '\r' || c == '\n' || c == '\u2028' || c == '\u2029') {
        if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
          i++;
        }
        if (multiLine) {
          newlines++;
          lineStart = true;
        } else if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
          out.append(' ');
        }
        continue;
      }
      if (lineStart && multiLine && (c == ' ' || c == '\t')) {
        continue; // indentation would turn a line into a code block
      }
      if (isDropped(c) && !isValidPair(s, i)) {
        continue;
      }
      if (newlines > 0) {
        out.append(newlines == 1 ? "\\\n" : "\n\n");
        newlines = 0;
      }
      if (lineStart) {
        lineStart = false;
        if (c == '#' || c == '+' || c == '-' || c == '=') {
          out.append('\\').append(c);
          continue;
        }
        if (c >= '0' && c <= '9') {
          int j = i;
          while (j < n && j - i < 10 && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
            j++;
          }
          if (j < n && (s.charAt(j) == '.' || s.charAt(j) == ')')) {
            out.append(s, i, j).append('\\').append(s.charAt(j));
            i = j;
            continue;
          }
        }
      }
      switch (c) {
        case '<': out.append("&lt;"); break;
        case '>': out.append("&gt;"); break;
        case '&': out.append("&amp;"); break;
        case '\t': out.append(' '); break;
        case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '~':
          out.append('\\').append(c);
          break;
        case ':':
          out.append(':');
          if (i + 2 < n && s.charAt(i + 1) == '/' && s.charAt(i + 2) == '/') {
            out.append(WORD_JOINER); // "javascript://…", "https://user@evil…" must not become autolinks
          }
          break;
        case 'w': case 'W':
          if (s.regionMatches(true, i, "www.", 0, 4) && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
            out.append(s, i, i + 3).append(WORD_JOINER); // "www.…" would autolink as http://
            i += 2;
          } else {
            out.append(c);
          }
          break;
        default:
          out.append(c);
          if (Character.isHighSurrogate(c)) {
            out.append(s.charAt(++i)); // a valid pair (isValidPair above)
          }
      }
    }
    if (newlines > 0) { // a break before whatever the caller appends next (a link in notes)
      out.append(newlines == 1 ? "\\\n" : "\n\n");
    }
  }

  /** Whether {@code c} is copied as it is wherever it stands, save at the start of a line. */
  private static boolean isPlain(char c) {
    return c < 128 ? PLAIN_ASCII[c] : !isDropped(c) && c != '\u2028' && c != '\u2029';
  }

  /** Characters a post never shows: controls (but tab), bidi overrides, BOM, stray surrogates. */
  private static boolean isDropped(char c) {
    return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f)
        || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200e' || c == '\u200f' || c == '\u061c' || c == '\ufeff'
        || Character.isSurrogate(c);
  }

  private static boolean isValidPair(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
  }
}
