package io.gridcast.bridge;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Something a run reads once and shares with all of its items, e.g. the partner directory that
 * every announcement is routed against: declare it once, next to the flow, and ask the run for
 * it with {@link RunContext#snapshot(Snapshot)}.
 *
 * <pre>{@code
 * Snapshot<PartnerDirectory> partners = Snapshot.of("partner directory", () -> PartnerDirectory.load(tradingGrid));
 * Mapper<ShowEpisode, PostCreate> mapper = (episode, run) -> post(episode, run.snapshot(partners));
 * }</pre>
 *
 * <p>A run loads each snapshot at most once, on first use, whichever thread asks first; the
 * stages of one run share it. A load that throws is not kept: the next use tries again. Each
 * {@code Snapshot} is its own key (identity), so two declarations with the same name are two
 * snapshots. Immutable and thread-safe; the loader must be thread-safe too.
 *
 * @param <V> what is loaded
 */
public final class Snapshot<V> {

  private final String name;
  private final Supplier<? extends V> loader;

  private Snapshot(String name, Supplier<? extends V> loader) {
    this.name = name;
    this.loader = loader;
  }

  /**
   * A snapshot called {@code name} (used in messages) loaded by {@code loader}.
   *
   * @throws IllegalArgumentException if {@code name} is blank
   * @throws NullPointerException if an argument is null
   */
  public static <V> Snapshot<V> of(String name, Supplier<? extends V> loader) {
    if (Objects.requireNonNull(name, "name").isBlank()) {
      throw new IllegalArgumentException("a snapshot needs a name, for messages about it");
    }
    return new Snapshot<>(name, Objects.requireNonNull(loader, "loader"));
  }

  /** What this snapshot is called in messages. */
  public String name() {
    return name;
  }

  /** Loads a fresh value; runs call this once each through {@link RunContext#snapshot}. */
  V load() {
    V value = loader.get();
    if (value == null) {
      throw new IllegalStateException("the loader of snapshot '" + name + "' returned null");
    }
    return value;
  }

  @Override
  public String toString() {
    return "Snapshot{" + name + "}";
  }
}
