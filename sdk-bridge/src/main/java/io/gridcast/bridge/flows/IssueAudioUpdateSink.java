package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.bridge.Fingerprints;
import io.gridcast.bridge.Sink;
import io.gridcast.bridge.WriteResult;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.core.GridcastJson;
import io.gridcast.core.LogSafe;
import io.gridcast.spotify.feed.FeedItem;
import io.gridcast.spotify.model.SimplifiedEpisode;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.TradingGridId;
import io.gridcast.tradinggrid.model.Document;
import io.gridcast.tradinggrid.model.Issue;
import io.gridcast.tradinggrid.model.IssueCommentCreate;
import io.gridcast.tradinggrid.model.IssueUpdate;
import io.gridcast.tradinggrid.model.Link;
import io.gridcast.tradinggrid.model.Post;
import io.gridcast.tradinggrid.model.PostCreate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one audio update in steps, each skipped when the target already shows it done, so a
 * run that crashed between any two steps is completed by the next without a duplicate:
 *
 * <ol>
 *   <li>the script document: the {@code audio-update-script} Markdown uploaded once as {@code
 *       issue-<id>-audio-update-script.md} (found again by an {@code externalRef} ending in a hash
 *       of its content), attached to the issue and linked from it ({@value #SCRIPT_LINK_REL}),
 *       replacing the script document of an earlier content, in one {@code If-Match} update; this
 *       happens whether or not audio exists, so the script is there to be recorded;
 *   <li>audio from the {@link AudioSource} (none: one comment on the issue naming the script
 *       document, then {@link MissingAudioException});
 *   <li>publish phase 1 with the {@link FeedPublisher} of the update's audience: audio file in the
 *       media folder and feed item upserted by guid, its description the script as escaped HTML
 *       ({@link ShowNotes#html}); the feed records it, so a later attempt writes nothing again;
 *   <li>publish phase 2: the {@code ReleaseWatcher} finds the episode on Spotify (not in time: a
 *       {@code ReleaseTimeoutException} dead-letters only this issue; replaying the dead letter
 *       only confirms the ingestion);
 *   <li>the issue gets the episode link (skipped when it already carries it; {@code If-Match});
 *   <li>the issue gets one comment per distinct content (link, summary and corrective actions),
 *       found by an {@code externalRef} ending in a hash of that content: a changed resolution
 *       gets a new comment, an unchanged one none;
 *   <li>the audio-update post is created (idempotency key, {@code externalRef}) or brought up to date.
 * </ol>
 *
 * <p>The ledger entry points at the post and keeps the feed guid, the audience, the episode's URI
 * and link, the script document and the current comment's reference as attributes. Thread-safe.
 */
final class IssueAudioUpdateSink implements Sink<IssueAudioUpdate> {

  private static final Logger LOG = LoggerFactory.getLogger(IssueAudioUpdateSink.class);
  static final String LINK_REL = "audio_update";
  /** The rel of the issue link to the script document. */
  static final String SCRIPT_LINK_REL = "audio_update_script";
  /** The media type of the script document. */
  static final String SCRIPT_CONTENT_TYPE = "text/markdown";
  private static final ObjectMapper JSON = GridcastJson.newObjectMapper();

  private final String flowName;
  private final TradingGridClient tradingGrid;
  private final AudioSource audio;
  private final Map<String, FeedPublisher> publishers;
  private final PostSink posts;
  private final PostTemplates templates;

  /**
   * @param publishers the publisher of each audience, by {@link IssueAudience#name()}, the
   *     default show's under {@value IssueAudience#DEFAULT_NAME}
   */
  IssueAudioUpdateSink(String flowName, TradingGridClient tradingGrid, AudioSource audio,
      Map<String, FeedPublisher> publishers, PostTemplates templates) {
    this.flowName = flowName;
    this.templates = templates;
    this.tradingGrid = tradingGrid;
    this.audio = audio;
    this.publishers = Map.copyOf(publishers);
    this.posts = new PostSink(tradingGrid);
  }

  /** The source key of an issue. */
  static String keyOf(String issueId) {
    return "tradinggrid:issue:" + issueId;
  }

  /** The issue id in a source key made by {@link #keyOf}. */
  static String issueIdOf(String sourceKey) {
    String prefix = keyOf("");
    if (!sourceKey.startsWith(prefix) || sourceKey.length() == prefix.length()) {
      throw new IllegalArgumentException("not a source key of this flow: " + sourceKey);
    }
    return sourceKey.substring(prefix.length());
  }

  /** The {@code externalRef} of an issue's audio-update post. */
  static String postRefOf(String issueId) {
    return "gridcast:audio-update:issue:" + issueId;
  }

  /**
   * The {@code externalRef} of the issue comment that announces the published update with the
   * content whose {@link ContentHash} is {@code contentHash}.
   */
  static String publishedCommentRefOf(String issueId, String contentHash) {
    return postRefOf(issueId) + ":published:" + contentHash;
  }

  /** The {@code externalRef} of the script document with the content whose {@link ContentHash} is {@code contentHash}. */
  static String scriptRefOf(String issueId, String contentHash) {
    return postRefOf(issueId) + ":script:" + contentHash;
  }

  /** The file name of an issue's script document. */
  static String scriptFileNameOf(String issueId) {
    return "issue-" + TradingGridId.require("issue id", issueId) + "-audio-update-script.md";
  }

  @Override
  public WriteResult create(String sourceKey, IssueAudioUpdate item, String idempotencyKey, String externalRef, RunContext run) {
    return deliver(item, run);
  }

  @Override
  public WriteResult update(LedgerEntry existing, IssueAudioUpdate item, RunContext run) {
    return deliver(item, run);
  }

  @Override
  public Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
    // a post means an earlier run got to its last step; the fingerprint is unknown, so the
    // bridge calls update(), which re-checks every step and writes only what is missing
    return tradingGrid.posts().findByExternalRef(externalRef).map(p -> WriteResult.found(p.id(), p.version(), null));
  }

  private WriteResult deliver(IssueAudioUpdate update, RunContext run) {
    String issueId = update.issueId();
    String key = keyOf(issueId);
    FeedPublisher publisher = publishers.get(update.audienceName());
    if (publisher == null) { // a custom mapper's mistake: nothing written yet
      throw new IllegalArgumentException("the audio update of issue " + issueId + " is for audience "
          + LogSafe.quoted(update.audienceName()) + ", which is not configured; the audiences are " + publishers.keySet()
          + " (IssueAudioUpdatesConfig.audiences(), and " + IssueAudience.DEFAULT_NAME + " for publishing())");
    }
    Issue issue = tradingGrid.issues().get(issueId);
    String fileName = scriptFileNameOf(issueId);
    ScriptDocument script = attachScript(issue, update, fileName, key);
    Issue current = script.issue();
    AudioClip clip = audio.audioFor(current).orElseGet(() -> {
      noteMissingAudio(current, fileName);
      throw new MissingAudioException(issueId);
    });
    FeedItem item = publisher.publish(update.guid(), update.episodeTitle(), ShowNotes.html(update.script()),
        update.pubDate(), clip, "issue-" + issueId);
    SimplifiedEpisode episode = publisher.awaitEpisode(item);
    String url = EpisodeAnnouncementMapper.episodeLink(episode);
    linkIssue(current, update, url);
    String comment = IssueAudioUpdateMapper.comment(update, url, templates);
    String commentHash = ContentHash.of(comment);
    String commentRef = publishedCommentRefOf(issueId, commentHash);
    commentOnce(issueId, commentRef, comment, Fingerprints.idempotencyKey(flowName, key + "#comment#" + commentHash));
    PostCreate post = IssueAudioUpdateMapper.post(update, url, "spotify:episode:" + episode.id(), postRefOf(issueId), templates);
    WriteResult written = upsertPost(key, post, run);
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("feedGuid", update.guid());
    attributes.put("audience", update.audienceName());
    attributes.put("episodeUri", "spotify:episode:" + episode.id());
    attributes.put("episodeUrl", url);
    attributes.put("scriptDocumentId", script.document().id());
    attributes.put("commentRef", commentRef);
    return written.withAttributes(json(attributes));
  }

  /** The script document as uploaded, and the issue after it was attached. */
  private record ScriptDocument(Document document, Issue issue) {}

  /**
   * Uploads the script document unless a document with its content's reference exists, then
   * attaches and links it on the issue in place of an earlier script document (one update, none
   * when the issue shows it already).
   */
  private ScriptDocument attachScript(Issue issue, IssueAudioUpdate update, String fileName, String key) {
    String markdown = IssueAudioUpdateMapper.scriptDocument(update, templates);
    String hash = ContentHash.of(markdown);
    String ref = scriptRefOf(update.issueId(), hash);
    Document document = tradingGrid.documents().findByExternalRef(ref).orElseGet(() -> tradingGrid.documents().upload(
        markdown.getBytes(StandardCharsets.UTF_8), fileName, SCRIPT_CONTENT_TYPE, ref,
        Fingerprints.idempotencyKey(flowName, key + "#script#" + hash)));
    String url = scriptUrlOf(document.id());
    Link link = Link.builder().rel(SCRIPT_LINK_REL).url(url)
        .title(templates.title("audio-update-script.title", templates.model().text("episode", update.episodeTitle())
            .text("scriptFile", fileName), EpisodeAnnouncementMapper.MAX_TITLE_CHARS, fileName))
        .build();
    Issue after = tradingGrid.issues().update(issue, current -> {
      Set<String> earlier = new HashSet<>();
      List<Link> links = new ArrayList<>();
      for (Link l : current.links()) {
        if (SCRIPT_LINK_REL.equals(l.rel())) {
          IssueAudioUpdateMapper.scriptDocumentOf(l.url()).filter(id -> !id.equals(document.id())).ifPresent(earlier::add);
        } else {
          links.add(l);
        }
      }
      boolean linked = current.links().stream().anyMatch(l -> SCRIPT_LINK_REL.equals(l.rel()) && l.url().equals(url));
      if (earlier.isEmpty() && linked && current.attachments().contains(document.id())) {
        return Optional.empty();
      }
      links.add(link);
      List<String> attachments = new ArrayList<>();
      for (String a : current.attachments()) {
        if (!earlier.contains(a) && !a.equals(document.id())) {
          attachments.add(a);
        }
      }
      attachments.add(document.id());
      return Optional.of(IssueUpdate.builder().links(links).attachments(attachments).build());
    });
    return new ScriptDocument(document, after);
  }

  /** The API address of a document's content, which the script link points at. */
  private String scriptUrlOf(String documentId) {
    return tradingGrid.baseUrl().newBuilder().addPathSegment("communities").addPathSegment(tradingGrid.communityId())
        .addPathSegment("documents").addPathSegment(documentId).addPathSegment("content").build().toString();
  }

  private void noteMissingAudio(Issue issue, String scriptFile) {
    commentOnce(issue.id(), postRefOf(issue.id()) + ":no-audio",
        templates.render("audio-update-no-audio", templates.model().code("scriptFile", scriptFile)),
        Fingerprints.idempotencyKey(flowName, keyOf(issue.id()) + "#no-audio"));
  }

  private void linkIssue(Issue issue, IssueAudioUpdate update, String url) {
    Link link = Link.builder().rel(LINK_REL).url(url)
        .title(templates.title("audio-update-link.title", templates.model().text("episode", update.episodeTitle()),
            EpisodeAnnouncementMapper.MAX_TITLE_CHARS, "Audio update"))
        .build();
    // an issue edited by someone meanwhile is read again and keeps their change (412 rule)
    tradingGrid.issues().update(issue, current -> {
      if (current.links().stream().anyMatch(l -> l.url().equals(url))) {
        return Optional.empty();
      }
      List<Link> links = new ArrayList<>(current.links());
      links.add(link);
      return Optional.of(IssueUpdate.builder().links(links).build());
    });
  }

  private void commentOnce(String issueId, String externalRef, String body, String idempotencyKey) {
    boolean present = tradingGrid.issues().comments(issueId).stream()
        .anyMatch(c -> c.externalRef().filter(externalRef::equals).isPresent());
    if (!present) {
      tradingGrid.issues().comment(issueId,
          IssueCommentCreate.builder().body(body).externalRef(externalRef).build(), idempotencyKey);
    }
  }

  /** Creates the post, or brings the one an earlier run created up to date; never a second one. */
  private WriteResult upsertPost(String key, PostCreate post, RunContext run) {
    String ref = post.externalRef().orElseThrow();
    Optional<Post> existing = tradingGrid.posts().findByExternalRef(ref);
    if (existing.isEmpty()) {
      return posts.create(key, post, Fingerprints.idempotencyKey(flowName, key + "#post"), ref, run);
    }
    Post p = existing.get();
    if (PostSink.asCreate(p).equals(post)) {
      return WriteResult.of(p.id(), p.version());
    }
    LOG.info("audio-update post {} for {} differs from the update; bringing it up to date", p.id(), key);
    return posts.update(LedgerEntry.builder().flow(flowName).sourceKey(key).targetId(p.id()).fingerprint("")
        .targetVersion(p.version()).updatedAt(p.updatedAt()).build(), post, run);
  }

  private static String json(Map<String, String> attributes) {
    try {
      return JSON.writeValueAsString(attributes);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot encode ledger attributes", e);
    }
  }
}
