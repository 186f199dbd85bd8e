package io.gridcast.bridge.flows;

import io.gridcast.bridge.ChangeFeed;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.CursorPage;
import io.gridcast.tradinggrid.model.Event;
import io.gridcast.tradinggrid.model.EventType;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Trading Grid events feed of one community as a {@link ChangeFeed}: each poll reads the events
 * after the saved cursor (a page at a time, up to {@value #MAX_PAGES_PER_POLL} pages) and wakes the
 * flows mapped to the types that arrived.
 *
 * <pre>{@code
 * Flow<Issue, IssueAudioUpdate> audioUpdates = IssueAudioUpdatesFlow.create(spotify, tradingGrid, config);
 * Worker worker = Worker.builder(bridge)
 *     .every(Duration.ofHours(24), audioUpdates)           // the daily reconciliation
 *     .wakeOn(TradingGridEvents.of(tradingGrid)
 *         .wake(audioUpdates.name(), EventType.ISSUE_RESOLVED), Duration.ofSeconds(10))
 *     .build();
 * }</pre>
 *
 * <p>The feed is named {@code tradinggrid-events.<community id>}. Immutable once built; thread-safe.
 */
public final class TradingGridEvents implements ChangeFeed {

  /** The most pages one poll reads; the rest is read by the next poll. */
  public static final int MAX_PAGES_PER_POLL = 20;

  private final TradingGridClient tradingGrid;
  private final Map<EventType, Set<String>> wakes;

  private TradingGridEvents(TradingGridClient tradingGrid, Map<EventType, Set<String>> wakes) {
    this.tradingGrid = tradingGrid;
    this.wakes = wakes;
  }

  /**
   * The events feed of {@code tradingGrid}'s community, waking nothing until {@link #wake} maps types to flows.
   *
   * @throws NullPointerException if {@code tradingGrid} is null
   */
  public static TradingGridEvents of(TradingGridClient tradingGrid) {
    return new TradingGridEvents(Objects.requireNonNull(tradingGrid, "tradingGrid"), new EnumMap<>(EventType.class));
  }

  /**
   * This feed, also waking the flow named {@code flow} when events of any of {@code types} arrive.
   *
   * @throws IllegalArgumentException if no type is given
   */
  public TradingGridEvents wake(String flow, EventType... types) {
    Objects.requireNonNull(flow, "flow");
    if (types.length == 0) {
      throw new IllegalArgumentException("name the event types that wake flow " + flow);
    }
    Map<EventType, Set<String>> copy = new EnumMap<>(EventType.class);
    wakes.forEach((t, f) -> copy.put(t, new LinkedHashSet<>(f)));
    for (EventType t : types) {
      copy.computeIfAbsent(Objects.requireNonNull(t, "type"), k -> new LinkedHashSet<>()).add(flow);
    }
    return new TradingGridEvents(tradingGrid, copy);
  }

  /** The names of the flows events of {@code type} wake; empty when none waits for it. */
  public Set<String> flowsWokenBy(EventType type) {
    return Set.copyOf(wakes.getOrDefault(type, Set.of()));
  }

  /** The names of every flow some event type wakes. */
  public Set<String> wokenFlows() {
    Set<String> all = new LinkedHashSet<>();
    wakes.values().forEach(all::addAll);
    return all;
  }

  @Override
  public String name() {
    return "tradinggrid-events." + tradingGrid.communityId();
  }

  @Override
  public Changes read(Optional<String> position) {
    Set<String> flows = new LinkedHashSet<>();
    String cursor = position.orElse(null);
    for (int page = 0; page < MAX_PAGES_PER_POLL; page++) {
      CursorPage<Event> events = tradingGrid.events().page(cursor, null);
      for (Event e : events.items()) {
        flows.addAll(wakes.getOrDefault(e.type(), Set.of()));
      }
      String next = events.nextCursor().orElse(cursor);
      boolean moved = !Objects.equals(next, cursor);
      cursor = next;
      if (events.items().isEmpty() || !moved) {
        break;
      }
    }
    return new Changes(flows, Optional.ofNullable(cursor));
  }

  @Override
  public String toString() {
    return "TradingGridEvents{" + name() + ", wakes=" + wakes + "}";
  }
}
