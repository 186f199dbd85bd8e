package io.gridcast.bridge.policy;

import io.gridcast.tradinggrid.model.ApprovalDecision;
import io.gridcast.tradinggrid.model.DecisionOutcome;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which roles must approve a content package before it may be released, and how their
 * decisions combine: any rejection rejects; otherwise any request for changes sends it back;
 * otherwise it is approved once every required role's latest decision is an approval.
 * Immutable and thread-safe.
 */
public final class ApprovalPolicy {

  /** What the decisions so far amount to. */
  public enum Outcome {
    PENDING,
    APPROVED,
    REJECTED,
    CHANGES_REQUESTED
  }

  private final Set<String> requiredRoles;

  private ApprovalPolicy(Set<String> requiredRoles) {
    this.requiredRoles = Set.copyOf(requiredRoles);
  }

  /**
   * @throws IllegalArgumentException when no role is given or a role is blank
   */
  public static ApprovalPolicy requiring(Collection<String> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("an approval policy needs at least one required role, e.g. legal");
    }
    for (String r : roles) {
      if (r == null || r.isBlank()) {
        throw new IllegalArgumentException("required roles must not be blank");
      }
    }
    return new ApprovalPolicy(new TreeSet<>(roles));
  }

  /** Legal, compliance and partner operations: the default for partner-facing audio. */
  public static ApprovalPolicy standard() {
    return requiring(List.of("legal", "compliance", "partner_operations"));
  }

  /** The roles whose approval a release needs (unmodifiable, never empty). */
  public Set<String> requiredRoles() {
    return requiredRoles;
  }

  /** Combines decisions in the order they were made; later decisions of a role replace earlier ones. */
  public Outcome evaluate(List<ApprovalDecision> decisions) {
    Map<String, DecisionOutcome> latest = new HashMap<>();
    for (ApprovalDecision d : decisions) {
      latest.put(d.role(), d.decision());
    }
    if (latest.containsValue(DecisionOutcome.REJECT)) {
      return Outcome.REJECTED;
    }
    if (latest.containsValue(DecisionOutcome.REQUEST_CHANGES)) {
      return Outcome.CHANGES_REQUESTED;
    }
    for (String role : requiredRoles) {
      if (latest.get(role) != DecisionOutcome.APPROVE) {
        return Outcome.PENDING;
      }
    }
    return Outcome.APPROVED;
  }

  /** The required roles that have not approved yet. */
  public Set<String> missingApprovals(List<ApprovalDecision> decisions) {
    Map<String, DecisionOutcome> latest = new HashMap<>();
    for (ApprovalDecision d : decisions) {
      latest.put(d.role(), d.decision());
    }
    Set<String> missing = new TreeSet<>();
    for (String role : requiredRoles) {
      if (latest.get(role) != DecisionOutcome.APPROVE) {
        missing.add(role);
      }
    }
    return missing;
  }
}
