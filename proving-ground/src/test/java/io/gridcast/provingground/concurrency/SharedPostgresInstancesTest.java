package io.gridcast.provingground.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.flows.EpisodeAnnouncementsConfig;
import io.gridcast.bridge.flows.EpisodeAnnouncementsFlow;
import io.gridcast.bridge.state.JdbcStateStore;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.bridge.state.PostgresTestDatabase;
import io.gridcast.provingground.ChildJvm;
import io.gridcast.provingground.ExactlyOnce;
import io.gridcast.provingground.Figures;
import io.gridcast.provingground.StandaloneSandboxes;
import io.gridcast.provingground.SyncWorker;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.tradinggrid.TradingGridClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several application instances on one PostgreSQL state store (DESIGN §4: leases with fencing
 * tokens): four bridges racing in threads and in separate JVMs deliver every episode exactly
 * once; a lease holder killed mid-run is taken over once its lease expires; a holder frozen past
 * its lease is fenced off when it wakes, its late ledger write refused.
 *
 * <p>Each test syncs its own synthetic show, so one pair of standalone sandboxes serves all.
 */
class SharedPostgresInstancesTest {

  private static final int INSTANCES = 4;
  private static final int EPISODES = 600;
  private static final String SHOW_THREADS = "racingThreadsShow00600";
  private static final String SHOW_JVMS = "racingJvmsShow00000600";
  private static final String SHOW_KILLED = "killedHolderShow000600";
  private static final String SHOW_FROZEN = "frozenHolderShow000600";
  private static final String FLOW = EpisodeAnnouncementsConfig.builder().addShowIds(SHOW_THREADS).build().flowName();
  private static final Duration LEASE_TTL = Duration.ofSeconds(2);
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private static StandaloneSandboxes sandboxes;
  private static TradingGridClient tradingGrid;
  private static final Map<String, Object> FIGURES = new LinkedHashMap<>();

  private String prefix;
  private Set<String> postsBefore;

  @BeforeAll
  static void startSandboxes() throws InterruptedException {
    PostgresTestDatabase.requireReachable();
    List<String> shows = new ArrayList<>();
    for (String show : List.of(SHOW_THREADS, SHOW_JVMS, SHOW_KILLED, SHOW_FROZEN)) {
      shows.addAll(List.of("--synthetic-show", show + "=" + EPISODES));
    }
    sandboxes = StandaloneSandboxes.start("instances", shows, List.of());
    tradingGrid = sandboxes.tradingGridClient();
  }

  @AfterAll
  static void stopSandboxes() throws InterruptedException {
    if (tradingGrid != null) {
      tradingGrid.close();
    }
    if (sandboxes != null) {
      sandboxes.close();
    }
    Figures.record("concurrency", FIGURES);
  }

  @BeforeEach
  void freshStore() {
    prefix = PostgresTestDatabase.uniquePrefix();
    postsBefore = ExactlyOnce.postIds(tradingGrid);
  }

  @AfterEach
  void dropStore() throws Exception {
    PostgresTestDatabase.dropTables(prefix);
  }

  @Test
  void fourBridgesRacingInThreadsDeliverEveryEpisodeExactlyOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
    List<Future<Integer>> created = new ArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    try {
      for (int i = 0; i < INSTANCES; i++) {
        String instance = "thread-" + i;
        created.add(pool.submit(() -> {
          try (SpotifyClient spotify = sandboxes.spotifyClient();
              TradingGridClient tg = sandboxes.tradingGridClient();
              JdbcStateStore store = openStore()) {
            Bridge bridge = Bridge.builder().stateStore(store)
                .instanceId(instance).leaseTtl(LEASE_TTL).build();
            go.await();
            return SyncWorker.runUntilDone(bridge, EpisodeAnnouncementsFlow.create(spotify, tg,
                EpisodeAnnouncementsConfig.builder().addShowIds(SHOW_THREADS).build()), line -> { });
          }
        }));
      }
      go.countDown();
      int total = 0;
      for (Future<Integer> f : created) {
        total += f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
      assertThat(total).as("items created over all four instances").isEqualTo(EPISODES);
    } finally {
      pool.shutdownNow();
    }
    assertDeliveredOnce(SHOW_THREADS);
    FIGURES.put("threads: instances / episodes / duplicates", INSTANCES + " / " + EPISODES + " / 0");
  }

