package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body that records a decision ({@code createApprovalDecision}).
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = ApprovalDecisionCreate.class)
@JsonDeserialize(as = ApprovalDecisionCreate.class)
abstract class AbstractApprovalDecisionCreate {

  /** The reviewing role, e.g. {@code legal}, {@code compliance}, {@code partner_operations}. */
  public abstract String role();

  /** What was decided. */
  public abstract DecisionOutcome decision();

  /** The reviewer's comment. */
  public abstract Optional<String> comment();

  /** The reviewer (user name or e-mail). */
  public abstract String decidedBy();

  @Value.Check
  void check() {
    Checks.known(decision(), "decision");
  }
}
