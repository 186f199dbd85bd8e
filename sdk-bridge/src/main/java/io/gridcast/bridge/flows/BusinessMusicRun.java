package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunReport;
import java.util.List;
import java.util.Objects;

/**
 * The reports of one {@link BusinessMusicFlow#run}: one per phase, and their sum. Immutable.
 *
 * @param requests the request phase's report
 * @param playlists the playlist phase's report
 * @param notices the notice phase's report
 */
public record BusinessMusicRun(RunReport requests, RunReport playlists, RunReport notices) {

  public BusinessMusicRun {
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(playlists, "playlists");
    Objects.requireNonNull(notices, "notices");
  }

  /** The phases' reports in the order they ran. */
  public List<RunReport> reports() {
    return List.of(requests, playlists, notices);
  }

  /**
   * One report summing the phases (counts, timings, failures), named after the flow (the
   * configured {@code flowName}): what a caller that wants a single line logs. It stopped early
   * if any phase did.
   */
  public RunReport combined() {
    String phase = requests.flow();
    return RunReport.combine(phase.endsWith(".requests") ? phase.substring(0, phase.length() - ".requests".length()) : phase,
        reports());
  }

  
}
