package io.gridcast.tradinggrid;

import io.gridcast.tradinggrid.model.Site;
import io.gridcast.tradinggrid.model.SiteCreate;
import io.gridcast.tradinggrid.model.SiteUpdate;
import java.util.Set;

/**
 * Business-music sites: locations with a playlist, licence documents and a rollout date. Obtain from {@link TradingGridClient#sites()}. Thread-safe.
 *
 * <p>List filters: {@code region}, {@code status}, {@code externalRef}.
 */
public final class SitesApi extends VersionedResourceApi<Site, SiteCreate, SiteUpdate> {

  SitesApi(TradingGridContext ctx) {
    super(ctx, "site", "listSites", Set.of("region", "status", "externalRef"), new Operations<>() {
      @Override
      public Site create(String communityId, String idempotencyKey, SiteCreate body) {
        return ctx.service.createSite(communityId, idempotencyKey, body);
      }

      @Override
      public Site get(String communityId, String id) {
        return ctx.service.getSite(communityId, id);
      }

      @Override
      public Site update(String communityId, String id, String ifMatch, SiteUpdate body) {
        return ctx.service.updateSite(communityId, id, ifMatch, body);
      }

      @Override
      public io.gridcast.tradinggrid.model.CursorPage<Site> list(String communityId, Integer limit, String cursor,
          java.util.Map<String, String> filters) {
        return ctx.service.listSites(communityId, limit, cursor, filters);
      }
    });
  }
}
