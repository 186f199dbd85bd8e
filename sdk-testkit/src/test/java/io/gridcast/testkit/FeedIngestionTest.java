package io.gridcast.testkit;

import static io.gridcast.testkit.SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SpotifyContractChecked
class FeedIngestionTest {

  @TempDir
  Path dir;

  private static final Feeds.Item RELEASE = new Feeds.Item("gc-2026-001", "Issue 4711 resolved: ASN timing",
      "<p>The <b>ASN</b> timing issue is fixed &amp; documented.</p>", "00:07:30", "Tue, 12 May 2026 09:00:00 GMT", "yes");

  @Test
  void ingestsNewFeedItemsAsEpisodesWithTheMappedFields() {
    Path feed = Feeds.write(dir.resolve("feed.xml"), RELEASE);
    try (SpotifySandbox spotify = SpotifySandbox.builder().build()) {
      spotify.registerFeed(SHOW_TRADING_GRID_WEEKLY, feed.toUri());

      List<String> created = spotify.ingestNow();

      assertThat(created).hasSize(1);
      assertThat(spotify.episodeIdForGuid(SHOW_TRADING_GRID_WEEKLY, "gc-2026-001")).contains(created.get(0));
      JsonNode page = Http.get(spotify.apiBaseUri() + "/shows/" + SHOW_TRADING_GRID_WEEKLY + "/episodes?limit=1", spotify.userAccessToken()).json();
      JsonNode episode = page.at("/items/0");
      assertThat(page.get("total").asInt()).isEqualTo(61);
      assertThat(episode.get("id").asText()).isEqualTo(created.get(0));
      assertThat(episode.get("name").asText()).isEqualTo("Issue 4711 resolved: ASN timing");
      assertThat(episode.get("description").asText()).isEqualTo("The ASN timing issue is fixed & documented.");
      assertThat(episode.get("html_description").asText()).contains("<b>ASN</b>");
      assertThat(episode.get("duration_ms").asLong()).isEqualTo(450_000);
      assertThat(episode.get("release_date").asText()).isEqualTo("2026-05-12");
      assertThat(episode.get("release_date_precision").asText()).isEqualTo("day");
      assertThat(episode.get("explicit").asBoolean()).isTrue();
      assertThat(episode.get("languages").get(0).asText()).isEqualTo("en-US");
    }
  }

  @Test
  void anItemsOwnArtworkIsItsEpisodesImageAndOneItCannotFetchLeavesTheShows() throws Exception {
    Path feed = dir.resolve("art.xml");
    java.nio.file.Files.writeString(feed, """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
          <channel><title>Art</title>
            <item><guid>art-1</guid><title>With cover</title><description>a</description>
              <enclosure url="https://cdn.example/a.mp3" length="1" type="audio/mpeg"/>
              <itunes:image href="https://media.example.com/a.png"/></item>
            <item><guid>art-2</guid><title>Odd cover</title><description>b</description>
              <enclosure url="https://cdn.example/b.mp3" length="1" type="audio/mpeg"/>
              <itunes:image href="javascript:alert(1)"/></item>
          </channel>
        </rss>
        """);
    try (SpotifySandbox spotify = SpotifySandbox.builder().build()) {
      spotify.registerFeed(SHOW_TRADING_GRID_WEEKLY, feed.toUri());
      spotify.ingestNow();

      JsonNode withCover = Http.get(spotify.apiBaseUri() + "/episodes/"
          + spotify.episodeIdForGuid(SHOW_TRADING_GRID_WEEKLY, "art-1").orElseThrow(), spotify.userAccessToken()).json();
      JsonNode odd = Http.get(spotify.apiBaseUri() + "/episodes/"
          + spotify.episodeIdForGuid(SHOW_TRADING_GRID_WEEKLY, "art-2").orElseThrow(), spotify.userAccessToken()).json();
      JsonNode show = Http.get(spotify.apiBaseUri() + "/shows/" + SHOW_TRADING_GRID_WEEKLY, spotify.userAccessToken()).json();
      assertThat(withCover.path("images")).hasSize(1);
      assertThat(withCover.at("/images/0/url").asText()).isEqualTo("https://media.example.com/a.png");
      assertThat(odd.path("images")).isEqualTo(show.path("images"));
    }
  }

