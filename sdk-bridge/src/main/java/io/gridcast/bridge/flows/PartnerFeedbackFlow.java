package io.gridcast.bridge.flows;

import io.gridcast.bridge.Batch;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Fingerprints;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.Snapshot;
import io.gridcast.bridge.RunReport;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.spotify.SpotifyId;
import io.gridcast.spotify.SpotifyUri;
import io.gridcast.tradinggrid.ListQuery;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.EventType;
import io.gridcast.tradinggrid.model.IssueCreate;
import io.gridcast.tradinggrid.model.Partner;
import io.gridcast.tradinggrid.model.Post;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import io.gridcast.tradinggrid.model.Submission;
import io.gridcast.tradinggrid.model.Thread;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Flow 6: every published episode of chosen shows gets a feedback thread and a form in Trading
 * Grid, linked from the episode's announcement post; the responses and the partners' thread
 * messages are summarised by episode, topic, region and account in one report post, and every
 * rating below the threshold and every thread message reporting a problem opens a feedback issue
 * linked to the episode.
 *
 * <pre>{@code
 * PartnerFeedbackConfig config = PartnerFeedbackConfig.builder()
 *     .addShowIds("5THq5Er5bWp62qwOg6niTM")
 *     .maxEpisodesPerShow(5)
 *     .lowRatingThreshold(3)
 *     .putTopicKeywords("asn", List.of("asn", "advance ship notice"))
 *     .problemKeywords(List.of("broken", "error"))
 *     .build();
 * RunReport report = bridge.run(PartnerFeedbackFlow.create(spotify, tradingGrid, config));
 * }</pre>
 *
 * <p>A flow of five stages, run in order by one {@code bridge.run} (each with its own ledger,
 * lease, dead letters and section of the report): channels ({@code <name>.channels}: one thread
 * and one form per episode, found again by {@code externalRef}), links ({@code <name>.links}: a
 * link of {@code rel} {@code feedback} to the thread on the episode's announcement post, the post
 * of kind announcement whose {@code externalRef} is the episode's URI, as soon as both exist),
 * issues ({@code <name>.issues}: one issue per low-rated submission, {@code externalRef} {@code
 * gridcast:partner-feedback:issue:<submission id>}), problems ({@code <name>.problems}: one issue
 * per partner's thread message flagged as a problem or holding a problem keyword, {@code
 * externalRef} {@code gridcast:partner-feedback:problem:<message id>}) and summary ({@code
 * <name>.summary}: one post per set of shows, updated only when the aggregates change). The
 * issue, problem and summary stages share one {@link Snapshot} of the feedback per run, read when
 * the issues stage starts, after the channels stage. Once a day ({@code fullReadEvery}) every
 * stage reads everything; the runs between read each show down to its first page of known
 * episodes, the announcements only when a thread or post was created or a post updated, and the feedback only when
 * Trading Grid events say it may have changed, so a quiet run costs two Spotify requests per show
 * and one events request per later stage.
 */
public final class PartnerFeedbackFlow {

  private PartnerFeedbackFlow() {}

  /**
   * The flow for {@code config}; run it with {@code bridge.run}, plan it with {@code bridge.plan}
   * (a plan creates no channels, so the later stages see no new ones).
   *
   * @throws NullPointerException if an argument is null
   */
  public static Flow<?, ?> create(SpotifyClient spotify, TradingGridClient tradingGrid, PartnerFeedbackConfig config) {
    Objects.requireNonNull(spotify, "spotify");
    Objects.requireNonNull(tradingGrid, "tradingGrid");
    ShowEpisodesSource episodes = episodes(spotify, config);
    Snapshot<FeedbackSnapshot> feedback = Snapshot.of("partner feedback",
        () -> FeedbackSnapshot.load(tradingGrid, episodes, scope(config)));
    Supplier<FeedbackSnapshot> fresh = () -> FeedbackSnapshot.load(tradingGrid, episodes, scope(config));
    return Flow.inStages(config.flowName(), List.of(channels(spotify, tradingGrid, config),
        links(spotify, tradingGrid, config), issues(tradingGrid, config, feedback, fresh), problems(tradingGrid, config, feedback, fresh),
        summary(tradingGrid, config, feedback, fresh)));
  }

