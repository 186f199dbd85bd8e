package io.gridcast.provingground.faults;

import io.gridcast.bridge.RunReport;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One of the eight flows as this suite drives it on a {@link SandboxPair}: what people do in the
 * sandboxes before the first run ({@code prepare}), then stages, each a change people make
 * followed by runs of the flow until it has nothing left to do. Driving a reference pair without
 * faults and a hostile pair through the same scenario must end in the same state.
 *
 * @param name the flow's name, e.g. {@code episode-announcements}
 * @param prepare sandbox-side setup before the first run (no API calls, so no faults)
 * @param stages what happens, in order
 * @param feedFiles the podcast feed files the flow writes, relative to the pair's folder
 */
record FlowScenario(String name, Consumer<SandboxPair> prepare, List<Stage> stages, List<String> feedFiles) {

  FlowScenario {
    stages = List.copyOf(stages);
    feedFiles = List.copyOf(feedFiles);
  }

  /**
   * One step of a scenario: {@code change} (done on the sandboxes directly, like a person in the
   * web UI would) and then {@code run}, repeated until the flow converges.
   */
  record Stage(String name, Consumer<SandboxPair> change, Function<SandboxPair, RunReport> run) {

    /** A stage that changes nothing first. */
    static Stage runs(String name, Function<SandboxPair, RunReport> run) {
      return new Stage(name, pair -> { }, run);
    }
  }
}
