package io.gridcast.bridge;

/** What happened to one source item in a run (or, in a plan, what would happen). */
public enum Outcome {
  /** A new target resource was created (or an orphan from a crashed run was adopted). */
  CREATED,
  /** The content changed and the existing target resource was updated. */
  UPDATED,
  /** The fingerprint matched the ledger: nothing was written. */
  UNCHANGED,
  /** Not processed in this run (a per-run cap was reached); it will be next time. */
  SKIPPED,
  /** The item failed; see the run report's failures and the dead letters. */
  FAILED
}
