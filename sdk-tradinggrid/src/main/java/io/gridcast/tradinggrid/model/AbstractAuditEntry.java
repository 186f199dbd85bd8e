package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An entry on an approval's append-only audit trail.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = AuditEntry.class)
@JsonDeserialize(as = AuditEntry.class)
abstract class AbstractAuditEntry {

  /** The platform's id. */
  public abstract String id();

  /** When it happened. */
  public abstract Instant at();

  /** Who acted. */
  public abstract String actor();

  /** What happened, e.g. {@code submitted}, {@code decided}, {@code released}. */
  public abstract String action();

  /** Details, if any. */
  public abstract Optional<String> detail();
}
