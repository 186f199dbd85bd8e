package io.gridcast.bridge;

import io.gridcast.bridge.state.DeadLetter;
import io.gridcast.bridge.state.InvalidSourceKeyException;
import io.gridcast.bridge.state.LeaseLostException;
import io.gridcast.bridge.state.Lease;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.bridge.state.SourceKeys;
import io.gridcast.bridge.state.StateStore;
import io.gridcast.bridge.state.StateStoreException;
import io.gridcast.bridge.state.WriteIntent;
import io.gridcast.core.LogSafe;
import io.gridcast.core.errors.GridcastException;
import io.gridcast.core.errors.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One run (or plan) of one flow: the effectively-once delivery loop. Not thread-safe; one
 * instance per run, used from the run's thread (its writes alone run on the bridge's executor).
 *
 * <p>Per batch: one ledger look-up for all keys; the keys that may be created named in the
 * partition's {@link WriteIntent} (saved before any write starts); then, in item order, map →
 * fingerprint → skip, or start a remote update or create (a create looks for an orphan by {@code
 * externalRef} first only where one may exist: see {@link #lookUpBeforeCreate}), with up to the
 * flow's {@code maxInFlight} writes in flight; once they have all
 * finished, the batch's successful writes are recorded together ({@code StateStore.recordAll}, a group
 * commit), failed ones dead-lettered, listeners told in item order, and only then is the
 * checkpoint saved and the lease renewed. A write that succeeded remotely but could not be
 * recorded stays named and is found by its {@code externalRef} on the next run, as after a crash. An item whose
 * key no state store can hold ({@link SourceKeys}) fails alone, before the look-up: it is
 * reported but not dead-lettered (it could not be recorded), and it does not hold back the
 * checkpoint.
 *
 * <p>Keys, reasons and error messages are remote text: every one this class logs or puts in a
 * report is escaped through {@link LogSafe} (throwables through {@link EscapedThrowable}).
 */
final class FlowRun<S, T> {

  private static final Logger LOG = LoggerFactory.getLogger(FlowRun.class);
  private static final int MAX_REPORTED_FAILURES = 100;
  /** Why a run whose thread was interrupted stopped. */
  static final String CANCELLED = "cancelled: the run's thread was interrupted";
  /** How long the run's thread waits for writes at a time before it looks at its lease again. */
  private static final long WAIT_SLICE_MILLIS = 500;

  private final Flow<S, T> flow;
  private final StateStore store;
  private final Clock clock;
  private final String owner;
  private final Duration leaseTtl;
  private final boolean dryRun;
  private final List<ProgressListener> progress;
  private final List<BridgeListener> listeners;
  private final Executor writers;
  private final Map<Outcome, Delivery> immediates = new EnumMap<>(Outcome.class);
  /**
   * Ledger entries of unchanged items whose fingerprint was of the mapped value, with the
   * fingerprint of the sent body instead; recorded with the batch.
   */
  private final List<LedgerEntry> fingerprintUpgrades = new ArrayList<>();
  private final RunContext.Scope scope;
  private final String runId;
  /** What the source, mapper and sinks are told of this run; the checkpoint is filled in once it is read. */
  private RunContext context;

  private final long[] stageNanos = new long[Stage.values().length];
  private final List<ItemFailure> failures = new ArrayList<>();
  private int seen;
  private int created;
  private int updated;
  private int unchanged;
  private int skipped;
  private int failed;
  private int deadLettered;
  private int writes;
  private String stoppedBecause;
  private String lastCheckpoint;
  private Lease lease;
  private long leaseRenewedNanos;
  /** Set once a batch was left incomplete: no later checkpoint may pass its skipped items. */
  private boolean checkpointBlocked;
  private boolean capReached;
  private boolean cancelled;
  /** Whether this run keeps write intents: a run or a replay (not a plan) on a store that keeps them. */
  private boolean intents;
  /**
   * Whether the partition's ledger is known to hold everything the target has of it: its intent
   * says so and was saved by the run just before this one (see {@link WriteIntent}).
   */
  private boolean reconciled;
  /** Whether this run read only part of its source: it started from a checkpoint, or a batch carried one. */
  private boolean partialRead;
  /** The keys this partition's intent names: saved before each batch's creates, shrunk as they are recorded. */
  private final Set<String> named = new LinkedHashSet<>();
  /** The keys other partitions' intents named when the run started: a create of one looks for an orphan. */
  private final Set<String> namedElsewhere = new HashSet<>();
  private Map<String, Integer> deadAttempts = Map.of();
  private boolean replaying;
  private OptionalLong total = OptionalLong.empty();

  FlowRun(Flow<S, T> flow, StateStore store, RunContext.Scope scope, String owner, Duration leaseTtl,
      List<ProgressListener> progress, List<BridgeListener> listeners, Executor writers) {
    this.flow = flow;
    this.writers = writers;
    this.store = store;
    this.scope = scope;
    this.runId = scope.runId;
    this.clock = scope.clock;
    this.owner = owner;
    this.leaseTtl = leaseTtl;
    this.dryRun = scope.dryRun;
    this.context = new RunContext(scope, flow.name(), flow.partition(), Optional.empty());
    this.progress = progress;
    this.listeners = listeners;
  }

  /** The report of a run that did not start because the partition is being processed. */
  static RunReport heldElsewhere(String flow, Clock clock) {
    Map<Stage, Duration> timings = new EnumMap<>(Stage.class);
    for (Stage s : Stage.values()) {
      timings.put(s, Duration.ZERO);
    }
    return RunReport.builder().flow(flow).runId(UUID.randomUUID().toString()).dryRun(false)
        .startedAt(clock.instant()).duration(Duration.ZERO).seen(0).created(0).updated(0).unchanged(0)
        .skipped(0).failed(0).deadLettered(0).stageTimings(timings).leaseHeldElsewhere(true).build();
  }

  /** The report of a stage that did not run, with why (or nothing to report, when {@code why} is null). */
  static RunReport notStarted(String flow, RunContext.Scope scope, String why) {
    Map<Stage, Duration> timings = new EnumMap<>(Stage.class);
    for (Stage s : Stage.values()) {
      timings.put(s, Duration.ZERO);
    }
    return RunReport.builder().flow(flow).runId(scope.runId).dryRun(scope.dryRun)
        .startedAt(scope.clock.instant()).duration(Duration.ZERO).seen(0).created(0).updated(0).unchanged(0)
        .skipped(0).failed(0).deadLettered(0).stageTimings(timings).stoppedBecause(Optional.ofNullable(why)).build();
  }

  /** Runs the flow's own source from its checkpoint. */
  RunReport run() {
    return execute(null);
  }

  /** Runs only the given items (a dead-letter replay); no checkpoint is read or saved. */
  RunReport replay(List<S> items) {
    return execute(items);
  }

  private RunReport execute(List<S> replayItems) {
    Instant startedAt = clock.instant();
    long start = System.nanoTime();
    MDC.put("gridcast.flow", flow.name());
    MDC.put("gridcast.run", runId);
    try {
      notifyStarted();
      if (!dryRun) {
        Optional<Lease> acquired;
        try {
          acquired = store.tryAcquire(flow.name(), flow.partition(), owner, leaseTtl);
        } catch (StateStoreException e) {
          stop("state store failed: " + LogSafe.text(e.getMessage()));
          LOG.error("acquiring the lease of flow {} failed", flow.name(), EscapedThrowable.of(e));
          return finish(startedAt, start, false);
        }
        if (acquired.isEmpty()) {
          LOG.info("flow {} partition {} is being processed by another instance; nothing to do", flow.name(),
              LogSafe.quoted(flow.partition()));
          return finish(startedAt, start, true);
        }
        lease = acquired.get();
        leaseRenewedNanos = System.nanoTime();
      }
      try {
        Map<String, Integer> dl = new HashMap<>();
        for (DeadLetter d : store.deadLetters(flow.name())) {
          dl.put(d.sourceKey(), d.attempts());
        }
        deadAttempts = dl;
        replaying = replayItems != null;
        if (!dryRun && store.keepsWriteIntents()) {
          readIntents();
        }
        if (replayItems != null) {
          processBatch(Batch.of(replayItems), false);
        } else {
          processSource();
        }
        if (intents) {
          // a run that read its whole source and completed looked every new item up or named it
          boolean whole = !replaying && !partialRead && stoppedBecause == null && !capReached && !checkpointBlocked;
          saveIntent(whole || reconciled); // every run saves it, so that the next sees no other writer came between
        }
      } catch (LeaseLostException e) {
        stop("lease lost: " + LogSafe.text(e.getMessage()));
      } catch (StateStoreException e) {
        stop("state store failed: " + LogSafe.text(e.getMessage()));
        LOG.error("state store failed during flow {}", flow.name(), EscapedThrowable.of(e));
      } catch (GridcastException e) {
        stop("source failed: " + describe(e));
        LOG.warn("reading the source of flow {} failed: {}", flow.name(), describe(e));
      } finally {
        if (lease != null) {
          try {
            store.release(lease);
          } catch (RuntimeException e) {
            LOG.warn("releasing the lease of flow {} failed; it expires by itself", flow.name(), EscapedThrowable.of(e));
          }
        }
      }
      return finish(startedAt, start, false);
    } finally {
      if (cancelled) {
        Thread.currentThread().interrupt(); // handed back to the caller
      }
      MDC.remove("gridcast.flow");
      MDC.remove("gridcast.run");
      MDC.remove("gridcast.item");
    }
  }

  private void processSource() {
    Optional<String> checkpoint = store.checkpoint(flow.name(), flow.partition());
    Set<String> retrying = new HashSet<>();
    Set<String> parked = new HashSet<>();
    deadAttempts.forEach((key, attempts) -> (attempts < flow.delivery().maxAttempts() ? retrying : parked).add(key));
    context = new RunContext(scope, flow.name(), flow.partition(), checkpoint, retrying, parked);
    partialRead = checkpoint.isPresent();
    Iterator<Batch<S>> batches;
    long t = System.nanoTime();
    batches = flow.source().read(context).iterator();
    while (true) {
      boolean more = batches.hasNext();
      Batch<S> batch = more ? batches.next() : null;
      stageNanos[Stage.FETCH.ordinal()] += System.nanoTime() - t;
      if (!more) {
        return;
      }
      if (batch.total().isPresent()) {
        total = batch.total();
      }
      if (batch.endsWholeRead()) {
        partialRead = false; // the source read everything it has, though it keeps a checkpoint
      } else {
        partialRead |= batch.checkpointAfter().isPresent();
      }
      processBatch(batch, true);
      if (stoppedBecause != null || capReached) {
        return; // what lies beyond a cap is read by the next run, from the last checkpoint
      }
      t = System.nanoTime();
    }
  }

  private void processBatch(Batch<S> batch, boolean checkpointAfter) {
    List<S> items = batch.items();
    List<String> keys = new ArrayList<>(items.size());
    List<String> storable = new ArrayList<>(items.size());
    Map<Integer, String> refusedKeys = new HashMap<>(); // item index → why no store can hold its key
    for (S item : items) {
      String key;
      try {
        key = flow.keyOf(item);
      } catch (RuntimeException e) {
        stop("the flow's key function failed: " + describe(e));
        LOG.error("the key function of flow {} failed; the run stops before this batch", flow.name(),
            EscapedThrowable.of(e));
        return;
      }
      if (key == null || key.isBlank()) {
        stop("the flow's key function returned no key for an item of this batch");
        return;
      }
      try {
        storable.add(SourceKeys.requireStorable(key));
      } catch (InvalidSourceKeyException e) {
        refusedKeys.put(keys.size(), e.getClass().getSimpleName() + ": " + e.getMessage()); // escaped already
      }
      keys.add(key);
    }
    long t = System.nanoTime();
    Map<String, LedgerEntry> ledger = store.findAll(flow.name(), storable);
    stageNanos[Stage.LOOKUP.ordinal()] += System.nanoTime() - t;

    Set<String> namedBefore = intents ? Set.copyOf(named) : Set.of();
    if (intents) {
      nameCreates(storable, ledger);
    }

    Outcome[] outcomes = new Outcome[items.size()];
    long[] nanos = new long[items.size()];
    List<Delivery> deliveries = new ArrayList<>();
    Set<String> keysOfBatch = new HashSet<>();
    boolean complete = true;
    Writes inFlight = new Writes();
    try {
      for (int i = 0; i < items.size(); i++) {
        String key = keys.get(i);
        seen++;
        inFlight.collectFinished(); // a systemic failure of an earlier write stops the run here
        if (Thread.interrupted()) {
          cancel(); // at an item boundary: nothing half-done
        }
        if (stoppedBecause != null || seen > flow.caps().maxItems()) {
          complete = false;
          capReached |= stoppedBecause == null;
          outcomes[i] = Outcome.SKIPPED;
          continue;
        }
        MDC.put("gridcast.item", LogSafe.text(key));
        if (refusedKeys.containsKey(i)) {
          outcomes[i] = keyRefused(key, refusedKeys.get(i)); // it does not hold the checkpoint: no run could deliver it
          continue;
        }
        if (!replaying && deadAttempts.getOrDefault(key, 0) >= flow.delivery().maxAttempts()) {
          outcomes[i] = Outcome.SKIPPED; // parked: only a replay retries it; it does not hold the checkpoint
          continue;
        }
        long itemStart = System.nanoTime();
        Delivery delivery;
        try {
          renewLeaseIfDue();
          // the same key again in this batch: its write waits for the first and must find what it made
          boolean again = !keysOfBatch.add(key);
          delivery = prepare(i, items.get(i), key, ledger.get(key), itemStart, again || lookUpBeforeCreate(key, namedBefore));
        } catch (StateStoreException e) { // a LeaseLostException included
          stop((e instanceof LeaseLostException ? "lease lost: " : "state store failed: ") + LogSafe.text(e.getMessage()));
          outcomes[i] = Outcome.FAILED; // not committed: the next run picks it up again
          nanos[i] = System.nanoTime() - itemStart;
          continue;
        }
        if (delivery.outcome != null) {
          outcomes[i] = delivery.outcome;
          nanos[i] = System.nanoTime() - itemStart;
          if (delivery.outcome == Outcome.SKIPPED) {
            complete = false;
            capReached = true;
          }
          continue;
        }
        if (inFlight.start(delivery)) {
          deliveries.add(delivery);
        } else {
          complete = false; // the run stopped while this item waited for a slot: the next run does it
          outcomes[i] = Outcome.SKIPPED;
          nanos[i] = System.nanoTime() - itemStart;
        }
      }
    } finally {
      inFlight.awaitAll(); // every write started is finished before anything else is decided
      MDC.remove("gridcast.item");
    }
    for (Delivery d : deliveries) {
      if (d.error != null) {
        throw d.error; // an Error in a writer thread ends the run as it would have on this one
      }
    }
    complete &= commit(deliveries, outcomes, nanos);
    for (int i = 0; i < items.size(); i++) {
      if (outcomes[i] != null) {
        MDC.put("gridcast.item", LogSafe.text(keys.get(i)));
        record(keys.get(i), outcomes[i], nanos[i]);
      }
    }
    MDC.remove("gridcast.item");
    if (!complete) {
      checkpointBlocked = true;
    }
    if (!dryRun && checkpointAfter && !checkpointBlocked && stoppedBecause == null && batch.checkpointAfter().isPresent()) {
      long c = System.nanoTime();
      store.saveCheckpoint(lease, batch.checkpointAfter().get());
      lastCheckpoint = batch.checkpointAfter().get();
      lease = store.renew(lease, leaseTtl);
      leaseRenewedNanos = System.nanoTime();
      stageNanos[Stage.CHECKPOINT.ordinal()] += System.nanoTime() - c;
    }
  }

  /**
   * Records the batch's finished writes together ({@code StateStore.recordAll}), then sets
   * their outcomes; a failed write is dead-lettered or stops the run, as {@link #itemFailed}
   * decides. Writes that succeeded but cannot be recorded (the lease lost, the store failing) are
   * failures of this run: the next run finds their resources by {@code externalRef}.
   *
   * @return whether every write of the batch was committed
   */
  private boolean commit(List<Delivery> deliveries, Outcome[] outcomes, long[] nanos) {
    List<LedgerEntry> entries = new ArrayList<>(deliveries.size() + fingerprintUpgrades.size());
    entries.addAll(fingerprintUpgrades); // unchanged items: no outcome depends on them
    fingerprintUpgrades.clear();
    List<Delivery> written = new ArrayList<>(deliveries.size());
    for (Delivery d : deliveries) {
      nanos[d.index] = d.finishedNanos - d.startedNanos;
      stageNanos[Stage.WRITE.ordinal()] += d.finishedNanos - d.writeStartedNanos;
      if (d.failure != null) {
        MDC.put("gridcast.item", LogSafe.text(d.key));
        outcomes[d.index] = itemFailed(d.key, d.failure);
      } else {
        entries.add(entry(d.key, d.result, d.fingerprint, d.existing));
        written.add(d);
      }
    }
    MDC.remove("gridcast.item");
    if (entries.isEmpty()) {
      return true;
    }
    long l = System.nanoTime();
    try {
      store.recordAll(entries, lease);
    } catch (StateStoreException e) { // a LeaseLostException included
      stop((e instanceof LeaseLostException ? "lease lost: " : "state store failed: ") + LogSafe.text(e.getMessage()));
      for (Delivery d : written) {
        outcomes[d.index] = Outcome.FAILED; // not committed: the next run adopts what was written
      }
      return false;
    } finally {
      stageNanos[Stage.LEDGER.ordinal()] += System.nanoTime() - l;
    }
    for (Delivery d : written) {
      clearDeadLetter(d.key);
      outcomes[d.index] = d.writeOutcome;
      named.remove(d.key); // recorded: no orphan to look for any more (saved with the next intent)
    }
    return true;
  }

  // ---- write intents ----

  /**
   * Reads the flow's write intents: this partition's names, whether it is reconciled (its intent
   * says so and was saved under the lease just before this run's), and the keys others name.
   */
  private void readIntents() {
    intents = true;
    for (WriteIntent intent : store.writeIntents(flow.name())) {
      if (intent.partition().equals(flow.partition())) {
        reconciled = intent.reconciled() && lease != null && intent.fencingToken() == lease.fencingToken() - 1;
        named.addAll(intent.sourceKeys());
      } else {
        namedElsewhere.addAll(intent.sourceKeys());
      }
    }
    if (!reconciled) {
      LOG.debug("flow {} partition {} is not reconciled: every new item is looked up before it is created", flow.name(),
          LogSafe.quoted(flow.partition()));
    }
  }

  /**
   * Names, durably and before any of the batch's writes starts, every key of the batch that may
   * be created (it has no ledger entry), so that a crash after its create and before its ledger
   * entry leaves it named and the next run looks for the orphan; un-names those the ledger holds.
   * Where creates may skip the look-up, first reads again what other partitions name.
   */
  private void nameCreates(List<String> storable, Map<String, LedgerEntry> ledger) {
    boolean changed = false;
    for (String key : storable) {
      changed |= ledger.containsKey(key) ? named.remove(key) : named.add(key);
    }
    if (reconciled && !replaying) {
      namedElsewhere.clear();
      for (WriteIntent intent : store.writeIntents(flow.name())) {
        if (!intent.partition().equals(flow.partition())) {
          namedElsewhere.addAll(intent.sourceKeys());
        }
      }
    }
    if (changed) {
      saveIntent(reconciled);
    }
  }

  /**
   * Whether a create of {@code key} must first look for an orphan: always in a replay, on a
   * partition not reconciled, or for a key named before this batch (here or by another partition)
   * or held by a dead letter.
   */
  private boolean lookUpBeforeCreate(String key, Set<String> namedBefore) {
    return !intents || replaying || !reconciled || namedBefore.contains(key) || namedElsewhere.contains(key)
        || deadAttempts.containsKey(key);
  }

  private void saveIntent(boolean reconciledNow) {
    long t = System.nanoTime();
    store.saveWriteIntent(lease, WriteIntent.of(flow.partition(), named, reconciledNow));
    reconciled = reconciledNow;
    stageNanos[Stage.LEDGER.ordinal()] += System.nanoTime() - t;
  }


  /**
   * Maps and fingerprints one item and decides what it needs: an outcome at once (unchanged, a
   * mapping failure, over the write cap, or any change in a plan), or a remote write.
   */
  private Delivery prepare(int index, S item, String key, LedgerEntry entry, long startedNanos, boolean lookUp) {
    T mapped;
    String externalRef = null;
    byte[] body = null;
    String fingerprint;
    long t = System.nanoTime();
    try {
      mapped = flow.mapper().map(item, context);
      if (flow.fingerprintsSentBodies()) {
        // encode once: the fingerprint is taken over the bytes the create would send
        externalRef = flow.externalRefOf(key);
        body = flow.sink().encode(mapped, externalRef).orElse(null);
      }
      fingerprint = body != null ? Fingerprints.ofSentBody(body) : flow.fingerprintOf(mapped);
      if (entry != null && body != null && !entry.fingerprint().equals(fingerprint)
          && !Fingerprints.isOfSentBody(entry.fingerprint()) && entry.fingerprint().equals(flow.fingerprintOf(mapped))) {
        // written before fingerprints were taken over sent bodies, and unchanged since: keep it and
        // store the new fingerprint with the batch, so that the next run compares once
        stageNanos[Stage.MAP.ordinal()] += System.nanoTime() - t;
        if (!dryRun) {
          fingerprintUpgrades.add(entry.withFingerprint(fingerprint));
        }
        clearDeadLetter(key);
        return immediate(Outcome.UNCHANGED);
      }
    } catch (RuntimeException e) {
      stageNanos[Stage.MAP.ordinal()] += System.nanoTime() - t;
      return immediate(itemFailed(key, e));
    }
    stageNanos[Stage.MAP.ordinal()] += System.nanoTime() - t;

    if (entry != null && entry.fingerprint().equals(fingerprint)) {
      clearDeadLetter(key);
      return immediate(Outcome.UNCHANGED);
    }
    if (writes >= flow.caps().maxWrites()) {
      return immediate(Outcome.SKIPPED);
    }
    writes++; // before the dry-run return, so that a plan honours the caps like a run
    if (dryRun) {
      return immediate(entry == null ? Outcome.CREATED : Outcome.UPDATED);
    }
    return new Delivery(index, key, mapped, fingerprint, externalRef, body, entry, startedNanos, lookUp);
  }

  /**
   * The remote write of one item: an update of the resource the ledger names (delivered again if
   * it was deleted, after a look-up), or a create that first adopts an orphan an earlier run left
   * unrecorded where {@link Delivery#lookUp} says one may exist.
   * Touches no state: it may run on a writer thread.
   */
  private void write(Delivery d) {
    try {
      String idempotencyKey = Fingerprints.idempotencyKey(flow.name(), d.key);
      if (d.existing != null) {
        try {
          d.succeeded(flow.sink().update(d.existing, d.mapped, context), Outcome.UPDATED);
          return;
        } catch (NotFoundException e) {
          // deleted on the target since we wrote it: deliver it again rather than lose it, under a
          // new idempotency key (the old one would replay the deleted resource)
          LOG.warn("{} for {} no longer exists on the target; delivering the item again",
              LogSafe.quoted(d.existing.targetId()), LogSafe.quoted(d.key));
          idempotencyKey = Fingerprints.idempotencyKey(flow.name(), d.key + "\u0000after:" + d.existing.targetId());
        }
      }
      String externalRef = d.externalRef != null ? d.externalRef : flow.externalRefOf(d.key);
      // a create no earlier attempt can have sent (no intent named it) needs no look-up: one request
      Optional<WriteResult> orphan = d.lookUp || d.existing != null ? flow.sink().findByExternalRef(externalRef, context) : Optional.empty();
      WriteResult result;
      if (orphan.isPresent()) {
        WriteResult found = orphan.get();
        LOG.info("adopting {} created for {} by an earlier run that did not record it",
            LogSafe.quoted(found.targetId()), LogSafe.quoted(d.key));
        result = d.fingerprint.equals(found.foundFingerprint().orElse(null))
            ? found
            : flow.sink().update(entry(d.key, found, "", null), d.mapped, context);
      } else if (d.body != null) {
        result = flow.sink().create(d.key, d.mapped, d.body, idempotencyKey, externalRef, context);
      } else {
        result = flow.sink().create(d.key, d.mapped, idempotencyKey, externalRef, context);
      }
      d.body = null; // sent: the batch need not keep the bytes until it commits
      d.succeeded(result, Outcome.CREATED);
    } catch (RuntimeException e) {
      d.failed(e);
    }
  }

  /** An item decided without a write: one shared, never-started delivery per outcome. */
  private Delivery immediate(Outcome outcome) {
    return immediates.computeIfAbsent(outcome, o -> {
      Delivery d = new Delivery(-1, null, null, null, null, null, null, 0, true);
      d.outcome = o;
      return d;
    });
  }

  /**
   * One item on its way: decided at once ({@link #outcome} set), or a remote write whose result
   * or failure a writer sets before counting {@link #finished} down (which publishes them to the
   * run's thread).
   */
  private final class Delivery {
    final int index;
    final String key;
    final T mapped;
    final String fingerprint;
    /** The {@code externalRef}, where it was needed to encode the body. */
    final String externalRef;
    /** The create's body as the sink encoded it (the fingerprint's bytes), until it is sent. */
    byte[] body;
    final LedgerEntry existing;
    final long startedNanos;
    /** Whether a create must first look for an orphan an earlier attempt may have left. */
    final boolean lookUp;
    final CountDownLatch finished = new CountDownLatch(1);
    Outcome outcome;
    long writeStartedNanos;
    long finishedNanos;
    WriteResult result;
    Outcome writeOutcome;
    RuntimeException failure;
    Error error;

    Delivery(int index, String key, T mapped, String fingerprint, String externalRef, byte[] body, LedgerEntry existing,
        long startedNanos, boolean lookUp) {
      this.lookUp = lookUp;
      this.externalRef = externalRef;
      this.body = body;
      this.index = index;
      this.key = key;
      this.mapped = mapped;
      this.fingerprint = fingerprint;
      this.existing = existing;
      this.startedNanos = startedNanos;
    }

    void succeeded(WriteResult result, Outcome outcome) {
      this.result = result;
      this.writeOutcome = outcome;
    }

    void failed(RuntimeException failure) {
      this.failure = failure;
    }
  }

  /**
   * A batch's remote writes: at most the flow's {@code maxInFlight} at once on the bridge's
   * executor (or, with one, on the run's own thread). The run's thread starts them in item order
   * and, before each new item, looks at those finished meanwhile, so that a systemic failure
   * stops the run before more writes start.
   */
  private final class Writes {
    private final int maxInFlight = flow.maxInFlight();
    private final Semaphore slots = new Semaphore(maxInFlight);
    private final List<Delivery> started = new ArrayList<>();
    private final Map<String, Delivery> startedByKey = new HashMap<>();
    private final Queue<Delivery> finishedUnseen = new ConcurrentLinkedQueue<>();

    /**
     * Starts {@code d}'s write, once a slot is free; returns false, starting nothing, when a write
     * that finished meanwhile stopped the run.
     */
    boolean start(Delivery d) {
      Delivery sameKey = startedByKey.get(d.key);
      if (sameKey != null) {
        // the same item twice in one batch: its second write waits for the first and adopts it
        awaitWithRenewals(sameKey.finished);
      }
      if (maxInFlight == 1) {
        started.add(d);
        startedByKey.put(d.key, d);
        d.writeStartedNanos = System.nanoTime();
        runWrite(d);
        return true;
      }
      while (!tryAcquireSlot()) {
        renewLeaseWhileWaiting();
      }
      collectFinished(); // the wait for a slot may have seen a systemic failure
      if (stoppedBecause != null) {
        slots.release();
        return false;
      }
      started.add(d);
      startedByKey.put(d.key, d);
      Map<String, String> mdc = MDC.getCopyOfContextMap();
      d.writeStartedNanos = System.nanoTime();
      Runnable task = () -> {
        if (mdc != null) {
          MDC.setContextMap(mdc);
        }
        try {
          runWrite(d);
        } finally {
          slots.release();
          MDC.clear();
        }
      };
      try {
        writers.execute(task);
      } catch (RejectedExecutionException rejected) {
        slots.release();
        d.writeStartedNanos = System.nanoTime();
        runWrite(d); // the executor is full or shut down: write here instead
      }
      return true;
    }

    private void runWrite(Delivery d) {
      try {
        write(d);
      } catch (Error e) {
        d.error = e;
        if (maxInFlight == 1) {
          throw e;
        }
      } finally {
        d.finishedNanos = System.nanoTime();
        finishedUnseen.add(d);
        d.finished.countDown();
      }
    }

    /** Stops the run if a write that finished since the last look failed systemically. */
    void collectFinished() {
      Delivery d;
      while ((d = finishedUnseen.poll()) != null) {
        if (d.failure != null && isSystemic(d.failure)) {
          stop(describe(d.failure));
        }
      }
    }

    /**
     * Waits for every write started, renewing the lease while it waits (a write may wait minutes
     * for Spotify to ingest a release); an interrupt is kept for the caller, not acted on
     * mid-write.
     */
    void awaitAll() {
      for (Delivery d : started) {
        awaitWithRenewals(d.finished);
      }
    }

    private boolean tryAcquireSlot() {
      try {
        return slots.tryAcquire(WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        cancel(); // the writes in flight finish; no new one starts
        return false;
      }
    }

    private void awaitWithRenewals(CountDownLatch latch) {
      while (true) {
        try {
          if (latch.await(WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
            break;
          }
        } catch (InterruptedException e) {
          cancel();
        }
        renewLeaseWhileWaiting();
      }
    }

    /** A lease that cannot be renewed stops the run; the writes in flight still finish. */
    private void renewLeaseWhileWaiting() {
      try {
        renewLeaseIfDue();
      } catch (StateStoreException e) { // a LeaseLostException included
        stop((e instanceof LeaseLostException ? "lease lost: " : "state store failed: ") + LogSafe.text(e.getMessage()));
      }
    }
  }

  /** The default executor of remote writes: daemon threads, created on demand, ended after a minute idle. */
  static Executor sharedWriters() {
    return SharedWriters.POOL;
  }

  private static final class SharedWriters {
    static final AtomicInteger COUNT = new AtomicInteger();
    static final ExecutorService POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), runnable -> {
          Thread thread = new Thread(runnable, "gridcast-write-" + COUNT.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  private LedgerEntry entry(String key, WriteResult result, String fingerprint, LedgerEntry previous) {
    return LedgerEntry.builder()
        .flow(flow.name())
        .sourceKey(key)
        .targetId(result.targetId())
        .fingerprint(fingerprint)
        .targetVersion(result.version())
        .attributes(result.attributes().isPresent() ? result.attributes()
            : previous == null ? Optional.empty() : previous.attributes())
        .updatedAt(clock.instant())
        .build();
  }

  /**
   * Per-item errors are dead-lettered; systemic ones stop the run without advancing it: the
   * state store failing, and whatever the flow's {@link io.gridcast.bridge.policy.FailurePolicy}
   * calls systemic.
   */
  private Outcome itemFailed(String key, RuntimeException e) {
    String reason = describe(e);
    boolean systemic = isSystemic(e);
    boolean recorded = false;
    if (systemic) {
      stop(reason);
      LOG.warn("item {} failed and flow {} stops here: {}", LogSafe.quoted(key), flow.name(), reason);
    } else if (!dryRun) {
      store.deadLetter(flow.name(), key, reason, flow.externalRefOf(key), clock.instant(), lease);
      recorded = true;
      deadLettered++;
      LOG.warn("item {} of flow {} failed and was dead-lettered: {}", LogSafe.quoted(key), flow.name(), reason);
    }
    reportFailure(key, reason, recorded);
    return Outcome.FAILED;
  }

  /** An item whose key no state store can hold: it fails, and is neither recorded nor dead-lettered. */
  private Outcome keyRefused(String key, String reason) {
    LOG.warn("an item of flow {} failed and cannot be dead-lettered: {}", flow.name(), reason);
    reportFailure(key, reason, false);
    return Outcome.FAILED;
  }

  private void reportFailure(String key, String reason, boolean deadLettered) {
    if (failures.size() < MAX_REPORTED_FAILURES) {
      failures.add(ItemFailure.builder().sourceKey(key).reason(reason).deadLettered(deadLettered).build());
    }
  }

  private boolean isSystemic(RuntimeException e) {
    return e instanceof StateStoreException || flow.failures().isSystemic(e);
  }

  /** The error's type and message, the message escaped through {@link LogSafe} (it may quote remote text). */
  private static String describe(RuntimeException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + LogSafe.text(m));
  }

  /**
   * The run's thread was interrupted: stop at the next item boundary. The interrupt is cleared
   * until the run has recorded what finished (a JDBC driver may refuse an interrupted thread)
   * and set again when the run returns, for the caller.
   */
  private void cancel() {
    cancelled = true;
    stop(CANCELLED);
  }

  private void stop(String reason) {
    if (stoppedBecause == null) {
      stoppedBecause = reason;
      context.stopping();
    }
  }

  private void clearDeadLetter(String key) {
    if (!dryRun && deadAttempts.containsKey(key)) {
      store.clearDeadLetter(flow.name(), key);
    }
  }

  /** Renews before an item once half the TTL has passed, timed on the monotonic clock. */
  private void renewLeaseIfDue() {
    if (lease != null && System.nanoTime() - leaseRenewedNanos > leaseTtl.toNanos() / 2) {
      long c = System.nanoTime();
      lease = store.renew(lease, leaseTtl);
      leaseRenewedNanos = System.nanoTime();
      stageNanos[Stage.CHECKPOINT.ordinal()] += System.nanoTime() - c;
    }
  }

  private void record(String key, Outcome outcome, long nanos) {
    switch (outcome) {
      case CREATED: created++; break;
      case UPDATED: updated++; break;
      case UNCHANGED: unchanged++; break;
      case SKIPPED: skipped++; break;
      case FAILED: failed++; break;
      default: throw new IllegalStateException(outcome.name());
    }
    int done = created + updated + unchanged + skipped + failed;
    for (ProgressListener p : progress) {
      try {
        p.onItem(flow.name(), key, outcome, done, total);
      } catch (RuntimeException e) {
        LOG.warn("progress listener failed", EscapedThrowable.of(e));
      }
    }
    for (BridgeListener l : listeners) {
      try {
        l.onItem(flow.name(), runId, key, outcome, Duration.ofNanos(nanos));
      } catch (RuntimeException e) {
        LOG.warn("bridge listener failed", EscapedThrowable.of(e));
      }
    }
  }

  private void notifyStarted() {
    for (BridgeListener l : listeners) {
      try {
        l.onRunStarted(flow.name(), runId, dryRun);
      } catch (RuntimeException e) {
        LOG.warn("bridge listener failed", EscapedThrowable.of(e));
      }
    }
  }

  private RunReport finish(Instant startedAt, long start, boolean leaseHeld) {
    Map<Stage, Duration> timings = new EnumMap<>(Stage.class);
    for (Stage s : Stage.values()) {
      timings.put(s, Duration.ofNanos(stageNanos[s.ordinal()]));
    }
    RunReport report = RunReport.builder()
        .flow(flow.name()).runId(runId).dryRun(dryRun).startedAt(startedAt)
        .duration(Duration.ofNanos(System.nanoTime() - start))
        .seen(seen).created(created).updated(updated).unchanged(unchanged).skipped(skipped)
        .failed(failed).deadLettered(deadLettered).stageTimings(timings).failures(failures)
        .stoppedBecause(Optional.ofNullable(stoppedBecause)).leaseHeldElsewhere(leaseHeld)
        .checkpoint(Optional.ofNullable(lastCheckpoint))
        .build();
    LOG.info("{}", report.summary());
    for (BridgeListener l : listeners) {
      try {
        l.onRunFinished(report);
      } catch (RuntimeException e) {
        LOG.warn("bridge listener failed", EscapedThrowable.of(e));
      }
    }
    return report;
  }
}
