package io.gridcast.core.errors;

import java.time.Duration;
import java.util.Optional;

/**
 * 429 Too Many Requests (or a 503 with {@code Retry-After}) that Gridcast did not wait out:
 * either the retries were exhausted or the platform asked for a longer wait than the configured
 * maximum ({@code ResilienceConfig.maxRetryAfter}). {@link #retryAfter()} says how long the
 * platform asked the caller to wait before sending again.
 */
public class RateLimitedException extends ApiException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public RateLimitedException(
      int status, String method, String redactedUrl, ErrorDetails details, Duration retryAfter) {
    super(status, method, redactedUrl, details);
    this.retryAfter = retryAfter;
  }

  /** The wait the platform asked for, when it sent a parseable {@code Retry-After}. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
