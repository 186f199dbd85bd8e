package io.gridcast.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.state.JdbcStateStore;
import io.gridcast.bridge.state.PostgresTestDatabase;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.core.errors.ErrorDetails;
import io.gridcast.core.errors.ServerException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The worker: flows on their intervals, on demand, one run of a flow at a time, backing off while
 * the target fails, stopping without losing anything, and several instances sharing one store.
 * Waits are bounded by timeouts; nothing asserts how fast the machine is.
 */
class WorkerTest {

  private static final long WAIT_SECONDS = 10;

  private final InMemoryStateStore store = new InMemoryStateStore();

  /** A target keyed by externalRef; a second create for one ref is a duplicate and fails the test. */
  private static final class Target implements Sink<String> {
    final Map<String, String> created = new ConcurrentHashMap<>();
    final List<String> duplicates = new CopyOnWriteArrayList<>();
    volatile boolean down;

    @Override
    public WriteResult create(String sourceKey, String item, String idempotencyKey, String externalRef, RunContext run) {
      if (down) {
        throw new ServerException(503, "POST", "https://target.example/items", ErrorDetails.none());
      }
      if (created.putIfAbsent(externalRef, item) != null) {
        duplicates.add(externalRef);
      }
      return WriteResult.of("t-" + externalRef, 1L);
    }

    @Override
    public WriteResult update(LedgerEntry existing, String item, RunContext run) {
      created.put(existing.sourceKey(), item);
      return WriteResult.of(existing.targetId(), 2L);
    }

