package io.gridcast.spotify.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that only moves when the watcher sleeps, and records each sleep: no test waits for real. */
final class FakeTime extends Clock implements ReleaseWatcher.Sleeper {

  private volatile Instant now;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private volatile Runnable onSleep = () -> {};

  FakeTime(Instant start) {
    this.now = start;
  }

  /** Runs {@code action} at every sleep, e.g. to let the sandbox ingest the feed meanwhile. */
  FakeTime onSleep(Runnable action) {
    this.onSleep = action;
    return this;
  }

  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    now = now.plus(duration);
    onSleep.run();
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
