package io.gridcast.bridge.flows;

import io.gridcast.bridge.WriteResult;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Form;
import io.gridcast.tradinggrid.model.Thread;

/**
 * Creates an episode's feedback thread and form, each found first by its stable
 * {@code externalRef} and otherwise created with an idempotency key made of the item's source
 * key, the step and a hash of the body sent (see {@link StepKeys}), so a crash between the two
 * creates is healed by the next run without a duplicate, and a body that changed meanwhile (a
 * renamed episode) never re-sends a key with another body. The ledger entry points at the form
 * and keeps both ids as attributes ({@code {"threadId":…,"formId":…}}).
 *
 * <p>The contract has no update for threads or forms: once created they stay as they are, and an
 * "update" (e.g. after an episode was renamed) only makes sure both still exist. Thread-safe.
 */
final class FeedbackChannelSink implements ConvergingSink<FeedbackChannel> {

  private final TradingGridClient tradingGrid;
  private final String flowName;

  /** A sink for the flow phase named {@code flowName} (it scopes the idempotency keys). */
  public FeedbackChannelSink(TradingGridClient tradingGrid, String flowName) {
    this.tradingGrid = tradingGrid;
    this.flowName = flowName;
  }

  @Override
  public WriteResult converge(String sourceKey, FeedbackChannel item) {
    return ensure(sourceKey, item);
  }

  private WriteResult ensure(String sourceKey, FeedbackChannel item) {
    String threadRef = item.thread().externalRef().orElseThrow();
    String formRef = item.form().externalRef().orElseThrow();
    Thread thread = tradingGrid.threads().findByExternalRef(threadRef)
        .orElseGet(() -> tradingGrid.threads().create(item.thread(), StepKeys.ofJson(flowName, sourceKey, "thread", item.thread())));
    Form form = tradingGrid.forms().findByExternalRef(formRef)
        .orElseGet(() -> tradingGrid.forms().create(item.form(), StepKeys.ofJson(flowName, sourceKey, "form", item.form())));
    return WriteResult.of(form.id(), null)
        .withAttributes("{\"threadId\":\"" + thread.id() + "\",\"formId\":\"" + form.id() + "\"}");
  }
}
