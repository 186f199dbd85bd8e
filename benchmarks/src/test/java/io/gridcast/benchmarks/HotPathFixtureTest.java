package io.gridcast.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.spotify.model.Paging;
import io.gridcast.spotify.model.SimplifiedEpisode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.michaelthelin.spotify.model_objects.specification.EpisodeSimplified;

/** Keeps the benchmarks honest: the fixture is what the issue asks for and both sides decode all of it. */
class HotPathFixtureTest {

  @Test
  void theFixtureIsAFiftyEpisodePageOfAboutSixtyKilobytesInSeveralLanguages() throws Exception {
    byte[] bytes = EpisodePage.bytes();
    Paging<SimplifiedEpisode> page = EpisodePage.PAGE_READER.readValue(bytes);

    assertThat(bytes.length).isBetween(50 * 1024, 64 * 1024);
    assertThat(page.items()).hasSize(EpisodePage.EPISODES);
    assertThat(page.items().stream().flatMap(e -> e.languages().stream()).map(l -> l.substring(0, 2)).distinct())
        .hasSizeGreaterThanOrEqualTo(5);
    assertThat(page.items().stream().mapToInt(e -> e.description().length()).max().getAsInt()).isGreaterThan(400);
  }

  @Test
  void thePeerDecodesTheSameEpisodes() throws Exception {
    byte[] bytes = EpisodePage.bytes();
    Paging<SimplifiedEpisode> ours = EpisodePage.PAGE_READER.readValue(bytes);
    EpisodeSimplified[] theirs = new EpisodeSimplified.JsonUtil()
        .createModelObjectPaging(new String(bytes, StandardCharsets.UTF_8)).getItems();

    assertThat(Arrays.stream(theirs).map(EpisodeSimplified::getId).toList())
        .containsExactlyElementsOf(ours.items().stream().map(SimplifiedEpisode::id).toList());
    assertThat(Arrays.stream(theirs).map(EpisodeSimplified::getDescription).toList())
        .containsExactlyElementsOf(ours.items().stream().map(SimplifiedEpisode::description).toList());
  }

  @Test
  void theWholeHotPathEncodesOneRequestBodyPerEpisode() throws Exception {
    PartnerDirectory partners = EpisodePage.demoPartners();
    List<SimplifiedEpisode> episodes = EpisodePage.PAGE_READER.<Paging<SimplifiedEpisode>>readValue(EpisodePage.bytes()).items();

    byte[] body = EpisodePage.POST_WRITER.writeValueAsBytes(EpisodePage.defaultMapper(partners)
        .map(new io.gridcast.bridge.flows.ShowEpisode(EpisodePage.SHOW_ID, EpisodePage.SHOW_NAME, episodes.get(4)), EpisodePage.detachedRun()));

    assertThat(partners.partners()).isNotEmpty();
    assertThat(new String(body, StandardCharsets.UTF_8))
        .contains("\"externalRef\":\"spotify:episode:" + episodes.get(4).id() + "\"")
        .contains("研修");
  }
}
