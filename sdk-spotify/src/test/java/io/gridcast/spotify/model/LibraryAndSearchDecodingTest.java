package io.gridcast.spotify.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LibraryAndSearchDecodingTest {

  @Test
  void decodesAPrivateUserWithItsPrivateFields() {
    User user = Fixtures.read("user.json", User.class);

    assertThat(user.id()).isEqualTo("31anoukdevries7q");
    assertThat(user.country()).contains("NL");
    assertThat(user.email()).contains("anouk.devries@example.com");
    assertThat(user.product()).contains("premium");
    assertThat(user.followers()).hasValueSatisfying(f -> {
      assertThat(f.total()).isEqualTo(12);
      assertThat(f.href()).isEmpty();
    });
    assertThat(user.explicitContent()).hasValueSatisfying(
        s -> assertThat(s.filterEnabled()).isFalse());
  }

  @Test
  void decodesAPublicUserWithoutThePrivateFields() throws Exception {
    User user = Fixtures.JSON.readValue(
        "{\"id\":\"smedjan\",\"display_name\":null,\"type\":\"user\","
            + "\"uri\":\"spotify:user:smedjan\",\"href\":\"https://api.spotify.com/v1/users/smedjan\"}",
        User.class);

    assertThat(user.displayName()).isEmpty();
    assertThat(user.country()).isEmpty();
    assertThat(user.email()).isEmpty();
    assertThat(user.product()).isEmpty();
    assertThat(user.followers()).isEmpty();
    assertThat(user.images()).isEmpty();
  }

  @Test
  void decodesSavedShows() {
    Paging<SavedShow> page =
        Fixtures.read("saved-shows.json", new TypeReference<Paging<SavedShow>>() {});

    assertThat(page.items()).hasSize(2);
    assertThat(page.items().get(0).addedAt()).isEqualTo(Instant.parse("2026-01-15T07:45:12Z"));
    assertThat(page.items().get(0).show().totalEpisodes()).contains(42);
    assertThat(page.items().get(1).show().name()).isEqualTo("EDI in Practice");
    assertThat(page.items().get(1).show().publisher()).isEmpty();
  }

  @Test
  void decodesSavedEpisodes() {
    Paging<SavedEpisode> page =
        Fixtures.read("saved-episodes.json", new TypeReference<Paging<SavedEpisode>>() {});

    assertThat(page.items()).singleElement().satisfies(saved -> {
      assertThat(saved.addedAt()).isEqualTo(Instant.parse("2026-03-02T12:00:00Z"));
      assertThat(saved.episode().show().id()).isEqualTo("5thQ5eR5BwP62QWoG6NItm");
    });
  }

  @Test
  void decodesSearchResultsAndDropsTheNullPlaylist() {
    SearchResults results = Fixtures.read("search.json", SearchResults.class);

    assertThat(results.playlists()).hasValueSatisfying(page -> {
      assertThat(page.total()).isEqualTo(3);
      assertThat(page.items()).extracting(SimplifiedPlaylist::name)
          .containsExactly("Northwind Morning Shift", "Northwind Evening Shift");
      assertThat(page.items()).extracting(p -> p.items().total()).containsExactly(57, 57);
    });
    assertThat(results.shows().orElseThrow().items()).hasSize(1);
    assertThat(results.episodes().orElseThrow().items()).hasSize(2);
    assertThat(results.tracks().orElseThrow().items().get(0).name()).isEqualTo("Quiet Warehouse");
    assertThat(results.albums()).isEmpty();
  }
}
