package io.gridcast.bridge.flows;

import io.gridcast.bridge.WriteResult;
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
final class SiteRequestSink implements ConvergingSink<SiteRequestDecision> {

  private final TradingGridClient tradingGrid;
  private final String flowName;
  private final String author;

  SiteRequestSink(TradingGridClient tradingGrid, String flowName, String author) {
    this.tradingGrid = tradingGrid;
    this.flowName = flowName;
    this.author = author;
  }

  @Override
  public WriteResult converge(String sourceKey, SiteRequestDecision item) {
    return apply(sourceKey, item);
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

  /** Sets an open request's status (re-reading it on a stale version); other states stay. */
  private SiteRequest moveTo(SiteRequest request, SiteRequestStatus status) {
    SiteRequestUpdate body = SiteRequestUpdate.builder().status(status).build();
    return tradingGrid.siteRequests().update(request,
        current -> current.status() == SiteRequestStatus.OPEN ? Optional.of(body) : Optional.empty());
  }
}
