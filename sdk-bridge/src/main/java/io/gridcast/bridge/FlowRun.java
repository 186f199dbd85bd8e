package io.gridcast.bridge;

import io.gridcast.bridge.state.DeadLetter;
import io.gridcast.bridge.state.InvalidSourceKeyException;
import io.gridcast.bridge.state.LeaseLostException;
import io.gridcast.bridge.state.Lease;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.bridge.state.SourceKeys;
import io.gridcast.bridge.state.StateStore;
import io.gridcast.bridge.state.StateStoreException;
import io.gridcast.core.LogSafe;
import io.gridcast.core.errors.ApiException;
import io.gridcast.core.errors.ForbiddenException;
import io.gridcast.core.errors.GridcastException;
import io.gridcast.core.errors.NotFoundException;
import io.gridcast.core.errors.OAuthException;
import io.gridcast.core.errors.RateLimitedException;
import io.gridcast.core.errors.ServerException;
import io.gridcast.core.errors.UnauthorizedException;
import io.gridcast.spotify.feed.ReleaseTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One run (or plan) of one flow: the effectively-once delivery loop. Not thread-safe; one
 * instance per run.
 *
 * <p>Per batch: ledger look-up for all keys, then per item map → fingerprint → skip, update or
 * create (a create first looks for an orphan by {@code externalRef}) → ledger write; once every
 * item of the batch is committed, the checkpoint is saved and the lease renewed. An item whose
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

  private final Flow<S, T> flow;
  private final StateStore store;
  private final Clock clock;
  private final String owner;
  private final Duration leaseTtl;
  private final boolean dryRun;
  private final List<ProgressListener> progress;
  private final List<BridgeListener> listeners;
  private final String runId = UUID.randomUUID().toString();

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
  private Map<String, Integer> deadAttempts = Map.of();
  private boolean replaying;
  private OptionalLong total = OptionalLong.empty();

  FlowRun(Flow<S, T> flow, StateStore store, Clock clock, String owner, Duration leaseTtl, boolean dryRun,
      List<ProgressListener> progress, List<BridgeListener> listeners) {
    this.flow = flow;
    this.store = store;
    this.clock = clock;
    this.owner = owner;
    this.leaseTtl = leaseTtl;
    this.dryRun = dryRun;
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
        if (replayItems != null) {
          processBatch(Batch.of(replayItems), false);
        } else {
          processSource();
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
      MDC.remove("gridcast.flow");
      MDC.remove("gridcast.run");
      MDC.remove("gridcast.item");
    }
  }

  private void processSource() {
    Optional<String> checkpoint = store.checkpoint(flow.name(), flow.partition());
    Iterator<Batch<S>> batches;
    long t = System.nanoTime();
    batches = flow.source().read(checkpoint).iterator();
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

    boolean complete = true;
    for (int i = 0; i < items.size(); i++) {
      String key = keys.get(i);
      seen++;
      if (stoppedBecause != null || seen > flow.caps().maxItems()) {
        complete = false;
        capReached |= stoppedBecause == null;
        record(key, Outcome.SKIPPED, 0);
        continue;
      }
      MDC.put("gridcast.item", LogSafe.text(key));
      if (refusedKeys.containsKey(i)) {
        record(key, keyRefused(key, refusedKeys.get(i)), 0); // it does not hold the checkpoint: no run could deliver it
        continue;
      }
      if (!replaying && deadAttempts.getOrDefault(key, 0) >= flow.delivery().maxAttempts()) {
        record(key, Outcome.SKIPPED, 0); // parked: only a replay retries it; it does not hold the checkpoint
        continue;
      }
      long itemStart = System.nanoTime();
      Outcome outcome;
      try {
        renewLeaseIfDue();
        outcome = processItem(items.get(i), key, ledger.get(key));
      } catch (StateStoreException e) { // a LeaseLostException included
        stop((e instanceof LeaseLostException ? "lease lost: " : "state store failed: ") + LogSafe.text(e.getMessage()));
        outcome = Outcome.FAILED; // not committed: the next run picks it up again
      }
      if (outcome == Outcome.SKIPPED) {
        complete = false;
        capReached = true;
      }
      record(key, outcome, System.nanoTime() - itemStart);
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

  private Outcome processItem(S item, String key, LedgerEntry entry) {
    T mapped;
    String fingerprint;
    long t = System.nanoTime();
    try {
      mapped = flow.mapper().map(item);
      fingerprint = flow.fingerprintOf(mapped);
    } catch (RuntimeException e) {
      stageNanos[Stage.MAP.ordinal()] += System.nanoTime() - t;
      return itemFailed(key, e);
    }
    stageNanos[Stage.MAP.ordinal()] += System.nanoTime() - t;

    if (entry != null && entry.fingerprint().equals(fingerprint)) {
      clearDeadLetter(key);
      return Outcome.UNCHANGED;
    }
    if (writes >= flow.caps().maxWrites()) {
      return Outcome.SKIPPED;
    }
    writes++; // before the dry-run return, so that a plan honours the caps like a run
    if (dryRun) {
      return entry == null ? Outcome.CREATED : Outcome.UPDATED;
    }
    try {
      Outcome outcome;
      WriteResult result;
      long w = System.nanoTime();
      WriteResult updated = null;
      String idempotencyKey = Fingerprints.idempotencyKey(flow.name(), key);
      if (entry != null) {
        try {
          updated = flow.sink().update(entry, mapped);
        } catch (NotFoundException e) {
          // deleted on the target since we wrote it: deliver it again rather than lose it, under a
          // new idempotency key (the old one would replay the deleted resource)
          LOG.warn("{} for {} no longer exists on the target; delivering the item again",
              LogSafe.quoted(entry.targetId()), LogSafe.quoted(key));
          idempotencyKey = Fingerprints.idempotencyKey(flow.name(), key + "\u0000after:" + entry.targetId());
        }
      }
      if (updated != null) {
        result = updated;
        outcome = Outcome.UPDATED;
      } else {
        String externalRef = flow.externalRefOf(key);
        Optional<WriteResult> orphan = flow.sink().findByExternalRef(externalRef);
        if (orphan.isPresent()) {
          WriteResult found = orphan.get();
          LOG.info("adopting {} created for {} by an earlier run that did not record it",
              LogSafe.quoted(found.targetId()), LogSafe.quoted(key));
          result = fingerprint.equals(found.foundFingerprint().orElse(null))
              ? found
              : flow.sink().update(entry(key, found, "", null), mapped);
        } else {
          result = flow.sink().create(key, mapped, idempotencyKey, externalRef);
        }
        outcome = Outcome.CREATED;
      }
      stageNanos[Stage.WRITE.ordinal()] += System.nanoTime() - w;
      long l = System.nanoTime();
      store.record(entry(key, result, fingerprint, entry), lease);
      stageNanos[Stage.LEDGER.ordinal()] += System.nanoTime() - l;
      clearDeadLetter(key);
      return outcome;
    } catch (LeaseLostException e) {
      throw e;
    } catch (RuntimeException e) {
      return itemFailed(key, e);
    }
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
   * Per-item errors are dead-lettered; systemic ones stop the run without advancing it.
   * Systemic: the state store, the target refusing everyone (401, 403), overloaded or failing
   * (429, 5xx after retries), unreachable, or answering garbage. Per item: everything else,
   * including a bad input, a 4xx about this item, and a release Spotify has not ingested in
   * time.
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

  static boolean isSystemic(RuntimeException e) {
    if (e instanceof StateStoreException) {
      return true;
    }
    if (e instanceof ReleaseTimeoutException) {
      return false; // one release Spotify has not ingested yet must not hold up the others
    }
    if (e instanceof ApiException) {
      ApiException api = (ApiException) e;
      return e instanceof ServerException || e instanceof RateLimitedException
          || e instanceof UnauthorizedException || e instanceof ForbiddenException
          || e instanceof OAuthException // credentials refused: no item can succeed
          || api.status() == 408 // the platform timed out: try the item again next run
          || api.errorCode().filter("idempotency_key_in_use"::equals).isPresent();
    }
    return e instanceof GridcastException; // transport, unparseable, too large
  }

  /** The error's type and message, the message escaped through {@link LogSafe} (it may quote remote text). */
  private static String describe(RuntimeException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + LogSafe.text(m));
  }

  private void stop(String reason) {
    if (stoppedBecause == null) {
      stoppedBecause = reason;
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
