package io.gridcast.spotify.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaylistDecodingTest {

  private static Paging<PlaylistItem> itemsPage() {
    return Fixtures.read("playlist-items.json", new TypeReference<Paging<PlaylistItem>>() {});
  }

  @Test
  void decodesTheCurrentShapeWithItemsAndItem() {
    Playlist playlist = Fixtures.read("playlist.json", Playlist.class);

    assertThat(playlist.id()).isEqualTo("uPV8EKXeoyX4MbytdHiIiJ");
    assertThat(playlist.owner().id()).isEqualTo("northwind.partners");
    assertThat(playlist.owner().displayName()).contains("Northwind Partners");
    assertThat(playlist.followers()).hasValueSatisfying(f -> assertThat(f.total()).isEqualTo(128));
    assertThat(playlist.snapshotId()).isEqualTo("AAAAB8lMBQsiZWuOv5ZhEgQ8E0A9Wq1s");
    assertThat(playlist.items().items()).hasSize(2);
    assertThat(playlist.items().items().get(0).track()).isPresent();
    assertThat(playlist.items().items().get(1).episode()).isPresent();
  }

  @Test
  void decodesAPlaylistOfAnotherUserThatCarriesNeitherItemsNorTracks() {
    Playlist playlist = Fixtures.read("playlist-without-items.json", Playlist.class);

    assertThat(playlist.id()).isEqualTo("7qMbQ2vC1xW8nRk4TzYd3E");
    assertThat(playlist.name()).isEqualTo("Entrepôt Lyon – Matin calme");
    assertThat(playlist.owner().displayName()).isEmpty();
    assertThat(playlist.followers()).hasValueSatisfying(f -> assertThat(f.total()).isEqualTo(2417));
    assertThat(playlist.itemsPage()).isEmpty();
  }

  @Test
  void thePageOfAPlaylistWithoutItemsIsRefusedWithTheReason() {
    Playlist playlist = Fixtures.read("playlist-without-items.json", Playlist.class);

    assertThatThrownBy(playlist::items).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("7qMbQ2vC1xW8nRk4TzYd3E")
        .hasMessageContaining("owner and collaborators");
  }

  @Test
  void aPlaylistWithoutItemsIsWrittenBackWithoutItems() throws Exception {
    Playlist playlist = Fixtures.read("playlist-without-items.json", Playlist.class);

    com.fasterxml.jackson.databind.JsonNode json = Fixtures.JSON.valueToTree(playlist);

    assertThat(json.has("items")).isFalse();
    assertThat(json.has("tracks")).isFalse();
    assertThat(Fixtures.JSON.treeToValue(json, Playlist.class)).isEqualTo(playlist);
  }

  @Test
  void decodesNullPublicAndNullImageSizes() {
    Playlist playlist = Fixtures.read("playlist.json", Playlist.class);

    assertThat(playlist.publicStatus()).isEmpty();
    assertThat(playlist.images()).singleElement().satisfies(image -> {
      assertThat(image.height()).isEmpty();
      assertThat(image.width()).isEmpty();
    });
  }

  @Test
  void decodesTheOldShapeWithTracksAndTrack() {
    Playlist playlist = Fixtures.read("playlist-old-shape.json", Playlist.class);

    assertThat(playlist.publicStatus()).contains(true);
    assertThat(playlist.images()).isEmpty();
    assertThat(playlist.description()).isEmpty();
    assertThat(playlist.items().items()).singleElement().satisfies(item -> {
      assertThat(item.addedAt()).contains(Instant.parse("2019-10-20T00:15:53Z"));
      assertThat(item.track()).hasValueSatisfying(
          t -> assertThat(t.id()).contains("V1IL2Myg5Zo0YHHcMw2YPm"));
    });
  }

  @Test
  void decodesATrackItemWithAllItsFields() {
    Track track = itemsPage().items().get(0).track().orElseThrow();

    assertThat(track.name()).isEqualTo("Quiet Warehouse");
    assertThat(track.isLocal()).isFalse();
    assertThat(track.popularity()).contains(37);
    assertThat(track.externalIds()).hasValueSatisfying(
        ids -> assertThat(ids.isrc()).contains("NLA1F2100042"));
    assertThat(track.previewUrl()).isEmpty();
    assertThat(track.artists()).extracting(SimplifiedArtist::name)
        .containsExactly("The Harbour Lights");
    assertThat(track.album()).hasValueSatisfying(album -> {
      assertThat(album.albumType()).contains(AlbumType.SINGLE);
      assertThat(album.releaseDate()).contains(ReleaseDate.ofDay(2021, 5, 14));
      assertThat(album.totalTracks()).contains(1);
    });
  }

  @Test
  void decodesAnEpisodeItem() {
    PlaylistItem item = itemsPage().items().get(1);

    assertThat(item.track()).isEmpty();
    assertThat(item.episode()).hasValueSatisfying(e -> {
      assertThat(e.id()).isEqualTo("jilKWjP9ToChRX6bXhsjcB");
      assertThat(e.show().name()).isEqualTo("Northwind Partner Briefing");
    });
    assertThat(item.item()).hasValueSatisfying(c -> assertThat(c.type()).isEqualTo("episode"));
  }

  @Test
  void decodesALocalFileWithoutIds() {
    PlaylistItem item = itemsPage().items().get(2);

    assertThat(item.isLocal()).isTrue();
    Track local = item.track().orElseThrow();
    assertThat(local.isLocal()).isTrue();
    assertThat(local.id()).isEmpty();
    assertThat(local.href()).isEmpty();
    assertThat(local.uri()).startsWith("spotify:local:");
    assertThat(local.album()).hasValueSatisfying(album -> {
      assertThat(album.id()).isEmpty();
      assertThat(album.albumType()).isEmpty();
      assertThat(album.releaseDate()).isEmpty();
      assertThat(album.releaseDatePrecision()).isEmpty();
    });
    assertThat(local.artists()).singleElement()
        .satisfies(a -> assertThat(a.id()).isEmpty());
  }

  @Test
  void decodesANullItemAsAbsentContent() {
    PlaylistItem item = itemsPage().items().get(3);

    assertThat(item.item()).isEmpty();
    assertThat(item.track()).isEmpty();
    assertThat(item.episode()).isEmpty();
    assertThat(item.addedAt()).contains(Instant.parse("2026-03-05T08:00:00Z"));
  }

  @Test
  void decodesItemsCarryingBothSpellingsAndOnlyTheDeprecatedOne() {
    List<PlaylistItem> items = itemsPage().items();

    assertThat(items).hasSize(6);
    assertThat(items.get(4).episode()).isPresent();
    assertThat(items.get(5).track()).isPresent();
    assertThat(items.get(5).addedAt()).isEmpty();
    assertThat(items.get(5).addedBy()).isEmpty();
  }

  @Test
  void skipsContentOfATypeItDoesNotKnow() throws Exception {
    String json = "{\"added_at\":\"2026-03-01T00:00:00Z\",\"is_local\":false,"
        + "\"item\":{\"type\":\"audiobook_chapter\",\"id\":\"x\",\"name\":\"Chapter 1\"}}";

    PlaylistItem item = Fixtures.JSON.readValue(json, PlaylistItem.class);

    assertThat(item.item()).isEmpty();
  }

  @Test
  void decodesUnknownEnumValuesAsUnknown() throws Exception {
    String json = "{\"name\":\"A\",\"images\":[],\"artists\":[],\"album_type\":\"ep\","
        + "\"album_group\":\"remix_of\",\"restrictions\":{\"reason\":\"new_reason\"}}";

    SimplifiedAlbum album = Fixtures.JSON.readValue(json, SimplifiedAlbum.class);

    assertThat(album.albumType()).contains(AlbumType.UNKNOWN);
    assertThat(album.albumGroup()).contains(AlbumGroup.UNKNOWN);
    assertThat(album.restrictions().orElseThrow().reason()).contains(RestrictionReason.UNKNOWN);
  }
}
