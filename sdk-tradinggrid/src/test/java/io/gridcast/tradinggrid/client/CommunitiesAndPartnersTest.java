package io.gridcast.tradinggrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.core.errors.NotFoundException;
import io.gridcast.core.errors.PreconditionFailedException;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.tradinggrid.ListQuery;
import io.gridcast.tradinggrid.model.Community;
import io.gridcast.tradinggrid.model.OnboardingStage;
import io.gridcast.tradinggrid.model.Partner;
import io.gridcast.tradinggrid.model.PartnerCreate;
import io.gridcast.tradinggrid.model.PartnerGroup;
import io.gridcast.tradinggrid.model.PartnerGroupCreate;
import io.gridcast.tradinggrid.model.PartnerGroupUpdate;
import io.gridcast.tradinggrid.model.PartnerUpdate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Communities, partners and partner groups through the client, against the sandbox. */
class CommunitiesAndPartnersTest extends SandboxClientTest {

  @Test
  void listsTheCommunitiesOfTheTenantAndReadsTheCurrentOne() {
    List<Community> communities = tg.communities().list().stream().toList();
    assertThat(communities).extracting(Community::id).containsExactly(TradingGridSandbox.DEFAULT_COMMUNITY_ID);

    Community current = tg.communities().current();
    assertThat(current.id()).isEqualTo(TradingGridSandbox.DEFAULT_COMMUNITY_ID);
    assertThat(current.name()).isEqualTo("Halvorsen & Pike Supplier Community");
    assertThat(tg.communities().get(TradingGridSandbox.DEFAULT_COMMUNITY_ID)).isEqualTo(current);
  }

