package io.gridcast.bridge.flows;

import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.text.TemplateModel;
import io.gridcast.tradinggrid.model.IssueCreate;
import io.gridcast.tradinggrid.model.IssueType;
import io.gridcast.tradinggrid.model.Link;
import java.util.Objects;

/**
 * The issue a {@link FollowUp} opens: type {@link IssueType#FEEDBACK}, the rule's severity and
 * owner, topic {@code performance}, title and description from the {@code performance-follow-up}
 * templates, and for an episode a link to it on Spotify. Pure and thread-safe.
 */
final class FollowUpIssueMapper implements Mapper<FollowUp, IssueCreate> {

  private final PostTemplates templates;

  FollowUpIssueMapper(PostTemplates templates) {
    this.templates = Objects.requireNonNull(templates, "templates");
  }

  @Override
  public IssueCreate map(FollowUp f, RunContext run) {
    TemplateModel model = model(templates.model(), f).text("scope", f.data().scopeName())
        .date("start", f.data().start()).date("end", f.data().end());
    IssueCreate.Builder issue = IssueCreate.builder()
        .type(IssueType.FEEDBACK)
        .severity(f.rule().severity())
        .title(templates.title("performance-follow-up.title", model, EpisodeAnnouncementMapper.MAX_TITLE_CHARS, "Performance follow-up"))
        .description(templates.render("performance-follow-up", model))
        .topic("performance")
        .owner(f.rule().owner());
    f.episode().ifPresent(e -> issue.addLinks(Link.builder().rel("spotify").title(templates.line("link-episode.title"))
        .url("https://open.spotify.com/episode/" + io.gridcast.spotify.SpotifyId.of(e.episodeId()).value()).build()));
    return issue.build();
  }

  /**
   * The values of {@code performance-follow-up.line}: {@code completion} or {@code drop}, {@code
   * episode}, {@code measureStarts}, {@code value}, {@code threshold} and {@code owner}.
   */
  static TemplateModel model(TemplateModel m, FollowUp f) {
    boolean drop = f.rule().isDrop();
    m.flag("completion", !drop).flag("drop", drop).flag("measureStarts", drop && f.rule().measure() == FollowUpRule.Measure.STARTS)
        .text("episode", f.episode().map(EpisodePerformance::name).orElse("")).text("owner", f.rule().owner().orElse(""))
        .percent("threshold", f.threshold(), 0);
    return drop ? m.change("value", f.value(), 0) : m.percent("value", f.value(), 1);
  }
}
