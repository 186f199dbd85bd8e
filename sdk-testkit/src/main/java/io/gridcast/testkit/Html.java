package io.gridcast.testkit;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A fragment of HTML that is safe to send: made only of escaped text ({@link #text}), markup
 * written in this package ({@link #markup}) and the {@linkplain MarkdownHtml Markdown renderer's}
 * output, which escapes raw HTML. The sandboxes' web views build every page from these, so stored
 * data (names, titles, descriptions: they come from strangers) reaches a page only through
 * {@link #text} or as an escaped attribute. Immutable.
 */
final class Html {

  static final Html EMPTY = new Html("");

  private final String markup;

  private Html(String markup) {
    this.markup = markup;
  }

  /** {@code value} as text: {@code & < > " '} escaped; null is empty. */
  static Html text(Object value) {
    return new Html(value == null ? "" : escape(value.toString()));
  }

  /** Markup written in this package. Never pass stored data here. */
  static Html markup(String trusted) {
    return new Html(trusted);
  }

  /** The fragments one after another. */
  static Html concat(Html... parts) {
    return concat(List.of(parts));
  }

  /** The fragments one after another. */
  static Html concat(List<Html> parts) {
    StringBuilder sb = new StringBuilder();
    parts.forEach(p -> sb.append(p.markup));
    return new Html(sb.toString());
  }

  /** The fragments with {@code separator} between them. */
  static Html join(String separator, List<Html> parts) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        sb.append(escape(separator));
      }
      sb.append(parts.get(i).markup);
    }
    return new Html(sb.toString());
  }

  /** {@code <name>content</name>}; {@code name} is a literal of this package. */
  static Html tag(String name, Html content) {
    return new Html("<" + name + ">" + content.markup + "</" + name + ">");
  }

  /** {@code <name class="cssClass">content</name>}; both literals of this package. */
  static Html tag(String name, String cssClass, Html content) {
    return new Html("<" + name + " class=\"" + escape(cssClass) + "\">" + content.markup + "</" + name + ">");
  }

  /**
   * A link within the sandbox.
   *
   * @param path an absolute path such as {@code "/view/posts/" + pathSegment(id)}: ids go through {@link #pathSegment}
   */
  static Html link(String path, Html content) {
    if (!path.startsWith("/") || path.startsWith("//")) {
      throw new IllegalArgumentException("a view link must be a path on the sandbox, was " + path);
    }
    return new Html("<a href=\"" + escape(path) + "\">" + content.markup + "</a>");
  }

  /** A link within the sandbox whose text is {@code label}, escaped. */
  static Html link(String path, Object label) {
    return link(path, text(label));
  }

  /**
   * A link to an {@code http} or {@code https} address taken from stored data, opened without a
   * referrer; any other address (say {@code javascript:}) is shown as text only.
   */
  static Html externalLink(String url, Object label) {
    if (!isWebAddress(url)) {
      return text(label == null ? url : label + " (" + url + ")");
    }
    return new Html("<a href=\"" + escape(url) + "\" rel=\"nofollow noopener noreferrer\">" + escape(String.valueOf(label)) + "</a>");
  }

  /** An image from the sandbox itself ({@code path} as for {@link #link}). */
  static Html image(String path, Object alt) {
    if (!path.startsWith("/") || path.startsWith("//")) {
      throw new IllegalArgumentException("a view image must be a path on the sandbox, was " + path);
    }
    return new Html("<img src=\"" + escape(path) + "\" alt=\"" + escape(String.valueOf(alt)) + "\">");
  }

  /** One path segment for {@link #link}: percent-encoded, so that any stored id stays one segment. */
  static String pathSegment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code text} with {@code & < > " '} replaced by character references. */
  static String escape(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      String replacement;
      switch (text.charAt(i)) {
        case '&': replacement = "&amp;"; break;
        case '<': replacement = "&lt;"; break;
        case '>': replacement = "&gt;"; break;
        case '"': replacement = "&quot;"; break;
        case '\'': replacement = "&#39;"; break;
        default: replacement = null;
      }
      if (replacement != null && sb == null) {
        sb = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (sb != null) {
        if (replacement != null) {
          sb.append(replacement);
        } else {
          sb.append(text.charAt(i));
        }
      }
    }
    return sb == null ? text : sb.toString();
  }

  private static boolean isWebAddress(String url) {
    if (url == null) {
      return false;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return markup;
  }
}
