package io.gridcast.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The parent's handle on a {@link SandboxHost} child process. */
final class SandboxProcess implements AutoCloseable {

  final URI spotifyBase;
  final URI tradingGridBase;
  private final Process process;
  private final BufferedReader out;
  private final Writer in;

  private SandboxProcess(Process process) throws IOException {
    this.process = process;
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    String ready = out.readLine();
    if (ready == null || !ready.startsWith("READY ")) {
      process.destroyForcibly();
      throw new IllegalStateException("the sandbox process did not start: " + ready);
    }
    String[] parts = ready.split(" ");
    this.spotifyBase = URI.create(parts[1]);
    this.tradingGridBase = URI.create(parts[2]);
  }

  static SandboxProcess start(List<Integer> sizes) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xms1g", "-Xmx1g", "-Dsun.net.httpserver.nodelay=true",
        "-cp", System.getProperty("java.class.path"), SandboxHost.class.getName()));
    sizes.forEach(s -> command.add(Integer.toString(s)));
    return new SandboxProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
  }

  /** Puts the Trading Grid sandbox back to its demo data (no posts from earlier runs). */
  void resetTradingGrid() throws IOException {
    command("reset");
  }

  /** Makes both sandboxes answer every request {@code millis} ms late (0: no injected latency). */
  void latency(int millis) throws IOException {
    command("latency " + millis);
  }

  private void command(String command) throws IOException {
    in.write(command + "\n");
    in.flush();
    String answer = out.readLine();
    if (!"OK".equals(answer)) {
      throw new IllegalStateException("the sandbox process did not do '" + command + "': " + answer);
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      in.write("quit\n");
      in.flush();
    } catch (IOException e) {
      // already gone
    }
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
