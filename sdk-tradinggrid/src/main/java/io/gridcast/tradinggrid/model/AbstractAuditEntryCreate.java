package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body that appends to an audit trail ({@code appendApprovalAudit}).
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = AuditEntryCreate.class)
@JsonDeserialize(as = AuditEntryCreate.class)
abstract class AbstractAuditEntryCreate {

  /** Who acted. */
  public abstract String actor();

  /** What happened, e.g. {@code released}. */
  public abstract String action();

  /** Details. */
  public abstract Optional<String> detail();
}
