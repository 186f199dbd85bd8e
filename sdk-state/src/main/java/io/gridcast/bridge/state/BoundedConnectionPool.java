package io.gridcast.bridge.state;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.PooledConnection;

/**
 * A small pool over a driver's {@link ConnectionPoolDataSource}: at most {@code maxConnections}
 * physical connections, kept open between uses, handed out as logical connections that return
 * to the pool when closed. A connection idle for longer than 30 seconds is validated before it
 * is handed out again; one the driver reports as broken is discarded. A caller waits up to
 * {@code borrowTimeout} for a free connection. Thread-safe.
 */
final class BoundedConnectionPool implements DataSource, AutoCloseable {

  private static final long VALIDATE_AFTER_IDLE_NANOS = Duration.ofSeconds(30).toNanos();

  private record Idle(PooledConnection connection, long since) {}

  private final ConnectionPoolDataSource source;
  private final Semaphore permits;
  private final Duration borrowTimeout;
  private final Deque<Idle> idle = new ArrayDeque<>();
  private final Set<PooledConnection> inUse = new HashSet<>();
  private final ConnectionEventListener returner = new Returner();
  private boolean closed;

  BoundedConnectionPool(ConnectionPoolDataSource source, int maxConnections, Duration borrowTimeout) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
    }
    this.source = source;
    this.permits = new Semaphore(maxConnections, true);
    this.borrowTimeout = borrowTimeout;
  }

  @Override
  public Connection getConnection() throws SQLException {
    try {
      // a free connection is taken even by an interrupted thread (e.g. to release its lease on the
      // way out); only the wait for a busy one is interruptible
      if (!permits.tryAcquire() && !permits.tryAcquire(borrowTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new SQLTimeoutException(
            "No state store connection became free within " + borrowTimeout
                + ": all are in use; close connections or shorten transactions");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("Interrupted while waiting for a state store connection", e);
    }
    try {
      PooledConnection pooled = borrow();
      try {
        return pooled.getConnection();
      } catch (SQLException | RuntimeException e) {
        synchronized (this) {
          inUse.remove(pooled);
        }
        discard(pooled);
        throw e;
      }
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  private PooledConnection borrow() throws SQLException {
    while (true) {
      Idle candidate;
      synchronized (this) {
        if (closed) {
          throw new SQLException("The state store's connection pool is closed");
        }
        candidate = idle.pollFirst();
      }
      if (candidate == null) {
        PooledConnection fresh = source.getPooledConnection();
        fresh.addConnectionEventListener(returner);
        markInUse(fresh);
        return fresh;
      }
      if (System.nanoTime() - candidate.since() < VALIDATE_AFTER_IDLE_NANOS || isValid(candidate.connection())) {
        markInUse(candidate.connection());
        return candidate.connection();
      }
      discard(candidate.connection());
    }
  }

  private synchronized void markInUse(PooledConnection pooled) {
    inUse.add(pooled);
  }

  private static boolean isValid(PooledConnection pooled) {
    try (Connection probe = pooled.getConnection()) {
      return probe.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static void discard(PooledConnection pooled) {
    try {
      pooled.close();
    } catch (SQLException ignored) {
      // Already broken; nothing else to release.
    }
  }

  /** Closes idle connections now and the others as they are returned. */
  @Override
  public void close() {
    Deque<Idle> toClose;
    synchronized (this) {
      closed = true;
      toClose = new ArrayDeque<>(idle);
      idle.clear();
    }
    toClose.forEach(i -> discard(i.connection()));
  }

  private final class Returner implements ConnectionEventListener {
    @Override
    public void connectionClosed(ConnectionEvent event) {
      PooledConnection pooled = (PooledConnection) event.getSource();
      boolean keep;
      synchronized (BoundedConnectionPool.this) {
        if (!inUse.remove(pooled)) {
          return; // already discarded after an error, or a validation probe
        }
        keep = !closed;
        if (keep) {
          idle.addFirst(new Idle(pooled, System.nanoTime()));
        }
      }
      if (!keep) {
        discard(pooled);
      }
      permits.release();
    }

    @Override
    public void connectionErrorOccurred(ConnectionEvent event) {
      PooledConnection pooled = (PooledConnection) event.getSource();
      boolean wasInUse;
      synchronized (BoundedConnectionPool.this) {
        wasInUse = inUse.remove(pooled);
        idle.removeIf(i -> i.connection() == pooled);
      }
      pooled.removeConnectionEventListener(this);
      discard(pooled);
      if (wasInUse) {
        permits.release();
      }
    }
  }

  // ---- the rest of DataSource ----

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("The state store's pool has fixed credentials");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // Gridcast logs through slf4j only.
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    source.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return source.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("Gridcast logs through slf4j");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("Not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
