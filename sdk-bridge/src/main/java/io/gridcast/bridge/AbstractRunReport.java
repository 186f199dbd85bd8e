package io.gridcast.bridge;

import io.gridcast.core.GridcastStyle;
import java.time.Duration;
import java.time.Instant;
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
public abstract class AbstractRunReport {

  public abstract String flow();

  public abstract String runId();

  /** Whether this was a plan: nothing was written anywhere. */
  public abstract boolean dryRun();

  public abstract Instant startedAt();

  public abstract Duration duration();

  public abstract int seen();

  public abstract int created();

  public abstract int updated();

  public abstract int unchanged();

  public abstract int skipped();

  public abstract int failed();

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

  /** The checkpoint committed last in this run, if any. */
  public abstract Optional<String> checkpoint();

  /** A one-line summary for logs. */
  public String summary() {
    return String.format("%s%s: seen %d, created %d, updated %d, unchanged %d, skipped %d, failed %d"
            + " (dead-lettered %d) in %d ms%s",
        flow(), dryRun() ? " (plan)" : "", seen(), created(), updated(), unchanged(), skipped(), failed(),
        deadLettered(), duration().toMillis(),
        stoppedBecause().map(r -> "; stopped: " + r).orElse(leaseHeldElsewhere() ? "; lease held elsewhere" : ""));
  }
}
