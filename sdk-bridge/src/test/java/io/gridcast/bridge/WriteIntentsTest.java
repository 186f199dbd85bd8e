package io.gridcast.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.state.Lease;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.bridge.state.StateStore;
import io.gridcast.bridge.state.StateStoreException;
import io.gridcast.bridge.state.WriteIntent;
import io.gridcast.testkit.state.DelegatingStateStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Write intents: a new item costs one request (its create) once the partition is reconciled, and
 * an orphan a crash left between a create and its ledger entry is still found and adopted.
 */
class WriteIntentsTest {

  private final InMemoryStateStore memory = new InMemoryStateStore();

  /** A target keyed by externalRef that counts its look-ups and creates. */
  private static final class CountingSink implements Sink<String> {
    final Map<String, String> target = new ConcurrentHashMap<>();
    final List<String> lookUps = new CopyOnWriteArrayList<>();
    final List<String> creates = new CopyOnWriteArrayList<>();

    @Override
    public WriteResult create(String sourceKey, String item, String idempotencyKey, String externalRef, RunContext run) {
      creates.add(externalRef);
      if (target.putIfAbsent(externalRef, item) != null) {
        throw new AssertionError("a second resource for " + externalRef + ": a duplicate");
      }
      return WriteResult.of("t-" + externalRef, 1L);
    }

    @Override
    public WriteResult update(LedgerEntry existing, String item, RunContext run) {
      target.put(existing.sourceKey(), item);
      return WriteResult.of(existing.targetId(), 2L);
    }

    @Override
    public Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
      lookUps.add(externalRef);
      return Optional.ofNullable(target.get(externalRef))
          .map(content -> WriteResult.found("t-" + externalRef, 1L, Flow.jsonFingerprint(content)));
    }

