package io.gridcast.tradinggrid;

import io.gridcast.core.paging.Paginator;
import io.gridcast.tradinggrid.model.Approval;
import io.gridcast.tradinggrid.model.ApprovalCreate;
import io.gridcast.tradinggrid.model.ApprovalDecisionCreate;
import io.gridcast.tradinggrid.model.ApprovalResubmission;
import io.gridcast.tradinggrid.model.AuditEntry;
import io.gridcast.tradinggrid.model.AuditEntryCreate;
import java.util.Optional;
import java.util.Set;

/**
 * Approval requests for content packages, role decisions, and the append-only audit trail.
 * Obtain from {@link TradingGridClient#approvals()}. Thread-safe. List filters:
 * {@code status}, {@code updatedSince}, {@code externalRef}.
 */
public final class ApprovalsApi {

  private static final Set<String> FILTERS = Set.of("status", "updatedSince", "externalRef");

  private final TradingGridContext ctx;

  ApprovalsApi(TradingGridContext ctx) {
    this.ctx = ctx;
  }

  /** Requests approval of a content package by the required roles. */
  public Approval create(ApprovalCreate body, String idempotencyKey) {
    return ctx.service.createApproval(ctx.communityId, TradingGridContext.idempotencyKey(idempotencyKey), body);
  }

  /**
   * One approval request.
   *
   * @throws IllegalArgumentException if the id is not 1-64 characters of {@code A-Z a-z 0-9 _ -}
   * @throws io.gridcast.core.errors.NotFoundException if it does not exist
   */
  public Approval get(String approvalId) {
    return ctx.service.getApproval(ctx.communityId, TradingGridContext.id("approval id", approvalId));
  }

  /**
   * Approval requests matching {@code query}, paged lazily.
   *
   * @throws IllegalArgumentException if {@code query} filters by anything but {@code status},
   *     {@code updatedSince}, {@code externalRef}
   */
  public Paginator<Approval> list(ListQuery query) {
    return ctx.list("listApprovals", query, FILTERS,
        (limit, cursor, f) -> ctx.service.listApprovals(ctx.communityId, limit, cursor, f));
  }

  /** The approval created with this {@code externalRef}, if any. */
  public Optional<Approval> findByExternalRef(String externalRef) {
    return list(TradingGridContext.byExternalRef(externalRef)).limit(1).stream().findFirst();
  }

  /**
   * Records one role's decision; the answer is the approval with its new status.
   *
   * @throws io.gridcast.core.errors.ConflictException when the approval is already decided
   */
  public Approval decide(String approvalId, ApprovalDecisionCreate decision, String idempotencyKey) {
    return ctx.service.createApprovalDecision(ctx.communityId, TradingGridContext.id("approval id", approvalId),
        TradingGridContext.idempotencyKey(idempotencyKey), decision);
  }

  /**
   * Resubmits a revised package for another round of review: the approval keeps its id and
   * {@code externalRef}, its {@link Approval#round() round} grows by one and its status returns
   * to pending; earlier rounds' decisions stay but no longer count. The answer is the approval
   * after it.
   *
   * @param idempotencyKey keeps a retried resubmission single; derive it from the round being
   *     replaced and the revised content, so that a later revision is never taken for a retry
   * @throws io.gridcast.core.errors.BadRequestException (422) when the approval is not rejected or sent
   *     back with changes requested (only those can be resubmitted)
   */
  public Approval resubmit(String approvalId, ApprovalResubmission resubmission, String idempotencyKey) {
    return ctx.service.resubmitApproval(ctx.communityId, TradingGridContext.id("approval id", approvalId),
        TradingGridContext.idempotencyKey(idempotencyKey), resubmission);
  }

  /** The audit trail, oldest first. Entries are never changed or removed. */
  public Paginator<AuditEntry> audit(String approvalId) {
    String id = TradingGridContext.id("approval id", approvalId);
    return ctx.list((limit, cursor) -> ctx.service.listApprovalAudit(ctx.communityId, id, limit, cursor));
  }

  /** Appends an entry to the audit trail; {@code idempotencyKey} keeps a retried append single. */
  public AuditEntry appendAudit(String approvalId, AuditEntryCreate entry, String idempotencyKey) {
    return ctx.service.appendApprovalAudit(ctx.communityId, TradingGridContext.id("approval id", approvalId),
        TradingGridContext.idempotencyKey(idempotencyKey), entry);
  }
}
