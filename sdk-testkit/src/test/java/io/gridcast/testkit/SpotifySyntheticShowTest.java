package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@SpotifyContractChecked
class SpotifySyntheticShowTest {

  private static final String SHOW = "0SyntheticShowForTest0";

  @Test
  void servesASyntheticShowsDeterministicEpisodesNewestFirstInPages() {
    List<JsonNode> first = lastPage(120);
    List<JsonNode> again = lastPage(120);

    assertThat(first).hasSize(20);
    assertThat(first).extracting(e -> e.path("id").asText())
        .containsExactlyElementsOf(again.stream().map(e -> e.path("id").asText()).toList())
        .endsWith(SpotifyDemoData.episodeId(SHOW, 0));
    JsonNode oldest = first.get(first.size() - 1);
    assertThat(oldest.path("release_date").asText()).isEqualTo("2025-09-04"); // 119 days before 2026-01-01
    assertThat(oldest.path("explicit").asBoolean()).isTrue();
    assertThat(oldest.path("description").asText()).startsWith("Episode 1. ");
  }

  /** The third page (offset 100) of a fresh sandbox's synthetic show with {@code episodes} episodes. */
  private static List<JsonNode> lastPage(int episodes) {
    try (SpotifySandbox spotify = SpotifySandbox.builder().syntheticShow(SHOW, episodes).build()) {
      assertThat(spotify.episodeCount(SHOW)).isEqualTo(episodes);
      JsonNode page = Http.get(spotify.apiBaseUri() + "/shows/" + SHOW + "/episodes?limit=50&offset=100",
          spotify.clientAccessToken()).json();
      assertThat(page.path("total").asInt()).isEqualTo(episodes);
      assertThat(page.path("next").isNull()).isTrue();
      List<JsonNode> items = new ArrayList<>();
      page.path("items").forEach(items::add);
      return items;
    }
  }
}
