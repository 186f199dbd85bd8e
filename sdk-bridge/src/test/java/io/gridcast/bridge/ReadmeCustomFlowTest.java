package io.gridcast.bridge;

import io.gridcast.bridge.flows.PostSink;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.bridge.flows.ShowEpisode;
import io.gridcast.bridge.flows.ShowEpisodesSource;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.bridge.text.LinkPolicy;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.text.TemplateModel;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.tradinggrid.model.Audience;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's "A flow and a mapper of your own", as written there (keep the two in step), run
 * against the sandboxes.
 */
class ReadmeCustomFlowTest {

  // ---- README: the mapper ----

  /** Announces an episode to one partner group, its show's name in the title. */
  static final class GroupAnnouncement implements Mapper<ShowEpisode, PostCreate> {
    private final String groupId;
    private final PostTemplates templates;

    GroupAnnouncement(String groupId, PostTemplates templates) {
      this.groupId = groupId;
      this.templates = templates;
    }

    @Override
    public PostCreate map(ShowEpisode e, RunContext run) {
      TemplateModel values = templates.model()
          .text("show", e.showName()).text("episode", e.episode().name())
          .notes("notes", e.episode().description(), LinkPolicy.none());
      return PostCreate.builder()
          .kind(PostKind.ANNOUNCEMENT)
          .title(templates.title("group-announcement.title", values, 300, "New episode"))
          .body(templates.render("group-announcement", values))
          .audience(Audience.ofGroups(List.of(groupId)))
          .build();
    }
  }

  // ---- README: the flow ----

  static final PostTemplates TEMPLATES =
      PostTemplates.builder().classpath(ReadmeCustomFlowTest.class.getClassLoader(), "com/acme/gridcast-templates").build();

  static Flow<ShowEpisode, PostCreate> emeaEpisodes(SpotifyClient spotify, TradingGridClient tradingGrid, String showId) {
    return Flow.<ShowEpisode, PostCreate>builder("emea-episodes")
        .source(new ShowEpisodesSource(spotify, List.of(showId), null, null, null))
        .key(ShowEpisode::key)                          // stable: spotify:episode:<id>
        .mapper(new GroupAnnouncement(TradingGridDemoData.GROUP_EMEA, TEMPLATES))
        .sink(new PostSink(tradingGrid))                // creates, updates, finds orphans
        .build();
  }

  @Test
  void theReadmesFlowDeliversEachEpisodeOnceAndThenFindsNothingChanged() {
    try (Sandboxes sandboxes = Sandboxes.start()) {
      Bridge bridge = sandboxes.bridge(new InMemoryStateStore());
      Flow<ShowEpisode, PostCreate> flow = emeaEpisodes(sandboxes.spotify, sandboxes.tradingGrid,
          SpotifyDemoData.SHOW_PARTNER_ACADEMY);

      RunReport first = bridge.run(flow);
      RunReport second = bridge.run(flow);

      assertThat(first.created()).isEqualTo(10).isEqualTo(first.seen());
      assertThat(second.unchanged()).isEqualTo(10);
      assertThat(sandboxes.tradingGridSandbox.resources(io.gridcast.testkit.TradingGridResource.POSTS))
          .filteredOn(p -> p.path("externalRef").asText().startsWith("spotify:episode:"))
          .hasSize(10)
          .allSatisfy(p -> assertThat(p.path("audience").path("groupIds").get(0).asText()).isEqualTo(TradingGridDemoData.GROUP_EMEA))
          .allSatisfy(p -> assertThat(p.path("body").asText()).startsWith("New on **Partner Onboarding Academy**, for EMEA partners:"))
          .allSatisfy(p -> assertThat(p.path("title").asText()).startsWith("Partner Onboarding Academy: "));
    }
  }
}
