package io.gridcast.core.resilience;

import java.time.Duration;

/**
 * Observes a client's resilience decisions, e.g. to feed metrics. Methods are called on the
 * calling thread, must be fast and thread-safe, and must not throw (exceptions are logged and
 * ignored). URLs are already redacted.
 */
public interface ResilienceListener {

  /** A listener that does nothing. */
  ResilienceListener NONE = new ResilienceListener() {};

  /**
   * A retry was scheduled.
   *
   * @param attempt the attempt that failed, starting at 1
   * @param delay how long Gridcast waits before the next attempt
   * @param reason {@code "HTTP 503"}, {@code "HTTP 429"} or the I/O exception's class name
   */
  default void onRetry(String method, String redactedUrl, int attempt, Duration delay, String reason) {}

  /** The circuit breaker changed state. */
  default void onCircuitStateChange(CircuitState from, CircuitState to) {}

  /** The states of a client's circuit breaker. */
  enum CircuitState {
    CLOSED,
    OPEN,
    HALF_OPEN
  }
}
