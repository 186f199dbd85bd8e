package io.gridcast.bridge.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store on the real PostgreSQL, in tables of a prefix unique to this run, dropped
 * after each test. "Instances" are separate stores with pools of their own, as separate
 * application instances would be.
 */
class PostgresStateStoreTest extends JdbcStateStoreContract {

  private static final String PREFIX = PostgresTestDatabase.uniquePrefix();

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.requireReachable();
  }

  private final List<String> freshPrefixes = new ArrayList<>();

  @AfterEach
  void dropTables() throws SQLException {
    store.close();
    PostgresTestDatabase.dropTables(PREFIX);
    for (String prefix : freshPrefixes) {
      PostgresTestDatabase.dropTables(prefix);
    }
  }

  @Override
  protected StateStore openStore(Clock clock) {
    return open(PREFIX, clock);
  }

  @Override
  protected StateStore openInstance(Clock clock) {
    return open(PREFIX, clock);
  }

  @Override
  protected StateStore openStore(Clock clock, String prefix) {
    return open(prefix, clock);
  }

  @Override
  protected Connection connect() throws SQLException {
    return PostgresTestDatabase.connect();
  }

  @Override
  protected Dialect dialect() {
    return Dialect.POSTGRESQL;
  }

  @Override
  protected String freshPrefix() {
    String prefix = PostgresTestDatabase.uniquePrefix();
    freshPrefixes.add(prefix);
    return prefix;
  }

  @Test
  void instancesStartingTogetherApplyEachMigrationOnce() throws Exception {
    String prefix = PostgresTestDatabase.uniquePrefix();
    int instances = 4;
    CyclicBarrier start = new CyclicBarrier(instances);
    ExecutorService pool = Executors.newFixedThreadPool(instances);
    List<StateStore> opened = new ArrayList<>();
    try {
      List<Future<StateStore>> starting = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        starting.add(pool.submit(() -> {
          start.await();
          return open(prefix, clock);
        }));
      }
      for (Future<StateStore> instance : starting) {
        opened.add(instance.get(60, TimeUnit.SECONDS));
      }

      assertThat(schemaVersions(prefix)).containsExactlyElementsOf(allVersions());
      Lease lease = opened.get(0).tryAcquire(FLOW, PARTITION, "instance-0", TTL).orElseThrow();
      opened.get(0).saveCheckpoint(lease, "cursor-0");
      assertThat(opened.get(3).checkpoint(FLOW, PARTITION)).contains("cursor-0");
    } finally {
      pool.shutdownNow();
      opened.forEach(StateStore::close);
      PostgresTestDatabase.dropTables(prefix);
    }
  }

  @Test
  void reopeningAppliesNoMigrationTwiceAndFindsTheData() throws SQLException {
    Lease lease = acquire("instance-a");
    store.record(entry("spotify:episode:1", "post-1", "fp-1"), lease);
    store.close();

    store = openStore(clock);

    assertThat(schemaVersions(PREFIX)).containsExactlyElementsOf(allVersions());
    assertThat(store.find(FLOW, "spotify:episode:1")).isPresent();
  }

  @Test
  void refusesADatabaseWrittenByANewerGridcast() throws SQLException {
    try (Connection connection = PostgresTestDatabase.connect(); Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "INSERT INTO " + PREFIX + "schema_version (version, description, applied_at)"
              + " VALUES (999, 'from the future', now())");
    }

    assertThatThrownBy(() -> openStore(clock))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("schema version 999")
        .hasMessageContaining("upgrade Gridcast");
  }

  @Test
  void ordersSourceKeysByCodePointWhateverTheDatabaseCollation() {
    Lease lease = acquire("instance-a");
    for (String key : List.of("b", "B", "a-2", "a_1", "A")) {
      store.record(entry(key, "post", "fp"), lease);
    }

    assertThat(store.entries(FLOW)).extracting(LedgerEntry::sourceKey).containsExactly("A", "B", "a-2", "a_1", "b");
  }

  private static StateStore open(String prefix, Clock clock) {
    return JdbcStateStore.builder()
        .postgres(PostgresTestDatabase.URL, PostgresTestDatabase.USER, null)
        .tablePrefix(prefix)
        .clock(clock)
        .build();
  }
}
