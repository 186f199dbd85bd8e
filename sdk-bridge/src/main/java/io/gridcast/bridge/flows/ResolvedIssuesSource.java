package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Batch;
import io.gridcast.bridge.Source;
import io.gridcast.core.errors.ApiException;
import io.gridcast.core.errors.NotFoundException;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.CursorPage;
import io.gridcast.tradinggrid.model.Event;
import io.gridcast.tradinggrid.model.EventType;
import io.gridcast.tradinggrid.model.Issue;
import io.gridcast.tradinggrid.model.IssueStatus;
import io.gridcast.tradinggrid.model.IssueType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code issue.resolved} events and, when process changes are published when introduced,
 * {@code issue.created} events (one request for both) from the community's events feed after the
 * checkpoint (the feed's cursor), one page per batch, and yields each referenced issue as it is
 * now, once per page, when it qualifies: a trading issue (or any other chosen type) that is
 * resolved or closed, or a process change in any status when introductions count. A created event
 * of another type is passed over by the type its data names, without reading the issue. The
 * batch's checkpoint is the page's next cursor, saved by the bridge only once the batch is
 * committed. A cursor past the feed's retention (410) starts again from the oldest retained
 * event: the ledger makes the re-read harmless. Thread-safe.
 */
final class ResolvedIssuesSource implements Source<Issue> {

  private static final Logger LOG = LoggerFactory.getLogger(ResolvedIssuesSource.class);

  private final TradingGridClient tradingGrid;
  private final Set<IssueType> types;
  private final boolean introductions;
  private final Set<EventType> events;

  /**
   * @param introductions whether a process change qualifies when introduced (any status), not
   *     only when resolved
   */
  ResolvedIssuesSource(TradingGridClient tradingGrid, Set<IssueType> types, boolean introductions) {
    this.tradingGrid = tradingGrid;
    this.types = Set.copyOf(types);
    this.introductions = introductions && types.contains(IssueType.PROCESS_CHANGE);
    this.events = this.introductions ? Set.of(EventType.ISSUE_RESOLVED, EventType.ISSUE_CREATED)
        : Set.of(EventType.ISSUE_RESOLVED);
  }

  /** The event types this source reads. */
  Set<EventType> eventTypes() {
    return events;
  }

  /**
   * Whether {@code event} may concern an issue this source yields: an issue's resolution, or the
   * creation of a process change (by the type its data names) when introductions count.
   */
  boolean concerns(Event event) {
    if (!"issue".equals(event.resourceType()) || !events.contains(event.type())) {
      return false;
    }
    return event.type() != EventType.ISSUE_CREATED
        || IssueType.PROCESS_CHANGE.wireValue().equals(event.data().path("type").asText());
  }

  @Override
  public Iterable<Batch<Issue>> read(RunContext run) {
    Optional<String> checkpoint = run.checkpoint();
    return () -> new Iterator<>() {
      private String cursor = checkpoint.orElse(null);
      private Batch<Issue> next;
      private boolean done;

      @Override
      public boolean hasNext() {
        if (next == null && !done) {
          CursorPage<Event> page = page();
          String following = page.nextCursor().orElse(null);
          if (page.items().isEmpty() || following == null || following.equals(cursor)) {
            done = true; // caught up: nothing new, or the last page
          }
          if (!page.items().isEmpty()) {
            next = Batch.of(issuesOf(page.items()), following == null ? cursor : following, null);
          }
          cursor = following == null ? cursor : following;
        }
        return next != null;
      }

      @Override
      public Batch<Issue> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Batch<Issue> b = next;
        next = null;
        return b;
      }

      private CursorPage<Event> page() {
        try {
          return tradingGrid.events().pageOfAny(cursor, events);
        } catch (ApiException e) {
          if (e.status() != 410 || cursor == null) {
            throw e;
          }
          LOG.warn("events cursor is past the feed's retention; reading again from the oldest retained event");
          cursor = null;
          return tradingGrid.events().pageOfAny(null, events);
        }
      }
    };
  }

  private List<Issue> issuesOf(List<Event> events) {
    Set<String> ids = new LinkedHashSet<>();
    for (Event e : events) {
      if (concerns(e)) {
        ids.add(e.resourceId());
      }
    }
    List<Issue> issues = new ArrayList<>(ids.size());
    for (String id : ids) {
      lookup(id).ifPresent(issues::add);
    }
    return issues;
  }

  /**
   * The issue as it is now, when it qualifies for an audio update: of a chosen type, and resolved
   * or closed, or a process change in any status when introductions count.
   */
  Optional<Issue> lookup(String issueId) {
    Issue issue;
    try {
      issue = tradingGrid.issues().get(issueId);
    } catch (NotFoundException e) {
      LOG.info("issue {} no longer exists; no audio update", issueId);
      return Optional.empty();
    }
    boolean resolved = issue.status() == IssueStatus.RESOLVED || issue.status() == IssueStatus.CLOSED;
    boolean introduced = introductions && issue.type() == IssueType.PROCESS_CHANGE;
    if (!(resolved || introduced) || !types.contains(issue.type())) {
      LOG.debug("issue {} is {} {}; no audio update", issueId, issue.status(), issue.type());
      return Optional.empty();
    }
    return Optional.of(issue);
  }
}
