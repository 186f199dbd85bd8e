package io.gridcast.core.resilience;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.Policy;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.failsafe.Timeout;
import dev.failsafe.TimeoutExceededException;
import dev.failsafe.event.CircuitBreakerStateChangedEvent;
import dev.failsafe.event.ExecutionScheduledEvent;
import io.gridcast.core.errors.CircuitOpenException;
import io.gridcast.core.errors.ErrorDetails;
import io.gridcast.core.errors.RateLimitedException;
import io.gridcast.core.errors.TransportException;
import io.gridcast.core.http.GridcastIOException;
import io.gridcast.core.http.Redaction;
import io.gridcast.core.http.RetryAfter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link ResilienceConfig} to every call through an OkHttp client, composing
 * Failsafe policies: retry ⟶ circuit breaker (unless disabled) ⟶ rate limiter ⟶ timeout. One
 * instance per client; thread-safe.
 */
public final class ResilienceInterceptor implements Interceptor {

  /** The header whose presence makes a POST or PATCH safe to retry. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /**
   * A request header that marks a call as never to be retried, whatever its method (a PUT that
   * moves items is not idempotent). It is removed before the request is sent.
   */
  public static final String NO_RETRY = "Gridcast-No-Retry";

  private static final Logger LOG = LoggerFactory.getLogger(ResilienceInterceptor.class);
  private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

  /** The request being executed on this thread, for the retry log line and listener. */
  private static final ThreadLocal<Request> CURRENT = new ThreadLocal<>();

  private final ResilienceConfig config;
  private final FailsafeExecutor<Response> retrying;
  private final FailsafeExecutor<Response> onlyWhenRateLimited;
  /**
   * {@link System#nanoTime()} before which this client sends nothing: the end of the last
   * {@code Retry-After} a 429 or 503 asked for. It holds back every call of the client, not only
   * the retry of the refused one, so that no request (a later run's, another thread's) reaches
   * the platform sooner than it asked.
   */
  private final AtomicLong quietUntil = new AtomicLong(System.nanoTime());

  public ResilienceInterceptor(ResilienceConfig config) {
    this.config = config;
    List<Policy<Response>> inner = new ArrayList<>();
    if (config.breakerEnabled()) {
      inner.add(CircuitBreaker.<Response>builder()
          .handleIf((r, ex) -> ex != null ? countsAgainstTheServer(ex) : r.code() >= 500)
          .withFailureThreshold(config.breakerFailureThreshold())
          .withSuccessThreshold(1)
          .withDelay(config.breakerDelay())
          .onOpen(e -> stateChanged(e, ResilienceListener.CircuitState.OPEN))
          .onHalfOpen(e -> stateChanged(e, ResilienceListener.CircuitState.HALF_OPEN))
          .onClose(e -> stateChanged(e, ResilienceListener.CircuitState.CLOSED))
          .build());
    }
    config.rateLimitPerSecond().ifPresent(rate -> inner.add(
        RateLimiter.<Response>smoothBuilder(Duration.ofNanos((long) (1_000_000_000L / rate)))
            .withMaxWaitTime(config.rateLimitMaxWait())
            .build()));
    inner.add(Timeout.<Response>builder(config.attemptTimeout()).withInterrupt().build());
    // built once and shared by every call: policies and executors are thread-safe
    this.retrying = Failsafe.with(withRetry(inner,
        (r, ex) -> ex != null ? isRetryableFailure(ex) : isRetryableStatus(r.code())));
    // A 429 means the platform refused the request without processing it, so even a call that
    // is not safe to repeat (a POST without a key, a PATCH) may be sent again after the wait.
    this.onlyWhenRateLimited = Failsafe.with(withRetry(inner, (r, ex) -> ex == null && r.code() == 429));
  }

  private List<Policy<Response>> withRetry(List<Policy<Response>> inner,
      dev.failsafe.function.CheckedBiPredicate<Response, Throwable> retryWhen) {
    RetryPolicy<Response> retry = RetryPolicy.<Response>builder()
        .handleIf(retryWhen)
        .abortIf(r -> r != null && retryAfter(r).map(d -> d.compareTo(config.maxRetryAfter()) > 0).orElse(false))
        .withMaxRetries(config.maxRetries())
        .withDelayFn(ctx -> delayFor(ctx.getAttemptCount(), ctx.getLastResult()))
        .onRetryScheduled(this::retryScheduled)
        .build();
    List<Policy<Response>> all = new ArrayList<>();
    all.add(retry);
    all.addAll(inner);
    return all;
  }

  private void stateChanged(CircuitBreakerStateChangedEvent e, ResilienceListener.CircuitState to) {
    ResilienceListener.CircuitState from = ResilienceListener.CircuitState.valueOf(e.getPreviousState().name());
    LOG.warn("circuit breaker {} -> {}", from, to);
    try {
      config.listener().onCircuitStateChange(from, to);
    } catch (RuntimeException ex) {
      LOG.warn("resilience listener failed on state change", ex);
    }
  }

