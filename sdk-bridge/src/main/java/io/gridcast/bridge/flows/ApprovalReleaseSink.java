package io.gridcast.bridge.flows;

import io.gridcast.bridge.Fingerprints;
import io.gridcast.bridge.Sink;
import io.gridcast.bridge.WriteResult;
import io.gridcast.bridge.policy.ApprovalPolicy;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.spotify.feed.FeedItem;
import io.gridcast.spotify.model.SimplifiedEpisode;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Document;
import io.gridcast.tradinggrid.model.MessageCreate;
import io.gridcast.tradinggrid.model.Thread;
import io.gridcast.tradinggrid.model.ThreadCreate;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Acts on what the decisions on an approval amount to, each step skipped when the target shows
 * it done:
 *
 * <ul>
 *   <li>every decision: a {@code decision_recorded} audit entry;
 *   <li>rejected or changes requested: one message to the submitter per deciding decision, in the
 *       approval's review thread (created once, {@code externalRef gridcast:approval-review:<id>}),
 *       and a {@code not_released} audit entry; nothing is published;
 *   <li>approved: the artwork is checked ({@link ArtworkCheck}; bad artwork: a {@code
 *       release_blocked} audit entry with the reason, then {@link ArtworkRejectedException}); the
 *       audio is published as feed item {@code gridcast-approval-<id>} ({@code published}); the
 *       release watcher confirms the episode ({@code confirmed_on_spotify}).
 * </ul>
 *
 * <p>The ledger entry points at the approval and records the outcome (and the episode) as
 * attributes. Thread-safe.
 */
final class ApprovalReleaseSink implements Sink<ReleaseDecision> {

  private final String flowName;
  private final TradingGridClient tradingGrid;
  private final FeedPublisher publisher;

  ApprovalReleaseSink(String flowName, TradingGridClient tradingGrid, FeedPublisher publisher) {
    this.flowName = flowName;
    this.tradingGrid = tradingGrid;
    this.publisher = publisher;
  }

  static String guidOf(String approvalId) {
    return "gridcast-approval-" + approvalId;
  }

  @Override
  public WriteResult create(String sourceKey, ReleaseDecision item, String idempotencyKey, String externalRef) {
    return deliver(item);
  }

  @Override
  public WriteResult update(LedgerEntry existing, ReleaseDecision item) {
    return deliver(item);
  }

  @Override
  public Optional<WriteResult> findByExternalRef(String externalRef) {
    return Optional.empty(); // the approval itself is the target; every step below finds its own traces
  }

  private WriteResult deliver(ReleaseDecision d) {
    String id = d.approvalId();
    AuditTrail audit = new AuditTrail(tradingGrid, flowName, id);
    for (int i = 0; i < d.decisions().size(); i++) {
      audit.once("decided#" + i, AuditTrail.ACTOR, "decision_recorded", d.decisions().get(i));
    }
    switch (d.outcome()) {
      case APPROVED:
        SimplifiedEpisode episode = release(d, audit);
        return WriteResult.of(id, null).withAttributes(
            "{\"outcome\":\"approved\",\"episodeUri\":\"" + episode.uri() + "\"}");
      case REJECTED:
      case CHANGES_REQUESTED:
        int deciding = d.decisions().size() - 1;
        String submitter = audit.actorOf("requested").orElse("the submitter");
        String verdict = d.outcome() == ApprovalPolicy.Outcome.REJECTED ? "rejected" : "sent back with changes requested";
        notifySubmitter(d, submitter, verdict, deciding);
        audit.once("blocked#" + deciding, AuditTrail.ACTOR, "not_released",
            "Not released to Spotify: " + verdict + " (" + d.decisions().get(deciding) + "); " + submitter + " notified");
        return WriteResult.of(id, null).withAttributes("{\"outcome\":\"" + d.outcome().name().toLowerCase() + "\"}");
      default:
        return WriteResult.of(id, null).withAttributes("{\"outcome\":\"pending\"}");
    }
  }

  private SimplifiedEpisode release(ReleaseDecision d, AuditTrail audit) {
    String id = d.approvalId();
    Document artwork = tradingGrid.documents().get(d.contentPackage().artworkDocumentId());
    Optional<String> problem = ArtworkCheck.problem(artwork.fileName(),
        tradingGrid.documents().download(artwork.id()));
    if (problem.isPresent()) {
      audit.once("artwork#" + Fingerprints.sha256Hex(problem.get().getBytes(StandardCharsets.UTF_8)).substring(0, 16),
          AuditTrail.ACTOR, "release_blocked", "Release blocked: " + problem.get());
      throw new ArtworkRejectedException(id, problem.get());
    }
    Document audioDoc = tradingGrid.documents().get(d.contentPackage().audioDocumentId());
    if (!AudioClip.isAudio(audioDoc.contentType())) {
      String reason = "audio document " + audioDoc.fileName() + " is " + audioDoc.contentType() + ", not audio/*";
      audit.once("audio-type", AuditTrail.ACTOR, "release_blocked", "Release blocked: " + reason);
      throw new IllegalStateException("approval " + id + " is not released: " + reason);
    }
    AudioClip clip = AudioClip.of(audioDoc.fileName(), audioDoc.contentType(), tradingGrid.documents().download(audioDoc.id()));
    FeedItem item = publisher.publish(guidOf(id), d.title(), d.description(), d.releaseDate(), clip, "approval-" + id);
    audit.once("published", AuditTrail.ACTOR, "published",
        "Published as feed item " + item.guid() + " with audio " + item.enclosureUrl());
    SimplifiedEpisode episode = publisher.awaitEpisode(item);
    audit.once("confirmed", AuditTrail.ACTOR, "confirmed_on_spotify",
        "Live on Spotify as " + episode.uri() + " (" + FeedPublisher.episodeUrl(episode) + ")");
    return episode;
  }

  /** One message per deciding decision, addressed to the submitter in the approval's review thread. */
  private void notifySubmitter(ReleaseDecision d, String submitter, String verdict, int deciding) {
    String key = "tradinggrid:approval:" + d.approvalId();
    String threadRef = "gridcast:approval-review:" + d.approvalId();
    Thread thread = tradingGrid.threads().findByExternalRef(threadRef).orElseGet(() -> tradingGrid.threads().create(
        ThreadCreate.builder().title("Review: " + d.title()).externalRef(threadRef).build(),
        Fingerprints.idempotencyKey(flowName, key + "#thread")));
    String messageRef = threadRef + ":decision:" + deciding;
    boolean sent = tradingGrid.threads().messages(thread.id(), null).stream()
        .anyMatch(m -> m.externalRef().filter(messageRef::equals).isPresent());
    if (!sent) {
      tradingGrid.threads().post(thread.id(), MessageCreate.builder()
          .body("@" + submitter + ": \"" + d.title() + "\" was " + verdict + " — " + d.decisions().get(deciding)
              + ". It will not be released to Spotify; submit a revised package to review it again.")
          .externalRef(messageRef).build(), Fingerprints.idempotencyKey(flowName, key + "#notify#" + deciding));
    }
  }
}
