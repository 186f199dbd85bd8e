package io.gridcast.bridge.flows;

import io.gridcast.bridge.Batch;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunReport;
import io.gridcast.core.errors.NotFoundException;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.tradinggrid.ListQuery;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.TradingGridId;
import io.gridcast.tradinggrid.model.Approval;
import io.gridcast.tradinggrid.model.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Flow 5: content packages (script, artwork, release notes, audio) are reviewed in Trading Grid by
 * the roles the {@link io.gridcast.bridge.policy.ApprovalPolicy} requires; only once every
 * required role has approved is the package released to Spotify, byte for byte as approved; every
 * step lands on the approval's audit trail.
 *
 * <p>Two stages, run in order by one {@code bridge.run}, each with its own ledger:
 *
 * <ol>
 *   <li>requests ({@code <name>-requests}): each {@link ContentSubmission} becomes
 *       one approval request ({@code externalRef gridcast:approval:<name>:<key>}) with a {@code
 *       requested} audit entry whose actor is the submitter and a {@code package_submitted} entry
 *       with each document's SHA-256. A submission changed after it was submitted is a revision:
 *       once reviewers rejected the package or asked for changes, it is resubmitted to the same
 *       approval under the same key for the next review round (a new {@code requested} and {@code
 *       package_submitted} entry); while the package is under review or once it is approved, the
 *       revision is dead-lettered ({@link ResubmissionRefusedException});
 *   <li>releases ({@code <name>-releases}): every approval this flow requested, and every one
 *       created in Trading Grid that {@code approvalsFromTradingGrid} takes, is re-read; only its
 *       current round's decisions count; each decision gets a {@code decision_recorded} entry; a
 *       rejection or a request for changes never publishes: for each decision that rejects or asks
 *       for changes, the submitter gets one message quoting it in the approval's review thread
 *       (saying to resubmit the revised package under the same key), and the trail one {@code
 *       not_released} entry. A full approval pins each document's SHA-256 ({@code
 *       document_approved}, the script's keeping the approved script on the record); the release
 *       downloads every document again and refuses one whose bytes changed ({@link
 *       ApprovedPackageChangedException}), checks the artwork (JPEG or PNG, square, 1400-3000 px)
 *       and the release notes (text or Markdown, at most 4000 characters; {@link
 *       ReleaseNotesRejectedException}), each refusal a {@code release_blocked} entry with the
 *       reason and a dead letter, with nothing written. It then hosts the audio and the artwork in
 *       the media folder and publishes a feed item ({@code published}, with the hashes) whose
 *       {@code itunes:image} is the artwork and whose description is the release notes as
 *       escaped text, and the release watcher confirms it ({@code confirmed_on_spotify}). If
 *       Spotify has not listed the episode by the watcher's deadline (default 2 minutes), the
 *       release is dead-lettered and the next run, finding the feed item and the {@code
 *       published} entry, only waits for the ingestion.
 * </ol>
 *
 * <p>Audit entries are appended only when absent and with idempotency keys derived from the step
 * and its content, so a re-run appends nothing twice; the feed upserts by guid; messages and the thread are found by
 * {@code externalRef} before they are written. A resubmission is a changed fingerprint of the same
 * item in both ledgers, never a new item.
 *
 * <pre>{@code
 * Flow<?, ?> publishing = ApprovalGatedPublishingFlow.create(spotify, tradingGrid,
 *     ApprovalGatedPublishingConfig.builder()
 *         .publishing(feedPublishing)
 *         .addSubmissions(new ContentSubmission("ep43", "Supply Chain Minutes 43", "Returns without tears",
 *             ContentPackage.builder().scriptDocumentId(...).artworkDocumentId(...)
 *                 .releaseNotesDocumentId(...).audioDocumentId(...).build(),
 *             "content-team@example.com"))
 *         .build());
 * RunReport report = bridge.run(publishing); // requests, then releases
 * report.stage("releases").failures().forEach(f -> log.warn("not released: {}", f));
 * }</pre>
 *
 * <p>A release that failed (bad artwork, or not ingested by Spotify before the watcher's
 * deadline) is dead-lettered and tried again by the next run, which reads it again with the
 * approvals Trading Grid events name since the last run (every approval of this flow once a day); a release whose feed item is already written then only waits for the ingestion.
 * After the bridge's {@code DeliveryPolicy} attempts it is parked until {@code
 * bridge.replayDeadLetters(publishing)}.
 */
public final class ApprovalGatedPublishingFlow {

  /** What every {@code externalRef} of this flow's approvals starts with, before the flow name. */
  static final String APPROVAL_REF_PREFIX = "gridcast:approval:";

  private static final String RELEASE_KEY_PREFIX = "tradinggrid:approval:";

  private final TradingGridClient tradingGrid;
  private final ApprovalGatedPublishingConfig config;
  private final ApprovalRequestSink requests;
  private final ApprovalReleaseSink releases;

  private ApprovalGatedPublishingFlow(SpotifyClient spotify, TradingGridClient tradingGrid,
      ApprovalGatedPublishingConfig config) {
    this.tradingGrid = tradingGrid;
    this.config = config;
    this.requests = new ApprovalRequestSink(requestsName(), tradingGrid, config.policy());
    this.releases = new ApprovalReleaseSink(releasesName(), tradingGrid, new FeedPublisher(spotify, config.publishing()),
        config.templates());
  }

