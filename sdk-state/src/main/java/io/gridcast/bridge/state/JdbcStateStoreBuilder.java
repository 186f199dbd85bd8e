package io.gridcast.bridge.state;

import static io.gridcast.bridge.state.Arguments.requirePresent;
import static io.gridcast.bridge.state.Arguments.requireText;

import io.gridcast.core.Secret;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Builds a {@link JdbcStateStore}. Choose the database with exactly one of
 * {@link #dataSource}, {@link #h2File} or {@link #postgres} (the last call wins). Defaults:
 * table prefix {@code gridcast_}, clock {@link Clock#systemUTC()},
 * nothing closed with the store when a {@link DataSource} is passed in. Not thread-safe.
 */
public final class JdbcStateStoreBuilder {

  @FunctionalInterface
  private interface Connections {
    JdbcStateStore open(JdbcStateStoreBuilder settings);
  }

  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,29}");

  private Connections connections;
  private AutoCloseable closeWhenClosed;
  private Clock clock = Clock.systemUTC();
  private String tablePrefix = JdbcStateStore.DEFAULT_TABLE_PREFIX;

  JdbcStateStoreBuilder() {}

  /**
   * Uses connections from {@code dataSource}, which should pool them (each operation borrows
   * one). The store does not close it unless {@link #closeWhenClosed} says so.
   */
  public JdbcStateStoreBuilder dataSource(DataSource dataSource) {
    requirePresent("dataSource", dataSource);
    this.connections = b -> new JdbcStateStore(b.clock, b.tablePrefix, dataSource, b.closeWhenClosed);
    return this;
  }

  /**
   * Something to close when the store is closed, typically the pool behind
   * {@link #dataSource}. Default: nothing.
   */
  public JdbcStateStoreBuilder closeWhenClosed(AutoCloseable resource) {
    this.closeWhenClosed = resource;
    return this;
  }

  /**
   * Uses an embedded H2 file database in {@code directory} (created if missing), through
   * H2's own connection pool of at most 8 connections, closed with the store. Needs
   * {@code com.h2database:h2} on the classpath.
   */
  public JdbcStateStoreBuilder h2File(Path directory) {
    requirePresent("directory", directory);
    this.connections = b -> {
      OwnedDataSource h2;
      try {
        h2 = EmbeddedH2.open(directory);
      } catch (NoClassDefFoundError e) {
        throw new StateStoreException(
            "H2 is not on the classpath: add the dependency com.h2database:h2 to use h2File(...)", e);
      }
      return new JdbcStateStore(b.clock, b.tablePrefix, h2.dataSource(), chain(h2.pool(), b.closeWhenClosed));
    };
    return this;
  }

  /**
   * Uses a PostgreSQL database through a small pool of at most 8 connections (a caller
   * waits up to 30 seconds for a free one), closed with the store. Needs
   * {@code org.postgresql:postgresql} on the classpath.
   *
   * @param jdbcUrl e.g. {@code jdbc:postgresql://db.example.com:5432/gridcast}
   * @param user the database user
   * @param password the password, or {@code null} when the server does not ask for one
   */
  public JdbcStateStoreBuilder postgres(String jdbcUrl, String user, Secret password) {
    requireText("jdbcUrl", jdbcUrl);
    requireText("user", user);
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "jdbcUrl must be a PostgreSQL JDBC URL such as jdbc:postgresql://db.example.com:5432/gridcast");
    }
    this.connections = b -> {
      OwnedDataSource postgres;
      try {
        postgres = PostgresConnections.open(jdbcUrl, user, password);
      } catch (NoClassDefFoundError e) {
        throw new StateStoreException(
            "The PostgreSQL driver is not on the classpath: add the dependency org.postgresql:postgresql"
                + " to use postgres(...)", e);
      }
      return new JdbcStateStore(
          b.clock, b.tablePrefix, postgres.dataSource(), chain(postgres.pool(), b.closeWhenClosed));
    };
    return this;
  }

  /** Where the store reads time for lease expiry and checkpoints. Default: system UTC. */
  public JdbcStateStoreBuilder clock(Clock clock) {
    this.clock = requirePresent("clock", clock);
    return this;
  }

  /**
   * Prefix of the store's table names, so that several stores can share one database
   * schema. Lower-case letters, digits and underscores, starting with a letter, at most 30
   * characters. Default: {@code gridcast_}.
   */
  public JdbcStateStoreBuilder tablePrefix(String tablePrefix) {
    requirePresent("tablePrefix", tablePrefix);
    if (!PREFIX.matcher(tablePrefix).matches()) {
      throw new IllegalArgumentException(
          "tablePrefix must be lower-case letters, digits and underscores, starting with a letter,"
              + " at most 30 characters, e.g. 'gridcast_'; was '" + tablePrefix + "'");
    }
    this.tablePrefix = tablePrefix;
    return this;
  }

  /**
   * Opens the store, creating or upgrading its tables.
   *
   * @throws IllegalStateException if no database was chosen
   * @throws StateStoreException if the database cannot be reached, is not H2 or PostgreSQL,
   *     or has a schema newer than this Gridcast
   */
  public JdbcStateStore build() {
    if (connections == null) {
      throw new IllegalStateException(
          "No database chosen: call dataSource(...), h2File(...) or postgres(...) before build()");
    }
    return connections.open(this);
  }

  private static AutoCloseable chain(AutoCloseable first, AutoCloseable second) {
    if (second == null) {
      return first;
    }
    return () -> {
      try {
        first.close();
      } finally {
        second.close();
      }
    };
  }
}
