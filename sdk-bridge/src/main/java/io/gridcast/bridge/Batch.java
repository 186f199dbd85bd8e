package io.gridcast.bridge;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A group of source items committed together, with the checkpoint reached once all of them
 * are committed and, when the source knows it, the total number of items in the run.
 * Immutable.
 *
 * @param <S> the source item type
 */
public final class Batch<S> {

  private final List<S> items;
  private final String checkpointAfter;
  private final Long total;
  private final boolean endsWholeRead;

  private Batch(List<S> items, String checkpointAfter, Long total, boolean endsWholeRead) {
    this.items = List.copyOf(Objects.requireNonNull(items, "items"));
    this.checkpointAfter = checkpointAfter;
    this.total = total;
    this.endsWholeRead = endsWholeRead;
  }

  /** A batch without a checkpoint and without a known total. */
  public static <S> Batch<S> of(List<S> items) {
    return new Batch<>(items, null, null, false);
  }

  /**
   * A batch.
   *
   * @param checkpointAfter the checkpoint to save once every item is committed, or {@code null}
   * @param total the total number of items the run will see, or {@code null} if unknown
   */
  public static <S> Batch<S> of(List<S> items, String checkpointAfter, Long total) {
    return new Batch<>(items, checkpointAfter, total, false);
  }

  /**
   * The last batch of a read of the whole source, without items: for a source that reads only
   * what changed on most runs and everything on some (a periodic reconciliation), and keeps in its
   * checkpoint when it last read everything. The engine saves {@code checkpoint} once every earlier
   * item is committed, and counts the run as a whole read (its write intents' {@linkplain
   * io.gridcast.bridge.state.WriteIntent#reconciled() reconciled} mark) although the source has a
   * checkpoint.
   *
   * @throws NullPointerException if {@code checkpoint} is null
   */
  public static <S> Batch<S> endOfWholeRead(String checkpoint) {
    return new Batch<>(List.of(), Objects.requireNonNull(checkpoint, "checkpoint"), null, true);
  }

  /** The batch's items, in the order given (an unmodifiable copy). */
  public List<S> items() {
    return items;
  }

  /** The checkpoint to save once every item is committed; empty when the batch has none. */
  public Optional<String> checkpointAfter() {
    return Optional.ofNullable(checkpointAfter);
  }

  /** Whether this batch ends a read of the whole source ({@link #endOfWholeRead}). */
  public boolean endsWholeRead() {
    return endsWholeRead;
  }

  /** The total number of items the run will see, when the source knows it. */
  public OptionalLong total() {
    return total == null ? OptionalLong.empty() : OptionalLong.of(total);
  }
}
