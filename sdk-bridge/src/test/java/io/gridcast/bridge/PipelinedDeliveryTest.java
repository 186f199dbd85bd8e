package io.gridcast.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.state.Lease;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.bridge.state.StateStoreException;
import io.gridcast.testkit.state.DelegatingStateStore;
import io.gridcast.core.errors.ErrorDetails;
import io.gridcast.core.errors.ServerException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's pipelined delivery: up to {@code maxInFlight} writes of a batch in flight, one
 * ledger transaction per batch, listeners and checkpoints in item order, and nothing lost or
 * written twice when a write or the store fails mid-batch.
 */
class PipelinedDeliveryTest {

  private final CountingStore store = new CountingStore();
  private final FakeSink sink = new FakeSink();
  private final ExecutorService pool = Executors.newFixedThreadPool(16, r -> new Thread(r, "test-writer"));

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private Bridge bridge(List<String> events) {
    return Bridge.builder().stateStore(store).executor(pool)
        .progressListener((flow, key, outcome, done, total) -> events.add(key + "=" + outcome))
        .build();
  }

  private Flow<String, String> flow(int maxInFlight, List<List<String>> batches) {
    return Flow.<String, String>builder("pipelined")
        .source(run -> {
          List<Batch<String>> out = new ArrayList<>();
          int skip = run.checkpoint().map(Integer::parseInt).orElse(0);
          for (int b = skip; b < batches.size(); b++) {
            out.add(Batch.of(batches.get(b), Integer.toString(b + 1), null));
          }
          return out;
        })
        .key(item -> "item:" + item.split("#")[0])
        .mapper((item, run) -> "content of " + item)
        .sink(sink)
        .maxInFlight(maxInFlight)
        .build();
  }

