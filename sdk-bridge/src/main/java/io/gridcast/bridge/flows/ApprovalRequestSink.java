package io.gridcast.bridge.flows;

import io.gridcast.bridge.Fingerprints;
import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Sink;
import io.gridcast.bridge.WriteResult;
import io.gridcast.bridge.policy.ApprovalPolicy;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Approval;
import io.gridcast.tradinggrid.model.ApprovalCreate;
import io.gridcast.tradinggrid.model.ApprovalResubmission;
import io.gridcast.tradinggrid.model.ApprovalStatus;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests approval of a content package (idempotency key and {@code externalRef}), then appends
 * the {@code requested} step (actor: the submitter) and the {@code package_submitted} step (each
 * document's SHA-256, see {@link ReviewedPackage}) to its audit trail once.
 *
 * <p>A submission changed after it was submitted (its ledger fingerprint differs) is a revision of
 * the same package under the same key: once reviewers rejected it or asked for changes, it is
 * resubmitted to the same approval ({@code resubmitApproval}) for the next review round, and the
 * round's {@code requested} and {@code package_submitted} steps are appended. A package still under
 * review, or already approved, is never changed: the submission fails with {@link
 * ResubmissionRefusedException} (and is dead-lettered). Thread-safe.
 */
final class ApprovalRequestSink implements Sink<ContentSubmission> {

  private static final Logger LOG = LoggerFactory.getLogger(ApprovalRequestSink.class);

  private final String flowName;
  private final TradingGridClient tradingGrid;
  private final ApprovalPolicy policy;

  ApprovalRequestSink(String flowName, TradingGridClient tradingGrid, ApprovalPolicy policy) {
    this.flowName = flowName;
    this.tradingGrid = tradingGrid;
    this.policy = policy;
  }

  @Override
  public WriteResult create(String sourceKey, ContentSubmission item, String idempotencyKey, String externalRef, RunContext run) {
    Approval approval = tradingGrid.approvals().create(ApprovalCreate.builder()
        .title(item.title())
        .description(item.description())
        .contentPackage(item.contentPackage())
        .requiredRoles(List.copyOf(new TreeSet<>(policy.requiredRoles()))) // one order: a retry sends the same body
        .externalRef(externalRef)
        .build(), idempotencyKey);
    noteRequested(approval, item);
    return WriteResult.of(approval.id(), approval.version());
  }

  /**
   * Completes a request an earlier run created but did not record (the bridge adopted it by
   * {@code externalRef}; its ledger fingerprint is then empty), or resubmits a revised package to
   * the same approval for another review round.
   *
   * @throws ResubmissionRefusedException if the package changed while the approval is still under
   *     review or already approved: reviewers approve what they were sent, so the item is
   *     dead-lettered and the approval left as it is
   */
  @Override
  public WriteResult update(LedgerEntry existing, ContentSubmission item, RunContext run) {
    Approval current = tradingGrid.approvals().get(existing.targetId());
    if (existing.fingerprint().isEmpty() || carries(current, item)) {
      LOG.info("completing approval request {} (round {}) for submission {} that an earlier attempt made",
          current.id(), current.round(), item.key());
      noteRequested(current, item);
      return WriteResult.of(current.id(), current.version());
    }
    if (current.status() != ApprovalStatus.REJECTED && current.status() != ApprovalStatus.CHANGES_REQUESTED) {
      throw new ResubmissionRefusedException(item.key(), current.id(), current.status());
    }
    Approval revised = tradingGrid.approvals().resubmit(current.id(), ApprovalResubmission.builder()
        .contentPackage(item.contentPackage())
        .title(item.title())
        .description(item.description())
        .comment(resubmissionComment(item))
        .build(), resubmissionKey(current, item));
    LOG.info("resubmitted submission {} to approval {} for review round {}", item.key(), revised.id(), revised.round());
    noteRequested(revised, item);
    return WriteResult.of(revised.id(), revised.version());
  }

  @Override
  public Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
    return tradingGrid.approvals().findByExternalRef(externalRef).map(a -> WriteResult.found(a.id(), a.version(), null));
  }

  /** Whether the approval already carries this submission's content (a resubmission whose ledger write was lost). */
  private static boolean carries(Approval approval, ContentSubmission item) {
    return approval.contentPackage().equals(item.contentPackage()) && approval.title().equals(item.title())
        && approval.description().orElse("").equals(item.description());
  }

  /**
   * The key of resubmitting {@code item} over the approval's current round: a retry sends the
   * same, a later revision (even back to earlier content) replaces another round, so another key.
   */
  private String resubmissionKey(Approval current, ContentSubmission item) {
    return Fingerprints.idempotencyKey(flowName, "tradinggrid:approval:" + current.id() + "#resubmit#" + current.round()
        + "#" + ContentHash.of(item.title(), item.description(), item.contentPackage().scriptDocumentId(),
            item.contentPackage().artworkDocumentId(), item.contentPackage().releaseNotesDocumentId(),
            item.contentPackage().audioDocumentId()));
  }

  private void noteRequested(Approval approval, ContentSubmission item) {
    AuditTrail audit = new AuditTrail(tradingGrid, flowName, approval.id());
    audit.once("requested" + (approval.round() > 1 ? "#" + approval.round() : ""), item.submittedBy(), "requested",
        requestedDetail(approval.round(), item.title()));
    new ReviewedPackage(tradingGrid, approval.id(), approval.contentPackage(), approval.round(), audit).noteSubmitted();
  }

  /** The {@code requested} entry: who reviews what, and from the second round on which round. */
  private String requestedDetail(int round, String title) {
    return (round > 1 ? "Review of the revised package (round " + round + ") requested from " : "Review requested from ")
        + String.join(", ", new TreeSet<>(policy.requiredRoles())) + " for \"" + title + "\"";
  }

  /** The comment of a resubmission, for the reviewers (on the audit trail). */
  private static String resubmissionComment(ContentSubmission item) {
    return "Revised package resubmitted by " + item.submittedBy();
  }
}
