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
import java.util.ArrayList;
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
 * simply run again. A step may also rewrite rows, in Java, after its statements; that too must
 * be safe to run again. Applied versions are rows of {@code <prefix>schema_version}.
 *
 * <p>On PostgreSQL all steps run in one transaction that first takes a transaction-scoped
 * advisory lock derived from the prefix, so instances starting together apply each step once.
 * H2 file databases belong to one process; a JVM-wide lock serialises stores opened together.
 */
final class SchemaMigrations {

  private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
  private static final Object H2_LOCK = new Object();

  /** Rows a step rewrites after its statements ran, on the migration's connection and transaction. */
  @FunctionalInterface
  interface RowChange {
    void apply(Connection connection, String prefix) throws SQLException;
  }

  record Step(int version, String description, List<String> statements, RowChange rows) {
    Step(int version, String description, List<String> statements) {
      this(version, description, statements, null);
    }
  }

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
                      + " ON {p}dead_letters (flow, first_failed_at)")),
          new Step(
              2,
              "long source keys indexed by digest, originals kept beside them",
              List.of(
                  "ALTER TABLE {p}ledger ADD COLUMN IF NOT EXISTS original_key {key}",
                  "ALTER TABLE {p}dead_letters ADD COLUMN IF NOT EXISTS original_key {key}"),
              SchemaMigrations::digestLongKeys),
          new Step(
              3,
              "write intents: the creates a partition may have sent without recording them",
              List.of(
                  "CREATE TABLE IF NOT EXISTS {p}write_intents ("
                      + " flow {key} NOT NULL,"
                      + " partition_key {key} NOT NULL,"
                      + " source_keys {large-text} NOT NULL,"
                      + " reconciled BOOLEAN NOT NULL,"
                      + " fencing_token BIGINT NOT NULL,"
                      + " updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,"
                      + " PRIMARY KEY (flow, partition_key))")));

  /** The newest schema version this code knows. */
  static final int LATEST = STEPS.get(STEPS.size() - 1).version();

  private SchemaMigrations() {}

  /** Brings the schema under {@code prefix} up to {@link #LATEST}, or refuses a newer one. */
  static void apply(Connection connection, Dialect dialect, String prefix, Instant now) throws SQLException {
    apply(connection, dialect, prefix, now, LATEST);
  }

  /**
   * Brings the schema under {@code prefix} up to version {@code target} (tests build the
   * databases earlier versions left behind with it), or refuses one newer than {@link #LATEST}.
   */
  static void apply(Connection connection, Dialect dialect, String prefix, Instant now, int target)
      throws SQLException {
    if (dialect == Dialect.H2) {
      synchronized (H2_LOCK) {
        migrate(connection, dialect, prefix, now, target);
      }
    } else {
      migrate(connection, dialect, prefix, now, target);
    }
  }

  private static void migrate(Connection connection, Dialect dialect, String prefix, Instant now, int target)
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
        if (step.version() > current && step.version() <= target) {
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
    if (step.rows() != null) {
      step.rows().apply(connection, prefix);
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

  /**
   * Version 2: keys that version 1 indexed as they were but that are now indexed by digest
   * ({@link SourceKeys#storedForm}) move under their digest, the original kept in
   * {@code original_key}. Rows already moved have an original and are left alone, so running it
   * again changes nothing.
   */
  static void digestLongKeys(Connection connection, String prefix) throws SQLException {
    for (String table : List.of(prefix + "ledger", prefix + "dead_letters")) {
      List<String[]> moves = new ArrayList<>(); // flow, key
      // a key over MAX_INDEXED_BYTES has more than a quarter as many characters (4 bytes at most each)
      try (PreparedStatement query =
          connection.prepareStatement("SELECT flow, source_key FROM " + table + " WHERE original_key IS NULL"
              + " AND (CHAR_LENGTH(source_key) > ? OR source_key LIKE ?)")) {
        query.setInt(1, SourceKeys.MAX_INDEXED_BYTES / 4);
        query.setString(2, SourceKeys.DIGEST_PREFIX + "%");
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            String key = rows.getString(2);
            if (!SourceKeys.storedForm(key).equals(key)) {
              moves.add(new String[] {rows.getString(1), key});
            }
          }
        }
      }
      try (PreparedStatement update =
          connection.prepareStatement("UPDATE " + table + " SET source_key = ?, original_key = ?"
              + " WHERE flow = ? AND source_key = ?")) {
        for (String[] move : moves) {
          update.setString(1, SourceKeys.storedForm(move[1]));
          update.setString(2, move[1]);
          update.setString(3, move[0]);
          update.setString(4, move[1]);
          update.executeUpdate();
        }
      }
      if (!moves.isEmpty()) {
        log.info("Moved {} long source keys of table '{}' under their digests", moves.size(), table);
      }
    }
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
