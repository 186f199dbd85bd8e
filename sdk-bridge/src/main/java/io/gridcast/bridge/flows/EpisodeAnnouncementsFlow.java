package io.gridcast.bridge.flows;

import io.gridcast.bridge.Batch;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.PostSink;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import java.util.concurrent.atomic.AtomicReference;

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
    AtomicReference<PartnerDirectory> partners = new AtomicReference<>();
    EpisodeAnnouncementMapper mapper =
        new EpisodeAnnouncementMapper(config.routing(), partners::get, config.tags(), PostKind.ANNOUNCEMENT);
    return Flow.<ShowEpisode, PostCreate>builder(config.flowName())
        .source(checkpoint -> {
          partners.set(PartnerDirectory.load(tradingGrid)); // one snapshot per run
          Iterable<Batch<ShowEpisode>> batches = episodes.read(checkpoint);
          return batches;
        })
        .key(ShowEpisode::key)
        .mapper(mapper)
        .sink(new PostSink(tradingGrid))
        .lookup(key -> {
          if (partners.get() == null) {
            partners.set(PartnerDirectory.load(tradingGrid));
          }
          return episodes.lookup(key);
        })
        .caps(config.caps())
        .build();
  }
}
