package io.gridcast.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.state.JdbcStateStore;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.bridge.state.PostgresTestDatabase;
import io.gridcast.bridge.state.StateStore;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One item whose key no store can hold (a NUL in a hostile episode id) fails alone: it is
 * reported, the run goes on, the checkpoint advances. A very long key is delivered like any
 * other. The same on every store, PostgreSQL included, which refuses what H2 and memory keep.
 */
class UnstorableSourceKeysTest {

  private static final String FLOW = "hostile-keys";
  private static final String NUL_KEY = "spotify:episode:evil\u0000id";
  /** Random letters: a repeated one would compress below PostgreSQL's index limit. */
  private static final String LONG_KEY = "spotify:episode:" + new java.util.Random(1).ints(5_000 - 16, 'a', 'z' + 1)
      .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
  private static final List<String> ITEMS = List.of("spotify:episode:1", NUL_KEY, LONG_KEY, "spotify:episode:2");

  /** Where the run keeps its state. */
  enum Store {
    IN_MEMORY, H2, POSTGRESQL
  }

  @TempDir Path directory;
  private final String prefix = PostgresTestDatabase.uniquePrefix();
  private Store kind;
  private StateStore store;
  private final Map<String, String> created = new ConcurrentHashMap<>();
  private final Set<String> failingCreates = ConcurrentHashMap.newKeySet();

  private StateStore open(Store kind) {
    store = switch (kind) {
      case IN_MEMORY -> new InMemoryStateStore();
      case H2 -> JdbcStateStore.h2File(directory);
      case POSTGRESQL -> {
        PostgresTestDatabase.requireReachable();
        yield JdbcStateStore.builder().postgres(PostgresTestDatabase.URL, PostgresTestDatabase.USER, null)
            .tablePrefix(prefix).build();
      }
    };
    this.kind = kind; // once open: a PostgreSQL that is down skips the test before
    return store;
  }

  @AfterEach
  void close() throws SQLException {
    if (store != null) {
      store.close();
    }
    if (kind == Store.POSTGRESQL) {
      PostgresTestDatabase.dropTables(prefix);
    }
  }

  /** One batch of the items, checkpointed as "page-1"; the sink records creates by externalRef. */
  private Flow<String, String> flow() {
    return flow(run -> run.checkpoint().isPresent() ? List.of() : List.of(Batch.of(ITEMS, "page-1", null)));
  }

  private Flow<String, String> flow(Source<String> source) {
    Sink<String> sink = new Sink<>() {
      @Override
      public WriteResult create(String key, String item, String idempotencyKey, String externalRef, RunContext run) {
        if (failingCreates.contains(key)) {
          throw new IllegalStateException("the target refused this item");
        }
        created.put(externalRef, item);
        return WriteResult.of("post-" + created.size(), 1L);
      }

      @Override
      public WriteResult update(LedgerEntry existing, String item, RunContext run) {
        return WriteResult.of(existing.targetId(), 2L);
      }

      @Override
      public Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
        return Optional.empty();
      }
    };
    return Flow.<String, String>builder(FLOW)
        .source(source)
        .key(item -> item)
        .mapper((item, run) -> "announcement of " + item.length() + " characters")
        .sink(sink)
        .lookup(key -> ITEMS.contains(key) ? Optional.of(key) : Optional.empty())
        .build();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aKeyNoStoreCanHoldFailsAloneAndTheRunGoesOn(Store kind) {
    Bridge bridge = Bridge.builder().stateStore(open(kind)).build();

    RunReport report = bridge.run(flow());

    assertThat(report.stoppedBecause()).isEmpty();
    assertThat(report.created()).isEqualTo(3);
    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.deadLettered()).as("it cannot be stored, so not dead-lettered").isZero();
    assertThat(report.failures()).singleElement().satisfies(f -> {
      assertThat(f.sourceKey()).isEqualTo(NUL_KEY);
      assertThat(f.reason()).contains("NUL").contains("key function").doesNotContain("\u0000");
      assertThat(f.deadLettered()).isFalse();
    });
    assertThat(created).containsOnlyKeys("spotify:episode:1", LONG_KEY, "spotify:episode:2");
    assertThat(store.deadLetters(FLOW)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aKeyNoStoreCanHoldDoesNotHoldBackTheCheckpoint(Store kind) {
    Bridge bridge = Bridge.builder().stateStore(open(kind)).build();

    RunReport report = bridge.run(flow());

    assertThat(report.checkpoint()).contains("page-1");
    assertThat(store.checkpoint(FLOW, "default")).contains("page-1");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aFiveThousandCharacterKeyIsDeliveredOnceAndUnchangedOnTheNextRun(Store kind) {
    Bridge bridge = Bridge.builder().stateStore(open(kind)).build();
    Flow<String, String> rescanning = flow(checkpoint -> List.of(Batch.of(ITEMS)));
    bridge.run(rescanning);

    RunReport again = bridge.run(rescanning);

    assertThat(again.unchanged()).isEqualTo(3);
    assertThat(again.created()).isZero();
    assertThat(created).hasSize(3);
    assertThat(store.entries(FLOW)).extracting(LedgerEntry::sourceKey)
        .containsExactlyInAnyOrder("spotify:episode:1", "spotify:episode:2", LONG_KEY);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aFiveThousandCharacterKeyThatFailedIsReplayedFromItsDeadLetter(Store kind) {
    Bridge bridge = Bridge.builder().stateStore(open(kind)).build();
    failingCreates.add(LONG_KEY);
    RunReport first = bridge.run(flow());
    assertThat(store.deadLetters(FLOW)).singleElement()
        .satisfies(d -> assertThat(d.sourceKey()).isEqualTo(LONG_KEY));
    assertThat(first.deadLettered()).isEqualTo(1);

    failingCreates.clear();
    RunReport replay = bridge.replayDeadLetters(flow());

    assertThat(replay.created()).isEqualTo(1);
    assertThat(created).containsKey(LONG_KEY);
    assertThat(store.deadLetters(FLOW)).isEmpty();
    assertThat(store.find(FLOW, LONG_KEY)).isPresent();
  }
}
