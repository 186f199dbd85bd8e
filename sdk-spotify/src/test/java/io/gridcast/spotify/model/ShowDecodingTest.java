package io.gridcast.spotify.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;

class ShowDecodingTest {

  @Test
  void decodesEveryFieldOfAShow() {
    Show show = Fixtures.read("show.json", Show.class);

    assertThat(show.id()).isEqualTo("5thQ5eR5BwP62QWoG6NItm");
    assertThat(show.uri()).isEqualTo("spotify:show:5thQ5eR5BwP62QWoG6NItm");
    assertThat(show.name()).isEqualTo("Northwind Partner Briefing");
    assertThat(show.publisher()).contains("Northwind Logistics");
    assertThat(show.availableMarkets()).hasValue(java.util.List.of("DE", "GB", "NL", "US"));
    assertThat(show.copyrights()).singleElement()
        .satisfies(c -> assertThat(c.type()).contains(CopyrightType.COPYRIGHT));
    assertThat(show.htmlDescription()).hasValueSatisfying(h -> assertThat(h).contains("<b>"));
    assertThat(show.isExternallyHosted()).contains(false);
    assertThat(show.languages()).containsExactly("en");
    assertThat(show.mediaType()).contains("audio");
    assertThat(show.totalEpisodes()).contains(42);
    assertThat(show.images()).extracting(Image::height).containsExactly(
        java.util.Optional.of(640), java.util.Optional.of(300));
    assertThat(show.externalUrls().spotify())
        .contains("https://open.spotify.com/show/5thQ5eR5BwP62QWoG6NItm");
    assertThat(show.episodes().items()).hasSize(2);
    assertThat(show.episodes().next()).isPresent();
    assertThat(show.episodes().previous()).isEmpty();
  }

  @Test
  void decodesReleaseDatesOfEveryPrecisionInAnEpisodesPage() {
    Paging<SimplifiedEpisode> page =
        Fixtures.read("show-episodes.json", new TypeReference<Paging<SimplifiedEpisode>>() {});

    assertThat(page.total()).isEqualTo(42);
    assertThat(page.items()).extracting(e -> e.releaseDate().toString())
        .containsExactly("2026-03-02", "2019-07", "2018");
    assertThat(page.items()).extracting(EpisodeBase::releaseDatePrecision).containsExactly(
        ReleaseDatePrecision.DAY, ReleaseDatePrecision.MONTH, ReleaseDatePrecision.YEAR);
  }

  @Test
  void decodesAnOlderEpisodeWithNullsAndWithoutNewerFields() {
    Paging<SimplifiedEpisode> page =
        Fixtures.read("show-episodes.json", new TypeReference<Paging<SimplifiedEpisode>>() {});
    SimplifiedEpisode older = page.items().get(2);

    assertThat(older.htmlDescription()).isEmpty();
    assertThat(older.audioPreviewUrl()).isEmpty();
    assertThat(older.language()).isEmpty();
    assertThat(older.isPlayable()).isEmpty();
    assertThat(older.images()).singleElement().satisfies(image -> {
      assertThat(image.height()).isEmpty();
      assertThat(image.width()).isEmpty();
    });
    assertThat(older.restrictions()).hasValueSatisfying(
        r -> assertThat(r.reason()).contains(RestrictionReason.UNKNOWN));
  }

  @Test
  void decodesAShowThatLacksDeprecatedAndNewerFields() {
    Episode episode = Fixtures.read("episode.json", Episode.class);
    SimplifiedShow show = episode.show();

    assertThat(show.publisher()).isEmpty();
    assertThat(show.availableMarkets()).isEmpty();
    assertThat(show.htmlDescription()).isEmpty();
    assertThat(show.totalEpisodes()).isEmpty();
    assertThat(show.isExternallyHosted()).isEmpty();
    assertThat(show.name()).isEqualTo("Northwind Partner Briefing");
  }

  @Test
  void decodesAnEpisodeWithItsShow() {
    Episode episode = Fixtures.read("episode.json", Episode.class);

    assertThat(episode.id()).isEqualTo("jilKWjP9ToChRX6bXhsjcB");
    assertThat(episode.durationMs()).isEqualTo(1_686_230L);
    assertThat(episode.releaseDate()).isEqualTo(ReleaseDate.ofDay(2026, 3, 2));
    assertThat(episode.language()).contains("en");
    assertThat(episode.audioPreviewUrl()).isPresent();
    assertThat(episode.resumePoint()).hasValueSatisfying(r -> {
      assertThat(r.fullyPlayed()).isFalse();
      assertThat(r.resumePositionMs()).isZero();
    });
    assertThat(episode.show().id()).isEqualTo("5thQ5eR5BwP62QWoG6NItm");
    assertThat(episode.type()).isEqualTo("episode");
  }
}
