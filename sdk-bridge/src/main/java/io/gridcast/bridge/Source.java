package io.gridcast.bridge;

import java.util.Optional;

/**
 * Where a flow's items come from: Spotify episodes of chosen shows, the Trading Grid events
 * feed, approval requests, …. A source reads lazily, one batch (typically one page) at a time,
 * starting after the flow partition's last committed checkpoint.
 *
 * <p>The bridge commits each batch (remote writes, then ledger) before it saves the batch's
 * {@link Batch#checkpointAfter()}; a source must therefore be able to resume from any
 * checkpoint it produced. Sources that re-scan everything each run (and let the ledger's
 * fingerprints skip the unchanged) return batches without checkpoints.
 *
 * @param <S> the source item type
 */
@FunctionalInterface
public interface Source<S> {

  /**
   * The batches to process after {@code checkpoint}.
   *
   * @param checkpoint the last committed checkpoint, or empty on a flow's first run
   */
  Iterable<Batch<S>> read(Optional<String> checkpoint);
}
