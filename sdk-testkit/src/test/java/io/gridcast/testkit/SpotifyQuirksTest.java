package io.gridcast.testkit;

import static io.gridcast.testkit.SpotifyDemoData.PLAYLIST_DEMO_MIX;
import static io.gridcast.testkit.SpotifyDemoData.PLAYLIST_EDITORIAL;
import static io.gridcast.testkit.SpotifyDemoData.SHOW_ARCHIVE_SESSIONS;
import static io.gridcast.testkit.SpotifyDemoData.SHOW_LIEFERKETTE_LIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each {@link SpotifyQuirk} brings back one way in which the live API breaks Spotify's OpenAPI
 * document, and only when asked.
 */
class SpotifyQuirksTest {

  private static final Logger log = LoggerFactory.getLogger(SpotifyQuirksTest.class);

  /** Runs {@code test} against a fresh sandbox with exactly {@code quirks}. */
  private static void with(Set<SpotifyQuirk> quirks, SandboxTest test) {
    try (SpotifySandbox sandbox = SpotifySandbox.builder().quirks(quirks).build()) {
      test.run(sandbox, sandbox.apiBaseUri().toString(), sandbox.userAccessToken());
    }
  }

  private interface SandboxTest {
    void run(SpotifySandbox sandbox, String api, String user);
  }

