package io.gridcast.bridge.state;

import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * The right of one owner to process one flow partition until {@link #expiresAt()}, with the
 * fencing token that orders it after every earlier lease of that partition. Generated as
 * {@code Lease}; immutable.
 */
@Value.Immutable
@GridcastStyle
abstract class AbstractLease {

  /** The flow the lease covers. */
  public abstract String flow();

  /** The flow partition the lease covers. */
  public abstract String partition();

  /** Who holds it, e.g. {@code host-a/pid-4242/bridge-1}. */
  public abstract String owner();

  /** Strictly increasing per (flow, partition) across acquisitions. */
  public abstract long fencingToken();

  /** When the lease lapses unless renewed. */
  public abstract Instant expiresAt();
}
