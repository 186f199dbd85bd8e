package consumer;

import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.state.StateStore;
import io.gridcast.testkit.state.StateStoreContract;
import java.time.Clock;

/**
 * What a user writing a StateStore of their own does: extend sdk-testkit's contract suite. Here it
 * runs on the in-memory store, to show the suite resolves and runs from outside the reactor.
 */
class StoreContractTest extends StateStoreContract {

  @Override
  protected StateStore openStore(Clock clock) {
    return new InMemoryStateStore(clock);
  }

  @Override
  protected StateStore openInstance(Clock clock) {
    return store;
  }
}
