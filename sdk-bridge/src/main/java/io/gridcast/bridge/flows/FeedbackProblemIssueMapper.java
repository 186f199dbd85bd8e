package io.gridcast.bridge.flows;

import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.text.LinkPolicy;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.text.TemplateModel;
import io.gridcast.spotify.model.SimplifiedEpisode;
import io.gridcast.tradinggrid.model.IssueCreate;
import io.gridcast.tradinggrid.model.IssueSeverity;
import io.gridcast.tradinggrid.model.IssueType;
import io.gridcast.tradinggrid.model.Link;
import io.gridcast.tradinggrid.model.Partner;
import java.util.Objects;

/**
 * The default issue-log entry for a thread message that reports a problem, from the {@code
 * feedback-problem} templates: a {@link IssueType#FEEDBACK} issue for the writing partner (with
 * its region and account) under the message's first topic, quoting the message, linked to the
 * episode on Spotify ({@code rel} {@value #EPISODE_REL}) and to the message in its feedback
 * thread ({@code rel} {@value #MESSAGE_REL}). Pure and thread-safe.
 */
public final class FeedbackProblemIssueMapper implements Mapper<ProblemMessage, IssueCreate> {

  /** The {@code rel} of the issue's link to the episode on Spotify. */
  public static final String EPISODE_REL = "spotify";
  /** The {@code rel} of the issue's link to the message in the feedback thread. */
  public static final String MESSAGE_REL = "thread_message";

  private final IssueSeverity severity;
  private final PostTemplates templates;

  /**
   * A mapper opening issues of {@code severity}, their text from {@code templates}.
   *
   * @throws NullPointerException if an argument is null
   */
  public FeedbackProblemIssueMapper(IssueSeverity severity, PostTemplates templates) {
    this.severity = Objects.requireNonNull(severity, "severity");
    this.templates = Objects.requireNonNull(templates, "templates");
  }

  @Override
  public IssueCreate map(ProblemMessage source, RunContext run) {
    SimplifiedEpisode e = source.episode().episode();
    String partnerId = source.message().authorPartnerId().orElseThrow(
        () -> new IllegalArgumentException("message " + source.message().id() + " has no partner: only partners' messages open issues"));
    String topic = source.topics().isEmpty() ? "" : source.topics().get(0);
    TemplateModel model = templates.model().text("partner", source.partner().map(Partner::name).orElse(partnerId))
        .text("show", source.episode().showName()).text("episode", e.name()).text("topic", topic)
        .flag("flagged", source.message().flagged()).instant("postedAt", source.message().createdAt())
        .notes("message", source.message().body(), LinkPolicy.anyHttps());
    IssueCreate.Builder issue = IssueCreate.builder()
        .type(IssueType.FEEDBACK)
        .severity(severity)
        .title(templates.title("feedback-problem.title", model, EpisodeAnnouncementMapper.MAX_TITLE_CHARS, "Problem reported"))
        .description(templates.render("feedback-problem", model))
        .partnerId(partnerId)
        .addLinks(Link.builder().rel(EPISODE_REL).title(templates.line("link-episode.title")).url(EpisodeAnnouncementMapper.episodeLink(e)).build(),
            Link.builder().rel(MESSAGE_REL).title(templates.line("link-message.title")).url(source.messageUrl()).build())
        .externalRef(source.key());
    if (!topic.isEmpty()) {
      issue.topic(topic);
    }
    source.partner().ifPresent(p -> issue.region(p.region()).accountId(p.accountId()));
    return issue.build();
  }
}