    void clearCounts() {
      lookUps.clear();
      creates.clear();
    }
  }

  /** Refuses to record the ledger while {@code broken}: a crash between the remote writes and the ledger. */
  private static final class LedgerThatFails extends DelegatingStateStore {
    volatile boolean broken;

    LedgerThatFails(StateStore delegate) {
      super(delegate);
    }

    @Override
    public void recordAll(Collection<LedgerEntry> entries, Lease lease) {
      if (broken) {
        throw new StateStoreException("disk full", null);
      }
      super.recordAll(entries, lease);
    }
  }

  private static void reconciledWithNothingNamed(WriteIntent intent) {
    assertThat(intent.reconciled()).isTrue();
    assertThat(intent.sourceKeys()).isEmpty();
  }

  private static List<String> items(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "item-" + i).toList();
  }

  private static Flow<String, String> flow(String partition, List<String> items, CountingSink sink) {
    return Flow.<String, String>builder("intents").partition(partition)
        .source(run -> List.of(Batch.of(items)))
        .key(i -> i).mapper((i, run) -> "content of " + i).sink(sink)
        .build();
  }

  private static Bridge bridge(StateStore store) {
    return Bridge.builder().stateStore(store).build();
  }

  @Test
  void aPartitionsFirstRunLooksEveryNewItemUpAndOnceItCompletedANewItemCostsOnlyItsCreate() {
    CountingSink sink = new CountingSink();

    bridge(memory).run(flow("default", items(0, 5), sink));
    assertThat(sink.lookUps).hasSize(5); // the ledger may have been replaced: look before creating
    assertThat(memory.writeIntents("intents")).singleElement().satisfies(WriteIntentsTest::reconciledWithNothingNamed);

    sink.clearCounts();
    RunReport second = bridge(memory).run(flow("default", items(0, 8), sink));

    assertThat(second.created()).isEqualTo(3);
    assertThat(sink.creates).hasSize(3);
    assertThat(sink.lookUps).isEmpty();
  }

  @Test
  void aCreateWhoseLedgerEntryWasLostIsLookedUpAndAdoptedByTheNextRunNotCreatedTwice() {
    CountingSink sink = new CountingSink();
    LedgerThatFails store = new LedgerThatFails(memory);
    bridge(store).run(flow("default", items(0, 2), sink)); // reconciled

    store.broken = true;
    RunReport crashed = bridge(store).run(flow("default", items(0, 6), sink));
    assertThat(crashed.stoppedBecause()).isPresent();
    assertThat(sink.target).hasSize(6); // the four creates reached the target; the ledger never heard
    assertThat(memory.writeIntents("intents")).singleElement()
        .satisfies(i -> assertThat(i.sourceKeys()).containsExactlyElementsOf(items(2, 6)));

    store.broken = false;
    sink.clearCounts();
    RunReport healed = bridge(store).run(flow("default", items(0, 7), sink));

    assertThat(healed.created()).isEqualTo(5);
    assertThat(sink.lookUps).containsExactlyInAnyOrderElementsOf(items(2, 6)); // only the named ones, not item-6
    assertThat(sink.creates).containsExactly("item-6");
    assertThat(memory.entries("intents")).hasSize(7);
    assertThat(memory.writeIntents("intents")).singleElement().satisfies(WriteIntentsTest::reconciledWithNothingNamed);
  }

  @Test
  void aRunThatStopsEarlyDoesNotReconcileThePartition() {
    CountingSink sink = new CountingSink();
    Flow<String, String> capped = Flow.<String, String>builder("intents").source(run -> List.of(Batch.of(items(0, 6))))
        .key(i -> i).mapper((i, run) -> "content of " + i).sink(sink).caps(RunCaps.of(Integer.MAX_VALUE, 2)).build();

    bridge(memory).run(capped);
    sink.clearCounts();
    bridge(memory).run(flow("default", items(0, 6), sink));

    assertThat(sink.lookUps).hasSize(4); // the rest of the first, unfinished reconciliation
    assertThat(memory.writeIntents("intents")).singleElement().satisfies(i -> assertThat(i.reconciled()).isTrue());
  }

  @Test
  void aKeyAnotherPartitionNamedIsLookedUpBeforeItIsCreated() {
    CountingSink sink = new CountingSink();
    bridge(memory).run(flow("default", List.of(), sink)); // reconciled, nothing delivered
    Lease other = memory.tryAcquire("intents", "issue-7", "elsewhere", java.time.Duration.ofMinutes(1)).orElseThrow();
    memory.saveWriteIntent(other, WriteIntent.of("issue-7", List.of("item-7"), false));
    memory.release(other);
    sink.target.put("item-7", "content of item-7"); // its create went through before that instance died

    RunReport report = bridge(memory).run(flow("default", items(6, 9), sink));

    assertThat(sink.lookUps).containsExactly("item-7");
    assertThat(sink.creates).containsExactlyInAnyOrder("item-6", "item-8");
    assertThat(report.created()).isEqualTo(3);
  }

  @Test
  void aStoreWithoutWriteIntentsHasEveryNewItemLookedUp() {
    CountingSink sink = new CountingSink();
    StateStore withoutIntents = new DelegatingStateStore(memory) {
      @Override
      public boolean keepsWriteIntents() {
        return false;
      }
    };

    bridge(withoutIntents).run(flow("default", items(0, 3), sink));
    bridge(withoutIntents).run(flow("default", items(0, 6), sink));

    assertThat(sink.lookUps).hasSize(6);
    assertThat(memory.writeIntents("intents")).isEmpty();
  }

  @Test
  void aPlanNamesNothingAndADeadLetterReplayLooksFirst() {
    CountingSink sink = new CountingSink();
    AtomicBoolean refuse = new AtomicBoolean(true);
    Flow<String, String> refusing = Flow.<String, String>builder("intents").source(run -> List.of(Batch.of(items(0, 2))))
        .key(i -> i).mapper((i, run) -> {
          if (refuse.get() && i.equals("item-1")) {
            throw new IllegalArgumentException("no content yet");
          }
          return "content of " + i;
        }).sink(sink).lookup(k -> Optional.of(k)).build();

    bridge(memory).plan(flow("default", items(0, 3), sink));
    assertThat(memory.writeIntents("intents")).isEmpty();

    bridge(memory).run(refusing); // reconciles; item-1 is dead-lettered, and stays named
    refuse.set(false);
    sink.clearCounts();
    RunReport replay = bridge(memory).replayDeadLetters(refusing);

    assertThat(replay.created()).isEqualTo(1);
    assertThat(sink.lookUps).containsExactly("item-1"); // a replay always looks first
    assertThat(memory.writeIntents("intents")).singleElement().satisfies(WriteIntentsTest::reconciledWithNothingNamed);
  }

  @Test
  void theSameNewKeyTwiceInOneBatchIsCreatedOnceEvenOnAReconciledPartition() {
    CountingSink sink = new CountingSink();
    bridge(memory).run(flow("default", List.of(), sink)); // reconciled

    RunReport report = bridge(memory).run(flow("default", List.of("item-1", "item-2", "item-1"), sink));

    assertThat(report.failed()).isZero();
    assertThat(sink.creates).containsExactlyInAnyOrder("item-1", "item-2"); // the CountingSink throws on a duplicate
    assertThat(sink.lookUps).containsExactly("item-1"); // the second item-1 found what the first made
  }

  @Test
  void aWriterThatKeepsNoIntentsTakingThePartitionInBetweenUndoesTheReconciliation() {
    CountingSink sink = new CountingSink();
    bridge(memory).run(flow("default", items(0, 2), sink)); // reconciled
    // an older Gridcast on the same store takes the partition (and may leave an orphan unnamed)
    Lease old = memory.tryAcquire("intents", "default", "old-instance", java.time.Duration.ofMinutes(1)).orElseThrow();
    memory.release(old);
    sink.clearCounts();

    bridge(memory).run(flow("default", items(0, 4), sink));
    assertThat(sink.lookUps).containsExactlyInAnyOrder("item-2", "item-3");

    sink.clearCounts();
    bridge(memory).run(flow("default", items(0, 6), sink)); // reconciled again by the run before
    assertThat(sink.lookUps).isEmpty();
  }

  @Test
  void aSourceReadFromACheckpointNeverReconcilesThePartition() {
    CountingSink sink = new CountingSink();
    Flow<String, String> paged = Flow.<String, String>builder("intents")
        .source(run -> run.checkpoint().isPresent() ? List.of(Batch.of(items(3, 5), "page-2", null))
            : List.of(Batch.of(items(0, 3), "page-1", null)))
        .key(i -> i).mapper((i, run) -> "content of " + i).sink(sink).build();

    bridge(memory).run(paged);
    bridge(memory).run(paged);

    assertThat(sink.lookUps).hasSize(5); // an events feed never shows everything the target may hold
    assertThat(memory.writeIntents("intents")).singleElement().satisfies(i -> assertThat(i.reconciled()).isFalse());
  }

  @Test
  void aKeyNamedByACrashedRunIsUnnamedOnceTheLedgerHoldsIt() {
    CountingSink sink = new CountingSink();
    LedgerThatFails store = new LedgerThatFails(memory);
    bridge(store).run(flow("default", List.of(), sink));
    store.broken = true;
    bridge(store).run(flow("default", items(0, 3), sink)); // named, created, not recorded
    store.broken = false;
    // a replay-free way for the keys to reach the ledger: another partition records them
    bridge(store).run(flow("default", items(0, 3), sink)); // looks up, adopts, records, unnames

    assertThat(memory.writeIntents("intents")).singleElement().satisfies(WriteIntentsTest::reconciledWithNothingNamed);
    assertThat(memory.entries("intents")).hasSize(3);
  }

  @Test
  void manyItemsInFlightAreNamedInOneSaveBeforeAnyCreate() {
    CountingSink sink = new CountingSink();
    List<String> order = new CopyOnWriteArrayList<>();
    StateStore observed = new DelegatingStateStore(memory) {
      @Override
      public void saveWriteIntent(Lease lease, WriteIntent intent) {
        order.add("intent:" + intent.sourceKeys().size());
        super.saveWriteIntent(lease, intent);
      }
    };
    Sink<String> ordered = new Sink<>() {
      @Override
      public WriteResult create(String sourceKey, String item, String idempotencyKey, String externalRef, RunContext run) {
        order.add("create");
        return sink.create(sourceKey, item, idempotencyKey, externalRef, run);
      }

      @Override
      public WriteResult update(LedgerEntry existing, String item, RunContext run) {
        return sink.update(existing, item, run);
      }

      @Override
      public Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
        return sink.findByExternalRef(externalRef, run);
      }
    };
    Flow<String, String> pipelined = Flow.<String, String>builder("intents")
        .source(run -> List.of(Batch.of(items(0, 16)), Batch.of(items(16, 20))))
        .key(i -> i).mapper((i, run) -> "content of " + i).sink(ordered).maxInFlight(8).build();

    bridge(observed).run(pipelined);

    List<String> expected = new ArrayList<>();
    expected.add("intent:16");
    expected.addAll(java.util.Collections.nCopies(16, "create"));
    expected.add("intent:4"); // the first batch's 16 were recorded: only the second's are named
    expected.addAll(java.util.Collections.nCopies(4, "create"));
    expected.add("intent:0"); // the run completed: reconciled, nothing named
    assertThat(order).containsExactlyElementsOf(expected);
  }
}
