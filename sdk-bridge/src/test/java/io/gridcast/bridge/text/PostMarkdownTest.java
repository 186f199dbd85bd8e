package io.gridcast.bridge.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostMarkdownTest {

  @Test
  void htmlIsShownAsTextNeverAsMarkup() {
    assertThat(PostMarkdown.escape("<script>alert(1)</script> & <img src=x onerror=y>"))
        .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=y&gt;");
  }

  @Test
  void markdownSyntaxInRemoteTextIsEscaped() {
    assertThat(PostMarkdown.escape("*bold* _it_ `code` [a](b) ![i](j) ~~s~~ | \\"))
        .isEqualTo("\\*bold\\* \\_it\\_ \\`code\\` \\[a\\](b) !\\[i\\](j) \\~\\~s\\~\\~ \\| \\\\");
  }

  @Test
  void aLineCannotStartAHeadingAListOrAQuote() {
    String notes = PostMarkdown.create().notes("# Heading\n- item\n+ item\n1. first\n2) second\n> quote\n=====", LinkPolicy.none()).build();

    assertThat(notes).isEqualTo("\\# Heading\\\n\\- item\\\n\\+ item\\\n1\\. first\\\n2\\) second\\\n&gt; quote\\\n\\=====");
  }

  @Test
  void indentationCannotOpenACodeBlock() {
    assertThat(PostMarkdown.create().notes("intro\n\n        code()", LinkPolicy.none()).build()).isEqualTo("intro\n\ncode()");
  }

  @Test
  void textOnOneLineTurnsLineBreaksIntoSpaces() {
    assertThat(PostMarkdown.escape("a\r\nb\nc\rd\u2028e")).isEqualTo("a b c d e");
  }

  @Test
  void controlCharactersBidiOverridesAndStraySurrogatesAreRemovedButEmojiStay() {
    assertThat(PostMarkdown.escape("a\u0000b\u0007c\u202Edcba\uD800 ok \uD83C\uDF99")).isEqualTo("abcdcba ok \uD83C\uDF99");
  }

  @Test
  void notesKeepParagraphsAndLineBreaks() {
    assertThat(PostMarkdown.create().notes("one\ntwo\r\n\r\nthree", LinkPolicy.none()).build()).isEqualTo("one\\\ntwo\n\nthree");
  }

  @Test
  void linksInNotesStayOnlyWhenThePolicyAcceptsTheirTarget() {
    String notes = PostMarkdown.create().notes(
        "[docs](https://docs.example.com/x) [bad](javascript:alert(1)) [plain](http://example.com) [data](data:text/html,x)",
        LinkPolicy.anyHttps()).build();

    assertThat(notes).isEqualTo("[docs](https://docs.example.com/x) bad plain data");
  }

  @Test
  void imagesInNotesAreDroppedUnlessTheirHostIsAllowed() {
    String text = "a ![pixel](https://tracker.example/p.gif) b ![cover](https://i.scdn.co/image/1) c";

    assertThat(PostMarkdown.create().notes(text, LinkPolicy.anyHttps()).build()).isEqualTo("a  b  c");
    assertThat(PostMarkdown.create(LinkPolicy.hosts("i.scdn.co")).notes(text, LinkPolicy.anyHttps()).build())
        .isEqualTo("a  b ![cover](https://i.scdn.co/image/1) c");
  }

  @Test
  void aLineBreakBeforeALinkInNotesIsKept() {
    assertThat(PostMarkdown.create().notes("intro\n[docs](https://docs.example.com) and more", LinkPolicy.anyHttps()).build())
        .isEqualTo("intro\\\n[docs](https://docs.example.com) and more");
  }

  @Test
  void aLinkLabelIsEscapedAndARefusedLinkLeavesOnlyItsLabel() {
    assertThat(PostMarkdown.create().link("*Listen*", "https://open.spotify.com/episode/1", LinkPolicy.spotify()).build())
        .isEqualTo("[\\*Listen\\*](https://open.spotify.com/episode/1)");
    assertThat(PostMarkdown.create().link("Listen", "https://evil.example/episode/1", LinkPolicy.spotify()).build())
        .isEqualTo("Listen");
  }

  @Test
  void aCodeSpanCannotBeClosedFromInside() {
    assertThat(PostMarkdown.create().code("snap`shot\nid").build()).isEqualTo("`snapshotid`");
  }

  @Test
  void plainTextIsOneCleanLineClippedToTheLimit() {
    assertThat(PostMarkdown.plain("  Show:\r\n  Episode\u0000 1\u202E  ", 300, "x")).isEqualTo("Show: Episode 1");
    assertThat(PostMarkdown.plain("abcdefghij", 5, "x")).isEqualTo("abcd…");
    assertThat(PostMarkdown.plain("\u0000\r\n", 5, "fallback")).isEqualTo("fallback");
    assertThatThrownBy(() -> PostMarkdown.plain("a", 1, "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void markupIsAppendedAsItIs() {
    assertThat(PostMarkdown.create().markup("**").text("*x*").markup("**").build()).isEqualTo("**\\*x\\***");
  }
}
