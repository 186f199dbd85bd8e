package io.gridcast.bridge.flows;

import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.RunCaps;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.core.GridcastStyle;
import io.gridcast.core.Secret;
import io.gridcast.tradinggrid.model.Issue;
import io.gridcast.tradinggrid.model.IssueType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Settings of {@link IssueAudioUpdatesFlow} (the generated {@code IssueAudioUpdatesConfig};
 * build with {@code IssueAudioUpdatesConfig.builder()}).
 *
 * <p>Required: {@link #publishing()} (show, feed sink, media folder and URL). Defaults: flow name
 * {@code issue-audio-updates}; trading issues and process changes; process changes published when
 * introduced ({@link #publishProcessChangesWhenIntroduced()}); the issue's audio attachment
 * as audio ({@link AudioSource#issueAttachment}); {@link IssueAudioUpdateMapper} as mapper;
 * no {@linkplain #audiences() audiences}, so every update goes to {@link #publishing()}'s show
 * and to everyone in the community ({@link #routing()}); tags {@code podcast} and {@code
 * audio-update}; no webhook secret (so {@link IssueAudioUpdatesFlow#webhooks} refuses to
 * work); no run caps. Immutable and thread-safe.
 *
 * <pre>{@code
 * IssueAudioUpdatesConfig config = IssueAudioUpdatesConfig.builder()
 *     .publishing(internalShow)                      // trading issues: the internal show, routing()
 *     .routing(RoutingPolicy.groups("g_ops"))        //   for the operations group
 *     .putAudiences(IssueType.PROCESS_CHANGE, IssueAudience.builder()
 *         .name("partners").publishing(partnerShow)  // process changes: the partner show,
 *         .addPartnerGroupIds("g_region_emea", "g_region_na").build()) // for the region groups
 *     .build();
 * }</pre>
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

  /**
   * Whether a process change is published when it is introduced ({@code issue.created}, any
   * status) rather than only when resolved; default {@code true}. Either way a process change gets
   * one audio update: its update is made of the change itself (title, description, corrective
   * actions, creation date), never of its resolution, so the {@code issue.resolved} event of a
   * change already published finds it unchanged and writes nothing. A process change first met at
   * its resolution (logged before the flow ran, or with this switched off) is published then.
   * Trading issues are published when resolved, always.
   */
  @Value.Default
  public boolean publishProcessChangesWhenIntroduced() {
    return true;
  }

  /**
   * Which issue types go to which audience (show and partner groups), e.g. process changes to the
   * partners, trading issues to internal stakeholders; default none. The issue type decides
   * because the contract never changes an issue's type after it is logged, so an issue's update
   * stays with one show. A type without an audience goes to {@link #publishing()}'s show, for
   * {@link #routing()}'s audience (the audience {@value IssueAudience#DEFAULT_NAME}). Every key
   * must be one of {@link #issueTypes()}; two types may share an audience (the same name means the
   * same audience).
   */
  public abstract Map<IssueType, IssueAudience> audiences();

  /** Where each issue's audio comes from; default {@link AudioSource#issueAttachment}. */
  public abstract Optional<AudioSource> audioSource();

  /**
   * Writes each update's summary and script; default {@link IssueAudioUpdateMapper} with
   * {@link #routing()} and {@link #tags()} (which a custom mapper applies itself).
   */
  public abstract Optional<Mapper<Issue, IssueAudioUpdate>> mapper();

  /**
   * Who sees each audio-update post of an issue type without an {@linkplain #audiences() audience};
   * default everyone in the community.
   */
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
    Map<String, IssueAudience> byName = new HashMap<>();
    for (Map.Entry<IssueType, IssueAudience> e : audiences().entrySet()) {
      if (!issueTypes().contains(e.getKey())) {
        throw new IllegalArgumentException("audiences names " + e.getKey() + ", which is not one of issueTypes "
            + issueTypes() + ": add it to issueTypes or remove its audience");
      }
      IssueAudience other = byName.putIfAbsent(e.getValue().name(), e.getValue());
      if (other != null && !other.equals(e.getValue())) {
        throw new IllegalArgumentException("two different audiences are named " + e.getValue().name()
            + ": give each its own name, or use the same IssueAudience for both issue types");
      }
    }
    for (String tag : tags()) {
      if (tag.isBlank()) {
        throw new IllegalArgumentException("tags must not be blank");
      }
    }
  }
}
