package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.AssignmentTarget;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What one (training post, target) pair should look like: assigned with a due date and reason
 * while the target is {@code wanted}, cancelled once it no longer is. Both the source item and the
 * mapped item of the assignments phase of {@link TrainingSeriesFlow}. Immutable.
 *
 * @param episodeKey the episode's source key
 * @param postId the training post
 * @param target the partner group or partner
 * @param dueDate when it is due
 * @param reason why it is assigned
 * @param wanted whether the target should (still) have the assignment
 */
record TrainingAssignment(String episodeKey, String postId, AssignmentTarget target, LocalDate dueDate,
    String reason, boolean wanted) {

  public TrainingAssignment {
    Objects.requireNonNull(episodeKey, "episodeKey");
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(reason, "reason");
  }

  /** The stable source key and {@code externalRef}: one per episode and target. */
  public String key() {
    return key(episodeKey, target);
  }

  /** The key of the assignment of an episode's training post to {@code target}. */
  public static String key(String episodeKey, AssignmentTarget target) {
    return "gridcast:training-assignment:" + episodeKey + ":" + target.type().wireValue() + ":" + target.id();
  }
}
