package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.text.LinkPolicy;
import io.gridcast.bridge.text.PostMarkdown;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.text.TemplateModel;
import io.gridcast.spotify.model.SimplifiedEpisode;
import io.gridcast.tradinggrid.model.IssueCreate;
import io.gridcast.tradinggrid.model.IssueSeverity;
import io.gridcast.tradinggrid.model.IssueType;
import io.gridcast.tradinggrid.model.Link;
import io.gridcast.tradinggrid.model.Partner;

/**
 * The default issue-log entry for a low rating: a {@link IssueType#FEEDBACK} issue naming the
 * episode, rating, topic and comment, for the submitting partner (with its region and account),
 * linked to the episode on Spotify. Pure and thread-safe.
 */
public final class FeedbackIssueMapper implements Mapper<LowRating, IssueCreate> {

  private final IssueSeverity severity;
  private final PostTemplates templates;

  public FeedbackIssueMapper(IssueSeverity severity, PostTemplates templates) {
    this.severity = severity;
    this.templates = templates;
  }

  @Override
  public IssueCreate map(LowRating source, RunContext run) {
    SimplifiedEpisode e = source.episode().episode();
    String link = EpisodeAnnouncementMapper.episodeLink(e);
    String topic = source.submission().answers().get(FeedbackChannelMapper.TOPIC);
    String comment = source.submission().answers().getOrDefault(FeedbackChannelMapper.COMMENT, "").strip();
    String who = source.partner().map(Partner::name).orElse(source.submission().partnerId());
    TemplateModel model = templates.model().text("partner", who).text("show", source.episode().showName()).text("episode", e.name())
        .number("rating", source.rating()).text("topic", topic == null ? "" : topic.strip())
        .instant("submittedAt", source.submission().submittedAt()).notes("comment", comment, LinkPolicy.anyHttps());
    IssueCreate.Builder issue = IssueCreate.builder()
        .type(IssueType.FEEDBACK)
        .severity(severity)
        .title(templates.title("feedback-issue.title", model, EpisodeAnnouncementMapper.MAX_TITLE_CHARS, "Low rating"))
        .description(templates.render("feedback-issue", model))
        .partnerId(source.submission().partnerId())
        .addLinks(Link.builder().rel("spotify").title(templates.line("link-episode.title")).url(link).build())
        .externalRef(source.key());
    if (topic != null && !topic.isBlank()) {
      issue.topic(PostMarkdown.plain(topic, 100, topic.strip()));
    }
    source.partner().ifPresent(p -> issue.region(p.region()).accountId(p.accountId()));
    return issue.build();
  }
}
