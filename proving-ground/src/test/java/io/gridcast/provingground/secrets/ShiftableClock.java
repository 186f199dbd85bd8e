package io.gridcast.provingground.secrets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system UTC clock plus an offset that only moves forward: given to a sandbox, {@link
 * #advance} makes every token it issued so far expired at once, while time keeps passing.
 * Thread-safe.
 */
final class ShiftableClock extends Clock {

  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  /** Moves this clock {@code by} ahead of the system clock, on top of earlier moves. */
  void advance(Duration by) {
    offset.accumulateAndGet(by, Duration::plus);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a shiftable clock is always UTC");
  }
}
