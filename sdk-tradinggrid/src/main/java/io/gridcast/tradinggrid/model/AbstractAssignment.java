package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A post assigned to a partner group or partner, with a due date and the reason for it.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Assignment.class)
@JsonDeserialize(as = Assignment.class)
abstract class AbstractAssignment implements Versioned {

  /** The platform's id. */
  public abstract String id();

  /** The assigned post. */
  public abstract String postId();

  /** Who it is assigned to. */
  public abstract AssignmentTarget target();

  /** When it is due, if set. */
  public abstract Optional<LocalDate> dueDate();

  /** Why it was assigned, e.g. {@code onboarding stage onboarding}. */
  public abstract Optional<String> reason();

  /** Its progress. */
  public abstract AssignmentStatus status();

  /** The caller's own reference, e.g. a Spotify URI, if one was given. */
  public abstract Optional<String> externalRef();

  /** The resource version, starting at 1; send it as {@code If-Match} to update. */
  public abstract long version();

  /** When it was created. */
  public abstract Instant createdAt();

  /** When it last changed. */
  public abstract Instant updatedAt();
}
