package io.gridcast.tradinggrid;

import io.gridcast.core.paging.Paginator;
import io.gridcast.tradinggrid.model.Issue;
import io.gridcast.tradinggrid.model.IssueComment;
import io.gridcast.tradinggrid.model.IssueCommentCreate;
import io.gridcast.tradinggrid.model.IssueCreate;
import io.gridcast.tradinggrid.model.IssueStatus;
import io.gridcast.tradinggrid.model.IssueUpdate;
import java.time.Instant;
import java.util.Set;

/**
 * The trading-issue log: trading issues, process changes, feedback and support cases. Obtain from {@link TradingGridClient#issues()}. Thread-safe.
 *
 * <p>List filters: {@code status}, {@code type}, {@code updatedSince}, {@code partnerId}, {@code region}, {@code externalRef}.
 */
public final class IssuesApi extends VersionedResourceApi<Issue, IssueCreate, IssueUpdate> {

  IssuesApi(TradingGridContext ctx) {
    super(ctx, "issue", "listIssues", Set.of("status", "type", "updatedSince", "partnerId", "region", "externalRef"), new Operations<>() {
      @Override
      public Issue create(String communityId, String idempotencyKey, IssueCreate body) {
        return ctx.service.createIssue(communityId, idempotencyKey, body);
      }

      @Override
      public Issue get(String communityId, String id) {
        return ctx.service.getIssue(communityId, id);
      }

      @Override
      public Issue update(String communityId, String id, String ifMatch, IssueUpdate body) {
        return ctx.service.updateIssue(communityId, id, ifMatch, body);
      }

      @Override
      public io.gridcast.tradinggrid.model.CursorPage<Issue> list(String communityId, Integer limit, String cursor,
          java.util.Map<String, String> filters) {
        return ctx.service.listIssues(communityId, limit, cursor, filters);
      }
    });
  }

  /** Issues in a status, updated at or after {@code updatedSince} ({@code null} for any time). */
  public Paginator<Issue> list(IssueStatus status, Instant updatedSince) {
    return list(ListQuery.create().with("status", status == null ? null : status.wireValue()).updatedSince(updatedSince));
  }

  /** The comments on an issue, oldest first, paged lazily. */
  public Paginator<IssueComment> comments(String issueId) {
    String id = TradingGridContext.id("issue id", issueId);
    return ctx.list("listIssueComments", ListQuery.create(), Set.of(),
        (limit, cursor, f) -> ctx.service.listIssueComments(ctx.communityId, id, limit, cursor, f));
  }

  /** Comments on an issue; {@code idempotencyKey} as for {@link #create}. */
  public IssueComment comment(String issueId, IssueCommentCreate body, String idempotencyKey) {
    return ctx.service.createIssueComment(ctx.communityId, TradingGridContext.id("issue id", issueId),
        TradingGridContext.idempotencyKey(idempotencyKey), body);
  }
}