  @Test
  void fourBridgesRacingInSeparateJvmsDeliverEveryEpisodeExactlyOnce() throws Exception {
    List<ChildJvm> workers = new ArrayList<>();
    try {
      for (int i = 0; i < INSTANCES; i++) {
        workers.add(startWorker("jvm-" + i, SHOW_JVMS));
      }
      int total = 0;
      for (ChildJvm worker : workers) {
        worker.awaitLine("DONE"::equals, TIMEOUT);
        assertThat(worker.awaitExit(Duration.ofSeconds(30))).isZero();
        total += createdIn(worker);
      }
      assertThat(total).as("items created over all four JVMs").isEqualTo(EPISODES);
    } finally {
      for (ChildJvm worker : workers) {
        worker.close();
      }
    }
    assertDeliveredOnce(SHOW_JVMS);
    FIGURES.put("jvms: instances / episodes / duplicates", INSTANCES + " / " + EPISODES + " / 0");
  }

  @Test
  void aKilledLeaseHolderIsTakenOverOnceItsLeaseExpires() throws Exception {
    // the holder's 150th create answer is held back, so it is still at work (its lease renewed
    // while it waits) however fast it delivered the first 100
    try (ChildJvm holder = startWorker("killed-holder", SHOW_KILLED, "--hold-post", "150")) {
      holder.awaitLine("CREATED 100"::equals, TIMEOUT);
      try (ChildJvm successor = startWorker("successor", SHOW_KILLED)) {
        successor.awaitLine(line -> line.contains("held=true"), TIMEOUT);
        holder.kill();
        long killed = System.nanoTime();
        successor.awaitLine("CREATED 1"::equals, TIMEOUT);
        long takeoverMillis = (System.nanoTime() - killed) / 1_000_000;
        successor.awaitLine("DONE"::equals, TIMEOUT);
        assertThat(takeoverMillis).as("the successor waits for the lease to expire, and not much longer")
            .isLessThan(LEASE_TTL.toMillis() + 5_000);
        FIGURES.put("killed holder: lease TTL ms / takeover after kill ms", LEASE_TTL.toMillis() + " / " + takeoverMillis);
      }
    }
    assertDeliveredOnce(SHOW_KILLED);
  }

  @Test
  void aFrozenLeaseHolderIsFencedOffWhenItWakesUp() throws Exception {
    try (ChildJvm holder = startWorker("frozen-holder", SHOW_FROZEN)) {
      holder.awaitLine("CREATED 50"::equals, TIMEOUT);
      holder.freeze();
      int createdBeforeFreeze = createdIn(holder);
      try (ChildJvm successor = startWorker("usurper", SHOW_FROZEN)) {
        successor.awaitLine("DONE"::equals, TIMEOUT);
      }
      holder.thaw();
      String fenced = holder.awaitLine(line -> line.startsWith("RUN ") && !line.contains("held=true"), TIMEOUT);
      assertThat(fenced).as("the woken holder's first write is refused and its run stops").contains("stopped=lease lost");
      holder.awaitLine("DONE"::equals, TIMEOUT);
      assertThat(holder.lines()).as("after being fenced off it finds nothing left to do")
          .last().isEqualTo("DONE");
      assertThat(holder.lines().get(holder.lines().size() - 2)).contains("created=0", "updated=0");
      FIGURES.put("frozen holder: created before freeze / refused with", createdBeforeFreeze + " / "
          + fenced.substring(fenced.indexOf("stopped=")));
    }
    assertDeliveredOnce(SHOW_FROZEN);
  }

  private ChildJvm startWorker(String name, String show, String... more) {
    List<String> args = new ArrayList<>(sandboxes.workerArgs());
    args.addAll(List.of("--show", show, "--store", "postgres:" + prefix, "--instance", name,
        "--lease-ttl-ms", Long.toString(LEASE_TTL.toMillis())));
    args.addAll(List.of(more));
    return ChildJvm.start("instances-" + name, SyncWorker.class, List.of("-Xmx256m"), args);
  }

  private JdbcStateStore openStore() {
    return JdbcStateStore.builder().postgres(PostgresTestDatabase.URL, PostgresTestDatabase.USER, null)
        .tablePrefix(prefix).build();
  }

  private static int createdIn(ChildJvm worker) {
    return (int) worker.lines().stream().filter(line -> line.startsWith("CREATED ")).count();
  }

  private void assertDeliveredOnce(String show) {
    List<LedgerEntry> ledger;
    try (JdbcStateStore store = openStore()) {
      ledger = store.entries(FLOW);
    }
    ExactlyOnce.assertDelivered(ExactlyOnce.newPostsByExternalRef(tradingGrid, postsBefore),
        ExactlyOnce.episodeRefs(show, EPISODES), ledger);
  }
}