  /**
   * What may change the feedback: answers, thread messages, new threads (a new episode's channel)
   * and partners (the summary counts by region and account).
   */
  private static final Set<EventType> FEEDBACK_EVENTS = Set.of(EventType.FORM_SUBMITTED, EventType.THREAD_CREATED,
      EventType.THREAD_MESSAGE_CREATED, EventType.PARTNER_CREATED, EventType.PARTNER_UPDATED);

  /** Stage 1: a feedback thread and form per episode. */
  static Flow<ShowEpisode, FeedbackChannel> channels(SpotifyClient spotify, TradingGridClient tradingGrid,
      PartnerFeedbackConfig config) {
    ShowEpisodesSource episodes = episodes(spotify, config);
    String name = config.flowName() + ".channels";
    return Flow.<ShowEpisode, FeedbackChannel>builder(name)
        .source(episodes)
        .key(ShowEpisode::key)
        .mapper(config.channelMapper().orElseGet(() -> new FeedbackChannelMapper(config.topics(), config.templates())))
        .sink(new FeedbackChannelSink(tradingGrid, name))
        .externalRef(FeedbackChannel::channelRef)
        .lookup(episodes::lookup)
        .caps(config.caps())
        .build();
  }

  /**
   * What may give an episode both an announcement post and a feedback thread, or rewrite the post
   * without the link.
   */
  private static final Set<EventType> LINK_EVENTS = Set.of(EventType.THREAD_CREATED, EventType.POST_CREATED,
      EventType.POST_UPDATED);

  /**
   * Stage 2: the link from each episode's announcement post (flow 1's post of kind announcement
   * whose {@code externalRef} is the episode's URI) to its feedback thread, once both exist. Read
   * again whenever a thread or post was created, so an announcement written after the thread is
   * linked by the next run. Read again, too, when a post was updated: a post rewritten without the
   * link (flow 1 replaces an announcement's links when its episode changed) differs in its other
   * content from what was linked, and is linked again.
   */
  static Flow<FeedbackThreadLink, AnnouncementLink> links(SpotifyClient spotify, TradingGridClient tradingGrid,
      PartnerFeedbackConfig config) {
    ShowEpisodesSource episodes = episodes(spotify, config);
    return Flow.<FeedbackThreadLink, AnnouncementLink>builder(config.flowName() + ".links")
        .source(EventDrivenSource.wholeOnChange(tradingGrid, LINK_EVENTS, config.fullReadEvery(),
            run -> announcedThreads(tradingGrid, episodes.readAll())))
        .key(l -> l.episode().key())
        .mapper(new FeedbackLinkMapper(config.templates()))
        .sink(new AnnouncementLinkSink(tradingGrid))
        .lookup(key -> episodes.lookup(key).flatMap(e -> announcedThreads(tradingGrid, List.of(Batch.of(List.of(e), null, 1L)))
            .stream().findFirst()))
        .caps(config.caps())
        .build();
  }

  /** The episodes of {@code batches} that have both an announcement post and a feedback thread. */
  private static List<FeedbackThreadLink> announcedThreads(TradingGridClient tradingGrid, Iterable<Batch<ShowEpisode>> batches) {
    List<FeedbackThreadLink> found = new ArrayList<>();
    for (Batch<ShowEpisode> batch : batches) {
      for (ShowEpisode e : batch.items()) {
        Optional<Thread> thread = tradingGrid.threads().findByExternalRef(FeedbackChannel.threadRef(e.key()));
        if (thread.isEmpty()) {
          continue;
        }
        tradingGrid.posts().list(ListQuery.create().with("externalRef", e.key())).stream()
            .filter(p -> p.kind() == PostKind.ANNOUNCEMENT).findFirst()
            .ifPresent(p -> found.add(new FeedbackThreadLink(e, p.id(), thread.get().id(),
                TradingGridLinks.thread(tradingGrid, thread.get().id()), withoutFeedbackLink(tradingGrid, p))));
      }
    }
    return found;
  }

