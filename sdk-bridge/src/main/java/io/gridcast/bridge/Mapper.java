package io.gridcast.bridge;

/**
 * Turns one source item into what is written to the target (e.g. a Spotify episode into a
 * Trading Grid announcement post). Mappers must be pure and thread-safe: the same item and the
 * same run {@linkplain RunContext#snapshot snapshots} give an equal output, so that its
 * fingerprint only changes when the content does. A mapper that cannot map an item throws
 * {@link IllegalArgumentException} saying why; the item is dead-lettered and the run goes on.
 *
 * <p>To call a mapper outside a run (a test, a preview), pass {@link RunContext#detached}.
 *
 * @param <S> the source item type
 * @param <T> the target request type
 */
@FunctionalInterface
public interface Mapper<S, T> {

  /**
   * Maps {@code item}.
   *
   * @param run the run being served: its clock and snapshots
   */
  T map(S item, RunContext run);
}
