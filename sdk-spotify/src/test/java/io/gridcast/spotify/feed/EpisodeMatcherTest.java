package io.gridcast.spotify.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.spotify.model.ReleaseDate;
import io.gridcast.spotify.model.SimplifiedEpisode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EpisodeMatcherTest {

  private static final EpisodeMatcher DEFAULT = EpisodeMatcher.byTitleAndReleaseDate();

  /** Published late on 2 March UTC: already 3 March in Berlin. */
  private static final FeedItem ITEM = FeedSamples.item("gridcast-issue-4711", "Q&A: EDI 856 — what changes?",
      Instant.parse("2026-03-02T23:30:00Z"));

  private static SimplifiedEpisode episode(String name, String releaseDate, long durationMs) {
    return SimplifiedEpisode.builder()
        .name(name).releaseDate(ReleaseDate.parse(releaseDate)).durationMs(durationMs)
        .description("d").href("https://api.spotify.com/v1/episodes/512ojhOuo1ktJprKbVcKyQ")
        .id("512ojhOuo1ktJprKbVcKyQ").uri("spotify:episode:512ojhOuo1ktJprKbVcKyQ")
        .build();
  }

  private static long itemMs() {
    return ITEM.duration().toMillis();
  }

  @Test
  void matchesTheSameTitleDateAndLength() {
    assertThat(DEFAULT.matches(ITEM, episode("Q&A: EDI 856 — what changes?", "2026-03-02", itemMs()))).isTrue();
  }

  @Test
  void titlesMatchIgnoringCasePunctuationAndSpacing() {
    assertThat(DEFAULT.matches(ITEM, episode("q & a  edi 856 - What Changes", "2026-03-02", itemMs()))).isTrue();
    assertThat(DEFAULT.matches(ITEM, episode("Ｑ＆Ａ: ＥＤＩ 856 — what changes?", "2026-03-02", itemMs()))).isTrue(); // full-width
  }

  @Test
  void aDifferentTitleDoesNotMatch() {
    assertThat(DEFAULT.matches(ITEM, episode("Q&A: EDI 857 — what changes?", "2026-03-02", itemMs()))).isFalse();
  }

  @Test
  void aReleaseDateOneDayEitherSideOfThePubDateInUtcMatches() {
    assertThat(DEFAULT.matches(ITEM, episode(ITEM.title(), "2026-03-03", itemMs()))).isTrue();
    assertThat(DEFAULT.matches(ITEM, episode(ITEM.title(), "2026-03-01", itemMs()))).isTrue();
  }

  @Test
  void aReleaseDateTwoDaysAwayDoesNotMatch() {
    assertThat(DEFAULT.matches(ITEM, episode(ITEM.title(), "2026-03-04", itemMs()))).isFalse();
    assertThat(DEFAULT.matches(ITEM, episode(ITEM.title(), "2026-02-28", itemMs()))).isFalse();
  }

  @Test
  void aMonthPrecisionDateMatchesWhenTheMonthContainsTheWindow() {
    assertThat(DEFAULT.matches(ITEM, episode(ITEM.title(), "2026-03", itemMs()))).isTrue();
    assertThat(DEFAULT.matches(ITEM, episode(ITEM.title(), "2026-04", itemMs()))).isFalse();
  }

  @Test
  void lengthsMayDifferByTheTolerance() {
    assertThat(DEFAULT.matches(ITEM, episode(ITEM.title(), "2026-03-02", itemMs() + 10_000))).isTrue();
    assertThat(DEFAULT.matches(ITEM, episode(ITEM.title(), "2026-03-02", itemMs() - 10_001))).isFalse();
    assertThat(EpisodeMatcher.byTitleAndReleaseDate(Duration.ofMinutes(1))
        .matches(ITEM, episode(ITEM.title(), "2026-03-02", itemMs() - 59_000))).isTrue();
  }

  @Test
  void anUnknownLengthIsNotCompared() {
    assertThat(DEFAULT.matches(ITEM, episode(ITEM.title(), "2026-03-02", 0))).isTrue();
  }

  @Test
  void aNegativeToleranceIsRefused() {
    assertThatThrownBy(() -> EpisodeMatcher.byTitleAndReleaseDate(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("durationTolerance");
  }
}
