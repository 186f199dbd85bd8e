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
