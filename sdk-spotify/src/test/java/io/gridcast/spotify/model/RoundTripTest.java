package io.gridcast.spotify.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class RoundTripTest {

  @Test
  void aShowSurvivesEncodingAndDecoding() throws Exception {
    Show show = Fixtures.read("show.json", Show.class);

    Show again = Fixtures.JSON.readValue(Fixtures.JSON.writeValueAsString(show), Show.class);

    assertThat(again).isEqualTo(show);
  }

  @Test
  void aPlaylistItemsPageSurvivesEncodingAndDecoding() throws Exception {
    TypeReference<Paging<PlaylistItem>> type = new TypeReference<>() {};
    Paging<PlaylistItem> page = Fixtures.read("playlist-items.json", type);

    Paging<PlaylistItem> again =
        Fixtures.JSON.readValue(Fixtures.JSON.writeValueAsString(page), type);

    assertThat(again).isEqualTo(page);
  }

  @Test
  void encodesWithSpotifysJsonNamesAndTheCurrentSpellings() throws Exception {
    Playlist old = Fixtures.read("playlist-old-shape.json", Playlist.class);

    JsonNode json = Fixtures.JSON.valueToTree(old);

    assertThat(json.has("items")).isTrue();
    assertThat(json.has("tracks")).isFalse();
    JsonNode item = json.get("items").get("items").get(0);
    assertThat(item.has("item")).isTrue();
    assertThat(item.get("is_local").asBoolean()).isFalse();
    assertThat(item.get("item").get("album").get("release_date").asText()).isEqualTo("2021-05-14");
    assertThat(item.get("item").get("album").get("release_date_precision").asText())
        .isEqualTo("day");
    assertThat(json.get("snapshot_id").asText()).isEqualTo(old.snapshotId());
  }

  @Test
  void encodesReleaseDatePrecisionFromTheDate() throws Exception {
    Paging<SimplifiedEpisode> page =
        Fixtures.read("show-episodes.json", new TypeReference<Paging<SimplifiedEpisode>>() {});

    JsonNode month = Fixtures.JSON.valueToTree(page.items().get(1));

    assertThat(month.get("release_date").asText()).isEqualTo("2019-07");
    assertThat(month.get("release_date_precision").asText()).isEqualTo("month");
  }

  @Test
  void buildersCopyEveryAttributeIncludingPages() {
    Playlist playlist = Fixtures.read("playlist.json", Playlist.class);

    Playlist renamed = Playlist.builder().from(playlist).name("Rotterdam DC - Evening").build();

    assertThat(renamed.items()).isEqualTo(playlist.items());
    assertThat(renamed.name()).isEqualTo("Rotterdam DC - Evening");
  }
}
