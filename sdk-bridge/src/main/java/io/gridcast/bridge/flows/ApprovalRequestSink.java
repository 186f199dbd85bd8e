package io.gridcast.bridge.flows;

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
 * the {@code requested} step to its audit trail once. A package already under review is not
 * changed: a changed submission needs a new key. Thread-safe.
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
  public WriteResult create(String sourceKey, ContentSubmission item, String idempotencyKey, String externalRef) {
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

  @Override
  public WriteResult update(LedgerEntry existing, ContentSubmission item) {
    if (!existing.fingerprint().isEmpty()) {
      LOG.warn("submission {} changed after it was submitted as approval {}; submit it under a new key to review it again",
          item.key(), existing.targetId());
    }
    noteRequested(existing.targetId(), item);
    return WriteResult.of(existing.targetId(), existing.targetVersion().orElse(null));
  }

  @Override
  public Optional<WriteResult> findByExternalRef(String externalRef) {
    return tradingGrid.approvals().findByExternalRef(externalRef).map(a -> WriteResult.found(a.id(), a.version(), null));
  }

  private void noteRequested(String approvalId, ContentSubmission item) {
    new AuditTrail(tradingGrid, flowName, approvalId).once("requested", item.submittedBy(), "requested",
        "Review requested from " + String.join(", ", policy.requiredRoles()) + " for \"" + item.title() + "\"");
  }
}
