package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Sink;
import io.gridcast.bridge.WriteResult;
import io.gridcast.bridge.state.LedgerEntry;
import java.util.Optional;

/**
 * A sink whose every write brings the target in line with the item, finding and reusing what
 * earlier writes for the same source key left (a comment found by its {@code externalRef}, a
 * status already set, an audit entry already appended), so that its create equals its update
 * and a write cut short by a crash is finished by the next one. Such a sink needs no orphan
 * look-up: {@link #findByExternalRef} finds nothing and the engine writes again, which is safe.
 *
 * @param <T> the target request type
 */
@FunctionalInterface
interface ConvergingSink<T> extends Sink<T> {

  /** Makes the target match {@code item}, whatever earlier writes for {@code sourceKey} did. */
  WriteResult converge(String sourceKey, T item);

  @Override
  default WriteResult create(String sourceKey, T item, String idempotencyKey, String externalRef, RunContext run) {
    return converge(sourceKey, item);
  }

  @Override
  default WriteResult update(LedgerEntry existing, T item, RunContext run) {
    return converge(existing.sourceKey(), item);
  }

  /** Nothing to find: {@link #converge} finds its own traces. */
  @Override
  default Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
    return Optional.empty();
  }
}
