package io.gridcast.tradinggrid;

import io.gridcast.core.paging.Paginator;
import io.gridcast.tradinggrid.model.CursorPage;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operations every versioned Active Community resource shares: create with an
 * idempotency key, get, update with {@code If-Match}, list with filters, find by
 * {@code externalRef}. Thread-safe.
 *
 * @param <M> the resource model
 * @param <C> its create body
 * @param <U> its update body
 */
public abstract class VersionedResourceApi<M, C, U> {

  /** The contract operations behind one resource type. */
  interface Operations<M, C, U> {
    M create(String communityId, String idempotencyKey, C body);

    M get(String communityId, String id);

    M update(String communityId, String id, String ifMatch, U body);

    CursorPage<M> list(String communityId, Integer limit, String cursor, Map<String, String> filters);
  }

  final TradingGridContext ctx;
  private final String label;
  private final String listOperation;
  private final Set<String> filters;
  private final Operations<M, C, U> ops;

  VersionedResourceApi(TradingGridContext ctx, String label, String listOperation, Set<String> filters,
      Operations<M, C, U> ops) {
    this.ctx = ctx;
    this.label = label;
    this.listOperation = listOperation;
    this.filters = filters;
    this.ops = ops;
  }

  /**
   * Creates the resource.
   *
   * @param idempotencyKey makes the create safe to retry: the same key and body return the
   *     original result. {@code null} for none, in which case a failed create is not retried.
   * @throws io.gridcast.core.errors.BadRequestException when the key was used with another body
   *     (422 {@code idempotency_key_reused}) or the body is invalid
   */
  public M create(C body, String idempotencyKey) {
    return ops.create(ctx.communityId, TradingGridContext.idempotencyKey(idempotencyKey), body);
  }

  /**
   * One resource by id.
   *
   * @throws io.gridcast.core.errors.NotFoundException if it does not exist
   * @throws IllegalArgumentException if the id is not 1-64 characters of A-Z a-z 0-9 _ -
   */
  public M get(String id) {
    return ops.get(ctx.communityId, TradingGridContext.id(label + " id", id));
  }

  /**
   * Updates the resource whose current version is {@code version}; the answer carries the new
   * version.
   *
   * @throws io.gridcast.core.errors.PreconditionFailedException when {@code version} is stale
   *     (412 {@code version_conflict}): read the resource again and re-apply the change
   */
  public M update(String id, U body, long version) {
    return ops.update(ctx.communityId, TradingGridContext.id(label + " id", id), TradingGridContext.ifMatch(version), body);
  }

  /** Every resource of this type, paged lazily. */
  public Paginator<M> list() {
    return list(ListQuery.create());
  }

  /**
   * The resources matching {@code query}, paged lazily.
   *
   * @throws IllegalArgumentException for a filter this list does not accept
   */
  public Paginator<M> list(ListQuery query) {
    return ctx.list(listOperation, query, filters, (limit, cursor, f) -> ops.list(ctx.communityId, limit, cursor, f));
  }

  /**
   * The resource created with this {@code externalRef}, if any (the first in list order when
   * several carry it: the contract does not enforce uniqueness).
   *
   * @throws IllegalArgumentException if {@code externalRef} is missing, blank or longer than 512 characters
   */
  public Optional<M> findByExternalRef(String externalRef) {
    return list(TradingGridContext.byExternalRef(externalRef)).limit(1).stream().findFirst();
  }

  /** The filters {@link #list(ListQuery)} accepts. */
  public Set<String> filters() {
    return filters;
  }
}
