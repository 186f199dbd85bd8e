package io.gridcast.bridge.flows;

import io.gridcast.bridge.Snapshot;
import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.bridge.text.LinkPolicy;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.text.TemplateModel;
import io.gridcast.core.LogSafe;
import io.gridcast.tradinggrid.TradingGridId;
import io.gridcast.tradinggrid.model.Issue;
import io.gridcast.tradinggrid.model.IssueType;
import io.gridcast.tradinggrid.model.Link;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import io.gridcast.tradinggrid.model.Audience;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default mapping of an issue to its audio update.
 *
 * <ul>
 *   <li>A trading issue (published when resolved): the summary is its resolution summary; the
 *       script introduces the issue, says what happened, how it was resolved and lists the
 *       corrective actions; the episode is titled {@code Resolved: <issue title>} and dated at the
 *       resolution.
 *   <li>A process change (published when introduced): the summary is its description; the script
 *       says what changes and lists the corrective actions as what changes for the listener; the
 *       episode is titled {@code Process change: <title>} and dated at its creation. Its resolution
 *       summary and date are never part of it, so resolving a published change changes nothing.
 * </ul>
 *
 * <p>The audience is chosen by issue type: the configured {@link IssueAudience} (its show and
 * partner groups), else the routing policy's audience for the default show. Also renders the
 * audio-update post once the episode's link is known ({@link #post}). Pure for a given partner
 * snapshot; thread-safe.
 */
public final class IssueAudioUpdateMapper implements Mapper<Issue, IssueAudioUpdate> {

  private final RoutingPolicy<Issue> routing;
  private final Snapshot<PartnerDirectory> partners;
  private final List<String> tags;
  private final Map<IssueType, IssueAudience> audiences;

  /** The id in the link the flow puts on an issue for its script document. */
  private static final Pattern SCRIPT_DOCUMENT = Pattern.compile("/documents/([A-Za-z0-9_-]{1,64})/content$");

  /**
   * A mapper with the given routing and tags, and no audiences (every update for the default show).
   *
   * @param routing who sees each audio-update post
   * @param partners the partner snapshot of the current run, for {@code routing}
   * @param tags the tags of each audio-update post
   */
  public IssueAudioUpdateMapper(RoutingPolicy<Issue> routing, Snapshot<PartnerDirectory> partners, List<String> tags) {
    this(routing, partners, tags, Map.of());
  }

  /**
   * A mapper with the given routing, tags and audiences.
   *
   * @param routing who sees the audio-update posts of issue types without an audience
   * @param partners the partner snapshot of the current run, for {@code routing}
   * @param tags the tags of each audio-update post
   * @param audiences the audience (show and partner groups) of each issue type that has one
   */
  public IssueAudioUpdateMapper(RoutingPolicy<Issue> routing, Snapshot<PartnerDirectory> partners, List<String> tags,
      Map<IssueType, IssueAudience> audiences) {
    this.routing = routing;
    this.partners = partners;
    this.tags = List.copyOf(tags);
    this.audiences = Map.copyOf(audiences);
  }

  /**
   * The audio update of a resolved trading issue or an introduced process change. It is made only
   * of the issue's content (title, description, a trading issue's resolution summary and date,
   * corrective actions, attachments but the flow's script documents as the audio's identity) and
   * the post's audience and tags, never of {@code updatedAt}, so the flow's own edits of the
   * issue (the episode link, the script document) do not change it.
   *
   * @throws IllegalArgumentException if a trading issue has no resolution summary, or a process
   *     change no description, to speak about
   */
  @Override
  public IssueAudioUpdate map(Issue issue, RunContext run) {
    TradingGridId.require("issue id", issue.id()); // it names the feed item, the audio file and the script document
    boolean change = issue.type() == IssueType.PROCESS_CHANGE;
    String summary;
    StringBuilder script = new StringBuilder(512);
    String prefix = change ? "Process change: " : "Resolved: ";
    Instant pubDate;
    if (change) {
      summary = issue.description().strip();
      if (summary.isEmpty()) {
        throw new IllegalArgumentException("process change " + issue.id()
            + " has no description: describe what changes before it can get an audio update");
      }
      script.append(prefix).append(issue.title()).append(".\n\n").append("What changes. ").append(summary).append("\n\n");
      pubDate = issue.createdAt();
    } else {
      summary = issue.resolutionSummary().map(String::strip).filter(s -> !s.isEmpty())
          .orElseThrow(() -> new IllegalArgumentException("issue " + issue.id()
              + " has no resolution summary: resolve it with a summary before it can get an audio update"));
      script.append(prefix).append(issue.title()).append(".\n\n")
          .append("What happened. ").append(issue.description().strip()).append("\n\n")
          .append("How it was resolved. ").append(summary).append("\n\n");
      pubDate = issue.resolvedAt().orElse(issue.createdAt());
    }
    if (!issue.correctiveActions().isEmpty()) {
      script.append("What changes for you.\n");
      int n = 1;
      for (String action : issue.correctiveActions()) {
        script.append(n++).append(". ").append(action.strip()).append('\n');
      }
    }
    IssueAudience chosen = audiences.get(issue.type());
    Audience audience = chosen != null ? chosen.audience() : routing.audienceFor(issue, run.snapshot(partners));
    String audienceName = chosen != null ? chosen.name() : IssueAudience.DEFAULT_NAME;
    // only content the update is made of: never updatedAt, which the flow's own link PATCH moves
    return new IssueAudioUpdate(issue.id(), guidOf(issue.id()), prefix + issue.title(), summary, script.toString().strip(),
        issue.correctiveActions(), audioCandidates(issue), pubDate, audience, tags, audienceName);
  }

