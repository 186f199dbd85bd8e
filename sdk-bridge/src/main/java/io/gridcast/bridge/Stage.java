package io.gridcast.bridge;

/** The steps of processing an item, timed separately in a {@link RunReport}. */
public enum Stage {
  /** Reading batches from the source. */
  FETCH,
  /** Mapping and fingerprinting. */
  MAP,
  /** Ledger look-ups. */
  LOOKUP,
  /** Remote writes to the target. */
  WRITE,
  /** Ledger writes. */
  LEDGER,
  /** Checkpoint saves and lease renewals. */
  CHECKPOINT
}
