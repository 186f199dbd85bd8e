package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A named group of partners that posts and assignments can target.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = PartnerGroup.class)
@JsonDeserialize(as = PartnerGroup.class)
abstract class AbstractPartnerGroup implements Versioned {

  /** The platform's id. */
  public abstract String id();

  /** The display name. */
  public abstract String name();

  /** A description, if set. */
  public abstract Optional<String> description();

  /** The caller's own reference, e.g. a Spotify URI, if one was given. */
  public abstract Optional<String> externalRef();

  /** The resource version, starting at 1; send it as {@code If-Match} to update. */
  public abstract long version();

  /** When it was created. */
  public abstract Instant createdAt();

  /** When it last changed. */
  public abstract Instant updatedAt();
}
