package io.gridcast.examples;

import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.Outcome;
import io.gridcast.bridge.RunReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * {@code examples/run <flow> [--reset] [--plan] [--serve] [--dir DIR]}, or {@code examples/run
 * --watch [flow…|all] [--reset] [--dir DIR]} to keep flows running ({@link Watch}): runs one flow as a script
 * on the embedded default (or on the real platforms when credentials are in the environment),
 * shows a progress line while it runs and a summary table at the end; with {@code --serve} the
 * embedded sandboxes stay up afterwards, their web views showing what the flow wrote, until the
 * process is stopped. Exit code 0 when no item failed, 1 when some did, 2 for bad usage.
 */
public final class Launcher {

  static final Path DEFAULT_DIR = Path.of(".gridcast");

  private Launcher() {}

  public static void main(String[] args) {
    if (List.of(args).contains("--watch")) {
      System.exit(watch(args, System.out, System.getenv(),
          new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))));
    }
    System.exit(run(args, System.out, System.getenv(), environment -> awaitStop()));
  }

  /**
   * {@code --watch [flow…|all] [--reset] [--dir DIR]}: the chosen flows (all when none is named)
   * run continuously until {@code commands} says {@code quit} or ends.
   */
  static int watch(String[] args, PrintStream out, Map<String, String> givenEnv, java.io.BufferedReader commands) {
    List<String> rest = new ArrayList<>(List.of(args));
    rest.remove("--watch");
    Map<String, String> env = new HashMap<>(givenEnv);
    if (!takeOption(rest, "--locale", "GRIDCAST_LOCALE", env, out) || !takeOption(rest, "--templates", "GRIDCAST_TEMPLATES", env, out)) {
      return 2;
    }
    boolean reset = rest.remove("--reset");
    Optional<Path> dirOption = takeDir(rest, out);
    if (dirOption.isEmpty()) {
      return 2;
    }
    Path dir = dirOption.get();
    List<Example> chosen = new ArrayList<>();
    if (rest.isEmpty() || rest.equals(List.of("all"))) {
      chosen.addAll(Examples.ALL);
    } else {
      for (String name : rest) {
        Optional<Example> e = Examples.named(name);
        if (e.isEmpty()) {
          out.println("unknown flow: " + name);
          usage(out);
          return 2;
        }
        chosen.add(e.get());
      }
    }
    try (Environment environment = Environment.open(dir, reset, env)) {
      out.println((environment.embedded() ? "embedded sandboxes" : "real platforms") + ", state in "
          + dir.toAbsolutePath().normalize());
      Bridge bridge = Bridge.builder().stateStore(environment.stateStore()).build();
      return Watch.run(chosen, environment, bridge, commands, out);
    }
  }

  static int run(String[] args, PrintStream out, Map<String, String> env) {
    return run(args, out, env, environment -> {});
  }

  /**
   * Runs as {@code main} does.
   *
   * @param whileServing with {@code --serve} on the embedded sandboxes, called after the summary with the environment
   *     still open; the sandboxes close when it returns ({@code main} waits until the process is stopped)
   */
  static int run(String[] args, PrintStream out, Map<String, String> givenEnv, Consumer<Environment> whileServing) {
    List<String> rest = new ArrayList<>(List.of(args));
    Map<String, String> env = new HashMap<>(givenEnv);
    if (!takeOption(rest, "--locale", "GRIDCAST_LOCALE", env, out) || !takeOption(rest, "--templates", "GRIDCAST_TEMPLATES", env, out)) {
      return 2;
    }
    boolean reset = rest.remove("--reset");
    boolean plan = rest.remove("--plan");
    boolean serve = rest.remove("--serve");
    Optional<Path> dirOption = takeDir(rest, out);
    if (dirOption.isEmpty()) {
      return 2;
    }
    Path dir = dirOption.get();
    if (rest.isEmpty() || rest.contains("--help") || rest.contains("-h")) {
      usage(out);
      return rest.isEmpty() ? 2 : 0;
    }
    if (rest.size() > 1) {
      out.println("unexpected arguments: " + rest.subList(1, rest.size()));
      usage(out);
      return 2;
    }
    Optional<Example> example = Examples.named(rest.get(0));
    if (example.isEmpty()) {
      out.println("unknown flow: " + rest.get(0));
      usage(out);
      return 2;
    }
    try (Environment environment = Environment.open(dir, reset, env)) {
      out.println((environment.embedded() ? "embedded sandboxes" : "real platforms") + ", state in "
          + dir.toAbsolutePath().normalize() + (plan ? " (plan: the flow writes nothing)" : ""));
      Progress progress = new Progress(out);
      Bridge bridge = Bridge.builder()
          .stateStore(environment.stateStore())
          .progressListener(progress)
          .build();
      RunReport report = run(example.get(), environment, bridge, plan);
      progress.finish();
      summary(out, report);
      if (serve) {
        serve(environment, out, whileServing);
      }
      return report.failed() == 0 && report.stoppedBecause().isEmpty() ? 0 : 1;
    }
  }

  /** Takes {@code option VALUE} out of {@code rest} into {@code env} as {@code variable}; false (having said why) without a value. */
  private static boolean takeOption(List<String> rest, String option, String variable, Map<String, String> env, PrintStream out) {
    int i = rest.indexOf(option);
    if (i < 0) {
      return true;
    }
    if (i + 1 >= rest.size()) {
      out.println(option + " needs a value");
      return false;
    }
    env.put(variable, rest.get(i + 1));
    rest.remove(i + 1);
    rest.remove(i);
    return true;
  }

  /**
   * Takes {@code --dir DIR} out of {@code rest}: the folder, {@link #DEFAULT_DIR} without the
   * option, or empty (having said why) when the folder is missing.
   */
  private static Optional<Path> takeDir(List<String> rest, PrintStream out) {
    int d = rest.indexOf("--dir");
    if (d < 0) {
      return Optional.of(DEFAULT_DIR);
    }
    if (d + 1 >= rest.size()) {
      out.println("--dir needs a folder");
      return Optional.empty();
    }
    Path dir = Path.of(rest.get(d + 1));
    rest.remove(d + 1);
    rest.remove(d);
    return Optional.of(dir);
  }

  /** Runs (or plans) the example's flow, with what the demo's people do before and after the run. */
  private static RunReport run(Example example, Environment environment, Bridge bridge, boolean plan) {
    Flow<?, ?> flow = example.flow(environment);
    if (plan) {
      return bridge.plan(flow);
    }
    example.beforeRun(environment);
    RunReport report = bridge.run(flow);
    if (example.afterRun(environment, report)) {
      report = bridge.run(flow);
    }
    return report;
  }

  /** Prints where the sandboxes' web views are and keeps the sandboxes up while {@code whileServing} runs. */
  private static void serve(Environment environment, PrintStream out, Consumer<Environment> whileServing) {
    out.println();
    if (!environment.embedded()) {
      out.println("--serve keeps the embedded sandboxes up; this run used the real platforms, so there is nothing to serve");
      return;
    }
    out.println("Trading Grid community view: " + environment.tradingGridSandbox().baseUri() + "/");
    out.println("Spotify view:                " + environment.spotifySandbox().baseUri() + "/");
    out.println("serving until you press Ctrl-C");
    out.flush();
    whileServing.accept(environment);
  }

  /** Blocks until the process is stopped (Ctrl-C); state is saved after every change, so nothing is lost. */
  private static void awaitStop() {
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String requiredEnv(String name) {
    String v = System.getenv(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + " is not set: it is needed when running against the real platforms");
    }
    return v;
  }

  private static void usage(PrintStream out) {
    out.println("usage: examples/run <flow> [--reset] [--plan] [--serve] [--dir DIR] [--locale TAG] [--templates DIR]");
    out.println("       examples/run --watch [flow...|all] [--reset] [--dir DIR] [--locale TAG] [--templates DIR]");
    out.println();
    out.println("Runs a Gridcast flow on the embedded sandboxes (state in ./.gridcast), or on the real");
    out.println("platforms when SPOTIFY_CLIENT_ID and the TRADINGGRID_* settings are in the environment.");
    out.println();
    out.println("flows:");
    for (Example e : Examples.ALL) {
      out.printf("  %-26s %s%n", e.name(), e.summary());
    }
    out.println();
    out.println("options:");
    out.println("  --reset     start afresh: wipe the sandboxes' state and the ledger together");
    out.println("  --plan      show what would happen without writing anything");
    out.println("  --serve     keep the sandboxes up after the run and print where their web views show what it did");
    out.println("  --dir DIR   keep state in DIR instead of ./.gridcast");
    out.println("  --locale TAG      write posts in this language (de: the German templates; default English)");
    out.println("  --templates DIR   your own templates, overriding Gridcast's (see the README, \"Post text: templates\")");
    out.println("  --watch     keep the flows running (every 5 s, and at once on Trading Grid events); type resolve,");
    out.println("              site, status or quit while they run");
  }

  static void summary(PrintStream out, RunReport r) {
    out.println();
    out.printf("%-12s %8s%n", "outcome", "items");
    out.printf("%-12s %8s%n", "------------", "--------");
    out.printf("%-12s %8d%n", "created", r.created());
    out.printf("%-12s %8d%n", "updated", r.updated());
    out.printf("%-12s %8d%n", "unchanged", r.unchanged());
    out.printf("%-12s %8d%n", "skipped", r.skipped());
    out.printf("%-12s %8d%n", "failed", r.failed());
    out.printf("%-12s %8d%n", "seen", r.seen());
    out.println();
    out.println(r.summary());
    r.stages().forEach(stage -> out.println("  " + stage.summary()));
    r.failures().stream().limit(10).forEach(f -> out.println("  failed " + f.sourceKey() + ": " + f.reason()));
  }

  /** A one-line progress display, redrawn in place. */
  static final class Progress implements io.gridcast.bridge.ProgressListener {
    private final PrintStream out;
    private int done;
    private boolean drawn;

    Progress(PrintStream out) {
      this.out = out;
    }

    @Override
    public void onItem(String flow, String sourceKey, Outcome outcome, int done, OptionalLong total) {
      this.done = done;
      if (done % 5 == 0 || (total.isPresent() && done == total.getAsLong())) {
        out.print("\r" + flow + ": " + done + (total.isPresent() ? "/" + total.getAsLong() : "") + " items, last "
            + outcome.name().toLowerCase() + " " + sourceKey + "        ");
        drawn = true;
      }
    }

    void finish() {
      if (drawn) {
        out.println("\r" + " ".repeat(100) + "\r" + done + " items processed");
      }
    }
  }
}
