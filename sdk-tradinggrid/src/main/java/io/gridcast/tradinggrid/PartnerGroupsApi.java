package io.gridcast.tradinggrid;

import io.gridcast.tradinggrid.model.PartnerGroup;
import io.gridcast.tradinggrid.model.PartnerGroupCreate;
import io.gridcast.tradinggrid.model.PartnerGroupUpdate;
import java.util.Set;

/**
 * Partner groups (by region, onboarding stage, or any grouping the community uses). Obtain from {@link TradingGridClient#partnerGroups()}. Thread-safe.
 *
 * <p>List filters: {@code externalRef}.
 */
public final class PartnerGroupsApi extends VersionedResourceApi<PartnerGroup, PartnerGroupCreate, PartnerGroupUpdate> {

  PartnerGroupsApi(TradingGridContext ctx) {
    super(ctx, "partner group", "listPartnerGroups", Set.of("externalRef"), new Operations<>() {
      @Override
      public PartnerGroup create(String communityId, String idempotencyKey, PartnerGroupCreate body) {
        return ctx.service.createPartnerGroup(communityId, idempotencyKey, body);
      }

      @Override
      public PartnerGroup get(String communityId, String id) {
        return ctx.service.getPartnerGroup(communityId, id);
      }

      @Override
      public PartnerGroup update(String communityId, String id, String ifMatch, PartnerGroupUpdate body) {
        return ctx.service.updatePartnerGroup(communityId, id, ifMatch, body);
      }

      @Override
      public io.gridcast.tradinggrid.model.CursorPage<PartnerGroup> list(String communityId, Integer limit, String cursor,
          java.util.Map<String, String> filters) {
        return ctx.service.listPartnerGroups(communityId, limit, cursor, filters);
      }
    });
  }
}