  @Test
  void anUnknownCommunityIsNotFound() {
    assertThatThrownBy(() -> tg.communities().get("c_nobody"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("[not_found]");
  }

  @Test
  void listsEveryPartnerAcrossEightPagesOfFive() {
    List<String> ids = tg.partners().list().stream().map(Partner::id).toList();

    assertThat(ids).containsExactlyInAnyOrderElementsOf(TradingGridDemoData.PARTNER_IDS);
    assertThat(requestsTo("GET", "/partners")).isEqualTo(8);
  }

  @Test
  void pagesLazilyFetchingOnlyThePagesThatAreRead() {
    var iterator = tg.partners().list().iterator();
    assertThat(requestsTo("GET", "/partners")).isZero();

    for (int i = 0; i < 11; i++) {
      iterator.next();
    }

    assertThat(requestsTo("GET", "/partners")).isEqualTo(3);
    assertThat(tg.partners().list().limit(5).stream().count()).isEqualTo(5);
    assertThat(requestsTo("GET", "/partners")).isEqualTo(4);
  }

  @Test
  void filtersPartnersByRegionStageAndGroup() {
    List<JsonNode> all = sandbox.resources(TradingGridResource.PARTNERS);

    assertThat(tg.partners().inRegion("EMEA").stream().map(Partner::id).toList())
        .hasSize(14)
        .containsExactlyInAnyOrderElementsOf(idsWhere(all, p -> p.path("region").asText().equals("EMEA")));
    assertThat(tg.partners().atStage(OnboardingStage.ACTIVE).stream().map(Partner::id).toList())
        .hasSize(15)
        .containsExactlyInAnyOrderElementsOf(idsWhere(all, p -> p.path("onboardingStage").asText().equals("active")));
    assertThat(tg.partners().inGroup(TradingGridDemoData.GROUP_GROCERY).stream().map(Partner::id).toList())
        .hasSize(10)
        .allSatisfy(id -> assertThat(tg.partners().get(id).groupIds()).contains(TradingGridDemoData.GROUP_GROCERY));
    assertThat(requestsTo("GET", "/partners")).isEqualTo(3 + 3 + 2);
  }

  @Test
  void combinesFiltersInOneQuery() {
    List<Partner> found = tg.partners()
        .list(ListQuery.create().with("region", "EMEA").with("onboardingStage", "active"))
        .stream().toList();

    assertThat(found).isNotEmpty().allSatisfy(p -> {
      assertThat(p.region()).isEqualTo("EMEA");
      assertThat(p.onboardingStage()).isEqualTo(OnboardingStage.ACTIVE);
    });
    assertThat(found).extracting(Partner::id).contains(TradingGridDemoData.PARTNER_DUNMORE);
  }

  @Test
  void createsAPartnerOnceForOneIdempotencyKeyAndFindsItByExternalRef() {
    PartnerCreate body = PartnerCreate.builder()
        .accountId("TGMS-4242-0001").name("Nordlicht Feinkost").region("EMEA")
        .onboardingStage(OnboardingStage.INVITED).addGroupIds(TradingGridDemoData.GROUP_EMEA)
        .contactEmail("edi@nordlicht.example").externalRef("crm:account:4242")
        .build();

    Partner first = tg.partners().create(body, "partner-nordlicht-1");
    Partner replay = tg.partners().create(body, "partner-nordlicht-1");

    assertThat(replay).isEqualTo(first);
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.groupIds()).containsExactly(TradingGridDemoData.GROUP_EMEA);
    assertThat(sandbox.countByExternalRef(TradingGridResource.PARTNERS, "crm:account:4242")).isEqualTo(1);
    assertThat(tg.partners().findByExternalRef("crm:account:4242")).contains(first);
    assertThat(tg.partners().findByExternalRef("crm:account:none")).isEmpty();
  }

  @Test
  void updatesAPartnerWithItsVersionAndRefusesAStaleOne() {
    Partner dunmore = tg.partners().get(TradingGridDemoData.PARTNER_DUNMORE);
    PartnerUpdate suspend = PartnerUpdate.builder().onboardingStage(OnboardingStage.SUSPENDED).build();

    Partner updated = tg.partners().update(dunmore.id(), suspend, dunmore.version());

    assertThat(updated.onboardingStage()).isEqualTo(OnboardingStage.SUSPENDED);
    assertThat(updated.version()).isEqualTo(dunmore.version() + 1);
    assertThatThrownBy(() -> tg.partners().update(dunmore.id(), suspend, dunmore.version()))
        .isInstanceOf(PreconditionFailedException.class)
        .satisfies(e -> {
          PreconditionFailedException p = (PreconditionFailedException) e;
          assertThat(p.status()).isEqualTo(412);
          assertThat(p.errorCode()).contains("version_conflict");
          assertThat(p.requestId()).isPresent();
        })
        .hasMessageContaining("current version is " + updated.version());
  }

  @Test
  void managesPartnerGroups() {
    PartnerGroup group = tg.partnerGroups().create(PartnerGroupCreate.builder()
        .name("Frozen food suppliers").description("Cold chain below -18 °C").externalRef("grp:frozen").build(), "grp-frozen");

    assertThat(tg.partnerGroups().get(group.id())).isEqualTo(group);
    PartnerGroup renamed = tg.partnerGroups().update(group.id(), PartnerGroupUpdate.builder().name("Frozen & chilled").build(), 1);
    assertThat(renamed.name()).isEqualTo("Frozen & chilled");
    assertThat(renamed.description()).contains("Cold chain below -18 °C");
    assertThat(tg.partnerGroups().findByExternalRef("grp:frozen")).map(PartnerGroup::version).contains(2L);

    Set<String> ids = tg.partnerGroups().list().stream().map(PartnerGroup::id).collect(Collectors.toSet());
    assertThat(ids).hasSize(9).contains(group.id(), TradingGridDemoData.GROUP_GROCERY, TradingGridDemoData.GROUP_EMEA);
    assertThat(requestsTo("GET", "/partner-groups")).isEqualTo(1 + 2);
  }

  private static List<String> idsWhere(List<JsonNode> all, java.util.function.Predicate<JsonNode> p) {
    return all.stream().filter(p).map(n -> n.path("id").asText()).toList();
  }
}
