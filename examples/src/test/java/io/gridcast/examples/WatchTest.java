package io.gridcast.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/run --watch}: a flow kept running on the embedded sandboxes, a change typed in
 * travelling across within seconds, and {@code quit} stopping it cleanly.
 */
class WatchTest {

  private static final long WAIT_SECONDS = 60;

  /** Output that a test can wait on, line by line. */
  private static final class Output extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      bytes.write(b);
      notifyAll();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      bytes.write(b, off, len);
      notifyAll();
    }

    synchronized String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }

    synchronized long count(Predicate<String> line) {
      return text().lines().filter(line).count();
    }

    /** Waits until {@code n} lines match. */
    synchronized void await(Predicate<String> line, long n) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (count(line) < n) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new AssertionError("waited " + WAIT_SECONDS + " s for " + n + " matching lines in:\n" + text());
        }
        wait(left);
      }
    }
  }

  @Test
  void aResolvedIssueTravelsAcrossWhileTheFlowIsWatchedAndQuitStopsIt(@TempDir Path dir) throws Exception {
    Output output = new Output();
    PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    PipedWriter typed = new PipedWriter();
    BufferedReader commands = new BufferedReader(new PipedReader(typed));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
        () -> Launcher.watch(new String[] {"--watch", "audio-updates", "--dir", dir.toString()}, out, Map.of(), commands));

    Predicate<String> createdOne = l -> l.contains("issue-audio-updates: created 1,");
    output.await(createdOne, 1); // the demo's own resolved process change, on the first run
    type(typed, "resolve");
    output.await(l -> l.startsWith("issue ") && l.contains("resolved"), 1);
    output.await(createdOne, 2); // the new issue, woken by its event or on the next interval
    type(typed, "status");
    output.await(l -> l.contains("issue-audio-updates") && l.contains("last: created"), 1);
    type(typed, "quit");

    assertThat(exit.get(WAIT_SECONDS, TimeUnit.SECONDS)).isZero();
    assertThat(output.text()).contains("watching [issue-audio-updates]", "stopped").doesNotContain("failed outside");
    assertThat(output.count(l -> l.contains("issue-audio-updates: created 2"))).isZero(); // never twice
  }

  @Test
  void aNewEpisodeIsAnnouncedWithinSecondsOfComingOut(@TempDir Path dir) throws Exception {
    Output output = new Output();
    PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    PipedWriter typed = new PipedWriter();
    BufferedReader commands = new BufferedReader(new PipedReader(typed));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
        () -> Launcher.watch(new String[] {"--watch", "episode-announcements", "--dir", dir.toString()}, out, Map.of(), commands));

    output.await(l -> l.contains("episode-announcements: created ") && !l.contains("created 0,"), 1); // the demo's episodes
    type(typed, "episode");
    output.await(l -> l.startsWith("episode ") && l.contains("is out"), 1);
    output.await(l -> l.contains("episode-announcements: created 1,"), 1); // the next run, within 5 s
    type(typed, "quit");

    assertThat(exit.get(WAIT_SECONDS, TimeUnit.SECONDS)).isZero();
    assertThat(output.text()).contains("stopped").doesNotContain("failed outside");
  }

  private static void type(PipedWriter typed, String command) throws IOException {
    typed.write(command + "\n");
    typed.flush();
  }
}
