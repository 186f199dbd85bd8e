package io.gridcast.bridge;

/**
 * Where a flow's items come from: Spotify episodes of chosen shows, the Trading Grid events
 * feed, approval requests, …. A source reads lazily, one batch (typically one page) at a time,
 * starting after the flow partition's last committed checkpoint ({@link RunContext#checkpoint()}).
 *
 * <p>The bridge commits each batch (remote writes, then ledger) before it saves the batch's
 * {@link Batch#checkpointAfter()}; a source must therefore be able to resume from any
 * checkpoint it produced. Sources that re-scan everything each run (and let the ledger's
 * fingerprints skip the unchanged) return batches without checkpoints.
 *
 * <p>A source that needs something read once per run (a partner directory, say) loads it
 * through {@link RunContext#snapshot}; loading it here, before the first batch, makes a failure
 * to load it stop the run as a failure of the source.
 *
 * @param <S> the source item type
 */
@FunctionalInterface
public interface Source<S> {

  /**
   * The batches to process after {@code run.checkpoint()}.
   *
   * @param run the run being served: its checkpoint (empty on a flow's first run), clock and snapshots
   */
  Iterable<Batch<S>> read(RunContext run);
}
