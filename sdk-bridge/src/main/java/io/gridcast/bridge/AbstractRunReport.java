package io.gridcast.bridge;

import io.gridcast.core.GridcastStyle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a run did (or, for {@link Bridge#plan}, would do). Generated as {@code RunReport};
 * immutable.
 *
 * <p>Counts: every item the source produced is {@code seen} and gets exactly one outcome, so
 * {@code seen == created + updated + unchanged + skipped + failed}. {@code deadLettered}
 * counts the failed items recorded as dead letters.
 */
@Value.Immutable
@GridcastStyle
abstract class AbstractRunReport {

  /** The name of the flow that ran. */
  public abstract String flow();

  /** This run's id (a random UUID). */
  public abstract String runId();

  /** Whether this was a plan: nothing was written anywhere. */
  public abstract boolean dryRun();

  /** When the run started, by the bridge's clock. */
  public abstract Instant startedAt();

  /** How long the run took; for a combined report, the phases' durations summed. */
  public abstract Duration duration();

  /** Items the source produced in this run; each has exactly one outcome. */
  public abstract int seen();

  /** Items created on the target in this run. */
  public abstract int created();

  /** Items whose target resource was updated in this run. */
  public abstract int updated();

  /** Items whose fingerprint matched the ledger, so nothing was written. */
  public abstract int unchanged();

  /** Items not processed in this run: beyond a per-run cap, or parked after too many failed runs. */
  public abstract int skipped();

  /** Items that failed in this run. */
  public abstract int failed();

  /** Failed items recorded as dead letters. */
  public abstract int deadLettered();

  /** Time spent per stage, summed over items. */
  public abstract Map<Stage, Duration> stageTimings();

  /** The first failures of the run (at most 100). */
  public abstract List<ItemFailure> failures();

  /** Set when the run stopped early, e.g. the target was unreachable or the lease was lost. */
  public abstract Optional<String> stoppedBecause();

  /** Set when another instance held the flow partition's lease: nothing was processed. */
  @Value.Default
  public boolean leaseHeldElsewhere() {
    return false;
  }

  /** The checkpoint committed last in this run, if any; for a staged flow, empty (each stage has its own). */
  public abstract Optional<String> checkpoint();

  /**
   * For a flow made {@linkplain Flow#inStages of stages}, one report per stage in the order they
   * ran (the counts above are their sums); empty for a single-stage flow.
   */
  public abstract List<RunReport> stages();

  /**
   * The report of the stage called {@code name}: its full name ({@code business-music.playlists})
   * or the part after the flow's name ({@code playlists}).
   *
   * @throws IllegalArgumentException if this run had no such stage, naming the stages it had
   */
  public RunReport stage(String name) {
    for (RunReport r : stages()) {
      String full = r.flow();
      if (full.equals(name) || (full.length() == flow().length() + 1 + name.length() && full.startsWith(flow())
          && full.endsWith(name))) {
        return r;
      }
    }
    throw new IllegalArgumentException("flow " + flow() + " has no stage " + name + "; its stages: "
        + stages().stream().map(RunReport::flow).toList());
  }

  /** A one-line summary for logs. */
  public String summary() {
    return String.format("%s%s: seen %d, created %d, updated %d, unchanged %d, skipped %d, failed %d"
            + " (dead-lettered %d) in %d ms%s",
        flow(), dryRun() ? " (plan)" : "", seen(), created(), updated(), unchanged(), skipped(), failed(),
        deadLettered(), duration().toMillis(),
        stoppedBecause().map(r -> "; stopped: " + r).orElse(leaseHeldElsewhere() ? "; lease held elsewhere" : ""));
  }

  /**
   * One report for a flow run in several stages (each stage a flow of its own): counts, stage
   * timings and durations summed, failures concatenated (first 100), stop reasons joined with
   * the stage names, identity (run id, start, dry run) from the first stage, and the stages'
   * reports kept as {@link #stages()}.
   *
   * @throws IllegalArgumentException if {@code reports} is empty
   */
  public static RunReport combine(String flowName, List<RunReport> reports) {
    if (reports.isEmpty()) {
      throw new IllegalArgumentException("no stage reports to combine for " + flowName);
    }
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
        .stages(reports)
        .build();
  }}
