package io.gridcast.bridge.flows;

import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.Source;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.tradinggrid.TradingGridClient;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Flow 2: episodes of a training show or playlist become training posts with supporting
 * documents and FAQs, assigned to partner groups or partners by onboarding stage or region, and
 * re-evaluated on every run as partners change.
 *
 * <pre>{@code
 * TrainingSeriesConfig config = TrainingSeriesConfig.builder()
 *     .addShowIds("NfIfOyGVqjCbPlx6Ed0aA1")
 *     .assignTo(RoutingPolicy.<ShowEpisode>stages(OnboardingStage.ONBOARDING)
 *         .and(RoutingPolicy.groups("g_grocery")))
 *     .dueAfterDays(21)
 *     .documentsFolder(Path.of("training-docs"))
 *     .putFaqs("Do I need a new EDI certificate?", "No: your current certificate stays valid.")
 *     .build();
 * RunReport report = TrainingSeriesFlow.run(bridge, config);
 * }</pre>
 *
 * <p>Two phases, each a flow run through the bridge: {@link #posts} ({@code <name>.posts}: one
 * training post per episode, {@code externalRef} {@code gridcast:training:spotify:episode:<id>};
 * documents uploaded once each and found again by {@code externalRef}, see
 * {@link DocumentPostSink}) and {@link #assignments} ({@code <name>.assignments}: per post and
 * target one assignment with {@code externalRef} {@code
 * gridcast:training-assignment:<episode key>:<group|partner>:<id>}, created with a deterministic
 * idempotency key; existing ones are found through the assignments list filtered by post id).
 * A partner who moves into a wanted stage or region gets the assignment on the next run; one who
 * moves out has it marked cancelled (never deleted; completed ones are left alone); one who comes
 * back has the same assignment assigned again rather than a second one.
 */
public final class TrainingSeriesFlow {

  private TrainingSeriesFlow() {}

  /** Runs both phases in order and returns their summed report (named after the flow). */
  public static RunReport run(Bridge bridge, TrainingSeriesConfig config) {
    Flow<ShowEpisode, PostWithDocuments> posts = posts(bridge.spotify(), bridge.tradingGrid(), config);
    Flow<TrainingAssignment, TrainingAssignment> assignments = assignments(bridge.spotify(), bridge.tradingGrid(), config);
    return RunReport.combine(config.flowName(), List.of(bridge.run(posts), bridge.run(assignments)));
  }

  /** Plans both phases; nothing is written (so the assignments of posts not yet created are not planned). */
  public static RunReport plan(Bridge bridge, TrainingSeriesConfig config) {
    Flow<ShowEpisode, PostWithDocuments> posts = posts(bridge.spotify(), bridge.tradingGrid(), config);
    Flow<TrainingAssignment, TrainingAssignment> assignments = assignments(bridge.spotify(), bridge.tradingGrid(), config);
    return RunReport.combine(config.flowName(), List.of(bridge.plan(posts), bridge.plan(assignments)));
  }

  /** Phase 1: a training post per episode, with its documents. */
  public static Flow<ShowEpisode, PostWithDocuments> posts(SpotifyClient spotify, TradingGridClient tradingGrid,
      TrainingSeriesConfig config) {
    Source<ShowEpisode> episodes = episodes(spotify, config);
    AtomicReference<PartnerDirectory> partners = new AtomicReference<>();
    AtomicReference<TrainingDocuments> documents = new AtomicReference<>(TrainingDocuments.none());
    Runnable snapshot = () -> {
      partners.set(PartnerDirectory.load(tradingGrid));
      documents.set(config.documentsFolder().map(TrainingDocuments::read).orElse(TrainingDocuments.none()));
    };
    String name = config.flowName() + ".posts";
    return Flow.<ShowEpisode, PostWithDocuments>builder(name)
        .source(checkpoint -> {
          snapshot.run(); // one partner and document snapshot per run
          return episodes.read(checkpoint);
        })
        .key(ShowEpisode::key)
        .mapper(new TrainingPostMapper(config.audience(), partners::get, config.tags(), config.faqs(), config.documentIds(),
            documents::get))
        .fingerprint(PostWithDocuments::fingerprint)
        .sink(new DocumentPostSink(tradingGrid, name))
        .maxInFlight(1) // the folder's shared documents go with every post: one upload, then reuse
        .externalRef(TrainingPostMapper::postRef)
        .lookup(key -> {
          snapshot.run();
          return lookup(spotify, config).apply(key);
        })
        .caps(config.caps())
        .build();
  }

  /** Phase 2: the assignments of every training post that exists, re-evaluated against today's partners. */
  public static Flow<TrainingAssignment, TrainingAssignment> assignments(SpotifyClient spotify, TradingGridClient tradingGrid,
      TrainingSeriesConfig config) {
    AtomicReference<PartnerDirectory> partners = new AtomicReference<>();
    TrainingAssignmentsSource source = new TrainingAssignmentsSource(tradingGrid, episodes(spotify, config), config.assignTo(),
        partners::get, config.dueAfterDays(), config.assignmentReason());
    return Flow.<TrainingAssignment, TrainingAssignment>builder(config.flowName() + ".assignments")
        .source(checkpoint -> {
          partners.set(PartnerDirectory.load(tradingGrid));
          return source.read(checkpoint);
        })
        .key(TrainingAssignment::key)
        .mapper(a -> a)
        .sink(new TrainingAssignmentSink(tradingGrid))
        .lookup(key -> {
          partners.set(PartnerDirectory.load(tradingGrid));
          String prefix = "gridcast:training-assignment:";
          if (!key.startsWith(prefix)) {
            return Optional.empty();
          }
          String rest = key.substring(prefix.length());
          String episodeKey = rest.substring(0, rest.indexOf(':', "spotify:episode:".length()));
          return lookup(spotify, config).apply(episodeKey)
              .flatMap(e -> source.forEpisode(e).stream().filter(a -> a.key().equals(key)).findFirst());
        })
        .caps(config.caps())
        .build();
  }

  private static Source<ShowEpisode> episodes(SpotifyClient spotify, TrainingSeriesConfig config) {
    if (config.playlistId().isPresent()) {
      return new PlaylistEpisodesSource(spotify, config.playlistId().get(), config.market().orElse(null),
          config.releasedSince().orElse(null));
    }
    return new ShowEpisodesSource(spotify, config.showIds(), config.market().orElse(null),
        config.releasedSince().orElse(null), config.maxEpisodesPerShow().orElse(null));
  }

  private static Function<String, Optional<ShowEpisode>> lookup(SpotifyClient spotify, TrainingSeriesConfig config) {
    Source<ShowEpisode> s = episodes(spotify, config);
    return s instanceof PlaylistEpisodesSource p ? p::lookup : ((ShowEpisodesSource) s)::lookup;
  }
}
