package io.gridcast.testkit;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders stored Markdown (post bodies, issue descriptions) for the web views with CommonMark and
 * GFM tables, sanitised: raw HTML in the source is shown as text, never executed, and link and
 * image addresses other than {@code http}, {@code https}, {@code mailto} and relative ones are
 * dropped. Links get {@code rel="nofollow noopener noreferrer"}. Thread-safe.
 */
final class MarkdownHtml {

  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
      .extensions(EXTENSIONS)
      .escapeHtml(true)
      .sanitizeUrls(true)
      .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
      .attributeProviderFactory(context -> (node, tagName, attributes) -> {
        if (node instanceof Link) {
          attributes.put("rel", "nofollow noopener noreferrer");
        }
      })
      .build();

  private MarkdownHtml() {}

  /** {@code markdown} as HTML; null renders as nothing. */
  static Html render(String markdown) {
    return markdown == null ? Html.EMPTY : Html.markup(RENDERER.render(PARSER.parse(markdown)));
  }
}
