package io.gridcast.bridge.state;

import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What one source item became on the target: the target resource's id, the fingerprint of
 * the content delivered, and the target's version after the write (for {@code If-Match}).
 * Generated as {@code LedgerEntry}; immutable.
 */
@Value.Immutable
@GridcastStyle
abstract class AbstractLedgerEntry {

  /** The flow the entry belongs to. */
  public abstract String flow();

  /** The stable key of the source item, e.g. {@code spotify:episode:4rOoJ6Egrf8K2IrywzwOMk}. */
  public abstract String sourceKey();

  /** The id of the resource the item produced on the target. */
  public abstract String targetId();

  /** A hash of the mapped content; equal fingerprints mean nothing to update. */
  public abstract String fingerprint();

  /** The target resource's version after the last write, when the target versions resources. */
  public abstract Optional<Long> targetVersion();

  /** Small flow-specific state (JSON), e.g. which assignments a training post has. */
  public abstract Optional<String> attributes();

  /** When the entry was last written, by the bridge's clock. */
  public abstract Instant updatedAt();
}
