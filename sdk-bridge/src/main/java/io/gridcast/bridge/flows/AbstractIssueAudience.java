package io.gridcast.bridge.flows;

import io.gridcast.core.GridcastStyle;
import io.gridcast.tradinggrid.TradingGridId;
import io.gridcast.tradinggrid.model.Audience;
import java.util.List;
import org.immutables.value.Value;

/**
 * One audience of {@link IssueAudioUpdatesFlow}'s audio updates (the generated {@code
 * IssueAudience}; build with {@code IssueAudience.builder()}): the show the episodes go to and the
 * partner groups the audio-update post is for. Typical are two: internal stakeholders (an
 * internal show, the operations group) and partners (the partner show, the region groups).
 * {@link IssueAudioUpdatesConfig#audiences()} says which issue type goes to which audience.
 *
 * <pre>{@code
 * IssueAudience partners = IssueAudience.builder()
 *     .name("partners")
 *     .publishing(partnerShow)                       // a FeedPublishingConfig of the partner show
 *     .addPartnerGroupIds("g_region_emea", "g_region_na")
 *     .build();
 * }</pre>
 *
 * <p>Required: all three. Immutable and thread-safe.
 */
@Value.Immutable
@GridcastStyle
abstract class AbstractIssueAudience {

  /** The name reserved for the audience of the issue types no audience is configured for. */
  public static final String DEFAULT_NAME = "default";

  /**
   * The audience's name, e.g. {@code internal} or {@code partners}: lower-case letters, digits and
   * {@code -}, at most 40 characters, not {@value #DEFAULT_NAME}. It is kept with each update
   * (and in the ledger), so renaming an audience updates its issues' posts once.
   */
  public abstract String name();

  /** The show, feed and media folder the audience's episodes are published with. */
  public abstract FeedPublishingConfig publishing();

  /** The partner groups that see the audience's audio-update posts; at least one. */
  public abstract List<String> partnerGroupIds();

  /** The post audience: {@link #partnerGroupIds()}. */
  public Audience audience() {
    return Audience.ofGroups(partnerGroupIds());
  }

  @Value.Check
  void check() {
    if (!name().matches("[a-z0-9][a-z0-9-]{0,39}")) {
      throw new IllegalArgumentException("audience name must be 1-40 lower-case letters, digits and '-', such as "
          + "partners; was '" + name() + "'");
    }
    if (name().equals(DEFAULT_NAME)) {
      throw new IllegalArgumentException("audience name '" + DEFAULT_NAME + "' is reserved for the issue types without "
          + "an audience (publishing() and routing() of IssueAudioUpdatesConfig); choose another, such as partners");
    }
    if (partnerGroupIds().isEmpty()) {
      throw new IllegalArgumentException("audience " + name() + " names no partner group: add the groups its posts are "
          + "for with addPartnerGroupIds(...)");
    }
    for (String group : partnerGroupIds()) {
      TradingGridId.require("partner group id of audience " + name(), group);
    }
  }
}
