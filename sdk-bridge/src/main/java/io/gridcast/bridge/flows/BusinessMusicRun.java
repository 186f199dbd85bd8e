package io.gridcast.bridge.flows;

import io.gridcast.bridge.ItemFailure;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
    return combine(phase.endsWith(".requests") ? phase.substring(0, phase.length() - ".requests".length()) : phase,
        reports());
  }

  /** Sums reports of the phases of one flow into one report named {@code flowName}. */
  static RunReport combine(String flowName, List<RunReport> reports) {
    RunReport first = reports.get(0);
    Map<Stage, Duration> timings = new EnumMap<>(Stage.class);
    List<ItemFailure> failures = new ArrayList<>();
    List<String> stops = new ArrayList<>();
    int seen = 0;
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int skipped = 0;
    int failed = 0;
    int dead = 0;
    Duration duration = Duration.ZERO;
    boolean leaseHeld = false;
    for (RunReport r : reports) {
      seen += r.seen();
      created += r.created();
      updated += r.updated();
      unchanged += r.unchanged();
      skipped += r.skipped();
      failed += r.failed();
      dead += r.deadLettered();
      duration = duration.plus(r.duration());
      r.stageTimings().forEach((s, d) -> timings.merge(s, d, Duration::plus));
      failures.addAll(r.failures());
      r.stoppedBecause().ifPresent(why -> stops.add(r.flow() + ": " + why));
      leaseHeld |= r.leaseHeldElsewhere();
    }
    return RunReport.builder()
        .flow(flowName).runId(first.runId()).dryRun(first.dryRun()).startedAt(first.startedAt())
        .duration(duration).seen(seen).created(created).updated(updated).unchanged(unchanged)
        .skipped(skipped).failed(failed).deadLettered(dead).stageTimings(timings)
        .failures(failures.subList(0, Math.min(100, failures.size())))
        .stoppedBecause(stops.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", stops)))
        .leaseHeldElsewhere(leaseHeld)
        .build();
  }
}
