package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.text.LinkPolicy;
import io.gridcast.bridge.text.PostMarkdown;
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
final class FeedbackIssueMapper implements Mapper<LowRating, IssueCreate> {

  private final IssueSeverity severity;

  public FeedbackIssueMapper(IssueSeverity severity) {
    this.severity = severity;
  }

  @Override
  public IssueCreate map(LowRating source, RunContext run) {
    SimplifiedEpisode e = source.episode().episode();
    String link = EpisodeAnnouncementMapper.episodeLink(e);
    String topic = source.submission().answers().get(FeedbackChannelMapper.TOPIC);
    String comment = source.submission().answers().getOrDefault(FeedbackChannelMapper.COMMENT, "").strip();
    String who = source.partner().map(Partner::name).orElse(source.submission().partnerId());
    PostMarkdown description = PostMarkdown.withCapacity(256 + comment.length());
    description.text(who).markup(" rated ").strong(source.episode().showName() + ": " + e.name())
        .markup(" ").markup(Integer.toString(source.rating())).markup(" out of 5");
    if (topic != null) {
      description.markup(" (topic: ").text(topic).markup(")");
    }
    description.markup(" on ").markup(source.submission().submittedAt().toString()).markup(".\n\n");
    if (comment.isEmpty()) {
      description.markup("No comment was given.");
    } else {
      description.markup("> ").notes(comment, LinkPolicy.anyHttps());
    }
    IssueCreate.Builder issue = IssueCreate.builder()
        .type(IssueType.FEEDBACK)
        .severity(severity)
        .title(PostMarkdown.plain("Low rating " + source.rating() + "/5: " + e.name(), EpisodeAnnouncementMapper.MAX_TITLE_CHARS,
            "Low rating " + source.rating() + "/5"))
        .description(description.build())
        .partnerId(source.submission().partnerId())
        .addLinks(Link.builder().rel("spotify").title("Episode on Spotify").url(link).build())
        .externalRef(source.key());
    if (topic != null && !topic.isBlank()) {
      issue.topic(PostMarkdown.plain(topic, 100, topic.strip()));
    }
    source.partner().ifPresent(p -> issue.region(p.region()).accountId(p.accountId()));
    return issue.build();
  }
}
