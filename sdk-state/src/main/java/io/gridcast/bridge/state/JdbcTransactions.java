package io.gridcast.bridge.state;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import io.gridcast.core.LogSafe;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs units of work in a transaction on a connection of their own, and runs them again when
 * they lose a race the database reports as transient (see {@link Dialect#isTransient}): up to
 * 9 retries, 2 to 20 ms apart. Thread-safe.
 */
final class JdbcTransactions {

  private static final Logger log = LoggerFactory.getLogger(JdbcTransactions.class);

  /** One unit of work on a connection inside a transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;
  private final FailsafeExecutor<Object> retries;

  JdbcTransactions(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    RetryPolicy<Object> policy =
        RetryPolicy.builder()
            .handleIf(e -> e instanceof SQLException && dialect.isTransient((SQLException) e))
            .withMaxRetries(9)
            .withDelay(Duration.ofMillis(2), Duration.ofMillis(20))
            .onRetry(
                event ->
                    log.debug(
                        "Retrying a state store transaction after a transient failure (SQLState {})",
                        ((SQLException) event.getLastException()).getSQLState()))
            .build();
    this.retries = Failsafe.with(policy);
  }

  /**
   * Runs {@code work} in a transaction, committing when it returns and rolling back when it
   * throws. {@link StateStoreException}s (including {@link LeaseLostException}) pass through;
   * other failures become a {@link StateStoreException} naming {@code operation}.
   */
  <T> T inTransaction(String operation, Work<T> work) {
    try {
      return retries.get(() -> once(work));
    } catch (FailsafeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      // the database's message may quote the values written (PostgreSQL's "Detail: Key (…)=(…)")
      throw new StateStoreException(
          "State store failed to " + operation + ": " + LogSafe.text(cause.getMessage()), cause);
    }
  }

  private <T> T once(Work<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) { // an Error too: never commit half a transaction
        try {
          connection.rollback();
        } catch (SQLException rollbackFailure) {
          e.addSuppressed(rollbackFailure);
        }
        throw e;
      } finally {
        restoreAutoCommit(connection, autoCommit);
      }
    }
  }

  /** Best effort: the outcome of the transaction is already decided; a broken connection is dropped by the pool. */
  private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
    try {
      connection.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      log.debug("Could not restore auto-commit on a state store connection (SQLState {})", e.getSQLState());
    }
  }
}
