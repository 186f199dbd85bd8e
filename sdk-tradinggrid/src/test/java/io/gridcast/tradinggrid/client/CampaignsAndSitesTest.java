package io.gridcast.tradinggrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.tradinggrid.ListQuery;
import io.gridcast.tradinggrid.model.Campaign;
import io.gridcast.tradinggrid.model.CampaignCreate;
import io.gridcast.tradinggrid.model.CampaignStatus;
import io.gridcast.tradinggrid.model.CampaignType;
import io.gridcast.tradinggrid.model.CampaignUpdate;
import io.gridcast.tradinggrid.model.Milestone;
import io.gridcast.tradinggrid.model.MilestoneStatus;
import io.gridcast.tradinggrid.model.PartnerInstruction;
import io.gridcast.tradinggrid.model.Site;
import io.gridcast.tradinggrid.model.SiteCreate;
import io.gridcast.tradinggrid.model.SiteRequest;
import io.gridcast.tradinggrid.model.SiteRequestComment;
import io.gridcast.tradinggrid.model.SiteRequestCommentCreate;
import io.gridcast.tradinggrid.model.SiteRequestCreate;
import io.gridcast.tradinggrid.model.SiteRequestStatus;
import io.gridcast.tradinggrid.model.SiteRequestType;
import io.gridcast.tradinggrid.model.SiteRequestUpdate;
import io.gridcast.tradinggrid.model.SiteStatus;
import io.gridcast.tradinggrid.model.SiteUpdate;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Campaign workspaces, business-music sites and site requests through the client, against the sandbox. */
class CampaignsAndSitesTest extends SandboxClientTest {

  @Test
  void createsACampaignWorkspaceAndMovesItsCalendarOn() {
    Campaign campaign = tg.campaigns().create(CampaignCreate.builder()
        .name("Winter Warmers").brief("Four episodes on winter ranges.")
        .addMilestones(Milestone.builder().id("brief").title("Brief signed off").dueDate(LocalDate.of(2026, 11, 1))
            .status(MilestoneStatus.PLANNED).build())
        .addPartnerInstructions(PartnerInstruction.builder().partnerId(TradingGridDemoData.PARTNER_DUNMORE)
            .instructions("Deliver display units by 20 November.").build())
        .addSpotifyRefs("spotify:show:5CfCWKI5pZ28U0uOzXkDHe")
        .externalRef("campaign:winter").build(), "campaign-winter");
    assertThat(campaign.status()).isEqualTo(CampaignStatus.DRAFT);

    Campaign launched = tg.campaigns().update(campaign.id(), CampaignUpdate.builder()
        .status(CampaignStatus.ACTIVE)
        .milestones(List.of(Milestone.builder().from(campaign.milestones().get(0)).status(MilestoneStatus.DONE).build()))
        .build(), campaign.version());

    assertThat(launched.status()).isEqualTo(CampaignStatus.ACTIVE);
    assertThat(launched.milestones()).extracting(Milestone::status).containsExactly(MilestoneStatus.DONE);
    assertThat(launched.partnerInstructions()).isEqualTo(campaign.partnerInstructions());
    assertThat(tg.campaigns().get(campaign.id())).isEqualTo(launched);
    assertThat(tg.campaigns().findByExternalRef("campaign:winter")).contains(launched);
    assertThat(tg.campaigns().list(ListQuery.create().with("status", "active")).stream()).extracting(Campaign::id)
        .containsExactlyInAnyOrder(TradingGridDemoData.CAMPAIGN_SUMMER_SOUNDS, TradingGridDemoData.CAMPAIGN_COLD_BREW, campaign.id());
    assertThat(campaign.type()).isEqualTo(CampaignType.BRANDED);
    assertThat(campaign.sponsor()).isEmpty();
  }

  @Test
  void aSponsorshipCarriesItsSponsorAndCannotBeBuiltWithoutOne() {
    Campaign sponsored = tg.campaigns().create(CampaignCreate.builder()
        .name("Tea Time").brief("Sponsored by a tea house.").type(CampaignType.SPONSORSHIP).sponsor("Acme Tea").build(),
        "campaign-tea");

    assertThat(sponsored.type()).isEqualTo(CampaignType.SPONSORSHIP);
    assertThat(sponsored.sponsor()).contains("Acme Tea");
    assertThat(tg.campaigns().get(TradingGridDemoData.CAMPAIGN_COLD_BREW).sponsor()).contains(TradingGridDemoData.SPONSOR_COLD_BREW);
    assertThatThrownBy(() -> CampaignCreate.builder().name("No sponsor").brief("").type(CampaignType.SPONSORSHIP).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a sponsor");
  }

  @Test
  void listsSitesByRegionAcrossPagesAndRollsANewSiteOut() {
    assertThat(tg.sites().list().stream().map(Site::id).toList())
        .containsExactlyInAnyOrderElementsOf(TradingGridDemoData.SITE_IDS);
    assertThat(requestsTo("GET", "/sites")).isEqualTo(2);

    Site site = tg.sites().create(SiteCreate.builder()
        .name("Ghent Korenmarkt").region("EMEA").timezone("Europe/Brussels")
        .playlistUri("spotify:playlist:37i9dQZF1DXcBWIGoYBM5M").rolloutDate(LocalDate.of(2027, 2, 1))
        .externalRef("store:ghent-01").build(), "site-ghent");
    Site live = tg.sites().update(site.id(), SiteUpdate.builder().status(SiteStatus.LIVE).build(), site.version());

    assertThat(live.status()).isEqualTo(SiteStatus.LIVE);
    assertThat(tg.sites().get(site.id())).isEqualTo(live);
    assertThat(tg.sites().findByExternalRef("store:ghent-01")).contains(live);
    assertThat(tg.sites().list(ListQuery.create().with("region", "EMEA")).stream())
        .allSatisfy(s -> assertThat(s.region()).isEqualTo("EMEA"))
        .extracting(Site::id).contains(site.id(), TradingGridDemoData.SITE_ROTTERDAM);
  }

  @Test
  void handlesASiteRequestFromOpenToAcceptedWithAComment() {
    SiteRequest request = tg.siteRequests().create(SiteRequestCreate.builder()
        .siteId(TradingGridDemoData.SITE_ROTTERDAM).type(SiteRequestType.PLAYLIST_CHANGE)
        .details("Swap the morning playlist for the summer one.").externalRef("ticket:SR-9").build(), "sr-9");
    assertThat(request.status()).isEqualTo(SiteRequestStatus.OPEN);

    SiteRequestComment comment = tg.siteRequests().comment(request.id(),
        SiteRequestCommentCreate.builder().author("music-desk@halvorsen-pike.example").body("Scheduled for Monday.").build(), "sr-9-c1");
    SiteRequest accepted = tg.siteRequests().update(request.id(),
        SiteRequestUpdate.builder().status(SiteRequestStatus.ACCEPTED).build(), tg.siteRequests().get(request.id()).version());

    assertThat(accepted.status()).isEqualTo(SiteRequestStatus.ACCEPTED);
    assertThat(accepted.comments()).containsExactly(comment);
    assertThat(tg.siteRequests().findByExternalRef("ticket:SR-9")).contains(accepted);
    assertThat(tg.siteRequests().list(ListQuery.create().with("siteId", TradingGridDemoData.SITE_ROTTERDAM)).stream())
        .extracting(SiteRequest::id).contains(request.id());
    assertThat(tg.siteRequests().list(ListQuery.create().with("type", "new_site")).stream())
        .extracting(SiteRequest::id).contains(TradingGridDemoData.SITE_REQUEST_LYON);
  }
}
