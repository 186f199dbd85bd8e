package io.gridcast.bridge.flows;

import io.gridcast.bridge.Batch;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunReport;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.tradinggrid.ListQuery;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Approval;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Flow 5: content packages (script, artwork, release notes, audio) are reviewed in Trading Grid by
 * the roles the {@link io.gridcast.bridge.policy.ApprovalPolicy} requires; only once every
 * required role has approved is the package released to Spotify; every step lands on the
 * approval's audit trail.
 *
 * <p>Two phases, each a flow with its own ledger:
 *
 * <ol>
 *   <li>{@link #requestsFlow()} ({@code <name>-requests}): each {@link ContentSubmission} becomes
 *       one approval request ({@code externalRef gridcast:approval:<key>}) with a {@code requested}
 *       audit entry whose actor is the submitter;
 *   <li>{@link #releasesFlow()} ({@code <name>-releases}): every approval this flow requested is
 *       re-read; each decision gets a {@code decision_recorded} entry; a rejection or a request for
 *       changes never publishes: the submitter gets one message per such decision in the
 *       approval's review thread, and the trail a {@code not_released} entry; a full approval has
 *       its artwork checked (JPEG or PNG, square, 1400-3000 px; otherwise {@code release_blocked}
 *       with the reason and a dead letter), is published as a feed item ({@code published}) and
 *       confirmed by the release watcher ({@code confirmed_on_spotify}).
 * </ol>
 *
 * <p>Audit entries are appended only when absent and with deterministic idempotency keys, so a
 * re-run appends nothing twice; the feed upserts by guid; messages and the thread are found by
 * {@code externalRef} before they are written.
 *
 * <pre>{@code
 * ApprovalGatedPublishingFlow publishing = ApprovalGatedPublishingFlow.create(spotify, tradingGrid,
 *     ApprovalGatedPublishingConfig.builder()
 *         .publishing(feedPublishing)
 *         .addSubmissions(new ContentSubmission("ep43", "Supply Chain Minutes 43", "Returns without tears",
 *             ContentPackage.builder().scriptDocumentId(...).artworkDocumentId(...)
 *                 .releaseNotesDocumentId(...).audioDocumentId(...).build(),
 *             "content-team@example.com"))
 *         .build());
 * List<RunReport> reports = publishing.run(bridge); // requests, then releases
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ApprovalGatedPublishingFlow {

  static final String APPROVAL_REF_PREFIX = "gridcast:approval:";

  private final TradingGridClient tradingGrid;
  private final ApprovalGatedPublishingConfig config;
  private final ApprovalRequestSink requests;
  private final ApprovalReleaseSink releases;

  private ApprovalGatedPublishingFlow(SpotifyClient spotify, TradingGridClient tradingGrid,
      ApprovalGatedPublishingConfig config) {
    this.tradingGrid = tradingGrid;
    this.config = config;
    this.requests = new ApprovalRequestSink(requestsName(), tradingGrid, config.policy());
    this.releases = new ApprovalReleaseSink(releasesName(), tradingGrid, new FeedPublisher(spotify, config.publishing()));
  }

  public static ApprovalGatedPublishingFlow create(SpotifyClient spotify, TradingGridClient tradingGrid,
      ApprovalGatedPublishingConfig config) {
    return new ApprovalGatedPublishingFlow(Objects.requireNonNull(spotify, "spotify"),
        Objects.requireNonNull(tradingGrid, "tradingGrid"), Objects.requireNonNull(config, "config"));
  }

  /** Runs both phases, requests first, and returns their reports in that order. */
  public List<RunReport> run(Bridge bridge) {
    return List.of(bridge.run(requestsFlow()), bridge.run(releasesFlow()));
  }

  /** Phase 1: the configured submissions become approval requests. */
  public Flow<ContentSubmission, ContentSubmission> requestsFlow() {
    return Flow.<ContentSubmission, ContentSubmission>builder(requestsName())
        .source(checkpoint -> List.of(Batch.of(config.submissions())))
        .key(s -> APPROVAL_REF_PREFIX + s.key())
        .mapper(s -> s)
        .sink(requests)
        .lookup(key -> config.submissions().stream().filter(s -> (APPROVAL_REF_PREFIX + s.key()).equals(key)).findFirst())
        .caps(config.caps())
        .build();
  }

  /** Phase 2: every approval this flow requested is acted on as its decisions stand. */
  public Flow<Approval, ReleaseDecision> releasesFlow() {
    return Flow.<Approval, ReleaseDecision>builder(releasesName())
        .source(checkpoint -> List.of(Batch.of(requestedApprovals())))
        .key(a -> "tradinggrid:approval:" + a.id())
        .mapper(new ApprovalReleaseMapper(config.policy()))
        .sink(releases)
        .lookup(key -> Optional.of(tradingGrid.approvals().get(key.substring(key.lastIndexOf(':') + 1))))
        .caps(config.caps())
        .build();
  }

  public ApprovalGatedPublishingConfig config() {
    return config;
  }

  private List<Approval> requestedApprovals() {
    List<Approval> mine = new ArrayList<>();
    for (Approval a : tradingGrid.approvals().list(ListQuery.create())) {
      if (a.externalRef().filter(r -> r.startsWith(APPROVAL_REF_PREFIX)).isPresent()) {
        mine.add(a);
      }
    }
    return mine;
  }

  private String requestsName() {
    return config.flowName() + "-requests";
  }

  private String releasesName() {
    return config.flowName() + "-releases";
  }
}
