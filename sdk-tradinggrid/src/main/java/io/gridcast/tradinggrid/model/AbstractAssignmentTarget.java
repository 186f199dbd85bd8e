package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import org.immutables.value.Value;

/**
 * The partner group or single partner an assignment is for.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = AssignmentTarget.class)
@JsonDeserialize(as = AssignmentTarget.class)
abstract class AbstractAssignmentTarget {

  /** Whether {@link #id()} names a group or a partner. */
  public abstract AssignmentTargetType type();

  /** The group's or partner's id. */
  public abstract String id();

  @Value.Check
  void check() {
    Checks.known(type(), "type");
  }

  /** Returns a target naming a partner group. */
  public static AssignmentTarget group(String groupId) {
    return AssignmentTarget.builder().type(AssignmentTargetType.GROUP).id(groupId).build();
  }

  /** Returns a target naming a single partner. */
  public static AssignmentTarget partner(String partnerId) {
    return AssignmentTarget.builder().type(AssignmentTargetType.PARTNER).id(partnerId).build();
  }
}
