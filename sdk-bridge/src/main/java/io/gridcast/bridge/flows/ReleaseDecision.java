package io.gridcast.bridge.flows;

import io.gridcast.bridge.policy.ApprovalPolicy;
import io.gridcast.tradinggrid.model.ContentPackage;
import io.gridcast.tradinggrid.model.DecisionOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the decisions on an approval request amount to, as {@link ApprovalGatedPublishingFlow}
 * acts on it. Immutable.
 *
 * @param approvalId the approval's id
 * @param title the episode title
 * @param description the episode description
 * @param round the review round: 1, and one more with every resubmission of a revised package
 * @param outcome what the current round's decisions amount to under the policy
 * @param decisions each decision of every round, in the order made
 * @param contentPackage the documents under review
 * @param releaseDate the episode's publication date: when the approval completed, else when it was created
 */
public record ReleaseDecision(String approvalId, String title, String description, int round, ApprovalPolicy.Outcome outcome,
    List<Decision> decisions, ContentPackage contentPackage, Instant releaseDate) {

  /** @throws NullPointerException if a component is null */
  public ReleaseDecision {
    Objects.requireNonNull(approvalId, "approvalId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(contentPackage, "contentPackage");
    Objects.requireNonNull(releaseDate, "releaseDate");
    decisions = List.copyOf(decisions);
  }

  /**
   * One reviewer's decision. Immutable.
   *
   * @param outcome what the reviewer decided
   * @param round the review round it was made in
   * @param summary the decision as {@code role: decision by who (comment)}, followed by {@code ,
   *     round <n>} from the second round on, as quoted on the audit trail and to the submitter
   */
  public record Decision(DecisionOutcome outcome, int round, String summary) {

    /** @throws NullPointerException if a component is null */
    public Decision {
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(summary, "summary");
    }

    /** Whether this decision rejects the package or asks for changes. */
    public boolean objects() {
      return outcome == DecisionOutcome.REJECT || outcome == DecisionOutcome.REQUEST_CHANGES;
    }
  }
}
