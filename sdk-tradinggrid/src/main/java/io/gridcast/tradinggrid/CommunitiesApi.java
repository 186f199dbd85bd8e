package io.gridcast.tradinggrid;

import io.gridcast.core.paging.Paginator;
import io.gridcast.tradinggrid.model.Community;

/** The communities the credentials can see. Obtain from {@link TradingGridClient#communities()}. Thread-safe. */
public final class CommunitiesApi {

  private final TradingGridContext ctx;

  CommunitiesApi(TradingGridContext ctx) {
    this.ctx = ctx;
  }

  /** Every community visible to the client, paged lazily. */
  public Paginator<Community> list() {
    return ctx.list(ctx.service::listCommunities);
  }

  /** One community. @throws io.gridcast.core.errors.NotFoundException if unknown or not visible */
  public Community get(String communityId) {
    return ctx.service.getCommunity(TradingGridContext.id("community id", communityId));
  }

  /** The community this client is scoped to. */
  public Community current() {
    return ctx.service.getCommunity(ctx.communityId);
  }
}
