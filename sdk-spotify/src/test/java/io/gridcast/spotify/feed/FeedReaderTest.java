package io.gridcast.spotify.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FeedReader}'s limits, checked before ROME parses a feed: size ({@code maxChars}),
 * nesting ({@code maxDepth}) and attributes per element ({@code maxAttributes}); and its refusal
 * of DOCTYPEs. An RSS {@code <item>} is at depth 3 ({@code rss}, {@code channel}, {@code item}).
 */
class FeedReaderTest {

  private static final FeedItem ITEM = FeedSamples.item("nw-ep-7", "Seven", Instant.parse("2026-03-07T09:00:00Z"));

  @TempDir Path dir;

  // ---------------------------------------------------------------- depth

  @Test
  void readsAFeedNestedExactlyToTheDefaultDepthLimit() throws IOException {
    String xml = feedNestedTo(FeedReader.DEFAULT_MAX_DEPTH);

    assertThat(new FeedReader().readItems(new StringReader(xml))).containsExactly(ITEM);
  }

  @Test
  void refusesAFeedNestedOneElementPastTheDefaultDepthLimit() {
    String xml = feedNestedTo(FeedReader.DEFAULT_MAX_DEPTH + 1);

    assertThatThrownBy(() -> new FeedReader().readItems(new StringReader(xml)))
        .isInstanceOfSatisfying(FeedLimitExceededException.class, e -> {
          assertThat(e.limitName()).isEqualTo("maxDepth");
          assertThat(e.limit()).isEqualTo(64);
        })
        .hasMessageContaining("nest deeper than 64 (the reader's maxDepth limit)")
        .hasMessageContaining("FeedReader.builder().maxDepth(n)");
  }

  @Test
  void refuses200000NestedElementsBeforeRomeParsesThem() {
    String xml = feedNestedTo(200_000);

    Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> catchThrowable(() -> new FeedReader().readItems(new StringReader(xml))),
        "a deeply nested feed must be refused, not parsed in quadratic time");

