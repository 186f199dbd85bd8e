package io.gridcast.tradinggrid;

import io.gridcast.core.paging.Page;
import io.gridcast.core.paging.Paginator;
import io.gridcast.tradinggrid.model.CursorPage;
import io.gridcast.tradinggrid.model.Event;
import io.gridcast.tradinggrid.model.EventType;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The community's change feed. Obtain from {@link TradingGridClient#events()}. Thread-safe.
 *
 * <p>The feed always answers with a cursor, even when nothing is new, so a consumer keeps its
 * position: store {@link CursorPage#nextCursor()} after processing a page and pass it back
 * next time.
 */
public final class EventsApi {

  private final TradingGridContext ctx;

  EventsApi(TradingGridContext ctx) {
    this.ctx = ctx;
  }

  /**
   * One page of events after {@code cursor} ({@code null} for the start of the retained feed).
   *
   * @param type only events of this type, or {@code null} for all
   * @throws io.gridcast.core.errors.ApiException with status 410 when the cursor is older than
   *     the feed's retention: start again from {@code null} and rely on idempotent handling
   */
  public CursorPage<Event> page(String cursor, EventType type) {
    Map<String, String> filters = new HashMap<>();
    if (type != null) {
      filters.put("type", type.wireValue());
    }
    return ctx.service.listEvents(ctx.communityId, ctx.pageSize, cursor, filters);
  }

  /**
   * One page of events of any of {@code types} after {@code cursor} ({@code null} for the start
   * of the retained feed), in feed order; one request whatever the number of types (the contract's
   * {@code type} parameter takes a comma-separated list).
   *
   * @param types the event types wanted; empty for all
   * @throws IllegalArgumentException if {@code types} contains {@link EventType#UNKNOWN}
   * @throws io.gridcast.core.errors.ApiException with status 410 when the cursor is older than
   *     the feed's retention: start again from {@code null} and rely on idempotent handling
   */
  public CursorPage<Event> pageOfAny(String cursor, Set<EventType> types) {
    Map<String, String> filters = new HashMap<>();
    Set<String> wire = new TreeSet<>(); // sorted: the same set is always the same request
    for (EventType t : Objects.requireNonNull(types, "types")) {
      if (t == EventType.UNKNOWN) {
        throw new IllegalArgumentException("types must not contain UNKNOWN: name the event types to read");
      }
      wire.add(t.wireValue());
    }
    if (!wire.isEmpty()) {
      filters.put("type", String.join(",", wire));
    }
    return ctx.service.listEvents(ctx.communityId, ctx.pageSize, cursor, filters);
  }

  /**
   * Every event after {@code cursor} up to the present, paged lazily; iteration ends at the
   * first empty page rather than waiting for new events.
   */
  public Paginator<Event> after(String cursor, EventType type) {
    return Paginator.cursor(next -> {
      CursorPage<Event> p = page(next == null ? cursor : next, type);
      String following = p.items().isEmpty() ? null : p.nextCursor().orElse(null);
      return Page.of(p.items(), Objects.equals(following, next) ? null : following, null);
    });
  }
}
