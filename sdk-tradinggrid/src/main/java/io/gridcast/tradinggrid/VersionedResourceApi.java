package io.gridcast.tradinggrid;

import io.gridcast.core.errors.PreconditionFailedException;
import io.gridcast.core.paging.Paginator;
import io.gridcast.tradinggrid.model.CursorPage;
import io.gridcast.tradinggrid.model.Versioned;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The operations every versioned Active Community resource shares: create with an
 * idempotency key, get, update with {@code If-Match}, list with filters, find by
 * {@code externalRef}. Thread-safe.
 *
 * @param <M> the resource model
 * @param <C> its create body
 * @param <U> its update body
 */
public abstract class VersionedResourceApi<M extends Versioned, C, U> {

  /**
   * How many times {@link #update(String, Function)} (and {@link #replace}) sends its change in all
   * before it gives up on {@code 412}s: {@value}.
   */
  public static final int MAX_UPDATE_ATTEMPTS = 3;

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

  /**
   * Changes the resource as it stands: reads it, asks {@code change} for the update to send
   * (empty when the resource already is as wanted: nothing is sent and the resource as read is
   * returned), and sends it with {@code If-Match} on the version read. When someone else wrote the
   * resource meanwhile ({@code 412}), it is read again and {@code change} is asked again on what
   * is there now, so their edit is kept rather than overwritten; after {@value
   * #MAX_UPDATE_ATTEMPTS} refused sends the last {@code 412} is thrown. This is the one rule every
   * {@code If-Match} writer in Gridcast follows.
   *
   * <pre>{@code
   * Issue linked = tradingGrid.issues().update(issueId, issue -> issue.links().contains(link)
   *     ? Optional.empty()
   *     : Optional.of(IssueUpdate.builder().links(plus(issue.links(), link)).build()));
   * }</pre>
   *
   * @param change a function of the current resource, called once per attempt; it must not
   *     write anything itself
   * @return the resource after the update (or as read, when nothing needed sending)
   * @throws io.gridcast.core.errors.PreconditionFailedException when every attempt met a newer version
   * @throws io.gridcast.core.errors.NotFoundException if the resource does not exist
   */
  public M update(String id, Function<? super M, Optional<U>> change) {
    return update(get(id), change);
  }

  /**
   * As {@link #update(String, Function)}, starting from {@code current}, a copy of the resource
   * the caller read already (saving one read when it is still current).
   */
  public M update(M current, Function<? super M, Optional<U>> change) {
    Objects.requireNonNull(current, "current");
    return converge(current.id(), current, current.version(), Objects.requireNonNull(change, "change"));
  }

  /**
   * Replaces what {@code body} sets, whatever is there now: sends it with {@code If-Match} on
   * {@code lastSeenVersion} (the version the caller last wrote or read, so that no read is spent
   * when nobody else wrote since) and, on a {@code 412}, reads the current version and sends it
   * again, by the rule of {@link #update(String, Function)}.
   *
   * @return the resource after the update
   * @throws io.gridcast.core.errors.PreconditionFailedException when every attempt met a newer version
   */
  public M replace(String id, U body, long lastSeenVersion) {
    Objects.requireNonNull(body, "body");
    return converge(id, null, lastSeenVersion, resource -> Optional.of(body));
  }

  /** The one loop behind every If-Match write: send, and on 412 read again and work the change out again. */
  private M converge(String id, M resource, long version, Function<? super M, Optional<U>> change) {
    for (int attempt = 1; ; attempt++) {
      Optional<U> body = Objects.requireNonNull(change.apply(resource), "change returned null; return Optional.empty() for none");
      if (body.isEmpty()) {
        return resource;
      }
      try {
        return update(id, body.get(), version);
      } catch (PreconditionFailedException stale) {
        if (attempt >= MAX_UPDATE_ATTEMPTS) {
          throw stale;
        }
        resource = get(id); // written by someone else meanwhile: change what is there now
        version = resource.version();
      }
    }
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
