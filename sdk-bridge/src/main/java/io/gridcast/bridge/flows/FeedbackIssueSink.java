package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Sink;
import io.gridcast.bridge.WriteResult;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.core.errors.BadRequestException;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Issue;
import io.gridcast.tradinggrid.model.IssueCreate;
import java.util.Optional;

/**
 * Opens feedback issues: each create carries the bridge's idempotency key and the submission's
 * {@code externalRef}, and an issue created by a crashed run is found again by it, so every
 * submission opens exactly one issue. Once open, an issue belongs to the people working it: a
 * later change of the mapped content (e.g. the partner moved region) is never written over it.
 * Thread-safe.
 */
final class FeedbackIssueSink implements Sink<IssueCreate> {

  private final TradingGridClient tradingGrid;

  public FeedbackIssueSink(TradingGridClient tradingGrid) {
    this.tradingGrid = tradingGrid;
  }

  @Override
  public WriteResult create(String sourceKey, IssueCreate item, String idempotencyKey, String externalRef, RunContext run) {
    try {
      Issue issue = tradingGrid.issues().create(item.withExternalRef(externalRef), idempotencyKey);
      return WriteResult.of(issue.id(), issue.version());
    } catch (BadRequestException e) {
      if (e.errorCode().filter("idempotency_key_reused"::equals).isEmpty()) {
        throw e;
      }
      Issue existing = tradingGrid.issues().findByExternalRef(externalRef).orElseThrow(() -> e);
      return WriteResult.of(existing.id(), existing.version());
    }
  }

  /** Leaves the issue as the people working it left it (see the class comment). */
  @Override
  public WriteResult update(LedgerEntry existing, IssueCreate item, RunContext run) {
    return WriteResult.of(existing.targetId(), existing.targetVersion().orElse(null));
  }

  @Override
  public Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
    return tradingGrid.issues().findByExternalRef(externalRef).map(i -> WriteResult.found(i.id(), i.version(), null));
  }
}
