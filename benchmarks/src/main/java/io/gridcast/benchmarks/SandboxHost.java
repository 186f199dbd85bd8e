package io.gridcast.benchmarks;

import io.gridcast.testkit.FaultProfile;
import io.gridcast.testkit.SpotifySandbox;
import io.gridcast.testkit.TradingGridSandbox;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Both sandboxes in a process of their own, so that the end-to-end harness measures the heap
 * of the syncing process alone. Arguments: the synthetic show sizes to serve (one show per
 * size, id {@link #showIdFor(int)}). Prints {@code READY <spotify base> <trading grid base>},
 * then answers {@code reset} (Trading Grid back to its demo data) and {@code latency N} (both
 * sandboxes answer every request, token endpoints included, N ms late: their {@link
 * FaultProfile} latency, as {@code --latency-ms N} sets it on the standalone sandboxes) with
 * {@code OK}, and stops on {@code quit} or end of input.
 *
 * <p>Each sandbox gets {@link #THREADS} worker threads: injected latency holds a worker while it
 * sleeps, and the default of {@code max(8, 4 × cores)} would make the sandbox itself the limit
 * once 8 requests are in flight.
 */
public final class SandboxHost {

  /** Worker threads per sandbox: well above the 8 requests in flight the harness sends. */
  static final int THREADS = 32;

  private SandboxHost() {}

  /** The id of the synthetic show with {@code episodes} episodes: 22 base-62 characters. */
  static String showIdFor(int episodes) {
    return String.format("benchShow%013d", episodes);
  }

  public static void main(String[] args) throws Exception {
    SpotifySandbox.Builder spotifyBuilder = SpotifySandbox.builder().tokenLifetime(Duration.ofHours(12)).threads(THREADS);
    for (String size : args) {
      spotifyBuilder.syntheticShow(showIdFor(Integer.parseInt(size)), Integer.parseInt(size));
    }
    try (SpotifySandbox spotify = spotifyBuilder.build();
        TradingGridSandbox tradingGrid = TradingGridSandbox.builder().tokenLifetime(Duration.ofHours(12)).threads(THREADS).start();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      System.out.println("READY " + spotify.baseUri() + " " + tradingGrid.baseUri());
      System.out.flush();
      for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
        if (line.equals("reset")) {
          tradingGrid.reset();
          System.out.println("OK");
        } else if (line.startsWith("latency ")) {
          long millis = Long.parseLong(line.substring("latency ".length()).trim());
          FaultProfile profile = millis == 0 ? FaultProfile.none()
              : FaultProfile.builder().latency(Duration.ofMillis(millis), Duration.ZERO).build();
          spotify.faults(profile);
          tradingGrid.faults(profile);
          System.out.println("OK");
        } else {
          System.out.println("ERROR unknown command " + line);
        }
        System.out.flush();
      }
    }
  }
}
