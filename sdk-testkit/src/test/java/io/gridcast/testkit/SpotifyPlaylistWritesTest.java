package io.gridcast.testkit;

import static io.gridcast.testkit.SpotifyDemoData.PLAYLIST_EDITORIAL;
import static io.gridcast.testkit.SpotifyDemoData.PLAYLIST_STORE_BERLIN;
import static io.gridcast.testkit.SpotifyDemoData.SHOW_PARTNER_ACADEMY;
import static io.gridcast.testkit.SpotifyDemoData.trackId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SpotifyContractChecked
class SpotifyPlaylistWritesTest {

  private SpotifySandbox spotify;
  private String api;
  private String user;

  @BeforeEach
  void start() {
    spotify = SpotifySandbox.builder().seed(3).build();
    api = spotify.apiBaseUri().toString();
    user = spotify.userAccessToken();
  }

  @AfterEach
  void stop() {
    spotify.close();
  }

  @Test
  void createsPlaylistsForTheCurrentUser() {
    Http.Reply created = Http.json("POST", api + "/me/playlists", user,
        Map.of("name", "Site 42 – Lisboa", "description", "Música ambiente", "public", false));

    assertThat(created.status()).isEqualTo(201);
    JsonNode p = created.json();
    assertThat(p.get("id").asText()).matches("[0-9A-Za-z]{22}");
    assertThat(p.get("name").asText()).isEqualTo("Site 42 – Lisboa");
    assertThat(p.get("public").asBoolean()).isFalse();
    assertThat(p.at("/items/total").asInt()).isZero();
    assertThat(p.at("/owner/id").asText()).isEqualTo(SpotifyDemoData.CURRENT_USER_ID);
    JsonNode mine = Http.get(api + "/me/playlists", user).json();
    assertThat(mine.at("/items/0/id").asText()).isEqualTo(p.get("id").asText());
    assertThat(mine.get("total").asInt()).isEqualTo(5);
  }

  @Test
  void createsThroughTheDeprecatedUserPathOnlyForTheCurrentUser() {
    assertThat(Http.json("POST", api + "/users/" + SpotifyDemoData.CURRENT_USER_ID + "/playlists", user, Map.of("name", "Old way")).status())
        .isEqualTo(201);
    assertThat(Http.json("POST", api + "/users/someoneelse/playlists", user, Map.of("name", "Theirs")).status()).isEqualTo(403);
    assertThat(Http.json("POST", api + "/me/playlists", user, Map.of("description", "no name")).status()).isEqualTo(400);
  }

  @Test
  void everyMutationChangesTheSnapshotId() {
    String id = create("Snapshots");
    List<String> snapshots = new ArrayList<>();
    snapshots.add(snapshot(id));

    snapshots.add(Http.json("POST", api + "/playlists/" + id + "/items", user,
        Map.of("uris", List.of(track(0), track(1), track(2)))).json().get("snapshot_id").asText());
    assertThat(Http.json("PUT", api + "/playlists/" + id, user, Map.of("name", "Renamed")).status()).isEqualTo(200);
    snapshots.add(snapshot(id));
    snapshots.add(Http.json("PUT", api + "/playlists/" + id + "/items", user,
        Map.of("range_start", 0, "insert_before", 3)).json().get("snapshot_id").asText());
    snapshots.add(Http.json("DELETE", api + "/playlists/" + id + "/items", user,
        Map.of("items", List.of(Map.of("uri", track(1))))).json().get("snapshot_id").asText());
    snapshots.add(Http.json("PUT", api + "/playlists/" + id + "/items", user,
        Map.of("uris", List.of(track(5)))).json().get("snapshot_id").asText());

    assertThat(snapshots).doesNotHaveDuplicates().hasSize(6);
    assertThat(snapshot(id)).isEqualTo(snapshots.get(5));
  }