  /** The fingerprint of {@code post}'s content other than its feedback link: what someone else may rewrite. */
  private static String withoutFeedbackLink(TradingGridClient tradingGrid, Post post) {
    PostCreate content = PostSink.asCreate(post);
    content = content.withLinks(content.links().stream().filter(l -> !l.rel().equals(FeedbackLinkMapper.REL)).toList());
    return Fingerprints.sha256Hex(tradingGrid.posts().encode(content));
  }

  /**
   * Stage 3: a feedback issue per submission rated below the threshold, from the run's {@code
   * feedback}; a replay looks its items up in a {@code fresh} read.
   */
  static Flow<LowRating, IssueCreate> issues(TradingGridClient tradingGrid, PartnerFeedbackConfig config,
      Snapshot<FeedbackSnapshot> feedback, Supplier<FeedbackSnapshot> fresh) {
    return Flow.<LowRating, IssueCreate>builder(config.flowName() + ".issues")
        .source(EventDrivenSource.wholeOnChange(tradingGrid, FEEDBACK_EVENTS, config.fullReadEvery(),
            run -> lowRatings(run.snapshot(feedback), config.lowRatingThreshold())))
        .key(LowRating::key)
        .mapper(config.issueMapper().orElseGet(() -> new FeedbackIssueMapper(config.issueSeverity(), config.templates())))
        .sink(new FeedbackIssueSink(tradingGrid))
        .lookup(key -> lowRatings(fresh.get(), config.lowRatingThreshold()).stream()
            .filter(l -> l.key().equals(key)).findFirst())
        .caps(config.caps())
        .build();
  }

  /**
   * Stage 4: a feedback issue per partner's thread message that reports a problem, from the run's
   * {@code feedback}; a replay looks its items up in a {@code fresh} read.
   */
  static Flow<ProblemMessage, IssueCreate> problems(TradingGridClient tradingGrid, PartnerFeedbackConfig config,
      Snapshot<FeedbackSnapshot> feedback, Supplier<FeedbackSnapshot> fresh) {
    ProblemReports reports = new ProblemReports(tradingGrid, config);
    return Flow.<ProblemMessage, IssueCreate>builder(config.flowName() + ".problems")
        .source(EventDrivenSource.wholeOnChange(tradingGrid, FEEDBACK_EVENTS, config.fullReadEvery(),
            run -> reports.in(run.snapshot(feedback))))
        .key(ProblemMessage::key)
        .mapper(config.problemIssueMapper().orElseGet(() -> new FeedbackProblemIssueMapper(config.issueSeverity(), config.templates())))
        .sink(new FeedbackIssueSink(tradingGrid))
        .lookup(key -> reports.in(fresh.get()).stream().filter(p -> p.key().equals(key)).findFirst())
        .caps(config.caps())
        .build();
  }

  /** Stage 5: the summary post of the run's {@code feedback}; a replay reads it {@code fresh}. */
  static Flow<FeedbackSnapshot, PostCreate> summary(TradingGridClient tradingGrid, PartnerFeedbackConfig config,
      Snapshot<FeedbackSnapshot> feedback, Supplier<FeedbackSnapshot> fresh) {
    return Flow.<FeedbackSnapshot, PostCreate>builder(config.flowName() + ".summary")
        .source(EventDrivenSource.wholeOnChange(tradingGrid, FEEDBACK_EVENTS, config.fullReadEvery(),
            run -> List.of(run.snapshot(feedback))))
        .key(s -> FeedbackSummaryMapper.key(s.scope()))
        .mapper(config.summaryMapper().orElseGet(() -> new FeedbackSummaryMapper(config.lowRatingThreshold(),
            config.summaryAudience(), config.summaryTags(), config.templates(), config.topics(), config.topicKeywords())))
        .sink(new PostSink(tradingGrid))
        .lookup(key -> Optional.of(fresh.get()).filter(s -> FeedbackSummaryMapper.key(s.scope()).equals(key)))
        .caps(config.caps())
        .build();
  }

  /** The feedback on {@code config}'s episodes now (what a run's issue and summary stages share). */
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
        config.releasedSince().orElse(null), config.maxEpisodesPerShow().orElse(null), config.fullReadEvery());
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
