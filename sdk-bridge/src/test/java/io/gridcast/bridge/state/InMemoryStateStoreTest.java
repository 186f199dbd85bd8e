package io.gridcast.bridge.state;

import io.gridcast.testkit.state.StateStoreContract;

import java.time.Clock;

class InMemoryStateStoreTest extends StateStoreContract {

  @Override
  protected StateStore openStore(Clock clock) {
    return new InMemoryStateStore(clock);
  }

  /** The state lives in the one object, so instances are threads sharing it. */
  @Override
  protected StateStore openInstance(Clock clock) {
    return store;
  }
}
