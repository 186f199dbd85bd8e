package io.gridcast.bridge;

import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.bridge.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What a source, a mapper or a sink knows about the run it works for: the run id, the flow (or
 * stage) and partition, the bridge's clock, whether it is a plan, the checkpoint the run started
 * from, the {@link Snapshot snapshots} loaded once per run, and whether the run is being
 * cancelled. The bridge makes one per run and stage; the stages of one {@linkplain
 * Flow#inStages staged flow} share run id, start, clock and snapshots.
 *
 * <p>Thread-safe: writes running on the bridge's executor may use it concurrently with the run's
 * own thread. Mappers stay pure functions of (item, context): the same item and the same
 * snapshots map to an equal result.
 */
public final class RunContext {

  private final Scope scope;
  private final String flow;
  private final String partition;
  private final Optional<String> checkpoint;
  private final Set<String> retrying;
  private final Set<String> parked;
  private volatile boolean stopping;

  RunContext(Scope scope, String flow, String partition, Optional<String> checkpoint) {
    this(scope, flow, partition, checkpoint, Set.of(), Set.of());
  }

  RunContext(Scope scope, String flow, String partition, Optional<String> checkpoint, Set<String> retrying,
      Set<String> parked) {
    this.scope = scope;
    this.flow = flow;
    this.partition = partition;
    this.checkpoint = checkpoint;
    this.retrying = Set.copyOf(retrying);
    this.parked = Set.copyOf(parked);
  }

  /**
   * A context outside any bridge run, for calling a mapper or a source directly (in a test, or to
   * preview one item): a fresh run id, no checkpoint, not a plan, nothing {@linkplain #recorded
   * recorded}, snapshots loaded on first use and kept by this context.
   *
   * @throws NullPointerException if an argument is null
   */
  public static RunContext detached(String flow, Clock clock) {
    return new RunContext(new Scope(Objects.requireNonNull(clock, "clock"), false, null), Objects.requireNonNull(flow, "flow"),
        "default", Optional.empty());
  }

  /** This run's id (a random UUID), shared by the stages of a staged flow and shown in its report. */
  public String runId() {
    return scope.runId;
  }

  /** The name of the flow, or of the stage, being run: its ledger, checkpoints and dead letters are kept under it. */
  public String flow() {
    return flow;
  }

  /** The partition being run. */
  public String partition() {
    return partition;
  }

  /** The bridge's clock, to read "now" with instead of the system clock. */
  public Clock clock() {
    return scope.clock;
  }

  /** When the run started, by {@link #clock()}. */
  public Instant startedAt() {
    return scope.startedAt;
  }

  /** Whether this is a plan ({@code Bridge.plan}): nothing is written anywhere. */
  public boolean dryRun() {
    return scope.dryRun;
  }

  /** The last committed checkpoint of this flow partition, which the source resumes after; empty on a first run and in a replay. */
  public Optional<String> checkpoint() {
    return checkpoint;
  }

  /**
   * The source keys this flow (or stage) holds dead letters for that a run still tries again (not
   * yet parked by the {@linkplain io.gridcast.bridge.policy.DeliveryPolicy delivery policy}): a
   * source that reads only what changed reads these too, so that an item that failed is tried
   * again by the next run. Empty in a replay, in a plan's first run and in a detached context.
   */
  public Set<String> retrying() {
    return retrying;
  }

  /**
   * The source keys this flow (or stage) holds dead letters for that runs no longer try (parked
   * after the delivery policy's attempts; only {@code bridge.replayDeadLetters} tries them): a
   * source that stops reading at items it knows may count these as known.
   */
  public Set<String> parked() {
    return parked;
  }

  /**
   * The run's value of {@code snapshot}: loaded on first use (on whichever thread asks first,
   * the others waiting), then the same instance for every item and stage of this run.
   *
   * @throws RuntimeException whatever the loader threw; nothing is kept, so the next use tries again
   */
  public <V> V snapshot(Snapshot<V> snapshot) {
    @SuppressWarnings("unchecked")
    Loaded<V> loaded = (Loaded<V>) scope.snapshots.computeIfAbsent(Objects.requireNonNull(snapshot, "snapshot"),
        s -> new Loaded<>(snapshot));
    return loaded.get();
  }

  /**
   * What this flow's (or stage's) ledger holds for {@code keys}: the target id and fingerprint
   * each was last delivered with, for a source that must tell an item it delivered and that is
   * gone since from one it never delivered. Keys not recorded are absent from the map; a {@linkplain
   * #detached detached} context has nothing recorded.
   *
   * @throws io.gridcast.bridge.state.StateStoreException if the state store cannot be read
   */
  public Map<String, LedgerEntry> recorded(Collection<String> keys) {
    return scope.store == null ? Map.of() : scope.store.findAll(flow, keys);
  }

  /**
   * Whether the run is stopping: it was cancelled (its thread was interrupted), or it met a
   * failure that stops it, or it lost its lease. A source paging through a long list can stop
   * early when this turns true; the bridge stops at the next item anyway.
   */
  public boolean isCancelled() {
    return stopping || scope.thread.isInterrupted();
  }

  /** The run (or this stage of it) stops: sources asking {@link #isCancelled()} learn it. */
  void stopping() {
    stopping = true;
  }

  Scope scope() {
    return scope;
  }

  /** Logs and messages print only the run id, the flow and the partition. */
  @Override
  public String toString() {
    return "RunContext{run=" + scope.runId + ", flow=" + flow + ", partition=" + partition + (scope.dryRun ? ", plan" : "") + "}";
  }

  /** What the stages of one run share. */
  static final class Scope {
    final String runId = UUID.randomUUID().toString();
    final Clock clock;
    final Instant startedAt;
    final boolean dryRun;
    final Thread thread = Thread.currentThread();
    final Map<Snapshot<?>, Loaded<?>> snapshots = new ConcurrentHashMap<>();
    final StateStore store;

    Scope(Clock clock, boolean dryRun, StateStore store) {
      this.clock = clock;
      this.store = store;
      this.startedAt = clock.instant();
      this.dryRun = dryRun;
    }
  }

  /** One snapshot's value in one run: loaded once, under a lock (not {@code synchronized}: loaders do I/O). */
  private static final class Loaded<V> {
    private final Snapshot<V> snapshot;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile V value;

    Loaded(Snapshot<V> snapshot) {
      this.snapshot = snapshot;
    }

    V get() {
      V v = value;
      if (v != null) {
        return v;
      }
      lock.lock();
      try {
        if (value == null) {
          value = snapshot.load();
        }
        return value;
      } finally {
        lock.unlock();
      }
    }
  }
}
