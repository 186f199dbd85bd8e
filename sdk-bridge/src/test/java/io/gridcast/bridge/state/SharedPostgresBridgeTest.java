package io.gridcast.bridge.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.flows.EpisodeAnnouncementsConfig;
import io.gridcast.bridge.flows.EpisodeAnnouncementsFlow;
import io.gridcast.bridge.testing.SandboxAssertions;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.testkit.SpotifyDemoData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Four application instances (four bridges, each with its own JdbcStateStore) share one
 * PostgreSQL store and run the same flow at the same time against the sandboxes: leases with
 * fencing tokens make every episode delivered exactly once.
 */
class SharedPostgresBridgeTest {

  private static final int INSTANCES = 4;
  private static final int EPISODES = 24;

  private final String prefix = PostgresTestDatabase.uniquePrefix();
  private final List<JdbcStateStore> stores = new ArrayList<>();
  private Sandboxes sandboxes;

  @BeforeEach
  void start() {
    PostgresTestDatabase.requireReachable();
    sandboxes = Sandboxes.start();
    for (int i = 0; i < INSTANCES; i++) {
      stores.add(JdbcStateStore.builder().postgres(PostgresTestDatabase.URL, PostgresTestDatabase.USER, null)
          .tablePrefix(prefix).build());
    }
  }

  @AfterEach
  void stop() throws Exception {
    stores.forEach(JdbcStateStore::close);
    if (sandboxes != null) {
      sandboxes.close();
    }
    PostgresTestDatabase.dropTables(prefix);
  }

  private RunReport runOn(int instance) {
    Bridge bridge = Bridge.builder().stateStore(stores.get(instance)).instanceId("instance-" + instance).build();
    return bridge.run(EpisodeAnnouncementsFlow.create(sandboxes.spotify, sandboxes.tradingGrid,
        EpisodeAnnouncementsConfig.builder()
            .addShowIds(SpotifyDemoData.SHOW_ARCHIVE_SESSIONS, SpotifyDemoData.SHOW_PARTNER_ACADEMY)
            .build()));
  }

  @Test
  void fourInstancesRunningOneFlowDeliverEveryItemExactlyOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
    List<RunReport> reports = new ArrayList<>();
    try {
      for (int round = 0; round < 3; round++) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<RunReport>> runs = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
          int instance = i;
          runs.add(pool.submit(() -> {
            go.await();
            return runOn(instance);
          }));
        }
        go.countDown();
        for (Future<RunReport> f : runs) {
          reports.add(f.get());
        }
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(reports.stream().mapToInt(RunReport::created).sum()).isEqualTo(EPISODES);
    assertThat(reports.stream().mapToInt(RunReport::failed).sum()).isZero();
    assertThat(reports.stream().mapToInt(RunReport::updated).sum()).isZero();
    Map<String, Integer> posts = SandboxAssertions.postsByExternalRef(sandboxes.tradingGridSandbox, "spotify:episode:");
    assertThat(posts).hasSize(EPISODES).allSatisfy((ref, count) -> assertThat(count).as(ref).isEqualTo(1));
    assertThat(stores.get(0).entries("episode-announcements")).hasSize(EPISODES);
  }

  @Test
  void whileOneInstanceHoldsThePartitionTheOthersStandAside() {
    Lease held = stores.get(0).tryAcquire("episode-announcements", "default", "instance-0", java.time.Duration.ofMinutes(1))
        .orElseThrow();

    RunReport other = runOn(1);

    assertThat(other.leaseHeldElsewhere()).isTrue();
    assertThat(other.seen()).isZero();
    stores.get(0).release(held);
    assertThat(runOn(2).created()).isEqualTo(EPISODES);
  }
}
