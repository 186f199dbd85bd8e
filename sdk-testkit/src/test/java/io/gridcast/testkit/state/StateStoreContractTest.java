package io.gridcast.testkit.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.state.Lease;
import io.gridcast.bridge.state.LeaseLostException;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.bridge.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The published suite, run the way a user runs it: on a correct store every test passes, and a
 * store that breaks one rule fails the tests of that rule by name.
 */
class StateStoreContractTest {

  @Test
  void aCorrectStorePassesEveryTestOfTheSuite() {
    EngineExecutionResults results = run(OnInMemory.class);

    long tests = Arrays.stream(StateStoreContract.class.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Test.class)).count();
    assertThat(tests).isGreaterThan(30);
    results.testEvents().assertStatistics(s -> s.started(tests).succeeded(tests).failed(0).aborted(0).skipped(0));
  }

  @Test
  void aStoreThatForgetsWhatItRecordedFailsTheLedgerTests() {
    Set<String> failed = failedTests(run(OnForgetful.class));

    assertThat(failed)
        .contains("recordedEntryReadsBackWithEveryFieldAndTimeToTheMicrosecond()",
            "recordingAgainReplacesTheEntry()", "findAllReturnsEveryRecordedKeyEvenBeyondOneQueryOfKeys()")
        .doesNotContain("acquiresAFreePartitionUntilTheTtlRunsOut()", "firstFailureIsRecordedWithOneAttempt()");
  }

  @Test
  void aStoreThatRenewsLeasesItNoLongerHoldsFailsTheFencingTests() {
    Set<String> failed = failedTests(run(OnUnfencedRenew.class));

    assertThat(failed)
        .containsExactlyInAnyOrder("renewOfALeaseTakenByAnotherOwnerThrows()",
            "renewOfAnExpiredLeaseThrowsEvenWhenNobodyTookThePartition()");
  }

  private static EngineExecutionResults run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
  }

  private static Set<String> failedTests(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .map(Event::getTestDescriptor)
        .map(descriptor -> descriptor.getDisplayName())
        .collect(Collectors.toSet());
  }

  // ---- the stores the suite runs on (nested: run only through the engine above) ----

  static class OnInMemory extends StateStoreContract {
    @Override
    protected StateStore openStore(Clock clock) {
      return new InMemoryStateStore(clock);
    }

    @Override
    protected StateStore openInstance(Clock clock) {
      return store;
    }
  }

  /** Records nothing. */
  static class OnForgetful extends StateStoreContract {
    @Override
    protected StateStore openStore(Clock clock) {
      return new DelegatingStateStore(new InMemoryStateStore(clock)) {
        @Override
        public void record(LedgerEntry entry, Lease lease) {
          // forgets
        }
      };
    }

    @Override
    protected StateStore openInstance(Clock clock) {
      return store;
    }
  }

  /** Renews any lease it is handed, held or not. */
  static class OnUnfencedRenew extends StateStoreContract {
    @Override
    protected StateStore openStore(Clock clock) {
      return new DelegatingStateStore(new InMemoryStateStore(clock)) {
        @Override
        public Lease renew(Lease lease, Duration ttl) {
          try {
            return super.renew(lease, ttl);
          } catch (LeaseLostException lost) {
            return Lease.builder().from(lease).expiresAt(clock.instant().plus(ttl)).build();
          }
        }
      };
    }

    @Override
    protected StateStore openInstance(Clock clock) {
      return store;
    }
  }
}
