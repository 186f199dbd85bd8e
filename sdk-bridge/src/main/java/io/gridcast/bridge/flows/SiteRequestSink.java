package io.gridcast.bridge.flows;

import io.gridcast.bridge.Sink;
import io.gridcast.bridge.WriteResult;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.core.errors.PreconditionFailedException;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.SiteRequest;
import io.gridcast.tradinggrid.model.SiteRequestCommentCreate;
import io.gridcast.tradinggrid.model.SiteRequestStatus;
import io.gridcast.tradinggrid.model.SiteRequestUpdate;
import java.util.Optional;

/**
 * Carries out {@link SiteRequestDecision}s on Trading Grid. Resumable after a crash between
 * any two steps: a refusal first comments (only if the request does not already carry that
 * comment, with an idempotency key made of the step and a hash of the comment, see
 * {@link StepKeys}), then sets the status to refused; each step reads the request's current
 * state first, so a repeated decision writes nothing twice. The comment is looked up and keyed
 * by the same text, so a refusal whose text changed meanwhile (the site was renamed) writes the
 * new comment instead of re-sending the old key with another body. Thread-safe.
 */
final class SiteRequestSink implements Sink<SiteRequestDecision> {

  private final TradingGridClient tradingGrid;
  private final String flowName;
  private final String author;

  SiteRequestSink(TradingGridClient tradingGrid, String flowName, String author) {
    this.tradingGrid = tradingGrid;
    this.flowName = flowName;
    this.author = author;
  }

  @Override
  public WriteResult create(String sourceKey, SiteRequestDecision item, String idempotencyKey, String externalRef) {
    return apply(sourceKey, item);
  }

  @Override
  public WriteResult update(LedgerEntry existing, SiteRequestDecision item) {
    return apply(existing.sourceKey(), item);
  }

  /** Requests are not created by this flow: there is never an orphan to adopt. */
  @Override
  public Optional<WriteResult> findByExternalRef(String externalRef) {
    return Optional.empty();
  }

  private WriteResult apply(String sourceKey, SiteRequestDecision decision) {
    SiteRequest request = tradingGrid.siteRequests().get(decision.requestId());
    switch (decision.verdict()) {
      case REFUSE:
        boolean commented = request.comments().stream().anyMatch(c -> c.body().equals(decision.comment()));
        if (!commented && request.status() == SiteRequestStatus.OPEN) {
          tradingGrid.siteRequests().comment(request.id(),
              SiteRequestCommentCreate.builder().author(author).body(decision.comment()).build(),
              StepKeys.of(flowName, sourceKey, "refusal", decision.comment()));
        }
        request = moveTo(request, SiteRequestStatus.REFUSED);
        break;
      case ACCEPT:
        request = moveTo(request, SiteRequestStatus.ACCEPTED);
        break;
      default:
        break;
    }
    return WriteResult.of(request.id(), request.version());
  }

  /** Sets an open request's status (re-reading once on a stale version); other states stay. */
  private SiteRequest moveTo(SiteRequest request, SiteRequestStatus status) {
    if (request.status() != SiteRequestStatus.OPEN) {
      return request;
    }
    SiteRequestUpdate body = SiteRequestUpdate.builder().status(status).build();
    try {
      return tradingGrid.siteRequests().update(request.id(), body, request.version());
    } catch (PreconditionFailedException e) {
      SiteRequest current = tradingGrid.siteRequests().get(request.id());
      return current.status() == SiteRequestStatus.OPEN
          ? tradingGrid.siteRequests().update(current.id(), body, current.version()) : current;
    }
  }
}
