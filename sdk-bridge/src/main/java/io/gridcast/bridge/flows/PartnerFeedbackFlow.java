package io.gridcast.bridge.flows;

import io.gridcast.bridge.Batch;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.PostSink;
import io.gridcast.bridge.RunReport;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.spotify.SpotifyId;
import io.gridcast.spotify.SpotifyUri;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.IssueCreate;
import io.gridcast.tradinggrid.model.Partner;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.Submission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Flow 6: every published episode of chosen shows gets a feedback thread and a form in Trading
 * Grid; the responses are summarised by episode, topic, region and account in one report post,
 * and every rating below the threshold opens a feedback issue linked to the episode.
 *
 * <pre>{@code
 * PartnerFeedbackConfig config = PartnerFeedbackConfig.builder()
 *     .addShowIds("5THq5Er5bWp62qwOg6niTM")
 *     .maxEpisodesPerShow(5)
 *     .lowRatingThreshold(3)
 *     .build();
 * RunReport report = PartnerFeedbackFlow.run(bridge, config);
 * }</pre>
 *
 * <p>A run has three phases, each a flow run through the bridge (own ledger, lease, dead
 * letters and report): {@link #channels} ({@code <name>.channels}: one thread and one form per
 * episode, found again by {@code externalRef}), {@link #issues} ({@code <name>.issues}: one issue
 * per low-rated submission, {@code externalRef} {@code gridcast:partner-feedback:issue:<submission
 * id>}) and {@link #summary} ({@code <name>.summary}: one post per set of shows, updated only when
 * the aggregates change). The issue and summary phases share one snapshot of the feedback, read
 * after the channels phase.
 */
public final class PartnerFeedbackFlow {

  private PartnerFeedbackFlow() {}

  /** Runs the three phases in order and returns their summed report (named after the flow). */
  public static RunReport run(Bridge bridge, PartnerFeedbackConfig config) {
    return runPhases(bridge, config, false);
  }

  /** Plans the three phases: nothing is written (so the later phases see no new channels). */
  public static RunReport plan(Bridge bridge, PartnerFeedbackConfig config) {
    return runPhases(bridge, config, true);
  }

  private static RunReport runPhases(Bridge bridge, PartnerFeedbackConfig config, boolean plan) {
    SpotifyClient spotify = bridge.spotify();
    TradingGridClient tg = bridge.tradingGrid();
    List<RunReport> reports = new ArrayList<>();
    Flow<ShowEpisode, FeedbackChannel> channels = channels(spotify, tg, config);
    reports.add(plan ? bridge.plan(channels) : bridge.run(channels));
    ShowEpisodesSource episodes = episodes(spotify, config);
    FeedbackSnapshot[] snapshot = new FeedbackSnapshot[1];
    Supplier<FeedbackSnapshot> shared = () -> {
      if (snapshot[0] == null) {
        snapshot[0] = FeedbackSnapshot.load(tg, episodes, scope(config));
      }
      return snapshot[0];
    };
    Flow<LowRating, IssueCreate> issues = issues(tg, config, shared);
    reports.add(plan ? bridge.plan(issues) : bridge.run(issues));
    Flow<FeedbackSnapshot, PostCreate> summary = summary(tg, config, shared);
    reports.add(plan ? bridge.plan(summary) : bridge.run(summary));
    return RunReport.combine(config.flowName(), reports);
  }

  /** Phase 1: a feedback thread and form per episode. */
  public static Flow<ShowEpisode, FeedbackChannel> channels(SpotifyClient spotify, TradingGridClient tradingGrid,
      PartnerFeedbackConfig config) {
    ShowEpisodesSource episodes = episodes(spotify, config);
    String name = config.flowName() + ".channels";
    return Flow.<ShowEpisode, FeedbackChannel>builder(name)
        .source(episodes)
        .key(ShowEpisode::key)
        .mapper(new FeedbackChannelMapper(config.topics()))
        .sink(new FeedbackChannelSink(tradingGrid, name))
        .externalRef(FeedbackChannel::channelRef)
        .lookup(episodes::lookup)
        .caps(config.caps())
        .build();
  }

  /** Phase 2: a feedback issue per submission rated below the threshold, from {@code snapshot}'s feedback. */
  public static Flow<LowRating, IssueCreate> issues(TradingGridClient tradingGrid, PartnerFeedbackConfig config,
      Supplier<FeedbackSnapshot> snapshot) {
    return Flow.<LowRating, IssueCreate>builder(config.flowName() + ".issues")
        .source(checkpoint -> List.of(Batch.of(lowRatings(snapshot.get(), config.lowRatingThreshold()))))
        .key(LowRating::key)
        .mapper(new FeedbackIssueMapper(config.issueSeverity()))
        .sink(new FeedbackIssueSink(tradingGrid))
        .lookup(key -> lowRatings(snapshot.get(), config.lowRatingThreshold()).stream()
            .filter(l -> l.key().equals(key)).findFirst())
        .caps(config.caps())
        .build();
  }

  /** Phase 3: the summary post of {@code snapshot}'s feedback. */
  public static Flow<FeedbackSnapshot, PostCreate> summary(TradingGridClient tradingGrid, PartnerFeedbackConfig config,
      Supplier<FeedbackSnapshot> snapshot) {
    return Flow.<FeedbackSnapshot, PostCreate>builder(config.flowName() + ".summary")
        .source(checkpoint -> List.of(Batch.of(List.of(snapshot.get()), null, 1L)))
        .key(s -> FeedbackSummaryMapper.key(s.scope()))
        .mapper(new FeedbackSummaryMapper(config.lowRatingThreshold(), config.summaryAudience(), config.summaryTags()))
        .sink(new PostSink(tradingGrid))
        .lookup(key -> Optional.of(snapshot.get()).filter(s -> FeedbackSummaryMapper.key(s.scope()).equals(key)))
        .caps(config.caps())
        .build();
  }

  /** The snapshot of the feedback on {@code config}'s episodes now (what {@link #run} shares between phases 2 and 3). */
  public static FeedbackSnapshot snapshot(SpotifyClient spotify, TradingGridClient tradingGrid, PartnerFeedbackConfig config) {
    return FeedbackSnapshot.load(tradingGrid, episodes(spotify, config), scope(config));
  }

  static List<LowRating> lowRatings(FeedbackSnapshot snapshot, int threshold) {
    List<LowRating> low = new ArrayList<>();
    for (EpisodeFeedback f : snapshot.episodes()) {
      for (Submission s : f.submissions()) {
        OptionalInt rating = FeedbackSummaryMapper.rating(s);
        if (rating.isPresent() && rating.getAsInt() < threshold) {
          Optional<Partner> partner = snapshot.partners().partners().stream().filter(p -> p.id().equals(s.partnerId())).findFirst();
          low.add(new LowRating(f.episode(), s, rating.getAsInt(), partner));
        }
      }
    }
    return low;
  }

  private static ShowEpisodesSource episodes(SpotifyClient spotify, PartnerFeedbackConfig config) {
    return new ShowEpisodesSource(spotify, config.showIds(), config.market().orElse(null),
        config.releasedSince().orElse(null), config.maxEpisodesPerShow().orElse(null));
  }

  /** {@code shows:<sorted show ids joined by +>}. */
  static String scope(PartnerFeedbackConfig config) {
    TreeSet<String> ids = new TreeSet<>();
    for (String s : config.showIds()) {
      ids.add(SpotifyId.isValid(s) ? s : SpotifyUri.parse(s).id());
    }
    return "shows:" + String.join("+", ids);
  }
}
