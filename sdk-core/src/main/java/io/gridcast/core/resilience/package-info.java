/**
 * Retries, circuit breaking, rate limiting and timeouts on Failsafe, configured by one {@link
 * io.gridcast.core.resilience.ResilienceConfig} (defaults stated on its builder) and observed
 * through {@link io.gridcast.core.resilience.ResilienceListener}: exponential backoff with jitter
 * on 5xx, 429 and I/O errors, {@code Retry-After} honoured, non-idempotent calls retried only with
 * an idempotency key (or after a 429 the platform did not process).
 *
 * <p>{@link io.gridcast.core.resilience.ResilienceInterceptor} applies the config inside OkHttp;
 * applications normally get it through the clients' builders rather than directly.
 */
package io.gridcast.core.resilience;