  private static List<String> items(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> String.format("%03d", i)).toList();
  }

  @Test
  void writesOfABatchOverlapUpToMaxInFlightAndNeverBeyond() {
    sink.delayMillis = 30;
    List<String> events = new CopyOnWriteArrayList<>();

    RunReport report = bridge(events).run(flow(8, List.of(items(0, 40))));

    assertThat(report.created()).isEqualTo(40);
    assertThat(sink.maxConcurrent.get()).isEqualTo(8);
    assertThat(sink.threads).allMatch("test-writer"::equals);
    assertThat(events).containsExactlyElementsOf(items(0, 40).stream().map(i -> "item:" + i + "=CREATED").toList());
  }

  @Test
  void oneInFlightWritesOneAfterTheOtherOnTheRunsOwnThread() {
    RunReport report = bridge(new ArrayList<>()).run(flow(1, List.of(items(0, 10))));

    assertThat(report.created()).isEqualTo(10);
    assertThat(sink.maxConcurrent.get()).isEqualTo(1);
    assertThat(sink.threads).containsOnly(Thread.currentThread().getName());
  }

  @Test
  void eachBatchIsRecordedInOneLedgerTransactionBeforeItsCheckpoint() {
    RunReport report = bridge(new ArrayList<>()).run(flow(8, List.of(items(0, 30), items(30, 55), items(55, 60))));

    assertThat(report.created()).isEqualTo(60);
    assertThat(store.recordAllSizes).containsExactly(30, 25, 5);
    assertThat(store.singleRecords.get()).isZero();
    assertThat(store.checkpoint("pipelined", "default")).contains("3");
    assertThat(store.entries("pipelined")).hasSize(60);
  }

  @Test
  void aSystemicFailureStopsNewWritesAndWhatWasWrittenIsStillRecorded() {
    sink.failAt = "item:012";
    sink.delayMillis = 5;

    RunReport report = bridge(new ArrayList<>()).run(flow(4, List.of(items(0, 40))));

    assertThat(report.stoppedBecause()).hasValueSatisfying(r -> assertThat(r).contains("ServerException"));
    assertThat(report.created()).isEqualTo(sink.created.size()).isBetween(12, 39);
    // only writes that passed the engine's last look in the instant between the throw and the
    // failure reaching it (at most the other writes in flight with it); none of the 27 others
    assertThat(sink.startsAfterFailure()).as("writes started after the failure").isLessThan(4);
    assertThat(report.created() + report.failed() + report.skipped()).isEqualTo(40);
    assertThat(store.entries("pipelined")).hasSize(report.created());
    assertThat(store.checkpoint("pipelined", "default")).isEmpty();

    sink.failAt = null;
    RunReport next = bridge(new ArrayList<>()).run(flow(4, List.of(items(0, 40))));

    assertThat(next.created()).isEqualTo(40 - report.created());
    assertThat(next.unchanged()).isEqualTo(report.created());
    assertThat(sink.created).hasSize(40).doesNotHaveDuplicates();
  }

  @Test
  void writesThatSucceededButCouldNotBeRecordedAreAdoptedByTheNextRunNotWrittenAgain() {
    store.failRecordAll = true;

    RunReport report = bridge(new ArrayList<>()).run(flow(8, List.of(items(0, 20))));

    assertThat(report.stoppedBecause()).hasValueSatisfying(r -> assertThat(r).contains("state store failed"));
    assertThat(report.failed()).isEqualTo(20);
    assertThat(sink.created).hasSize(20);
    assertThat(store.entries("pipelined")).isEmpty();

    store.failRecordAll = false;
    RunReport next = bridge(new ArrayList<>()).run(flow(8, List.of(items(0, 20))));

    assertThat(next.created()).isEqualTo(20);
    assertThat(sink.created).hasSize(20); // adopted by externalRef, none created twice
    assertThat(sink.adopted.get()).isEqualTo(20);
    assertThat(store.entries("pipelined")).hasSize(20);
  }

  @Test
  void theSameItemTwiceInABatchIsCreatedOnceAndAdoptedOnce() {
    RunReport report = bridge(new ArrayList<>()).run(flow(8, List.of(List.of("001", "002", "001#again", "003"))));

    assertThat(report.created()).isEqualTo(4);
    assertThat(sink.created).containsExactlyInAnyOrder("item:001", "item:002", "item:003");
    assertThat(sink.adopted.get()).isEqualTo(1);
    assertThat(store.entries("pipelined")).hasSize(3);
  }

  @Test
  void aPlanStartsNoWrite() {
    RunReport plan = bridge(new ArrayList<>()).plan(flow(8, List.of(items(0, 20))));

    assertThat(plan.created()).isEqualTo(20);
    assertThat(sink.calls.get()).isZero();
    assertThat(store.entries("pipelined")).isEmpty();
  }

  @Test
  void maxInFlightOutsideOneToSixtyFourIsRefusedNamingTheRange() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Flow.builder("x").maxInFlight(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxInFlight must be from 1 to 64, was 0");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Flow.builder("x").maxInFlight(65))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxInFlight must be from 1 to 64, was 65");
  }

  /** A target that keeps its resources by externalRef, counts concurrency and can fail one key. */
  static final class FakeSink implements Sink<String> {
    final Map<String, String> byRef = new ConcurrentHashMap<>();
    final List<String> created = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    final AtomicInteger adopted = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();
    volatile long delayMillis;
    volatile String failAt;
    final List<Long> starts = new CopyOnWriteArrayList<>();
    volatile long failedAt = Long.MAX_VALUE;

    /** How many writes began after the failing one had failed. */
    long startsAfterFailure() {
      return starts.stream().filter(t -> t > failedAt).count();
    }

    @Override
    public WriteResult create(String sourceKey, String item, String idempotencyKey, String externalRef, RunContext run) {
      return during(() -> {
        if (sourceKey.equals(failAt)) {
          failedAt = System.nanoTime();
          throw new ServerException(503, "POST", "https://target.example/resources", ErrorDetails.none());
        }
        created.add(sourceKey);
        byRef.put(externalRef, "id-" + sourceKey);
        return WriteResult.of("id-" + sourceKey, 1L);
      });
    }

    @Override
    public WriteResult update(LedgerEntry existing, String item, RunContext run) {
      return during(() -> WriteResult.of(existing.targetId(), 2L));
    }

    @Override
    public Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
      Optional<WriteResult> found = Optional.ofNullable(byRef.get(externalRef)).map(id -> WriteResult.found(id, 1L, null));
      found.ifPresent(f -> adopted.incrementAndGet());
      return found;
    }

    private WriteResult during(java.util.function.Supplier<WriteResult> write) {
      calls.incrementAndGet();
      starts.add(System.nanoTime());
      threads.add(Thread.currentThread().getName());
      int now = inFlight.incrementAndGet();
      maxConcurrent.accumulateAndGet(now, Math::max);
      try {
        if (delayMillis > 0) {
          TimeUnit.MILLISECONDS.sleep(delayMillis);
        }
        return write.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  /** The in-memory store, counting group commits and single records, able to fail group commits. */
  static final class CountingStore extends DelegatingStateStore {
    final List<Integer> recordAllSizes = new CopyOnWriteArrayList<>();
    final AtomicInteger singleRecords = new AtomicInteger();
    volatile boolean failRecordAll;

    CountingStore() {
      super(new InMemoryStateStore());
    }

    @Override
    public void record(LedgerEntry entry, Lease lease) {
      singleRecords.incrementAndGet();
      super.record(entry, lease);
    }

    @Override
    public void recordAll(Collection<LedgerEntry> entries, Lease lease) {
      if (failRecordAll) {
        throw new StateStoreException("the database went away", null);
      }
      recordAllSizes.add(entries.size());
      super.recordAll(entries, lease);
    }
  }
}
