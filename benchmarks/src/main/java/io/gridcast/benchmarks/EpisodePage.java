package io.gridcast.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Snapshot;
import io.gridcast.bridge.flows.EpisodeAnnouncementMapper;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.core.GridcastJson;
import io.gridcast.core.Secret;
import io.gridcast.spotify.model.Paging;
import io.gridcast.spotify.model.SimplifiedEpisode;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/**
 * The hot path's fixture and its machinery, set up exactly as the SDK sets them up: a show's
 * episode page as Spotify sends it ({@code show-episodes-page.json}: 50 episodes, about 61 KiB,
 * release notes in six languages), the reader the Spotify client decodes pages with, the writer
 * the Trading Grid client encodes request bodies with, and the default announcement mapper
 * routing to everyone in the sandbox's demo community.
 */
final class EpisodePage {

  /** The show the fixture page belongs to (Trading Grid Weekly in the demo data). */
  static final String SHOW_ID = "5THq5Er5bWp62qwOg6niTM";
  static final String SHOW_NAME = "Trading Grid Weekly";
  static final int EPISODES = 50;

  /** How {@code GridcastCallAdapterFactory} decodes a page: one reader for the response type. */
  static final ObjectMapper JSON = GridcastJson.newObjectMapper();
  static final ObjectReader PAGE_READER = JSON.readerFor(new TypeReference<Paging<SimplifiedEpisode>>() {});
  /** How {@code JacksonRequestConverterFactory} encodes a create-post body. */
  static final ObjectWriter POST_WRITER = JSON.writerFor(PostCreate.class);

  private EpisodePage() {}

  /** The fixture's bytes, as they arrive on the wire. */
  static byte[] bytes() {
    try (InputStream in = EpisodePage.class.getResourceAsStream("show-episodes-page.json")) {
      if (in == null) {
        throw new IllegalStateException("show-episodes-page.json is missing from the benchmarks' resources");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The episode announcements flow's default mapper: everyone in the directory, default tags. */
  static EpisodeAnnouncementMapper defaultMapper(PartnerDirectory partners) {
    return new EpisodeAnnouncementMapper(RoutingPolicy.everyone(), Snapshot.of("partners", () -> partners),
        List.of("podcast", "announcement"), PostKind.ANNOUNCEMENT);
  }

  /**
   * A run context outside the bridge for calling the mapper directly: make it once and reuse it,
   * so that it loads the partner snapshot once, as a run does.
   */
  static RunContext detachedRun() {
    return RunContext.detached("episode-announcements", Clock.systemUTC());
  }

  /** The demo community's partners, read once from a Trading Grid sandbox as a run reads them. */
  static PartnerDirectory demoPartners() {
    try (TradingGridSandbox sandbox = TradingGridSandbox.builder().start();
        TradingGridClient client = TradingGridClient.builder()
            .baseUrl(sandbox.baseUrl().toString())
            .tenant(TradingGridSandbox.DEFAULT_TENANT_ID)
            .community(TradingGridSandbox.DEFAULT_COMMUNITY_ID)
            .clientCredentials(TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET))
            .build()) {
      return PartnerDirectory.load(client);
    }
  }
}
