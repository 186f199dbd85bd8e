package io.gridcast.bridge.state;

import static io.gridcast.bridge.state.Arguments.micros;
import static io.gridcast.bridge.state.Arguments.requirePositive;
import static io.gridcast.bridge.state.Arguments.requirePresent;
import static io.gridcast.bridge.state.Arguments.requireSameFlow;
import static io.gridcast.bridge.state.Arguments.requireText;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link StateStore} held in memory, for tests and single-process tools: nothing survives
 * the process. It has exactly the semantics of {@link JdbcStateStore}, fencing included, and
 * also keeps instants to microseconds, so that a test written against it holds for the
 * database-backed store.
 *
 * <p>It refuses the same source keys ({@link SourceKeys}) and escapes the same dead-letter text
 * as {@link JdbcStateStore}, though memory could hold them, so that a flow that works here works
 * on every store.
 *
 * <p>Lease expiry is judged by the store's {@link Clock} (default {@link Clock#systemUTC()});
 * inject a movable clock to test expiry.
 *
 * <p>Thread-safe: every operation runs under one lock, so each is atomic.
 */
public final class InMemoryStateStore implements StateStore {

  private record FlowKey(String flow, String key) {}

  private final Object lock = new Object();
  private final Clock clock;
  private final Map<String, TreeMap<String, LedgerEntry>> ledger = new HashMap<>();
  private final Map<FlowKey, String> checkpoints = new HashMap<>();
  private final Map<FlowKey, WriteIntent> intents = new HashMap<>();
  private final Map<FlowKey, LeaseState> leases = new HashMap<>();
  private final Map<FlowKey, DeadLetter> deadLetters = new HashMap<>();
  private boolean closed;

  /** A store on the system clock in UTC. */
  public InMemoryStateStore() {
    this(Clock.systemUTC());
  }

  /**
   * A store that reads time from {@code clock}.
   *
   * @throws IllegalArgumentException if {@code clock} is null
   */
  public InMemoryStateStore(Clock clock) {
    this.clock = requirePresent("clock", clock);
  }

  @Override
  public Optional<LedgerEntry> find(String flow, String sourceKey) {
    requireText("flow", flow);
    SourceKeys.requireStorable("sourceKey", sourceKey);
    synchronized (lock) {
      ensureOpen();
      return Optional.ofNullable(ledger.getOrDefault(flow, new TreeMap<>()).get(sourceKey));
    }
  }

  @Override
  public Map<String, LedgerEntry> findAll(String flow, Collection<String> sourceKeys) {
    requireText("flow", flow);
    requirePresent("sourceKeys", sourceKeys);
    sourceKeys.forEach(key -> SourceKeys.requireStorable("sourceKeys element", key));
    synchronized (lock) {
      ensureOpen();
      Map<String, LedgerEntry> entries = ledger.getOrDefault(flow, new TreeMap<>());
      Map<String, LedgerEntry> found = new LinkedHashMap<>();
      for (String key : sourceKeys) {
        LedgerEntry entry = entries.get(key);
        if (entry != null) {
          found.put(key, entry);
        }
      }
      return found;
    }
  }

  @Override
  public List<LedgerEntry> entries(String flow) {
    requireText("flow", flow);
    synchronized (lock) {
      ensureOpen();
      return List.copyOf(ledger.getOrDefault(flow, new TreeMap<>()).values());
    }
  }

  @Override
  public void record(LedgerEntry entry, Lease lease) {
    StorableText.requireStorable(requirePresent("entry", entry));
    requireSameFlow(entry.flow(), lease);
    LedgerEntry stored = LedgerEntry.builder().from(entry).updatedAt(micros(entry.updatedAt())).build();
    synchronized (lock) {
      ensureOpen();
      verify(lease);
      ledger.computeIfAbsent(entry.flow(), f -> new TreeMap<>()).put(entry.sourceKey(), stored);
    }
  }

  @Override
  public void recordAll(Collection<LedgerEntry> entries, Lease lease) {
    List<LedgerEntry> stored = new ArrayList<>();
    for (LedgerEntry entry : Arguments.requireRecordable(entries, lease)) {
      stored.add(LedgerEntry.builder().from(entry).updatedAt(micros(entry.updatedAt())).build());
    }
    if (stored.isEmpty()) {
      return;
    }
    synchronized (lock) {
      ensureOpen();
      verify(lease);
      for (LedgerEntry entry : stored) {
        ledger.computeIfAbsent(entry.flow(), f -> new TreeMap<>()).put(entry.sourceKey(), entry);
      }
    }
  }

  @Override
  public Optional<String> checkpoint(String flow, String partition) {
    requireText("flow", flow);
    requireText("partition", partition);
    synchronized (lock) {
      ensureOpen();
      return Optional.ofNullable(checkpoints.get(new FlowKey(flow, partition)));
    }
  }

  /** Always true: intents are kept with the rest, in memory. */
  @Override
  public boolean keepsWriteIntents() {
    return true;
  }

