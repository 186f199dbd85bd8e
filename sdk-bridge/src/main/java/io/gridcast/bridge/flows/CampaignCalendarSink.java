package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Sink;
import io.gridcast.bridge.WriteResult;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.tradinggrid.TradingGridClient;
import java.util.Optional;

/**
 * Writes a {@link CalendarPost} through {@link DocumentPostSink} (the {@code .ics} uploaded once
 * under a reference naming its bytes, the post created or replaced) and keeps the published
 * events in the ledger entry's attributes. Thread-safe.
 */
final class CampaignCalendarSink implements Sink<CalendarPost> {

  private final DocumentPostSink posts;

  CampaignCalendarSink(TradingGridClient tradingGrid, String flowName) {
    this.posts = new DocumentPostSink(tradingGrid, flowName);
  }

  @Override
  public WriteResult create(String sourceKey, CalendarPost item, String idempotencyKey, String externalRef, RunContext run) {
    return posts.create(sourceKey, item.post(), idempotencyKey, externalRef, run)
        .withAttributes(CalendarEvent.toAttributes(item.events()));
  }

  @Override
  public WriteResult update(LedgerEntry existing, CalendarPost item, RunContext run) {
    return posts.update(existing, item.post(), run).withAttributes(CalendarEvent.toAttributes(item.events()));
  }

  @Override
  public Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
    return posts.findByExternalRef(externalRef, run);
  }
}
