package io.gridcast.bridge.flows;

import io.gridcast.bridge.Flow;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.Snapshot;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;

/**
 * Flow 1: new or changed episodes of chosen shows become announcement posts in Trading Grid,
 * with the episode link, metadata and release notes, for the audience the routing policy
 * picks. A changed episode updates its post; it never gets a second one.
 *
 * <pre>{@code
 * EpisodeAnnouncementsConfig config = EpisodeAnnouncementsConfig.builder()
 *     .addShowIds("4rOoJ6Egrf8K2IrywzwOMk")
 *     .routing(RoutingPolicy.<ShowEpisode>stages(OnboardingStage.CERTIFIED, OnboardingStage.ACTIVE))
 *     .build();
 * RunReport report = bridge.run(EpisodeAnnouncementsFlow.create(spotify, tradingGrid, config));
 *
 * // or kept running: a new episode is announced within 15 minutes
 * Worker worker = Worker.builder(bridge)
 *     .every(Duration.ofMinutes(15), EpisodeAnnouncementsFlow.create(spotify, tradingGrid, config)).build();
 * worker.start();
 * }</pre>
 *
 * <p>Each run reads the partner directory once (for routing, a {@link PartnerDirectory#snapshot}) and the
 * shows' episodes newest first (bounded by {@code releasedSince} and {@code maxEpisodesPerShow}):
 * every one once a day ({@code fullReadEvery}), and in between each show's only down to its first
 * page of episodes already announced; the ledger skips unchanged episodes.
 */
public final class EpisodeAnnouncementsFlow {

  private EpisodeAnnouncementsFlow() {}

  /** The flow for {@code config}; run it with {@code Bridge.run} or plan it with {@code Bridge.plan}. */
  public static Flow<ShowEpisode, PostCreate> create(SpotifyClient spotify, TradingGridClient tradingGrid,
      EpisodeAnnouncementsConfig config) {
    ShowEpisodesSource episodes = new ShowEpisodesSource(spotify, config.showIds(), config.market().orElse(null),
        config.releasedSince().orElse(null), config.maxEpisodesPerShow().orElse(null), config.fullReadEvery());
    Snapshot<PartnerDirectory> partners = PartnerDirectory.snapshot(tradingGrid);
    Mapper<ShowEpisode, PostCreate> mapper = config.mapper().orElseGet(() -> new EpisodeAnnouncementMapper(config.routing(),
        partners, config.tags(), PostKind.ANNOUNCEMENT, config.remoteImages(), config.templates()));
    return Flow.<ShowEpisode, PostCreate>builder(config.flowName())
        .source(run -> {
          run.snapshot(partners); // read when the run starts reading: a failure stops the run before any item
          return episodes.read(run);
        })
        .key(ShowEpisode::key)
        .mapper(mapper)
        .sink(new PostSink(tradingGrid))
        .lookup(episodes::lookup) // a replay is a run of its own: it maps against today's partners
        .caps(config.caps())
        .build();
  }
}
