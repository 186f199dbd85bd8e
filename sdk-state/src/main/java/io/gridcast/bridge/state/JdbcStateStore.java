package io.gridcast.bridge.state;

import static io.gridcast.bridge.state.Arguments.micros;
import static io.gridcast.bridge.state.Arguments.requirePositive;
import static io.gridcast.bridge.state.Arguments.requirePresent;
import static io.gridcast.bridge.state.Arguments.requireSameFlow;
import static io.gridcast.bridge.state.Arguments.requireText;

import io.gridcast.core.LogSafe;
import io.gridcast.core.Secret;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link StateStore} in a relational database: an embedded H2 file database (the default for
 * examples and single-instance applications) or PostgreSQL (when several application instances
 * share the work). The database is recognised from the connection's metadata.
 *
 * <pre>{@code
 * try (StateStore state = JdbcStateStore.h2File(Path.of("gridcast-data"))) { ... }
 *
 * StateStore shared = JdbcStateStore.postgres(
 *     "jdbc:postgresql://db.example.com:5432/gridcast", "gridcast", Secret.of(password));
 * }</pre>
 *
 * <p><b>Schema.</b> Opening a store creates or upgrades its tables ({@code <prefix>ledger},
 * {@code <prefix>checkpoints}, {@code <prefix>leases}, {@code <prefix>dead_letters}, {@code
 * <prefix>write_intents}, and
 * {@code <prefix>schema_version} recording the applied versions). Instances opening together
 * on PostgreSQL serialise on an advisory lock, so each version is applied once. A database
 * whose schema is newer than this Gridcast is refused with a {@link StateStoreException}.
 *
 * <p><b>Keys.</b> Source keys follow {@link SourceKeys}' rule. A key longer than
 * {@link SourceKeys#MAX_INDEXED_BYTES} UTF-8 bytes is indexed under its SHA-256 digest, the
 * original kept beside it, so that keys of any length fit the databases' index limits; every
 * read returns the original. A NUL character in a dead letter's reason or payload reference
 * (which PostgreSQL refuses) is written escaped, as {@code \}{@code u0000}.
 *
 * <p><b>Time.</b> Lease expiry and checkpoint times come from the store's {@link Clock}
 * (default {@link Clock#systemUTC()}), not the database's {@code now()}, so tests can move
 * time. Instances sharing a database must therefore keep their clocks synchronised (NTP); keep
 * lease TTLs far above the clock skew you tolerate. Instants are stored as UTC timestamps with
 * microsecond precision.
 *
 * <p><b>Fencing.</b> {@code tryAcquire} locks the partition's lease row ({@code SELECT … FOR
 * UPDATE}, inserting it on first use) and raises its fencing token by one; the row is never
 * deleted, so tokens keep increasing after releases. Every write made under a lease locks the
 * same row in its own transaction and checks owner, token and expiry before writing, so a
 * stale holder's write is rolled back with {@link LeaseLostException}.
 *
 * <p>Thread-safe. Each operation is one short transaction on a pooled connection.
 */
public final class JdbcStateStore implements StateStore {

  /** The table prefix used unless {@link JdbcStateStoreBuilder#tablePrefix} sets another. */
  public static final String DEFAULT_TABLE_PREFIX = "gridcast_";

  /** {@link #findAll} asks for at most this many keys per statement. */
  static final int KEYS_PER_QUERY = 500;

  private static final Logger log = LoggerFactory.getLogger(JdbcStateStore.class);
  /** The key callers know: the original where the table indexes a digest. */
  private static final String ORIGINAL_KEY = "COALESCE(original_key, source_key)";
  private static final String LEDGER_COLUMNS =
      "flow, " + ORIGINAL_KEY + ", target_id, fingerprint, target_version, attributes, updated_at";
  private static final List<String> LEDGER_WRITTEN = List.of(
      "flow", "source_key", "original_key", "target_id", "fingerprint", "target_version", "attributes", "updated_at");
  private static final String DEAD_LETTER_COLUMNS =
      "flow, " + ORIGINAL_KEY + ", reason, attempts, payload_ref, first_failed_at, last_failed_at";

  private final Clock clock;
  private final String prefix;
  private final Dialect dialect;
  private final JdbcTransactions transactions;
  private final AutoCloseable closeWhenClosed;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final String upsertLedger;
  private final String upsertCheckpoint;
  private final String upsertIntent;

  JdbcStateStore(Clock clock, String prefix, DataSource dataSource, AutoCloseable closeWhenClosed) {
    this.clock = clock;
    this.prefix = prefix;
    this.closeWhenClosed = closeWhenClosed;
    try (Connection connection = dataSource.getConnection()) {
      this.dialect = Dialect.of(connection);
      SchemaMigrations.apply(connection, dialect, prefix, now());
    } catch (SQLException | RuntimeException e) {
      closeQuietly(closeWhenClosed);
      if (e instanceof RuntimeException) {
        throw (RuntimeException) e;
      }
      throw new StateStoreException("Could not open the state store: " + LogSafe.text(e.getMessage()), e);
    }
    this.transactions = new JdbcTransactions(dataSource, dialect);
    this.upsertLedger =
        dialect.upsert(table("ledger"), LEDGER_WRITTEN, List.of("flow", "source_key"));
    this.upsertCheckpoint =
        dialect.upsert(
            table("checkpoints"),
            List.of("flow", "partition_key", "checkpoint_value", "fencing_token", "updated_at"),
            List.of("flow", "partition_key"));
    this.upsertIntent =
        dialect.upsert(
            table("write_intents"),
            List.of("flow", "partition_key", "source_keys", "reconciled", "fencing_token", "updated_at"),
            List.of("flow", "partition_key"));
  }

  /**
   * A store in an H2 file database inside {@code directory} (created if missing), with the
   * defaults of {@link JdbcStateStoreBuilder}. The database file is {@code gridcast-state.mv.db}; it belongs
   * to this process while open.
   *
   * @throws StateStoreException if the database cannot be opened or is newer than this Gridcast
   */
  public static JdbcStateStore h2File(Path directory) {
    return builder().h2File(directory).build();
  }

  /**
   * A store in a PostgreSQL database, with the defaults of {@link JdbcStateStoreBuilder}.
   *
   * @param jdbcUrl e.g. {@code jdbc:postgresql://db.example.com:5432/gridcast}
   * @param user the database user
   * @param password the user's password, or {@code null} when the server does not ask for one
   * @throws StateStoreException if the database cannot be reached or is newer than this Gridcast
   */
  public static JdbcStateStore postgres(String jdbcUrl, String user, Secret password) {
    return builder().postgres(jdbcUrl, user, password).build();
  }

  /** A builder; see its defaults there. */
  public static JdbcStateStoreBuilder builder() {
    return new JdbcStateStoreBuilder();
  }

  // ---- ledger ----

  @Override
  public Optional<LedgerEntry> find(String flow, String sourceKey) {
    requireText("flow", flow);
    String stored = SourceKeys.storedForm(SourceKeys.requireStorable("sourceKey", sourceKey));
    return run("read the ledger of flow " + quoted(flow), c -> {
      try (PreparedStatement query =
          c.prepareStatement("SELECT " + LEDGER_COLUMNS + " FROM " + table("ledger")
              + " WHERE flow = ? AND source_key = ?")) {
        query.setString(1, flow);
        query.setString(2, stored);
        try (ResultSet rows = query.executeQuery()) {
          return rows.next() ? Optional.of(ledgerEntry(rows)) : Optional.empty();
        }
      }
    });
  }

  /** {@inheritDoc} Asks the database for at most 500 keys per statement. */
  @Override
  public Map<String, LedgerEntry> findAll(String flow, Collection<String> sourceKeys) {
    requireText("flow", flow);
    requirePresent("sourceKeys", sourceKeys);
    List<String> keys = new ArrayList<>();
    for (String key : new LinkedHashSet<>(sourceKeys)) {
      keys.add(SourceKeys.storedForm(SourceKeys.requireStorable("sourceKeys element", key)));
    }
    if (keys.isEmpty()) {
      return Map.of();
    }
    return run("read the ledger of flow " + quoted(flow), c -> {
      Map<String, LedgerEntry> found = new LinkedHashMap<>();
      for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
        List<String> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
        // row values, not "flow = ? AND source_key IN (…)": H2 then probes the primary key per
        // pair instead of scanning every ledger row of the flow (measured: 10,001 rows read for 3 keys)
        String pairs = String.join(", ", Collections.nCopies(chunk.size(), "(?, ?)"));
        try (PreparedStatement query =
            c.prepareStatement("SELECT " + LEDGER_COLUMNS + " FROM " + table("ledger")
                + " WHERE (flow, source_key) IN (" + pairs + ")")) {
          for (int i = 0; i < chunk.size(); i++) {
            query.setString(2 * i + 1, flow);
            query.setString(2 * i + 2, chunk.get(i));
          }
          try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              LedgerEntry entry = ledgerEntry(rows);
              found.put(entry.sourceKey(), entry);
            }
          }
        }
      }
      return found;
    });
  }

  @Override
  public List<LedgerEntry> entries(String flow) {
    requireText("flow", flow);
    return run("list the ledger of flow " + quoted(flow), c -> {
      try (PreparedStatement query =
          c.prepareStatement("SELECT " + LEDGER_COLUMNS + " FROM " + table("ledger")
              + " WHERE flow = ? ORDER BY " + ORIGINAL_KEY)) {
        query.setString(1, flow);
        List<LedgerEntry> entries = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            entries.add(ledgerEntry(rows));
          }
        }
        return List.copyOf(entries);
      }
    });
  }

  @Override
  public void record(LedgerEntry entry, Lease lease) {
    StorableText.requireStorable(requirePresent("entry", entry));
    requireSameFlow(entry.flow(), lease);
    run("record ledger entry " + quoted(entry.sourceKey()) + " of flow " + quoted(entry.flow()), c -> {
      verify(c, lease, dialect.leaseCheckLock());
      try (PreparedStatement upsert = c.prepareStatement(upsertLedger)) {
        bindLedgerEntry(upsert, entry);
        upsert.executeUpdate();
      }
      return null;
    });
  }

  /**
   * On PostgreSQL one transaction: the lease checked once, the entries upserted as one JDBC batch.
   * On H2 every entry is checked first, then each is committed on its own (see {@link
   * StateStore#recordAll}): the embedded file does not survive a kill during a multi-row commit.
   */
  @Override
  public void recordAll(Collection<LedgerEntry> entries, Lease lease) {
    List<LedgerEntry> checked = Arguments.requireRecordable(entries, lease);
    if (checked.isEmpty()) {
      return;
    }
    if (!dialect.groupCommitSafe()) {
      for (LedgerEntry entry : checked) {
        record(entry, lease);
      }
      return;
    }
    run("record " + checked.size() + " ledger entries of flow " + quoted(lease.flow()), c -> {
      verify(c, lease, dialect.leaseCheckLock());
      try (PreparedStatement upsert = c.prepareStatement(upsertLedger)) {
        for (LedgerEntry entry : checked) {
          bindLedgerEntry(upsert, entry);
          upsert.addBatch();
        }
        upsert.executeBatch();
      }
      return null;
    });
  }

  private static void bindLedgerEntry(PreparedStatement upsert, LedgerEntry entry) throws SQLException {
    String stored = SourceKeys.storedForm(entry.sourceKey());
    upsert.setString(1, entry.flow());
    upsert.setString(2, stored);
    upsert.setString(3, originalUnlessStoredAsIs(entry.sourceKey(), stored));
    upsert.setString(4, entry.targetId());
    upsert.setString(5, entry.fingerprint());
    if (entry.targetVersion().isPresent()) {
      upsert.setLong(6, entry.targetVersion().get());
    } else {
      upsert.setNull(6, Types.BIGINT);
    }
    upsert.setString(7, entry.attributes().orElse(null));
    setInstant(upsert, 8, micros(entry.updatedAt()));
  }

  // ---- write intents ----

  /** Always true: intents are kept in {@code <prefix>write_intents}, one row per partition. */
  @Override
  public boolean keepsWriteIntents() {
    return true;
  }

  @Override
  public List<WriteIntent> writeIntents(String flow) {
    requireText("flow", flow);
    return run("read the write intents of flow " + quoted(flow), c -> {
      try (PreparedStatement query = c.prepareStatement("SELECT partition_key, source_keys, reconciled, fencing_token FROM "
          + table("write_intents") + " WHERE flow = ?")) {
        query.setString(1, flow);
        List<WriteIntent> out = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            out.add(WriteIntent.decode(rows.getString(1), rows.getString(2), rows.getBoolean(3), rows.getLong(4)));
          }
        }
        return List.copyOf(out);
      }
    });
  }

  /** One single-row upsert in its own transaction, after the lease is verified (as a checkpoint is saved). */
  @Override
  public void saveWriteIntent(Lease lease, WriteIntent intent) {
    Arguments.requireIntentOf(lease, intent);
    run("save the write intent of flow " + quoted(lease.flow()) + " partition " + quoted(lease.partition()), c -> {
      verify(c, lease, dialect.leaseCheckLock());
      try (PreparedStatement upsert = c.prepareStatement(upsertIntent)) {
        upsert.setString(1, lease.flow());
        upsert.setString(2, lease.partition());
        upsert.setString(3, intent.encodedKeys());
        upsert.setBoolean(4, intent.reconciled());
        upsert.setLong(5, lease.fencingToken());
        setInstant(upsert, 6, now());
        upsert.executeUpdate();
      }
      return null;
    });
  }

  // ---- checkpoints ----

  @Override
  public Optional<String> checkpoint(String flow, String partition) {
    requireText("flow", flow);
    requireText("partition", partition);
    return run("read the checkpoint of flow " + quoted(flow) + " partition " + quoted(partition), c -> {
      try (PreparedStatement query =
          c.prepareStatement("SELECT checkpoint_value FROM " + table("checkpoints")
              + " WHERE flow = ? AND partition_key = ?")) {
        query.setString(1, flow);
        query.setString(2, partition);
        try (ResultSet rows = query.executeQuery()) {
          return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public void saveCheckpoint(Lease lease, String value) {
    requirePresent("lease", lease);
    requirePresent("value", value);
    run("save the checkpoint of flow " + quoted(lease.flow()) + " partition " + quoted(lease.partition()), c -> {
      verify(c, lease, dialect.leaseCheckLock());
      try (PreparedStatement upsert = c.prepareStatement(upsertCheckpoint)) {
        upsert.setString(1, lease.flow());
        upsert.setString(2, lease.partition());
        upsert.setString(3, value);
        upsert.setLong(4, lease.fencingToken());
        setInstant(upsert, 5, now());
        upsert.executeUpdate();
      }
      return null;
    });
  }

  // ---- leases ----

  @Override
  public Optional<Lease> tryAcquire(String flow, String partition, String owner, Duration ttl) {
    requireText("flow", flow);
    requireText("partition", partition);
    requireText("owner", owner);
    requirePositive("ttl", ttl);
    return run("acquire the lease of flow " + quoted(flow) + " partition " + quoted(partition), c -> {
      LeaseState current = selectLease(c, flow, partition, "FOR UPDATE");
      Instant now = now(); // read after the row lock was granted
      Instant expiresAt = micros(now.plus(ttl));
      if (current == null) {
        // A concurrent first acquisition makes this insert fail with a unique violation;
        // the transaction is then retried and finds the row.
        try (PreparedStatement insert =
            c.prepareStatement("INSERT INTO " + table("leases")
                + " (flow, partition_key, owner, fencing_token, expires_at) VALUES (?, ?, ?, 1, ?)")) {
          insert.setString(1, flow);
          insert.setString(2, partition);
          insert.setString(3, owner);
          setInstant(insert, 4, expiresAt);
          insert.executeUpdate();
        }
        return Optional.of(lease(flow, partition, owner, 1, expiresAt));
      }
      if (!current.isAvailableTo(owner, now)) {
        return Optional.empty();
      }
      try (PreparedStatement update =
          c.prepareStatement("UPDATE " + table("leases")
              + " SET owner = ?, fencing_token = fencing_token + 1, expires_at = ?"
              + " WHERE flow = ? AND partition_key = ?")) {
        update.setString(1, owner);
        setInstant(update, 2, expiresAt);
        update.setString(3, flow);
        update.setString(4, partition);
        update.executeUpdate();
      }
      return Optional.of(lease(flow, partition, owner, current.fencingToken() + 1, expiresAt));
    });
  }

  @Override
  public Lease renew(Lease lease, Duration ttl) {
    requirePresent("lease", lease);
    requirePositive("ttl", ttl);
    return run("renew the lease of flow " + quoted(lease.flow()) + " partition " + quoted(lease.partition()), c -> {
      Instant now = verify(c, lease, "FOR UPDATE");
      Instant expiresAt = micros(now.plus(ttl));
      try (PreparedStatement update =
          c.prepareStatement("UPDATE " + table("leases") + " SET expires_at = ?"
              + " WHERE flow = ? AND partition_key = ? AND fencing_token = ?")) {
        setInstant(update, 1, expiresAt);
        update.setString(2, lease.flow());
        update.setString(3, lease.partition());
        update.setLong(4, lease.fencingToken());
        update.executeUpdate();
      }
      return lease(lease.flow(), lease.partition(), lease.owner(), lease.fencingToken(), expiresAt);
    });
  }

  /** {@inheritDoc} The lease row is kept, marked released, so that tokens keep increasing. */
  @Override
  public void release(Lease lease) {
    requirePresent("lease", lease);
    run("release the lease of flow " + quoted(lease.flow()) + " partition " + quoted(lease.partition()), c -> {
      Instant now = now();
      try (PreparedStatement update =
          c.prepareStatement("UPDATE " + table("leases") + " SET owner = NULL, expires_at = ?"
              + " WHERE flow = ? AND partition_key = ? AND owner = ? AND fencing_token = ?"
              + " AND expires_at > ?")) {
        setInstant(update, 1, now);
        update.setString(2, lease.flow());
        update.setString(3, lease.partition());
        update.setString(4, lease.owner());
        update.setLong(5, lease.fencingToken());
        setInstant(update, 6, now);
        update.executeUpdate();
      }
      return null;
    });
  }

  // ---- dead letters ----

  @Override
  public DeadLetter deadLetter(
      String flow, String sourceKey, String reason, String payloadRef, Instant at, Lease lease) {
    requireText("flow", flow);
    String stored = SourceKeys.storedForm(SourceKeys.requireStorable("sourceKey", sourceKey));
    String storedReason = StorableText.escapedIfUnstorable(requireText("reason", reason));
    String storedPayloadRef = StorableText.escapedIfUnstorable(payloadRef);
    Instant failedAt = micros(requirePresent("at", at));
    requireSameFlow(flow, lease);
    return run("dead-letter " + quoted(sourceKey) + " of flow " + quoted(flow), c -> {
      verify(c, lease, dialect.leaseCheckLock());
      DeadLetter existing = null;
      try (PreparedStatement query =
          c.prepareStatement("SELECT " + DEAD_LETTER_COLUMNS + " FROM " + table("dead_letters")
              + " WHERE flow = ? AND source_key = ? FOR UPDATE")) {
        query.setString(1, flow);
        query.setString(2, stored);
        try (ResultSet rows = query.executeQuery()) {
          if (rows.next()) {
            existing = deadLetter(rows);
          }
        }
      }
      DeadLetter letter = DeadLetters.next(existing, flow, sourceKey, storedReason, storedPayloadRef, failedAt);
      String sql =
          existing == null
              ? "INSERT INTO " + table("dead_letters") + " (reason, attempts, payload_ref, first_failed_at,"
                  + " last_failed_at, flow, source_key, original_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
              : "UPDATE " + table("dead_letters") + " SET reason = ?, attempts = ?, payload_ref = ?,"
                  + " first_failed_at = ?, last_failed_at = ? WHERE flow = ? AND source_key = ?";
      try (PreparedStatement write = c.prepareStatement(sql)) {
        write.setString(1, letter.reason());
        write.setInt(2, letter.attempts());
        write.setString(3, letter.payloadRef().orElse(null));
        setInstant(write, 4, letter.firstFailedAt());
        setInstant(write, 5, letter.lastFailedAt());
        write.setString(6, flow);
        write.setString(7, stored);
        if (existing == null) {
          write.setString(8, originalUnlessStoredAsIs(sourceKey, stored));
        }
        write.executeUpdate();
      }
      return letter;
    });
  }

  @Override
  public List<DeadLetter> deadLetters(String flow) {
    requireText("flow", flow);
    return run("list the dead letters of flow " + quoted(flow), c -> {
      try (PreparedStatement query =
          c.prepareStatement("SELECT " + DEAD_LETTER_COLUMNS + " FROM " + table("dead_letters")
              + " WHERE flow = ? ORDER BY first_failed_at, " + ORIGINAL_KEY)) {
        query.setString(1, flow);
        List<DeadLetter> letters = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            letters.add(deadLetter(rows));
          }
        }
        return List.copyOf(letters);
      }
    });
  }

  @Override
  public void clearDeadLetter(String flow, String sourceKey) {
    requireText("flow", flow);
    String stored = SourceKeys.storedForm(SourceKeys.requireStorable("sourceKey", sourceKey));
    run("clear dead letter " + quoted(sourceKey) + " of flow " + quoted(flow), c -> {
      try (PreparedStatement delete =
          c.prepareStatement("DELETE FROM " + table("dead_letters") + " WHERE flow = ? AND source_key = ?")) {
        delete.setString(1, flow);
        delete.setString(2, stored);
        delete.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Closes what the store owns (the pool of {@link #h2File}, {@link #postgres}, or what was
   * passed to {@link JdbcStateStoreBuilder#closeWhenClosed}); a {@link DataSource} passed in stays open.
   * Idempotent.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      closeQuietly(closeWhenClosed);
    }
  }

  @Override
  public String toString() {
    return "JdbcStateStore[" + dialect + ", tablePrefix=" + prefix + "]";
  }

  // ---- internals ----

  private <T> T run(String operation, JdbcTransactions.Work<T> work) {
    if (closed.get()) {
      throw new StateStoreException("The state store is closed: open a new one", null);
    }
    return transactions.inTransaction(operation, work);
  }

  /** Locks the lease row, checks the lease is current, and returns the time it was judged at. */
  private Instant verify(Connection c, Lease lease, String lock) throws SQLException {
    LeaseState current = selectLease(c, lease.flow(), lease.partition(), lock);
    Instant now = now();
    String loss = LeaseState.lossOf(current, lease, now);
    if (loss != null) {
      throw new LeaseLostException(loss);
    }
    return now;
  }

  private LeaseState selectLease(Connection c, String flow, String partition, String lock) throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement("SELECT owner, fencing_token, expires_at FROM " + table("leases")
            + " WHERE flow = ? AND partition_key = ? " + lock)) {
      query.setString(1, flow);
      query.setString(2, partition);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? new LeaseState(rows.getString(1), rows.getLong(2), instant(rows, 3)) : null;
      }
    }
  }

  private static LedgerEntry ledgerEntry(ResultSet rows) throws SQLException {
    long version = rows.getLong(5);
    Optional<Long> targetVersion = rows.wasNull() ? Optional.empty() : Optional.of(version);
    return LedgerEntry.builder()
        .flow(rows.getString(1))
        .sourceKey(rows.getString(2))
        .targetId(rows.getString(3))
        .fingerprint(rows.getString(4))
        .targetVersion(targetVersion)
        .attributes(Optional.ofNullable(rows.getString(6)))
        .updatedAt(instant(rows, 7))
        .build();
  }

  private static DeadLetter deadLetter(ResultSet rows) throws SQLException {
    return DeadLetter.builder()
        .flow(rows.getString(1))
        .sourceKey(rows.getString(2))
        .reason(rows.getString(3))
        .attempts(rows.getInt(4))
        .payloadRef(Optional.ofNullable(rows.getString(5)))
        .firstFailedAt(instant(rows, 6))
        .lastFailedAt(instant(rows, 7))
        .build();
  }

  /** What the {@code original_key} column holds: null where the key is indexed as it is. */
  private static String originalUnlessStoredAsIs(String key, String stored) {
    return stored.equals(key) ? null : key;
  }

  /** A value for an operation's name in an error message: quoted, control characters escaped. */
  private static String quoted(String value) {
    return LogSafe.quoted(value);
  }

  private static Lease lease(String flow, String partition, String owner, long token, Instant expiresAt) {
    return Lease.builder()
        .flow(flow)
        .partition(partition)
        .owner(owner)
        .fencingToken(token)
        .expiresAt(expiresAt)
        .build();
  }

  private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
    statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  private static Instant instant(ResultSet rows, int index) throws SQLException {
    return rows.getObject(index, OffsetDateTime.class).toInstant();
  }

  private Instant now() {
    return micros(clock.instant());
  }

  private String table(String name) {
    return prefix + name;
  }

  private static void closeQuietly(AutoCloseable resource) {
    if (resource == null) {
      return;
    }
    try {
      resource.close();
    } catch (Exception e) {
      log.warn("Closing the state store's connections failed: {}", e.toString());
    }
  }
}
