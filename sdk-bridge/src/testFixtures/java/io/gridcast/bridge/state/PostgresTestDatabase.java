package io.gridcast.bridge.state;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL the tests run against: 127.0.0.1:5432, database {@code test}, user
 * {@code postgres}, trust authentication. Missing, the tests skip, except in CI (environment
 * variable {@code CI=true}), where they fail.
 */
public final class PostgresTestDatabase {

  public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=5&socketTimeout=120";
  public static final String USER = "postgres";
  public static final String NOT_REACHABLE =
      "PostgreSQL not reachable at 127.0.0.1:5432 (database test, user postgres): start it with"
          + " `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`"
          + " — in CI these tests must run";

  private PostgresTestDatabase() {}

  /** Skips the calling tests when PostgreSQL is down, or fails them when running in CI. */
  public static void requireReachable() {
    requireReachable(URL, System.getenv("CI"));
  }

  static void requireReachable(String url, String ciVariable) {
    try (Connection connection = DriverManager.getConnection(url, USER, null)) {
      connection.isValid(5);
    } catch (SQLException e) {
      if ("true".equals(ciVariable)) {
        fail(NOT_REACHABLE + " (" + e.getMessage() + ")", e);
      }
      Assumptions.abort(NOT_REACHABLE);
    }
  }

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(URL, USER, null);
  }

  /** A table prefix no other test run uses, e.g. {@code gc_t3f9a01c2_}. */
  public static String uniquePrefix() {
    return String.format("gc_t%08x_", ThreadLocalRandom.current().nextInt());
  }

  public static void dropTables(String prefix) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      for (String table : new String[] {"ledger", "checkpoints", "leases", "dead_letters", "write_intents", "schema_version"}) {
        statement.execute("DROP TABLE IF EXISTS " + prefix + table);
      }
    }
  }
}
