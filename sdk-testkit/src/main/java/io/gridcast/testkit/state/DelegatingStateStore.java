package io.gridcast.testkit.state;

import io.gridcast.bridge.state.DeadLetter;
import io.gridcast.bridge.state.Lease;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.bridge.state.StateStore;
import io.gridcast.bridge.state.WriteIntent;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link StateStore} that hands every call to another store. Tests subclass it and override
 * only the calls they want to break or observe (e.g. a ledger write that fails, to simulate a
 * crash between a remote write and its ledger entry); everything else behaves like the delegate.
 * Thread-safe when the delegate is and the overrides are.
 */
public class DelegatingStateStore implements StateStore {

  private final StateStore delegate;

  public DelegatingStateStore(StateStore delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The store every call goes to. */
  protected final StateStore delegate() {
    return delegate;
  }

  @Override
  public Optional<LedgerEntry> find(String flow, String sourceKey) {
    return delegate.find(flow, sourceKey);
  }

  @Override
  public Map<String, LedgerEntry> findAll(String flow, Collection<String> sourceKeys) {
    return delegate.findAll(flow, sourceKeys);
  }

  @Override
  public List<LedgerEntry> entries(String flow) {
    return delegate.entries(flow);
  }

  @Override
  public void record(LedgerEntry entry, Lease lease) {
    delegate.record(entry, lease);
  }

  @Override
  public void recordAll(Collection<LedgerEntry> entries, Lease lease) {
    delegate.recordAll(entries, lease);
  }

  @Override
  public boolean keepsWriteIntents() {
    return delegate.keepsWriteIntents();
  }

  @Override
  public List<WriteIntent> writeIntents(String flow) {
    return delegate.writeIntents(flow);
  }

  @Override
  public void saveWriteIntent(Lease lease, WriteIntent intent) {
    delegate.saveWriteIntent(lease, intent);
  }

  @Override
  public Optional<String> checkpoint(String flow, String partition) {
    return delegate.checkpoint(flow, partition);
  }

  @Override
  public void saveCheckpoint(Lease lease, String value) {
    delegate.saveCheckpoint(lease, value);
  }

  @Override
  public Optional<Lease> tryAcquire(String flow, String partition, String owner, Duration ttl) {
    return delegate.tryAcquire(flow, partition, owner, ttl);
  }

  @Override
  public Lease renew(Lease lease, Duration ttl) {
    return delegate.renew(lease, ttl);
  }

  @Override
  public void release(Lease lease) {
    delegate.release(lease);
  }

  @Override
  public DeadLetter deadLetter(String flow, String sourceKey, String reason, String payloadRef, Instant at, Lease lease) {
    return delegate.deadLetter(flow, sourceKey, reason, payloadRef, at, lease);
  }

  @Override
  public List<DeadLetter> deadLetters(String flow) {
    return delegate.deadLetters(flow);
  }

  @Override
  public void clearDeadLetter(String flow, String sourceKey) {
    delegate.clearDeadLetter(flow, sourceKey);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
