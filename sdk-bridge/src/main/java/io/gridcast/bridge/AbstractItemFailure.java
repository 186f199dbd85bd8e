package io.gridcast.bridge;

import io.gridcast.core.GridcastStyle;
import org.immutables.value.Value;

/** One item that failed in a run, and why. Generated as {@code ItemFailure}; immutable. */
@Value.Immutable
@GridcastStyle
abstract class AbstractItemFailure {

  /** The stable key of the source item that failed. */
  public abstract String sourceKey();

  /** The error's type and message, control characters escaped (never a secret). */
  public abstract String reason();

  /**
   * Whether the item was recorded as a dead letter: false when the whole run stopped, in a plan,
   * and when its source key is one no state store can hold.
   */
  public abstract boolean deadLettered();
}
