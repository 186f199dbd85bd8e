package io.gridcast.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.core.errors.ErrorDetails;
import io.gridcast.core.errors.ServerException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What sources, mappers and sinks see of a run ({@link RunContext}, {@link Snapshot}), flows made
 * of stages, and cancelling a run by interrupting its thread.
 */
class RunContextAndStagesTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

  private final InMemoryStateStore store = new InMemoryStateStore();
  private final Bridge bridge = Bridge.builder().stateStore(store).clock(CLOCK).build();

  /** Writes items into a map by externalRef; a key in {@code failing} fails with a 503 (a systemic failure). */
  private static final class MapSink implements Sink<String> {
    final Map<String, String> written = new ConcurrentHashMap<>();
    final Set<String> failing = ConcurrentHashMap.newKeySet();

    @Override
    public WriteResult create(String sourceKey, String item, String idempotencyKey, String externalRef, RunContext run) {
      if (failing.contains(sourceKey)) {
        throw new ServerException(503, "POST", "https://target.example/items", ErrorDetails.none());
      }
      written.put(externalRef, item);
      return WriteResult.of("t-" + externalRef, 1L);
    }

    @Override
    public WriteResult update(LedgerEntry existing, String item, RunContext run) {
      written.put(existing.sourceKey(), item);
      return WriteResult.of(existing.targetId(), 2L);
    }

    @Override
    public Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
      return Optional.ofNullable(written.get(externalRef)).map(i -> WriteResult.of("t-" + externalRef, 1L));
    }
  }

  private static Flow<String, String> stage(String name, List<String> items, Mapper<String, String> mapper, Sink<String> sink) {
    return Flow.<String, String>builder(name).source(run -> List.of(Batch.of(items))).key(i -> i).mapper(mapper)
        .sink(sink).maxInFlight(1).lookup(key -> items.contains(key) ? Optional.of(key) : Optional.empty()).build();
  }

  @Test
  void aSnapshotIsLoadedOncePerRunAndSharedByEveryItemAndStage() {
    AtomicInteger loads = new AtomicInteger();
    Snapshot<String> directory = Snapshot.of("directory", () -> "directory#" + loads.incrementAndGet());
    MapSink sink = new MapSink();
    Mapper<String, String> mapper = (item, run) -> item + " for " + run.snapshot(directory);
    Flow<?, ?> flow = Flow.inStages("shared", List.of(stage("shared.one", List.of("a", "b", "c"), mapper, sink),
        stage("shared.two", List.of("d", "e"), mapper, sink)));

    RunReport first = bridge.run(flow);

    assertThat(first.created()).isEqualTo(5);
    assertThat(loads.get()).isEqualTo(1);
    assertThat(sink.written.values()).containsOnly("a for directory#1", "b for directory#1", "c for directory#1",
        "d for directory#1", "e for directory#1");

    bridge.run(flow); // a new run reads its own snapshot (and finds every item changed)
    assertThat(loads.get()).isEqualTo(2);
    assertThat(sink.written.get("d")).isEqualTo("d for directory#2");
  }

  @Test
  void aSnapshotLoadThatFailsIsNotKeptSoTheNextUseTriesAgain() {
    AtomicInteger calls = new AtomicInteger();
    Snapshot<String> flaky = Snapshot.of("flaky", () -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("not yet");
      }
      return "loaded";
    });
    RunContext run = RunContext.detached("preview", CLOCK);

    assertThatThrownBy(() -> run.snapshot(flaky)).hasMessage("not yet");
    assertThat(run.snapshot(flaky)).isEqualTo("loaded");
    assertThat(run.snapshot(flaky)).isEqualTo("loaded");
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void aSnapshotWhoseLoaderReturnsNullIsRefusedByName() {
    RunContext run = RunContext.detached("preview", CLOCK);

    assertThatThrownBy(() -> run.snapshot(Snapshot.of("partner directory", () -> null)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("partner directory");
    assertThatThrownBy(() -> Snapshot.of(" ", () -> "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sourcesAndMappersSeeTheRunTheyServe() {
    List<RunContext> seen = new CopyOnWriteArrayList<>();
    MapSink sink = new MapSink();
    Flow<String, String> flow = Flow.<String, String>builder("observed")
        .partition("emea")
        .source(run -> {
          seen.add(run);
          return List.of(Batch.of(List.of("a"), "page-1", null));
        })
        .key(i -> i)
        .mapper((item, run) -> {
          seen.add(run);
          return item;
        })
        .sink(sink)
        .build();

    RunReport first = bridge.run(flow);
    RunReport plan = bridge.plan(flow);

    RunContext source = seen.get(0);
    assertThat(source.flow()).isEqualTo("observed");
    assertThat(source.partition()).isEqualTo("emea");
    assertThat(source.checkpoint()).isEmpty();
    assertThat(source.clock()).isSameAs(CLOCK);
    assertThat(source.startedAt()).isEqualTo(CLOCK.instant());
    assertThat(source.runId()).isEqualTo(first.runId());
    assertThat(source.dryRun()).isFalse();
    assertThat(source.isCancelled()).isFalse();
    assertThat(seen.get(1)).isSameAs(source);
    RunContext planned = seen.get(2);
    assertThat(planned.checkpoint()).contains("page-1"); // the plan starts where the run left off
    assertThat(planned.dryRun()).isTrue();
    assertThat(planned.runId()).isEqualTo(plan.runId()).isNotEqualTo(first.runId());
    assertThat(source.toString()).contains(first.runId(), "observed", "emea");
  }

  @Test
  void sinksSeeTheRunTheyWriteForOnEveryWriterThread() {
    List<RunContext> seen = new CopyOnWriteArrayList<>();
    MapSink target = new MapSink();
    Sink<String> observing = new Sink<>() {
      @Override
      public WriteResult create(String sourceKey, String item, String idempotencyKey, String externalRef, RunContext run) {
        seen.add(run);
        return target.create(sourceKey, item, idempotencyKey, externalRef, run);
      }

      @Override
      public WriteResult update(LedgerEntry existing, String item, RunContext run) {
        seen.add(run);
        return target.update(existing, item, run);
      }

      @Override
      public Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
        seen.add(run);
        return target.findByExternalRef(externalRef, run);
      }
    };
    Flow<String, String> flow = Flow.<String, String>builder("sinks").source(run -> List.of(Batch.of(List.of("a", "b", "c"))))
        .key(i -> i).mapper((i, run) -> i).sink(observing).maxInFlight(3).build();

    RunReport report = bridge.run(flow);

    assertThat(seen).isNotEmpty().allSatisfy(run -> {
      assertThat(run.runId()).isEqualTo(report.runId());
      assertThat(run.flow()).isEqualTo("sinks");
    });
  }

  @Test
  void aContextTellsASourceWhatItsStageRecordedAndADetachedOneNothing() {
    MapSink sink = new MapSink();
    bridge.run(stage("recorded", List.of("a", "b"), (i, run) -> i, sink));
    AtomicReference<Map<String, LedgerEntry>> recorded = new AtomicReference<>();
    Flow<String, String> again = Flow.<String, String>builder("recorded")
        .source(run -> {
          recorded.set(run.recorded(List.of("a", "b", "z")));
          return List.of();
        })
        .key(i -> i).mapper((i, run) -> i).sink(sink).build();

    bridge.run(again);

    assertThat(recorded.get()).containsOnlyKeys("a", "b");
    assertThat(recorded.get().get("a").targetId()).isEqualTo("t-a");
    assertThat(RunContext.detached("recorded", CLOCK).recorded(List.of("a"))).isEmpty();
  }

  @Test
  void aStagedFlowReportsEachStageAndTheirSum() {
    MapSink sink = new MapSink();
    Flow<?, ?> flow = Flow.inStages("music", List.of(stage("music.requests", List.of("r1", "r2"), (i, run) -> i, sink),
        stage("music.playlists", List.of("p1"), (i, run) -> i, sink)));

    RunReport report = bridge.run(flow);

    assertThat(report.flow()).isEqualTo("music");
    assertThat(report.created()).isEqualTo(3);
    assertThat(report.stages()).extracting(RunReport::flow).containsExactly("music.requests", "music.playlists");
    assertThat(report.stages()).extracting(RunReport::runId).containsOnly(report.runId());
    assertThat(report.stage("requests").created()).isEqualTo(2);
    assertThat(report.stage("music.playlists").created()).isEqualTo(1);
    assertThatThrownBy(() -> report.stage("notices")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("music.requests").hasMessageContaining("music.playlists");
    assertThat(store.entries("music.requests")).hasSize(2);
    assertThat(bridge.run(flow).unchanged()).isEqualTo(3);
  }

  @Test
  void aStageThatStopsDoesNotStopTheNextAndItsItemsAreDeliveredByTheNextRun() {
    MapSink sink = new MapSink();
    sink.failing.add("r2");
    Flow<?, ?> flow = Flow.inStages("music", List.of(stage("music.requests", List.of("r1", "r2", "r3"), (i, run) -> i, sink),
        stage("music.playlists", List.of("p1"), (i, run) -> i, sink)));

    RunReport first = bridge.run(flow);

    assertThat(first.stage("requests").stoppedBecause()).hasValueSatisfying(r -> assertThat(r).contains("ServerException"));
    assertThat(first.stage("playlists").created()).isEqualTo(1);
    assertThat(first.stoppedBecause()).hasValueSatisfying(r -> assertThat(r).startsWith("music.requests: "));

    sink.failing.clear();
    RunReport second = bridge.run(flow);
    assertThat(second.stoppedBecause()).isEmpty();
    assertThat(sink.written).containsOnlyKeys("r1", "r2", "r3", "p1");
  }

  @Test
  void aStagedFlowReplaysTheDeadLettersOfEveryStage() {
    MapSink sink = new MapSink();
    Mapper<String, String> refusing = (item, run) -> {
      if (item.endsWith("!")) {
        throw new IllegalArgumentException("cannot map " + item);
      }
      return item;
    };
    List<String> requests = new ArrayList<>(List.of("r1", "r2!"));
    List<String> playlists = new ArrayList<>(List.of("p1!"));
    Function<List<String>, Source<String>> live = items -> run -> List.of(Batch.of(List.copyOf(items)));
    Flow<?, ?> flow = Flow.inStages("music", List.of(
        Flow.<String, String>builder("music.requests").source(live.apply(requests)).key(i -> i.replace("!", ""))
            .mapper(refusing).sink(sink).lookup(key -> Optional.of(key)).build(),
        Flow.<String, String>builder("music.playlists").source(live.apply(playlists)).key(i -> i.replace("!", ""))
            .mapper(refusing).sink(sink).lookup(key -> Optional.of(key)).build()));
    RunReport first = bridge.run(flow);
    assertThat(first.deadLettered()).isEqualTo(2);

    RunReport replay = bridge.replayDeadLetters(flow); // the look-ups find the items fixed

    assertThat(replay.stages()).extracting(RunReport::created).containsExactly(1, 1);
    assertThat(store.deadLetters("music.requests")).isEmpty();
    assertThat(store.deadLetters("music.playlists")).isEmpty();
  }

  @Test
  void stagesMustLiveUnderTheFlowsNameAndBeSingleStage() {
    MapSink sink = new MapSink();
    Flow<String, String> a = stage("music.a", List.of(), (i, run) -> i, sink);

    assertThatThrownBy(() -> Flow.inStages("music", List.of(stage("other.a", List.of(), (i, run) -> i, sink))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be named music.<stage>");
    assertThatThrownBy(() -> Flow.inStages("music", List.of(a, a))).hasMessageContaining("two stages named music.a");
    assertThatThrownBy(() -> Flow.inStages("music", List.of(Flow.inStages("music.x",
        List.of(stage("music.x.y", List.of(), (i, run) -> i, sink)))))).hasMessageContaining("made of stages itself");
    Flow<?, ?> staged = Flow.inStages("music", List.of(a));
    assertThat(staged.isStaged()).isTrue();
    assertThat(staged.stages()).containsExactly(a);
    assertThatThrownBy(staged::source).isInstanceOf(IllegalStateException.class).hasMessageContaining("ask stages()");
    assertThat(a.stages()).isEmpty();
  }

  @Test
  void interruptingTheRunsThreadStopsAtAnItemBoundaryRecordsWhatFinishedAndStartsNoFurtherStage() throws Exception {
    CountDownLatch third = new CountDownLatch(1);
    MapSink sink = new MapSink();
    List<String> items = IntStream.range(0, 10).mapToObj(i -> "i" + i).toList();
    Mapper<String, String> slowAtThird = (item, run) -> {
      if (item.equals("i3")) {
        third.countDown();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!Thread.currentThread().isInterrupted() && System.nanoTime() < until) {
          Thread.onSpinWait(); // a mapper busy with the item when the run is cancelled
        }
      }
      return item;
    };
    Flow<?, ?> flow = Flow.inStages("cancel", List.of(stage("cancel.first", items, slowAtThird, sink),
        stage("cancel.second", List.of("s1"), (i, run) -> i, sink)));
    AtomicReference<RunReport> report = new AtomicReference<>();
    AtomicReference<Boolean> interruptedAfter = new AtomicReference<>();
    Thread runner = new Thread(() -> {
      report.set(bridge.run(flow));
      interruptedAfter.set(Thread.currentThread().isInterrupted());
    });
    runner.start();
    assertThat(third.await(10, TimeUnit.SECONDS)).isTrue();

    runner.interrupt();
    runner.join(10_000);

    RunReport r = report.get();
    assertThat(r.stage("first").stoppedBecause()).hasValueSatisfying(why -> assertThat(why).startsWith("cancelled"));
    assertThat(r.stage("first").created()).isEqualTo(4); // i0-i3: the item in hand was finished and recorded
    assertThat(r.stage("first").skipped()).isEqualTo(6);
    assertThat(r.stage("second").stoppedBecause()).hasValueSatisfying(why -> assertThat(why).startsWith("cancelled"));
    assertThat(r.stage("second").seen()).isZero();
    assertThat(store.entries("cancel.first")).hasSize(4);
    assertThat(sink.written).doesNotContainKey("s1");
    assertThat(interruptedAfter.get()).as("the interrupt is handed back to the caller").isTrue();

    RunReport resumed = bridge.run(flow); // nothing lost, nothing twice
    assertThat(resumed.created()).isEqualTo(7);
    assertThat(resumed.unchanged()).isEqualTo(4);
  }
}
