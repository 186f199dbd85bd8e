package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One reviewer's decision on an {@link Approval}.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = ApprovalDecision.class)
@JsonDeserialize(as = ApprovalDecision.class)
abstract class AbstractApprovalDecision {

  /** The reviewing role, e.g. {@code legal}, {@code compliance}, {@code partner_operations}. */
  public abstract String role();

  /** What was decided. */
  public abstract DecisionOutcome decision();

  /** The reviewer's comment, if any. */
  public abstract Optional<String> comment();

  /** The reviewer. */
  public abstract String decidedBy();

  /** When it was decided. */
  public abstract Instant decidedAt();

  /** The review round it was decided in (see {@link Approval#round()}). Default 1, for a platform that does not state it. */
  @Value.Default
  public int round() {
    return 1;
  }
}
