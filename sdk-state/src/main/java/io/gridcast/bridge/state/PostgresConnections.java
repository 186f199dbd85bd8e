package io.gridcast.bridge.state;

import io.gridcast.core.Secret;
import java.time.Duration;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The connection pool behind {@link JdbcStateStoreBuilder#postgres}. Kept apart from
 * {@link JdbcStateStore} so that the PostgreSQL driver, an optional dependency, is loaded only
 * when used.
 */
final class PostgresConnections {

  static final int MAX_CONNECTIONS = 8;
  static final Duration BORROW_TIMEOUT = Duration.ofSeconds(30);

  private PostgresConnections() {}

  static OwnedDataSource open(String jdbcUrl, String user, Secret password) {
    PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
    source.setURL(jdbcUrl);
    source.setUser(user);
    // Keep row values ("Failing row contains …") out of exception messages and logs.
    source.setLogServerErrorDetail(false);
    if (password != null) {
      source.setPassword(password.reveal());
    }
    BoundedConnectionPool pool = new BoundedConnectionPool(source, MAX_CONNECTIONS, BORROW_TIMEOUT);
    return new OwnedDataSource(pool, pool);
  }
}
