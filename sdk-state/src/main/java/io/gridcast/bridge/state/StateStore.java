package io.gridcast.bridge.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the bridge keeps what it has delivered: the ledger, checkpoints, leases and dead
 * letters. Implementations: {@link InMemoryStateStore} (tests, one process) and
 * {@link JdbcStateStore} (embedded H2 file database by default; PostgreSQL when several
 * application instances share the work).
 *
 * <p><b>Ledger.</b> Maps (flow, source key) to the target resource it produced and the
 * fingerprint of the content last delivered. The bridge writes an entry only after the remote
 * write succeeded, so a crash in between is healed on the next run through the target's
 * idempotency key and {@code externalRef}: before a batch's creates it saves a {@link
 * WriteIntent} naming them, and the next run looks each named key up on the target.
 *
 * <p><b>Leases and fencing.</b> A flow's work is divided into partitions. Before processing a
 * partition an instance acquires its lease; each acquisition gets a fencing token strictly
 * greater than every earlier token for that partition. Every ledger, checkpoint and
 * dead-letter write carries the {@link Lease} it was made under and is refused with
 * {@link LeaseLostException} unless that lease is still <em>current</em>: its owner still holds
 * the partition with the same fencing token, and it has not expired by the store's clock (an
 * expired lease is refused even before another owner takes the partition). So a paused
 * instance that wakes up after its lease expired can never overwrite the newer holder's work.
 * Fencing tokens never go back: releasing a lease keeps the partition's last token.
 *
 * <p><b>Source keys</b> follow one rule on every store ({@link SourceKeys}): non-blank text
 * without a NUL character or an unpaired surrogate, at most {@link SourceKeys#MAX_BYTES} UTF-8
 * bytes. Every method taking a key refuses others with {@link InvalidSourceKeyException}, and
 * writes nothing. Long keys are kept whole and read back as they were given. Text that is only
 * shown (a dead letter's reason and payload reference) is never refused: a NUL character or an
 * unpaired surrogate in it is recorded escaped through {@link io.gridcast.core.LogSafe}.
 *
 * <p>Implementations must be thread-safe. Every write is atomic: it happens completely or not
 * at all. Instants are kept to microseconds. Missing or blank arguments, a non-positive
 * {@code ttl}, and a lease of another flow than the write's raise
 * {@link IllegalArgumentException}. Failures other than a lost lease raise
 * {@link StateStoreException}, as does any call after {@link #close()}.
 */
public interface StateStore extends AutoCloseable {

  // ---- ledger ----

  /** The ledger entry for one source item, if it was ever delivered. */
  Optional<LedgerEntry> find(String flow, String sourceKey);

  /** Ledger entries for many source items at once (absent keys are missing from the map). */
  Map<String, LedgerEntry> findAll(String flow, Collection<String> sourceKeys);

  /** Every ledger entry of a flow, ordered by source key. */
  List<LedgerEntry> entries(String flow);

  /**
   * Inserts or replaces the entry for ({@code entry.flow()}, {@code entry.sourceKey()}), under
   * the given lease.
   *
   * @throws LeaseLostException if {@code lease} is no longer the current lease of its partition
   * @throws IllegalArgumentException if the target id, fingerprint or attributes hold a NUL
   *     character or an unpaired surrogate (the entry is not recorded)
   */
  void record(LedgerEntry entry, Lease lease);

  /**
   * Records several entries of the lease's flow: the bridge records a batch's deliveries with it
   * once the batch's writes have finished. Every entry is checked before any is written, so a bad
   * entry or a lease already lost records none; a store that can commits them in one transaction
   * (the in-memory store and PostgreSQL do: all or none), others one by one (the embedded H2
   * file, which a kill during a multi-row commit can leave unreadable), in which case a lease lost
   * midway leaves the entries before it recorded. Either way every recorded entry is true, and
   * the bridge saves no checkpoint past an entry it could not record. An empty collection records
   * nothing and checks nothing.
   *
   * <p>The default records them one by one with {@link #record}; override it where one
   * transaction is possible.
   *
   * @throws LeaseLostException if {@code lease} is no longer the current lease of its partition
   * @throws IllegalArgumentException if an entry is of another flow than the lease, or holds text
   *     a store cannot keep (see {@link #record}); nothing is recorded
   */
  default void recordAll(Collection<LedgerEntry> entries, Lease lease) {
    for (LedgerEntry entry : Arguments.requireRecordable(entries, lease)) {
      record(entry, lease);
    }
  }

  // ---- write intents ----

  /**
   * Whether this store keeps {@linkplain WriteIntent write intents}. One that does lets the
   * bridge create a new item with a single request, looking for an orphan on the target only
   * where a crash may have left one; one that does not (the default, so that stores written
   * before intents existed keep working) makes the bridge look every new item up by its {@code
   * externalRef} before creating it. The built-in stores keep them.
   */
  default boolean keepsWriteIntents() {
    return false;
  }

  /**
   * The write intents of every partition of {@code flow}, in no particular order; empty when
   * none was saved (or the store keeps none).
   */
  default List<WriteIntent> writeIntents(String flow) {
    return List.of();
  }

  /**
   * Replaces the write intent of the lease's partition, fenced like {@link #saveCheckpoint}: the
   * bridge saves it before a batch's creates are sent, so it must be durable when this returns.
   *
   * @throws LeaseLostException if {@code lease} is no longer the current lease of its partition
   * @throws IllegalArgumentException if the intent is of another partition than the lease
   * @throws UnsupportedOperationException if this store keeps no write intents
   */
  default void saveWriteIntent(Lease lease, WriteIntent intent) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no write intents");
  }

  // ---- checkpoints ----

  /** The last committed checkpoint of a flow partition (an opaque string such as a cursor). */
  Optional<String> checkpoint(String flow, String partition);

  /**
   * Saves a checkpoint for the lease's flow and partition.
   *
   * @throws LeaseLostException if {@code lease} is no longer current
   */
  void saveCheckpoint(Lease lease, String value);

  // ---- leases ----

  /**
   * Acquires the lease of a flow partition for {@code owner} when it is free or expired, or
   * when {@code owner} already holds it (a re-acquisition gets a new fencing token).
   *
   * @param ttl how long the lease lasts unless renewed; must be positive
   * @return the lease, or empty when another owner holds an unexpired lease
   */
  Optional<Lease> tryAcquire(String flow, String partition, String owner, Duration ttl);

  /**
   * Extends a lease that is still current to {@code ttl} from now.
   *
   * @return the renewed lease (same fencing token, later expiry)
   * @throws LeaseLostException if the lease expired, was released, or was superseded
   */
  Lease renew(Lease lease, Duration ttl);

  /**
   * Releases a lease if it is still current; otherwise does nothing. The partition's fencing
   * token is kept, so its next lease gets a higher one.
   */
  void release(Lease lease);

  // ---- dead letters ----

  /**
   * Records a failed item, or updates its record: {@code attempts} is incremented and
   * {@code lastFailedAt}/{@code reason} replaced when one already exists for the flow and key
   * ({@code firstFailedAt} stays; {@code payloadRef} is replaced unless the new one is null).
   *
   * @param payloadRef where the item can be found again, or {@code null}
   * @param at when it failed
   * @return the dead letter as recorded
   *
   * @throws LeaseLostException if {@code lease} is no longer current
   */
  DeadLetter deadLetter(String flow, String sourceKey, String reason, String payloadRef, Instant at, Lease lease);

  /** The dead letters of a flow, oldest first. */
  List<DeadLetter> deadLetters(String flow);

  /** Removes a dead letter once its item was delivered (e.g. by a replay). */
  void clearDeadLetter(String flow, String sourceKey);

  /** Releases connections and files. The store is unusable afterwards. */
  @Override
  void close();
}
