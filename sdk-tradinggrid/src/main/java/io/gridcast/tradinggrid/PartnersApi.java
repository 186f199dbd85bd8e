package io.gridcast.tradinggrid;

import io.gridcast.core.paging.Paginator;
import io.gridcast.tradinggrid.model.OnboardingStage;
import io.gridcast.tradinggrid.model.Partner;
import io.gridcast.tradinggrid.model.PartnerCreate;
import io.gridcast.tradinggrid.model.PartnerUpdate;
import java.util.Set;

/**
 * Trading partners of the community. Obtain from {@link TradingGridClient#partners()}. Thread-safe.
 *
 * <p>List filters: {@code region}, {@code onboardingStage}, {@code groupId}, {@code accountId}, {@code externalRef}.
 */
public final class PartnersApi extends VersionedResourceApi<Partner, PartnerCreate, PartnerUpdate> {

  PartnersApi(TradingGridContext ctx) {
    super(ctx, "partner", "listPartners", Set.of("region", "onboardingStage", "groupId", "accountId", "externalRef"), new Operations<>() {
      @Override
      public Partner create(String communityId, String idempotencyKey, PartnerCreate body) {
        return ctx.service.createPartner(communityId, idempotencyKey, body);
      }

      @Override
      public Partner get(String communityId, String id) {
        return ctx.service.getPartner(communityId, id);
      }

      @Override
      public Partner update(String communityId, String id, String ifMatch, PartnerUpdate body) {
        return ctx.service.updatePartner(communityId, id, ifMatch, body);
      }

      @Override
      public io.gridcast.tradinggrid.model.CursorPage<Partner> list(String communityId, Integer limit, String cursor,
          java.util.Map<String, String> filters) {
        return ctx.service.listPartners(communityId, limit, cursor, filters);
      }
    });
  }

  /** Partners in a region. */
  public Paginator<Partner> inRegion(String region) {
    return list(ListQuery.create().with("region", region));
  }

  /**
   * Partners at an onboarding stage.
   *
   * @throws IllegalArgumentException if {@code stage} is null
   */
  public Paginator<Partner> atStage(OnboardingStage stage) {
    if (stage == null) {
      throw new IllegalArgumentException("onboarding stage is missing: pass the OnboardingStage to list partners at");
    }
    return list(ListQuery.create().with("onboardingStage", stage.wireValue()));
  }

  /** Members of a partner group. */
  public Paginator<Partner> inGroup(String groupId) {
    return list(ListQuery.create().with("groupId", TradingGridContext.id("group id", groupId)));
  }
}