  /**
   * The approval-gated publishing of {@code config}, a flow of two stages (requests, then
   * releases); run it with {@code bridge.run}.
   *
   * @param spotify the client the default release watcher polls the show with
   * @param tradingGrid the client approvals, audit trails, documents and review threads are read
   *     and written with
   * @param config the settings: what to publish where, the submissions, the approval policy
   * @throws NullPointerException if an argument is null
   */
  public static Flow<?, ?> create(SpotifyClient spotify, TradingGridClient tradingGrid,
      ApprovalGatedPublishingConfig config) {
    ApprovalGatedPublishingFlow flow = new ApprovalGatedPublishingFlow(Objects.requireNonNull(spotify, "spotify"),
        Objects.requireNonNull(tradingGrid, "tradingGrid"), Objects.requireNonNull(config, "config"));
    return Flow.inStages(config.flowName(), List.of(flow.requestsFlow(), flow.releasesFlow()));
  }

  /**
   * Stage 1: the configured submissions become approval requests, each with {@code externalRef}
   * (and source key) {@code gridcast:approval:<flowName>:<key>}, so that configurations with
   * different flow names never adopt each other's approvals.
   */
  private Flow<ContentSubmission, ContentSubmission> requestsFlow() {
    return Flow.<ContentSubmission, ContentSubmission>builder(requestsName())
        .source(run -> List.of(Batch.of(config.submissions())))
        .key(s -> approvalRefOf(s.key()))
        .mapper((s, run) -> s)
        .sink(requests)
        .lookup(key -> config.submissions().stream().filter(s -> approvalRefOf(s.key()).equals(key)).findFirst())
        .caps(config.caps())
        .build();
  }

  /**
   * Stage 2: every approval this flow requested (its {@code externalRef} starts with {@code
   * gridcast:approval:<flowName>:}), and every one created in Trading Grid that {@code
   * approvalsFromTradingGrid} accepts, is acted on as its decisions stand. Its source reads them all
   * once a day ({@code fullReadEvery}) and in between those the Trading Grid events name, and those
   * whose release failed, so a dead-lettered release is retried by the next run.
   */
  private Flow<Approval, ReleaseDecision> releasesFlow() {
    return Flow.<Approval, ReleaseDecision>builder(releasesName())
        .source(new EventDrivenSource<>(tradingGrid, APPROVAL_EVENTS, config.fullReadEvery(),
            run -> requestedApprovals(), (run, named) -> namedApprovals(named.ids()),
            key -> Optional.of(key).filter(k -> k.startsWith(RELEASE_KEY_PREFIX)).map(k -> k.substring(RELEASE_KEY_PREFIX.length()))))
        .key(a -> RELEASE_KEY_PREFIX + a.id())
        .mapper(config.releaseMapper().orElseGet(() -> new ApprovalReleaseMapper(config.policy())))
        .sink(releases)
        .lookup(this::lookupApproval)
        .failures(FeedPublisher.FAILURES)
        .caps(config.caps())
        .build();
  }

  /** The {@code externalRef} of the approval requested for the submission with {@code key}. */
  String approvalRefOf(String submissionKey) {
    return refPrefix() + submissionKey;
  }

  private String refPrefix() {
    return APPROVAL_REF_PREFIX + config.flowName() + ":";
  }

  /** Whether {@code externalRef} is one this flow gave an approval (a submission key has no colon). */
  private boolean isMine(String externalRef) {
    String prefix = refPrefix();
    return externalRef.startsWith(prefix) && externalRef.indexOf(':', prefix.length()) < 0;
  }

  /** The events that name approvals whose decisions or package may have changed. */
  private static final Set<EventType> APPROVAL_EVENTS = Set.of(EventType.APPROVAL_CREATED, EventType.APPROVAL_DECIDED,
      EventType.APPROVAL_COMPLETED, EventType.APPROVAL_RESUBMITTED);

  /** The approvals with {@code ids} that this flow releases, as they are now; one gone since is left out. */
  private List<Approval> namedApprovals(Set<String> ids) {
    List<Approval> out = new ArrayList<>();
    for (String id : ids) {
      if (!TradingGridId.isValid(id)) {
        continue;
      }
      try {
        Approval a = tradingGrid.approvals().get(id);
        if (releases(a)) {
          out.add(a);
        }
      } catch (NotFoundException e) {
        // deleted since the event: nothing to release
      }
    }
    return out;
  }

  private List<Approval> requestedApprovals() {
    List<Approval> mine = new ArrayList<>();
    for (Approval a : tradingGrid.approvals().list(ListQuery.create())) {
      if (releases(a)) {
        mine.add(a);
      }
    }
    return mine;
  }

  /**
   * Whether this flow releases {@code a}: it requested it, or a person created it in Trading Grid
   * and the configuration takes it.
   */
  private boolean releases(Approval a) {
    Optional<String> ref = a.externalRef();
    if (ref.isPresent() && ref.get().startsWith(APPROVAL_REF_PREFIX)) {
      return isMine(ref.get()); // a Gridcast flow's: ours, or another configuration's
    }
    return config.approvalsFromTradingGrid().test(a);
  }

  /** An approval of this flow again by its release key, for a dead-letter replay. */
  private Optional<Approval> lookupApproval(String key) {
    if (!key.startsWith(RELEASE_KEY_PREFIX)) {
      return Optional.empty();
    }
    try {
      return Optional.of(tradingGrid.approvals().get(key.substring(RELEASE_KEY_PREFIX.length()))).filter(this::releases);
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  private String requestsName() {
    return config.flowName() + "-requests";
  }

  private String releasesName() {
    return config.flowName() + "-releases";
  }
}
