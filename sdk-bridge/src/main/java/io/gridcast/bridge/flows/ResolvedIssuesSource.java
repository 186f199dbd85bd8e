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
 * Reads {@code issue.resolved} events from the community's events feed after the checkpoint
 * (the feed's cursor), one page per batch, and yields each referenced issue as it is now, once
 * per page, when it is still resolved (or closed) and of a chosen type. The batch's checkpoint is
 * the page's next cursor, saved by the bridge only once the batch is committed. A cursor past
 * the feed's retention (410) starts again from the oldest retained event: the ledger makes the
 * re-read harmless. Thread-safe.
 */
final class ResolvedIssuesSource implements Source<Issue> {

  private static final Logger LOG = LoggerFactory.getLogger(ResolvedIssuesSource.class);

  private final TradingGridClient tradingGrid;
  private final Set<IssueType> types;

  ResolvedIssuesSource(TradingGridClient tradingGrid, Set<IssueType> types) {
    this.tradingGrid = tradingGrid;
    this.types = Set.copyOf(types);
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
          return tradingGrid.events().page(cursor, EventType.ISSUE_RESOLVED);
        } catch (ApiException e) {
          if (e.status() != 410 || cursor == null) {
            throw e;
          }
          LOG.warn("events cursor is past the feed's retention; reading again from the oldest retained event");
          cursor = null;
          return tradingGrid.events().page(null, EventType.ISSUE_RESOLVED);
        }
      }
    };
  }

  private List<Issue> issuesOf(List<Event> events) {
    Set<String> ids = new LinkedHashSet<>();
    for (Event e : events) {
      if ("issue".equals(e.resourceType())) {
        ids.add(e.resourceId());
      }
    }
    List<Issue> issues = new ArrayList<>(ids.size());
    for (String id : ids) {
      lookup(id).ifPresent(issues::add);
    }
    return issues;
  }

  /** The issue as it is now, when it qualifies for an audio update. */
  Optional<Issue> lookup(String issueId) {
    Issue issue;
    try {
      issue = tradingGrid.issues().get(issueId);
    } catch (NotFoundException e) {
      LOG.info("issue {} no longer exists; no audio update", issueId);
      return Optional.empty();
    }
    boolean resolved = issue.status() == IssueStatus.RESOLVED || issue.status() == IssueStatus.CLOSED;
    if (!resolved || !types.contains(issue.type())) {
      LOG.debug("issue {} is {} {}; no audio update", issueId, issue.status(), issue.type());
      return Optional.empty();
    }
    return Optional.of(issue);
  }
}
