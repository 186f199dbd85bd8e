package io.gridcast.bridge.flows;

import io.gridcast.bridge.Mapper;
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

  public FeedbackIssueMapper(IssueSeverity severity) {
    this.severity = severity;
  }

  @Override
  public IssueCreate map(LowRating source) {
    SimplifiedEpisode e = source.episode().episode();
    String link = e.externalUrls().spotify().orElse("https://open.spotify.com/episode/" + e.id());
    String topic = source.submission().answers().get(FeedbackChannelMapper.TOPIC);
    String comment = source.submission().answers().getOrDefault(FeedbackChannelMapper.COMMENT, "").strip();
    String who = source.partner().map(Partner::name).orElse(source.submission().partnerId());
    StringBuilder description = new StringBuilder(256 + comment.length());
    description.append(who).append(" rated **").append(source.episode().showName()).append(": ").append(e.name())
        .append("** ").append(source.rating()).append(" out of 5");
    if (topic != null) {
      description.append(" (topic: ").append(topic).append(')');
    }
    description.append(" on ").append(source.submission().submittedAt()).append(".\n\n");
    description.append(comment.isEmpty() ? "No comment was given." : "> " + comment.replace("\n", "\n> "));
    IssueCreate.Builder issue = IssueCreate.builder()
        .type(IssueType.FEEDBACK)
        .severity(severity)
        .title(shorten("Low rating " + source.rating() + "/5: " + e.name()))
        .description(description.toString())
        .partnerId(source.submission().partnerId())
        .addLinks(Link.builder().rel("spotify").title("Episode on Spotify").url(link).build())
        .externalRef(source.key());
    if (topic != null && !topic.isBlank()) {
      issue.topic(topic);
    }
    source.partner().ifPresent(p -> issue.region(p.region()).accountId(p.accountId()));
    return issue.build();
  }

  private static String shorten(String title) {
    return title.length() <= 300 ? title : title.substring(0, 299) + "…";
  }
}
