package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A community: the workspace every other resource is scoped to.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Community.class)
@JsonDeserialize(as = Community.class)
abstract class AbstractCommunity {

  /** The platform's id. */
  public abstract String id();

  /** The display name. */
  public abstract String name();

  /** A description, if set. */
  public abstract Optional<String> description();

  /** When it was created. */
  public abstract Instant createdAt();
}
