package io.gridcast.bridge.state;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versioned schema of {@link JdbcStateStore}, brought up to date when a store opens.
 *
 * <p>Each step is an ordered list of statements written with {@code {p}} for the table prefix
 * and type placeholders resolved per {@link Dialect}; every statement is idempotent
 * ({@code IF NOT EXISTS}) so that a step interrupted on H2, where DDL commits on its own, can
 * simply run again. Applied versions are rows of {@code <prefix>schema_version}.
 *
 * <p>On PostgreSQL all steps run in one transaction that first takes a transaction-scoped
 * advisory lock derived from the prefix, so instances starting together apply each step once.
 * H2 file databases belong to one process; a JVM-wide lock serialises stores opened together.
 */
final class SchemaMigrations {

  private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
  private static final Object H2_LOCK = new Object();

  record Step(int version, String description, List<String> statements) {}

  static final List<Step> STEPS =
      List.of(
          new Step(
              1,
              "ledger, checkpoints, leases and dead letters",
              List.of(
                  "CREATE TABLE IF NOT EXISTS {p}ledger ("
                      + " flow {key} NOT NULL,"
                      + " source_key {key} NOT NULL,"
                      + " target_id {text} NOT NULL,"
                      + " fingerprint {text} NOT NULL,"
                      + " target_version BIGINT,"
                      + " attributes {large-text},"
                      + " updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,"
                      + " PRIMARY KEY (flow, source_key))",
                  "CREATE TABLE IF NOT EXISTS {p}checkpoints ("
                      + " flow {key} NOT NULL,"
                      + " partition_key {key} NOT NULL,"
                      + " checkpoint_value {large-text} NOT NULL,"
                      + " fencing_token BIGINT NOT NULL,"
                      + " updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,"
                      + " PRIMARY KEY (flow, partition_key))",
                  "CREATE TABLE IF NOT EXISTS {p}leases ("
                      + " flow {key} NOT NULL,"
                      + " partition_key {key} NOT NULL,"
                      + " owner {text},"
                      + " fencing_token BIGINT NOT NULL,"
                      + " expires_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,"
                      + " PRIMARY KEY (flow, partition_key))",
                  "CREATE TABLE IF NOT EXISTS {p}dead_letters ("
                      + " flow {key} NOT NULL,"
                      + " source_key {key} NOT NULL,"
                      + " reason {large-text} NOT NULL,"
                      + " attempts INTEGER NOT NULL,"
                      + " payload_ref {text},"
                      + " first_failed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,"
                      + " last_failed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,"
                      + " PRIMARY KEY (flow, source_key))",
                  "CREATE INDEX IF NOT EXISTS {p}dead_letters_by_age"
                      + " ON {p}dead_letters (flow, first_failed_at)")));

  /** The newest schema version this code knows. */
  static final int LATEST = STEPS.get(STEPS.size() - 1).version();

  private SchemaMigrations() {}

  /** Brings the schema under {@code prefix} up to {@link #LATEST}, or refuses a newer one. */
  static void apply(Connection connection, Dialect dialect, String prefix, Instant now) throws SQLException {
    if (dialect == Dialect.H2) {
      synchronized (H2_LOCK) {
        migrate(connection, dialect, prefix, now);
      }
    } else {
      migrate(connection, dialect, prefix, now);
    }
  }

  private static void migrate(Connection connection, Dialect dialect, String prefix, Instant now)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      if (dialect == Dialect.POSTGRESQL) {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
          lock.setLong(1, advisoryLockKey(prefix));
          lock.executeQuery().close();
        }
      }
      try (Statement ddl = connection.createStatement()) {
        ddl.execute(
            sql(dialect, prefix,
                "CREATE TABLE IF NOT EXISTS {p}schema_version ("
                    + " version INTEGER NOT NULL PRIMARY KEY,"
                    + " description {text} NOT NULL,"
                    + " applied_at TIMESTAMP(6) WITH TIME ZONE NOT NULL)"));
      }
      int current = currentVersion(connection, prefix);
      if (current > LATEST) {
        throw new StateStoreException(
            "The Gridcast state tables with prefix '" + prefix + "' are at schema version " + current
                + ", newer than this Gridcast knows (" + LATEST + "): upgrade Gridcast to the version"
                + " that wrote them, or use another table prefix or database",
            null);
      }
      for (Step step : STEPS) {
        if (step.version() > current) {
          applyStep(connection, dialect, prefix, step, now);
        }
      }
      connection.commit();
    } catch (SQLException | RuntimeException | Error e) { // an Error too: never commit half a migration
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static void applyStep(Connection connection, Dialect dialect, String prefix, Step step, Instant now)
      throws SQLException {
    try (Statement ddl = connection.createStatement()) {
      for (String statement : step.statements()) {
        ddl.execute(sql(dialect, prefix, statement));
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO " + prefix + "schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
      insert.setInt(1, step.version());
      insert.setString(2, step.description());
      insert.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      insert.executeUpdate();
    }
    log.info("Applied Gridcast state schema version {} ({}) to tables '{}*'", step.version(), step.description(), prefix);
  }

  private static int currentVersion(Connection connection, String prefix) throws SQLException {
    try (Statement query = connection.createStatement();
        ResultSet rows = query.executeQuery("SELECT MAX(version) FROM " + prefix + "schema_version")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static String sql(Dialect dialect, String prefix, String statement) {
    return dialect.types(statement.replace("{p}", prefix));
  }

  /** One advisory lock per table prefix, so stores on other prefixes do not wait on each other. */
  static long advisoryLockKey(String prefix) {
    return UUID.nameUUIDFromBytes(("gridcast-state-schema:" + prefix).getBytes(StandardCharsets.UTF_8))
        .getMostSignificantBits();
  }
}
