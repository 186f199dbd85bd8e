package io.gridcast.bridge.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedConnectionPoolTest {

  private final BoundedConnectionPool pool = new BoundedConnectionPool(inMemoryH2(), 2, Duration.ofMillis(200));

  @AfterEach
  void closePool() {
    pool.close();
  }

  @Test
  void handsOutAtMostItsMaximumAndThenMakesCallersWait() throws SQLException {
    try (Connection first = pool.getConnection(); Connection second = pool.getConnection()) {
      assertThat(first.isValid(1) && second.isValid(1)).isTrue();
      long started = System.nanoTime();
      assertThatThrownBy(pool::getConnection)
          .isInstanceOf(SQLTimeoutException.class)
          .hasMessageContaining("No state store connection became free");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }
    try (Connection again = pool.getConnection()) {
      assertThat(again.isValid(1)).isTrue();
    }
  }

  @Test
  void reusesTheConnectionReturnedToIt() throws SQLException {
    int firstSession;
    try (Connection connection = pool.getConnection()) {
      firstSession = sessionId(connection);
    }

    try (Connection connection = pool.getConnection()) {
      assertThat(sessionId(connection)).isEqualTo(firstSession);
    }
  }

  @Test
  void refusesCallersOnceClosed() {
    pool.close();

    assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class).hasMessageContaining("closed");
  }

  private static int sessionId(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT SESSION_ID()")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static JdbcDataSource inMemoryH2() {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL("jdbc:h2:mem:pool-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return source;
  }
}
