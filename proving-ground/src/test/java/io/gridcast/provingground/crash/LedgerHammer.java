package io.gridcast.provingground.crash;

import io.gridcast.bridge.state.JdbcStateStore;
import io.gridcast.bridge.state.Lease;
import io.gridcast.bridge.state.LedgerEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A worker JVM that writes the ledger of an embedded H2 store the way a flow run does, without
 * HTTP: acquire the lease, then page after page read the page's entries ({@code findAll}),
 * record one entry per key, save the checkpoint and renew the lease. Keys cycle over a fixed
 * range, so after the first pass every record replaces a row (dead pages for the store to
 * reclaim). {@link H2SigkillCycles} kills it with SIGKILL at random moments.
 *
 * <p>Arguments: {@code --dir DIR} (required), {@code --keys N} (key range, default 2000),
 * {@code --life L} (a number mixed into every written sequence), {@code --records N} (record N
 * entries, release the lease, close the store and exit 0; default: write until killed),
 * {@code --pause-micros N} (a pause after each record, standing for the remote write; default 0), and
 * {@code --url-settings ";A=B;C=D"} (open the H2 file with these settings added to
 * {@link #BASE_SETTINGS} instead of through {@link JdbcStateStore#h2File}).
 *
 * <p>Prints, one flushed line each: {@code OPENED ms}, {@code ACK key seq} after each committed
 * record (seq grows across lives, so a later write of a key has a larger seq), and {@code DONE}.
 */
public final class LedgerHammer {

  static final String FLOW = "hammer-flow";
  static final String PARTITION = "all";
  static final String OWNER = "hammer"; // the same owner every life: a killed life's lease is taken over at once
  static final int PAGE = 50;
  static final Duration TTL = Duration.ofSeconds(30);
  /**
   * EmbeddedH2's settings as they were before WRITE_DELAY=0 (H2's defaults otherwise): the
   * baseline that --url-settings adds to, so that each setting can be measured on its own.
   */
  static final String BASE_SETTINGS = ";AUTO_SERVER=FALSE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64";

  /** {@code -Dgridcast.hammer.group=true}: record each page with one {@code recordAll}, as the bridge does. */
  static final boolean GROUP_COMMIT = Boolean.getBoolean("gridcast.hammer.group");

  private LedgerHammer() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    Path dir = Path.of(options.get("--dir"));
    int keys = Integer.parseInt(options.getOrDefault("--keys", "2000"));
    long life = Long.parseLong(options.getOrDefault("--life", "0"));
    long records = Long.parseLong(options.getOrDefault("--records", "-1"));
    String settings = options.get("--url-settings");
    int pauseMicros = Integer.parseInt(options.getOrDefault("--pause-micros", "0"));

    long started = System.nanoTime();
    try (JdbcStateStore store = open(dir, settings)) {
      System.out.println("OPENED " + (System.nanoTime() - started) / 1_000_000);
      System.out.flush();
      Lease lease = store.tryAcquire(FLOW, PARTITION, OWNER, TTL).orElseThrow();
      store.deadLetters(FLOW);
      int page = store.checkpoint(FLOW, PARTITION).map(Integer::parseInt).orElse(0);
      long n = 0;
      while (records < 0 || n < records) {
        List<String> pageKeys = new ArrayList<>();
        for (int i = 0; i < PAGE; i++) {
          pageKeys.add(key((page * PAGE + i) % keys));
        }
        Map<String, LedgerEntry> known = store.findAll(FLOW, pageKeys);
        if (GROUP_COMMIT) { // the page in one transaction, as the bridge group-commits a batch
          List<LedgerEntry> batch = new ArrayList<>();
          List<String> acks = new ArrayList<>();
          for (String key : pageKeys) {
            if (records >= 0 && n >= records) {
              break;
            }
            long seq = life * 1_000_000_000L + n++;
            Optional<Long> version = Optional.ofNullable(known.get(key)).flatMap(LedgerEntry::targetVersion);
            batch.add(entry(key, seq, version.map(v -> v + 1).orElse(1L)));
            acks.add("ACK " + key + " " + seq);
          }
          store.recordAll(batch, lease);
          acks.forEach(System.out::println);
          System.out.flush();
          if (pauseMicros > 0) {
            Thread.sleep(pauseMicros / 1000, (pauseMicros % 1000) * 1000);
          }
        }
        for (String key : GROUP_COMMIT ? List.<String>of() : pageKeys) {
          if (records >= 0 && n >= records) {
            break;
          }
          long seq = life * 1_000_000_000L + n++;
          Optional<Long> version = Optional.ofNullable(known.get(key)).flatMap(LedgerEntry::targetVersion);
          store.record(entry(key, seq, version.map(v -> v + 1).orElse(1L)), lease);
          System.out.println("ACK " + key + " " + seq);
          System.out.flush();
          if (pauseMicros > 0) { // the remote write a real flow makes per item
            Thread.sleep(pauseMicros / 1000, (pauseMicros % 1000) * 1000);
          }
        }
        page = (page + 1) % Math.max(1, keys / PAGE);
        store.saveCheckpoint(lease, Integer.toString(page));
        lease = store.renew(lease, TTL);
      }
      store.release(lease);
    }
    System.out.println("DONE");
    System.out.flush();
  }

  /** The store as the product opens it, or with {@code settings} appended to EmbeddedH2's URL. */
  static JdbcStateStore open(Path dir, String settings) {
    if (settings == null || settings.isEmpty()) {
      return JdbcStateStore.h2File(dir);
    }
    JdbcDataSource source = new JdbcDataSource();
    source.setURL("jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve("gridcast-state") + BASE_SETTINGS
        + settings);
    JdbcConnectionPool pool = JdbcConnectionPool.create(source);
    pool.setMaxConnections(8);
    return JdbcStateStore.builder().dataSource(pool).closeWhenClosed(pool::dispose).build();
  }

  static String key(int n) {
    return String.format("spotify:episode:%06d", n);
  }

  static LedgerEntry entry(String key, long seq, long version) {
    return LedgerEntry.builder()
        .flow(FLOW)
        .sourceKey(key)
        .targetId("post-" + key.substring(key.length() - 6) + "-" + seq)
        .fingerprint(Long.toString(seq))
        .targetVersion(version)
        .attributes("{\"assignments\":[\"a-" + seq + "\",\"b-" + (seq % 97) + "\"],\"note\":\"" + "x".repeat(64) + "\"}")
        .updatedAt(Instant.now())
        .build();
  }
}
