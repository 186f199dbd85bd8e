package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Sink;
import io.gridcast.bridge.WriteResult;
import io.gridcast.bridge.policy.ApprovalPolicy;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Approval;
import io.gridcast.tradinggrid.model.ApprovalCreate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests approval of a content package (idempotency key and {@code externalRef}), then appends
 * the {@code requested} step to its audit trail once. A package already under review is never
 * changed: a submission that changed after it was submitted fails with an {@link
 * IllegalArgumentException} (and is dead-lettered) saying it must be submitted under a new key.
 * Thread-safe.
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
        .requiredRoles(List.copyOf(policy.requiredRoles()))
        .externalRef(externalRef)
        .build(), idempotencyKey);
    noteRequested(approval.id(), item);
    return WriteResult.of(approval.id(), approval.version());
  }

  /**
   * Completes a request an earlier run created but did not record (the bridge adopted it by
   * {@code externalRef}; its ledger fingerprint is then empty).
   *
   * @throws IllegalArgumentException if the ledger recorded the submission with other content:
   *     reviewers approve what they were sent, so a changed package must be submitted under a
   *     new key; the item is dead-lettered and the approval left as it is
   */
  @Override
  public WriteResult update(LedgerEntry existing, ContentSubmission item, RunContext run) {
    if (!existing.fingerprint().isEmpty()) {
      throw new IllegalArgumentException("submission " + item.key() + " changed after it was submitted as approval "
          + existing.targetId() + "; the package under review is not changed: submit the changed package under a "
          + "new key (and withdraw the old submission from the configuration)");
    }
    LOG.info("completing approval request {} for submission {} that an earlier run created", existing.targetId(),
        item.key());
    noteRequested(existing.targetId(), item);
    return WriteResult.of(existing.targetId(), existing.targetVersion().orElse(null));
  }

  @Override
  public Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
    return tradingGrid.approvals().findByExternalRef(externalRef).map(a -> WriteResult.found(a.id(), a.version(), null));
  }

  private void noteRequested(String approvalId, ContentSubmission item) {
    new AuditTrail(tradingGrid, flowName, approvalId).once("requested", item.submittedBy(), "requested",
        "Review requested from " + String.join(", ", policy.requiredRoles()) + " for \"" + item.title() + "\"");
  }
}
