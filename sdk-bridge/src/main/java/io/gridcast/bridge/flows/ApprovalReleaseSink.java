package io.gridcast.bridge.flows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.bridge.Fingerprints;
import io.gridcast.bridge.WriteResult;
import io.gridcast.bridge.text.PostTemplates;
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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on what the decisions of the approval's current review round amount to, each step skipped
 * when the target shows it done:
 *
 * <ul>
 *   <li>always: the round's {@code package_submitted} entry (each document's SHA-256, see {@link
 *       ReviewedPackage}) when the trail has none yet, and a {@code decision_recorded} audit entry
 *       per decision;
 *   <li>rejected or changes requested: for each decision of the round that rejects or asks for
 *       changes, one message to the submitter quoting that decision, in the approval's review
 *       thread (created once, {@code externalRef gridcast:approval-review:<id>}), saying that a
 *       revised package is resubmitted under the same key, and one {@code not_released} audit
 *       entry; later decisions add nothing unless they object too; nothing is published;
 *   <li>approved: one {@code document_approved} entry per document pins its SHA-256; every
 *       document is downloaded again and refused unless its bytes hash to the approved value
 *       ({@link ApprovedPackageChangedException}); the artwork ({@link ArtworkCheck}, else {@link
 *       ArtworkRejectedException}), the release notes ({@link ShowNotes}, else {@link
 *       ReleaseNotesRejectedException}) and the audio type are checked, each refusal with a {@code
 *       release_blocked} entry and nothing written; then the release in two phases: the audio and
 *       the artwork are written to the media folder and published as feed item {@code
 *       gridcast-approval-<id>} with the artwork as its {@code itunes:image} and the release notes
 *       as its description ({@code published}, with the approved hashes), and the release watcher
 *       confirms the episode ({@code confirmed_on_spotify}). When the feed already holds the item
 *       and the trail its {@code published} entry, phase 1 is done and only the ingestion is
 *       awaited (a release Spotify did not list in time is dead-lettered and retried this way by
 *       the next run).
 * </ul>
 *
 * <p>The ledger entry points at the approval and records the outcome (and the feed guid and
 * episode, and the round from the second on) as attributes. Thread-safe.
 */
final class ApprovalReleaseSink implements ConvergingSink<ReleaseDecision> {

  private static final Logger LOG = LoggerFactory.getLogger(ApprovalReleaseSink.class);
  private static final ObjectMapper JSON = GridcastJson.newObjectMapper();

  private final String flowName;
  private final TradingGridClient tradingGrid;
  private final FeedPublisher publisher;
  private final PostTemplates templates;

