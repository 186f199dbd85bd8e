package io.gridcast.bridge.flows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.bridge.Fingerprints;
import io.gridcast.bridge.WriteResult;
import io.gridcast.bridge.text.PostMarkdown;
import io.gridcast.core.GridcastJson;
import io.gridcast.core.LogSafe;
import io.gridcast.spotify.SpotifyId;
import io.gridcast.spotify.feed.FeedItem;
import io.gridcast.spotify.model.SimplifiedEpisode;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.TradingGridId;
import io.gridcast.tradinggrid.model.DecisionOutcome;
import io.gridcast.tradinggrid.model.Document;
import io.gridcast.tradinggrid.model.MessageCreate;
import io.gridcast.tradinggrid.model.Thread;
import io.gridcast.tradinggrid.model.ThreadCreate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on what the decisions on an approval amount to, each step skipped when the target shows
 * it done:
 *
 * <ul>
 *   <li>every decision: a {@code decision_recorded} audit entry;
 *   <li>rejected or changes requested: for each decision that rejects or asks for changes, one
 *       message to the submitter quoting that decision, in the approval's review thread (created
 *       once, {@code externalRef gridcast:approval-review:<id>}), and one {@code not_released}
 *       audit entry; later decisions add nothing unless they object too; nothing is published;
 *   <li>approved: the artwork is checked ({@link ArtworkCheck}; bad artwork: a {@code
 *       release_blocked} audit entry with the reason, then {@link ArtworkRejectedException}); then
 *       the release in two phases: the audio is published as feed item {@code
 *       gridcast-approval-<id>} ({@code published}), and the release watcher confirms the episode
 *       ({@code confirmed_on_spotify}). When the feed already holds the item and the trail its
 *       {@code published} entry, phase 1 is done and only the ingestion is awaited (a release
 *       Spotify did not list in time is dead-lettered and retried this way by the next run).
 * </ul>
 *
 * <p>The ledger entry points at the approval and records the outcome (and the feed guid and
 * episode) as attributes. Thread-safe.
 */
final class ApprovalReleaseSink implements ConvergingSink<ReleaseDecision> {

  private static final Logger LOG = LoggerFactory.getLogger(ApprovalReleaseSink.class);
  private static final ObjectMapper JSON = GridcastJson.newObjectMapper();

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
  public WriteResult converge(String sourceKey, ReleaseDecision item) {
    return deliver(item);
  }

