package io.gridcast.bridge.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The embedded H2 file database behind {@link JdbcStateStoreBuilder#h2File(Path)}. Kept apart
 * from {@link JdbcStateStore} so that H2, an optional dependency, is loaded only when used.
 */
final class EmbeddedH2 {

  static final String FILE_NAME = "gridcast-state";
  static final int MAX_CONNECTIONS = 8;

  private EmbeddedH2() {}

  static OwnedDataSource open(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    if (dir.toString().contains(";")) {
      throw new IllegalArgumentException("directory must not contain ';' (H2 reads it as a setting): " + dir);
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the state directory " + dir, e);
    }
    JdbcDataSource source = new JdbcDataSource();
    // One process owns the file; a lock held by another transaction is waited for up to 10 s.
    source.setURL("jdbc:h2:file:" + dir.resolve(FILE_NAME) + ";AUTO_SERVER=FALSE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64");
    JdbcConnectionPool pool = JdbcConnectionPool.create(source);
    pool.setMaxConnections(MAX_CONNECTIONS);
    return new OwnedDataSource(pool, pool::dispose);
  }
}
