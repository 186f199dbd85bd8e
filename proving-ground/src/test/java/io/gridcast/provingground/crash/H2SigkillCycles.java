package io.gridcast.provingground.crash;

import io.gridcast.bridge.state.JdbcStateStore;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.provingground.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Crash cycles against the embedded H2 store, without HTTP: a fresh store directory, {@code kills}
 * lives of {@link LedgerHammer} each SIGKILLed a random 100-1500 ms after its JVM started (so
 * some die while H2 opens, recovers or migrates the schema), the store reopened and checked by
 * this JVM after every kill (as {@link CrashRecoveryTest} does), then one life that records a few
 * hundred entries and closes the store cleanly, then two more reopen-and-check rounds. A cycle is
 * corrupted when a reopen (here or in a worker) fails; it lost records when a record a worker saw
 * committed is missing or older after a reopen.
 *
 * <p>Also a program, for comparing H2 versions and settings (run it with the test class path,
 * one at a time, without Maven): options {@code --cycles N} (20), {@code --kills K} (11),
 * {@code --min-ms}/{@code --max-ms} (kill window, 100/1500), {@code --clean-records N} (300),
 * {@code --pause-micros N} (0), {@code --seed S}, {@code --work DIR} and {@code --url-settings
 * ";A=B"} (settings appended to EmbeddedH2's URL instead of opening through {@code h2File}). It
 * prints one line per cycle and {@code RESULT cycles=N corrupted=C cycles_losing_acked_records=L};
 * the directories of corrupted cycles are kept under the work directory.
 */
public final class H2SigkillCycles {

  /** What a series of cycles came to. */
  record Result(int cycles, int corrupted, int lost, List<String> failures) {
    @Override
    public String toString() {
      return "cycles=" + cycles + " corrupted=" + corrupted + " cycles_losing_acked_records=" + lost;
    }
  }

  private final int kills;
  private final int minMillis;
  private final int maxMillis;
  private final int cleanRecords;
  private final String settings;
  private final int pauseMicros;
  private final Path work;
  private final Random random;

  H2SigkillCycles(int kills, int minMillis, int maxMillis, int cleanRecords, int pauseMicros, String settings, Path work,
      long seed) {
    this.pauseMicros = pauseMicros;
    this.kills = kills;
    this.minMillis = minMillis;
    this.maxMillis = maxMillis;
    this.cleanRecords = cleanRecords;
    this.settings = settings;
    this.work = work;
    this.random = new Random(seed);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    H2SigkillCycles cycles = new H2SigkillCycles(
        Integer.parseInt(options.getOrDefault("--kills", "11")),
        Integer.parseInt(options.getOrDefault("--min-ms", "100")),
        Integer.parseInt(options.getOrDefault("--max-ms", "1500")),
        Integer.parseInt(options.getOrDefault("--clean-records", "300")),
        Integer.parseInt(options.getOrDefault("--pause-micros", "0")),
        options.getOrDefault("--url-settings", ""),
        Path.of(options.getOrDefault("--work", "target/h2-sigkill-cycles")),
        Long.parseLong(options.getOrDefault("--seed", Long.toString(System.nanoTime()))));
    long started = System.nanoTime();
    Result result = cycles.run(Integer.parseInt(options.getOrDefault("--cycles", "20")));
    System.out.println("RESULT " + result + " h2=" + org.h2.engine.Constants.FULL_VERSION + " settings='"
        + options.getOrDefault("--url-settings", "") + "' options=" + options + " wall_s="
        + (System.nanoTime() - started) / 1_000_000_000);
    System.exit(0);
  }

  Result run(int count) throws Exception {
    int corrupted = 0;
    int lost = 0;
    List<String> failures = new ArrayList<>();
    for (int cycle = 0; cycle < count; cycle++) {
      long started = System.nanoTime();
      Path dir = work.resolve("cycle-" + cycle);
      deleteTree(dir);
      List<String> losses = new ArrayList<>();
      String failure = null;
      long size = -1;
      try {
        cycle(cycle, dir, losses);
        size = Files.size(dir.resolve("gridcast-state.mv.db"));
      } catch (Corrupted e) {
        failure = "CORRUPT " + e.getMessage();
        corrupted++;
        keepEvidence(dir, cycle);
      }
      if (!losses.isEmpty()) {
        lost++;
        failure = (failure == null ? "" : failure + "; ") + "LOST " + losses.size() + " acknowledged records, first "
            + losses.get(0);
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      System.out.println("cycle " + cycle + " " + (failure == null ? "ok" : failure) + " (" + millis + " ms, file "
          + size / 1024 + " KiB)");
      System.out.flush();
      if (failure == null || !failure.startsWith("CORRUPT")) {
        deleteTree(dir);
      }
      if (failure != null) {
        failures.add("cycle " + cycle + ": " + failure);
      }
    }
    return new Result(count, corrupted, lost, List.copyOf(failures));
  }

  /** One cycle: throws {@link Corrupted}; adds acknowledged records found missing to {@code losses}. */
  private void cycle(int cycle, Path dir, List<String> losses) throws Exception {
    Map<String, Long> acked = new HashMap<>();
    for (int life = 1; life <= kills; life++) {
      long delay = minMillis + random.nextInt(maxMillis - minMillis + 1);
      try (ChildJvm worker = start(cycle, life, dir, -1)) {
        Thread.sleep(delay);
        if (!worker.isAlive()) {
          throw new Corrupted("life " + life + " ended by itself before its kill at " + delay + " ms: "
              + lastLog(cycle, life));
        }
        worker.kill();
        collectAcks(worker, acked);
      }
      check(dir, acked, losses, "after kill " + life + " (t+" + delay + "ms)");
    }
    int clean = kills + 1;
    try (ChildJvm worker = start(cycle, clean, dir, cleanRecords)) {
      int exit = worker.awaitExit(Duration.ofSeconds(120));
      collectAcks(worker, acked);
      if (exit != 0 || !worker.lines().contains("DONE")) {
        throw new Corrupted("the clean life exited " + exit + ": " + lastLog(cycle, clean));
      }
    }
    check(dir, acked, losses, "after the clean close");
    check(dir, acked, losses, "on the second reopen after the clean close");
  }

  private ChildJvm start(int cycle, int life, Path dir, int records) throws IOException {
    Files.deleteIfExists(log(cycle, life)); // ChildJvm appends; keep one life per log
    List<String> args = new ArrayList<>(List.of("--dir", dir.toString(), "--life", Integer.toString(life),
        "--records", Integer.toString(records), "--pause-micros", Integer.toString(pauseMicros)));
    if (!settings.isEmpty()) {
      args.addAll(List.of("--url-settings", settings));
    }
    return ChildJvm.start(logName(cycle, life), LedgerHammer.class,
        List.of("-Xmx128m", "-Dgridcast.hammer.group=" + LedgerHammer.GROUP_COMMIT), args);
  }

  private static String logName(int cycle, int life) {
    return "h2-cycles-" + cycle + "-life-" + life;
  }

  private static void collectAcks(ChildJvm worker, Map<String, Long> acked) {
    for (String line : worker.lines()) {
      if (line.startsWith("ACK ")) {
        String[] parts = line.split(" ");
        acked.merge(parts[1], Long.parseLong(parts[2]), Math::max);
      }
    }
  }

  /**
   * Reopens the store in this JVM and checks every acknowledged record is there, at least as new;
   * a missing one is added to {@code losses} and then expected no more.
   */
  private void check(Path dir, Map<String, Long> acked, List<String> losses, String when) {
    List<LedgerEntry> entries;
    try (JdbcStateStore store = LedgerHammer.open(dir, settings)) {
      entries = store.entries(LedgerHammer.FLOW);
    } catch (RuntimeException e) {
      throw new Corrupted(when + ": " + rootMessage(e));
    }
    Map<String, Long> stored = new HashMap<>();
    for (LedgerEntry entry : entries) {
      stored.put(entry.sourceKey(), Long.parseLong(entry.fingerprint()));
    }
    for (Map.Entry<String, Long> ack : acked.entrySet()) {
      Long seq = stored.get(ack.getKey());
      if (seq == null || seq < ack.getValue()) {
        losses.add(when + ": " + ack.getKey() + " acknowledged at seq " + ack.getValue() + ", stored " + seq);
        ack.setValue(seq == null ? -1 : seq);
      }
    }
  }

  private static String rootMessage(Throwable e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause.getCause() == null) {
        text.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
      }
    }
    return text.toString().replace('\n', ' ');
  }

  /** Where {@link ChildJvm} copies the life's output and standard error. */
  private static Path log(int cycle, int life) {
    return Path.of("target", "proving-ground", "logs", logName(cycle, life) + ".log");
  }

  private static String lastLog(int cycle, int life) {
    Path log = log(cycle, life);
    try {
      List<String> lines = Files.readAllLines(log);
      return lines.stream().filter(l -> l.contains("Exception") || l.contains("corrupted")).limit(3).toList()
          + " (" + log.toAbsolutePath() + ")";
    } catch (IOException e) {
      return "(no log " + log + ")";
    }
  }

  private void keepEvidence(Path dir, int cycle) {
    try {
      Path kept = work.resolve("corrupted-" + cycle + "-" + System.currentTimeMillis());
      if (Files.exists(dir)) {
        Files.move(dir, kept, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      System.out.println("could not keep " + dir + ": " + e);
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The store could not be opened, or a worker died by itself. */
  static final class Corrupted extends RuntimeException {
    Corrupted(String message) {
      super(message, null, false, false);
    }
  }
}