  private WriteResult deliver(ReleaseDecision d) {
    String id = d.approvalId();
    AuditTrail audit = new AuditTrail(tradingGrid, flowName, id);
    for (int i = 0; i < d.decisions().size(); i++) {
      audit.once("decided#" + i, AuditTrail.ACTOR, "decision_recorded", d.decisions().get(i).summary());
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("outcome", d.outcome().name().toLowerCase(Locale.ROOT));
    switch (d.outcome()) {
      case APPROVED:
        SimplifiedEpisode episode = release(d, audit);
        attributes.put("feedGuid", guidOf(id));
        attributes.put("episodeUri", "spotify:episode:" + episode.id());
        break;
      case REJECTED:
      case CHANGES_REQUESTED:
        String submitter = audit.actorOf("requested").orElse("the submitter");
        for (int i = 0; i < d.decisions().size(); i++) {
          ReleaseDecision.Decision objection = d.decisions().get(i);
          if (objection.objects()) {
            String verdict = objection.outcome() == DecisionOutcome.REJECT
                ? "rejected" : "sent back with changes requested";
            notifySubmitter(d, submitter, verdict, i);
            audit.once("blocked#" + i, AuditTrail.ACTOR, "not_released",
                "Not released to Spotify: " + verdict + " (" + objection.summary() + "); " + submitter + " notified");
          }
        }
        break;
      default:
        break;
    }
    return WriteResult.of(id, null).withAttributes(json(attributes));
  }

  private SimplifiedEpisode release(ReleaseDecision d, AuditTrail audit) {
    FeedItem item = publishedItem(d, audit).orElseGet(() -> publish(d, audit));
    SimplifiedEpisode episode = publisher.awaitEpisode(item);
    audit.once("confirmed", AuditTrail.ACTOR, "confirmed_on_spotify",
        "Live on Spotify as spotify:episode:" + SpotifyId.of(episode.id()) + " (" + EpisodeAnnouncementMapper.episodeLink(episode) + ")");
    return episode;
  }

  /** Phase 1 as an earlier attempt left it: the feed holds the item and the trail says so. */
  private Optional<FeedItem> publishedItem(ReleaseDecision d, AuditTrail audit) {
    Optional<FeedItem> item = publisher.published(guidOf(d.approvalId()))
        .filter(publisher::servesMediaOf)
        .filter(i -> audit.has(AuditTrail.ACTOR, "published", publishedDetail(i)));
    item.ifPresent(i -> LOG.info("approval {} is already published as feed item {}; confirming the ingestion only",
        d.approvalId(), i.guid()));
    return item;
  }

  /** Phase 1: artwork and audio checked, audio file and feed item written, recorded on the trail. */
  private FeedItem publish(ReleaseDecision d, AuditTrail audit) {
    String id = TradingGridId.require("approval id", d.approvalId()); // names the audio file and the feed item
    Document artwork = tradingGrid.documents().get(d.contentPackage().artworkDocumentId());
    Optional<String> problem = ArtworkCheck.problem(artwork.fileName(),
        tradingGrid.documents().download(artwork.id()));
    if (problem.isPresent()) {
      audit.once("artwork", AuditTrail.ACTOR, "release_blocked", "Release blocked: " + problem.get());
      throw new ArtworkRejectedException(id, problem.get());
    }
    Document audioDoc = tradingGrid.documents().get(d.contentPackage().audioDocumentId());
    if (!AudioClip.isAudio(audioDoc.contentType())) {
      String reason = "audio document " + LogSafe.quoted(audioDoc.fileName()) + " is " + LogSafe.quoted(audioDoc.contentType())
          + ", not audio/*";
      audit.once("audio-type", AuditTrail.ACTOR, "release_blocked", "Release blocked: " + reason);
      throw new IllegalStateException("approval " + id + " is not released: " + reason
          + "; submit the package again under a new key with an audio document (audio/mpeg or audio/mp4)");
    }
    AudioClip clip = AudioClip.of(audioDoc.fileName(), audioDoc.contentType(), tradingGrid.documents().download(audioDoc.id()));
    FeedItem item = publisher.publish(guidOf(id), d.title(), d.description(), d.releaseDate(), clip, "approval-" + id);
    audit.once("published", AuditTrail.ACTOR, "published", publishedDetail(item));
    return item;
  }

  private static String publishedDetail(FeedItem item) {
    return "Published as feed item " + item.guid() + " with audio " + item.enclosureUrl();
  }

  /** One message per objecting decision, quoting it, addressed to the submitter in the approval's review thread. */
  private void notifySubmitter(ReleaseDecision d, String submitter, String verdict, int deciding) {
    String key = "tradinggrid:approval:" + d.approvalId();
    String threadRef = "gridcast:approval-review:" + d.approvalId();
    Thread thread = tradingGrid.threads().findByExternalRef(threadRef).orElseGet(() -> tradingGrid.threads().create(
        ThreadCreate.builder().title(PostMarkdown.plain("Review: " + d.title(), EpisodeAnnouncementMapper.MAX_TITLE_CHARS, "Review"))
            .externalRef(threadRef).build(),
        Fingerprints.idempotencyKey(flowName, key + "#thread")));
    String messageRef = threadRef + ":decision:" + deciding;
    boolean sent = tradingGrid.threads().messages(thread.id(), null).stream()
        .anyMatch(m -> m.externalRef().filter(messageRef::equals).isPresent());
    if (!sent) {
      String body = PostMarkdown.create().markup("@").text(submitter).markup(": \"").text(d.title()).markup("\" was ")
          .markup(verdict).markup(" — ").text(d.decisions().get(deciding).summary())
          .markup(". It will not be released to Spotify; submit a revised package under a new key to review it again.").build();
      tradingGrid.threads().post(thread.id(), MessageCreate.builder().body(body).externalRef(messageRef).build(),
          Fingerprints.idempotencyKey(flowName, key + "#notify#" + deciding + "#" + ContentHash.of(body)));
    }
  }

  private static String json(Map<String, String> attributes) {
    try {
      return JSON.writeValueAsString(attributes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode ledger attributes", e);
    }
  }
}
