package io.gridcast.bridge.flows;

import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.RunCaps;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.core.GridcastStyle;
import io.gridcast.core.Secret;
import io.gridcast.tradinggrid.model.Issue;
import io.gridcast.tradinggrid.model.IssueType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Settings of {@link IssueAudioUpdatesFlow} (the generated {@code IssueAudioUpdatesConfig};
 * build with {@code IssueAudioUpdatesConfig.builder()}).
 *
 * <p>Required: {@link #publishing()} (show, feed sink, media folder and URL). Defaults: flow name
 * {@code issue-audio-updates}; trading issues and process changes; the issue's audio attachment
 * as audio ({@link AudioSource#issueAttachment}); {@link IssueAudioUpdateMapper} as mapper;
 * everyone in the community as the post's audience; tags {@code podcast} and {@code
 * audio-update}; no webhook secret (so {@link IssueAudioUpdatesFlow#webhooks} refuses to
 * work); no run caps. Immutable and thread-safe.
 */
@Value.Immutable
@GridcastStyle
abstract class AbstractIssueAudioUpdatesConfig {

  /** Where and how the episodes are published. */
  public abstract FeedPublishingConfig publishing();

  /** The flow's name, under which its state is kept; default {@code issue-audio-updates}. */
  @Value.Default
  public String flowName() {
    return "issue-audio-updates";
  }

  /** Which resolved issues get an audio update; default trading issues and process changes. */
  @Value.Default
  public Set<IssueType> issueTypes() {
    return Set.of(IssueType.TRADING_ISSUE, IssueType.PROCESS_CHANGE);
  }

  /** Where each issue's audio comes from; default {@link AudioSource#issueAttachment}. */
  public abstract Optional<AudioSource> audioSource();

  /**
   * Writes each update's summary and script; default {@link IssueAudioUpdateMapper} with
   * {@link #routing()} and {@link #tags()} (which a custom mapper applies itself).
   */
  public abstract Optional<Mapper<Issue, IssueAudioUpdate>> mapper();

  /** Who sees each audio-update post; default everyone in the community. */
  @Value.Default
  public RoutingPolicy<Issue> routing() {
    return RoutingPolicy.everyone();
  }

  /**
   * Tags of each audio-update post (none blank), applied by the default mapper; default
   * {@code podcast} and {@code audio-update}.
   */
  @Value.Default
  public List<String> tags() {
    return List.of("podcast", "audio-update");
  }

  /** The signing secret of the Trading Grid webhook whose deliveries {@link IssueAudioUpdatesFlow#flowFor} accepts. */
  public abstract Optional<Secret> webhookSecret();

  /**
   * Where the text of the posts, comments and issues this flow writes comes from; default
   * {@link PostTemplates#english()}. Give {@code PostTemplates.builder().locale(Locale.GERMAN).build()}
   * for German, or a folder of the host's own templates.
   */
  @Value.Default
  public PostTemplates templates() {
    return PostTemplates.english();
  }

  /** Per-run limits (items seen, remote writes); default {@link RunCaps#none()}. */
  @Value.Default
  public RunCaps caps() {
    return RunCaps.none();
  }

  @Value.Check
  void check() {
    if (issueTypes().isEmpty()) {
      throw new IllegalArgumentException("issueTypes must name at least one issue type, e.g. TRADING_ISSUE");
    }
    if (issueTypes().contains(IssueType.UNKNOWN)) {
      throw new IllegalArgumentException("issueTypes must not contain UNKNOWN");
    }
    for (String tag : tags()) {
      if (tag.isBlank()) {
        throw new IllegalArgumentException("tags must not be blank");
      }
    }
  }
}