    assertThat(thrown).isInstanceOf(FeedLimitExceededException.class).hasMessageContaining("maxDepth");
  }

  @Test
  void aRaisedDepthLimitReadsADeeperFeed() throws IOException {
    FeedReader reader = FeedReader.builder().maxDepth(100).build();

    assertThat(reader.readItems(new StringReader(feedNestedTo(100)))).containsExactly(ITEM);
  }

  @Test
  void aLoweredDepthLimitRefusesWhatTheDefaultReads() {
    FeedReader reader = FeedReader.builder().maxDepth(5).build();

    assertThatThrownBy(() -> reader.readItems(new StringReader(feedNestedTo(6))))
        .isInstanceOf(FeedLimitExceededException.class).hasMessageContaining("nest deeper than 5");
  }

  // ---------------------------------------------------------------- size

  @Test
  void readsAFeedExactlyAsLongAsMaxChars() throws IOException {
    String xml = feed(ITEM);
    FeedReader reader = FeedReader.builder().maxChars(xml.length()).build();

    assertThat(reader.readItems(new StringReader(xml))).containsExactly(ITEM);
  }

  @Test
  void refusesAFeedOneCharacterLongerThanMaxChars() {
    String xml = feed(ITEM);
    FeedReader reader = FeedReader.builder().maxChars(xml.length() - 1).build();

    assertThatThrownBy(() -> reader.readItems(new StringReader(xml)))
        .isInstanceOfSatisfying(FeedLimitExceededException.class, e -> {
          assertThat(e.limitName()).isEqualTo("maxChars");
          assertThat(e.limit()).isEqualTo(xml.length() - 1);
        })
        .hasMessageContaining("longer than " + (xml.length() - 1) + " characters (the reader's maxChars limit)")
        .hasMessageContaining("FeedReader.builder().maxChars(n)");
  }

  @Test
  void anEndlessFeedIsRefusedAfterReadingOneCharacterPastTheDefault32MiB() {
    EndlessReader endless = new EndlessReader();

    assertThatThrownBy(() -> new FeedReader().readItems(endless))
        .isInstanceOfSatisfying(FeedLimitExceededException.class,
            e -> assertThat(e.limit()).isEqualTo(32L * 1024 * 1024));
    assertThat(endless.served).as("nothing is read beyond the limit").isEqualTo(32L * 1024 * 1024 + 1);
  }

  // ---------------------------------------------------------------- attributes

  @Test
  void readsAnElementWithExactlyMaxAttributes() throws IOException {
    String xml = feedWithAttributes(FeedReader.DEFAULT_MAX_ATTRIBUTES);

    assertThat(new FeedReader().readItems(new StringReader(xml))).containsExactly(ITEM);
  }

  @Test
  void refusesAnElementWithOneAttributeMoreThanMaxAttributes() {
    String xml = feedWithAttributes(FeedReader.DEFAULT_MAX_ATTRIBUTES + 1);

    assertThatThrownBy(() -> new FeedReader().readItems(new StringReader(xml)))
        .isInstanceOfSatisfying(FeedLimitExceededException.class, e -> assertThat(e.limitName()).isEqualTo("maxAttributes"))
        .hasMessageContaining("carries 257 attributes and namespace declarations, more than 256")
        .hasMessageContaining("FeedReader.builder().maxAttributes(n)");
  }

  @Test
  void anElementFarOverTheLimitIsRefusedAsOverTheLimitWhicheverParserCountsFirst() {
    String xml = feedWithAttributes(20_000); // past even JDK 17's own limit of 10,000

    assertThatThrownBy(() -> new FeedReader().readItems(new StringReader(xml)))
        .isInstanceOfSatisfying(FeedLimitExceededException.class, e -> assertThat(e.limitName()).isEqualTo("maxAttributes"))
        .hasMessageContaining("carries so many attributes that the XML parser stopped counting, more than 256 (the reader's maxAttributes limit)")
        .hasMessageContaining("FeedReader.builder().maxAttributes(n)");
  }

  @Test
  void aRaisedLimitHoldsOnEveryJavaVersionThoughJdk24AndLaterStopAt200OfTheirOwn() throws IOException {
    String xml = feedWithAttributes(1_000);

    assertThat(FeedReader.builder().maxAttributes(1_000).build().readItems(new StringReader(xml))).containsExactly(ITEM);
  }

  // ---------------------------------------------------------------- what stays as it was

  @Test
  void aFeedThatRomeRepairsIsStillRead() throws IOException {
    // leading white space before the XML declaration, HTML entities and a bare '&': ROME's XML
    // fixer repairs all three, so the limit check must see the repaired text too
    String xml = "\n  " + feed(ITEM).replace("What changed", "Caf&eacute;&nbsp;Q&A: what changed");

    List<FeedItem> items = new FeedReader().readItems(new StringReader(xml));

    assertThat(items).singleElement().satisfies(item ->
        assertThat(item.description()).startsWith("Caf\u00e9\u00a0Q&A: what changed"));
  }

  @Test
  void refusesADoctypeWithAnExternalEntityWithoutReadingTheFile() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "xxe-marker-41c9", StandardCharsets.UTF_8);
    String xml = feed(ITEM).replaceFirst("<rss", Matcher.quoteReplacement(
            "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]><rss"))
        .replace("<title>Seven</title>", "<title>&xxe;</title>");

    assertThatThrownBy(() -> new FeedReader().readItems(new StringReader(xml)))
        .isExactlyInstanceOf(IOException.class)
        .hasMessageContaining("Not a readable RSS podcast feed")
        .hasMessageContaining("DOCTYPE")
        .hasMessageNotContaining("xxe-marker-41c9");
  }

  @Test
  void refusesADoctypeWithNestedInternalEntities() {
    String laughs = "<!DOCTYPE rss [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>";
    String xml = feed(ITEM).replaceFirst("<rss", Matcher.quoteReplacement(laughs + "<rss"))
        .replace("<title>Seven</title>", "<title>&c;</title>");

    assertThatThrownBy(() -> new FeedReader().readItems(new StringReader(xml)))
        .isExactlyInstanceOf(IOException.class)
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void refusesLimitsBelowTheirMinimum() {
    assertThatThrownBy(() -> FeedReader.builder().maxChars(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxChars must be 1 or more, was 0");
    assertThatThrownBy(() -> FeedReader.builder().maxDepth(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxDepth must be 1 or more, was 0");
    assertThatThrownBy(() -> FeedReader.builder().maxAttributes(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttributes must be 0 or more, was -1");
  }

  @Test
  void theDefaultsAreThoseDocumented() {
    FeedReader reader = new FeedReader();

    assertThat(reader.maxChars()).isEqualTo(33_554_432);
    assertThat(reader.maxDepth()).isEqualTo(64);
    assertThat(reader.maxAttributes()).isEqualTo(256);
    assertThat(FeedReader.builder().build()).hasToString(reader.toString());
  }

  // ---------------------------------------------------------------- fixture

  private static String feed(FeedItem item) {
    try {
      return new FeedWriter().writeToString(FeedSamples.channel().withItems(item));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A valid feed of {@link #ITEM} whose deepest element, inside the item, is at {@code depth}. */
  private static String feedNestedTo(int depth) {
    int chain = depth - 3;
    String nested = "<nest>".repeat(chain) + "</nest>".repeat(chain);
    String xml = feed(ITEM);
    int itemEnd = xml.indexOf("</item>");
    return xml.substring(0, itemEnd) + nested + xml.substring(itemEnd);
  }

  /** A valid feed of {@link #ITEM} holding an element with {@code count} attributes. */
  private static String feedWithAttributes(int count) {
    StringBuilder element = new StringBuilder("<extra");
    for (int i = 0; i < count; i++) {
      element.append(" a").append(i).append("=\"\"");
    }
    element.append("/>");
    String xml = feed(ITEM);
    int itemEnd = xml.indexOf("</item>");
    return xml.substring(0, itemEnd) + element + xml.substring(itemEnd);
  }

  private static Throwable catchThrowable(ThrowingCall call) {
    try {
      call.run();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  @FunctionalInterface
  private interface ThrowingCall {
    void run() throws Throwable;
  }

  /** A feed that never ends: spaces, forever; counts what was read from it. */
  private static final class EndlessReader extends Reader {
    long served;

    @Override
    public int read(char[] buffer, int offset, int length) {
      Arrays.fill(buffer, offset, offset + length, ' ');
      served += length;
      return length;
    }

    @Override
    public void close() {}
  }
}