  @Test
  void materialisesItemsOnlyAfterTheIngestionDelay() throws Exception {
    Path feed = Feeds.write(dir.resolve("feed.xml"), RELEASE);
    try (SpotifySandbox spotify = SpotifySandbox.builder().ingestionDelay(Duration.ofMillis(400)).feedPollInterval(Duration.ZERO).build()) {
      spotify.registerFeed(SHOW_TRADING_GRID_WEEKLY, feed.toUri());
      String token = spotify.userAccessToken();
      String url = spotify.apiBaseUri() + "/shows/" + SHOW_TRADING_GRID_WEEKLY + "/episodes?limit=1";

      assertThat(Http.get(url, token).json().get("total").asInt()).isEqualTo(60);
      assertThat(spotify.episodeIdForGuid(SHOW_TRADING_GRID_WEEKLY, "gc-2026-001")).isEmpty();

      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      JsonNode page = Http.get(url, token).json();
      while (page.get("total").asInt() == 60 && System.nanoTime() < deadline) {
        Thread.sleep(50);
        page = Http.get(url, token).json();
      }
      assertThat(page.get("total").asInt()).isEqualTo(61);
      assertThat(page.at("/items/0/name").asText()).isEqualTo("Issue 4711 resolved: ASN timing");
    }
  }

  @Test
  void addsOnlyItemsWhoseGuidItHasNotSeen() {
    Path feed = Feeds.write(dir.resolve("feed.xml"), RELEASE);
    try (SpotifySandbox spotify = SpotifySandbox.builder().build()) {
      spotify.registerFeed(SHOW_TRADING_GRID_WEEKLY, feed.toUri());
      assertThat(spotify.ingestNow()).hasSize(1);

      Feeds.write(feed, RELEASE, new Feeds.Item("gc-2026-002", "Second update", "Plain text", "95", "Wed, 13 May 2026 09:00:00 GMT", null));
      List<String> second = spotify.ingestNow();

      assertThat(second).hasSize(1);
      assertThat(spotify.episodeIdForGuid(SHOW_TRADING_GRID_WEEKLY, "gc-2026-002")).contains(second.get(0));
      assertThat(spotify.episodeCount(SHOW_TRADING_GRID_WEEKLY)).isEqualTo(62);
      assertThat(spotify.ingestNow()).isEmpty();
      JsonNode episode = Http.get(spotify.apiBaseUri() + "/episodes/" + second.get(0), spotify.userAccessToken()).json();
      assertThat(episode.get("duration_ms").asLong()).isEqualTo(95_000);
      assertThat(episode.get("explicit").asBoolean()).isFalse();
      assertThat(episode.get("html_description").asText()).isEqualTo("<p>Plain text</p>");
    }
  }

  @Test
  void readsFeedsServedOverHttp() {
    Path feed = Feeds.write(dir.resolve("feed.xml"), RELEASE);
    var router = new SandboxRouter().get("/feed.xml", req -> SandboxResponse.bytes(200, "application/rss+xml", java.nio.file.Files.readAllBytes(feed)));
    try (SandboxServer host = SandboxServer.builder().router(router).start(); SpotifySandbox spotify = SpotifySandbox.builder().build()) {
      spotify.registerFeed(SHOW_TRADING_GRID_WEEKLY, URI.create(host.baseUri() + "/feed.xml"));

      assertThat(spotify.ingestNow()).hasSize(1);
    }
  }

  @Test
  void refusesUnknownShowsAndUnsupportedSchemes() {
    try (SpotifySandbox spotify = SpotifySandbox.builder().build()) {
      assertThatThrownBy(() -> spotify.registerFeed("B".repeat(22), dir.resolve("f.xml").toUri())).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> spotify.registerFeed(SHOW_TRADING_GRID_WEEKLY, URI.create("ftp://example/feed.xml")))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void parsesItunesDurations() {
    assertThat(PodcastFeedReader.parseDuration("01:02:03")).isEqualTo(3_723_000);
    assertThat(PodcastFeedReader.parseDuration("12:30")).isEqualTo(750_000);
    assertThat(PodcastFeedReader.parseDuration("42")).isEqualTo(42_000);
    assertThat(PodcastFeedReader.parseDuration("soon")).isZero();
  }
}
