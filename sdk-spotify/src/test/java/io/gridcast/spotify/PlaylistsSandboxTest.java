package io.gridcast.spotify;

import static io.gridcast.testkit.SpotifyDemoData.PLAYLIST_DEMO_MIX;
import static io.gridcast.testkit.SpotifyDemoData.PLAYLIST_EDITORIAL;
import static io.gridcast.testkit.SpotifyDemoData.PLAYLIST_STORE_BERLIN;
import static io.gridcast.testkit.SpotifyDemoData.PLAYLIST_TRAINING_QUEUE;
import static io.gridcast.testkit.SpotifyDemoData.SHOW_CADENA_AL_DIA;
import static io.gridcast.testkit.SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY;
import static io.gridcast.testkit.SpotifyDemoData.episodeId;
import static io.gridcast.testkit.SpotifyDemoData.trackId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.core.errors.BadRequestException;
import io.gridcast.core.errors.ForbiddenException;
import io.gridcast.spotify.SpotifyUri.Type;
import io.gridcast.spotify.model.Playlist;
import io.gridcast.spotify.model.PlaylistItem;
import io.gridcast.spotify.model.SimplifiedPlaylist;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.SpotifySandbox;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Playlist reads and writes against the in-process Spotify sandbox, strict and with the live
 * API's quirks; every exchange is held to Spotify's OpenAPI document.
 */
@ParameterizedClass
@EnumSource(SandboxMode.class)
class PlaylistsSandboxTest {

  @Parameter
  SandboxMode mode;

  private static SpotifySandbox sandbox;
  private static final RequestLog log = new RequestLog();
  private static ContractValidatingInterceptor contract;
  private static SpotifyClient user;

  @BeforeParameterizedClassInvocation
  static void start(SandboxMode mode) {
    sandbox = mode.sandbox().build();
    contract = mode.contract();
    user = TestClients.user(sandbox, 7, log, contract);
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    user.close();
    sandbox.close();
  }

  @BeforeEach
  void clearLog() {
    log.clear();
    contract.clear();
  }

  @AfterEach
  void everyExchangeFollowedSpotifysContract() {
    assertThat(contract.violations()).as("violations of Spotify's OpenAPI document in %s", contract.exchanges()).isEmpty();
  }

  private static SpotifyUri track(int n) {
    return SpotifyUri.parse("spotify:track:" + trackId(n % 24));
  }

  private static SpotifyUri episode(String show, int n) {
    return SpotifyUri.parse("spotify:episode:" + episodeId(show, n));
  }

  private static String newPlaylist(String name) {
    return user.playlists().create(name, null, false, false).id();
  }

  private static List<String> itemUris(String playlistId) {
    return user.playlists().items(playlistId, null).stream()
        .map(i -> i.item().map(c -> c instanceof io.gridcast.spotify.model.Track t ? t.uri()
            : ((io.gridcast.spotify.model.Episode) c).uri()).orElse("unavailable"))
        .toList();
  }

  private static List<String> strings(List<SpotifyUri> uris) {
    return uris.stream().map(SpotifyUri::toString).toList();
  }

  @Test
  void aPlaylistMixesTracksEpisodesALocalFileAndUnavailableItems() {
    Playlist mix = user.playlists().get(PLAYLIST_DEMO_MIX);
    List<PlaylistItem> items = mix.items().items();

    assertThat(items).hasSize(12);
    assertThat(items.get(0).track()).hasValueSatisfying(t -> assertThat(t.id()).contains(trackId(0)));
    assertThat(items.get(1).episode()).hasValueSatisfying(e -> {
      assertThat(e.id()).isEqualTo(episodeId(SHOW_TRADING_GRID_WEEKLY, 59));
      assertThat(e.show().id()).isEqualTo(SHOW_TRADING_GRID_WEEKLY);
    });
    assertThat(items.get(3).isLocal()).isTrue();
    assertThat(items.get(3).track()).hasValueSatisfying(t -> {
      assertThat(t.isLocal()).isTrue();
      assertThat(t.id()).isEmpty();
      assertThat(t.uri()).startsWith("spotify:local:");
    });
    assertThat(items.get(5).item()).isEmpty();
    assertThat(items.get(11).item()).isEmpty();
    assertThat(items.get(6).episode()).hasValueSatisfying(e -> assertThat(e.show().id()).isEqualTo(SHOW_CADENA_AL_DIA));
  }