  @Test
  void aSandboxIsStrictUnlessAsked() {
    try (SpotifySandbox sandbox = SpotifySandbox.builder().build()) {
      assertThat(sandbox.quirks()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(SpotifyQuirk.class)
  void eachQuirkBreaksTheDocumentSomewhere(SpotifyQuirk quirk) {
    with(EnumSet.of(quirk), (sandbox, api, user) -> {
      SpotifyCrawl crawl = SpotifyCrawl.of(sandbox);

      assertThat(crawl.violations()).as("violations with %s", quirk).isNotEmpty();
    });
  }

  @Test
  void theRealWorldSandboxBreaksTheDocumentAsTheLiveApiDoes() {
    with(SpotifyQuirk.REAL_WORLD, (sandbox, api, user) -> {
      SpotifyCrawl crawl = SpotifyCrawl.of(sandbox);
      log.info("crawled {} exchanges of the real-world Spotify sandbox: {} responses break the document, {} violations",
          crawl.exchanges().size(), crawl.failingResponses(), crawl.violations().size());

      assertThat(crawl.failingResponses()).isGreaterThan(10);
    });
  }

  @Test
  void deprecatedFieldsOmittedLeavesOutANullPreviewAndAnUnrestrictedMarketList() {
    with(EnumSet.of(SpotifyQuirk.DEPRECATED_FIELDS_OMITTED), (sandbox, api, user) -> {
      JsonNode episode = Http.get(api + "/episodes/" + SpotifyDemoData.episodeId(SHOW_LIEFERKETTE_LIVE, 2), user).json();
      JsonNode show = Http.get(api + "/shows/" + SHOW_ARCHIVE_SESSIONS, user).json();

      assertThat(episode.has("audio_preview_url")).isFalse();
      assertThat(show.has("available_markets")).isFalse();
      assertThat(show.has("html_description")).isTrue();
    });
  }

  @Test
  void olderPayloadsLackHtmlDescriptionsAndTheEpisodeCount() {
    with(EnumSet.of(SpotifyQuirk.OLDER_PAYLOADS), (sandbox, api, user) -> {
      JsonNode show = Http.get(api + "/shows/" + SHOW_ARCHIVE_SESSIONS, user).json();
      JsonNode episodes = Http.get(api + "/shows/" + SHOW_ARCHIVE_SESSIONS + "/episodes?limit=50", user).json();

      assertThat(show.has("html_description")).isFalse();
      assertThat(show.has("total_episodes")).isFalse();
      assertThat(episodes.get("items")).allSatisfy(e -> assertThat(e.has("html_description")).isFalse());
      assertThat(show.has("available_markets")).isTrue();
    });
  }

  @Test
  void nullUnavailableItemsSendsNullContentInBothFieldNames() {
    with(EnumSet.of(SpotifyQuirk.NULL_UNAVAILABLE_ITEMS), (sandbox, api, user) -> {
      JsonNode items = Http.get(api + "/playlists/" + PLAYLIST_DEMO_MIX + "/items?limit=50", user).json().get("items");

      assertThat(items.get(5).get("item").isNull()).isTrue();
      assertThat(items.get(5).get("track").isNull()).isTrue();
      assertThat(items.get(11).get("item").isNull()).isTrue();
      assertThat(items.get(0).get("item").isObject()).isTrue();
    });
  }

  @Test
  void nullAddedBySendsNullForItemsNobodyAdded() {
    with(EnumSet.of(SpotifyQuirk.NULL_ADDED_BY), (sandbox, api, user) -> {
      JsonNode editorial = Http.get(api + "/playlists/" + PLAYLIST_EDITORIAL, user).json();
      JsonNode mix = Http.get(api + "/playlists/" + PLAYLIST_DEMO_MIX, user).json();

      assertThat(editorial.at("/items/items/0/added_by").isNull()).isTrue();
      assertThat(mix.at("/items/items/0/added_by/id").asText()).isEqualTo(SpotifyDemoData.CURRENT_USER_ID);
    });
  }

  @Test
  void nullPlaylistFieldsSendsNullPublicAndNullDescriptions() {
    with(EnumSet.of(SpotifyQuirk.NULL_PLAYLIST_FIELDS), (sandbox, api, user) -> {
      JsonNode editorial = Http.get(api + "/playlists/" + PLAYLIST_EDITORIAL, user).json();
      JsonNode mine = Http.get(api + "/me/playlists?limit=50", user).json();

      assertThat(editorial.get("public").isNull()).isTrue();
      JsonNode listed = null;
      for (JsonNode p : mine.get("items")) {
        if (p.get("id").asText().equals(PLAYLIST_EDITORIAL)) {
          listed = p;
        }
      }
      assertThat(listed).isNotNull();
      assertThat(listed.get("description").isNull()).isTrue();
      assertThat(listed.get("public").isNull()).isTrue();
    });
  }

  @Test
  void nullSearchResultsCountsDeletedPlaylistsAsNulls() {
    with(EnumSet.of(SpotifyQuirk.NULL_SEARCH_RESULTS), (sandbox, api, user) -> {
      JsonNode page = Http.get(api + "/search?q=store%20ambience&type=playlist", user).json().get("playlists");

      List<Boolean> nulls = new ArrayList<>();
      page.get("items").forEach(p -> nulls.add(p.isNull()));
      assertThat(nulls).containsExactly(false, true);
      assertThat(page.get("total").asInt()).isEqualTo(2);
    });
  }

  @Test
  void nullLocalFileFieldsSendsALocalFileWithNullsAndNoAlbumTrackCount() {
    with(EnumSet.of(SpotifyQuirk.NULL_LOCAL_FILE_FIELDS), (sandbox, api, user) -> {
      JsonNode local = Http.get(api + "/playlists/" + PLAYLIST_DEMO_MIX + "/items?limit=50", user).json().at("/items/3/item");

      assertThat(local.get("id").isNull()).isTrue();
      assertThat(local.get("href").isNull()).isTrue();
      assertThat(local.at("/album/id").isNull()).isTrue();
      assertThat(local.at("/album/name").asText()).isEqualTo("Demo Tapes");
      assertThat(local.get("album").has("total_tracks")).isFalse();
      assertThat(local.at("/artists/0/uri").isNull()).isTrue();
    });
  }

  @Test
  void queryInSearchLinksLinksPagesWithTheQueryParameter() {
    with(EnumSet.of(SpotifyQuirk.QUERY_IN_SEARCH_LINKS), (sandbox, api, user) -> {
      JsonNode page = Http.get(api + "/search?q=episode&type=episode&limit=10", user).json().get("episodes");

      assertThat(page.get("next").asText()).contains("&query=episode&").doesNotContain("&q=");
    });
  }

  @Test
  void quirksAreNamedOnTheCommandLineInKebabCase() {
    assertThat(SpotifyQuirk.parse("real-world")).isEqualTo(SpotifyQuirk.REAL_WORLD);
    assertThat(SpotifyQuirk.parse("none")).isEmpty();
    assertThat(SpotifyQuirk.parse("null-added-by, OLDER_PAYLOADS"))
        .containsExactlyInAnyOrder(SpotifyQuirk.NULL_ADDED_BY, SpotifyQuirk.OLDER_PAYLOADS);
    assertThat(SpotifyQuirk.NULL_LOCAL_FILE_FIELDS.optionName()).isEqualTo("null-local-file-fields");
  }

  @Test
  void anUnknownQuirkIsRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> SpotifyQuirk.parse("null-everything"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null-everything")
        .hasMessageContaining("real-world")
        .hasMessageContaining("null-unavailable-items");
  }
}
