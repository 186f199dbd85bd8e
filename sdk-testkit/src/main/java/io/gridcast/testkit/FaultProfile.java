package io.gridcast.testkit;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which faults a sandbox injects into its responses: latency, server errors, rate limiting,
 * connection resets and malformed bodies.
 *
 * <p>Immutable and thread-safe. Faults are deterministic: each non-exempt request draws from a
 * random stream derived from {@link #seed()} and the request's sequence number (counted from the
 * moment the profile was applied), so the same seed and the same sequence of requests produce the
 * same faults. Requests to {@linkplain Builder#exemptPath(String) exempt paths} get no faults and
 * do not advance the sequence. At most one of reset, 5xx, 429 and malformed body hits a request;
 * latency applies on top.
 *
 * <pre>{@code
 * sandbox.faults(FaultProfile.builder()
 *     .seed(42)
 *     .serverErrorRate(0.05)
 *     .rateLimitRate(0.02).retryAfterSeconds(1)
 *     .exemptPath("/api/token")
 *     .build());
 * }</pre>
 */
public final class FaultProfile {

  private static final FaultProfile NONE = builder().build();

  private final long seed;
  private final Duration fixedLatency;
  private final Duration latencyJitter;
  private final double serverErrorRate;
  private final double rateLimitRate;
  private final int retryAfterSeconds;
  private final double connectionResetRate;
  private final double malformedBodyRate;
  private final double latencySpikeRate;
  private final Duration latencySpike;
  private final Set<String> exemptPaths;

  private FaultProfile(Builder b) {
    this.seed = b.seed;
    this.fixedLatency = b.fixedLatency;
    this.latencyJitter = b.latencyJitter;
    this.serverErrorRate = b.serverErrorRate;
    this.rateLimitRate = b.rateLimitRate;
    this.retryAfterSeconds = b.retryAfterSeconds;
    this.connectionResetRate = b.connectionResetRate;
    this.malformedBodyRate = b.malformedBodyRate;
    this.latencySpikeRate = b.latencySpikeRate;
    this.latencySpike = b.latencySpike;
    this.exemptPaths = Set.copyOf(b.exemptPaths);
  }

  /** No faults at all: the default of every sandbox. */
  public static FaultProfile none() {
    return NONE;
  }

  /** A builder with every fault off; see {@link Builder} for the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with this profile's settings. */
  public Builder toBuilder() {
    var b = new Builder()
        .seed(seed)
        .latency(fixedLatency, latencyJitter)
        .serverErrorRate(serverErrorRate)
        .rateLimitRate(rateLimitRate)
        .retryAfterSeconds(retryAfterSeconds)
        .connectionResetRate(connectionResetRate)
        .malformedBodyRate(malformedBodyRate)
        .latencySpikes(latencySpikeRate, latencySpike);
    exemptPaths.forEach(b::exemptPath);
    return b;
  }

  /** Whether this profile injects nothing. */
  public boolean isNone() {
    return fixedLatency.isZero()
        && latencyJitter.isZero()
        && serverErrorRate == 0
        && rateLimitRate == 0
        && connectionResetRate == 0
        && malformedBodyRate == 0
        && (latencySpikeRate == 0 || latencySpike.isZero());
  }

  /** Seed of the fault stream. */
  public long seed() {
    return seed;
  }

  /** Latency added to every non-exempt response. */
  public Duration fixedLatency() {
    return fixedLatency;
  }

  /** Upper bound of the uniformly distributed extra latency. */
  public Duration latencyJitter() {
    return latencyJitter;
  }

  /** Share of requests answered with 500, 502 or 503. */
  public double serverErrorRate() {
    return serverErrorRate;
  }

  /** Share of requests answered with 429 and a {@code Retry-After} header. */
  public double rateLimitRate() {
    return rateLimitRate;
  }

  /** Value of the {@code Retry-After} header on injected 429s, in seconds. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Share of requests whose connection is closed without any response. */
  public double connectionResetRate() {
    return connectionResetRate;
  }

  /** Share of JSON responses whose body is cut in half (truncated JSON). */
  public double malformedBodyRate() {
    return malformedBodyRate;
  }

  /** Share of requests held back by an extra {@link #latencySpike()} (on top of the other latency). */
  public double latencySpikeRate() {
    return latencySpikeRate;
  }

  /** How long a latency spike holds a response back. */
  public Duration latencySpike() {
    return latencySpike;
  }

  /** Path prefixes that never get faults, e.g. {@code /api/token}. */
  public Set<String> exemptPaths() {
    return exemptPaths;
  }

  boolean isExempt(String path) {
    for (String prefix : exemptPaths) {
      if (path.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FaultProfile)) {
      return false;
    }
    FaultProfile other = (FaultProfile) o;
    return seed == other.seed
        && fixedLatency.equals(other.fixedLatency)
        && latencyJitter.equals(other.latencyJitter)
        && serverErrorRate == other.serverErrorRate
        && rateLimitRate == other.rateLimitRate
        && retryAfterSeconds == other.retryAfterSeconds
        && connectionResetRate == other.connectionResetRate
        && malformedBodyRate == other.malformedBodyRate
        && latencySpikeRate == other.latencySpikeRate
        && latencySpike.equals(other.latencySpike)
        && exemptPaths.equals(other.exemptPaths);
  }

  @Override
  public int hashCode() {
    return Objects.hash(seed, fixedLatency, latencyJitter, serverErrorRate, rateLimitRate,
        retryAfterSeconds, connectionResetRate, malformedBodyRate,
        latencySpikeRate, latencySpike, exemptPaths);
  }

  @Override
  public String toString() {
    return "FaultProfile{seed=" + seed
        + ", latency=" + fixedLatency.toMillis() + "ms+" + latencyJitter.toMillis() + "ms"
        + ", 5xx=" + serverErrorRate
        + ", 429=" + rateLimitRate + "(Retry-After " + retryAfterSeconds + "s)"
        + ", reset=" + connectionResetRate
        + ", malformed=" + malformedBodyRate
        + ", spikes=" + latencySpikeRate + "(" + latencySpike.toMillis() + "ms)"
        + ", exempt=" + exemptPaths + "}";
  }

  /**
   * Builds a {@link FaultProfile}. Defaults: seed 0, no latency, every rate 0, {@code
   * Retry-After} 1 second, no latency spikes, no exempt paths. Not thread-safe.
   */
  public static final class Builder {
    private long seed;
    private Duration fixedLatency = Duration.ZERO;
    private Duration latencyJitter = Duration.ZERO;
    private double serverErrorRate;
    private double rateLimitRate;
    private int retryAfterSeconds = 1;
    private double connectionResetRate;
    private double malformedBodyRate;
    private double latencySpikeRate;
    private Duration latencySpike = Duration.ZERO;
    private final Set<String> exemptPaths = new LinkedHashSet<>();

    private Builder() {}

    /** Seed of the deterministic fault stream. Default 0. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Latency of every non-exempt response: {@code fixed} plus a uniform draw in {@code [0,
     * jitter]}. Default none.
     *
     * @throws IllegalArgumentException if either is negative
     */
    public Builder latency(Duration fixed, Duration jitter) {
      if (fixed.isNegative() || jitter.isNegative()) {
        throw new IllegalArgumentException("latency must not be negative: fixed=" + fixed + ", jitter=" + jitter);
      }
      this.fixedLatency = fixed;
      this.latencyJitter = jitter;
      return this;
    }

    /** Share (0–1) of requests answered with 500, 502 or 503. Default 0. */
    public Builder serverErrorRate(double rate) {
      this.serverErrorRate = rate(rate, "serverErrorRate");
      return this;
    }

    /** Share (0–1) of requests answered with 429 and {@code Retry-After}. Default 0. */
    public Builder rateLimitRate(double rate) {
      this.rateLimitRate = rate(rate, "rateLimitRate");
      return this;
    }

    /**
     * {@code Retry-After} seconds on injected 429s. Default 1.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder retryAfterSeconds(int seconds) {
      if (seconds < 0) {
        throw new IllegalArgumentException("retryAfterSeconds must be >= 0, was " + seconds);
      }
      this.retryAfterSeconds = seconds;
      return this;
    }

    /** Share (0–1) of requests whose connection is closed without a response. Default 0. */
    public Builder connectionResetRate(double rate) {
      this.connectionResetRate = rate(rate, "connectionResetRate");
      return this;
    }

    /** Share (0–1) of JSON responses sent truncated. Default 0. */
    public Builder malformedBodyRate(double rate) {
      this.malformedBodyRate = rate(rate, "malformedBodyRate");
      return this;
    }

    /**
     * Holds a share (0–1) of requests back by {@code spike} before answering, on top of any
     * other latency and independently of the other faults: set {@code spike} past a client's
     * read timeout to make it give up on a request the sandbox still carries out. Default none.
     *
     * @throws IllegalArgumentException if the rate is outside 0–1 or the spike negative
     */
    public Builder latencySpikes(double rate, Duration spike) {
      if (spike.isNegative()) {
        throw new IllegalArgumentException("latency spike must not be negative, was " + spike);
      }
      this.latencySpikeRate = rate(rate, "latencySpikeRate");
      this.latencySpike = spike;
      return this;
    }

    /** Exempts every path starting with {@code pathPrefix}, e.g. {@code /api/token}. */
    public Builder exemptPath(String pathPrefix) {
      if (!pathPrefix.startsWith("/")) {
        throw new IllegalArgumentException("exempt path must start with '/': " + pathPrefix);
      }
      exemptPaths.add(pathPrefix);
      return this;
    }

    /**
     * Builds the profile.
     *
     * @throws IllegalArgumentException if the rates of reset, 5xx, 429 and malformed add up to
     *     more than 1
     */
    public FaultProfile build() {
      double sum = connectionResetRate + serverErrorRate + rateLimitRate + malformedBodyRate;
      if (sum > 1.0 + 1e-9) {
        throw new IllegalArgumentException("fault rates add up to " + sum + "; they must not exceed 1");
      }
      return new FaultProfile(this);
    }

    private static double rate(double rate, String name) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException(name + " must be between 0 and 1, was " + rate);
      }
      return rate;
    }
  }
}
