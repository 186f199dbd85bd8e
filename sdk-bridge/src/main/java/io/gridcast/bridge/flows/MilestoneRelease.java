package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.Campaign;
import io.gridcast.tradinggrid.model.Milestone;
import java.util.Objects;

/**
 * A campaign milestone whose Spotify item now exists, as {@link CampaignCoordinationFlow}'s
 * release phase reads it (done milestones included, so the item stays stable). Immutable.
 *
 * @param campaign the campaign
 * @param milestone the milestone
 * @param itemName the released episode's (or track's) name on Spotify
 * @param link its open.spotify.com link
 */
record MilestoneRelease(Campaign campaign, Milestone milestone, String itemName, String link) {

  public MilestoneRelease {
    Objects.requireNonNull(campaign, "campaign");
    Objects.requireNonNull(milestone, "milestone");
    Objects.requireNonNull(itemName, "itemName");
    Objects.requireNonNull(link, "link");
  }

  /** The stable source key: {@code tradinggrid:campaign:<id>:milestone:<id>}. */
  public String key() {
    return "tradinggrid:campaign:" + campaign.id() + ":milestone:" + milestone.id();
  }
}
