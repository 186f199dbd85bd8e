package io.gridcast.bridge.flows;

import io.gridcast.bridge.state.Lease;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.bridge.state.StateStore;
import io.gridcast.bridge.state.StateStoreException;
import io.gridcast.testkit.state.DelegatingStateStore;
import java.util.Collection;

/**
 * A state store whose ledger writes fail for one flow: the crash between a remote write and its
 * ledger write that effectively-once delivery must heal. Everything else goes to the delegate.
 */
final class LedgerThatFailsToRecord extends DelegatingStateStore {

  private final String failingFlow;

  LedgerThatFailsToRecord(StateStore delegate, String failingFlow) {
    super(delegate);
    this.failingFlow = failingFlow;
  }

  @Override
  public void record(LedgerEntry entry, Lease lease) {
    if (entry.flow().equals(failingFlow)) {
      throw new StateStoreException("disk full while recording " + entry.sourceKey(), null);
    }
    super.record(entry, lease);
  }

  @Override
  public void recordAll(Collection<LedgerEntry> entries, Lease lease) {
    for (LedgerEntry entry : entries) {
      if (entry.flow().equals(failingFlow)) {
        throw new StateStoreException("disk full while recording " + entries.size() + " entries", null);
      }
    }
    super.recordAll(entries, lease);
  }
}