  @Test
  void addsItemsAtAPositionAndAnswers201() {
    String id = create("Positions");
    Http.json("POST", api + "/playlists/" + id + "/items", user, Map.of("uris", List.of(track(0), track(1))));

    Http.Reply reply = Http.json("POST", api + "/playlists/" + id + "/items?position=1", user,
        Map.of("uris", List.of("spotify:episode:" + SpotifyDemoData.episodeId(SHOW_PARTNER_ACADEMY, 2))));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(uris(id)).containsExactly(track(0), "spotify:episode:" + SpotifyDemoData.episodeId(SHOW_PARTNER_ACADEMY, 2), track(1));
    assertThat(Http.json("POST", api + "/playlists/" + id + "/items", user, Map.of("uris", List.of(track(3)), "position", 9)).status())
        .isEqualTo(400);
  }

  @Test
  void refusesMoreThanOneHundredItemsPerRequest() {
    String id = create("Big");
    List<String> hundred = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      hundred.add(track(i % 24));
    }
    assertThat(Http.json("POST", api + "/playlists/" + id + "/items", user, Map.of("uris", hundred)).status()).isEqualTo(201);

    List<String> hundredAndOne = new ArrayList<>(hundred);
    hundredAndOne.add(track(0));
    Http.Reply tooMany = Http.json("POST", api + "/playlists/" + id + "/items", user, Map.of("uris", hundredAndOne));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().at("/error/message").asText()).contains("100");
    assertThat(Http.get(api + "/playlists/" + id + "/items", user).json().get("total").asInt()).isEqualTo(100);
  }

  @Test
  void rejectsInvalidAndUnknownUris() {
    String id = create("Strict");
    assertThat(Http.json("POST", api + "/playlists/" + id + "/items", user, Map.of("uris", List.of("spotify:track:short"))).status())
        .isEqualTo(400);
    assertThat(Http.json("POST", api + "/playlists/" + id + "/items", user, Map.of("uris", List.of("spotify:track:" + "Z".repeat(22))))
        .status()).isEqualTo(400);
  }

  @Test
  void removesEveryOccurrenceOrOnlyTheGivenPositions() {
    String id = create("Removals");
    Http.json("POST", api + "/playlists/" + id + "/items", user, Map.of("uris", List.of(track(0), track(1), track(0), track(2), track(0))));

    Http.json("DELETE", api + "/playlists/" + id + "/items", user, Map.of("items", List.of(Map.of("uri", track(0), "positions", List.of(2)))));
    assertThat(uris(id)).containsExactly(track(0), track(1), track(2), track(0));

    Http.Reply reply = Http.json("DELETE", api + "/playlists/" + id + "/tracks", user, Map.of("tracks", List.of(Map.of("uri", track(0)))));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(uris(id)).containsExactly(track(1), track(2));
  }

  @Test
  void reordersRangesLikeSpotify() {
    String id = create("Reorder");
    Http.json("POST", api + "/playlists/" + id + "/items", user, Map.of("uris", List.of(track(0), track(1), track(2), track(3), track(4))));

    Http.json("PUT", api + "/playlists/" + id + "/items", user, Map.of("range_start", 3, "range_length", 2, "insert_before", 0));
    assertThat(uris(id)).containsExactly(track(3), track(4), track(0), track(1), track(2));

    Http.json("PUT", api + "/playlists/" + id + "/items", user, Map.of("range_start", 0, "insert_before", 5));
    assertThat(uris(id)).containsExactly(track(4), track(0), track(1), track(2), track(3));

    assertThat(Http.json("PUT", api + "/playlists/" + id + "/items", user, Map.of("range_start", 4, "range_length", 2, "insert_before", 0))
        .status()).isEqualTo(400);
  }

  @Test
  void replacesAllItems() {
    Http.Reply reply = Http.json("PUT", api + "/playlists/" + PLAYLIST_STORE_BERLIN + "/items", user, Map.of("uris", List.of(track(7), track(8))));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(uris(PLAYLIST_STORE_BERLIN)).containsExactly(track(7), track(8));
  }

  @Test
  void changesDetails() {
    String id = create("Before");
    Http.json("PUT", api + "/playlists/" + id, user, Map.of("name", "After", "description", "Neu", "public", false));

    JsonNode p = Http.get(api + "/playlists/" + id, user).json();
    assertThat(p.get("name").asText()).isEqualTo("After");
    assertThat(p.get("description").asText()).isEqualTo("Neu");
    assertThat(p.get("public").asBoolean()).isFalse();
    assertThat(Http.json("PUT", api + "/playlists/" + id, user, Map.of()).status()).isEqualTo(400);
  }

  @Test
  void deletePlaylistHelperRemovesItForReadsAndTheUsersList() {
    String id = create("Short-lived");

    spotify.deletePlaylist(id);

    assertThat(Http.get(api + "/playlists/" + id, user).status()).isEqualTo(404);
    List<String> mine = new ArrayList<>();
    Http.get(api + "/me/playlists?limit=50", user).json().get("items").forEach(p -> mine.add(p.get("id").asText()));
    assertThat(mine).doesNotContain(id).isNotEmpty();
    assertThatThrownBy(() -> spotify.deletePlaylist(id)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(id);
  }

  @Test
  void forbidsChangingPlaylistsOfOtherUsers() {
    Http.Reply reply = Http.json("POST", api + "/playlists/" + PLAYLIST_EDITORIAL + "/items", user, Map.of("uris", List.of(track(0))));

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.json().at("/error/status").asInt()).isEqualTo(403);
  }

  @Test
  void writesNeedAModifyScope() {
    String readOnly = spotify.userAccessToken("playlist-read-private");

    assertThat(Http.json("POST", api + "/playlists/" + PLAYLIST_STORE_BERLIN + "/items", readOnly, Map.of("uris", List.of(track(0)))).status())
        .isEqualTo(403);
  }

  @Test
  void uploadsACoverImageThatComesBackWithoutDimensions() {
    String id = create("Cover");
    byte[] jpeg = jpeg(20_000);
    byte[] body = Base64.getEncoder().encode(jpeg);

    Http.Reply reply = Http.bytes("PUT", api + "/playlists/" + id + "/images", user, "image/jpeg", body);

    assertThat(reply.status()).isEqualTo(202);
    JsonNode images = Http.get(api + "/playlists/" + id + "/images", user).json();
    assertThat(images).hasSize(1);
    assertThat(images.get(0).get("height").isNull()).isTrue();
    assertThat(images.get(0).get("width").isNull()).isTrue();
    Http.Reply served = Http.get(images.get(0).get("url").asText(), null);
    assertThat(served.raw().body()).isEqualTo(jpeg);
  }

  @Test
  void rejectsCoverImagesAbove256KbAndNonJpegs() {
    String id = create("Covers");
    byte[] tooBig = Base64.getEncoder().encode(jpeg(200_000));
    assertThat(tooBig.length).isGreaterThan(256 * 1024);

    assertThat(Http.bytes("PUT", api + "/playlists/" + id + "/images", user, "image/jpeg", tooBig).status()).isEqualTo(413);
    assertThat(Http.bytes("PUT", api + "/playlists/" + id + "/images", user, "image/jpeg",
        Base64.getEncoder().encode("GIF89a".getBytes(StandardCharsets.US_ASCII))).status()).isEqualTo(400);
    assertThat(Http.bytes("PUT", api + "/playlists/" + id + "/images", user, "image/jpeg", "%%%".getBytes(StandardCharsets.US_ASCII)).status())
        .isEqualTo(400);
  }

  private String create(String name) {
    return Http.json("POST", api + "/me/playlists", user, Map.of("name", name)).json().get("id").asText();
  }

  private String snapshot(String id) {
    return Http.get(api + "/playlists/" + id, user).json().get("snapshot_id").asText();
  }

  private List<String> uris(String id) {
    List<String> uris = new ArrayList<>();
    Http.get(api + "/playlists/" + id + "/items?limit=100", user).json().get("items").forEach(i -> uris.add(i.at("/item/uri").asText()));
    return uris;
  }

  private static String track(int n) {
    return "spotify:track:" + trackId(n);
  }

  private static byte[] jpeg(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 7 + 3);
    }
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xD8;
    bytes[2] = (byte) 0xFF;
    return bytes;
  }
}
