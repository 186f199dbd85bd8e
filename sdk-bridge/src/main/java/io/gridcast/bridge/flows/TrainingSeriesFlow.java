package io.gridcast.bridge.flows;

import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.Snapshot;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.Source;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.tradinggrid.TradingGridClient;
import java.util.List;
import java.util.Optional;
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
 * RunReport report = bridge.run(TrainingSeriesFlow.create(spotify, tradingGrid, config));
 * }</pre>
 *
 * <p>Two stages, run in order by one {@code bridge.run}: posts ({@code <name>.posts}: one
 * training post per episode, {@code externalRef} {@code gridcast:training:spotify:episode:<id>};
 * documents uploaded once each and found again by {@code externalRef}, see
 * {@link DocumentPostSink}) and assignments ({@code <name>.assignments}: per post and
 * target one assignment with {@code externalRef} {@code
 * gridcast:training-assignment:<episode key>:<group|partner>:<id>}, created with a deterministic
 * idempotency key; existing ones are found through the assignments list filtered by post id).
 * A partner who moves into a wanted stage or region gets the assignment on the next run; one who
 * moves out has it marked cancelled (never deleted; completed ones are left alone); one who comes
 * back has the same assignment assigned again rather than a second one.
 */
public final class TrainingSeriesFlow {

  private TrainingSeriesFlow() {}

  /**
   * The flow for {@code config}, in two stages (posts, then assignments) that share one partner
   * snapshot per run; run it with {@code bridge.run}, plan it with {@code bridge.plan} (a plan
   * does not create posts, so the assignments of posts not yet created are not planned).
   *
   * @throws NullPointerException if an argument is null
   */
  public static Flow<?, ?> create(SpotifyClient spotify, TradingGridClient tradingGrid, TrainingSeriesConfig config) {
    Snapshot<PartnerDirectory> partners = PartnerDirectory.snapshot(tradingGrid);
    return Flow.inStages(config.flowName(), List.of(posts(spotify, tradingGrid, config, partners),
        assignments(spotify, tradingGrid, config, partners)));
  }

  /** Stage 1: a training post per episode, with its documents. */
  static Flow<ShowEpisode, PostWithDocuments> posts(SpotifyClient spotify, TradingGridClient tradingGrid,
      TrainingSeriesConfig config, Snapshot<PartnerDirectory> partners) {
    Source<ShowEpisode> episodes = episodes(spotify, config);
    Snapshot<TrainingDocuments> documents = Snapshot.of("training documents",
        () -> config.documentsFolder().map(TrainingDocuments::read).orElse(TrainingDocuments.none()));
    String name = config.flowName() + ".posts";
    return Flow.<ShowEpisode, PostWithDocuments>builder(name)
        .source(run -> {
          run.snapshot(partners); // one partner and document snapshot per run, read before any item
          run.snapshot(documents);
          return episodes.read(run);
        })
        .key(ShowEpisode::key)
        .mapper(new TrainingPostMapper(config.audience(), partners, config.tags(), config.faqs(), config.documentIds(),
            documents, config.templates(), config.mapper()))
        .fingerprint(PostWithDocuments::fingerprint)
        .sink(new DocumentPostSink(tradingGrid, name))
        .maxInFlight(1) // the folder's shared documents go with every post: one upload, then reuse
        .externalRef(TrainingPostMapper::postRef)
        .lookup(lookup(spotify, config))
        .caps(config.caps())
        .build();
  }

  /** Stage 2: the assignments of every training post that exists, re-evaluated against today's partners. */
  static Flow<TrainingAssignment, TrainingAssignment> assignments(SpotifyClient spotify, TradingGridClient tradingGrid,
      TrainingSeriesConfig config, Snapshot<PartnerDirectory> partners) {
    TrainingAssignmentsSource source = new TrainingAssignmentsSource(tradingGrid, episodes(spotify, config), config.assignTo(),
        partners, config.dueAfterDays(), config.assignmentReason());
    return Flow.<TrainingAssignment, TrainingAssignment>builder(config.flowName() + ".assignments")
        .source(source)
        .key(TrainingAssignment::key)
        .mapper((a, run) -> a)
        .sink(new TrainingAssignmentSink(tradingGrid))
        .lookup(key -> {
          String prefix = "gridcast:training-assignment:";
          if (!key.startsWith(prefix)) {
            return Optional.empty();
          }
          String rest = key.substring(prefix.length());
          String episodeKey = rest.substring(0, rest.indexOf(':', "spotify:episode:".length()));
          return lookup(spotify, config).apply(episodeKey)
              .flatMap(e -> source.forEpisode(e, PartnerDirectory.load(tradingGrid)).stream().filter(a -> a.key().equals(key)).findFirst());
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
