package io.gridcast.core.resilience;

import io.gridcast.core.GridcastStyle;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a Gridcast client retries, breaks circuits, rate-limits and times out every HTTP call
 * (the generated {@code ResilienceConfig}; build with {@code ResilienceConfig.builder()}).
 *
 * <p>Defaults:
 *
 * <ul>
 *   <li>{@code maxRetries} 3 — retried on 5xx, 429 and I/O errors; {@code POST}/{@code PATCH}
 *       only when the request carries an {@code Idempotency-Key} header, except after a 429,
 *       which the platform answers without processing the request;
 *   <li>{@code baseDelay} 200 ms, doubling per attempt up to {@code maxDelay} 10 s, plus up to
 *       {@code jitter} 20 % extra (jitter only ever lengthens a wait);
 *   <li>{@code Retry-After} on 429 and 503 (seconds or HTTP-date) is honoured exactly: the retry
 *       is never sent sooner; a wait longer than {@code maxRetryAfter} (60 s) is not waited out
 *       and a {@code RateLimitedException} carrying the retry-after surfaces instead. Until the
 *       wait is over the client sends nothing at all: other calls, on any thread, wait too (or,
 *       when the rest of the wait exceeds {@code maxRetryAfter}, fail with a
 *       {@code RateLimitedException} without sending);
 *   <li>circuit breaker: on unless {@code breakerEnabled(false)}; opens after
 *       {@code breakerFailureThreshold} 5 consecutive failures (5xx or I/O; at most
 *       {@value #MAX_BREAKER_FAILURE_THRESHOLD}), half-opens after {@code breakerDelay} 30 s,
 *       closes after one success;
 *   <li>client-side rate limiter: off unless {@code rateLimitPerSecond} is set; a caller waits at
 *       most {@code rateLimitMaxWait} 10 s for a permit;
 *   <li>{@code attemptTimeout} 60 s per attempt (the thread is interrupted).
 * </ul>
 *
 * <p>Instances are immutable and thread-safe; the builder is not thread-safe. Each client
 * builds its own breaker and limiter from the config, so clients never share breaker state.
 */
@Value.Immutable
@GridcastStyle
abstract class AbstractResilienceConfig {

  /**
   * Retries after the first attempt; default 3, at least 0. Retried: 5xx, 429 and I/O errors;
   * {@code POST}/{@code PATCH} only with an {@code Idempotency-Key} header, or after a 429 (the
   * platform did not process the request).
   */
  @Value.Default
  public int maxRetries() {
    return 3;
  }

  /**
   * The first backoff delay, doubling per attempt up to {@link #maxDelay()}; default 200 ms; at
   * least zero.
   */
  @Value.Default
  public Duration baseDelay() {
    return Duration.ofMillis(200);
  }

  /** The longest backoff delay; default 10 s; at least {@link #baseDelay()}. */
  @Value.Default
  public Duration maxDelay() {
    return Duration.ofSeconds(10);
  }

  /** Extra random wait as a fraction of the backoff delay, 0 to 1. */
  @Value.Default
  public double jitter() {
    return 0.2;
  }

  /**
   * The longest {@code Retry-After} waited out; a longer one surfaces as a
   * {@code RateLimitedException} instead; default 60 s.
   */
  @Value.Default
  public Duration maxRetryAfter() {
    return Duration.ofSeconds(60);
  }

  /**
   * The largest {@link #breakerFailureThreshold()}: 1,000,000. The breaker keeps one bit per
   * counted failure, so a larger threshold costs memory on every client (at
   * {@code Integer.MAX_VALUE}, 256 MiB) for no benefit; to have no breaker at all, set
   * {@link #breakerEnabled()} to false.
   */
  public static final int MAX_BREAKER_FAILURE_THRESHOLD = 1_000_000;

  /**
   * Whether calls go through a circuit breaker; default true. When false no breaker is built
   * and {@link #breakerFailureThreshold()} and {@link #breakerDelay()} are ignored.
   */
  @Value.Default
  public boolean breakerEnabled() {
    return true;
  }

  /**
   * Consecutive failures (5xx or I/O) that open the circuit breaker; default 5, from 1 to
   * {@value #MAX_BREAKER_FAILURE_THRESHOLD}.
   */
  @Value.Default
  public int breakerFailureThreshold() {
    return 5;
  }

  /** How long an open circuit breaker waits before it half-opens; default 30 s. */
  @Value.Default
  public Duration breakerDelay() {
    return Duration.ofSeconds(30);
  }

  /** Permits per second of the client-side rate limiter; empty disables it. */
  public abstract Optional<Double> rateLimitPerSecond();

  /** The longest a caller waits for a rate-limiter permit; default 10 s. */
  @Value.Default
  public Duration rateLimitMaxWait() {
    return Duration.ofSeconds(10);
  }

  /** The deadline of one attempt (the thread is interrupted); default 60 s; must be positive. */
  @Value.Default
  public Duration attemptTimeout() {
    return Duration.ofSeconds(60);
  }

  /** The clock an HTTP-date {@code Retry-After} is measured against. */
  @Value.Default
  public Clock clock() {
    return Clock.systemUTC();
  }

  /** Receives retries and breaker state changes; they are also logged. */
  @Value.Default
  public ResilienceListener listener() {
    return ResilienceListener.NONE;
  }

  /**
   * No retries, no circuit breaker, no rate limiter: for callers that bring their own policy.
   * The other defaults stay (the 60 s {@code attemptTimeout}, honouring {@code Retry-After} for
   * later calls).
   */
  public static ResilienceConfig disabled() {
    return ResilienceConfig.builder().maxRetries(0).breakerEnabled(false).build();
  }

  @Value.Check
  void check() {
    if (maxRetries() < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries());
    }
    if (jitter() < 0 || jitter() > 1) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter());
    }
    if (breakerFailureThreshold() < 1 || breakerFailureThreshold() > MAX_BREAKER_FAILURE_THRESHOLD) {
      throw new IllegalArgumentException("breakerFailureThreshold must be between 1 and " + MAX_BREAKER_FAILURE_THRESHOLD
          + ", was " + breakerFailureThreshold() + ": to run without a circuit breaker, set breakerEnabled(false)");
    }
    if (baseDelay().isNegative() || maxDelay().compareTo(baseDelay()) < 0) {
      throw new IllegalArgumentException("baseDelay must be >= 0 and <= maxDelay");
    }
    if (attemptTimeout().isNegative() || attemptTimeout().isZero()) {
      throw new IllegalArgumentException("attemptTimeout must be positive");
    }
    rateLimitPerSecond().ifPresent(r -> {
      if (!(r > 0)) {
        throw new IllegalArgumentException("rateLimitPerSecond must be positive, was " + r);
      }
    });
  }
}
