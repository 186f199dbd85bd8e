package io.gridcast.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * The faults a sandbox injects during one test (on a method) or during every test of a class (on
 * the class; a method's own annotation for the same sandbox replaces it). Each test starts with
 * exactly the faults its annotations ask for and none otherwise, even when an earlier test
 * changed them through {@code faults(...)} on an injected sandbox. Repeat the annotation to give
 * each sandbox its own faults.
 *
 * <pre>{@code
 * @Test
 * @SandboxFaults(sandbox = SandboxFaults.Target.SPOTIFY, rateLimitRate = 0.2, retryAfterSeconds = 1)
 * @SandboxFaults(sandbox = SandboxFaults.Target.TRADING_GRID, serverErrorRate = 0.1)
 * void keepsGoingWhenBothPlatformsStruggle(SpotifyClient spotify, TradingGridClient tradingGrid) { ... }
 * }</pre>
 *
 * <p>Rates are probabilities per request from 0 to 1; at most one of reset, 5xx, 429 and
 * malformed body hits a request, latency comes on top. Faults are deterministic for a {@link
 * #seed()}: see {@link io.gridcast.testkit.FaultProfile}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@java.lang.annotation.Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(SandboxFaults.List.class)
public @interface SandboxFaults {

  /** Which sandbox gets these faults. Default {@link Target#BOTH}. */
  Target sandbox() default Target.BOTH;

  /** Share of requests answered 500, 502 or 503. Default 0. */
  double serverErrorRate() default 0;

  /** Share of requests answered 429 with {@code Retry-After}. Default 0. */
  double rateLimitRate() default 0;

  /** The {@code Retry-After} of 429 answers, in seconds. Default 1. */
  int retryAfterSeconds() default 1;

  /** Share of requests whose connection is dropped before any answer. Default 0. */
  double connectionResetRate() default 0;

  /** Share of JSON answers cut in half. Default 0. */
  double malformedBodyRate() default 0;

  /** Latency added to every request, in milliseconds. Default 0. */
  long latencyMillis() default 0;

  /** Seed of the fault sequence. Default 0. */
  long seed() default 0;

  /**
   * Whether token requests are spared, so that faults hit API calls only. Default {@code true};
   * {@code false} tests how a client copes with a failing token endpoint too.
   */
  boolean exemptTokenEndpoint() default true;

  /** The sandbox a {@link SandboxFaults} applies to. */
  enum Target {
    SPOTIFY,
    TRADING_GRID,
    BOTH
  }

  /** Several {@link SandboxFaults} on one element; written by the compiler when the annotation repeats. */
  @Documented
  @Inherited
  @Retention(RetentionPolicy.RUNTIME)
  @java.lang.annotation.Target({ElementType.METHOD, ElementType.TYPE})
  @interface List {
    /** The repeated annotations. */
    SandboxFaults[] value();
  }
}
