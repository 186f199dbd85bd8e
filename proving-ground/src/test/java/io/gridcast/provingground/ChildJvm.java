package io.gridcast.provingground;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A separate JVM running one of this module's main classes with the test class path: a
 * standalone sandbox or a {@link SyncWorker}. Its standard output is collected line by line (and
 * copied, with its standard error, to {@code target/proving-ground/logs/<name>.log}); the test
 * waits for lines, kills the process with SIGKILL, or freezes and thaws it with SIGSTOP and
 * SIGCONT.
 */
public final class ChildJvm implements AutoCloseable {

  private static final Path LOGS = Path.of("target", "proving-ground", "logs");

  private final String name;
  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;

  private ChildJvm(String name, Process process) {
    this.name = name;
    this.process = process;
    this.reader = new Thread(this::readOutput, "child-" + name);
    this.reader.setDaemon(true);
    this.reader.start();
  }

  /**
   * Starts {@code mainClass} in a new JVM with this JVM's class path.
   *
   * @param name a file-name-safe label for the log file and messages
   */
  public static ChildJvm start(String name, Class<?> mainClass, List<String> jvmOptions, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1"); // these JVMs live seconds: start fast rather than peak
    command.add("-Xshare:auto");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(args);
    try {
      Files.createDirectories(LOGS);
      Path log = LOGS.resolve(name + ".log");
      Process process = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      return new ChildJvm(name, process);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  private void readOutput() {
    Path log = LOGS.resolve(name + ".log");
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.write(line);
        out.write('\n');
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // the process was killed: its output simply ends
    } finally {
      synchronized (lines) {
        lines.notifyAll();
      }
    }
  }

  /** The process id. */
  public long pid() {
    return process.pid();
  }

  /** Every line printed so far. */
  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /**
   * Waits for the first line matching {@code wanted} (already printed or printed later).
   *
   * @throws AssertionError if none came within {@code timeout} or the process ended without one
   */
  public String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int seen = 0;
    synchronized (lines) {
      while (true) {
        for (; seen < lines.size(); seen++) {
          if (wanted.test(lines.get(seen))) {
            return lines.get(seen);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(name + " printed no awaited line within " + timeout + "; last lines: " + tail());
        }
        if (!process.isAlive() && !reader.isAlive()) {
          throw new AssertionError(name + " ended (exit " + process.exitValue() + ") without the awaited line; last lines: "
              + tail() + " (see " + LOGS.resolve(name + ".log") + ")");
        }
        lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
      }
    }
  }

  private List<String> tail() {
    return lines.subList(Math.max(0, lines.size() - 5), lines.size());
  }

  /** Kills the process with SIGKILL (no shutdown hooks run) and waits until it is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError(name + " survived SIGKILL for 30 s");
    }
    reader.join(5_000);
  }

  /** Freezes the process (SIGSTOP): it holds its lease, sockets and state but runs nothing. */
  public void freeze() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** Lets a {@linkplain #freeze() frozen} process run again (SIGCONT). */
  public void thaw() throws IOException, InterruptedException {
    signal("CONT");
  }

  private void signal(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
    }
  }

  /**
   * Waits for the process to exit by itself.
   *
   * @return its exit status
   * @throws AssertionError if it is still running after {@code timeout}
   */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(name + " still running after " + timeout + "; last lines: " + lines().subList(
          Math.max(0, lines().size() - 5), lines().size()));
    }
    reader.join(5_000);
    return process.exitValue();
  }

  /** Whether the process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the process if it still runs (SIGCONT first, so that a frozen one can die cleanly). */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      try {
        thaw();
      } catch (IOException | RuntimeException e) {
        // it is killed below anyway
      }
      kill();
    }
  }

  @Override
  public String toString() {
    return "ChildJvm{" + name + ", pid " + process.pid() + "}";
  }
}
