package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The changes to an issue ({@code updateIssue}); fields left empty stay as they are, lists
 * replace the current ones.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = IssueUpdate.class)
@JsonDeserialize(as = IssueUpdate.class)
abstract class AbstractIssueUpdate {

  /** The new status. */
  public abstract Optional<IssueStatus> status();

  /** The new severity. */
  public abstract Optional<IssueSeverity> severity();

  /** The new title. */
  public abstract Optional<String> title();

  /** The new description. */
  public abstract Optional<String> description();

  /** The new topic. */
  public abstract Optional<String> topic();

  /** Who works the issue from now on. */
  public abstract Optional<String> owner();

  /** The corrective actions, replacing the current ones. */
  public abstract Optional<List<String>> correctiveActions();

  /** How it was resolved. */
  public abstract Optional<String> resolutionSummary();

  /** The links, replacing the current ones. */
  public abstract Optional<List<Link>> links();

  /** The attached document ids, replacing the current ones. */
  public abstract Optional<List<String>> attachments();

  @Value.Check
  void check() {
    if (status().isEmpty()
        && severity().isEmpty()
        && title().isEmpty()
        && description().isEmpty()
        && topic().isEmpty()
        && owner().isEmpty()
        && correctiveActions().isEmpty()
        && resolutionSummary().isEmpty()
        && links().isEmpty()
        && attachments().isEmpty()) {
      throw new IllegalArgumentException(
          "IssueUpdate changes nothing: set at least one field");
    }
    status().ifPresent(v -> Checks.known(v, "status"));
    severity().ifPresent(v -> Checks.known(v, "severity"));
  }
}
