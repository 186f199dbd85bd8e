package io.gridcast.bridge;

/**
 * Per-run limits that keep a run's blast radius small: at most {@code maxItems} items seen
 * and at most {@code maxWrites} remote writes (creates plus updates). Items beyond a cap are
 * reported {@link Outcome#SKIPPED}, and the checkpoint is not advanced past them, so the next
 * run picks them up. Immutable.
 */
public final class RunCaps {

  private static final RunCaps NONE = new RunCaps(Integer.MAX_VALUE, Integer.MAX_VALUE);

  private final int maxItems;
  private final int maxWrites;

  private RunCaps(int maxItems, int maxWrites) {
    if (maxItems < 0 || maxWrites < 0) {
      throw new IllegalArgumentException("run caps must be >= 0, were maxItems=" + maxItems + ", maxWrites=" + maxWrites);
    }
    this.maxItems = maxItems;
    this.maxWrites = maxWrites;
  }

  /** No caps: the default. */
  public static RunCaps none() {
    return NONE;
  }

  /**
   * Caps of at most {@code maxItems} items seen and {@code maxWrites} remote writes per run.
   *
   * @throws IllegalArgumentException if either is negative
   */
  public static RunCaps of(int maxItems, int maxWrites) {
    return new RunCaps(maxItems, maxWrites);
  }

  /** The most items a run sees; {@link Integer#MAX_VALUE} when uncapped. */
  public int maxItems() {
    return maxItems;
  }

  /** The most remote writes (creates plus updates) a run makes; {@link Integer#MAX_VALUE} when uncapped. */
  public int maxWrites() {
    return maxWrites;
  }
}
