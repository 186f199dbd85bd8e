package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunReport;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link CampaignCoordinationFlow#run} did: a report per phase, their sum, and the
 * conflicts settled. Immutable.
 *
 * @param playlists the playlist phase's report
 * @param releases the release phase's report
 * @param conflicts the fields changed on both sides and how the policy settled each
 */
public record CampaignCoordinationRun(RunReport playlists, RunReport releases, List<SettledConflict> conflicts) {

  public CampaignCoordinationRun {
    Objects.requireNonNull(playlists, "playlists");
    Objects.requireNonNull(releases, "releases");
    conflicts = List.copyOf(conflicts);
  }

  /** The phase reports in order: playlists, then releases. */
  public List<RunReport> reports() {
    return List.of(playlists, releases);
  }

  /** One report summing both phases, named after the flow. */
  public RunReport combined() {
    String phase = playlists.flow();
    return RunReport.combine(phase.endsWith(".playlists")
        ? phase.substring(0, phase.length() - ".playlists".length()) : phase, reports());
  }
}
