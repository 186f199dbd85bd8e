package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body that assigns a post ({@code createAssignment}).
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = AssignmentCreate.class)
@JsonDeserialize(as = AssignmentCreate.class)
abstract class AbstractAssignmentCreate {

  /** The post to assign. */
  public abstract String postId();

  /** Who to assign it to. */
  public abstract AssignmentTarget target();

  /** When it is due. */
  public abstract Optional<LocalDate> dueDate();

  /** Why it is assigned. */
  public abstract Optional<String> reason();

  /** The caller's own reference, e.g. {@code spotify:episode:…}; lists can filter on it. */
  public abstract Optional<String> externalRef();
}
