package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A content package under review by the required roles, with every decision made so far.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Approval.class)
@JsonDeserialize(as = Approval.class)
abstract class AbstractApproval implements Versioned {

  /** The platform's id. */
  public abstract String id();

  /** The title. */
  public abstract String title();

  /** A description, if set. */
  public abstract Optional<String> description();

  /** The documents under review (JSON {@code package}). */
  @JsonProperty("package")
  public abstract ContentPackage contentPackage();

  /** The roles that must approve. */
  public abstract List<String> requiredRoles();

  /** The state derived from the latest decision of each role. */
  public abstract ApprovalStatus status();

  /**
   * The review round: 1 when created, one more with every resubmission of a revised package
   * ({@link io.gridcast.tradinggrid.ApprovalsApi#resubmit}). Only the current round's decisions
   * count towards {@link #status()}. Default 1, for a platform that does not state it.
   */
  @Value.Default
  public int round() {
    return 1;
  }

  /** Every decision of every round, in the order made. */
  public abstract List<ApprovalDecision> decisions();

  /** The decisions of the current {@link #round()}, in the order made. */
  @JsonIgnore
  @Value.Auxiliary
  public List<ApprovalDecision> currentDecisions() {
    return decisions().stream().filter(d -> d.round() == round()).toList();
  }

  /** The caller's own reference, e.g. a Spotify URI, if one was given. */
  public abstract Optional<String> externalRef();

  /** The version, which grows with every decision. */
  public abstract long version();

  /** When it was created. */
  public abstract Instant createdAt();

  /** When it last changed. */
  public abstract Instant updatedAt();

  /** When it became approved or rejected, if it has. */
  public abstract Optional<Instant> completedAt();
}
