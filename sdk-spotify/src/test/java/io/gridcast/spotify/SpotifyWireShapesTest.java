package io.gridcast.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.core.Secret;
import io.gridcast.core.auth.AccessToken;
import io.gridcast.core.auth.AccessTokenProvider;
import io.gridcast.core.errors.BadRequestException;
import io.gridcast.core.errors.GridcastException;
import io.gridcast.core.errors.NotFoundException;
import io.gridcast.core.errors.ServerException;
import io.gridcast.core.resilience.ResilienceConfig;
import io.gridcast.spotify.model.Playlist;
import io.gridcast.spotify.model.PlaylistItem;
import io.gridcast.spotify.model.ReleaseDate;
import io.gridcast.spotify.model.ReleaseDatePrecision;
import io.gridcast.spotify.model.Show;
import io.gridcast.spotify.model.SimplifiedEpisode;
import io.gridcast.spotify.model.SimplifiedPlaylist;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against responses written from Spotify's Web API reference, including the corners
 * real payloads have: nulls where the schema says required, old field names, local files and
 * unavailable items.
 */
class SpotifyWireShapesTest {

  private static final String SHOW_ID = "O3TrIIEy1ONnaFblwySw0I";
  private static final String PLAYLIST_ID = "3cEYpjA9oz9GiPac4AsH4n";

  private MockWebServer server;
  private SpotifyClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client = client(2);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private SpotifyClient client(int pageSize) {
    return SpotifyClient.builder()
        .baseUrl(server.url("/v1/").toString())
        .tokenProvider(AccessTokenProvider.fixed(
            new AccessToken(Secret.of("test-token"), Instant.now().plus(Duration.ofHours(1)), null, null)))
        .resilience(ResilienceConfig.disabled())
        .pageSize(pageSize)
        .build();
  }

