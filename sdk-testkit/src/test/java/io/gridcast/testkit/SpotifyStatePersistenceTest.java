package io.gridcast.testkit;

import static io.gridcast.testkit.SpotifyDemoData.PLAYLIST_STORE_BERLIN;
import static io.gridcast.testkit.SpotifyDemoData.SHOW_LIEFERKETTE_LIVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SpotifyContractChecked
class SpotifyStatePersistenceTest {

  @TempDir
  Path dir;

  @Test
  void runsBuildOnEachOtherThroughTheStateDirectory() {
    Path state = dir.resolve("state");
    Path feed = Feeds.write(dir.resolve("feed.xml"),
        new Feeds.Item("lk-100", "Folge 100: Übergabe", "Jubiläum", "30:00", "Fri, 15 May 2026 06:00:00 GMT", null));
    String playlistId;
    String snapshot;
    String episodeId;
    try (SpotifySandbox first = SpotifySandbox.builder().stateDir(state).build()) {
      String user = first.userAccessToken();
      String api = first.apiBaseUri().toString();
      playlistId = Http.json("POST", api + "/me/playlists", user, Map.of("name", "Persistent")).json().get("id").asText();
      Http.json("POST", api + "/playlists/" + playlistId + "/items", user,
          Map.of("uris", List.of("spotify:track:" + SpotifyDemoData.trackId(4), "spotify:track:" + SpotifyDemoData.trackId(5))));
      snapshot = Http.json("DELETE", api + "/playlists/" + PLAYLIST_STORE_BERLIN + "/items", user,
          Map.of("items", List.of(Map.of("uri", "spotify:track:" + SpotifyDemoData.trackId(0))))).json().get("snapshot_id").asText();
      first.registerFeed(SHOW_LIEFERKETTE_LIVE, feed.toUri());
      episodeId = first.ingestNow().get(0);
      assertThat(first.stateFile()).contains(state.resolve(SpotifyStateStore.FILE_NAME));
    }
    assertThat(Files.exists(state.resolve(SpotifyStateStore.FILE_NAME))).isTrue();

    try (SpotifySandbox second = SpotifySandbox.builder().stateDir(state).build()) {
      String user = second.userAccessToken();
      String api = second.apiBaseUri().toString();
      JsonNode created = Http.get(api + "/playlists/" + playlistId, user).json();
      assertThat(created.get("name").asText()).isEqualTo("Persistent");
      assertThat(created.at("/items/total").asInt()).isEqualTo(2);
      assertThat(created.at("/items/items/1/item/id").asText()).isEqualTo(SpotifyDemoData.trackId(5));
      JsonNode berlin = Http.get(api + "/playlists/" + PLAYLIST_STORE_BERLIN, user).json();
      assertThat(berlin.get("snapshot_id").asText()).isEqualTo(snapshot);
      assertThat(berlin.at("/items/total").asInt()).isEqualTo(28);
      assertThat(Http.get(api + "/me/playlists", user).json().at("/items/0/id").asText()).isEqualTo(playlistId);
      assertThat(second.episodeIdForGuid(SHOW_LIEFERKETTE_LIVE, "lk-100")).contains(episodeId);
      assertThat(Http.get(api + "/episodes/" + episodeId, user).json().get("name").asText()).isEqualTo("Folge 100: Übergabe");
      assertThat(second.ingestNow()).isEmpty();

      // New playlists after a restart get fresh ids: the id sequence was saved too.
      String another = Http.json("POST", api + "/me/playlists", user, Map.of("name", "After restart")).json().get("id").asText();
      assertThat(another).isNotEqualTo(playlistId);
    }
  }

  @Test
  void inMemorySandboxesStartFromTheDemoDataEveryTime() {
    try (SpotifySandbox first = SpotifySandbox.builder().build()) {
      Http.json("POST", first.apiBaseUri() + "/me/playlists", first.userAccessToken(), Map.of("name", "Gone"));
      assertThat(first.stateFile()).isEmpty();
    }
    try (SpotifySandbox second = SpotifySandbox.builder().build()) {
      assertThat(Http.get(second.apiBaseUri() + "/me/playlists", second.userAccessToken()).json().get("total").asInt()).isEqualTo(4);
    }
  }
}
