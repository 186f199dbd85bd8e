package io.gridcast.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock for tests (UTC, or any zone through {@link #withZone}) that stands still until the test moves it: hand it to a sandbox, a state
 * store or a flow, then {@link #advance(Duration) advance} it to expire a lease or a token without
 * waiting. Thread-safe.
 */
public final class MutableClock extends Clock {

  private final AtomicReference<Instant> now;

  /** A clock that reads {@code start} until it is moved. */
  public MutableClock(Instant start) {
    this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
  }

  /** Moves the clock forward (or back, with a negative duration) by {@code duration}. */
  public void advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    now.updateAndGet(instant -> instant.plus(duration));
  }

  /** Sets the clock to {@code instant} (later or earlier than now). */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /**
   * This clock in {@code zone}: the same instant, moved with this clock whenever a test moves it
   * ({@code this} itself for UTC).
   */
  @Override
  public Clock withZone(ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    if (ZoneOffset.UTC.equals(zone)) {
      return this;
    }
    MutableClock source = this;
    return new Clock() {
      @Override
      public Instant instant() {
        return source.instant();
      }

      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return source.withZone(other);
      }
    };
  }
}
