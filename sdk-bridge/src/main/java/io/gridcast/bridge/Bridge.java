package io.gridcast.bridge;

import io.gridcast.bridge.state.DeadLetter;
import io.gridcast.bridge.state.StateStore;
import io.gridcast.core.LogSafe;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Runs flows with effectively-once delivery.
 *
 * <pre>{@code
 * Bridge bridge = Bridge.builder()
 *     .stateStore(JdbcStateStore.h2File(Path.of(".gridcast")))
 *     .progressListener((flow, key, outcome, done, total) -> ...)
 *     .build();
 * RunReport report = bridge.run(flow);   // writes
 * RunReport plan = bridge.plan(flow);    // the same report, nothing written anywhere
 * }</pre>
 *
 * <p>Before processing, a run acquires the flow partition's lease in the state store, so that
 * several application instances sharing a store never process the same partition at once; an
 * instance that finds the lease held returns a report with {@code leaseHeldElsewhere()}.
 *
 * <p>Defaults: the system UTC clock; lease TTL 5 minutes (renewed after each batch and
 * whenever half of it has passed); instance id {@code <pid@host>/<random>}; remote writes on a
 * shared pool of daemon threads named {@code gridcast-write-N}, which end after a minute idle. A bridge is
 * thread-safe: different flows may run concurrently from different threads. It does not own
 * the store it was given; close it yourself. The bridge knows no platform: flows carry the
 * clients they read and write with.
 */
public final class Bridge {

