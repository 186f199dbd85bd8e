package io.gridcast.spotify;

import static io.gridcast.testkit.SpotifyDemoData.PLAYLIST_DEMO_MIX;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.core.GridcastJson;
import io.gridcast.spotify.model.Playlist;
import io.gridcast.spotify.model.PlaylistItem;
import io.gridcast.spotify.model.SimplifiedPlaylist;
import io.gridcast.testkit.PlaylistFieldNames;
import io.gridcast.testkit.SpotifySandbox;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Spotify renamed a playlist's {@code tracks} to {@code items} and an item's {@code track} to
 * {@code item}; whichever names a response carries, the client decodes the same model (and each
 * shape is one Spotify's OpenAPI document accepts).
 */
class PlaylistFieldShapesSandboxTest {

  private static final ObjectMapper JSON = GridcastJson.newObjectMapper();
  private static final Map<PlaylistFieldNames, SpotifySandbox> sandboxes = new EnumMap<>(PlaylistFieldNames.class);

  @BeforeAll
  static void start() {
    for (PlaylistFieldNames names : PlaylistFieldNames.values()) {
      sandboxes.put(names, SpotifySandbox.builder().playlistFieldNames(names).build());
    }
  }

  @AfterAll
  static void stop() {
    sandboxes.values().forEach(SpotifySandbox::close);
  }

  /**
   * The model as JSON, with the sandbox's port taken out of every href, and the items endpoint
   * named as in the current API (an old-shape response links to the deprecated {@code /tracks}
   * endpoint: different data, not a different decoding).
   */
  private static String canonical(Object model, SpotifySandbox sandbox) throws Exception {
    return JSON.writeValueAsString(model).replace(sandbox.baseUri().toString(), "http://sandbox")
        .replace("/tracks\"", "/items\"");
  }

  private static Snapshot read(PlaylistFieldNames names) throws Exception {
    SpotifySandbox sandbox = sandboxes.get(names);
    ContractValidatingInterceptor contract = ContractValidatingInterceptor.requestsAndResponses();
    try (SpotifyClient client = TestClients.user(sandbox, 5, contract)) {
      Playlist playlist = client.playlists().get(PLAYLIST_DEMO_MIX);
      List<PlaylistItem> items = client.playlists().items(PLAYLIST_DEMO_MIX, null).stream().toList();
      SimplifiedPlaylist listed = client.playlists().mine().stream()
          .filter(p -> p.id().equals(PLAYLIST_DEMO_MIX)).findFirst().orElseThrow();
      assertThat(contract.violations()).as("violations of Spotify's OpenAPI document with %s", names).isEmpty();
      return new Snapshot(canonical(playlist, sandbox), canonical(items, sandbox), canonical(listed, sandbox),
          playlist.items().items().size(), items.size(), listed.items().total());
    }
  }

  private record Snapshot(String playlist, String items, String listed, int firstPageSize, int itemCount, int listedTotal) {}

  @ParameterizedTest
  @EnumSource(PlaylistFieldNames.class)
  void everyFieldShapeDecodesToTheSameModel(PlaylistFieldNames names) throws Exception {
    Snapshot current = read(PlaylistFieldNames.CURRENT_ONLY);
    Snapshot other = read(names);

    assertThat(other.firstPageSize()).isEqualTo(12);
    assertThat(other.itemCount()).isEqualTo(12);
    assertThat(other.listedTotal()).isEqualTo(12);
    assertThat(other.playlist()).isEqualTo(current.playlist());
    assertThat(other.items()).isEqualTo(current.items());
    assertThat(other.listed()).isEqualTo(current.listed());
  }
}
