package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.policy.ApprovalPolicy;
import io.gridcast.tradinggrid.model.Approval;
import io.gridcast.tradinggrid.model.ApprovalDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The default mapping of an approval request to its {@link ReleaseDecision}: the decisions so far
 * evaluated by the policy, whose required roles are the policy's plus any the request itself
 * names. Pure and thread-safe.
 */
public final class ApprovalReleaseMapper implements Mapper<Approval, ReleaseDecision> {

  private final ApprovalPolicy policy;

  /**
   * A mapper evaluating decisions under {@code policy}.
   *
   * @param policy the roles that must approve (besides those the approval request itself names)
   * @throws NullPointerException if {@code policy} is null
   */
  public ApprovalReleaseMapper(ApprovalPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** The release decision of {@code approval} as its decisions stand now. */
  @Override
  public ReleaseDecision map(Approval approval, RunContext run) {
    TreeSet<String> roles = new TreeSet<>(policy.requiredRoles());
    roles.addAll(approval.requiredRoles());
    // only the current round counts: a resubmitted package is reviewed afresh
    ApprovalPolicy.Outcome outcome = ApprovalPolicy.requiring(roles).evaluate(approval.currentDecisions());
    List<ReleaseDecision.Decision> decisions = new ArrayList<>();
    for (ApprovalDecision d : approval.decisions()) {
      decisions.add(new ReleaseDecision.Decision(d.decision(), d.round(), describe(d)));
    }
    return new ReleaseDecision(approval.id(), approval.title(), approval.description().orElse(approval.title()),
        approval.round(), outcome, decisions, approval.contentPackage(),
        approval.completedAt().orElse(approval.createdAt()));
  }

  /** {@code role: decision by who (comment)}, and {@code , round <n>} from the second round on. */
  static String describe(ApprovalDecision d) {
    return d.role() + ": " + d.decision().wireValue() + " by " + d.decidedBy()
        + d.comment().map(c -> " (" + c.strip() + ")").orElse("") + (d.round() > 1 ? ", round " + d.round() : "");
  }
}
