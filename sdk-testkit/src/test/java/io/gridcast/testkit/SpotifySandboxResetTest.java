package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpotifySandboxResetTest {

  private static final String SYNTHETIC = "SynthShow00000000000AB";

  @TempDir
  Path dir;

  @Test
  void resetForgetsThePlaylistsCreatedSinceTheStart() {
    try (SpotifySandbox spotify = SpotifySandbox.builder().build()) {
      String token = spotify.userAccessToken();
      String id = Http.json("POST", spotify.apiBaseUri() + "/me/playlists", token, Map.of("name", "Made in a test")).json()
          .path("id").asText();

      spotify.reset();

      assertThat(Http.get(spotify.apiBaseUri() + "/playlists/" + id, token).status()).isEqualTo(404);
      assertThat(Http.get(spotify.apiBaseUri() + "/me/playlists", token).json().path("total").asInt()).isEqualTo(4);
    }
  }

  @Test
  void resetForgetsFeedsAndTheEpisodesIngestedFromThem() {
    try (SpotifySandbox spotify = SpotifySandbox.builder().build()) {
      spotify.registerFeed(SpotifyDemoData.SHOW_PARTNER_ACADEMY, Feeds.write(dir.resolve("feed.xml"),
          new Feeds.Item("g1", "Module 11", "New module.", "10:00", "Mon, 01 Jun 2026 08:00:00 GMT", null)).toUri());
      spotify.ingestNow();
      assertThat(spotify.episodeCount(SpotifyDemoData.SHOW_PARTNER_ACADEMY)).isEqualTo(11);

      spotify.reset();

      assertThat(spotify.episodeCount(SpotifyDemoData.SHOW_PARTNER_ACADEMY)).isEqualTo(10);
      assertThat(spotify.ingestNow()).isEmpty();
      assertThat(spotify.episodeIdForGuid(SpotifyDemoData.SHOW_PARTNER_ACADEMY, "g1")).isEmpty();
    }
  }

  @Test
  void resetKeepsIssuedTokensAndSyntheticShows() {
    try (SpotifySandbox spotify = SpotifySandbox.builder().syntheticShow(SYNTHETIC, 120).build()) {
      String token = spotify.clientAccessToken();

      spotify.reset();

      assertThat(Http.get(spotify.apiBaseUri() + "/shows/" + SpotifyDemoData.SHOW_LIEFERKETTE_LIVE, token).status()).isEqualTo(200);
      assertThat(spotify.episodeCount(SYNTHETIC)).isEqualTo(120);
    }
  }

  @Test
  void resetAlsoStartsTheStateDirectoryAfresh() {
    String id;
    try (SpotifySandbox spotify = SpotifySandbox.builder().stateDir(dir).build()) {
      id = Http.json("POST", spotify.apiBaseUri() + "/me/playlists", spotify.userAccessToken(), Map.of("name", "Kept?")).json()
          .path("id").asText();
      spotify.reset();
    }
    try (SpotifySandbox reopened = SpotifySandbox.builder().stateDir(dir).build()) {
      assertThat(Http.get(reopened.apiBaseUri() + "/playlists/" + id, reopened.userAccessToken()).status()).isEqualTo(404);
    }
  }
}