  ApprovalReleaseSink(String flowName, TradingGridClient tradingGrid, FeedPublisher publisher, PostTemplates templates) {
    this.flowName = flowName;
    this.templates = templates;
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
    ReviewedPackage pkg = new ReviewedPackage(tradingGrid, id, d.contentPackage(), d.round(), audit);
    pkg.noteSubmitted(); // a request of this flow has it already; an approval made in Trading Grid gets it now
    for (int i = 0; i < d.decisions().size(); i++) {
      audit.once("decided#" + i, AuditTrail.ACTOR, "decision_recorded", d.decisions().get(i).summary());
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("outcome", d.outcome().name().toLowerCase(Locale.ROOT));
    switch (d.outcome()) {
      case APPROVED:
        SimplifiedEpisode episode = release(d, audit, pkg);
        attributes.put("feedGuid", guidOf(id));
        attributes.put("episodeUri", "spotify:episode:" + episode.id());
        break;
      case REJECTED:
      case CHANGES_REQUESTED:
        String submitter = audit.actorOf("requested").orElse("the submitter");
        for (int i = 0; i < d.decisions().size(); i++) {
          ReleaseDecision.Decision objection = d.decisions().get(i);
          if (objection.objects() && objection.round() == d.round()) {
            String verdict = objection.outcome() == DecisionOutcome.REJECT
                ? "rejected" : "sent back with changes requested";
            notifySubmitter(d, submitter, objection.outcome() == DecisionOutcome.REJECT, i);
            audit.once("blocked#" + i, AuditTrail.ACTOR, "not_released", notReleasedDetail(verdict, objection, submitter));
          }
        }
        break;
      default:
        break;
    }
    if (d.round() > 1) {
      attributes.put("round", Integer.toString(d.round()));
    }
    return WriteResult.of(id, null).withAttributes(json(attributes));
  }

  private SimplifiedEpisode release(ReleaseDecision d, AuditTrail audit, ReviewedPackage pkg) {
    Map<ReviewedPackage.Part, String> approved = pkg.approve(); // pins each document's SHA-256 on the trail
    FeedItem item = publishedItem(d, audit, approved).orElseGet(() -> publish(d, audit, pkg, approved));
    SimplifiedEpisode episode = publisher.awaitEpisode(item);
    audit.once("confirmed", AuditTrail.ACTOR, "confirmed_on_spotify",
        "Live on Spotify as spotify:episode:" + SpotifyId.of(episode.id()) + " (" + EpisodeAnnouncementMapper.episodeLink(episode) + ")");
    return episode;
  }

  /** Phase 1 as an earlier attempt left it: the feed holds the item and the trail says so. */
  private Optional<FeedItem> publishedItem(ReleaseDecision d, AuditTrail audit, Map<ReviewedPackage.Part, String> approved) {
    Optional<FeedItem> item = publisher.published(guidOf(d.approvalId()))
        .filter(publisher::servesMediaOf)
        .filter(i -> audit.has(AuditTrail.ACTOR, "published", publishedDetail(i, approved)));
    item.ifPresent(i -> LOG.info("approval {} is already published as feed item {}; confirming the ingestion only",
        d.approvalId(), i.guid()));
    return item;
  }

  /**
   * Phase 1: every document downloaded again and checked against its approved SHA-256, the
   * artwork, release notes and audio checked, then (only when all passed) the audio and artwork
   * files and the feed item written, and recorded on the trail.
   */
  private FeedItem publish(ReleaseDecision d, AuditTrail audit, ReviewedPackage pkg,
      Map<ReviewedPackage.Part, String> approved) {
    String id = TradingGridId.require("approval id", d.approvalId()); // names the media files and the feed item
    Map<ReviewedPackage.Part, byte[]> content = new EnumMap<>(ReviewedPackage.Part.class);
    for (ReviewedPackage.Part part : ReviewedPackage.Part.values()) {
      content.put(part, pkg.verifiedContent(part, approved.get(part))); // the script too: the record must hold
    }
    Document artwork = pkg.document(ReviewedPackage.Part.ARTWORK);
    byte[] image = content.get(ReviewedPackage.Part.ARTWORK);
    Optional<String> problem = ArtworkCheck.problem(artwork.fileName(), image);
    if (problem.isPresent()) {
      audit.once("artwork", AuditTrail.ACTOR, "release_blocked", "Release blocked: " + problem.get());
      throw new ArtworkRejectedException(id, problem.get());
    }
    Document notes = pkg.document(ReviewedPackage.Part.RELEASE_NOTES);
    ShowNotes.Result showNotes = ShowNotes.of(notes.fileName(), notes.contentType(),
        content.get(ReviewedPackage.Part.RELEASE_NOTES));
    if (!showNotes.ok()) {
      audit.once("release-notes", AuditTrail.ACTOR, "release_blocked", "Release blocked: " + showNotes.problem());
      throw new ReleaseNotesRejectedException(id, showNotes.problem());
    }
    Document audioDoc = pkg.document(ReviewedPackage.Part.AUDIO);
    if (!AudioClip.isAudio(audioDoc.contentType())) {
      String reason = "audio document " + LogSafe.quoted(audioDoc.fileName()) + " is " + LogSafe.quoted(audioDoc.contentType())
          + ", not audio/*";
      audit.once("audio-type", AuditTrail.ACTOR, "release_blocked", "Release blocked: " + reason);
      throw new IllegalStateException("approval " + id + " is not released: " + reason
          + "; submit the package again under a new key with an audio document (audio/mpeg or audio/mp4)");
    }
    AudioClip clip = AudioClip.of(audioDoc.fileName(), audioDoc.contentType(), content.get(ReviewedPackage.Part.AUDIO));
    FeedItem item = publisher.publish(guidOf(id), d.title(), showNotes.description(), d.releaseDate(), clip, image,
        "approval-" + id);
    audit.once("published", AuditTrail.ACTOR, "published", publishedDetail(item, approved));
    return item;
  }

  /**
   * {@code Published as feed item <guid> with audio <url> (sha256 …), artwork <url> (sha256 …)
   * and show notes from the release notes (sha256 …)}: the hashes are the approved ones, which the
   * published files were checked against.
   */
  private static String publishedDetail(FeedItem item, Map<ReviewedPackage.Part, String> approved) {
    return "Published as feed item " + item.guid() + " with audio " + item.enclosureUrl() + " (sha256 "
        + approved.get(ReviewedPackage.Part.AUDIO) + "), artwork " + item.imageUrl().map(Object::toString).orElse("(none)")
        + " (sha256 " + approved.get(ReviewedPackage.Part.ARTWORK) + ") and show notes from the release notes (sha256 "
        + approved.get(ReviewedPackage.Part.RELEASE_NOTES) + ")";
  }

  /** The {@code not_released} entry of one objecting decision. */
  private static String notReleasedDetail(String verdict, ReleaseDecision.Decision objection, String submitter) {
    return "Not released to Spotify: " + verdict + " (" + objection.summary() + "); " + submitter + " notified";
  }

  /** One message per objecting decision, quoting it, addressed to the submitter in the approval's review thread. */
  private void notifySubmitter(ReleaseDecision d, String submitter, boolean rejected, int deciding) {
    String key = "tradinggrid:approval:" + d.approvalId();
    String threadRef = "gridcast:approval-review:" + d.approvalId();
    Thread thread = tradingGrid.threads().findByExternalRef(threadRef).orElseGet(() -> tradingGrid.threads().create(
        ThreadCreate.builder().title(templates.title("approval-review.title", templates.model().text("title", d.title()),
            EpisodeAnnouncementMapper.MAX_TITLE_CHARS, "Review"))
            .externalRef(threadRef).build(),
        Fingerprints.idempotencyKey(flowName, key + "#thread")));
    String messageRef = threadRef + ":decision:" + deciding;
    boolean sent = tradingGrid.threads().messages(thread.id(), null).stream()
        .anyMatch(m -> m.externalRef().filter(messageRef::equals).isPresent());
    if (!sent) {
      String body = objectionMessage(submitter, d.title(), rejected, d.decisions().get(deciding).summary());
      tradingGrid.threads().post(thread.id(), MessageCreate.builder().body(body).externalRef(messageRef).build(),
          Fingerprints.idempotencyKey(flowName, key + "#notify#" + deciding + "#" + ContentHash.of(body)));
    }
  }

  /**
   * The message to the submitter about one objecting decision: who decided what, and that a
   * revised package is resubmitted to the same approval (the same key) for another round
   * ({@code approval-objection}).
   */
  private String objectionMessage(String submitter, String title, boolean rejected, String decision) {
    return templates.render("approval-objection", templates.model().text("submitter", submitter).text("title", title)
        .flag("rejected", rejected).text("decision", decision));
  }

  private static String json(Map<String, String> attributes) {
    try {
      return JSON.writeValueAsString(attributes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode ledger attributes", e);
    }
  }
}
