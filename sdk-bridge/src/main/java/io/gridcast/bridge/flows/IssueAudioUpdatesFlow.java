package io.gridcast.bridge.flows;

import io.gridcast.bridge.Batch;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.Snapshot;
import io.gridcast.bridge.Source;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.core.LogSafe;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.WebhookSignatureException;
import io.gridcast.tradinggrid.WebhookVerifier;
import io.gridcast.tradinggrid.model.Event;
import io.gridcast.tradinggrid.model.Issue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flow 3: a resolved trading issue, or a process change when it is introduced, is published as a
 * short audio update on Spotify, and the issue record then gets the script, the episode link,
 * summary and corrective actions.
 *
 * <p><b>When.</b> A trading issue is published when it is resolved ({@code issue.resolved}). A
 * process change is published when it is introduced: its {@code issue.created} event, whatever its
 * status ({@link IssueAudioUpdatesConfig#publishProcessChangesWhenIntroduced()}, default on). It
 * is published once: its update is made of the change itself (title, description, corrective
 * actions, creation date), not of its resolution, so when it is later resolved the flow finds it
 * unchanged and writes nothing: partners heard of the change when it came, and its completion is
 * no news to them. A process change the flow first meets at its resolution (logged before the flow
 * ran) is published then, once. Editing the change itself (its description or corrective actions)
 * updates the one episode and post when its next event is read, and adds one comment.
 *
 * <p><b>Who.</b> {@link IssueAudioUpdatesConfig#audiences()} routes by issue type (the one field
 * the contract never lets change): each {@link IssueAudience} names the show the episode goes to
 * and the partner groups the post is for, e.g. process changes to the partner show for the region
 * groups and trading issues to the internal show for the operations group. Types without an
 * audience use {@link IssueAudioUpdatesConfig#publishing()} and {@link
 * IssueAudioUpdatesConfig#routing()}, which is all there is by default.
 *
 * <p><b>What.</b> Per issue: the mapper writes the summary and script from the issue's content;
 * the script is rendered as a Markdown document ({@code audio-update-script} template), uploaded as
 * {@code issue-<id>-audio-update-script.md}, attached to the issue and linked from it (rel {@code
 * audio_update_script}) whether or not audio exists, so it can be recorded or read by a
 * text-to-speech service (a changed script replaces the earlier document; an unchanged one is
 * found again by its {@code externalRef}, which ends in a hash of its content); the {@link
 * AudioSource} supplies the audio (by default the issue's {@code audio/*} attachment); the audio
 * file goes to the audience's media folder and an item with guid {@code gridcast-issue-<id>},
 * whose description is the script as escaped HTML, into its show's RSS feed; the {@code
 * ReleaseWatcher} waits until Spotify lists the episode; the issue gets the episode link ({@code
 * If-Match}) and one comment with link, summary and corrective actions (a changed resolution gets
 * one new comment); and an {@code audio_update} post is created for the audience. Every step is
 * skipped when the target already shows it done, so re-runs and restarts never produce a second
 * document, feed item, comment or post. An issue without audio is dead-lettered with a reason
 * saying so ({@link MissingAudioException}) and gets one comment saying so and naming the script
 * document.
 *
 * <p>Publishing is resumable in two phases (see {@link FeedPublishingConfig}): once the feed item
 * is written, the feed records it; if Spotify has not listed the episode by the watcher's
 * deadline (default {@link FeedPublishingConfig#DEFAULT_RELEASE_DEADLINE}, 2 minutes), only that
 * issue is dead-lettered, the run goes on and the events cursor moves past it. Replay such dead
 * letters with {@code bridge.replayDeadLetters(updates)} (the flow finds each issue again by its
 * key); the replay writes nothing to the feed again and only confirms the ingestion.
 *
 * <p>Triggers: the events feed (the flow {@link #create} returns, whose checkpoint is the feed
 * cursor, advanced only once a batch is committed), verified webhook deliveries ({@link
 * #webhooks} then {@link #flowFor}) and one issue on demand ({@link #issueFlow}); the last two
 * are flows too, run with {@code bridge.run}, over the same ledger, in a partition of their own.
 *
 * <pre>{@code
 * FeedPublishingConfig publishing = FeedPublishingConfig.builder()
 *     .showId("5THq5Er5bWp62qwOg6niTM")
 *     .feedSink(FileSystemFeedSink.create(Path.of("/srv/feeds/updates.xml"), feedUrl, channel))
 *     .mediaFolder(Path.of("/srv/media")).mediaBaseUrl(URI.create("https://media.example.com/"))
 *     .build();
 * IssueAudioUpdatesConfig config = IssueAudioUpdatesConfig.builder().publishing(publishing).webhookSecret(secret).build();
 * RunReport report = bridge.run(IssueAudioUpdatesFlow.create(spotify, tradingGrid, config)); // scheduled
 *
 * IssueAudioUpdatesFlow webhooks = IssueAudioUpdatesFlow.webhooks(spotify, tradingGrid, config); // once
 * webhooks.flowFor(rawBody, request.getHeader(WebhookVerifier.SIGNATURE_HEADER)).map(bridge::run); // pushed
 *
 * Flow<Issue, IssueAudioUpdate> updates = IssueAudioUpdatesFlow.create(spotify, tradingGrid, config);
 * Worker worker = Worker.builder(bridge)                          // or kept running in the application
 *     .every(Duration.ofHours(24), updates)                       // the daily reconciliation
 *     .wakeOn(TradingGridEvents.of(tradingGrid).wake(updates.name(), EventType.ISSUE_RESOLVED,
 *         EventType.ISSUE_CREATED), Duration.ofSeconds(10))       // and within 10 s of a resolution or a change
 *     .build();
 * worker.start();
 * }</pre>
 *
 * <p>An instance (from {@link #webhooks}) is immutable and thread-safe.
 */
public final class IssueAudioUpdatesFlow {

  private static final Logger LOG = LoggerFactory.getLogger(IssueAudioUpdatesFlow.class);

  private final TradingGridClient tradingGrid;
  private final IssueAudioUpdatesConfig config;
  private final ResolvedIssuesSource issues;
  private final IssueAudioUpdateSink sink;
  private final WebhookVerifier verifier;

  private IssueAudioUpdatesFlow(SpotifyClient spotify, TradingGridClient tradingGrid, IssueAudioUpdatesConfig config) {
    this.tradingGrid = tradingGrid;
    this.config = config;
    this.issues = new ResolvedIssuesSource(tradingGrid, config.issueTypes(), config.publishProcessChangesWhenIntroduced());
    AudioSource audio = config.audioSource().orElseGet(() -> AudioSource.issueAttachment(tradingGrid));
    Map<String, FeedPublisher> publishers = new HashMap<>();
    publishers.put(IssueAudience.DEFAULT_NAME, new FeedPublisher(spotify, config.publishing()));
    for (IssueAudience audience : config.audiences().values()) {
      publishers.computeIfAbsent(audience.name(), n -> new FeedPublisher(spotify, audience.publishing()));
    }
    this.sink = new IssueAudioUpdateSink(config.flowName(), tradingGrid, audio, publishers, config.templates());
    this.verifier = config.webhookSecret().map(WebhookVerifier::create).orElse(null);
  }

  /**
   * The flow over the events feed: every issue resolved, and every process change introduced,
   * since the last committed cursor. The
   * cursor moves past an issue that failed (its dead letter keeps it), so replay dead letters,
   * e.g. a release Spotify had not ingested in time, with {@code bridge.replayDeadLetters(flow)}:
   * each is looked up again by its key ({@code tradinggrid:issue:<id>}) and delivered if it still
   * qualifies.
   *
   * @param spotify the client the default release watcher polls the show with
   * @param tradingGrid the client issues, documents, comments and posts are read and written with
   * @throws NullPointerException if an argument is null
   */
  public static Flow<Issue, IssueAudioUpdate> create(SpotifyClient spotify, TradingGridClient tradingGrid,
      IssueAudioUpdatesConfig config) {
    IssueAudioUpdatesFlow updates = new IssueAudioUpdatesFlow(Objects.requireNonNull(spotify, "spotify"),
        Objects.requireNonNull(tradingGrid, "tradingGrid"), Objects.requireNonNull(config, "config"));
    return updates.eventsFlow();
  }

  /** The events flow of this instance's sink (what {@link #create} returns). */
  Flow<Issue, IssueAudioUpdate> eventsFlow() {
    return flow("default", issues);
  }

  /**
   * The flow for one issue, on demand (an operator's "publish this one now"): the same name,
   * ledger and sink as the events flow, in a partition of its own ({@code issue-<id>}); no webhook
   * secret needed. Run it with {@code bridge.run}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Flow<Issue, IssueAudioUpdate> forIssue(SpotifyClient spotify, TradingGridClient tradingGrid,
      IssueAudioUpdatesConfig config, String issueId) {
    return new IssueAudioUpdatesFlow(Objects.requireNonNull(spotify, "spotify"),
        Objects.requireNonNull(tradingGrid, "tradingGrid"), Objects.requireNonNull(config, "config")).issueFlow(issueId);
  }

  /**
   * What turns webhook deliveries (and on-demand requests) into flows for single issues; create
   * it once and share it.
   *
   * @throws IllegalStateException if {@code config} has no {@code webhookSecret}
   * @throws NullPointerException if an argument is null
   */
  public static IssueAudioUpdatesFlow webhooks(SpotifyClient spotify, TradingGridClient tradingGrid,
      IssueAudioUpdatesConfig config) {
    IssueAudioUpdatesFlow updates = new IssueAudioUpdatesFlow(Objects.requireNonNull(spotify, "spotify"),
        Objects.requireNonNull(tradingGrid, "tradingGrid"), Objects.requireNonNull(config, "config"));
    if (updates.verifier == null) {
      throw new IllegalStateException("no webhook secret configured: set webhookSecret(...) on IssueAudioUpdatesConfig");
    }
    return updates;
  }

  /**
   * The flow for one issue, on demand or as a webhook delivery triggers it: the same name, ledger
   * and sink as the events flow, in a partition of its own ({@code issue-<id>}) so that it neither
   * waits for nor moves the events cursor. Run it with {@code bridge.run}.
   */
  public Flow<Issue, IssueAudioUpdate> issueFlow(String issueId) {
    Objects.requireNonNull(issueId, "issueId");
    return flow("issue-" + issueId, run -> List.of(Batch.of(issues.lookup(issueId).map(List::of).orElse(List.of()))));
  }

  /**
   * The flow a webhook delivery asks for: verifies the signature over the raw body and, for an
   * {@code issue.resolved} event or (when introductions are published) the {@code issue.created}
   * event of a process change, returns {@link #issueFlow} for the issue, to run with {@code
   * bridge.run}.
   *
   * @param rawBody the request body exactly as received
   * @param signatureHeader the {@value WebhookVerifier#SIGNATURE_HEADER} header, or {@code null}
   * @return the flow to run, or empty when the event is neither an issue resolution nor a process
   *     change's introduction
   * @throws WebhookSignatureException if the delivery is not authentic, too old, or a replay;
   *     nothing was read or written (answer 400)
   * @throws IllegalArgumentException if the verified body is not an Active Community event
   */
  public Optional<Flow<Issue, IssueAudioUpdate>> flowFor(String rawBody, String signatureHeader)
      throws WebhookSignatureException {
    Event event = verifier.constructEvent(Objects.requireNonNull(rawBody, "rawBody"), signatureHeader);
    if (!issues.concerns(event)) {
      LOG.debug("webhook event {} of type {} is neither an issue resolution nor a process change's introduction; ignored",
          LogSafe.text(event.id()), event.type());
      return Optional.empty();
    }
    return Optional.of(issueFlow(event.resourceId()));
  }

  /** The settings this flow was created with. */
  public IssueAudioUpdatesConfig config() {
    return config;
  }

  private Flow<Issue, IssueAudioUpdate> flow(String partition, Source<Issue> source) {
    Snapshot<PartnerDirectory> partners = PartnerDirectory.snapshot(tradingGrid);
    Mapper<Issue, IssueAudioUpdate> mapper = config.mapper()
        .orElseGet(() -> new IssueAudioUpdateMapper(config.routing(), partners, config.tags(), config.audiences()));
    return Flow.<Issue, IssueAudioUpdate>builder(config.flowName())
        .partition(partition)
        .source(run -> {
          run.snapshot(partners); // one snapshot per run, read before any item
          return source.read(run);
        })
        .key(issue -> IssueAudioUpdateSink.keyOf(issue.id()))
        .mapper(mapper)
        .sink(sink)
        .externalRef(key -> IssueAudioUpdateSink.postRefOf(IssueAudioUpdateSink.issueIdOf(key)))
        .lookup(key -> issues.lookup(IssueAudioUpdateSink.issueIdOf(key)))
        .failures(FeedPublisher.FAILURES)
        .caps(config.caps())
        .build();
  }
}
