package io.gridcast.tradinggrid;

import io.gridcast.tradinggrid.model.Campaign;
import io.gridcast.tradinggrid.model.CampaignCreate;
import io.gridcast.tradinggrid.model.CampaignUpdate;
import java.util.Set;

/**
 * Campaign workspaces: brief, approval documents, launch calendar, partner-specific instructions. Obtain from {@link TradingGridClient#campaigns()}. Thread-safe.
 *
 * <p>List filters: {@code status}, {@code updatedSince}, {@code externalRef}.
 */
public final class CampaignsApi extends VersionedResourceApi<Campaign, CampaignCreate, CampaignUpdate> {

  CampaignsApi(TradingGridContext ctx) {
    super(ctx, "campaign", "listCampaigns", Set.of("status", "updatedSince", "externalRef"), new Operations<>() {
      @Override
      public Campaign create(String communityId, String idempotencyKey, CampaignCreate body) {
        return ctx.service.createCampaign(communityId, idempotencyKey, body);
      }

      @Override
      public Campaign get(String communityId, String id) {
        return ctx.service.getCampaign(communityId, id);
      }

      @Override
      public Campaign update(String communityId, String id, String ifMatch, CampaignUpdate body) {
        return ctx.service.updateCampaign(communityId, id, ifMatch, body);
      }

      @Override
      public io.gridcast.tradinggrid.model.CursorPage<Campaign> list(String communityId, Integer limit, String cursor,
          java.util.Map<String, String> filters) {
        return ctx.service.listCampaigns(communityId, limit, cursor, filters);
      }
    });
  }
}