  private void respond(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build());
  }

  private void respondWith(String resource) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/wire/" + resource)) {
      respond(200, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private RecordedRequest taken() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).as("a request reached the server").isNotNull();
    return r;
  }

  private String page(String path, String items, String next, int offset, int total) {
    return "{\"href\":\"" + server.url(path) + "\",\"limit\":2,\"next\":" + (next == null ? "null" : "\"" + next + "\"")
        + ",\"offset\":" + offset + ",\"previous\":null,\"total\":" + total + ",\"items\":[" + items + "]}";
  }

  private static String playlistJson(String id, String name) {
    return "{\"collaborative\":false,\"description\":\"\",\"external_urls\":{},\"href\":\"https://api.spotify.com/v1/playlists/" + id
        + "\",\"id\":\"" + id + "\",\"images\":[],\"name\":\"" + name + "\",\"owner\":{\"id\":\"spotify\"},\"public\":true,"
        + "\"snapshot_id\":\"s\",\"type\":\"playlist\",\"uri\":\"spotify:playlist:" + id + "\",\"tracks\":{\"href\":\"h\",\"total\":1}}";
  }

  @Test
  void anOlderShowPayloadWithNullsAndWithoutNewerFieldsDecodes() throws Exception {
    respondWith("show-old-payload.json");

    Show show = client.shows().get(SHOW_ID, Market.of("de"));

    assertThat(show.htmlDescription()).isEmpty();
    assertThat(show.totalEpisodes()).isEmpty();
    assertThat(show.publisher()).isEmpty();
    assertThat(show.availableMarkets()).isEmpty();
    assertThat(show.isExternallyHosted()).isEmpty();
    assertThat(show.images()).singleElement().satisfies(i -> {
      assertThat(i.height()).isEmpty();
      assertThat(i.width()).isEmpty();
    });
    RecordedRequest request = taken();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/shows/" + SHOW_ID);
    assertThat(request.getUrl().queryParameter("market")).isEqualTo("DE");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-token");
  }

  @Test
  void yearAndMonthPrecisionReleaseDatesAndNullEpisodesDecode() throws Exception {
    respondWith("show-old-payload.json");

    List<SimplifiedEpisode> episodes = client.shows().get(SHOW_ID).episodes().items();

    assertThat(episodes).hasSize(2); // the null entry is dropped
    assertThat(episodes.get(0).releaseDate()).isEqualTo(ReleaseDate.ofMonth(2019, 7));
    assertThat(episodes.get(0).releaseDatePrecision()).isEqualTo(ReleaseDatePrecision.MONTH);
    assertThat(episodes.get(0).audioPreviewUrl()).isEmpty();
    assertThat(episodes.get(0).language()).isEmpty();
    assertThat(episodes.get(1).releaseDate()).isEqualTo(ReleaseDate.ofYear(2012));
    assertThat(episodes.get(1).htmlDescription()).isEmpty();
    assertThat(taken().getUrl().queryParameter("market")).isNull();
  }

  @Test
  void anOldShapePlaylistWithTracksAndTrackDecodes() throws Exception {
    respondWith("playlist-old-shape.json");

    Playlist playlist = client.playlists().get(PLAYLIST_ID, Market.FROM_TOKEN);

    assertMixedItems(playlist);
    HttpUrl url = taken().getUrl();
    assertThat(url.queryParameter("market")).isEqualTo("from_token");
    assertThat(url.queryParameter("additional_types")).isEqualTo("track,episode");
  }

  @Test
  void aNewShapePlaylistWithItemsAndItemDecodesToTheSameModel() throws Exception {
    respondWith("playlist-old-shape.json");
    respondWith("playlist-new-shape.json");

    Playlist old = client.playlists().get(PLAYLIST_ID);
    Playlist current = client.playlists().get(PLAYLIST_ID);

    assertMixedItems(current);
    assertThat(current).isEqualTo(old);
  }

  private static void assertMixedItems(Playlist playlist) {
    assertThat(playlist.publicStatus()).isEmpty();
    assertThat(playlist.description()).isEmpty();
    assertThat(playlist.images()).isEmpty();
    List<PlaylistItem> items = playlist.items().items();
    assertThat(items).hasSize(5);
    assertThat(items.get(0).track()).hasValueSatisfying(t -> assertThat(t.name()).isEqualTo("Kranlied"));
    assertThat(items.get(1).episode()).hasValueSatisfying(e -> {
      assertThat(e.show().name()).isEqualTo("Trading Grid Weekly");
      assertThat(e.releaseDate()).isEqualTo(ReleaseDate.ofDay(2026, 1, 1));
    });
    assertThat(items.get(2).isLocal()).isTrue();
    assertThat(items.get(2).track()).hasValueSatisfying(t -> {
      assertThat(t.id()).isEmpty();
      assertThat(t.href()).isEmpty();
      assertThat(t.album()).hasValueSatisfying(a -> assertThat(a.id()).isEmpty());
    });
    assertThat(items.get(3).item()).isEmpty();
    assertThat(items.get(4).addedAt()).isEmpty();
    assertThat(items.get(4).addedBy()).isEmpty();
  }

  @Test
  void spotifysErrorObjectBecomesATypedErrorWithItsMessage() {
    respond(404, "{\"error\":{\"status\":404,\"message\":\"Non existing id: 'spotify:show:" + SHOW_ID + "'\"}}");

    assertThatThrownBy(() -> client.shows().get(SHOW_ID)).isInstanceOfSatisfying(NotFoundException.class, e -> {
      assertThat(e.status()).isEqualTo(404);
      assertThat(e.errorMessage()).contains("Non existing id: 'spotify:show:" + SHOW_ID + "'");
      assertThat(e.getMessage()).contains("GET").contains("/v1/shows/" + SHOW_ID).doesNotContain("test-token");
    });
  }

  @Test
  void aBadRequestCarriesSpotifysMessage() {
    respond(400, "{\"error\":{\"status\":400,\"message\":\"Invalid limit\"}}");

    assertThatThrownBy(() -> client.shows().episodes(SHOW_ID, null).firstPage())
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.errorMessage()).contains("Invalid limit"));
  }

  @Test
  void aServerErrorWithAnHtmlBodyIsTypedByItsStatus() {
    server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
        .body("<html><body>Bad gateway</body></html>").build());

    assertThatThrownBy(() -> client.shows().get(SHOW_ID)).isInstanceOfSatisfying(ServerException.class, e -> {
      assertThat(e.status()).isEqualTo(502);
      assertThat(e.errorMessage()).isEmpty();
    });
  }

  @Test
  void aNextLinkToAnotherHostIsRefusedAndTheTokenIsNeverSentThere() throws Exception {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      String foreign = elsewhere.url("/v1/shows/" + SHOW_ID + "/episodes?offset=2&limit=2").toString();
      respond(200, page("/v1/shows/" + SHOW_ID + "/episodes", "", foreign, 0, 4));

      assertThatThrownBy(() -> client.shows().episodes(SHOW_ID, null).stream().toList())
          .isInstanceOf(GridcastException.class).hasMessageContaining("refusing to follow a paging link");
      assertThat(server.getRequestCount()).isEqualTo(1);
      assertThat(elsewhere.getRequestCount()).isZero();
    }
  }

  @Test
  void aNextLinkToAnotherSchemeIsRefused() {
    String downgraded = "https://" + server.getHostName() + ":" + server.getPort() + "/v1/shows/" + SHOW_ID + "/episodes?offset=2";
    respond(200, page("/v1/shows/" + SHOW_ID + "/episodes", "", downgraded, 0, 4));

    assertThatThrownBy(() -> client.shows().episodes(SHOW_ID, null).stream().toList())
        .isInstanceOf(GridcastException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void searchPagesThroughSpotifysNextLinksDroppingNullEntries() throws Exception {
    String second = server.url("/v1/search?query=grid&type=playlist&offset=2&limit=2").toString();
    String third = server.url("/v1/search?query=grid&type=playlist&offset=4&limit=2").toString();
    respond(200, "{\"playlists\":" + page("/v1/search", playlistJson("Bv8s83BetdTO5oXBCT3oH5", "A") + ",null", second, 0, 5) + "}");
    respond(200, "{\"playlists\":" + page("/v1/search", "null," + playlistJson("v1il2mYG5zO0yhhCmW2ypM", "B"), third, 2, 5) + "}");
    respond(200, "{\"playlists\":" + page("/v1/search", playlistJson("Upv8ekxEOYx4mBYTDhIiIj", "C"), null, 4, 5) + "}");

    List<String> names = client.search().playlists("grid", Market.of("DE")).stream().map(SimplifiedPlaylist::name).toList();

    assertThat(names).containsExactly("A", "B", "C");
    HttpUrl first = taken().getUrl();
    assertThat(first.queryParameter("q")).isEqualTo("grid");
    assertThat(first.queryParameter("type")).isEqualTo("playlist");
    assertThat(first.queryParameter("market")).isEqualTo("DE");
    assertThat(first.queryParameter("limit")).isEqualTo("2");
    assertThat(first.queryParameter("offset")).isEqualTo("0");
    assertThat(taken().getUrl().toString()).isEqualTo(second);
    assertThat(taken().getUrl().toString()).isEqualTo(third);
  }

  @Test
  void searchAsksForAtMostTenResultsPerPage() throws Exception {
    try (SpotifyClient wide = client(50)) {
      respond(200, "{\"shows\":" + page("/v1/search", "", null, 0, 0) + "}");

      assertThat(wide.search().shows("grid", null).stream().toList()).isEmpty();

      assertThat(taken().getUrl().queryParameter("limit")).isEqualTo(String.valueOf(SearchApi.MAX_LIMIT));
    }
  }

  @Test
  void addItemsSendsOneRequestPer100ItemsWithShiftingPositions() throws Exception {
    for (int i = 1; i <= 3; i++) {
      respond(201, "{\"snapshot_id\":\"snap-" + i + "\"}");
    }
    List<SpotifyUri> uris = new java.util.ArrayList<>();
    for (int i = 0; i < 230; i++) {
      uris.add(SpotifyUri.parse("spotify:track:" + String.format("%022d", i)));
    }

    String snapshot = client.playlists().addItems(PLAYLIST_ID, uris, 10);

    assertThat(snapshot).isEqualTo("snap-3");
    List<String> bodies = List.of(taken().getBody().utf8(), taken().getBody().utf8(), taken().getBody().utf8());
    assertThat(bodies.get(0)).contains("\"position\":10").contains(String.format("%022d", 99)).doesNotContain(String.format("%022d", 100));
    assertThat(bodies.get(1)).contains("\"position\":110").contains(String.format("%022d", 100));
    assertThat(bodies.get(2)).contains("\"position\":210").contains(String.format("%022d", 229));
  }
}
