package io.gridcast.bridge;

import io.gridcast.bridge.state.LedgerEntry;
import java.util.Optional;

/**
 * Writes mapped items to the target platform. The bridge decides create versus update from
 * the ledger; the sink performs the remote call. Implementations must be thread-safe: the
 * bridge calls them from its writer threads. Each call gets the {@link RunContext} of the run it
 * serves (its snapshots, its clock; {@link RunContext#isCancelled()} for a sink that waits long,
 * such as a release watcher).
 *
 * <p>Effectively-once delivery relies on two properties of {@link #create}: it sends the
 * given idempotency key (the same key for the same source item on every run) and it stores
 * the given {@code externalRef} on the created resource, so that {@link #findByExternalRef}
 * can find a resource whose creation succeeded remotely but never reached the ledger.
 *
 * @param <T> the target request type
 */
public interface Sink<T> {

  /** Creates the target resource. */
  WriteResult create(String sourceKey, T item, String idempotencyKey, String externalRef, RunContext run);

  /**
   * The exact request body {@link #create(String, Object, byte[], String, String, RunContext)}
   * sends for {@code item} under {@code externalRef}, for a sink that can encode it ahead; empty
   * (the default) for one that cannot. Where a sink encodes and its flow keeps the default
   * fingerprint, the engine takes the item's fingerprint over these bytes
   * ({@link Fingerprints#ofSentBody}) and hands the same bytes to the create, so that each item is
   * encoded once. Must be deterministic: the same item and reference give the same bytes.
   */
  default Optional<byte[]> encode(T item, String externalRef) {
    return Optional.empty();
  }

  /**
   * Creates the target resource by sending {@code encodedBody}, the bytes {@link #encode} returned
   * for {@code item} and {@code externalRef} (do not change them). By default ignores them and
   * calls {@link #create(String, Object, String, String, RunContext)}.
   */
  default WriteResult create(String sourceKey, T item, byte[] encodedBody, String idempotencyKey, String externalRef,
      RunContext run) {
    return create(sourceKey, item, idempotencyKey, externalRef, run);
  }

  /** Replaces the content of the resource the ledger entry points at. */
  WriteResult update(LedgerEntry existing, T item, RunContext run);

  /**
   * Finds a resource created earlier for {@code externalRef}, if any, to heal a crash between a
   * remote write and its ledger write. Called before a create only where such a crash may have
   * happened: in a partition's first runs (until one completes), for a key a {@linkplain
   * io.gridcast.bridge.state.WriteIntent write intent} names or a dead letter holds, in a
   * dead-letter replay, for a resource the ledger names that is gone, and always when the state
   * store keeps no write intents. A new item of a reconciled partition is created without it: one
   * request.
   */
  Optional<WriteResult> findByExternalRef(String externalRef, RunContext run);
}
