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
    // WRITE_DELAY=0: each commit writes its MVStore chunk before commit() returns. With H2's
    // default (500 ms) a commit reaches the file only with the next background write, so a SIGKILL
    // drops the last ~0.5 s of committed rows. Measured with proving-ground H2SigkillCycles (11
    // SIGKILLs, a clean close and reopens per cycle): default settings lost acknowledged ledger rows
    // in 29 of 30 cycles on 2.3.232 and 2.4.240 (30 of 30 on 2.5.252), and 3 of 90 cycles were left
    // unreadable (an index naming a row the table lacks, "Row not found in primary index");
    // WRITE_DELAY=0 on 2.3.232: 0 of 120 cycles lost a row or failed to reopen. Do not lower
    // RETENTION_TIME with it: RETENTION_TIME=0 lost committed rows again (1 of 30 cycles). Cost:
    // one ~20 KB chunk per commit, kept 45 s (RETENTION_TIME) before its space is reused, so while
    // running the file holds ~45 s of commits (200 MB at 180 commits/s); a clean close shrinks it.
    source.setURL("jdbc:h2:file:" + dir.resolve(FILE_NAME)
        + ";AUTO_SERVER=FALSE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64;WRITE_DELAY=0");
    JdbcConnectionPool pool = JdbcConnectionPool.create(source);
    pool.setMaxConnections(MAX_CONNECTIONS);
    return new OwnedDataSource(pool, pool::dispose);
  }
}
