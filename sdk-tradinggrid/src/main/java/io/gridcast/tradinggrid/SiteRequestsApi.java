package io.gridcast.tradinggrid;

import io.gridcast.tradinggrid.model.SiteRequest;
import io.gridcast.tradinggrid.model.SiteRequestComment;
import io.gridcast.tradinggrid.model.SiteRequestCommentCreate;
import io.gridcast.tradinggrid.model.SiteRequestCreate;
import io.gridcast.tradinggrid.model.SiteRequestUpdate;
import java.util.Set;

/**
 * Requests about sites: new site, playlist change, licence, support. Obtain from {@link TradingGridClient#siteRequests()}. Thread-safe.
 *
 * <p>List filters: {@code siteId}, {@code type}, {@code status}, {@code updatedSince}, {@code externalRef}.
 */
public final class SiteRequestsApi extends VersionedResourceApi<SiteRequest, SiteRequestCreate, SiteRequestUpdate> {

  SiteRequestsApi(TradingGridContext ctx) {
    super(ctx, "site request", "listSiteRequests", Set.of("siteId", "type", "status", "updatedSince", "externalRef"), new Operations<>() {
      @Override
      public SiteRequest create(String communityId, String idempotencyKey, SiteRequestCreate body) {
        return ctx.service.createSiteRequest(communityId, idempotencyKey, body);
      }

      @Override
      public SiteRequest get(String communityId, String id) {
        return ctx.service.getSiteRequest(communityId, id);
      }

      @Override
      public SiteRequest update(String communityId, String id, String ifMatch, SiteRequestUpdate body) {
        return ctx.service.updateSiteRequest(communityId, id, ifMatch, body);
      }

      @Override
      public io.gridcast.tradinggrid.model.CursorPage<SiteRequest> list(String communityId, Integer limit, String cursor,
          java.util.Map<String, String> filters) {
        return ctx.service.listSiteRequests(communityId, limit, cursor, filters);
      }
    });
  }

  /** Comments on a site request, e.g. why it was refused; {@code idempotencyKey} as for {@link #create}. */
  public SiteRequestComment comment(String siteRequestId, SiteRequestCommentCreate body, String idempotencyKey) {
    return ctx.service.createSiteRequestComment(ctx.communityId, TradingGridContext.id("site request id", siteRequestId),
        TradingGridContext.idempotencyKey(idempotencyKey), body);
  }
}
