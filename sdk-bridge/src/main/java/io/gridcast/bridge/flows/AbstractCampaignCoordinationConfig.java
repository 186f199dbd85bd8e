package io.gridcast.bridge.flows;

import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.RunCaps;
import io.gridcast.bridge.policy.ConflictPolicy;
import io.gridcast.core.GridcastStyle;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Settings of {@link CampaignCoordinationFlow} (the generated {@code CampaignCoordinationConfig};
 * build with {@code CampaignCoordinationConfig.builder()}).
 *
 * <p>Defaults: every active campaign; flow name {@code campaign-coordination} (phases
 * {@code campaign-coordination.playlists}, {@code .kits}, {@code .calendars} and {@code .releases}); conflicts settled by
 * {@link ConflictPolicy#lastWriterWins()} (Spotify reports no edit time, so Trading Grid wins
 * unless a policy says otherwise); private playlists; partner posts (kit, launch calendar,
 * milestones) tagged {@code campaign};
 * no run caps. Immutable and thread-safe.
 */
@Value.Immutable
@GridcastStyle
abstract class AbstractCampaignCoordinationConfig {

  /** Only these campaigns; empty means every active campaign. */
  public abstract Set<String> campaignIds();

  /**
   * The flow's name; its phases are named {@code <name>.playlists}, {@code <name>.kits},
   * {@code <name>.calendars} and {@code <name>.releases}.
   * Default {@code campaign-coordination}; at most 50 characters.
   */
  @Value.Default
  public String flowName() {
    return "campaign-coordination";
  }

  /** Settles a field edited on both sides since the last sync (today: the campaign/playlist name). */
  @Value.Default
  public ConflictPolicy conflictPolicy() {
    return ConflictPolicy.lastWriterWins();
  }

  /** Whether the campaign playlists are public; default {@code false} (private). */
  @Value.Default
  public boolean publicPlaylists() {
    return false;
  }

  /** Tags of the posts written for partners (kit, calendar, milestones); default {@code campaign}. */
  @Value.Default
  public List<String> postTags() {
    return List.of("campaign");
  }

  /**
   * Where the text of the posts, comments and issues this flow writes comes from; default
   * {@link PostTemplates#english()}. Give {@code PostTemplates.builder().locale(Locale.GERMAN).build()}
   * for German, or a folder of the host's own templates.
   */
  @Value.Default
  public PostTemplates templates() {
    return PostTemplates.english();
  }

  /** Limits for each phase's run (items seen, remote writes); default {@link RunCaps#none()}. */
  @Value.Default
  public RunCaps caps() {
    return RunCaps.none();
  }

  @Value.Check
  void check() {
    if (flowName().length() > 50) {
      throw new IllegalArgumentException("flowName must be at most 50 characters (phase names are added), was " + flowName());
    }
    for (String id : campaignIds()) {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("campaignIds must not hold blank ids");
      }
    }
  }
}
