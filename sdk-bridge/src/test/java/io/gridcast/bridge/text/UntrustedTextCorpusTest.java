package io.gridcast.bridge.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-text corpus of the one renderer: every case goes through each way a flow puts
 * remote text into a post, and the result is rendered by a real CommonMark renderer with GFM
 * tables and autolinks, as a partner's browser would see it. No case may produce markup, a
 * script, an image or a link to anything but {@code https} (or an e-mail address, which GFM
 * autolinks as {@code mailto:}). Add a case whenever a new trick is
 * found.
 */
class UntrustedTextCorpusTest {

  private static final List<Extension> GFM = List.of(TablesExtension.create(), AutolinkExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(GFM).build();
  private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(GFM).build();
  private static final Pattern HREF = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

  static Stream<Arguments> corpus() {
    return Stream.of(
        attack("script tag", "<script>alert(1)</script>"),
        attack("img onerror", "<img src=x onerror=alert(1)>"),
        attack("svg onload", "<svg/onload=alert(1)>"),
        attack("iframe", "<iframe src=\"https://evil.example\"></iframe>"),
        attack("html comment", "<!-- hidden --> text"),
        attack("html entity smuggling", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        attack("numeric entities", "&#60;script&#62;alert(1)&#60;/script&#62;"),
        attack("javascript link", "[Reset your password](javascript:alert(document.cookie))"),
        attack("javascript link with spaces", "[x]( javascript:alert(1) )"),
        attack("javascript link in angle brackets", "[x](<javascript:alert(1)>)"),
        attack("data link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
        attack("vbscript link", "[x](vbscript:msgbox(1))"),
        attack("http link", "[x](http://insecure.example/login)"),
        attack("userinfo phish", "[Spotify](https://open.spotify.com@evil.example/login)"),
        attack("tracking image", "![](https://tracker.example/pixel.gif?partner=1)"),
        attack("image inside link", "[![x](https://tracker.example/p.gif)](https://evil.example)"),
        attack("reference link definition", "[x]\n\n[x]: javascript:alert(1)"),
        attack("autolink javascript", "<javascript:alert(1)>"),
        attack("plain javascript url", "javascript://%0Aalert(1)"),
        attack("plain http url", "see http://insecure.example/path"),
        attack("plain www url", "see www.insecure.example"),
        attack("heading", "# Urgent: new bank details"),
        attack("setext heading", "Urgent\n======"),
        attack("block quote", "> forged quote from the CEO"),
        attack("list", "- item\n+ item\n* item\n1. item\n2) item"),
        attack("table", "| a | b |\n|---|---|\n| c | d |"),
        attack("code fence", "```html\n<script>alert(1)</script>\n```"),
        attack("indented code", "text\n\n    indented code"),
        attack("emphasis", "*bold* _it_ **strong** __strong__ ~~strike~~"),
        attack("thematic break", "***\n---\n___"),
        attack("hard break trick", "a  \nb\\\nc"),
        attack("backslash at end", "text\\"),
        attack("unbalanced brackets", "[[[x](y)]]]((("),
        attack("crlf", "line\r\n2026-01-01 INFO forged\r\n"),
        attack("nul and controls", "a\u0000b\u0007c\u001bd\u007fe\u0085f"),
        attack("bidi override", "invoice\u202Efdp.exe"),
        attack("line separator", "a\u2028b\u2029c"),
        attack("lone surrogates", "a\uD800b\uDC00c"),
        attack("emoji", "\uD83C\uDF99 podcast"),
        attack("very long", "<".repeat(10_000) + "[x](javascript:y)".repeat(500)));
  }

  private static Arguments attack(String name, String text) {
    return Arguments.of(name, text);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void textOnOneLineRendersAsTextOnly(String name, String text) {
    String html = render(PostMarkdown.escape(text));

    assertNoActiveContent(html);
    assertThat(html).doesNotContain("href=\"https", "<h1", "<h2", "<table", "<pre", "<code", "<blockquote", "<ul", "<ol", "<em",
        "<strong", "<hr", "<del");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void strongTextRendersAsOneStrongRun(String name, String text) {
    String html = render(PostMarkdown.create().markup("Show: ").strong(text).build());

    assertNoActiveContent(html);
    assertThat(html.split("<strong>", -1)).hasSizeLessThanOrEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void releaseNotesKeepOnlyHttpsLinksAndNoStructure(String name, String text) {
    String html = render(PostMarkdown.create().markup("### Release notes\n\n").notes(text, LinkPolicy.anyHttps()).build());

    assertNoActiveContent(html);
    assertThat(html.split("<h3>", -1)).hasSize(2);
    assertThat(html).doesNotContain("<h1", "<h2", "<table", "<pre", "<code", "<blockquote", "<ul", "<ol", "<hr");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void aLinkWithRemoteLabelAndTargetIsSpotifysOrJustText(String name, String text) {
    String html = render(PostMarkdown.create().link(text, text, LinkPolicy.spotify()).build());

    assertNoActiveContent(html);
    assertThat(html).doesNotContain("href=\"https");
  }

  private static String render(String markdown) {
    return HTML.render(PARSER.parse(markdown));
  }

  /** No HTML from the text itself, no image, and every link target https (or mailto). */
  private static void assertNoActiveContent(String html) {
    assertThat(html).doesNotContain("<script", "<img", "<svg", "<iframe", "<!--", "<b>");
    Matcher m = HREF.matcher(html);
    while (m.find()) {
      assertThat(m.group(1)).as("link target in %s", html).matches("(https://|mailto:).*");
    }
    String withoutTags = html.replaceAll("<(/?)(p|strong|a|h3|br)( [^>]*)?/?>", "");
    assertThat(withoutTags).as("markup left after removing Gridcast's own tags").doesNotContain("<");
  }
}