  /** The issue's attachments but the script documents the flow attached (named by its script links). */
  static List<String> audioCandidates(Issue issue) {
    Set<String> scripts = new HashSet<>();
    for (Link link : issue.links()) {
      if (IssueAudioUpdateSink.SCRIPT_LINK_REL.equals(link.rel())) {
        scriptDocumentOf(link.url()).ifPresent(scripts::add);
      }
    }
    return issue.attachments().stream().filter(a -> !scripts.contains(a)).toList();
  }

  /** The document id a script link points at ({@code .../documents/<id>/content}). */
  static java.util.Optional<String> scriptDocumentOf(String url) {
    Matcher m = SCRIPT_DOCUMENT.matcher(url);
    return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
  }

  /** The feed item guid of an issue's audio update: {@code gridcast-issue-<issueId>}. */
  public static String guidOf(String issueId) {
    return "gridcast-issue-" + issueId;
  }

  /**
   * The audio-update post for {@code update}, published as the episode at {@code episodeUrl}, in
   * Gridcast's English templates.
   *
   * @param episodeUrl the episode's public link
   * @param episodeUri the episode's {@code spotify:episode:} URI, kept in the post's metadata
   * @param externalRef the post's {@code externalRef}
   */
  public static PostCreate post(IssueAudioUpdate update, String episodeUrl, String episodeUri, String externalRef) {
    return post(update, episodeUrl, episodeUri, externalRef, PostTemplates.english());
  }

  /**
   * The audio-update post for {@code update}, published as the episode at {@code episodeUrl}:
   * title and body from the {@code audio-update.title} and {@code audio-update} templates.
   *
   * @param episodeUrl the episode's public link
   * @param episodeUri the episode's {@code spotify:episode:} URI, kept in the post's metadata
   * @param externalRef the post's {@code externalRef}
   * @param templates where the templates come from
   */
  public static PostCreate post(IssueAudioUpdate update, String episodeUrl, String episodeUri, String externalRef,
      PostTemplates templates) {
    String link = LinkPolicy.spotify().check(episodeUrl).orElseThrow(() -> new IllegalArgumentException(
        "the episode link of the audio update of issue " + update.issueId() + " is not an https link on Spotify's hosts: "
            + LogSafe.quoted(episodeUrl)));
    TemplateModel model = model(templates, update, link);
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("issueId", update.issueId());
    metadata.put("spotifyUri", episodeUri);
    metadata.put("feedGuid", update.guid());
    return PostCreate.builder()
        .kind(PostKind.AUDIO_UPDATE)
        .title(templates.title("audio-update.title", model, EpisodeAnnouncementMapper.MAX_TITLE_CHARS, "Audio update"))
        .body(templates.render("audio-update", model))
        .addLinks(Link.builder().rel("spotify").title(templates.line("link-listen.title")).url(link).build())
        .metadata(metadata)
        .audience(update.audience())
        .tags(update.tags())
        .externalRef(externalRef)
        .build();
  }

  /**
   * The Markdown of the script document ({@code audio-update-script}): the episode title, the issue
   * id and the script, made only of the update, so the same update always gives the same bytes.
   */
  static String scriptDocument(IssueAudioUpdate update, PostTemplates templates) {
    TemplateModel model = templates.model().text("episode", update.episodeTitle()).code("issueId", update.issueId())
        .notes("script", update.script(), LinkPolicy.anyHttps());
    return templates.render("audio-update-script", model) + "\n";
  }

  /** The issue comment that records the published audio update ({@code audio-update.comment}). */
  static String comment(IssueAudioUpdate update, String episodeUrl, PostTemplates templates) {
    return templates.render("audio-update.comment", model(templates, update, episodeUrl));
  }

  /**
   * The values of the audio-update templates: {@code episode}, {@code summary}, {@code hasActions},
   * {@code actions} ({@code action}), {@code episodeUrl} and {@code episodeLink}.
   */
  static TemplateModel model(PostTemplates templates, IssueAudioUpdate update, String episodeUrl) {
    TemplateModel model = templates.model();
    List<TemplateModel> actions = new ArrayList<>(update.correctiveActions().size());
    for (String action : update.correctiveActions()) {
      actions.add(model.child().text("action", action.strip()));
    }
    return model.text("episode", update.episodeTitle()).notes("summary", update.summary(), LinkPolicy.anyHttps())
        .flag("hasActions", !actions.isEmpty()).list("actions", actions)
        .url("episodeUrl", episodeUrl, LinkPolicy.spotify()).link("episodeLink", episodeUrl, episodeUrl, LinkPolicy.spotify());
  }
}