  private void retryScheduled(ExecutionScheduledEvent<Response> e) {
    Request request = CURRENT.get(); // sync execution: the retry is scheduled on the calling thread
    String method = request == null ? "?" : request.method();
    String url = request == null ? "?" : Redaction.url(request.url());
    String reason = e.getLastException() != null
        ? e.getLastException().getClass().getSimpleName()
        : "HTTP " + e.getLastResult().code();
    LOG.info("retrying {} {} in {} ms after attempt {} ({})", method, url, e.getDelay().toMillis(), e.getAttemptCount(), reason);
    try {
      config.listener().onRetry(method, url, e.getAttemptCount(), e.getDelay(), reason);
    } catch (RuntimeException ex) {
      LOG.warn("resilience listener failed on retry", ex);
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    boolean retryable = IDEMPOTENT_METHODS.contains(request.method()) || request.header(IDEMPOTENCY_KEY) != null;
    if (request.header(NO_RETRY) != null) {
      retryable = false;
      request = request.newBuilder().removeHeader(NO_RETRY).build();
    }
    Request sent = request;
    Response[] previous = new Response[1];
    Request outer = CURRENT.get();
    CURRENT.set(request);
    boolean returned = false;
    try {
      Response result = (retryable ? retrying : onlyWhenRateLimited).get(() -> {
        if (previous[0] != null) {
          previous[0].close(); // the failed attempt's body is never read
          previous[0] = null;
        }
        if (chain.call().isCanceled()) {
          throw new IOException("Canceled");
        }
        awaitQuietPeriod(sent);
        Response r = chain.proceed(sent);
        previous[0] = r;
        retryAfter(r).ifPresent(this::keepQuietFor);
        return r;
      });
      returned = true;
      return result;
    } catch (CircuitBreakerOpenException e) {
      throw new GridcastIOException(new CircuitOpenException(
          "circuit breaker is open after repeated failures; " + request.method() + ' ' + Redaction.url(request.url())
              + " was not sent. It will try again after " + config.breakerDelay(), e));
    } catch (RateLimitExceededException e) {
      throw new GridcastIOException(new TransportException(
          "client-side rate limit: no permit within " + config.rateLimitMaxWait() + " for "
              + request.method() + ' ' + Redaction.url(request.url()) + "; lower the request rate or raise rateLimitMaxWait", e));
    } catch (TimeoutExceededException e) {
      throw new InterruptedIOException("attempt timed out after " + config.attemptTimeout());
    } catch (FailsafeException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException) {
        throw (IOException) cause;
      }
      if (cause instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting to retry");
      }
      throw e;
    } finally {
      if (!returned && previous[0] != null) {
        previous[0].close(); // a retry that never ran (open breaker, rate limit, interrupt) leaks nothing
      }
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  private void keepQuietFor(Duration wait) {
    Duration capped = wait.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : wait; // a date in 9999 must not overflow
    long until = System.nanoTime() + capped.toNanos();
    quietUntil.accumulateAndGet(until, (current, proposed) -> proposed - current > 0 ? proposed : current);
  }

  /**
   * Holds the attempt back until the platform's last {@code Retry-After} has passed; refuses it
   * without sending when that is further away than {@code maxRetryAfter}.
   */
  private void awaitQuietPeriod(Request request) throws IOException {
    long wait = quietUntil.get() - System.nanoTime();
    if (wait <= 0) {
      return;
    }
    if (wait > config.maxRetryAfter().toNanos()) {
      throw new GridcastIOException(new RateLimitedException(429, request.method(), Redaction.url(request.url()),
          ErrorDetails.of(null, "not sent: the platform asked this client to wait "
              + Duration.ofNanos(wait).toSeconds() + " s more, longer than maxRetryAfter " + config.maxRetryAfter(),
              null), Duration.ofNanos(wait)));
    }
    LOG.debug("holding {} {} back {} ms: the platform asked for a pause", request.method(),
        Redaction.url(request.url()), TimeUnit.NANOSECONDS.toMillis(wait));
    try {
      TimeUnit.NANOSECONDS.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting out a Retry-After");
    }
  }

  private static boolean isRetryableStatus(int code) {
    return code == 429 || code >= 500;
  }

  /** I/O failures and attempts that timed out, but not our own refusals or a cancelled call. */
  private static boolean isRetryableFailure(Throwable ex) {
    if (ex instanceof TimeoutExceededException) {
      return true;
    }
    return ex instanceof IOException && !(ex instanceof GridcastIOException) && !isCancellation(ex);
  }

  /** What the breaker counts: the server failing to answer, not the client giving up. */
  private static boolean countsAgainstTheServer(Throwable ex) {
    return isRetryableFailure(ex);
  }

  private static boolean isCancellation(Throwable ex) {
    return "Canceled".equals(ex.getMessage()) || "canceled".equals(ex.getMessage());
  }

  private Optional<Duration> retryAfter(Response r) {
    if (r.code() != 429 && r.code() != 503) {
      return Optional.empty();
    }
    return RetryAfter.parse(r.header("Retry-After"), config.clock());
  }

  /** Exponential backoff with upward-only jitter, but never shorter than Retry-After. */
  Duration delayFor(int attempts, Response last) {
    long base = config.baseDelay().toNanos();
    long backoff = base;
    for (int i = 1; i < attempts && backoff < config.maxDelay().toNanos(); i++) {
      backoff *= 2;
    }
    backoff = Math.min(backoff, config.maxDelay().toNanos());
    long jittered = backoff + (long) (backoff * config.jitter() * ThreadLocalRandom.current().nextDouble());
    Optional<Duration> asked = last == null ? Optional.empty() : retryAfter(last);
    if (asked.isPresent()) {
      return asked.get(); // exactly what the server asked: never sooner, and not needlessly later
    }
    return Duration.ofNanos(jittered);
  }
}