  private final StateStore store;
  private final Clock clock;
  private final String instanceId;
  private final Duration leaseTtl;
  private final List<ProgressListener> progress;
  private final List<BridgeListener> listeners;
  private final Executor writers;
  /** The flow partitions this bridge is running now. */
  private final java.util.Set<String> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Bridge.class);

  private Bridge(Builder b) {
    this.store = b.store;
    this.clock = b.clock;
    this.instanceId = b.instanceId;
    this.leaseTtl = b.leaseTtl;
    this.progress = List.copyOf(b.progress);
    this.listeners = List.copyOf(b.listeners);
    this.writers = b.writers;
  }

  /** A new builder; a state store is required, everything else has a default (see the class comment). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs a flow: creates, updates and records what changed since its last run; a flow made
   * {@linkplain Flow#inStages of stages} runs each stage in order and reports them together. When
   * this bridge is already running the same flow partition on another thread, that flow (or stage)
   * returns at once with {@code leaseHeldElsewhere()} (the lease is per instance, so the bridge
   * guards itself).
   *
   * <p>To cancel a run, interrupt the thread running it: the run stops at the next item, lets
   * the writes in flight finish and records them, saves no checkpoint past an item it did not
   * finish, reports {@code stoppedBecause} "cancelled…", starts no further stage, and returns
   * with the thread's interrupt status set again.
   */
  public RunReport run(Flow<?, ?> flow) {
    return execute(flow, false);
  }

  /** Plans a flow: the report of what {@link #run} would do, with nothing written anywhere. */
  public RunReport plan(Flow<?, ?> flow) {
    return execute(flow, true);
  }

  private RunReport execute(Flow<?, ?> flow, boolean dryRun) {
    RunContext.Scope scope = new RunContext.Scope(clock, dryRun, store);
    if (!flow.isStaged()) {
      return runStage(flow, scope);
    }
    List<RunReport> reports = new ArrayList<>();
    for (Flow<?, ?> stage : flow.stages()) {
      if (Thread.currentThread().isInterrupted()) {
        reports.add(FlowRun.notStarted(stage.name(), scope, FlowRun.CANCELLED));
      } else {
        reports.add(runStage(stage, scope));
      }
    }
    return RunReport.combine(flow.name(), reports);
  }

  private <S, T> RunReport runStage(Flow<S, T> stage, RunContext.Scope scope) {
    FlowRun<S, T> run = new FlowRun<>(stage, store, scope, instanceId, leaseTtl, progress, listeners, writers);
    return scope.dryRun ? run.run() : exclusively(stage, run::run);
  }

  private RunReport exclusively(Flow<?, ?> flow, java.util.function.Supplier<RunReport> work) {
    String partition = flow.name() + '\u0000' + flow.partition();
    if (!running.add(partition)) {
      return FlowRun.heldElsewhere(flow.name(), clock);
    }
    try {
      return work.get();
    } finally {
      running.remove(partition);
    }
  }

  /**
   * Retries a flow's dead letters: each is looked up again through the flow's {@code lookup}
   * and processed; delivered ones are cleared. Dead letters whose item can no longer be found
   * stay recorded. For a flow made of stages, each stage's dead letters are replayed in order; a
   * stage that has dead letters but no {@code lookup} reports why it replayed none.
   *
   * @throws IllegalArgumentException if a single-stage flow was built without {@code lookup(...)}
   */
  public RunReport replayDeadLetters(Flow<?, ?> flow) {
    RunContext.Scope scope = new RunContext.Scope(clock, false, store);
    if (!flow.isStaged()) {
      if (!flow.hasLookup()) {
        throw new IllegalArgumentException("flow " + flow.name()
            + " cannot find its items again by key, so its dead letters cannot be replayed: build it with lookup(...)");
      }
      return replayStage(flow, scope);
    }
    List<RunReport> reports = new ArrayList<>();
    for (Flow<?, ?> stage : flow.stages()) {
      if (!stage.hasLookup()) {
        boolean none = store.deadLetters(stage.name()).isEmpty();
        reports.add(FlowRun.notStarted(stage.name(), scope, none ? null
            : "its dead letters cannot be replayed: the stage was built without lookup(...)"));
      } else {
        reports.add(replayStage(stage, scope));
      }
    }
    return RunReport.combine(flow.name(), reports);
  }

  private <S, T> RunReport replayStage(Flow<S, T> flow, RunContext.Scope scope) {
    return exclusively(flow, () -> {
      RunContext run = new RunContext(scope, flow.name(), flow.partition(), Optional.empty());
      List<S> items = new ArrayList<>();
      for (DeadLetter d : store.deadLetters(flow.name())) {
        try {
          Optional<S> item = flow.lookup(d.sourceKey(), run);
          item.ifPresent(items::add);
        } catch (RuntimeException e) {
          // the item is gone or unreachable: its dead letter stays recorded
          LOG.warn("dead letter {} of flow {} cannot be looked up and stays recorded: {}", LogSafe.quoted(d.sourceKey()),
              flow.name(), e.getClass().getSimpleName());
        }
      }
      return new FlowRun<>(flow, store, scope, instanceId, leaseTtl, progress, listeners, writers).replay(items);
    });
  }

  /** The instance id, lease TTL and state store. */
  @Override
  public String toString() {
    return "Bridge{instance=" + instanceId + ", leaseTtl=" + leaseTtl + ", store=" + store + "}";
  }

  /** The clock runs are timed and recorded with. */
  public Clock clock() {
    return clock;
  }

  /** The state store this bridge records into. */
  public StateStore stateStore() {
    return store;
  }

  /** The id this instance's leases carry. */
  public String instanceId() {
    return instanceId;
  }

  /** Builds a {@link Bridge}; a state store is required. Not thread-safe. */
  public static final class Builder {
    private StateStore store;
    private Clock clock = Clock.systemUTC();
    private String instanceId = ManagementFactory.getRuntimeMXBean().getName() + "/"
        + UUID.randomUUID().toString().substring(0, 8);
    private Duration leaseTtl = Duration.ofMinutes(5);
    private final List<ProgressListener> progress = new ArrayList<>();
    private final List<BridgeListener> listeners = new ArrayList<>();
    private Executor writers = FlowRun.sharedWriters();

    private Builder() {}

    /**
     * Where ledger entries, checkpoints, leases and dead letters are kept (required); the bridge
     * does not close it.
     *
     * @throws NullPointerException if {@code store} is null
     */
    public Builder stateStore(StateStore store) {
      this.store = Objects.requireNonNull(store, "stateStore");
      return this;
    }

    /**
     * The clock for run start times and ledger and dead-letter timestamps; default
     * {@link Clock#systemUTC()}.
     *
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The owner name this instance's leases carry; default {@code <pid@host>/<random>}. */
    public Builder instanceId(String instanceId) {
      if (instanceId == null || instanceId.isBlank()) {
        throw new IllegalArgumentException("instanceId must not be blank");
      }
      this.instanceId = instanceId;
      return this;
    }

    /** How long a lease lasts unless renewed; default 5 minutes. */
    public Builder leaseTtl(Duration ttl) {
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("leaseTtl must be positive, was " + ttl);
      }
      this.leaseTtl = ttl;
      return this;
    }

    /**
     * Adds a listener told of each finished item, e.g. to draw a progress line; call again to add
     * more.
     *
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder progressListener(ProgressListener listener) {
      this.progress.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Adds a listener that observes run starts, items and run ends, e.g. for metrics; call again to
     * add more.
     *
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder listener(BridgeListener listener) {
      this.listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Where remote writes run when a flow has more than one in flight ({@link
     * Flow.Builder#maxInFlight(int)}), for example the application's own pool or, on Java 21 and
     * later, {@code Executors.newVirtualThreadPerTaskExecutor()}; the bridge never shuts it down.
     * Each run keeps at most its flow's {@code maxInFlight} writes on it at once; a write the
     * executor rejects runs on the run's own thread. Default: a shared pool of daemon threads.
     *
     * @throws NullPointerException if {@code executor} is null
     */
    public Builder executor(Executor executor) {
      this.writers = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** @throws IllegalArgumentException when no state store was given */
    public Bridge build() {
      if (store == null) {
        throw new IllegalArgumentException(
            "stateStore is missing: pass JdbcStateStore.h2File(dir), a PostgreSQL JdbcStateStore or new InMemoryStateStore()");
      }
      return new Bridge(this);
    }
  }
}
