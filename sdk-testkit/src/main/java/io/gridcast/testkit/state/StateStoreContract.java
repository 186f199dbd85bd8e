package io.gridcast.testkit.state;

import io.gridcast.bridge.state.DeadLetter;
import io.gridcast.bridge.state.InvalidSourceKeyException;
import io.gridcast.bridge.state.Lease;
import io.gridcast.bridge.state.LeaseLostException;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.bridge.state.SourceKeys;
import io.gridcast.bridge.state.StateStore;
import io.gridcast.bridge.state.WriteIntent;
import io.gridcast.bridge.state.StateStoreException;
import io.gridcast.testkit.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StateStore} must do, as a JUnit 5 suite: the ledger, checkpoints, leases with
 * fencing tokens, dead letters, the source-key rules of {@link SourceKeys}, racing instances and a
 * closed store. Gridcast runs it on {@code InMemoryStateStore} and on {@code JdbcStateStore} (H2 and
 * PostgreSQL); run it on a store of your own by extending it:
 *
 * <pre>{@code
 * class RedisStateStoreTest extends StateStoreContract {
 *   @Override protected StateStore openStore(Clock clock) {
 *     flushTestKeys();                        // fresh, empty state for every test
 *     return new RedisStateStore(redis, clock);
 *   }
 *   @Override protected StateStore openInstance(Clock clock) {
 *     return new RedisStateStore(redis, clock); // a second application instance, same state
 *   }
 * }
 * }</pre>
 *
 * <p>Each test opens {@link #store} with {@link #openStore} before it runs and closes it after.
 * Time comes only from the {@link MutableClock} handed in, which starts at {@link #T0} and which
 * the tests move to expire leases, so a store must read the time from that clock and from nothing
 * else. Your test class path needs {@code io.gridcast:sdk-state} (or {@code sdk-bridge}), JUnit
 * Jupiter and AssertJ.
 */
public abstract class StateStoreContract {

  protected static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  protected static final Duration TTL = Duration.ofSeconds(30);
  protected static final String FLOW = "episode-announcements";
  protected static final String OTHER_FLOW = "training-series";
  protected static final String PARTITION = "show-1";

  /** The clock every store of a test reads; tests move it. */
  protected final MutableClock clock = new MutableClock(T0);
  /** The store under test, opened before each test and closed after it. */
  protected StateStore store;

  /** A store on fresh, empty state that reads time from {@code clock}. */
  protected abstract StateStore openStore(Clock clock);

  /**
   * Another application instance on the same state as {@link #store}, or {@link #store}
   * itself where the state lives in one object.
   */
  protected abstract StateStore openInstance(Clock clock);

  @BeforeEach
  protected void openTheStore() {
    store = openStore(clock);
  }

  @AfterEach
  protected void closeTheStore() {
    store.close();
  }

  // ---- ledger ----

  @Test
  public void findsNothingForAnItemNeverDelivered() {
    assertThat(store.find(FLOW, "spotify:episode:never")).isEmpty();
    assertThat(store.entries(FLOW)).isEmpty();
  }

  @Test
  public void recordedEntryReadsBackWithEveryFieldAndTimeToTheMicrosecond() {
    Lease lease = acquire("instance-a");
    LedgerEntry entry =
        edit(entry("spotify:episode:1", "post-1", "fp-1"))
            .targetVersion(7L)
            .attributes("{\"assignments\":[\"group-9\"]}")
            .updatedAt(T0.plusNanos(123_456_789))
            .build();

    store.record(entry, lease);

    assertThat(store.find(FLOW, "spotify:episode:1"))
        .contains(edit(entry).updatedAt(T0.plusNanos(123_456_000)).build());
  }

  @Test
  public void entryWithoutVersionOrAttributesReadsBackWithoutThem() {
    Lease lease = acquire("instance-a");
    LedgerEntry entry = entry("spotify:episode:1", "post-1", "fp-1");

    store.record(entry, lease);

    LedgerEntry found = store.find(FLOW, "spotify:episode:1").orElseThrow();
    assertThat(found.targetVersion()).isEmpty();
    assertThat(found.attributes()).isEmpty();
    assertThat(found).isEqualTo(entry);
  }

  @Test
  public void recordingAgainReplacesTheEntry() {
    Lease lease = acquire("instance-a");
    store.record(edit(entry("spotify:episode:1", "post-1", "fp-1")).targetVersion(1L).attributes("{}").build(), lease);
    LedgerEntry changed = edit(entry("spotify:episode:1", "post-1", "fp-2")).updatedAt(T0.plusSeconds(60)).build();

    store.record(changed, lease);

    assertThat(store.find(FLOW, "spotify:episode:1")).contains(changed);
    assertThat(store.entries(FLOW)).containsExactly(changed);
  }

  @Test
  public void flowsKeepSeparateLedgers() {
    Lease lease = acquire("instance-a");
    Lease other = store.tryAcquire(OTHER_FLOW, PARTITION, "instance-a", TTL).orElseThrow();
    store.record(entry("spotify:episode:1", "post-1", "fp-1"), lease);
    LedgerEntry sameKeyOtherFlow =
        edit(entry("spotify:episode:1", "post-9", "fp-9")).flow(OTHER_FLOW).build();

    store.record(sameKeyOtherFlow, other);

    assertThat(store.find(FLOW, "spotify:episode:1").orElseThrow().targetId()).isEqualTo("post-1");
    assertThat(store.find(OTHER_FLOW, "spotify:episode:1")).contains(sameKeyOtherFlow);
  }

  @Test
  public void entriesListsOneFlowOrderedBySourceKey() {
    Lease lease = acquire("instance-a");
    Lease other = store.tryAcquire(OTHER_FLOW, PARTITION, "instance-a", TTL).orElseThrow();
    for (String key : List.of("spotify:episode:b", "spotify:episode:c", "spotify:episode:a")) {
      store.record(entry(key, "post-" + key, "fp"), lease);
    }
    store.record(edit(entry("spotify:episode:0", "post", "fp")).flow(OTHER_FLOW).build(), other);

    assertThat(store.entries(FLOW))
        .extracting(LedgerEntry::sourceKey)
        .containsExactly("spotify:episode:a", "spotify:episode:b", "spotify:episode:c");
  }

  @Test
  public void findAllReturnsEveryRecordedKeyEvenBeyondOneQueryOfKeys() {
    Lease lease = acquire("instance-a");
    List<String> recorded = new ArrayList<>();
    for (int i = 0; i < 1_100; i++) {
      String key = String.format("spotify:episode:%05d", i);
      recorded.add(key);
      store.record(entry(key, "post-" + i, "fp-" + i), lease);
    }
    List<String> asked = new ArrayList<>(recorded);
    Collections.reverse(asked);
    asked.addAll(List.of("spotify:episode:missing-1", "spotify:episode:missing-2", recorded.get(3)));

    Map<String, LedgerEntry> found = store.findAll(FLOW, asked);

    assertThat(found).hasSize(1_100).containsOnlyKeys(recorded);
    assertThat(found.get("spotify:episode:00000").targetId()).isEqualTo("post-0");
    assertThat(found.get("spotify:episode:00777").fingerprint()).isEqualTo("fp-777");
    assertThat(found.get("spotify:episode:01099").targetId()).isEqualTo("post-1099");
    assertThat(store.findAll(FLOW, List.of())).isEmpty();
    assertThat(store.findAll(OTHER_FLOW, recorded)).isEmpty();
  }

  @Test
  public void recordAllRecordsEveryEntryInOneGo() {
    Lease lease = acquire("instance-a");
    store.record(entry("spotify:episode:0", "post-0", "fp-0"), lease);
    List<LedgerEntry> batch = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      batch.add(edit(entry(String.format("spotify:episode:%03d", i), "post-" + i, "fp-" + i)).targetVersion((long) i).build());
    }
    batch.add(edit(entry("spotify:episode:0", "post-0", "fp-0b")).build()); // replaces an earlier entry

    store.recordAll(batch, lease);

    assertThat(store.entries(FLOW)).hasSize(251);
    assertThat(store.find(FLOW, "spotify:episode:249")).contains(batch.get(249));
    assertThat(store.find(FLOW, "spotify:episode:0").orElseThrow().fingerprint()).isEqualTo("fp-0b");
  }

  @Test
  public void recordAllOfNothingRecordsNothing() {
    Lease lease = acquire("instance-a");

    store.recordAll(List.of(), lease);

    assertThat(store.entries(FLOW)).isEmpty();
  }

  @Test
  public void recordAllUnderALeaseTakenOverRecordsNoneOfTheEntries() {
    Lease old = acquire("instance-a");
    clock.advance(TTL.plusSeconds(1));
    store.tryAcquire(FLOW, PARTITION, "instance-b", TTL).orElseThrow();

    assertThatThrownBy(() -> store.recordAll(
        List.of(entry("spotify:episode:1", "post-1", "fp-1"), entry("spotify:episode:2", "post-2", "fp-2")), old))
        .isInstanceOf(LeaseLostException.class);
    assertThat(store.entries(FLOW)).isEmpty();
  }

  @Test
  public void recordAllWithOneBadEntryRecordsNoneOfThem() {
    Lease lease = acquire("instance-a");
    LedgerEntry good = entry("spotify:episode:1", "post-1", "fp-1");

    assertThatThrownBy(() -> store.recordAll(List.of(good, entry("spotify:episode:2", "post\u00002", "fp-2")), lease))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NUL");
    assertThatThrownBy(() -> store.recordAll(List.of(good, edit(entry("spotify:episode:3", "post-3", "fp-3")).flow(OTHER_FLOW).build()), lease))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(OTHER_FLOW);
    assertThat(store.entries(FLOW)).isEmpty();
    assertThat(store.entries(OTHER_FLOW)).isEmpty();
  }

  // ---- checkpoints ----

  @Test
  public void checkpointIsEmptyUntilSavedAndThenHoldsTheLatestValue() {
    Lease lease = acquire("instance-a");
    assertThat(store.checkpoint(FLOW, PARTITION)).isEmpty();

    store.saveCheckpoint(lease, "cursor-1");
    store.saveCheckpoint(lease, "cursor-2");

    assertThat(store.checkpoint(FLOW, PARTITION)).contains("cursor-2");
  }

  @Test
  public void checkpointsArePerPartitionAndPerFlow() {
    Lease first = acquire("instance-a");
    Lease second = store.tryAcquire(FLOW, "show-2", "instance-a", TTL).orElseThrow();

    store.saveCheckpoint(first, "cursor-a");
    store.saveCheckpoint(second, "cursor-b");

    assertThat(store.checkpoint(FLOW, PARTITION)).contains("cursor-a");
    assertThat(store.checkpoint(FLOW, "show-2")).contains("cursor-b");
    assertThat(store.checkpoint(OTHER_FLOW, PARTITION)).isEmpty();
  }

  // ---- write intents ----

  @Test
  public void writeIntentsAreKeptPerPartitionAndReplacedWhole() {
    Assumptions.assumeTrue(store.keepsWriteIntents(), "this store keeps no write intents; the bridge looks every new item up");
    Lease first = acquire("instance-a");
    Lease second = store.tryAcquire(FLOW, "show-2", "instance-a", TTL).orElseThrow();
    assertThat(store.writeIntents(FLOW)).isEmpty();

    store.saveWriteIntent(first, WriteIntent.of(PARTITION, List.of("spotify:episode:a", "spotify:episode:b"), false));
    store.saveWriteIntent(second, WriteIntent.of("show-2", List.of("spotify:episode:c"), true));
    store.saveWriteIntent(first, WriteIntent.of(PARTITION, List.of("spotify:episode:b"), true));

    assertThat(store.writeIntents(FLOW))
        .extracting(WriteIntent::partition, i -> List.copyOf(i.sourceKeys()), WriteIntent::reconciled, WriteIntent::fencingToken)
        .containsExactlyInAnyOrder(
            tuple(PARTITION, List.of("spotify:episode:b"), true, first.fencingToken()),
            tuple("show-2", List.of("spotify:episode:c"), true, second.fencingToken()));
    assertThat(store.writeIntents(OTHER_FLOW)).isEmpty();
  }

  @Test
  public void writeIntentKeysReadBackExactlyWhateverTheyHoldAndInOrder() {
    Assumptions.assumeTrue(store.keepsWriteIntents(), "this store keeps no write intents; the bridge looks every new item up");
    Lease lease = acquire("instance-a");
    List<String> keys = List.of("12:34", ":", "a\nb", "line\nbreak", "ünïcödé 🎧", "x".repeat(5000), "0:");

    store.saveWriteIntent(lease, WriteIntent.of(PARTITION, keys, false));
    store.saveWriteIntent(lease, WriteIntent.of(PARTITION, List.of(), false)); // then everything was recorded
    store.saveWriteIntent(lease, WriteIntent.of(PARTITION, keys, false));

    assertThat(store.writeIntents(FLOW)).singleElement()
        .satisfies(i -> assertThat(i.sourceKeys()).containsExactlyElementsOf(keys));
  }

  @Test
  public void aWriteIntentUnderALeaseTakenOverIsRefusedAndTheNewerOneStays() {
    Assumptions.assumeTrue(store.keepsWriteIntents(), "this store keeps no write intents; the bridge looks every new item up");
    Lease first = acquire("instance-a");
    clock.advance(TTL.plusSeconds(1));
    Lease newer = store.tryAcquire(FLOW, PARTITION, "instance-b", TTL).orElseThrow();
    store.saveWriteIntent(newer, WriteIntent.of(PARTITION, List.of("spotify:episode:new"), true));

    assertThatThrownBy(() -> store.saveWriteIntent(first, WriteIntent.of(PARTITION, List.of("spotify:episode:old"), false)))
        .isInstanceOf(LeaseLostException.class);
    assertThat(store.writeIntents(FLOW)).singleElement().satisfies(i -> {
      assertThat(i.sourceKeys()).containsExactly("spotify:episode:new");
      assertThat(i.fencingToken()).as("saved under the newer lease").isEqualTo(newer.fencingToken());
    });
  }

  @Test
  public void aWriteIntentOfAnotherPartitionThanTheLeaseIsRefused() {
    Assumptions.assumeTrue(store.keepsWriteIntents(), "this store keeps no write intents; the bridge looks every new item up");
    Lease lease = acquire("instance-a");

    assertThatThrownBy(() -> store.saveWriteIntent(lease, WriteIntent.of("show-2", List.of("k"), false)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("show-2");
    assertThat(store.writeIntents(FLOW)).isEmpty();
  }

  // ---- leases ----

  @Test
  public void acquiresAFreePartitionUntilTheTtlRunsOut() {
    Lease lease = store.tryAcquire(FLOW, PARTITION, "instance-a", TTL).orElseThrow();

    assertThat(lease.flow()).isEqualTo(FLOW);
    assertThat(lease.partition()).isEqualTo(PARTITION);
    assertThat(lease.owner()).isEqualTo("instance-a");
    assertThat(lease.fencingToken()).isPositive();
    assertThat(lease.expiresAt()).isEqualTo(T0.plus(TTL));
  }

  @Test
  public void anotherOwnerCannotAcquireAPartitionWhileItsLeaseLasts() {
    acquire("instance-a");
    clock.advance(TTL.minusSeconds(1));

    assertThat(store.tryAcquire(FLOW, PARTITION, "instance-b", TTL)).isEmpty();
    assertThat(store.tryAcquire(FLOW, "show-2", "instance-b", TTL)).isPresent();
  }

  @Test
  public void anotherOwnerAcquiresAnExpiredLeaseWithAHigherToken() {
    Lease first = acquire("instance-a");
    clock.advance(TTL);

    Lease second = store.tryAcquire(FLOW, PARTITION, "instance-b", TTL).orElseThrow();

    assertThat(second.owner()).isEqualTo("instance-b");
    assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
    assertThat(second.expiresAt()).isEqualTo(T0.plus(TTL).plus(TTL));
  }

  @Test
  public void reacquiringByTheHolderYieldsAHigherTokenAndRetiresTheOldLease() {
    Lease first = acquire("instance-a");

    Lease second = store.tryAcquire(FLOW, PARTITION, "instance-a", TTL).orElseThrow();

    assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
    assertThatThrownBy(() -> store.saveCheckpoint(first, "stale")).isInstanceOf(LeaseLostException.class);
    store.saveCheckpoint(second, "fresh");
    assertThat(store.checkpoint(FLOW, PARTITION)).contains("fresh");
  }

  @Test
  public void renewKeepsTheTokenAndHoldsThePartitionPastTheFirstExpiry() {
    Lease lease = acquire("instance-a");
    clock.advance(Duration.ofSeconds(20));

    Lease renewed = store.renew(lease, TTL);
    clock.advance(Duration.ofSeconds(20)); // 40 s after acquiring: past the first expiry

    assertThat(renewed.fencingToken()).isEqualTo(lease.fencingToken());
    assertThat(renewed.expiresAt()).isEqualTo(T0.plusSeconds(50));
    assertThat(store.tryAcquire(FLOW, PARTITION, "instance-b", TTL)).isEmpty();
    store.saveCheckpoint(renewed, "cursor-after-renew");
    assertThat(store.checkpoint(FLOW, PARTITION)).contains("cursor-after-renew");
  }

  @Test
  public void renewOfALeaseTakenByAnotherOwnerThrows() {
    Lease lease = acquire("instance-a");
    clock.advance(TTL.plusSeconds(1));
    Lease newer = store.tryAcquire(FLOW, PARTITION, "instance-b", TTL).orElseThrow();

    assertThatThrownBy(() -> store.renew(lease, TTL))
        .isInstanceOf(LeaseLostException.class)
        .hasMessageContaining("fencing token " + newer.fencingToken());
    assertThat(store.tryAcquire(FLOW, PARTITION, "instance-a", TTL)).isEmpty();
  }

  @Test
  public void renewOfAnExpiredLeaseThrowsEvenWhenNobodyTookThePartition() {
    Lease lease = acquire("instance-a");
    clock.advance(TTL);

    assertThatThrownBy(() -> store.renew(lease, TTL))
        .isInstanceOf(LeaseLostException.class)
        .hasMessageContaining("expired");
  }

  @Test
  public void releaseFreesThePartitionAndTheNextTokenIsStillHigher() {
    Lease first = acquire("instance-a");

    store.release(first);
    Lease second = store.tryAcquire(FLOW, PARTITION, "instance-b", TTL).orElseThrow();
    store.release(second);
    Lease third = store.tryAcquire(FLOW, PARTITION, "instance-a", TTL).orElseThrow();

    assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
    assertThat(third.fencingToken()).isGreaterThan(second.fencingToken());
  }

  @Test
  public void releasingAStaleLeaseLeavesTheCurrentHolderInPlace() {
    Lease stale = acquire("instance-a");
    clock.advance(TTL);
    Lease current = store.tryAcquire(FLOW, PARTITION, "instance-b", TTL).orElseThrow();

    store.release(stale);

    assertThat(store.tryAcquire(FLOW, PARTITION, "instance-c", TTL)).isEmpty();
    store.saveCheckpoint(current, "cursor-b");
    assertThat(store.checkpoint(FLOW, PARTITION)).contains("cursor-b");
  }

  @Test
  public void writesUnderALeaseTakenOverByAnotherOwnerThrowAndChangeNothing() {
    Lease old = acquire("instance-a");
    store.record(entry("spotify:episode:1", "post-1", "fp-1"), old);
    store.saveCheckpoint(old, "cursor-1");
    store.deadLetter(FLOW, "spotify:episode:2", "boom", "ref-1", T0, old);
    clock.advance(TTL.plusSeconds(5));
    Lease newer = store.tryAcquire(FLOW, PARTITION, "instance-b", TTL).orElseThrow();

    assertThatThrownBy(() -> store.record(entry("spotify:episode:1", "post-1", "fp-2"), old))
        .isInstanceOf(LeaseLostException.class)
        .hasMessageContaining(FLOW)
        .hasMessageContaining(PARTITION)
        .hasMessageContaining("fencing token " + old.fencingToken())
        .hasMessageContaining("fencing token " + newer.fencingToken());
    assertThatThrownBy(() -> store.record(entry("spotify:episode:3", "post-3", "fp-3"), old))
        .isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(() -> store.saveCheckpoint(old, "cursor-2")).isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(() -> store.deadLetter(FLOW, "spotify:episode:2", "again", null, T0.plusSeconds(40), old))
        .isInstanceOf(LeaseLostException.class);

    assertThat(store.find(FLOW, "spotify:episode:1").orElseThrow().fingerprint()).isEqualTo("fp-1");
    assertThat(store.find(FLOW, "spotify:episode:3")).isEmpty();
    assertThat(store.checkpoint(FLOW, PARTITION)).contains("cursor-1");
    assertThat(store.deadLetters(FLOW)).singleElement().satisfies(letter -> {
      assertThat(letter.attempts()).isEqualTo(1);
      assertThat(letter.reason()).isEqualTo("boom");
    });
  }

  @Test
  public void writesUnderAnExpiredLeaseAreRefusedBeforeAnyoneElseTakesThePartition() {
    Lease lease = acquire("instance-a");
    store.saveCheckpoint(lease, "cursor-1");
    clock.advance(TTL);

    assertThatThrownBy(() -> store.saveCheckpoint(lease, "cursor-2"))
        .isInstanceOf(LeaseLostException.class)
        .hasMessageContaining("expired");
    assertThatThrownBy(() -> store.record(entry("spotify:episode:1", "post-1", "fp-1"), lease))
        .isInstanceOf(LeaseLostException.class);
    assertThat(store.checkpoint(FLOW, PARTITION)).contains("cursor-1");
    assertThat(store.find(FLOW, "spotify:episode:1")).isEmpty();
  }

  @Test
  public void writesAfterReleaseAreRefused() {
    Lease lease = acquire("instance-a");
    store.release(lease);

    assertThatThrownBy(() -> store.saveCheckpoint(lease, "cursor-1"))
        .isInstanceOf(LeaseLostException.class)
        .hasMessageContaining("released");
    assertThat(store.checkpoint(FLOW, PARTITION)).isEmpty();
  }

  @Test
  public void writesUnderALeaseThisStoreNeverGrantedAreRefused() {
    Lease forged =
        Lease.builder().flow(FLOW).partition(PARTITION).owner("intruder").fencingToken(99).expiresAt(T0.plus(TTL)).build();

    assertThatThrownBy(() -> store.saveCheckpoint(forged, "cursor-1")).isInstanceOf(LeaseLostException.class);
    assertThat(store.checkpoint(FLOW, PARTITION)).isEmpty();
  }

  @Test
  public void refusesBadArgumentsNamingThem() {
    Lease lease = acquire("instance-a");

    assertThatThrownBy(() -> store.tryAcquire(FLOW, "show-2", "instance-a", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl");
    assertThatThrownBy(() -> store.tryAcquire(FLOW, " ", "instance-a", TTL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partition");
    assertThatThrownBy(() -> store.record(edit(entry("k", "t", "f")).flow(OTHER_FLOW).build(), lease))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(OTHER_FLOW);
    assertThat(store.find(OTHER_FLOW, "k")).isEmpty();
  }

  // ---- dead letters ----

  @Test
  public void firstFailureIsRecordedWithOneAttempt() {
    Lease lease = acquire("instance-a");

    DeadLetter letter = store.deadLetter(FLOW, "spotify:episode:1", "ServerException: 503", "spotify:episode:1", T0, lease);

    DeadLetter expected =
        DeadLetter.builder()
            .flow(FLOW)
            .sourceKey("spotify:episode:1")
            .reason("ServerException: 503")
            .attempts(1)
            .payloadRef("spotify:episode:1")
            .firstFailedAt(T0)
            .lastFailedAt(T0)
            .build();
    assertThat(letter).isEqualTo(expected);
    assertThat(store.deadLetters(FLOW)).containsExactly(expected);
  }

  @Test
  public void repeatedFailureCountsAnAttemptAndKeepsTheFirstFailureTime() {
    Lease lease = acquire("instance-a");
    store.deadLetter(FLOW, "spotify:episode:1", "first reason", "ref-1", T0, lease);

    DeadLetter again = store.deadLetter(FLOW, "spotify:episode:1", "second reason", null, T0.plusSeconds(60), lease);
    store.deadLetter(FLOW, "spotify:episode:1", "third reason", "ref-3", T0.plusSeconds(120), lease);

    assertThat(again.attempts()).isEqualTo(2);
    assertThat(again.payloadRef()).contains("ref-1");
    DeadLetter stored = store.deadLetters(FLOW).get(0);
    assertThat(stored.attempts()).isEqualTo(3);
    assertThat(stored.reason()).isEqualTo("third reason");
    assertThat(stored.payloadRef()).contains("ref-3");
    assertThat(stored.firstFailedAt()).isEqualTo(T0);
    assertThat(stored.lastFailedAt()).isEqualTo(T0.plusSeconds(120));
  }

  @Test
  public void deadLettersOfAFlowAreListedOldestFirst() {
    Lease lease = acquire("instance-a");
    Lease other = store.tryAcquire(OTHER_FLOW, PARTITION, "instance-a", TTL).orElseThrow();
    store.deadLetter(FLOW, "spotify:episode:a", "late", null, T0.plusSeconds(30), lease);
    store.deadLetter(FLOW, "spotify:episode:b", "early", null, T0.plusSeconds(10), lease);
    store.deadLetter(FLOW, "spotify:episode:c", "middle", null, T0.plusSeconds(20), lease);
    store.deadLetter(OTHER_FLOW, "spotify:episode:z", "elsewhere", null, T0, other);

    assertThat(store.deadLetters(FLOW))
        .extracting(DeadLetter::sourceKey)
        .containsExactly("spotify:episode:b", "spotify:episode:c", "spotify:episode:a");
    assertThat(store.deadLetters(OTHER_FLOW)).extracting(DeadLetter::reason).containsExactly("elsewhere");
  }

  @Test
  public void clearingADeadLetterRemovesOnlyThatOne() {
    Lease lease = acquire("instance-a");
    store.deadLetter(FLOW, "spotify:episode:1", "boom", null, T0, lease);
    store.deadLetter(FLOW, "spotify:episode:2", "boom", null, T0, lease);

    store.clearDeadLetter(FLOW, "spotify:episode:1");
    store.clearDeadLetter(FLOW, "spotify:episode:never-failed");

    assertThat(store.deadLetters(FLOW)).extracting(DeadLetter::sourceKey).containsExactly("spotify:episode:2");
    DeadLetter afresh = store.deadLetter(FLOW, "spotify:episode:1", "boom again", null, T0.plusSeconds(5), lease);
    assertThat(afresh.attempts()).isEqualTo(1);
  }

  // ---- keys and text the stores cannot hold ----

  protected static final String NUL_KEY = "spotify:episode:a\u0000b";
  /** 5,000 characters PostgreSQL cannot compress below its index limit (a repeated letter would). */
  protected static final String LONG_KEY = "spotify:episode:" + incompressible(5_000 - 16);

  @Test
  public void aKeyWithANulCharacterIsRefusedWithATypedErrorSayingWhatToFix() {
    Lease lease = acquire("instance-a");

    assertThatThrownBy(() -> store.record(entry(NUL_KEY, "post-1", "fp-1"), lease))
        .isInstanceOf(InvalidSourceKeyException.class)
        .hasMessageContaining("NUL")
        .hasMessageContaining("key function")
        .hasMessageContaining("spotify:episode:a\\u0000b")
        .hasMessageNotContaining("\u0000");
  }

  @Test
  public void noCallTakesAKeyWithANulCharacterAndNothingIsWritten() {
    Lease lease = acquire("instance-a");

    assertThatThrownBy(() -> store.deadLetter(FLOW, NUL_KEY, "boom", null, T0, lease))
        .isInstanceOf(InvalidSourceKeyException.class);
    assertThatThrownBy(() -> store.find(FLOW, NUL_KEY)).isInstanceOf(InvalidSourceKeyException.class);
    assertThatThrownBy(() -> store.findAll(FLOW, List.of("spotify:episode:1", NUL_KEY)))
        .isInstanceOf(InvalidSourceKeyException.class);
    assertThatThrownBy(() -> store.clearDeadLetter(FLOW, NUL_KEY)).isInstanceOf(InvalidSourceKeyException.class);
    assertThat(store.entries(FLOW)).isEmpty();
    assertThat(store.deadLetters(FLOW)).isEmpty();
  }

  @Test
  public void aKeyWithAnUnpairedSurrogateIsRefusedRatherThanStoredAsAnotherKey() {
    Lease lease = acquire("instance-a");

    assertThatThrownBy(() -> store.record(entry("spotify:episode:\uD800x", "post-1", "fp-1"), lease))
        .isInstanceOf(InvalidSourceKeyException.class)
        .hasMessageContaining("unpaired surrogate");
    assertThat(store.find(FLOW, "spotify:episode:?x")).isEmpty();
  }

  @Test
  public void aKeyLongerThanEveryStoreAcceptsIsRefused() {
    Lease lease = acquire("instance-a");
    String huge = "k".repeat(SourceKeys.MAX_BYTES + 1);

    assertThatThrownBy(() -> store.record(entry(huge, "post-1", "fp-1"), lease))
        .isInstanceOf(InvalidSourceKeyException.class)
        .hasMessageContaining(Integer.toString(SourceKeys.MAX_BYTES));
    assertThat(store.entries(FLOW)).isEmpty();
  }

  @Test
  public void aFiveThousandCharacterKeyIsRecordedFoundAndListedAsItself() {
    Lease lease = acquire("instance-a");
    LedgerEntry longEntry = entry(LONG_KEY, "post-long", "fp-long");
    store.record(entry("spotify:show:1", "post-show", "fp-show"), lease);

    store.record(longEntry, lease);
    store.record(edit(longEntry).fingerprint("fp-long-2").build(), lease);

    LedgerEntry changed = edit(longEntry).fingerprint("fp-long-2").build();
    assertThat(store.find(FLOW, LONG_KEY)).contains(changed);
    assertThat(store.findAll(FLOW, List.of(LONG_KEY, "spotify:show:1"))).containsEntry(LONG_KEY, changed).hasSize(2);
    assertThat(store.entries(FLOW)).extracting(LedgerEntry::sourceKey).containsExactly(LONG_KEY, "spotify:show:1");
  }

  @Test
  public void aFiveThousandCharacterKeyIsDeadLetteredCountedAndCleared() {
    Lease lease = acquire("instance-a");
    store.deadLetter(FLOW, LONG_KEY, "first", LONG_KEY, T0, lease);

    DeadLetter again = store.deadLetter(FLOW, LONG_KEY, "second", null, T0.plusSeconds(1), lease);

    assertThat(again.attempts()).isEqualTo(2);
    assertThat(store.deadLetters(FLOW)).containsExactly(again);
    assertThat(again.sourceKey()).isEqualTo(LONG_KEY);
    assertThat(again.payloadRef()).contains(LONG_KEY);
    store.clearDeadLetter(FLOW, LONG_KEY);
    assertThat(store.deadLetters(FLOW)).isEmpty();
  }

  @Test
  public void aNulInADeadLetterReasonOrPayloadRefIsEscapedNotFatal() {
    Lease lease = acquire("instance-a");

    DeadLetter letter =
        store.deadLetter(FLOW, "spotify:episode:1", "Boom: bad\u0000byte", "ref\u0000x", T0, lease);

    assertThat(letter.reason()).isEqualTo("Boom: bad\\u0000byte");
    assertThat(letter.payloadRef()).contains("ref\\u0000x");
    assertThat(store.deadLetters(FLOW)).containsExactly(letter);
  }

  @Test
  public void aTargetIdWithANulCharacterIsRefusedAndNothingIsRecorded() {
    Lease lease = acquire("instance-a");

    assertThatThrownBy(() -> store.record(entry("spotify:episode:1", "post\u00001", "fp-1"), lease))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("targetId")
        .hasMessageContaining("NUL");
    assertThat(store.find(FLOW, "spotify:episode:1")).isEmpty();
  }

  // ---- concurrency and lifecycle ----

  @Test
  public void racingInstancesNeverHoldAPartitionTogetherAndTokensOnlyGrow() throws Exception {
    int instances = 4;
    Race race = new Race(30);
    List<StateStore> opened = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      opened.add(openInstance(clock));
    }
    ExecutorService pool = Executors.newFixedThreadPool(instances);
    try {
      List<Future<?>> racers = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        StateStore instance = opened.get(i);
        String owner = "instance-" + i;
        racers.add(pool.submit(() -> race.run(instance, owner)));
      }
      for (Future<?> racer : racers) {
        racer.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
      for (StateStore instance : opened) {
        if (instance != store) {
          instance.close();
        }
      }
    }

    assertThat(race.overlaps).hasValue(0);
    List<Long> tokens = List.copyOf(race.tokens);
    assertThat(tokens).hasSize(instances * 30).doesNotHaveDuplicates().isSorted();
    assertThat(race.owners).hasSize(instances);
    long last = tokens.get(tokens.size() - 1);
    assertThat(store.checkpoint(FLOW, PARTITION)).hasValueSatisfying(v -> assertThat(v).endsWith("@" + last));
  }

  /**
   * Instances taking one partition in turns as fast as they can until each has held it
   * {@code acquisitionsEach} times: each holder notes itself as the holder, records its token
   * and writes a checkpoint under the lease before releasing it.
   */
  private static final class Race {
    final int acquisitionsEach;
    final AtomicReference<String> holder = new AtomicReference<>();
    final AtomicInteger overlaps = new AtomicInteger();
    final AtomicBoolean stopped = new AtomicBoolean();
    final List<Long> tokens = Collections.synchronizedList(new ArrayList<>());
    final Set<String> owners = ConcurrentHashMap.newKeySet();

    Race(int acquisitionsEach) {
      this.acquisitionsEach = acquisitionsEach;
    }

    Void run(StateStore instance, String owner) {
      try {
        int held = 0;
        while (held < acquisitionsEach && !stopped.get()) {
          Optional<Lease> lease = instance.tryAcquire(FLOW, PARTITION, owner, Duration.ofMinutes(5));
          if (lease.isPresent()) {
            hold(instance, owner, lease.get());
            held++;
          } else {
            Thread.onSpinWait();
          }
        }
        return null;
      } catch (RuntimeException | Error e) {
        stopped.set(true); // the others would wait for a lease nobody releases
        throw e;
      }
    }

    private void hold(StateStore instance, String owner, Lease lease) {
      if (!holder.compareAndSet(null, owner)) {
        overlaps.incrementAndGet();
      }
      tokens.add(lease.fencingToken());
      owners.add(owner);
      instance.saveCheckpoint(lease, owner + "@" + lease.fencingToken());
      holder.compareAndSet(owner, null);
      instance.release(lease);
    }
  }

  @Test
  public void aClosedStoreRefusesEveryCall() {
    store.close();

    assertThatThrownBy(() -> store.find(FLOW, "spotify:episode:1"))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> store.tryAcquire(FLOW, PARTITION, "instance-a", TTL))
        .isInstanceOf(StateStoreException.class);
  }

  // ---- helpers ----

  /** Random letters (a fixed seed): nothing repeats for a compressor to fold. */
  protected static String incompressible(int length) {
    java.util.Random random = new java.util.Random(length);
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append((char) ('a' + random.nextInt(26)));
    }
    return sb.toString();
  }

  /** A lease on {@link #FLOW}/{@link #PARTITION} for {@code owner}, which must get it. */
  protected Lease acquire(String owner) {
    return store.tryAcquire(FLOW, PARTITION, owner, TTL).orElseThrow();
  }

  /** A builder that starts from {@code entry}. */
  protected static LedgerEntry.Builder edit(LedgerEntry entry) {
    return LedgerEntry.builder().from(entry);
  }

  /** An entry of {@link #FLOW} updated at {@link #T0}. */
  protected static LedgerEntry entry(String sourceKey, String targetId, String fingerprint) {
    return LedgerEntry.builder()
        .flow(FLOW)
        .sourceKey(sourceKey)
        .targetId(targetId)
        .fingerprint(fingerprint)
        .updatedAt(T0)
        .build();
  }
}
