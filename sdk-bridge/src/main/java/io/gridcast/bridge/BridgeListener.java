package io.gridcast.bridge;

import java.time.Duration;

/**
 * Observes runs, e.g. to feed a host's metrics (counters per outcome, timers per stage). All
 * methods have empty defaults. Called on the running thread; must be fast, thread-safe and
 * must not throw (exceptions are logged and ignored).
 */
public interface BridgeListener {

  default void onRunStarted(String flow, String runId, boolean dryRun) {}

  /** One item finished, after {@code elapsed} in all stages. */
  default void onItem(String flow, String runId, String sourceKey, Outcome outcome, Duration elapsed) {}

  default void onRunFinished(RunReport report) {}
}
