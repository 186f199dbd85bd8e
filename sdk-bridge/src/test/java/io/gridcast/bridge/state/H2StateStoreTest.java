package io.gridcast.bridge.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC store on an embedded H2 file database in a fresh directory per test. */
class H2StateStoreTest extends JdbcStateStoreContract {

  @TempDir Path directory;

  @Override
  protected StateStore openStore(Clock clock) {
    return JdbcStateStore.builder().h2File(directory).clock(clock).build();
  }

  /** A second store on the same directory, with a connection pool of its own. */
  @Override
  protected StateStore openInstance(Clock clock) {
    return openStore(clock);
  }

  @Override
  protected StateStore openStore(Clock clock, String prefix) {
    return JdbcStateStore.builder().h2File(directory).tablePrefix(prefix).clock(clock).build();
  }

  @Override
  protected Dialect dialect() {
    return Dialect.H2;
  }

  /** The directory is fresh for each test, and so is every prefix in it. */
  @Override
  protected String freshPrefix() {
    return "legacy_";
  }

  @Test
  void keepsItsDatabaseFileInTheDirectory() {
    assertThat(directory.resolve("gridcast-state.mv.db")).isRegularFile();
  }

  @Test
  void reopeningTheDirectoryFindsEverythingAgain() {
    Lease lease = acquire("instance-a");
    LedgerEntry entry = edit(entry("spotify:episode:1", "post-1", "fp-1")).targetVersion(3L).build();
    store.record(entry, lease);
    store.saveCheckpoint(lease, "cursor-9");
    DeadLetter letter = store.deadLetter(FLOW, "spotify:episode:2", "boom", "ref", T0, lease);
    store.release(lease);
    store.close();

    store = JdbcStateStore.h2File(directory);

    assertThat(store.find(FLOW, "spotify:episode:1")).contains(entry);
    assertThat(store.checkpoint(FLOW, PARTITION)).contains("cursor-9");
    assertThat(store.deadLetters(FLOW)).containsExactly(letter);
    Lease next = store.tryAcquire(FLOW, PARTITION, "instance-b", TTL).orElseThrow();
    assertThat(next.fencingToken()).isGreaterThan(lease.fencingToken());
  }

  @Test
  void reopeningAppliesNoMigrationTwice() throws SQLException {
    store.close();
    store = openStore(clock);
    store.close();
    store = openStore(clock);

    assertThat(schemaVersions("gridcast_")).containsExactlyElementsOf(allVersions());
  }

  @Test
  void refusesADatabaseWrittenByANewerGridcast() throws SQLException {
    store.close();
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "INSERT INTO gridcast_schema_version (version, description, applied_at)"
              + " VALUES (999, 'from the future', CURRENT_TIMESTAMP)");
    }

    assertThatThrownBy(() -> openStore(clock))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("schema version 999")
        .hasMessageContaining("upgrade Gridcast");
    store = new InMemoryStateStore(clock); // something for the shared @AfterEach to close
  }

  @Test
  void tablePrefixesKeepStoresInOneDatabaseApart() {
    Lease lease = acquire("instance-a");
    store.record(entry("spotify:episode:1", "post-1", "fp-1"), lease);

    try (StateStore other = JdbcStateStore.builder().h2File(directory).tablePrefix("tenant2_").clock(clock).build()) {
      assertThat(other.find(FLOW, "spotify:episode:1")).isEmpty();
      Lease otherLease = other.tryAcquire(FLOW, PARTITION, "instance-b", TTL).orElseThrow();
      other.record(entry("spotify:episode:1", "post-elsewhere", "fp"), otherLease);
    }

    assertThat(store.find(FLOW, "spotify:episode:1").orElseThrow().targetId()).isEqualTo("post-1");
  }

  @Test
  void refusesATablePrefixThatIsNotAPlainIdentifier() {
    assertThatThrownBy(() -> JdbcStateStore.builder().tablePrefix("x; DROP TABLE y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tablePrefix");
  }

  @Test
  void closesTheDataSourceItWasToldToCloseAndOnlyThatOne() throws SQLException {
    JdbcConnectionPool owned = JdbcConnectionPool.create(url(), "", "");
    JdbcConnectionPool lent = JdbcConnectionPool.create(url(), "", "");
    StateStore withOwned =
        JdbcStateStore.builder().dataSource(owned).closeWhenClosed(owned::dispose).tablePrefix("owned_").build();
    StateStore withLent = JdbcStateStore.builder().dataSource(lent).tablePrefix("lent_").build();

    withOwned.close();
    withLent.close();

    assertThatThrownBy(owned::getConnection).isInstanceOf(IllegalStateException.class);
    try (Connection stillOpen = lent.getConnection()) {
      assertThat(stillOpen.isValid(1)).isTrue();
    } finally {
      lent.dispose();
    }
  }

  @Test
  void needsADatabaseBeforeItCanBuild() {
    assertThatThrownBy(() -> JdbcStateStore.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("h2File");
  }

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection(url());
  }

  private String url() {
    return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("gridcast-state") + ";AUTO_SERVER=FALSE";
  }
}
