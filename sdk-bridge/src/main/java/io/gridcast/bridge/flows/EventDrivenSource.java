package io.gridcast.bridge.flows;

import io.gridcast.bridge.Batch;
import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Source;
import io.gridcast.core.LogSafe;
import io.gridcast.core.errors.ApiException;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.CursorPage;
import io.gridcast.tradinggrid.model.Event;
import io.gridcast.tradinggrid.model.EventType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source over Trading Grid records that reads only what changed: each run first reads the
 * community's events after the stage's cursor and then
 *
 * <ul>
 *   <li>reads everything ({@code whole}) on a first run, once {@code fullReadEvery} has passed since
 *       the last whole read, or when the cursor is past the feed's retention; the read ends with
 *       {@link Batch#endOfWholeRead}, so it reconciles;
 *   <li>otherwise reads only what the events of the chosen types name ({@code named}, given their
 *       resource ids by type) and the items that failed and are {@linkplain RunContext#retrying()
 *       tried again}, or nothing at all when there are none: a quiet run costs one events request.
 * </ul>
 *
 * <p>Items that change with time alone (a site going live on its rollout date) name the next
 * instant they do ({@code nextDue}, given the items of a whole read): the first run at or after
 * it reads everything even without events.
 *
 * <p>The checkpoint keeps the positions, {@code full-read:<instant> events:<cursor>} (with
 * {@code due:<instant>} between the two when something is due), saved once the run's items are
 * committed. Events the stage's own writes cause name records the next run reads again and finds
 * unchanged. Thread-safe.
 *
 * @param <S> the source item type
 */
final class EventDrivenSource<S> implements Source<S> {

  private static final Logger LOG = LoggerFactory.getLogger(EventDrivenSource.class);
  private static final String WHOLE = "full-read:";
  private static final String EVENTS = " events:";
  private static final String DUE = " due:";

  private final TradingGridClient tradingGrid;
  private final Set<EventType> types;
  private final Duration fullReadEvery;
  private final Function<RunContext, List<S>> whole;
  private final BiFunction<RunContext, Named, List<S>> named;
  /** The resource id a source key names, to read a dead-lettered item again; null: read everything. */
  private final Function<String, Optional<String>> idOfKey;
  /** The next instant the items of a whole read change by time alone, if any. */
  private final BiFunction<RunContext, List<S>, Optional<Instant>> nextDue;

  /**
   * @param types the event types whose records this source reads
   * @param fullReadEvery how long after a whole read the next run reads everything again; {@link
   *     Duration#ZERO} for every run
   * @param whole reads every item
   * @param named reads the items the resource ids of the events of {@code types}, and of the items
   *     that failed and are {@linkplain RunContext#retrying() tried again}, name
   * @param idOfKey the resource id a source key names
   */
  EventDrivenSource(TradingGridClient tradingGrid, Set<EventType> types, Duration fullReadEvery,
      Function<RunContext, List<S>> whole, BiFunction<RunContext, Named, List<S>> named,
      Function<String, Optional<String>> idOfKey) {
    this.tradingGrid = Objects.requireNonNull(tradingGrid, "tradingGrid");
    this.types = Set.copyOf(types);
    this.fullReadEvery = Objects.requireNonNull(fullReadEvery, "fullReadEvery");
    this.whole = Objects.requireNonNull(whole, "whole");
    this.named = Objects.requireNonNull(named, "named");
    this.idOfKey = idOfKey;
    this.nextDue = (run, items) -> Optional.empty();
  }

  private EventDrivenSource(EventDrivenSource<S> source, BiFunction<RunContext, List<S>, Optional<Instant>> nextDue) {
    this.tradingGrid = source.tradingGrid;
    this.types = source.types;
    this.fullReadEvery = source.fullReadEvery;
    this.whole = source.whole;
    this.named = source.named;
    this.idOfKey = source.idOfKey;
    this.nextDue = Objects.requireNonNull(nextDue, "nextDue");
  }

  /**
   * What a run between whole reads reads: the resource ids the events named, by event type, and
   * those of the items that failed and are tried again.
   */
  record Named(Map<EventType, Set<String>> events, Set<String> retrying) {
    /** The ids of events of {@code types}. */
    Set<String> of(EventType... types) {
      Set<String> out = new LinkedHashSet<>();
      for (EventType t : types) {
        out.addAll(events.getOrDefault(t, Set.of()));
      }
      return out;
    }

    /** Every id the events named, and those tried again. */
    Set<String> ids() {
      Set<String> out = new LinkedHashSet<>();
      events.values().forEach(out::addAll);
      out.addAll(retrying);
      return out;
    }
  }

  /**
   * A source that reads everything again whenever any event of {@code types} arrived: for
   * aggregates, whose items are made from all the records. An item that failed is tried again at
   * the next such event or whole read (not on every run: an item no longer made would otherwise
   * keep every run reading everything).
   */
  static <S> EventDrivenSource<S> wholeOnChange(TradingGridClient tradingGrid, Set<EventType> types, Duration fullReadEvery,
      Function<RunContext, List<S>> whole) {
    return new EventDrivenSource<>(tradingGrid, types, fullReadEvery, whole, (run, ids) -> whole.apply(run), null);
  }

  /**
   * {@link #wholeOnChange} for items that also change with time alone: {@code nextDue} gives,
   * for the items just read (all of them), the next instant one of them changes without any
   * event (or empty), and the first run at or after that instant reads everything again.
   */
  static <S> EventDrivenSource<S> wholeOnChangeOrDue(TradingGridClient tradingGrid, Set<EventType> types,
      Duration fullReadEvery, Function<RunContext, List<S>> whole, BiFunction<RunContext, List<S>, Optional<Instant>> nextDue) {
    return new EventDrivenSource<>(wholeOnChange(tradingGrid, types, fullReadEvery, whole), nextDue);
  }

  @Override
  public Iterable<Batch<S>> read(RunContext run) {
    Optional<String> checkpoint = run.checkpoint();
    Optional<Instant> wholeReadAt = checkpoint.flatMap(EventDrivenSource::wholeReadAt);
    Optional<String> cursor = wholeReadAt.isPresent() ? checkpoint.flatMap(EventDrivenSource::cursorOf) : Optional.empty();
    Optional<Instant> due = wholeReadAt.isPresent() ? checkpoint.flatMap(EventDrivenSource::dueAt) : Optional.empty();
    Instant now = run.startedAt();
    // the events first: whatever changes while the records are read is read again next time
    Changes changes = changesSince(cursor);
    boolean wholeRead = wholeReadAt.isEmpty() || changes.cursorLost || fullReadEvery.isZero()
        || !now.isBefore(wholeReadAt.get().plus(fullReadEvery)) || due.filter(d -> !now.isBefore(d)).isPresent();
    if (wholeRead) {
      List<S> items = whole.apply(run);
      return List.of(Batch.of(items, null, (long) items.size()),
          Batch.endOfWholeRead(position(now, nextDue.apply(run, items), changes.cursor)));
    }
    String next = position(wholeReadAt.get(), due, changes.cursor);
    Set<String> retrying = new LinkedHashSet<>();
    if (idOfKey != null) {
      run.retrying().forEach(key -> idOfKey.apply(key).ifPresent(retrying::add));
    }
    if (changes.events.isEmpty() && retrying.isEmpty()) {
      return next.equals(checkpoint.orElse(null)) ? List.of() : List.of(Batch.of(List.of(), next, 0L));
    }
    List<S> items = named.apply(run, new Named(changes.events, retrying));
    if (idOfKey == null) { // the whole again (wholeOnChange): what is due next follows from it
      next = position(wholeReadAt.get(), nextDue.apply(run, items), changes.cursor);
    }
    return List.of(Batch.of(items, next, (long) items.size()));
  }

  private record Changes(Map<EventType, Set<String>> events, Optional<String> cursor, boolean cursorLost) {}

  /** The resource ids of the chosen types in the events after {@code cursor}, and the cursor after them. */
  private Changes changesSince(Optional<String> start) {
    Map<EventType, Set<String>> ids = new EnumMap<>(EventType.class);
    String cursor = start.orElse(null);
    boolean lost = false;
    while (true) {
      CursorPage<Event> page;
      try {
        page = tradingGrid.events().page(cursor, null);
      } catch (ApiException e) {
        if (e.status() != 410 || cursor == null) {
          throw e;
        }
        LOG.warn("events cursor is past the feed's retention; reading everything and the feed from its oldest event");
        cursor = null;
        lost = true;
        continue;
      }
      for (Event e : page.items()) {
        if (types.contains(e.type())) {
          ids.computeIfAbsent(e.type(), t -> new LinkedHashSet<>()).add(e.resourceId());
        }
      }
      String following = page.nextCursor().orElse(cursor);
      boolean moved = !Objects.equals(following, cursor);
      cursor = following;
      if (page.items().isEmpty() || !moved) {
        return new Changes(ids, Optional.ofNullable(cursor), lost);
      }
    }
  }

  private static String position(Instant wholeReadAt, Optional<Instant> due, Optional<String> cursor) {
    return WHOLE + wholeReadAt + due.map(d -> DUE + d).orElse("") + EVENTS + cursor.orElse("");
  }

  /** When the checkpoint says the records were last read whole; empty for a checkpoint of another shape. */
  private static Optional<Instant> wholeReadAt(String checkpoint) {
    int events = checkpoint.indexOf(EVENTS);
    if (!checkpoint.startsWith(WHOLE) || events < 0) {
      if (!checkpoint.isEmpty()) {
        LOG.info("checkpoint {} is not one of an event-driven source; reading everything", LogSafe.quoted(checkpoint));
      }
      return Optional.empty();
    }
    int due = checkpoint.indexOf(DUE);
    try {
      return Optional.of(Instant.parse(checkpoint.substring(WHOLE.length(), due >= 0 && due < events ? due : events)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** When the checkpoint says something is due next; empty when nothing is. */
  private static Optional<Instant> dueAt(String checkpoint) {
    int events = checkpoint.indexOf(EVENTS);
    int due = checkpoint.indexOf(DUE);
    if (due < 0 || due > events) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(checkpoint.substring(due + DUE.length(), events)));
    } catch (DateTimeParseException e) {
      return Optional.empty(); // read as nothing due; the daily whole read still comes
    }
  }

  private static Optional<String> cursorOf(String checkpoint) {
    String cursor = checkpoint.substring(checkpoint.indexOf(EVENTS) + EVENTS.length());
    return cursor.isEmpty() ? Optional.empty() : Optional.of(cursor);
  }
}
