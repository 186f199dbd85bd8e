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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default mapping of a resolved issue to its audio update: the summary is the issue's
 * resolution summary; the script introduces the issue, says what happened, how it was resolved
 * and lists the corrective actions; the episode is titled {@code Resolved: <issue title>} (or
 * {@code Process change: <title>} for process changes). Also renders the audio-update post once
 * the episode's link is known ({@link #post}). Pure for a given partner snapshot; thread-safe.
 */
public final class IssueAudioUpdateMapper implements Mapper<Issue, IssueAudioUpdate> {

  private final RoutingPolicy<Issue> routing;
  private final Snapshot<PartnerDirectory> partners;
  private final List<String> tags;

  /**
   * A mapper with the given routing and tags.
   *
   * @param routing who sees each audio-update post
   * @param partners the partner snapshot of the current run, for {@code routing}
   * @param tags the tags of each audio-update post
   */
  public IssueAudioUpdateMapper(RoutingPolicy<Issue> routing, Snapshot<PartnerDirectory> partners, List<String> tags) {
    this.routing = routing;
    this.partners = partners;
    this.tags = List.copyOf(tags);
  }

  /**
   * The audio update of a resolved issue. It is made only of the issue's content (title,
   * description, resolution summary, corrective actions, attachments as the audio's identity,
   * resolution date) and the post's audience and tags, never of {@code updatedAt}, so the flow's
   * own edits of the issue (the episode link) do not change it.
   *
   * @throws IllegalArgumentException if the issue has no resolution summary to speak about
   */
  @Override
  public IssueAudioUpdate map(Issue issue, RunContext run) {
    TradingGridId.require("issue id", issue.id()); // it names the feed item and the audio file
    String summary = issue.resolutionSummary().map(String::strip).filter(s -> !s.isEmpty())
        .orElseThrow(() -> new IllegalArgumentException("issue " + issue.id()
            + " has no resolution summary: resolve it with a summary before it can get an audio update"));
    String prefix = issue.type() == IssueType.PROCESS_CHANGE ? "Process change: " : "Resolved: ";
    StringBuilder script = new StringBuilder(512);
    script.append(prefix).append(issue.title()).append(".\n\n")
        .append("What happened. ").append(issue.description().strip()).append("\n\n")
        .append("How it was resolved. ").append(summary).append("\n\n");
    if (!issue.correctiveActions().isEmpty()) {
      script.append("What changes for you.\n");
      int n = 1;
      for (String action : issue.correctiveActions()) {
        script.append(n++).append(". ").append(action.strip()).append('\n');
      }
    }
    // only content the update is made of: never updatedAt, which the flow's own link PATCH moves
    return new IssueAudioUpdate(issue.id(), guidOf(issue.id()), prefix + issue.title(), summary, script.toString().strip(),
        issue.correctiveActions(), issue.attachments(), issue.resolvedAt().orElse(issue.createdAt()),
        routing.audienceFor(issue, run.snapshot(partners)), tags);
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
        .addLinks(Link.builder().rel("spotify").title("Listen on Spotify").url(link).build())
        .metadata(metadata)
        .audience(update.audience())
        .tags(update.tags())
        .externalRef(externalRef)
        .build();
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
