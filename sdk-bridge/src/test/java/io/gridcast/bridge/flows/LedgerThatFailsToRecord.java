package io.gridcast.bridge.flows;

import io.gridcast.bridge.state.DeadLetter;
import io.gridcast.bridge.state.Lease;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.bridge.state.StateStore;
import io.gridcast.bridge.state.StateStoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A state store whose ledger writes fail for one flow: the crash between a remote write and its
 * ledger write that effectively-once delivery must heal. Everything else goes to the delegate.
 */
final class LedgerThatFailsToRecord implements StateStore {

  private final StateStore delegate;
  private final String failingFlow;

  LedgerThatFailsToRecord(StateStore delegate, String failingFlow) {
    this.delegate = delegate;
    this.failingFlow = failingFlow;
  }

  @Override
  public void record(LedgerEntry entry, Lease lease) {
    if (entry.flow().equals(failingFlow)) {
      throw new StateStoreException("disk full while recording " + entry.sourceKey(), null);
    }
    delegate.record(entry, lease);
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
