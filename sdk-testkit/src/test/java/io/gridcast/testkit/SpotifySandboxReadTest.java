package io.gridcast.testkit;

import static io.gridcast.testkit.SpotifyDemoData.PLAYLIST_DEMO_MIX;
import static io.gridcast.testkit.SpotifyDemoData.PLAYLIST_EDITORIAL;
import static io.gridcast.testkit.SpotifyDemoData.PLAYLIST_STORE_BERLIN;
import static io.gridcast.testkit.SpotifyDemoData.SHOW_ARCHIVE_SESSIONS;
import static io.gridcast.testkit.SpotifyDemoData.SHOW_LIEFERKETTE_LIVE;
import static io.gridcast.testkit.SpotifyDemoData.SHOW_PARTNER_ACADEMY;
import static io.gridcast.testkit.SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@SpotifyContractChecked
class SpotifySandboxReadTest {

  private static SpotifySandbox spotify;
  private static String api;
  private static String user;

  @BeforeAll
  static void start() {
    spotify = SpotifySandbox.builder().build();
    api = spotify.apiBaseUri().toString();
    user = spotify.userAccessToken();
  }

  @AfterAll
  static void stop() {
    spotify.close();
  }

  @Test
  void requiresABearerToken() {
    Http.Reply none = Http.get(api + "/shows/" + SHOW_TRADING_GRID_WEEKLY, null);
    Http.Reply bogus = Http.get(api + "/shows/" + SHOW_TRADING_GRID_WEEKLY, "not-a-token");

    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json().at("/error/status").asInt()).isEqualTo(401);
    assertThat(none.json().at("/error/message").asText()).isEqualTo("No token provided");
    assertThat(bogus.status()).isEqualTo(401);
    assertThat(bogus.json().at("/error/message").asText()).isEqualTo("Invalid access token");
  }

  @Test
  void userEndpointsRejectClientCredentialsTokens() {
    Http.Reply reply = Http.get(api + "/me", spotify.clientAccessToken());

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().at("/error/message").asText()).contains("user authentication");
  }

  @Test
  void servesAShowObjectWithItsFirstEpisodes() {
    JsonNode show = Http.get(api + "/shows/" + SHOW_TRADING_GRID_WEEKLY + "?market=DE", spotify.clientAccessToken()).json();

    assertThat(show.get("type").asText()).isEqualTo("show");
    assertThat(show.get("uri").asText()).isEqualTo("spotify:show:" + SHOW_TRADING_GRID_WEEKLY);
    assertThat(show.get("href").asText()).isEqualTo(api + "/shows/" + SHOW_TRADING_GRID_WEEKLY);
    assertThat(show.get("total_episodes").asInt()).isEqualTo(60);
    assertThat(show.get("html_description").asText()).contains("<b>onboarding</b>");
    assertThat(show.get("publisher").asText()).isNotBlank();
    assertThat(show.get("images")).hasSize(3);
    assertThat(show.at("/episodes/items")).hasSize(50);
    assertThat(show.at("/episodes/next").asText()).contains("offset=50");
    assertThat(show.at("/episodes/items/0/name").asText()).isEqualTo("Episode 60: Ask the architects");
    assertThat(show.at("/episodes/items/0").has("resume_point")).isFalse();
  }

  @Test
  void pagesThroughAShowsEpisodesWithAbsoluteLinks() {
    Set<String> ids = new HashSet<>();
    List<String> dates = new ArrayList<>();
    String next = api + "/shows/" + SHOW_TRADING_GRID_WEEKLY + "/episodes?limit=25";
    int pages = 0;
    JsonNode page = null;
    while (next != null) {
      page = Http.get(next, user).json();
      pages++;
      assertThat(page.get("total").asInt()).isEqualTo(60);
      assertThat(page.get("href").asText()).startsWith(spotify.baseUri().toString());
      page.get("items").forEach(e -> {
        ids.add(e.get("id").asText());
        dates.add(e.get("release_date").asText());
        assertThat(e.get("id").asText()).matches("[0-9A-Za-z]{22}");
        assertThat(e.has("resume_point")).isTrue();
      });
      next = page.get("next").isNull() ? null : page.get("next").asText();
      if (pages == 2) {
        assertThat(page.get("previous").asText()).contains("offset=0");
      }
    }
    assertThat(pages).isEqualTo(3);
    assertThat(page.get("offset").asInt()).isEqualTo(50);
    assertThat(page.get("items")).hasSize(10);
    assertThat(ids).hasSize(60);
    assertThat(dates).isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  @Test
  void theArchiveShowKeepsItsOlderDatesButCarriesEveryFieldTheDocumentRequires() {
    JsonNode show = Http.get(api + "/shows/" + SHOW_ARCHIVE_SESSIONS, user).json();
    JsonNode episodes = Http.get(api + "/shows/" + SHOW_ARCHIVE_SESSIONS + "/episodes?limit=50", user).json();

    assertThat(show.get("html_description").asText()).isEqualTo("<p>Recordings from the partner conference archive, in English and French.</p>");
    assertThat(show.get("total_episodes").asInt()).isEqualTo(14);
    assertThat(show.get("available_markets")).hasSizeGreaterThan(100);
    List<String> precisions = new ArrayList<>();
    episodes.get("items").forEach(e -> {
      precisions.add(e.get("release_date_precision").asText());
      assertThat(e.get("html_description").asText()).startsWith("<p>").endsWith("</p>");
    });
    assertThat(precisions).contains("year", "month").doesNotContain("day");
    assertThat(episodes.at("/items/13/release_date").asText()).matches("\\d{4}");
  }

  @Test
  void anEpisodeWithoutAPreviewSendsANullPreviewUrlAndNoDeprecatedLanguage() {
    JsonNode episode = Http.get(api + "/episodes/" + SpotifyDemoData.episodeId(SHOW_LIEFERKETTE_LIVE, 2), user).json();

    assertThat(episode.has("language")).isFalse();
    assertThat(episode.has("audio_preview_url")).isTrue();
    assertThat(episode.get("audio_preview_url").isNull()).isTrue();
    assertThat(episode.get("languages").get(0).asText()).isEqualTo("de");
    assertThat(episode.get("name").asText()).contains("Zölle");
    assertThat(episode.at("/show/id").asText()).isEqualTo(SHOW_LIEFERKETTE_LIVE);
  }

  @Test
  void answersInvalidIdsWith400AndUnknownIdsWith404() {
    Http.Reply invalid = Http.get(api + "/shows/not-an-id", user);
    Http.Reply unknown = Http.get(api + "/episodes/" + "A".repeat(22), user);

    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().at("/error/status").asInt()).isEqualTo(400);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().at("/error/message").asText()).contains("spotify:episode:" + "A".repeat(22));
  }

  @Test
  void hidesShowsOutsideTheirMarkets() {
    assertThat(Http.get(api + "/shows/" + SHOW_PARTNER_ACADEMY + "?market=JP", user).status()).isEqualTo(200);
    assertThat(Http.get(api + "/shows/" + SHOW_PARTNER_ACADEMY + "?market=BR", user).status()).isEqualTo(404);
    assertThat(Http.get(api + "/shows/" + SHOW_PARTNER_ACADEMY + "?market=brazil", user).status()).isEqualTo(400);
  }

  @Test
  void rejectsLimitsOutsideTheRange() {
    assertThat(Http.get(api + "/shows/" + SHOW_TRADING_GRID_WEEKLY + "/episodes?limit=51", user).status()).isEqualTo(400);
    assertThat(Http.get(api + "/shows/" + SHOW_TRADING_GRID_WEEKLY + "/episodes?offset=-1", user).status()).isEqualTo(400);
  }

  @Test
  void servesTheCurrentUserWithScopeDependentFields() {
    JsonNode full = Http.get(api + "/me", user).json();
    JsonNode bare = Http.get(api + "/me", spotify.userAccessToken("playlist-read-private")).json();

    assertThat(full.get("id").asText()).isEqualTo(SpotifyDemoData.CURRENT_USER_ID);
    assertThat(full.get("email").asText()).isEqualTo("demo@gridcast.example");
    assertThat(full.get("country").asText()).isEqualTo("DE");
    assertThat(bare.has("email")).isFalse();
    assertThat(bare.has("country")).isFalse();
    assertThat(bare.get("display_name").asText()).isEqualTo("Gridcast Demo");
  }

  @Test
  void servesTheLibrary() {
    JsonNode shows = Http.get(api + "/me/shows", user).json();
    JsonNode episodes = Http.get(api + "/me/episodes?limit=2", user).json();
    JsonNode playlists = Http.get(api + "/me/playlists", user).json();

    assertThat(shows.get("total").asInt()).isEqualTo(3);
    assertThat(shows.at("/items/0/show/id").asText()).isEqualTo(SHOW_TRADING_GRID_WEEKLY);
    assertThat(shows.at("/items/0/added_at").asText()).isEqualTo("2025-01-10T09:30:00Z");
    assertThat(episodes.get("total").asInt()).isEqualTo(4);
    assertThat(episodes.get("next").asText()).contains("offset=2");
    assertThat(episodes.at("/items/0/episode/show/type").asText()).isEqualTo("show");
    assertThat(playlists.get("total").asInt()).isEqualTo(4);
    assertThat(playlists.at("/items/0/items/total").asInt()).isEqualTo(12);
    assertThat(playlists.at("/items/0/tracks/href").asText()).endsWith("/tracks");
  }

  @Test
  void libraryNeedsItsScope() {
    Http.Reply reply = Http.get(api + "/me/shows", spotify.userAccessToken("user-read-email"));

    assertThat(reply.status()).isEqualTo(403);
  }

  @Test
  void servesPlaylistsMixingTracksEpisodesLocalFilesAndUnavailableItems() {
    JsonNode playlist = Http.get(api + "/playlists/" + PLAYLIST_DEMO_MIX, user).json();
    JsonNode items = playlist.get("items").get("items");

    assertThat(playlist.get("snapshot_id").asText()).isNotBlank();
    assertThat(playlist.at("/owner/id").asText()).isEqualTo(SpotifyDemoData.CURRENT_USER_ID);
    assertThat(items).hasSize(12);
    assertThat(items.get(0).at("/item/type").asText()).isEqualTo("track");
    assertThat(items.get(0).get("track")).isEqualTo(items.get(0).get("item"));
    assertThat(items.get(1).at("/item/type").asText()).isEqualTo("episode");
    assertThat(items.get(1).at("/item/show/id").asText()).isEqualTo(SHOW_TRADING_GRID_WEEKLY);
    assertThat(items.get(3).get("is_local").asBoolean()).isTrue();
    assertThat(items.get(3).get("item").has("id")).isFalse();
    assertThat(items.get(3).at("/item/name").asText()).isEqualTo("Warehouse Dawn (Rough Mix)");
    assertThat(items.get(3).at("/item/artists/0/name").asText()).isEqualTo("Nordlicht Ensemble");
    assertThat(items.get(3).at("/item/duration_ms").asLong()).isEqualTo(241_000);
  }

  @Test
  void anUnavailableItemKeepsItsPlaceWithoutContent() {
    JsonNode items = Http.get(api + "/playlists/" + PLAYLIST_DEMO_MIX + "/items?limit=50", user).json().get("items");

    assertThat(items.get(5).has("added_at")).isTrue();
    assertThat(items.get(5).has("item")).isFalse();
    assertThat(items.get(5).has("track")).isFalse();
    assertThat(items.get(11).has("item")).isFalse();
  }

  @Test
  void anEditorialPlaylistLeavesOutWhatItHasNoValueFor() {
    JsonNode playlist = Http.get(api + "/playlists/" + PLAYLIST_EDITORIAL, spotify.clientAccessToken()).json();

    assertThat(playlist.has("public")).isFalse();
    assertThat(playlist.get("description").isNull()).isTrue(); // the one null the document allows here
    assertThat(playlist.at("/items/items/0").has("added_by")).isFalse();
    assertThat(playlist.at("/followers/total").asInt()).isEqualTo(48_213);
  }

  @Test
  void aSimplifiedPlaylistWithoutDescriptionLeavesItOut() {
    JsonNode mine = Http.get(api + "/me/playlists", user).json();

    JsonNode editorial = null;
    for (JsonNode p : mine.get("items")) {
      if (p.get("id").asText().equals(PLAYLIST_EDITORIAL)) {
        editorial = p;
      }
    }
    assertThat(editorial).isNotNull();
    assertThat(editorial.has("description")).isFalse();
    assertThat(editorial.has("public")).isFalse();
  }

  @Test
  void privatePlaylistsAreHiddenFromClientTokens() {
    assertThat(Http.get(api + "/playlists/" + SpotifyDemoData.PLAYLIST_TRAINING_QUEUE, spotify.clientAccessToken()).status()).isEqualTo(404);
    assertThat(Http.get(api + "/playlists/" + SpotifyDemoData.PLAYLIST_TRAINING_QUEUE, user).status()).isEqualTo(200);
  }

  @Test
  void pagesPlaylistItemsOnTheCurrentPathAndTheDeprecatedAlias() {
    JsonNode items = Http.get(api + "/playlists/" + PLAYLIST_STORE_BERLIN + "/items?limit=10&offset=10", user).json();
    JsonNode tracks = Http.get(api + "/playlists/" + PLAYLIST_STORE_BERLIN + "/tracks?limit=10&offset=10", user).json();

    assertThat(items.get("total").asInt()).isEqualTo(30);
    assertThat(items.get("next").asText()).isEqualTo(api + "/playlists/" + PLAYLIST_STORE_BERLIN + "/items?offset=20&limit=10");
    assertThat(items.get("previous").asText()).isEqualTo(api + "/playlists/" + PLAYLIST_STORE_BERLIN + "/items?offset=0&limit=10");
    assertThat(tracks.get("next").asText()).contains("/tracks?");
    assertThat(tracks.get("items")).isEqualTo(items.get("items"));
  }

  @Test
  void searchesShowsEpisodesTracksAndPlaylists() {
    JsonNode result = Http.get(api + "/search?q=trading%20grid&type=show,episode,playlist,track&limit=10", user).json();

    assertThat(result.at("/shows/items/0/id").asText()).isEqualTo(SHOW_TRADING_GRID_WEEKLY);
    assertThat(result.at("/episodes/total").asInt()).isGreaterThan(0);
    assertThat(result.at("/tracks/total").asInt()).isZero();
    assertThat(result.at("/playlists/total").asInt()).isEqualTo(result.at("/playlists/items").size());
    assertThat(result.at("/shows/href").asText()).contains("?offset=0&limit=10&q=trading%20grid&type=show");
  }

  @Test
  void searchLeavesOutDeletedPlaylists() {
    JsonNode page = Http.get(api + "/search?q=store%20ambience&type=playlist", user).json().get("playlists");

    assertThat(page.get("items")).hasSize(1);
    assertThat(page.at("/items/0/id").asText()).isEqualTo(PLAYLIST_STORE_BERLIN);
    assertThat(page.get("total").asInt()).isEqualTo(1);
  }

  @Test
  void servesTheDeprecatedListOfAUsersPlaylists() {
    JsonNode own = Http.get(api + "/users/" + SpotifyDemoData.CURRENT_USER_ID + "/playlists?limit=2", user).json();
    JsonNode theirs = Http.get(api + "/users/" + SpotifyDemoData.EDITORIAL_USER_ID + "/playlists", spotify.clientAccessToken()).json();

    assertThat(own.get("total").asInt()).isEqualTo(4);
    assertThat(own.get("next").asText()).isEqualTo(api + "/users/" + SpotifyDemoData.CURRENT_USER_ID + "/playlists?offset=2&limit=2");
    assertThat(theirs.get("total").asInt()).isEqualTo(1);
    assertThat(theirs.at("/items/0/id").asText()).isEqualTo(PLAYLIST_EDITORIAL);
  }

  @Test
  void aUsersPlaylistsLeaveOutTheirPrivateOnesForOthers() {
    JsonNode seenByApp = Http.get(api + "/users/" + SpotifyDemoData.CURRENT_USER_ID + "/playlists", spotify.clientAccessToken()).json();

    List<String> ids = new ArrayList<>();
    seenByApp.get("items").forEach(p -> ids.add(p.get("id").asText()));
    assertThat(ids).contains(PLAYLIST_DEMO_MIX).doesNotContain(SpotifyDemoData.PLAYLIST_TRAINING_QUEUE, PLAYLIST_EDITORIAL);
  }

  @Test
  void servesAUsersPublicProfile() {
    JsonNode profile = Http.get(api + "/users/" + SpotifyDemoData.CURRENT_USER_ID, spotify.clientAccessToken()).json();

    assertThat(profile.get("display_name").asText()).isEqualTo("Gridcast Demo");
    assertThat(profile.has("email")).isFalse();
    assertThat(profile.has("country")).isFalse();
    assertThat(Http.get(api + "/users/nobody-here", user).status()).isEqualTo(404);
  }

  @Test
  void searchFindsTracksByArtistAndHonoursTheLimitCap() {
    JsonNode result = Http.get(api + "/search?q=nordlicht&type=track", user).json();

    assertThat(result.at("/tracks/limit").asInt()).isEqualTo(5);
    assertThat(result.at("/tracks/total").asInt()).isGreaterThanOrEqualTo(4);
    assertThat(result.at("/tracks/items/0/artists/0/name").asText()).isEqualTo("Nordlicht Ensemble");
    assertThat(Http.get(api + "/search?q=x&type=track&limit=11", user).status()).isEqualTo(400);
    assertThat(Http.get(api + "/search?q=x&type=podcast", user).status()).isEqualTo(400);
    assertThat(Http.get(api + "/search?type=track", user).status()).isEqualTo(400);
  }
}
