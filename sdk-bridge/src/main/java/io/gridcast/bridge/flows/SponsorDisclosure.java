package io.gridcast.bridge.flows;

import io.gridcast.bridge.text.TemplateModel;
import io.gridcast.tradinggrid.model.Campaign;
import io.gridcast.tradinggrid.model.CampaignType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What every partner post of a campaign says about who pays for it, and who the campaign's
 * partners are. A sponsored campaign's posts carry the {@code sponsor} value (printed by the
 * {@code campaign-sponsor} template, which the campaign templates include) and a
 * {@code sponsor} metadata entry. Stateless and thread-safe.
 */
final class SponsorDisclosure {

  private SponsorDisclosure() {}

  /**
   * The sponsor to disclose: the campaign's {@code sponsor}, for a sponsorship and for a branded
   * campaign that names one.
   *
   * @throws IllegalArgumentException for a sponsorship without a sponsor (its posts could not
   *     disclose it), which fails the item
   */
  static Optional<String> sponsor(Campaign campaign) {
    Optional<String> sponsor = campaign.sponsor().filter(s -> !s.isBlank());
    if (campaign.type() == CampaignType.SPONSORSHIP && sponsor.isEmpty()) {
      throw new IllegalArgumentException("campaign " + campaign.id() + " is a sponsorship but names no sponsor, so its partner"
          + " posts cannot disclose it: set the campaign's sponsor in Trading Grid, then run again");
    }
    return sponsor;
  }

  /** Puts {@code sponsor} (remote text) into {@code model} when there is one to disclose. */
  static TemplateModel disclose(TemplateModel model, Campaign campaign) {
    sponsor(campaign).ifPresent(s -> model.text("sponsor", s));
    return model;
  }

  /** Adds the {@code campaignType} and, when there is one, the {@code sponsor} metadata entries. */
  static void metadata(Map<String, String> metadata, Campaign campaign) {
    metadata.put("campaignType", campaign.type().wireValue());
    sponsor(campaign).ifPresent(s -> metadata.put("sponsor", s));
  }

  /** The campaign's participating partners: those its partner instructions name, sorted, each once. */
  static List<String> participants(Campaign campaign) {
    TreeSet<String> ids = new TreeSet<>();
    campaign.partnerInstructions().forEach(i -> ids.add(i.partnerId()));
    return List.copyOf(ids);
  }
}