  @Override
  public List<WriteIntent> writeIntents(String flow) {
    requireText("flow", flow);
    synchronized (lock) {
      ensureOpen();
      List<WriteIntent> out = new ArrayList<>();
      intents.forEach((k, v) -> {
        if (k.flow().equals(flow)) { // FlowKey(flow, partition)
          out.add(v);
        }
      });
      return out;
    }
  }

  @Override
  public void saveWriteIntent(Lease lease, WriteIntent intent) {
    Arguments.requireIntentOf(lease, intent);
    synchronized (lock) {
      ensureOpen();
      verify(lease);
      intents.put(new FlowKey(lease.flow(), lease.partition()), intent.savedUnder(lease.fencingToken()));
    }
  }

  @Override
  public void saveCheckpoint(Lease lease, String value) {
    requirePresent("lease", lease);
    requirePresent("value", value);
    synchronized (lock) {
      ensureOpen();
      verify(lease);
      checkpoints.put(new FlowKey(lease.flow(), lease.partition()), value);
    }
  }

  @Override
  public Optional<Lease> tryAcquire(String flow, String partition, String owner, Duration ttl) {
    requireText("flow", flow);
    requireText("partition", partition);
    requireText("owner", owner);
    requirePositive("ttl", ttl);
    synchronized (lock) {
      ensureOpen();
      Instant now = now();
      FlowKey key = new FlowKey(flow, partition);
      LeaseState current = leases.get(key);
      if (current != null && !current.isAvailableTo(owner, now)) {
        return Optional.empty();
      }
      long token = current == null ? 1 : current.fencingToken() + 1;
      LeaseState granted = new LeaseState(owner, token, micros(now.plus(ttl)));
      leases.put(key, granted);
      return Optional.of(lease(flow, partition, granted));
    }
  }

  @Override
  public Lease renew(Lease lease, Duration ttl) {
    requirePresent("lease", lease);
    requirePositive("ttl", ttl);
    synchronized (lock) {
      ensureOpen();
      verify(lease);
      LeaseState renewed = new LeaseState(lease.owner(), lease.fencingToken(), micros(now().plus(ttl)));
      leases.put(new FlowKey(lease.flow(), lease.partition()), renewed);
      return lease(lease.flow(), lease.partition(), renewed);
    }
  }

  @Override
  public void release(Lease lease) {
    requirePresent("lease", lease);
    synchronized (lock) {
      ensureOpen();
      FlowKey key = new FlowKey(lease.flow(), lease.partition());
      Instant now = now();
      LeaseState current = leases.get(key);
      if (LeaseState.lossOf(current, lease, now) == null) {
        leases.put(key, new LeaseState(null, current.fencingToken(), now));
      }
    }
  }

  @Override
  public DeadLetter deadLetter(
      String flow, String sourceKey, String reason, String payloadRef, Instant at, Lease lease) {
    requireText("flow", flow);
    SourceKeys.requireStorable("sourceKey", sourceKey);
    String storedReason = StorableText.escapedIfUnstorable(requireText("reason", reason));
    String storedPayloadRef = StorableText.escapedIfUnstorable(payloadRef);
    Instant failedAt = micros(requirePresent("at", at));
    requireSameFlow(flow, lease);
    synchronized (lock) {
      ensureOpen();
      verify(lease);
      FlowKey key = new FlowKey(flow, sourceKey);
      DeadLetter letter =
          DeadLetters.next(deadLetters.get(key), flow, sourceKey, storedReason, storedPayloadRef, failedAt);
      deadLetters.put(key, letter);
      return letter;
    }
  }

  @Override
  public List<DeadLetter> deadLetters(String flow) {
    requireText("flow", flow);
    synchronized (lock) {
      ensureOpen();
      List<DeadLetter> letters = new ArrayList<>();
      for (DeadLetter letter : deadLetters.values()) {
        if (letter.flow().equals(flow)) {
          letters.add(letter);
        }
      }
      letters.sort(DeadLetters.OLDEST_FIRST);
      return List.copyOf(letters);
    }
  }

  @Override
  public void clearDeadLetter(String flow, String sourceKey) {
    requireText("flow", flow);
    SourceKeys.requireStorable("sourceKey", sourceKey);
    synchronized (lock) {
      ensureOpen();
      deadLetters.remove(new FlowKey(flow, sourceKey));
    }
  }

  /** Drops everything held; further calls throw {@link StateStoreException}. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      ledger.clear();
      checkpoints.clear();
      leases.clear();
      deadLetters.clear();
    }
  }

  @Override
  public String toString() {
    return "InMemoryStateStore[clock=" + clock + "]";
  }

  private void verify(Lease lease) {
    String loss = LeaseState.lossOf(leases.get(new FlowKey(lease.flow(), lease.partition())), lease, now());
    if (loss != null) {
      throw new LeaseLostException(loss);
    }
  }

  private Instant now() {
    return micros(clock.instant());
  }

  private void ensureOpen() {
    if (closed) {
      throw new StateStoreException("The state store is closed: open a new one", null);
    }
  }

  private static Lease lease(String flow, String partition, LeaseState state) {
    return Lease.builder()
        .flow(flow)
        .partition(partition)
        .owner(state.owner())
        .fencingToken(state.fencingToken())
        .expiresAt(state.expiresAt())
        .build();
  }
}