  @Test
  void anEditorialPlaylistWithANullPublicFlagDecodesAsUnknown() {
    Playlist editorial = user.playlists().get(PLAYLIST_EDITORIAL);

    assertThat(editorial.publicStatus()).isEmpty();
    assertThat(editorial.owner().id()).isEqualTo(SpotifyDemoData.EDITORIAL_USER_ID);
    assertThat(editorial.items().items()).allSatisfy(i -> assertThat(i.addedBy()).isEmpty());
  }

  @Test
  void someoneElsesPlaylistWithoutItemsDecodesAndSaysWhereItsItemsAre() {
    try (SpotifySandbox ownersOnly = mode.sandbox().itemsForOwnersOnly(true).build();
        SpotifyClient client = TestClients.user(ownersOnly, 7, contract)) {
      Playlist editorial = client.playlists().get(PLAYLIST_EDITORIAL);

      assertThat(editorial.name()).isEqualTo("Gridcast Editorial Picks");
      assertThat(editorial.itemsPage()).isEmpty();
      assertThatThrownBy(editorial::items).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(PLAYLIST_EDITORIAL).hasMessageContaining("owner and collaborators");
      assertThatThrownBy(() -> client.playlists().items(PLAYLIST_EDITORIAL, null).firstPage())
          .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.status()).isEqualTo(403));
      assertThat(client.playlists().get(PLAYLIST_DEMO_MIX).itemsPage()).hasValueSatisfying(p -> assertThat(p.total()).isEqualTo(12));
    }
  }

  @Test
  @SuppressWarnings("deprecation")
  void ofUserListsAnotherUsersPublicPlaylistsThroughTheDeprecatedRoute() {
    List<SimplifiedPlaylist> theirs = user.playlists().ofUser(SpotifyDemoData.EDITORIAL_USER_ID).stream().toList();

    assertThat(theirs).extracting(SimplifiedPlaylist::id).containsExactly(PLAYLIST_EDITORIAL);
    assertThat(log.count("GET", "/v1/users/" + SpotifyDemoData.EDITORIAL_USER_ID + "/playlists")).isEqualTo(1);
  }

  @Test
  @SuppressWarnings("deprecation")
  void ofUserForTheCurrentUserListsWhatMineLists() {
    List<String> ofUser = user.playlists().ofUser(SpotifyDemoData.CURRENT_USER_ID).stream().map(SimplifiedPlaylist::id).toList();

    assertThat(ofUser).containsExactlyElementsOf(user.playlists().mine().stream().map(SimplifiedPlaylist::id).toList());
  }

  @Test
  @SuppressWarnings("deprecation")
  void ofUserRefusesSomethingThatIsNotAUserIdBeforeSending() {
    assertThatThrownBy(() -> user.playlists().ofUser("../me")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not a Spotify user id");
    assertThat(log.size()).isZero();
  }

  @Test
  void itemsPageLazilyAcrossEveryPage() {
    List<PlaylistItem> items = user.playlists().items(PLAYLIST_STORE_BERLIN, null).stream().toList();

    assertThat(items).hasSize(30);
    assertThat(items.get(24).track()).hasValueSatisfying(t -> assertThat(t.id()).contains(trackId(0)));
    assertThat(log.count("GET", "/v1/playlists/" + PLAYLIST_STORE_BERLIN + "/items")).isEqualTo(5); // 30 in pages of 7
  }

  @Test
  void createMakesAPlaylistThroughMePlaylistsThatListsFirstInMine() {
    Playlist created = user.playlists().create("Gridcast created", "made by a test", false, false);

    assertThat(created.name()).isEqualTo("Gridcast created");
    assertThat(created.description()).contains("made by a test");
    assertThat(created.publicStatus()).contains(false);
    assertThat(created.owner().id()).isEqualTo(SpotifyDemoData.CURRENT_USER_ID);
    assertThat(created.items().total()).isZero();
    assertThat(log.count("POST", "/v1/me/playlists")).isEqualTo(1);
    assertThat(user.playlists().mine().stream().findFirst()).map(SimplifiedPlaylist::id).contains(created.id());
  }

  @Test
  void mineListsTheUsersPlaylistsWithTheirItemCounts() {
    List<SimplifiedPlaylist> mine = user.playlists().mine().stream().toList();

    assertThat(mine).extracting(SimplifiedPlaylist::id)
        .contains(PLAYLIST_DEMO_MIX, PLAYLIST_TRAINING_QUEUE, PLAYLIST_STORE_BERLIN, PLAYLIST_EDITORIAL);
    assertThat(mine).filteredOn(p -> p.id().equals(PLAYLIST_STORE_BERLIN))
        .singleElement().satisfies(p -> assertThat(p.items().total()).isEqualTo(30));
  }

  @Test
  void aCollaborativePublicPlaylistIsRefusedBeforeSending() {
    assertThatThrownBy(() -> user.playlists().create("x", null, true, true)).isInstanceOf(IllegalArgumentException.class);
    assertThat(log.size()).isZero();
  }

  @Test
  void changeDetailsUpdatesOnlyTheGivenFields() {
    String id = user.playlists().create("Before", "kept", false, false).id();

    user.playlists().changeDetails(id, "After", null, null, null);

    Playlist after = user.playlists().get(id);
    assertThat(after.name()).isEqualTo("After");
    assertThat(after.description()).contains("kept");
    assertThat(log.count("PUT", "/v1/playlists/" + id)).isEqualTo(1);
  }

  @Test
  void addingMoreThan100ItemsIsSentIn100ItemChunksInOrder() {
    String id = newPlaylist("Big add");
    List<SpotifyUri> uris = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      uris.add(i % 5 == 0 ? episode(SHOW_TRADING_GRID_WEEKLY, i % 60) : track(i));
    }

    String snapshot = user.playlists().addItems(id, uris, null);

    assertThat(log.count("POST", "/v1/playlists/" + id + "/items")).isEqualTo(3);
    assertThat(snapshot).isEqualTo(user.playlists().get(id).snapshotId());
    assertThat(itemUris(id)).containsExactlyElementsOf(strings(uris));
  }

  @Test
  void addingAtAPositionInsertsThereAcrossChunks() {
    String id = newPlaylist("Positioned add");
    user.playlists().addItems(id, List.of(track(0), track(1)), null);
    List<SpotifyUri> inserted = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      inserted.add(track(2 + i % 20));
    }

    user.playlists().addItems(id, inserted, 1);

    List<String> expected = new ArrayList<>();
    expected.add(track(0).toString());
    expected.addAll(strings(inserted));
    expected.add(track(1).toString());
    assertThat(itemUris(id)).containsExactlyElementsOf(expected);
  }

  @Test
  void removeItemsRemovesEveryOccurrence() {
    String id = newPlaylist("Remove");
    user.playlists().addItems(id, List.of(track(0), track(1), track(0), episode(SHOW_CADENA_AL_DIA, 2)), null);

    String snapshot = user.playlists().removeItems(id, List.of(track(0)), null);

    assertThat(itemUris(id)).containsExactly(track(1).toString(), episode(SHOW_CADENA_AL_DIA, 2).toString());
    assertThat(snapshot).isEqualTo(user.playlists().get(id).snapshotId());
  }

  @Test
  void reorderMovesARangeBeforeTheGivenPosition() {
    String id = newPlaylist("Reorder");
    user.playlists().addItems(id, List.of(track(0), track(1), track(2), track(3)), null);

    user.playlists().reorder(id, 0, 4, 1, null);

    assertThat(itemUris(id)).containsExactly(track(1).toString(), track(2).toString(), track(3).toString(),
        track(0).toString());
  }

  @Test
  void replacingWithMoreThan100ItemsReplacesThenAppends() {
    String id = newPlaylist("Replace");
    user.playlists().addItems(id, List.of(track(23), track(22)), null);
    List<SpotifyUri> uris = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      uris.add(track(i));
    }
    log.clear();

    String snapshot = user.playlists().replaceItems(id, uris);

    assertThat(log.count("PUT", "/v1/playlists/" + id + "/items")).isEqualTo(1);
    assertThat(log.count("POST", "/v1/playlists/" + id + "/items")).isEqualTo(1);
    assertThat(itemUris(id)).containsExactlyElementsOf(strings(uris));
    assertThat(snapshot).isEqualTo(user.playlists().get(id).snapshotId());
  }

  @Test
  void replacingWithNoItemsClearsThePlaylist() {
    String id = newPlaylist("Clear");
    user.playlists().addItems(id, List.of(track(1), track(2)), null);

    user.playlists().replaceItems(id, List.of());

    assertThat(itemUris(id)).isEmpty();
  }

  @Test
  void onlyTracksAndEpisodesCanBeAddedAndNothingIsSentOtherwise() {
    SpotifyUri album = SpotifyUri.of(Type.ALBUM, SpotifyId.of("4aawyAB9vmqN3uQ7FjRGTy"));

    assertThatThrownBy(() -> user.playlists().addItems(PLAYLIST_DEMO_MIX, List.of(track(1), album), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only tracks and episodes");
    assertThat(log.size()).isZero();
  }

  @Test
  void anOutOfBoundsPositionIsABadRequestWithSpotifysMessage() {
    String id = newPlaylist("Bounds");

    assertThatThrownBy(() -> user.playlists().addItems(id, List.of(track(1)), 5))
        .isInstanceOfSatisfying(BadRequestException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.errorMessage()).contains("Index out of bounds");
        });
  }

  @Test
  void changingSomeoneElsesPlaylistIsForbidden() {
    assertThatThrownBy(() -> user.playlists().addItems(PLAYLIST_EDITORIAL, List.of(track(1)), null))
        .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.status()).isEqualTo(403));
  }

  @Test
  void aJpegCoverIsUploadedAndComesBackWithoutDimensions() throws IOException {
    String id = newPlaylist("Cover");
    byte[] jpeg = image("jpg");

    user.playlists().uploadCover(id, jpeg);

    Playlist after = user.playlists().get(id);
    assertThat(after.images()).singleElement().satisfies(img -> {
      assertThat(img.height()).isEmpty();
      assertThat(img.width()).isEmpty();
    });
    assertThat(log.count("PUT", "/v1/playlists/" + id + "/images")).isEqualTo(1);
  }

  @Test
  void aCoverAtTheSizeLimitFitsSpotifysBase64Payload() {
    String id = newPlaylist("Big cover");
    byte[] atLimit = jpegOfSize(PlaylistsApi.MAX_COVER_BYTES);

    user.playlists().uploadCover(id, atLimit);

    assertThat(user.playlists().get(id).images()).hasSize(1);
  }

  @Test
  void aCoverOverTheLimitOrNotAJpegIsRefusedBeforeSending() throws IOException {
    String id = newPlaylist("Refused cover");
    log.clear();

    assertThatThrownBy(() -> user.playlists().uploadCover(id, jpegOfSize(PlaylistsApi.MAX_COVER_BYTES + 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256 KB");
    assertThatThrownBy(() -> user.playlists().uploadCover(id, image("png")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JPEG");
    assertThat(log.size()).isZero();
  }

  private static byte[] image(String format) throws IOException {
    BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(0x1D, 0xB9, 0x54));
    g.fillRect(0, 0, 64, 64);
    g.setColor(Color.WHITE);
    g.fillOval(16, 16, 32, 32);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(img, format, out)) {
      throw new IllegalStateException("no ImageIO writer for " + format);
    }
    return out.toByteArray();
  }

  /** JPEG-marked bytes of an exact size (the sandbox, like the client, checks the marker only). */
  private static byte[] jpegOfSize(int size) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) 0x20);
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xD8;
    bytes[2] = (byte) 0xFF;
    return bytes;
  }
}
