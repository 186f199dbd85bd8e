package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.Audience;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link IssueAudioUpdateMapper} makes of a resolved trading issue or an introduced process
 * change: the episode's title, summary and script, the corrective actions, which audience (show
 * and post audience) it is for, and the feed item's guid and publication date. Only stable issue
 * content goes in, so the fingerprint changes only when the update would. Immutable.
 *
 * @param issueId the issue's id
 * @param guid the feed item's permanent guid, {@code gridcast-issue-<issueId>}
 * @param episodeTitle the episode (and post) title
 * @param summary what was resolved (a trading issue's resolution summary) or what changes (a
 *     process change's description)
 * @param script the text the audio update reads out (plain text; escaped for the feed)
 * @param correctiveActions the issue's corrective actions, in order
 * @param attachments the issue's attachment ids but its script documents (a new audio attachment
 *     changes the update, the flow's own script document does not)
 * @param pubDate the episode's publication date (a trading issue's resolution, else its creation;
 *     a process change's creation, when it was introduced)
 * @param audience who sees the audio-update post
 * @param tags the post's tags
 * @param audienceName the {@link IssueAudience#name()} whose show publishes the episode, or
 *     {@value IssueAudience#DEFAULT_NAME} for {@link IssueAudioUpdatesConfig#publishing()}'s show
 */
public record IssueAudioUpdate(String issueId, String guid, String episodeTitle, String summary, String script,
    List<String> correctiveActions, List<String> attachments, Instant pubDate, Audience audience, List<String> tags,
    String audienceName) {

  /** Checks and copies the components; every one but the lists is required. */
  public IssueAudioUpdate {
    Objects.requireNonNull(issueId, "issueId");
    Objects.requireNonNull(guid, "guid");
    Objects.requireNonNull(episodeTitle, "episodeTitle");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(pubDate, "pubDate");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(audienceName, "audienceName");
    correctiveActions = List.copyOf(correctiveActions);
    attachments = List.copyOf(attachments);
    tags = List.copyOf(tags);
  }

  /**
   * An update for the default audience ({@value IssueAudience#DEFAULT_NAME}: {@link
   * IssueAudioUpdatesConfig#publishing()}'s show), as custom mappers written before audiences made
   * them.
   */
  public IssueAudioUpdate(String issueId, String guid, String episodeTitle, String summary, String script,
      List<String> correctiveActions, List<String> attachments, Instant pubDate, Audience audience, List<String> tags) {
    this(issueId, guid, episodeTitle, summary, script, correctiveActions, attachments, pubDate, audience, tags,
        IssueAudience.DEFAULT_NAME);
  }
}
