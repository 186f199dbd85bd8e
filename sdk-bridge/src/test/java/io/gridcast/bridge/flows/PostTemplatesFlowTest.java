package io.gridcast.bridge.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.spotify.model.Episode;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The posts a flow writes come from its templates: a language, a host's override, all through the sandboxes. */
class PostTemplatesFlowTest {

  @TempDir Path folder;

  private Sandboxes sandboxes;
  private Bridge bridge;

  @BeforeEach
  void start() {
    sandboxes = Sandboxes.start();
    bridge = sandboxes.bridge(new InMemoryStateStore());
  }

  @AfterEach
  void stop() {
    sandboxes.close();
  }

  private JsonNode post(String externalRef) {
    return sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).stream()
        .filter(p -> p.path("externalRef").asText().equals(externalRef)).findFirst().orElseThrow();
  }

  @Test
  void germanTemplatesWriteTheAnnouncementInGermanAndTheHostsFolderOverridesItsTitle() throws Exception {
    Files.createDirectories(folder.resolve("de"));
    Files.writeString(folder.resolve("de/announcement.title.mustache"), "Neu bei {{show}}: {{episode}} ({{released}})\n");
    PostTemplates german = PostTemplates.builder().locale(Locale.GERMANY).folder(folder).build();

    RunReport report = bridge.run(EpisodeAnnouncementsFlow.create(sandboxes.spotify, sandboxes.tradingGrid,
        EpisodeAnnouncementsConfig.builder().addShowIds(SpotifyDemoData.SHOW_PARTNER_ACADEMY).templates(german).build()));

    assertThat(report.failed()).isZero();
    String id = SpotifyDemoData.episodeId(SpotifyDemoData.SHOW_PARTNER_ACADEMY, 0);
    Episode e = sandboxes.spotify.episodes().get(id);
    String released = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.GERMANY).format(e.releaseDate().firstDay());
    long minutes = Duration.ofMillis(e.durationMs()).toMinutes();
    String duration = minutes >= 60 ? String.format("%d Std. %02d Min.", minutes / 60, minutes % 60) : minutes + " Min.";
    JsonNode post = post("spotify:episode:" + id);
    assertThat(post.path("title").asText()).isEqualTo("Neu bei " + e.show().name() + ": " + e.name() + " (" + released + ")");
    assertThat(post.path("body").asText())
        .startsWith("**" + e.show().name() + "** · " + released + " · " + duration)
        .contains("### Versionshinweise")
        .endsWith("[Auf Spotify anhören](https://open.spotify.com/episode/" + id + ")");
    assertThat(post.path("metadata").path("releaseDate").asText()).isEqualTo(e.releaseDate().toString());
    assertThat(post.path("links").get(0).path("title").asText()).isEqualTo("Auf Spotify anhören");
  }

  @Test
  void aChangedTemplateUpdatesThePostsOnTheNextRunAndLeavesNoDuplicate() throws Exception {
    var config = EpisodeAnnouncementsConfig.builder().addShowIds(SpotifyDemoData.SHOW_PARTNER_ACADEMY).fullReadEvery(Duration.ZERO);
    bridge.run(EpisodeAnnouncementsFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config.build()));
    Files.writeString(folder.resolve("announcement.mustache"), "{{> announcement-built-in}}\n\nQuestions? Ask in #partner-academy.\n");
    Files.writeString(folder.resolve("announcement-built-in.mustache"),
        "**{{show}}** · {{released}}\n\n[Listen on Spotify]({{episodeUrl}})");

    RunReport again = bridge.run(EpisodeAnnouncementsFlow.create(sandboxes.spotify, sandboxes.tradingGrid,
        config.templates(PostTemplates.builder().folder(folder).build()).build()));

    int episodes = sandboxes.spotifySandbox.episodeCount(SpotifyDemoData.SHOW_PARTNER_ACADEMY);
    assertThat(again.updated()).isEqualTo(episodes);
    assertThat(again.created()).isZero();
    String id = SpotifyDemoData.episodeId(SpotifyDemoData.SHOW_PARTNER_ACADEMY, 3);
    assertThat(post("spotify:episode:" + id).path("body").asText())
        .endsWith("[Listen on Spotify](https://open.spotify.com/episode/" + id + ")\n\nQuestions? Ask in #partner-academy.")
        .doesNotContain("Release notes");
    assertThat(sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).stream()
        .filter(p -> p.path("externalRef").asText().startsWith("spotify:episode:"))).hasSize(episodes);
  }
}
