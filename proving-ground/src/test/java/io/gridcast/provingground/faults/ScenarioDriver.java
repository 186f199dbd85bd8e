package io.gridcast.provingground.faults;

import io.gridcast.bridge.RunReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives a {@link FlowScenario} on a {@link SandboxPair}: per stage, the change, then runs until
 * one run is quiet (nothing failed, stopped, skipped, created or updated) or {@code maxRuns} were
 * made. Runs follow each other at once, as an impatient scheduler would make them: that no request
 * reaches a sandbox before its {@code Retry-After} is the clients' doing, not the driver's.
 */
final class ScenarioDriver {

  private static final Pattern EXCEPTION = Pattern.compile("[A-Z][A-Za-z]*Exception");

  private final int maxRuns;

  ScenarioDriver(int maxRuns) {
    this.maxRuns = maxRuns;
  }

  /** What a stage took. */
  record StageOutcome(String stage, List<RunReport> runs, boolean converged) {

    /** Failed items recorded as dead letters over all runs of the stage. */
    int deadLettered() {
      return runs.stream().mapToInt(RunReport::deadLettered).sum();
    }
  }

  /** What a whole scenario took; {@code error} is set when a change or a run threw. */
  record Outcome(String flow, List<StageOutcome> stages, Throwable error) {

    boolean converged() {
      return error == null && stages.stream().allMatch(StageOutcome::converged);
    }

    int runs() {
      return stages.stream().mapToInt(s -> s.runs().size()).sum();
    }

    /** Runs per stage, e.g. {@code [7, 12]}. */
    List<Integer> runsPerStage() {
      return stages.stream().map(s -> s.runs().size()).toList();
    }

    int deadLettered() {
      return stages.stream().mapToInt(StageOutcome::deadLettered).sum();
    }

    /** Why runs stopped early, by exception name, e.g. {@code ServerException=5}. */
    Map<String, Integer> stopReasons() {
      Map<String, Integer> reasons = new TreeMap<>();
      for (StageOutcome s : stages) {
        for (RunReport r : s.runs()) {
          r.stoppedBecause().ifPresent(why -> reasons.merge(exceptionName(why), 1, Integer::sum));
        }
      }
      return reasons;
    }

    /** One line per stage for failure messages. */
    String describe() {
      StringBuilder out = new StringBuilder(flow);
      for (StageOutcome s : stages) {
        out.append("\n  stage '").append(s.stage()).append("': ").append(s.runs().size()).append(" runs, ")
            .append(s.converged() ? "converged" : "NOT converged");
        if (!s.runs().isEmpty()) {
          out.append("; last: ").append(s.runs().get(s.runs().size() - 1).summary());
        }
      }
      if (error != null) {
        out.append("\n  error: ").append(error);
      }
      return out.toString();
    }
  }

  Outcome drive(FlowScenario scenario, SandboxPair pair) {
    List<StageOutcome> stages = new ArrayList<>();
    try {
      scenario.prepare().accept(pair);
      for (FlowScenario.Stage stage : scenario.stages()) {
        stage.change().accept(pair);
        StageOutcome outcome = converge(stage, pair);
        stages.add(outcome);
        if (!outcome.converged()) {
          break; // later stages build on this one
        }
      }
      return new Outcome(scenario.name(), stages, null);
    } catch (RuntimeException | AssertionError e) {
      return new Outcome(scenario.name(), stages, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(scenario.name(), stages, e);
    }
  }

  private StageOutcome converge(FlowScenario.Stage stage, SandboxPair pair) throws InterruptedException {
    List<RunReport> runs = new ArrayList<>();
    while (runs.size() < maxRuns) {
      RunReport report = stage.run().apply(pair);
      runs.add(report);
      if (isQuiet(report)) {
        return new StageOutcome(stage.name(), runs, true);
      }
    }
    return new StageOutcome(stage.name(), runs, false);
  }

  /** A run that found nothing left to do: the flow has converged. */
  static boolean isQuiet(RunReport r) {
    return r.failed() == 0 && r.skipped() == 0 && r.created() == 0 && r.updated() == 0
        && r.stoppedBecause().isEmpty() && !r.leaseHeldElsewhere();
  }

  static String exceptionName(String stopReason) {
    Matcher m = EXCEPTION.matcher(stopReason);
    return m.find() ? m.group() : stopReason;
  }
}
