package io.gridcast.tradinggrid;

import io.gridcast.core.paging.Paginator;
import io.gridcast.tradinggrid.model.Message;
import io.gridcast.tradinggrid.model.MessageCreate;
import io.gridcast.tradinggrid.model.Thread;
import io.gridcast.tradinggrid.model.ThreadCreate;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Discussion threads and their messages. Obtain from {@link TradingGridClient#threads()}.
 * Thread-safe. Thread list filters: {@code postId}, {@code externalRef}; message list filters:
 * {@code since}, {@code externalRef}.
 */
public final class ThreadsApi {

  private static final Set<String> FILTERS = Set.of("postId", "externalRef");
  private static final Set<String> MESSAGE_FILTERS = Set.of("since", "externalRef");

  private final TradingGridContext ctx;

  ThreadsApi(TradingGridContext ctx) {
    this.ctx = ctx;
  }

  /** Opens a thread; {@code idempotencyKey} makes it safe to retry ({@code null} for none). */
  public Thread create(ThreadCreate body, String idempotencyKey) {
    return ctx.service.createThread(ctx.communityId, TradingGridContext.idempotencyKey(idempotencyKey), body);
  }

  /**
   * One thread.
   *
   * @throws IllegalArgumentException if the id is not 1-64 characters of {@code A-Z a-z 0-9 _ -}
   * @throws io.gridcast.core.errors.NotFoundException if it does not exist
   */
  public Thread get(String threadId) {
    return ctx.service.getThread(ctx.communityId, TradingGridContext.id("thread id", threadId));
  }

  /**
   * Threads matching {@code query}, paged lazily.
   *
   * @throws IllegalArgumentException if {@code query} filters by anything but {@code postId},
   *     {@code externalRef}
   */
  public Paginator<Thread> list(ListQuery query) {
    return ctx.list("listThreads", query, FILTERS,
        (limit, cursor, f) -> ctx.service.listThreads(ctx.communityId, limit, cursor, f));
  }

  /** The thread created with this {@code externalRef}, if any. */
  public Optional<Thread> findByExternalRef(String externalRef) {
    return list(TradingGridContext.byExternalRef(externalRef)).limit(1).stream().findFirst();
  }

  /** Posts a message; {@code idempotencyKey} as for {@link #create}. */
  public Message post(String threadId, MessageCreate body, String idempotencyKey) {
    return ctx.service.createThreadMessage(ctx.communityId, TradingGridContext.id("thread id", threadId),
        TradingGridContext.idempotencyKey(idempotencyKey), body);
  }

  /** A thread's messages, oldest first, created at or after {@code since} ({@code null} for all). */
  public Paginator<Message> messages(String threadId, Instant since) {
    String id = TradingGridContext.id("thread id", threadId);
    return ctx.list("listThreadMessages", ListQuery.create().since(since), MESSAGE_FILTERS,
        (limit, cursor, f) -> ctx.service.listThreadMessages(ctx.communityId, id, limit, cursor, f));
  }
}
