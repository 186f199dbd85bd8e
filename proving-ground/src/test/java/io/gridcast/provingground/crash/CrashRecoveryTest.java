package io.gridcast.provingground.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.bridge.flows.EpisodeAnnouncementsConfig;
import io.gridcast.bridge.state.JdbcStateStore;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.bridge.state.PostgresTestDatabase;
import io.gridcast.provingground.ChildJvm;
import io.gridcast.provingground.ExactlyOnce;
import io.gridcast.provingground.Figures;
import io.gridcast.provingground.StandaloneSandboxes;
import io.gridcast.provingground.SyncWorker;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.spotify.feed.FeedItem;
import io.gridcast.spotify.feed.FileSystemFeedSink;
import io.gridcast.spotify.feed.PodcastFeed;
import io.gridcast.spotify.model.SimplifiedEpisode;
import io.gridcast.tradinggrid.TradingGridClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash recovery (DESIGN §4, effectively once): a worker JVM syncing 2,000 episodes to Trading
 * Grid is killed with SIGKILL at seeded random moments and restarted each time, against
 * standalone sandbox processes that outlive it. At the end Trading Grid holds exactly one post
 * per episode and the ledger names exactly those posts.
 *
 * <p>Half the kills come a seeded random delay after a seeded random number of items was
 * committed in that life, so they land anywhere in the item loop; a quarter come a random time
 * after the JVM started (while it connects, opens or recovers the store, or reads the first
 * pages); a quarter land, by construction, between a remote create and its ledger row: that life
 * holds each create's answer back and is killed while it waits. Between lives the test counts
 * posts against ledger rows: every post the ledger lacks is an orphan the next life must adopt
 * rather than duplicate. It runs on H2, on PostgreSQL, and on H2 with the flow kept running by a
 * {@link io.gridcast.bridge.Worker} (kills then also land between runs), once more while new
 * episodes keep coming out (four through the show's RSS feed as each life starts), which must each
 * be announced once too.
 */
class CrashRecoveryTest {

  private static final int EPISODES = 2_000;
  private static final int KILLS = 12;
  private static final String SHOW = "crashTestShow000002000";
  private static final String FLOW = EpisodeAnnouncementsConfig.builder().addShowIds(SHOW).build().flowName();
  private static final Duration LEASE_TTL = Duration.ofSeconds(2);
  private static final Duration LIFE_TIMEOUT = Duration.ofMinutes(3);

  @Test
  void theEmbeddedH2StoreSurvivesTwelveSigkillsWithoutADuplicateOrALoss(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("state");
    crashAndRecover("crash-h2", "h2:" + store, () -> JdbcStateStore.h2File(store), 20261127L, List.of(), null);
  }

  @Test
  void aWorkerKeepingTheFlowRunningSurvivesTwelveSigkillsWithoutADuplicateOrALoss(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("state");
    crashAndRecover("crash-worker-h2", "h2:" + store, () -> JdbcStateStore.h2File(store), 20261203L, List.of("--worker-ms", "50"),
        null);
  }

  @Test
  void aWorkerSurvivesTwelveSigkillsWhileNewEpisodesArriveAndAnnouncesEachOnce(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("state");
    crashAndRecover("crash-worker-arrivals-h2", "h2:" + store, () -> JdbcStateStore.h2File(store), 20261204L,
        List.of("--worker-ms", "50"), new Arrivals(dir.resolve("feed.xml"), 4));
  }

  @Test
  void thePostgresStoreSurvivesTwelveSigkillsWithoutADuplicateOrALoss() throws Exception {
    PostgresTestDatabase.requireReachable();
    String prefix = PostgresTestDatabase.uniquePrefix();
    try {
      crashAndRecover("crash-postgres", "postgres:" + prefix, () -> JdbcStateStore.builder()
          .postgres(PostgresTestDatabase.URL, PostgresTestDatabase.USER, null).tablePrefix(prefix).build(), 4242L, List.of(),
          null);
    } finally {
      PostgresTestDatabase.dropTables(prefix);
    }
  }

  /**
   * New episodes of the show coming out while the workers live and die: {@code perLife} items
   * added to the show's RSS feed (which the Spotify sandbox ingests at once) as each life starts.
   */
  private record Arrivals(Path feed, int perLife) {
    FileSystemFeedSink sink() {
      return FileSystemFeedSink.create(feed, URI.create("https://feeds.example.com/crash-test.xml"), PodcastFeed.builder()
          .title("Crash test show").link(URI.create("https://example.com/show")).description("Episodes arriving.")
          .author("Proving ground").ownerName("Proving ground").ownerEmail("proving-ground@example.com").category("Business")
          .imageUrl(URI.create("https://example.com/cover.png")).build());
    }

    void arrive(FileSystemFeedSink sink, int life) throws IOException {
      for (int i = 0; i < perLife; i++) {
        String guid = "arrival-" + life + "-" + i;
        sink.upsert(FeedItem.builder().guid(guid).title("Arrival " + life + "." + i).description("Came out during life " + life)
            .pubDate(Instant.now()).enclosureUrl(URI.create("https://media.example.com/" + guid + ".mp3"))
            .enclosureLength(1_000_000).duration(Duration.ofMinutes(9)).build());
      }
    }
  }

  private void crashAndRecover(String label, String storeSpec, Supplier<JdbcStateStore> openStore, long seed,
      List<String> workerArgs, Arrivals arrivals) throws Exception {
    Random random = new Random(seed);
    long started = System.nanoTime();
    List<String> spotifyArgs = new ArrayList<>(List.of("--synthetic-show", SHOW + "=" + EPISODES));
    FileSystemFeedSink feed = null;
    if (arrivals != null) {
      feed = arrivals.sink();
      arrivals.arrive(feed, -1); // the feed exists before the sandbox first reads it
      spotifyArgs.addAll(List.of("--feed", SHOW + "=" + arrivals.feed().toUri(), "--ingestion-delay-ms", "0"));
    }
    // Trading Grid forgets every Idempotency-Key once answered: a create sent again after a kill
    // would make a second post, so only the write intents' look-ups can keep the count at one
    try (StandaloneSandboxes sandboxes = StandaloneSandboxes.start(label, spotifyArgs, List.of("--forget-idempotency-keys"));
        TradingGridClient tradingGrid = sandboxes.tradingGridClient()) {
      Set<String> demoPosts = ExactlyOnce.postIds(tradingGrid);
      List<String> moments = new ArrayList<>();
      int orphansAtKills = 0;
      int committedBeforeKills = 0;
      int windowKills = 0;
      for (int life = 0; life < KILLS; life++) {
        int left = EPISODES - committedBeforeKills;
        int kind = random.nextInt(4);
        boolean inTheWindow = kind == 1;
        int target = 1 + random.nextInt(Math.max(1, left / (KILLS - life + 1)));
        try (ChildJvm worker = startWorker(label, life, sandboxes, storeSpec, inTheWindow ? target : 0, workerArgs)) {
          if (arrivals != null) {
            arrivals.arrive(feed, life); // while this life runs
          }
          if (kind == 0) {
            long delay = 150 + random.nextInt(600);
            Thread.sleep(delay);
            moments.add("t+" + delay + "ms");
          } else if (inTheWindow) {
            worker.awaitLine(line -> line.equals("POSTED " + target), LIFE_TIMEOUT);
            moments.add("post " + target + " answered, ledger row not yet written");
            windowKills++;
          } else {
            int extraMillis = random.nextInt(20);
            worker.awaitLine(line -> line.equals("CREATED " + target), LIFE_TIMEOUT);
            Thread.sleep(extraMillis);
            moments.add("item " + target + "+" + extraMillis + "ms");
          }
          assertThat(worker.lines()).as("life %d must still have work when it is killed", life).doesNotContain("DONE");
          worker.kill();
        }
        Map<String, List<String>> posts = ExactlyOnce.newPostsByExternalRef(tradingGrid, demoPosts);
        List<LedgerEntry> ledger = ledger(openStore);
        assertThat(ledger).as("after kill %d, every ledger row names a post that exists", life + 1)
            .allSatisfy(e -> assertThat(posts.getOrDefault(e.sourceKey(), List.of())).contains(e.targetId()));
        assertThat(posts.values()).as("after kill %d, no episode has two posts", life + 1).allSatisfy(ids ->
            assertThat(ids).hasSize(1));
        if (inTheWindow) {
          assertThat(posts.size() - ledger.size())
              .as("after kill %d, between a remote write and its ledger row, that post is an orphan", life + 1)
              .isPositive();
        }
        orphansAtKills += posts.size() - ledger.size();
        committedBeforeKills = ledger.size();
      }

      try (ChildJvm last = startWorker(label, KILLS, sandboxes, storeSpec, 0, workerArgs)) {
        last.awaitLine("DONE"::equals, LIFE_TIMEOUT);
        assertThat(last.awaitExit(Duration.ofSeconds(30))).isZero();
      }

      try (JdbcStateStore store = openStore.get()) {
        // every life sent its creates without look-ups except for keys a write intent named: the
        // orphans the kills left were found through the intents, or (as the sandbox forgets
        // idempotency keys) there would be duplicates
        assertThat(store.writeIntents(FLOW)).singleElement().satisfies(i -> {
          assertThat(i.reconciled()).isTrue();
          assertThat(i.sourceKeys()).as("nothing left named once the last life completed").isEmpty();
        });
      }
      Map<String, List<String>> posts = ExactlyOnce.newPostsByExternalRef(tradingGrid, demoPosts);
      List<LedgerEntry> ledger = ledger(openStore);
      Set<String> expected = ExactlyOnce.episodeRefs(SHOW, EPISODES);
      if (arrivals != null) {
        try (SpotifyClient spotify = sandboxes.spotifyClient()) {
          expected = new TreeSet<>();
          for (SimplifiedEpisode e : spotify.shows().episodes(SHOW, null)) {
            expected.add("spotify:episode:" + e.id());
          }
        }
        assertThat(expected).as("the episodes that came out meanwhile").hasSize(EPISODES + arrivals.perLife() * (KILLS + 1));
      }
      int duplicates = ExactlyOnce.assertDelivered(posts, expected, ledger);

      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("episodes", expected.size());
      if (arrivals != null) {
        figures.put("episodes that came out during the kills", expected.size() - EPISODES);
      }
      figures.put("sigkills", KILLS);
      figures.put("kill moments", moments);
      figures.put("kills between a remote write and its ledger row", windowKills);
      figures.put("posts without a ledger row, summed over the kills", orphansAtKills);
      figures.put("posts at the end", posts.size());
      figures.put("duplicates", duplicates);
      figures.put("ledger rows", ledger.size());
      figures.put("wall time s", (System.nanoTime() - started) / 1_000_000_000);
      Figures.record(label, figures);
      assertThat(windowKills).as("some kills must land between a remote write and its ledger write,"
          + " or the test proves less than it claims").isPositive();
    }
  }

  /** A worker; {@code holdPost} &gt; 0 makes it hold the answer of that post create back (see {@link SyncWorker}). */
  private static ChildJvm startWorker(String label, int life, StandaloneSandboxes sandboxes, String storeSpec,
      int holdPost, List<String> workerArgs) {
    List<String> args = new ArrayList<>(sandboxes.workerArgs());
    args.addAll(List.of("--show", SHOW, "--store", storeSpec, "--instance", label + "-life-" + life,
        "--lease-ttl-ms", Long.toString(LEASE_TTL.toMillis()), "--hold-post", Integer.toString(holdPost),
        "--reconcile-first", "true"));
    args.addAll(workerArgs);
    return ChildJvm.start(label + "-worker-" + life, SyncWorker.class, List.of("-Xmx256m"), args);
  }

  private static List<LedgerEntry> ledger(Supplier<JdbcStateStore> openStore) {
    try (JdbcStateStore store = openStore.get()) {
      return store.entries(FLOW);
    }
  }
}