    @Override
    public Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
      return Optional.ofNullable(created.get(externalRef)).map(i -> WriteResult.found("t-" + externalRef, 1L, null));
    }
  }

  private static Flow<String, String> flow(String name, Source<String> source, Mapper<String, String> mapper, Target target) {
    return Flow.<String, String>builder(name).source(source).key(i -> i).mapper(mapper).sink(target).maxInFlight(1).build();
  }

  private static Source<String> items(List<String> items) {
    return run -> List.of(Batch.of(List.copyOf(items)));
  }

  private Bridge bridge(String instance) {
    return Bridge.builder().stateStore(store).instanceId(instance).build();
  }

  @Test
  void runsEachFlowOnItsIntervalAndTellsTheListenersWhatItDid() throws Exception {
    Target target = new Target();
    CountDownLatch threeRuns = new CountDownLatch(3);
    List<RunReport> reports = new CopyOnWriteArrayList<>();
    try (Worker worker = Worker.builder(bridge("a"))
        .every(Duration.ofMillis(30), Duration.ZERO, flow("ticks", items(List.of("a", "b")), (i, run) -> i, target))
        .listener((flow, report, next) -> {
          reports.add(report);
          threeRuns.countDown();
        })
        .build()) {
      worker.start();

      assertThat(threeRuns.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(reports.get(0).created()).isEqualTo(2);
    assertThat(reports.subList(1, 3)).allSatisfy(r -> assertThat(r.unchanged()).isEqualTo(2));
    assertThat(target.duplicates).isEmpty();
  }

  @Test
  void aTriggerRunsTheFlowAtOnceAndTriggersDuringARunCoalesceIntoOneMoreRun() throws Exception {
    Target target = new Target();
    CountDownLatch inFirstRun = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger maxConcurrent = new AtomicInteger();
    Source<String> slowOnce = run -> {
      int now = concurrent.incrementAndGet();
      maxConcurrent.accumulateAndGet(now, Math::max);
      try {
        if (runs.incrementAndGet() == 1) {
          inFirstRun.countDown();
          release.await(WAIT_SECONDS, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        concurrent.decrementAndGet();
      }
      return List.of();
    };
    CountDownLatch twoRuns = new CountDownLatch(2);
    try (Worker worker = Worker.builder(bridge("a"))
        .every(Duration.ofHours(1), Duration.ZERO, flow("on-demand", slowOnce, (i, run) -> i, target))
        .listener((flow, report, next) -> twoRuns.countDown())
        .build()) {
      worker.start(); // no jitter: the first run starts at once

      assertThat(inFirstRun.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 5; i++) {
        worker.trigger("on-demand");
      }
      assertThat(worker.status()).singleElement().satisfies(s -> assertThat(s.running()).isTrue());
      release.countDown();

      assertThat(twoRuns.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(200); // long enough for a third run to show if the five triggers had queued up
      assertThat(runs.get()).isEqualTo(2);
      assertThat(maxConcurrent.get()).isEqualTo(1);
      assertThat(worker.status()).singleElement().satisfies(s -> {
        assertThat(s.nextRunAt()).isPresent(); // an interval after the second run
        assertThat(s.lastReport()).isPresent();
      });
    }
  }

  @Test
  void aFlowWhoseTargetIsDownBacksOffExponentiallyUpToTheMaximumAndRecovers() throws Exception {
    Target target = new Target();
    target.down = true;
    List<Duration> nextRuns = new CopyOnWriteArrayList<>();
    CountDownLatch fiveFailures = new CountDownLatch(5);
    CountDownLatch recovered = new CountDownLatch(1);
    try (Worker worker = Worker.builder(bridge("a"))
        .every(Duration.ofMillis(10), Duration.ZERO, flow("flaky", items(List.of("a")), (i, run) -> i, target))
        .failureBackoff(Duration.ofMillis(20), Duration.ofMillis(100))
        .listener((flow, report, next) -> {
          nextRuns.add(next);
          if (report.stoppedBecause().isPresent()) {
            fiveFailures.countDown();
          } else {
            recovered.countDown();
          }
        })
        .build()) {
      worker.start();
      assertThat(fiveFailures.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      assertThat(worker.status()).singleElement().satisfies(s -> assertThat(s.failuresInRow()).isGreaterThanOrEqualTo(5));

      target.down = false;
      assertThat(recovered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(nextRuns.subList(0, 5)).containsExactly(Duration.ofMillis(20), Duration.ofMillis(40),
        Duration.ofMillis(80), Duration.ofMillis(100), Duration.ofMillis(100));
    assertThat(nextRuns.get(nextRuns.size() - 1)).isEqualTo(Duration.ofMillis(10)); // back on its interval
    assertThat(target.created).containsOnlyKeys("a");
  }

  @Test
  void closingInTheMiddleOfARunStopsItAtAnItemBoundaryAndTheNextRunFinishesWithoutADuplicate() throws Exception {
    Target target = new Target();
    List<String> all = IntStream.range(0, 10).mapToObj(i -> "i" + i).toList();
    CountDownLatch atFourth = new CountDownLatch(1);
    AtomicBoolean slow = new AtomicBoolean(true);
    Mapper<String, String> slowAtFourth = (item, run) -> {
      if (slow.get() && item.equals("i3")) {
        atFourth.countDown();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!Thread.currentThread().isInterrupted() && System.nanoTime() < until) {
          Thread.onSpinWait();
        }
      }
      return item;
    };
    Flow<String, String> flow = flow("closing", items(all), slowAtFourth, target);
    List<RunReport> reports = new CopyOnWriteArrayList<>();
    Worker worker = Worker.builder(bridge("a")).every(Duration.ofHours(1), Duration.ZERO, flow)
        .listener((f, report, next) -> reports.add(report)).build();
    worker.start();
    assertThat(atFourth.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

    worker.close();

    assertThat(reports).singleElement().satisfies(r -> {
      assertThat(r.stoppedBecause()).hasValueSatisfying(why -> assertThat(why).startsWith("cancelled"));
      assertThat(r.created()).isEqualTo(4);
    });
    assertThat(store.entries("closing")).hasSize(4);
    assertThatThrownBy(() -> worker.trigger("closing")).isInstanceOf(IllegalStateException.class);

    slow.set(false);
    RunReport next = bridge("b").run(flow); // the lease was released: another instance goes on at once
    assertThat(next.created()).isEqualTo(6);
    assertThat(target.created).hasSize(10);
    assertThat(target.duplicates).isEmpty();
  }

  @Test
  void twoWorkersOnOneStoreShareAFlowAndCreateEveryItemOnce() throws Exception {
    Target target = new Target();
    List<String> items = new CopyOnWriteArrayList<>();
    Source<String> growing = run -> List.of(Batch.of(List.copyOf(items)));
    Flow<String, String> flow = Flow.<String, String>builder("shared").source(growing).key(i -> i).mapper((i, run) -> i)
        .sink(target).build();
    AtomicInteger heldElsewhere = new AtomicInteger();
    Worker.Listener counting = (f, report, next) -> {
      if (report.leaseHeldElsewhere()) {
        heldElsewhere.incrementAndGet();
      }
    };
    try (Worker a = Worker.builder(bridge("instance-a")).every(Duration.ofMillis(5), Duration.ZERO, flow)
            .listener(counting).build();
        Worker b = Worker.builder(bridge("instance-b")).every(Duration.ofMillis(5), Duration.ZERO, flow)
            .listener(counting).build()) {
      a.start();
      b.start();
      for (int i = 0; i < 200; i++) {
        items.add("item-" + i);
        if (i % 20 == 0) {
          Thread.sleep(5);
        }
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (target.created.size() < 200 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    }

    assertThat(target.created).hasSize(200);
    assertThat(target.duplicates).isEmpty();
    assertThat(store.entries("shared")).hasSize(200);
  }

  @Test
  void twoApplicationInstancesOnOnePostgresqlStoreShareTwoFlowsWithNoDuplicate() throws Exception {
    PostgresTestDatabase.requireReachable();
    String prefix = PostgresTestDatabase.uniquePrefix();
    Target announcements = new Target();
    Target notices = new Target();
    List<String> items = new CopyOnWriteArrayList<>();
    Source<String> growing = run -> List.of(Batch.of(List.copyOf(items)));
    try (JdbcStateStore storeA = JdbcStateStore.builder().postgres(PostgresTestDatabase.URL, PostgresTestDatabase.USER, null)
            .tablePrefix(prefix).build();
        JdbcStateStore storeB = JdbcStateStore.builder().postgres(PostgresTestDatabase.URL, PostgresTestDatabase.USER, null)
            .tablePrefix(prefix).build()) {
      List<Worker> workers = new ArrayList<>();
      for (var instance : List.of(Map.entry("instance-a", storeA), Map.entry("instance-b", storeB))) {
        Bridge bridge = Bridge.builder().stateStore(instance.getValue()).instanceId(instance.getKey()).build();
        workers.add(Worker.builder(bridge)
            .every(Duration.ofMillis(5), Duration.ZERO, flow("pg-announcements", growing, (i, run) -> i, announcements))
            .every(Duration.ofMillis(5), Duration.ZERO, flow("pg-notices", growing, (i, run) -> "notice " + i, notices))
            .build());
      }
      try {
        workers.forEach(Worker::start);
        for (int i = 0; i < 150; i++) {
          items.add("item-" + i);
          if (i % 10 == 0) {
            Thread.sleep(5);
          }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS * 3);
        while ((announcements.created.size() < 150 || notices.created.size() < 150) && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
      } finally {
        workers.forEach(Worker::close);
      }
      assertThat(storeA.entries("pg-announcements")).hasSize(150);
      assertThat(storeB.entries("pg-notices")).hasSize(150);
    } finally {
      PostgresTestDatabase.dropTables(prefix);
    }

    assertThat(announcements.created).hasSize(150);
    assertThat(notices.created).hasSize(150);
    assertThat(announcements.duplicates).isEmpty();
    assertThat(notices.duplicates).isEmpty();
  }

  @Test
  void aFlowOnACronScheduleFirstRunsWhenTheScheduleFiresNotAtOnce() throws Exception {
    // a clock 300 ms before a whole minute, so that "every minute" fires 300 ms after start
    Instant now = Instant.now();
    Instant minute = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    java.time.Clock clock = java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.between(now, minute.minusMillis(300)));
    Target target = new Target();
    CountDownLatch ran = new CountDownLatch(1);
    List<Duration> nextRunsIn = new CopyOnWriteArrayList<>();
    Bridge bridge = Bridge.builder().stateStore(store).clock(clock).build();
    CronSchedule everyMinute = CronSchedule.parse("* * * * *", java.time.ZoneOffset.UTC);
    try (Worker worker = Worker.builder(bridge)
        .on(everyMinute, flow("cron", items(List.of("a")), (i, run) -> i, target))
        .listener((f, report, next) -> {
          nextRunsIn.add(next);
          ran.countDown();
        })
        .build()) {
      worker.start();
      Worker.FlowStatus before = worker.status().get(0);
      assertThat(before.cron()).contains(everyMinute);
      assertThat(before.interval()).isEqualTo(Duration.ofMinutes(1));
      assertThat(before.nextRunAt()).hasValueSatisfying(t -> assertThat(t).isAfter(clock.instant()));
      assertThat(target.created).as("not run at start").isEmpty();

      assertThat(ran.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(target.created).containsKey("a");
    assertThat(nextRunsIn.get(0)).as("the next whole minute").isGreaterThan(Duration.ofSeconds(50))
        .isLessThanOrEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void aTriggerThatRunsOverTheScheduledTimeDoesNotCostTheScheduledRun() throws Exception {
    Instant now = Instant.now();
    Instant minute = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    java.time.Clock clock = java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.between(now, minute.minusMillis(300)));
    Target target = new Target();
    CountDownLatch twoRuns = new CountDownLatch(2);
    Source<String> slow = run -> {
      try {
        Thread.sleep(800); // the triggered run is still running when the minute turns
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return List.of(Batch.of(List.of("a")));
    };
    Bridge bridge = Bridge.builder().stateStore(store).clock(clock).build();
    try (Worker worker = Worker.builder(bridge)
        .on(CronSchedule.parse("* * * * *", java.time.ZoneOffset.UTC), flow("cron-triggered", slow, (i, run) -> i, target))
        .listener((f, report, next) -> twoRuns.countDown())
        .build()) {
      worker.start();
      worker.trigger("cron-triggered");

      assertThat(twoRuns.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the triggered run, then the minute's own").isTrue();
    }
  }

  @Test
  void aCronScheduleThatNeverFiresIsRefusedWhenTheFlowIsAdded() {
    Target target = new Target();
    assertThatThrownBy(() -> Worker.builder(bridge("a"))
        .on(CronSchedule.parse("0 0 31 2 *", java.time.ZoneOffset.UTC), flow("never", items(List.of()), (i, run) -> i, target)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never fires");
  }

  @Test
  void aChangeFeedWakesItsFlowWithinAPollAndKeepsItsPositionInTheStore() throws Exception {
    Target target = new Target();
    List<String> changes = new CopyOnWriteArrayList<>(); // the feed: one entry per change, its index the position
    List<Optional<String>> positionsRead = new CopyOnWriteArrayList<>();
    ChangeFeed feed = new ChangeFeed() {
      @Override
      public String name() {
        return "test-feed";
      }

      @Override
      public Changes read(Optional<String> position) {
        positionsRead.add(position);
        int from = position.map(Integer::parseInt).orElse(0);
        List<String> fresh = changes.subList(Math.min(from, changes.size()), changes.size());
        return new Changes(fresh.isEmpty() ? java.util.Set.of() : java.util.Set.of("woken", "not-run-here"),
            Optional.of(Integer.toString(changes.size())));
      }
    };
    List<RunReport> runs = new CopyOnWriteArrayList<>();
    CountDownLatch firstRun = new CountDownLatch(1);
    CountDownLatch woken = new CountDownLatch(2);
    try (Worker worker = Worker.builder(bridge("a"))
        .every(Duration.ofHours(1), Duration.ZERO, flow("woken", items(List.of("a")), (i, run) -> i, target))
        .wakeOn(feed, Duration.ofMillis(20))
        .listener((f, report, next) -> {
          runs.add(report);
          firstRun.countDown();
          woken.countDown();
        })
        .build()) {
      worker.start();
      assertThat(firstRun.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(100); // polls that find nothing wake nothing
      assertThat(runs).hasSize(1);

      changes.add("issue.resolved");
      assertThat(woken.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (!store.checkpoint("test-feed", "default").equals(Optional.of("1")) && System.nanoTime() < deadline) {
        Thread.sleep(5); // the position is saved right after the wake, on the poll's own thread
      }
    }

    assertThat(runs).hasSize(2);
    assertThat(store.checkpoint("test-feed", "default")).contains("1");
    assertThat(positionsRead).first().isEqualTo(Optional.empty());
    assertThat(positionsRead).contains(Optional.of("0"));
  }

  @Test
  void aChangeFeedThatFailsIsPolledAgainAndWakesNothingMeanwhile() throws Exception {
    Target target = new Target();
    AtomicInteger polls = new AtomicInteger();
    ChangeFeed failing = new ChangeFeed() {
      @Override
      public String name() {
        return "failing-feed";
      }

      @Override
      public Changes read(Optional<String> position) {
        polls.incrementAndGet();
        throw new ServerException(503, "GET", "https://target.example/events", ErrorDetails.none());
      }
    };
    AtomicInteger runs = new AtomicInteger();
    try (Worker worker = Worker.builder(bridge("a"))
        .every(Duration.ofHours(1), Duration.ZERO, flow("quiet", items(List.of()), (i, run) -> i, target))
        .wakeOn(failing, Duration.ofMillis(10))
        .listener((f, report, next) -> runs.incrementAndGet())
        .build()) {
      worker.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (polls.get() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    }

    assertThat(polls.get()).isGreaterThanOrEqualTo(3);
    assertThat(runs.get()).isEqualTo(1); // only the scheduled first run
    assertThat(store.checkpoint("failing-feed", "default")).isEmpty();
  }

  @Test
  void aWorkerIsBuiltWithFlowsOfDistinctNamesAndSaysWhatIsWrong() {
    Target target = new Target();
    Flow<String, String> f = flow("one", items(List.of()), (i, run) -> i, target);

    assertThatThrownBy(() -> Worker.builder(bridge("a")).build()).hasMessageContaining("at least one flow");
    assertThatThrownBy(() -> Worker.builder(bridge("a")).every(Duration.ZERO, f)).hasMessageContaining("must be positive");
    assertThatThrownBy(() -> Worker.builder(bridge("a")).every(Duration.ofSeconds(1), f).every(Duration.ofSeconds(2), f))
        .hasMessageContaining("was added already");
    assertThatThrownBy(() -> Worker.builder(bridge("a")).failureBackoff(Duration.ofMinutes(2), Duration.ofMinutes(1)))
        .hasMessageContaining("first <= max");
    try (Worker w = Worker.builder(bridge("a")).every(Duration.ofHours(1), f).build()) {
      assertThatThrownBy(() -> w.trigger("one")).hasMessageContaining("start()");
      w.start();
      assertThatThrownBy(w::start).hasMessageContaining("started already");
      assertThatThrownBy(() -> w.trigger("two")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[one]");
    }
  }
}
