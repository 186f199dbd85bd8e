package io.gridcast.bridge.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridcast.testkit.state.StateStoreContract;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link JdbcStateStore} must do on every database beyond the {@link StateStoreContract}:
 * keep a key apart from the digest that stands for a long key, and upgrade the schema that earlier
 * versions of Gridcast left behind.
 */
abstract class JdbcStateStoreContract extends StateStoreContract {

  @Test
  void aKeyThatLooksLikeTheDigestOfALongKeyIsAKeyOfItsOwn() {
    Lease lease = acquire("instance-a");
    String lookalike = SourceKeys.storedForm(LONG_KEY);
    store.record(entry(LONG_KEY, "post-long", "fp-long"), lease);
    store.deadLetter(FLOW, LONG_KEY, "long failed", null, T0, lease);

    store.record(entry(lookalike, "post-lookalike", "fp-lookalike"), lease);
    store.deadLetter(FLOW, lookalike, "lookalike failed", null, T0.plusSeconds(1), lease);

    assertThat(store.find(FLOW, LONG_KEY).orElseThrow().targetId()).isEqualTo("post-long");
    assertThat(store.find(FLOW, lookalike).orElseThrow().targetId()).isEqualTo("post-lookalike");
    assertThat(store.entries(FLOW)).extracting(LedgerEntry::sourceKey).containsExactly(lookalike, LONG_KEY);
    assertThat(store.deadLetters(FLOW)).extracting(DeadLetter::sourceKey, DeadLetter::attempts)
        .containsExactly(tuple(LONG_KEY, 1), tuple(lookalike, 1));
  }


  /** A key indexed as it was by schema version 1 and by digest since version 2 (1,016 bytes). */
  static final String V1_LONG_KEY = "spotify:episode:" + "y".repeat(1_000);

  /** A connection to the database the stores of this test open. */
  protected abstract Connection connect() throws SQLException;

  /** The database's dialect. */
  protected abstract Dialect dialect();

  /** A store on the tables of {@code prefix} in that database. */
  protected abstract StateStore openStore(Clock clock, String prefix);

  /** A table prefix no other test uses; its tables are dropped after the test. */
  protected abstract String freshPrefix();

  @Test
  void upgradingAVersion1DatabaseKeepsItsLongKeysFindableUnderTheirOriginal() throws SQLException {
    String prefix = freshPrefix();
    writeVersion1Database(prefix);

    try (StateStore upgraded = openStore(clock, prefix)) {
      assertThat(schemaVersions(prefix)).containsExactlyElementsOf(allVersions());
      assertThat(upgraded.find(FLOW, V1_LONG_KEY)).hasValueSatisfying(e -> {
        assertThat(e.sourceKey()).isEqualTo(V1_LONG_KEY);
        assertThat(e.targetId()).isEqualTo("post-long");
      });
      assertThat(upgraded.entries(FLOW)).extracting(LedgerEntry::sourceKey)
          .containsExactly("spotify:episode:1", V1_LONG_KEY);
      assertThat(upgraded.deadLetters(FLOW)).singleElement().satisfies(d -> {
        assertThat(d.sourceKey()).isEqualTo(V1_LONG_KEY);
        assertThat(d.attempts()).isEqualTo(2);
      });
    }
  }

  @Test
  void writesAfterAnUpgradeReplaceTheVersion1RowsRatherThanAddingTwins() throws SQLException {
    String prefix = freshPrefix();
    writeVersion1Database(prefix);

    try (StateStore upgraded = openStore(clock, prefix)) {
      Lease lease = upgraded.tryAcquire(FLOW, PARTITION, "instance-a", TTL).orElseThrow();
      upgraded.record(entry(V1_LONG_KEY, "post-long", "fp-2"), lease);
      DeadLetter again = upgraded.deadLetter(FLOW, V1_LONG_KEY, "again", null, T0.plusSeconds(5), lease);

      assertThat(upgraded.entries(FLOW)).hasSize(2);
      assertThat(upgraded.find(FLOW, V1_LONG_KEY).orElseThrow().fingerprint()).isEqualTo("fp-2");
      assertThat(again.attempts()).isEqualTo(3);
      assertThat(upgraded.deadLetters(FLOW)).containsExactly(again);
    }
  }

  /** Tables as Gridcast with schema version 1 left them, with a short and a long key in them. */
  private void writeVersion1Database(String prefix) throws SQLException {
    try (Connection c = connect()) {
      SchemaMigrations.apply(c, dialect(), prefix, T0, 1);
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO " + prefix + "ledger (flow, source_key, target_id, fingerprint,"
              + " target_version, attributes, updated_at) VALUES (?, ?, ?, ?, NULL, NULL, ?)")) {
        for (String[] row : new String[][] {{"spotify:episode:1", "post-1"}, {V1_LONG_KEY, "post-long"}}) {
          insert.setString(1, FLOW);
          insert.setString(2, row[0]);
          insert.setString(3, row[1]);
          insert.setString(4, "fp-1");
          insert.setObject(5, OffsetDateTime.ofInstant(T0, ZoneOffset.UTC));
          insert.executeUpdate();
        }
      }
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO " + prefix + "dead_letters (flow, source_key, reason, attempts,"
              + " payload_ref, first_failed_at, last_failed_at) VALUES (?, ?, 'boom', 2, NULL, ?, ?)")) {
        insert.setString(1, FLOW);
        insert.setString(2, V1_LONG_KEY);
        insert.setObject(3, OffsetDateTime.ofInstant(T0, ZoneOffset.UTC));
        insert.setObject(4, OffsetDateTime.ofInstant(T0, ZoneOffset.UTC));
        insert.executeUpdate();
      }
    }
    assertThat(schemaVersions(prefix)).containsExactly(1);
  }

  static List<Integer> allVersions() {
    return SchemaMigrations.STEPS.stream().map(SchemaMigrations.Step::version).toList();
  }

  List<Integer> schemaVersions(String prefix) throws SQLException {
    List<Integer> versions = new ArrayList<>();
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT version FROM " + prefix + "schema_version ORDER BY version")) {
      while (rows.next()) {
        versions.add(rows.getInt(1));
      }
    }
    return versions;
  }
}
