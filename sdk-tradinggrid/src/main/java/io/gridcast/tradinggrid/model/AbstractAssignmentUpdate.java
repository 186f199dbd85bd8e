package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The changes to an assignment ({@code updateAssignment}); fields left empty stay as they are.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = AssignmentUpdate.class)
@JsonDeserialize(as = AssignmentUpdate.class)
abstract class AbstractAssignmentUpdate {

  /** The new due date. */
  public abstract Optional<LocalDate> dueDate();

  /** The new reason. */
  public abstract Optional<String> reason();

  /** The new status. */
  public abstract Optional<AssignmentStatus> status();

  @Value.Check
  void check() {
    if (dueDate().isEmpty()
        && reason().isEmpty()
        && status().isEmpty()) {
      throw new IllegalArgumentException(
          "AssignmentUpdate changes nothing: set at least one field");
    }
    status().ifPresent(v -> Checks.known(v, "status"));
  }
}
