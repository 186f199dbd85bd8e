package io.gridcast.testkit;

import java.time.Duration;

/**
 * The fault-profile options both standalone sandbox mains accept: {@code --fault-5xx R},
 * {@code --fault-429 R}, {@code --retry-after S}, {@code --fault-reset R},
 * {@code --fault-malformed R}, {@code --latency-ms N}, {@code --jitter-ms N}, {@code --spike-rate R}, {@code --spike-ms N},
 * {@code --fault-exempt PATH} and {@code --fault-seed S} (default: the sandbox's {@code --seed}).
 * Not thread-safe; one per command line.
 */
final class FaultOptions {

  /** The usage text of these options. */
  static final String USAGE = "[--fault-5xx R] [--fault-429 R] [--retry-after S] [--fault-reset R] [--fault-malformed R]"
      + " [--latency-ms N] [--jitter-ms N] [--spike-rate R] [--spike-ms N] [--fault-exempt PATH] [--fault-seed S]";

  private final FaultProfile.Builder faults = FaultProfile.builder();
  private Long faultSeed;
  private long latency;
  private long jitter;
  private double spikeRate;
  private long spike;

  /**
   * Takes one option with its value.
   *
   * @return whether the option was a fault option
   * @throws NumberFormatException for a malformed number
   */
  boolean accept(String option, String value) {
    switch (option) {
      case "--fault-seed": faultSeed = Long.parseLong(value); return true;
      case "--fault-5xx": faults.serverErrorRate(Double.parseDouble(value)); return true;
      case "--fault-429": faults.rateLimitRate(Double.parseDouble(value)); return true;
      case "--retry-after": faults.retryAfterSeconds(Integer.parseInt(value)); return true;
      case "--fault-reset": faults.connectionResetRate(Double.parseDouble(value)); return true;
      case "--fault-malformed": faults.malformedBodyRate(Double.parseDouble(value)); return true;
      case "--latency-ms": latency = Long.parseLong(value); return true;
      case "--jitter-ms": jitter = Long.parseLong(value); return true;
      case "--spike-rate": spikeRate = Double.parseDouble(value); return true;
      case "--spike-ms": spike = Long.parseLong(value); return true;
      case "--fault-exempt": faults.exemptPath(value); return true;
      default: return false;
    }
  }

  /** The profile, seeded with {@code --fault-seed} or else {@code sandboxSeed}. */
  FaultProfile build(long sandboxSeed) {
    return faults.seed(faultSeed != null ? faultSeed : sandboxSeed)
        .latency(Duration.ofMillis(latency), Duration.ofMillis(jitter))
        .latencySpikes(spikeRate, Duration.ofMillis(spike))
        .build();
  }
}
