package io.gridcast.bridge.state;

import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An item that failed to deliver, kept for inspection and replay. Generated as
 * {@code DeadLetter}; immutable.
 */
@Value.Immutable
@GridcastStyle
abstract class AbstractDeadLetter {

  /** The flow the item belongs to. */
  public abstract String flow();

  /** The stable key of the source item that failed. */
  public abstract String sourceKey();

  /** Why it failed, e.g. the error type and message (never a secret). */
  public abstract String reason();

  /** How many runs failed on it. */
  public abstract int attempts();

  /** Where the item's payload can be found again, e.g. {@code spotify:episode:…}. */
  public abstract Optional<String> payloadRef();

  /** When the first failed run failed on it. */
  public abstract Instant firstFailedAt();

  /** When the latest failed run failed on it. */
  public abstract Instant lastFailedAt();
}
