package io.gridcast.bridge.flows;

import io.gridcast.bridge.Flow;
import io.gridcast.bridge.PostSink;
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
 * }</pre>
 *
 * <p>Each run reads the partner directory once (for routing) and every episode of the shows
 * (newest first, bounded by {@code releasedSince} and {@code maxEpisodesPerShow}); the ledger
 * skips unchanged episodes.
 */
public final class EpisodeAnnouncementsFlow {

  private EpisodeAnnouncementsFlow() {}

  /** The flow for {@code config}; run it with {@code Bridge.run} or plan it with {@code Bridge.plan}. */
  public static Flow<ShowEpisode, PostCreate> create(SpotifyClient spotify, TradingGridClient tradingGrid,
      EpisodeAnnouncementsConfig config) {
    ShowEpisodesSource episodes = new ShowEpisodesSource(spotify, config.showIds(), config.market().orElse(null),
        config.releasedSince().orElse(null), config.maxEpisodesPerShow().orElse(null));
    // one partner snapshot per run, kept on the running thread: a plan and a run of the same
    // flow on two threads never route against each other's snapshot
    ThreadLocal<PartnerDirectory> partners = new ThreadLocal<>();
    EpisodeAnnouncementMapper mapper = new EpisodeAnnouncementMapper(config.routing(), () -> {
      PartnerDirectory snapshot = partners.get();
      if (snapshot == null) { // a replay, or a mapper called outside a run
        snapshot = PartnerDirectory.load(tradingGrid);
        partners.set(snapshot);
      }
      return snapshot;
    }, config.tags(), PostKind.ANNOUNCEMENT, config.remoteImages());
    return Flow.<ShowEpisode, PostCreate>builder(config.flowName())
        .source(checkpoint -> {
          partners.set(PartnerDirectory.load(tradingGrid)); // read when the run starts reading
          return episodes.read(checkpoint);
        })
        .key(ShowEpisode::key)
        .mapper(mapper)
        .sink(new PostSink(tradingGrid))
        .lookup(key -> {
          partners.set(PartnerDirectory.load(tradingGrid)); // a replay maps against today's partners
          return episodes.lookup(key);
        })
        .caps(config.caps())
        .build();
  }
}
