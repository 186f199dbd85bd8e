package io.gridcast.spotify.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemFeedSinkTest {

  private static final URI FEED_URL = URI.create("https://partners.northwind.example/feed.xml");

  @TempDir Path dir;

  private FileSystemFeedSink sink() {
    return FileSystemFeedSink.create(dir.resolve("feed.xml"), FEED_URL, FeedSamples.channel());
  }

  private SyndFeed parse(Path file) throws Exception {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new SyndFeedInput().build(in);
    }
  }

  @Test
  void hasNoItemsBeforeTheFirstUpsert() throws IOException {
    assertThat(sink().items()).isEmpty();
    assertThat(sink().feedUrl()).isEqualTo(FEED_URL);
  }

  @Test
  void writesAFeedThatRomeParses() throws Exception {
    FileSystemFeedSink sink = sink();

    FeedSink.UpsertOutcome outcome =
        sink.upsert(FeedSamples.item("nw-1", "One", Instant.parse("2026-03-01T09:00:00Z")));

    assertThat(outcome).isEqualTo(FeedSink.UpsertOutcome.CREATED);
    SyndFeed feed = parse(sink.file());
    assertThat(feed.getTitle()).isEqualTo("Northwind Partner Briefing");
    assertThat(feed.getEntries()).extracting(SyndEntry::getUri).containsExactly("nw-1");
  }

  @Test
  void upsertingTheSameGuidTwiceNeverProducesTwoItems() throws Exception {
    FileSystemFeedSink sink = sink();
    FeedItem item = FeedSamples.item("nw-1", "One", Instant.parse("2026-03-01T09:00:00Z"));

    FeedSink.UpsertOutcome first = sink.upsert(item);
    FeedSink.UpsertOutcome second = sink.upsert(item);

    assertThat(first).isEqualTo(FeedSink.UpsertOutcome.CREATED);
    assertThat(second).isEqualTo(FeedSink.UpsertOutcome.UNCHANGED);
    assertThat(parse(sink.file()).getEntries()).hasSize(1);
  }

  @Test
  void replacesAChangedItemInPlace() throws Exception {
    FileSystemFeedSink sink = sink();
    sink.upsert(FeedSamples.item("nw-1", "One", Instant.parse("2026-03-01T09:00:00Z")));
    sink.upsert(FeedSamples.item("nw-2", "Two", Instant.parse("2026-03-02T09:00:00Z")));

    FeedSink.UpsertOutcome outcome = sink.upsert(
        FeedSamples.item("nw-1", "One (corrected)", Instant.parse("2026-03-01T09:00:00Z")));

    assertThat(outcome).isEqualTo(FeedSink.UpsertOutcome.UPDATED);
    assertThat(sink.items()).extracting(FeedItem::guid, FeedItem::title)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("nw-2", "Two"),
            org.assertj.core.groups.Tuple.tuple("nw-1", "One (corrected)"));
  }

  @Test
  void writesItemsNewestFirst() throws Exception {
    FileSystemFeedSink sink = sink();
    sink.upsert(FeedSamples.item("nw-2", "Two", Instant.parse("2026-03-02T09:00:00Z")));
    sink.upsert(FeedSamples.item("nw-1", "One", Instant.parse("2026-03-01T09:00:00Z")));
    sink.upsert(FeedSamples.item("nw-3", "Three", Instant.parse("2026-03-03T09:00:00Z")));

    assertThat(parse(sink.file()).getEntries()).extracting(SyndEntry::getUri)
        .containsExactly("nw-3", "nw-2", "nw-1");
  }

  @Test
  void concurrentUpsertsOfTheSameGuidsLeaveOneItemPerGuid() throws Exception {
    FileSystemFeedSink sink = sink();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<FeedSink.UpsertOutcome>> results = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String guid = "nw-" + (i % 3);
        results.add(pool.submit(() -> sink.upsert(
            FeedSamples.item(guid, "Episode " + guid, Instant.parse("2026-03-01T09:00:00Z")))));
      }
      for (Future<FeedSink.UpsertOutcome> result : results) {
        result.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(sink.items()).extracting(FeedItem::guid)
        .containsExactlyInAnyOrder("nw-0", "nw-1", "nw-2");
  }

  @Test
  void leavesNoTemporaryFilesBehind() throws Exception {
    FileSystemFeedSink sink = sink();
    sink.upsert(FeedSamples.item("nw-1", "One", Instant.parse("2026-03-01T09:00:00Z")));
    sink.upsert(FeedSamples.item("nw-2", "Two", Instant.parse("2026-03-02T09:00:00Z")));

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("feed.xml", "feed.xml.lock");
    }
  }

  @Test
  void aFailedWriteKeepsTheOldFeedIntact() throws Exception {
    FileSystemFeedSink sink = sink();
    sink.upsert(FeedSamples.item("nw-1", "One", Instant.parse("2026-03-01T09:00:00Z")));
    String before = Files.readString(sink.file());
    // XML cannot carry U+0000, so rendering fails after the temporary file was created.
    FileSystemFeedSink broken = FileSystemFeedSink.create(sink.file(), FEED_URL,
        PodcastFeed.builder().from(FeedSamples.channel()).title("Broken \u0000 title").build());

    assertThatThrownBy(() -> broken.upsert(
            FeedSamples.item("nw-2", "Two", Instant.parse("2026-03-02T09:00:00Z"))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Could not render");

    assertThat(Files.readString(sink.file())).isEqualTo(before);
    assertThat(sink.items()).extracting(FeedItem::guid).containsExactly("nw-1");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("feed.xml", "feed.xml.lock");
    }
  }

  @Test
  void refusesAFeedUrlThatIsNotHttp() {
    assertThatThrownBy(() -> FileSystemFeedSink.create(
            dir.resolve("feed.xml"), URI.create("ftp://example.com/feed.xml"), FeedSamples.channel()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("feedUrl");
  }
}
