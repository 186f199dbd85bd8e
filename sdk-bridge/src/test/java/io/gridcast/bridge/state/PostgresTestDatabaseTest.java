package io.gridcast.bridge.state;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The PostgreSQL tests skip locally but fail in CI when the database is missing. */
class PostgresTestDatabaseTest {

  private static final String NOBODY_LISTENS = "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2";

  @Test
  void skipsWithInstructionsWhenPostgresIsMissingOutsideCi() {
    assertThatThrownBy(() -> PostgresTestDatabase.requireReachable(NOBODY_LISTENS, null))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("PostgreSQL not reachable at 127.0.0.1:5432")
        .hasMessageContaining("pg_ctlcluster --skip-systemctl-redirect");
  }

  @Test
  void failsWhenPostgresIsMissingInCi() {
    assertThatThrownBy(() -> PostgresTestDatabase.requireReachable(NOBODY_LISTENS, "true"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("in CI these tests must run");
  }
}
