package io.gridcast.bridge;

import io.gridcast.bridge.state.Lease;
import io.gridcast.bridge.state.StateStore;
import io.gridcast.core.LogSafe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs flows continuously: each on its own interval (with jitter, so that instances started
 * together spread out) or {@linkplain Builder#on cron schedule}, on demand ({@link #trigger}), never twice at once in this worker, and
 * backing off while its platform fails. A thin loop over {@link Bridge#run}: several instances
 * sharing a PostgreSQL state store share the flows through the bridge's leases (a partition is run
 * by one instance at a time; the others find the lease held and wait for their next turn), so no
 * distributed scheduler is needed. Hosts that already schedule work (Quartz, db-scheduler, their
 * framework's scheduler) can call {@code bridge.run(flow)} from their own jobs instead.
 *
 * <pre>{@code
 * try (Worker worker = Worker.builder(bridge)
 *     .every(Duration.ofMinutes(5), EpisodeAnnouncementsFlow.create(spotify, tradingGrid, announcements))
 *     .every(Duration.ofMinutes(1), IssueAudioUpdatesFlow.create(spotify, tradingGrid, audioUpdates))
 *     .build()) {
 *   worker.start();
 *   ...                                   // the application runs
 *   worker.trigger("episode-announcements"); // e.g. from an admin endpoint
 * }                                       // close(): running flows stop at an item boundary, nothing lost
 * }</pre>
 *
 * <p>A {@link ChangeFeed} (such as the Trading Grid events feed) wakes flows between their runs:
 * {@link Builder#wakeOn} polls it, one instance at a time, and runs at once the flows it names;
 * their own intervals then act as the periodic reconciliation that catches anything it missed.
 *
 * <p>After a run that stopped early (its target unreachable, a state store failure), the flow's
 * next run waits {@code failureBackoff × 2^(n-1)} after the n-th such run in a row, at most {@code
 * maxBackoff} (and never less than its interval); a completed run resets the count. A run that
 * found the lease held elsewhere simply waits for its next turn. A trigger that arrives while the
 * flow runs makes it run once more right after, however many arrive.
 *
 * <p>Defaults: jitter 10 % of the interval; failure backoff 5 s doubling up to 15 minutes; 2 run
 * threads (daemon, named {@code gridcast-worker-N}); {@link #close()} waits 30 s for running
 * flows. Thread-safe. Not restartable: after {@link #close()} build a new worker.
 */
public final class Worker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

  private final Bridge bridge;
  private final Clock clock;
  private final Map<String, Entry> entries;
  private final Duration failureBackoff;
  private final Duration maxBackoff;
  private final Duration closeTimeout;
  private final ScheduledExecutorService timer;
  private final ExecutorService runners;
  private final List<Listener> listeners;
  private final List<FeedPoll> feeds;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean started;
  private boolean closed;

  private Worker(Builder b) {
    this.bridge = b.bridge;
    this.clock = bridge.clock();
    this.failureBackoff = b.failureBackoff;
    this.maxBackoff = b.maxBackoff;
    this.closeTimeout = b.closeTimeout;
    this.listeners = List.copyOf(b.listeners);
    Map<String, Entry> m = new LinkedHashMap<>();
    for (Schedule s : b.schedules) {
      m.put(s.flow.name(), new Entry(s));
    }
    this.entries = m;
    List<FeedPoll> f = new ArrayList<>();
    for (FeedSchedule fs : b.feeds) {
      f.add(new FeedPoll(fs));
    }
    this.feeds = List.copyOf(f);
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("gridcast-worker-timer", new AtomicInteger()));
    this.runners = Executors.newFixedThreadPool(b.threads, daemon("gridcast-worker-", new AtomicInteger(1)));
  }

  /**
   * A builder for a worker running flows on {@code bridge}.
   *
   * @throws NullPointerException if {@code bridge} is null
   */
  public static Builder builder(Bridge bridge) {
    return new Builder(Objects.requireNonNull(bridge, "bridge"));
  }

  /**
   * Schedules every flow's first run (after a random part of its jitter, so that instances
   * started together do not run in step).
   *
   * @throws IllegalStateException if the worker was started or closed already
   */
  public void start() {
    lock.lock();
    try {
      if (started || closed) {
        throw new IllegalStateException(closed ? "this worker is closed: build a new one" : "this worker is started already");
      }
      started = true;
      for (Entry e : entries.values()) {
        e.scheduleIn(e.schedule.cron != null ? e.untilNextFire() : jitter(e.schedule));
      }
      for (FeedPoll p : feeds) {
        timer.scheduleWithFixedDelay(p::poll, p.schedule.interval.toMillis(), p.schedule.interval.toMillis(),
            TimeUnit.MILLISECONDS);
      }
    } finally {
      lock.unlock();
    }
    LOG.info("worker started with {} flow(s): {}", entries.size(), entries.keySet());
  }

  /**
   * Runs the flow named {@code flowName} as soon as a run thread is free; if it is running now,
   * once more right after. Its next scheduled run moves to one interval after this run.
   *
   * @throws IllegalArgumentException if this worker runs no flow of that name
   * @throws IllegalStateException if the worker is not started or is closed
   */
  public void trigger(String flowName) {
    Entry e = entries.get(flowName);
    if (e == null) {
      throw new IllegalArgumentException("this worker runs no flow named " + LogSafe.quoted(flowName) + "; it runs "
          + entries.keySet());
    }
    lock.lock();
    try {
      if (!started || closed) {
        throw new IllegalStateException(closed ? "this worker is closed" : "start() the worker first");
      }
      e.scheduleIn(Duration.ZERO);
    } finally {
      lock.unlock();
    }
  }

  /** Whether the worker is started and not closed, so that {@link #trigger} runs flows. */
  public boolean isRunning() {
    lock.lock();
    try {
      return started && !closed;
    } finally {
      lock.unlock();
    }
  }

  /** What each flow did last and when it runs next, in the order the flows were added. */
  public List<FlowStatus> status() {
    lock.lock();
    try {
      List<FlowStatus> out = new ArrayList<>(entries.size());
      for (Entry e : entries.values()) {
        out.add(e.status());
      }
      return out;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops the worker: no new run starts; running flows are cancelled (their threads interrupted:
   * each stops at its next item, records what finished, and releases its lease, so nothing is lost
   * and the next run, here or on another instance, goes on from there); waits up to the close
   * timeout for them. Idempotent.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (Entry e : entries.values()) {
        e.cancelTimer();
      }
    } finally {
      lock.unlock();
    }
    timer.shutdownNow();
    runners.shutdownNow(); // interrupts running flows: each stops at an item boundary
    try {
      if (!runners.awaitTermination(closeTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("worker closed while a flow was still finishing its writes after {}; its lease expires by itself", closeTimeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("worker closed");
  }

  /**
   * One change feed: polled under its own lease (so that of several instances one polls at a time),
   * its position kept as the checkpoint of flow {@code <feed name>}, partition {@code default}.
   * The flows it names are woken before the position is saved: a crash in between wakes them once
   * more, never not at all.
   */
  private final class FeedPoll {
    final FeedSchedule schedule;

    FeedPoll(FeedSchedule schedule) {
      this.schedule = schedule;
    }

    void poll() {
      String name = schedule.feed.name();
      StateStore store = bridge.stateStore();
      Optional<Lease> lease;
      try {
        lease = store.tryAcquire(name, "default", bridge.instanceId(), schedule.interval.multipliedBy(4).plusSeconds(30));
      } catch (RuntimeException e) {
        LOG.warn("change feed {} not polled: the state store failed", name, EscapedThrowable.of(e));
        return;
      }
      if (lease.isEmpty()) {
        return; // another instance polls it now
      }
      try {
        ChangeFeed.Changes changes = schedule.feed.read(store.checkpoint(name, "default"));
        for (String flow : changes.flows()) {
          if (entries.containsKey(flow)) {
            LOG.debug("change feed {} wakes flow {}", name, flow);
            wake(flow);
          } else {
            LOG.debug("change feed {} names flow {}, which this worker does not run", name, LogSafe.quoted(flow));
          }
        }
        if (changes.position().isPresent()) {
          store.saveCheckpoint(lease.get(), changes.position().get());
        }
      } catch (RuntimeException e) {
        LOG.warn("polling change feed {} failed; it is polled again in {}", name, schedule.interval, EscapedThrowable.of(e));
      } finally {
        try {
          store.release(lease.get());
        } catch (RuntimeException e) {
          LOG.debug("releasing the lease of change feed {} failed; it expires by itself", name);
        }
      }
    }

    private void wake(String flow) {
      lock.lock();
      try {
        if (!closed) {
          entries.get(flow).scheduleIn(Duration.ZERO);
        }
      } finally {
        lock.unlock();
      }
    }
  }

  /** The time to the first run of {@code s}: a random part of its jitter. */
  private static Duration jitter(Schedule s) {
    long max = s.jitter.toMillis();
    return max <= 0 ? Duration.ZERO : Duration.ofMillis(ThreadLocalRandom.current().nextLong(max + 1));
  }

  private static ThreadFactory daemon(String prefix, AtomicInteger counter) {
    return r -> {
      Thread t = new Thread(r, prefix.endsWith("-") ? prefix + counter.getAndIncrement() : prefix);
      t.setDaemon(true);
      return t;
    };
  }

  /** One flow's schedule and state; guarded by the worker's lock. */
  private final class Entry {
    final Schedule schedule;
    ScheduledFuture<?> timerTask;
    Future<?> running;
    boolean again;
    int failuresInRow;
    RunReport last;
    Instant lastStartedAt;
    Instant nextRunAt;
    /** The cron schedule's time the next scheduled run is for, until it is scheduled. */
    Instant pendingFire;
    /** The cron schedule's time the last run started by the schedule was for. */
    Instant lastRunFire;
    /** The cron schedule's time the pending timer is for. */
    Instant scheduledFire;
    /** A time of the cron schedule whose timer a trigger cancelled, until the next run is planned. */
    Instant missedFire;

    Entry(Schedule schedule) {
      this.schedule = schedule;
    }

    /** (Re)schedules the next run {@code delay} from now; while running, marks it to run once more. */
    void scheduleIn(Duration delay) {
      if (closed) {
        return;
      }
      if (running != null && delay.isZero()) {
        again = true;
        return;
      }
      Instant fire = pendingFire; // what a cron schedule's timer run serves; null for a trigger or a retry
      pendingFire = null;
      if (fire == null && timerTask != null && scheduledFire != null) {
        missedFire = scheduledFire; // a trigger takes the place of the schedule's timer: remember its time
      }
      cancelTimer();
      scheduledFire = fire;
      nextRunAt = clock.instant().plus(delay);
      timerTask = timer.schedule(() -> submit(fire), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    void cancelTimer() {
      if (timerTask != null) {
        timerTask.cancel(false);
        timerTask = null;
      }
    }

    private void submit(Instant fire) {
      lock.lock();
      try {
        if (closed || running != null) {
          again |= running != null;
          return;
        }
        if (fire != null) {
          lastRunFire = fire;
        }
        scheduledFire = null;
        timerTask = null;
        nextRunAt = null;
        lastStartedAt = clock.instant();
        running = runners.submit(this::runOnce);
      } catch (RejectedExecutionException shutDown) {
        // closed meanwhile: nothing to run
      } finally {
        lock.unlock();
      }
    }

    private void runOnce() {
      RunReport report = null;
      RuntimeException failure = null;
      try {
        report = bridge.run(schedule.flow);
      } catch (RuntimeException e) {
        failure = e; // a bug in a source, mapper or sink that escaped the engine: back off, do not die
        LOG.error("flow {} failed outside the engine's handling; it runs again after a back-off", schedule.flow.name(),
            EscapedThrowable.of(e));
      }
      Duration next;
      lock.lock();
      try {
        running = null;
        last = report;
        boolean stopped = failure != null || (report != null && report.stoppedBecause().isPresent()
            && !report.stoppedBecause().get().contains(FlowRun.CANCELLED));
        failuresInRow = stopped ? failuresInRow + 1 : 0;
        next = again ? Duration.ZERO : nextDelay();
        again = false;
        if (!closed) {
          scheduleIn(next);
        }
      } finally {
        lock.unlock();
      }
      for (Listener l : listeners) {
        try {
          l.onRunFinished(schedule.flow.name(), report, next);
        } catch (RuntimeException e) {
          LOG.warn("worker listener failed", EscapedThrowable.of(e));
        }
      }
    }

    /**
     * The interval (with jitter) or the time to the cron schedule's next run; after runs that
     * stopped early, the back-off (for an interval, never less than the interval; for a cron
     * schedule, never more than the time to its next run).
     */
    private Duration nextDelay() {
      Duration base = schedule.cron != null ? untilNextFire() : schedule.interval.plus(jitter(schedule));
      if (failuresInRow == 0) {
        return base;
      }
      long factor = 1L << Math.min(failuresInRow - 1, 30);
      Duration backoff = failureBackoff.multipliedBy(factor);
      if (backoff.compareTo(maxBackoff) > 0 || backoff.isNegative()) {
        backoff = maxBackoff;
      }
      if (schedule.cron != null) {
        if (backoff.compareTo(base) < 0) {
          pendingFire = null; // a retry, not the schedule's run: that one still comes
          return backoff;
        }
        return base;
      }
      return backoff.compareTo(base) > 0 ? backoff : base;
    }

    /**
     * The time from now to the cron schedule's next run: its first time after now, and after the
     * time the last run served (a timer may fire a moment before that time on the clock).
     */
    Duration untilNextFire() {
      Instant now = clock.instant();
      Instant next;
      if (missedFire != null && !missedFire.isAfter(now) && (lastRunFire == null || missedFire.isAfter(lastRunFire))) {
        next = missedFire; // its timer gave way to a trigger and the time passed meanwhile: run it now
      } else {
        ZoneId zone = schedule.cron.zone();
        // after the last run's time in wall-clock terms too, so that an hour the clocks repeat runs once
        boolean afterLast = lastRunFire != null
            && !LocalDateTime.ofInstant(lastRunFire, zone).isBefore(LocalDateTime.ofInstant(now, zone));
        next = schedule.cron.next(afterLast ? lastRunFire : now);
        if (lastRunFire != null && !next.isAfter(lastRunFire)) {
          next = schedule.cron.next(lastRunFire);
        }
      }
      missedFire = null;
      pendingFire = next;
      Duration d = Duration.between(now, next);
      return d.isNegative() ? Duration.ZERO : d;
    }

    FlowStatus status() {
      Duration interval = schedule.interval;
      if (schedule.cron != null) {
        Instant next = schedule.cron.next(clock.instant());
        interval = Duration.between(next, schedule.cron.next(next));
      }
      return new FlowStatus(schedule.flow.name(), interval, running != null, Optional.ofNullable(lastStartedAt),
          Optional.ofNullable(last), failuresInRow, Optional.ofNullable(nextRunAt), Optional.ofNullable(schedule.cron));
    }
  }

  /**
   * One flow as a worker sees it.
   *
   * @param flow the flow's name
   * @param interval how often it runs when all is well (on a cron schedule, the time between its
   *     next two runs)
   * @param running whether it is running now
   * @param lastStartedAt when its last run started
   * @param lastReport the report of its last finished run
   * @param failuresInRow how many of its last runs in a row stopped early (its back-off grows with them)
   * @param nextRunAt when it runs next (empty while it runs, or once the worker is closed)
   * @param cron its cron schedule, when it runs on one rather than on an interval
   */
  public record FlowStatus(String flow, Duration interval, boolean running, Optional<Instant> lastStartedAt,
      Optional<RunReport> lastReport, int failuresInRow, Optional<Instant> nextRunAt, Optional<CronSchedule> cron) {}

  /** Told after each run a worker made, on the run's thread; implementations must be thread-safe. */
  @FunctionalInterface
  public interface Listener {

    /**
     * A run of {@code flow} finished.
     *
     * @param report its report, or null if the run failed outside the engine's handling
     * @param nextRunIn how long until the flow runs again
     */
    void onRunFinished(String flow, RunReport report, Duration nextRunIn);
  }

  /** A flow's schedule: an interval with jitter, or a cron schedule (then {@code interval} and {@code jitter} are zero). */
  private record Schedule(Flow<?, ?> flow, Duration interval, Duration jitter, CronSchedule cron) {}

  private record FeedSchedule(ChangeFeed feed, Duration interval) {}

  /** Builds a {@link Worker}; at least one flow is required. Not thread-safe. */
  public static final class Builder {
    private final Bridge bridge;
    private final List<Schedule> schedules = new ArrayList<>();
    private final List<Listener> listeners = new ArrayList<>();
    private final List<FeedSchedule> feeds = new ArrayList<>();
    private Duration failureBackoff = Duration.ofSeconds(5);
    private Duration maxBackoff = Duration.ofMinutes(15);
    private Duration closeTimeout = Duration.ofSeconds(30);
    private int threads = 2;

    private Builder(Bridge bridge) {
      this.bridge = bridge;
    }

    /**
     * Runs {@code flow} every {@code interval}, plus a random jitter of up to 10 % of it.
     *
     * @throws IllegalArgumentException if the interval is not positive or a flow of that name was added already
     */
    public Builder every(Duration interval, Flow<?, ?> flow) {
      Objects.requireNonNull(interval, "interval");
      return every(interval, interval.dividedBy(10), flow);
    }

    /**
     * Runs {@code flow} every {@code interval}, plus a random jitter of up to {@code jitter}.
     *
     * @throws IllegalArgumentException if the interval is not positive, the jitter negative, or a flow of
     *     that name was added already
     */
    public Builder every(Duration interval, Duration jitter, Flow<?, ?> flow) {
      Objects.requireNonNull(flow, "flow");
      if (interval == null || interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("the interval of flow " + flow.name() + " must be positive, was " + interval);
      }
      if (jitter == null || jitter.isNegative()) {
        throw new IllegalArgumentException("the jitter of flow " + flow.name() + " must not be negative, was " + jitter);
      }
      if (schedules.stream().anyMatch(s -> s.flow.name().equals(flow.name()))) {
        throw new IllegalArgumentException("a flow named " + flow.name() + " was added already: each flow runs on one schedule");
      }
      schedules.add(new Schedule(flow, interval, jitter, null));
      return this;
    }

    /**
     * Runs {@code flow} whenever {@code schedule} fires, e.g. {@code CronSchedule.parse("0 6 * * MON",
     * ZoneId.of("Europe/Berlin"))} for Mondays at 06:00; the first run is the schedule's next time
     * after {@link Worker#start()}, not at once. After a run that stopped early the flow runs again
     * after the failure back-off or at the schedule's next time, whichever comes first.
     *
     * @throws IllegalArgumentException if the schedule never fires or a flow of that name was added already
     */
    public Builder on(CronSchedule schedule, Flow<?, ?> flow) {
      Objects.requireNonNull(schedule, "schedule");
      Objects.requireNonNull(flow, "flow");
      try {
        schedule.next(Instant.now());
      } catch (IllegalStateException never) {
        throw new IllegalArgumentException("the schedule of flow " + flow.name() + " never fires: " + never.getMessage(), never);
      }
      if (schedules.stream().anyMatch(s -> s.flow.name().equals(flow.name()))) {
        throw new IllegalArgumentException("a flow named " + flow.name() + " was added already: each flow runs on one schedule");
      }
      schedules.add(new Schedule(flow, Duration.ZERO, Duration.ZERO, schedule));
      return this;
    }

    /**
     * Polls {@code feed} every {@code pollInterval} and runs at once the flows it names (each must
     * be added with {@link #every} or {@link #on}, whose schedule then acts as the periodic reconciliation that
     * catches anything the feed missed). Of several instances sharing a state store one polls at a
     * time; the feed's position is kept in the store.
     *
     * @throws IllegalArgumentException if the interval is not positive or a feed of that name was added already
     */
    public Builder wakeOn(ChangeFeed feed, Duration pollInterval) {
      Objects.requireNonNull(feed, "feed");
      if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
        throw new IllegalArgumentException("the poll interval of change feed " + feed.name() + " must be positive, was "
            + pollInterval);
      }
      if (feeds.stream().anyMatch(f -> f.feed.name().equals(feed.name()))) {
        throw new IllegalArgumentException("a change feed named " + feed.name() + " was added already");
      }
      feeds.add(new FeedSchedule(feed, pollInterval));
      return this;
    }

    /**
     * The back-off after a run that stopped early, doubled for each further one in a row, at most
     * {@code max}; defaults 5 s and 15 minutes.
     *
     * @throws IllegalArgumentException if either is not positive or {@code first} exceeds {@code max}
     */
    public Builder failureBackoff(Duration first, Duration max) {
      if (first == null || max == null || first.isNegative() || first.isZero() || first.compareTo(max) > 0) {
        throw new IllegalArgumentException("failureBackoff needs 0 < first <= max, was " + first + " and " + max);
      }
      this.failureBackoff = first;
      this.maxBackoff = max;
      return this;
    }

    /**
     * How many flows may run at once; default 2.
     *
     * @throws IllegalArgumentException if {@code threads} is not from 1 to 64
     */
    public Builder threads(int threads) {
      if (threads < 1 || threads > 64) {
        throw new IllegalArgumentException("threads must be from 1 to 64, was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * How long {@link Worker#close()} waits for cancelled runs to finish their writes; default 30 s.
     *
     * @throws IllegalArgumentException if it is negative
     */
    public Builder closeTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative()) {
        throw new IllegalArgumentException("closeTimeout must not be negative, was " + timeout);
      }
      this.closeTimeout = timeout;
      return this;
    }

    /**
     * Adds a listener told after each run; call again to add more.
     *
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder listener(Listener listener) {
      this.listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** @throws IllegalArgumentException when no flow was added */
    public Worker build() {
      if (schedules.isEmpty()) {
        throw new IllegalArgumentException("a worker needs at least one flow: call every(interval, flow) or on(schedule, flow)");
      }
      return new Worker(this);
    }
  }
}
