package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.Audience;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link IssueAudioUpdateMapper} makes of a resolved issue: the episode's title, summary and
 * script, the corrective actions, who the audio-update post is for, and the feed item's guid and
 * publication date. Only stable issue content goes in, so the fingerprint changes only when the
 * update would. Immutable.
 *
 * @param issueId the issue's id
 * @param guid the feed item's permanent guid, {@code gridcast-issue-<issueId>}
 * @param episodeTitle the episode (and post) title
 * @param summary what was resolved, in one or two sentences (the issue's resolution summary)
 * @param script the text the audio update reads out
 * @param correctiveActions the issue's corrective actions, in order
 * @param attachments the issue's attachment ids (a new audio attachment changes the update)
 * @param pubDate the episode's publication date (when the issue was resolved, else when it was created)
 * @param audience who sees the audio-update post
 * @param tags the post's tags
 */
public record IssueAudioUpdate(String issueId, String guid, String episodeTitle, String summary, String script,
    List<String> correctiveActions, List<String> attachments, Instant pubDate, Audience audience, List<String> tags) {

  public IssueAudioUpdate {
    Objects.requireNonNull(issueId, "issueId");
    Objects.requireNonNull(guid, "guid");
    Objects.requireNonNull(episodeTitle, "episodeTitle");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(pubDate, "pubDate");
    Objects.requireNonNull(audience, "audience");
    correctiveActions = List.copyOf(correctiveActions);
    attachments = List.copyOf(attachments);
    tags = List.copyOf(tags);
  }
}
