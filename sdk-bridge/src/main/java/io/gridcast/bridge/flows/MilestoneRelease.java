package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.Campaign;
import io.gridcast.tradinggrid.model.Milestone;
import java.util.Objects;
import java.util.Optional;

/**
 * A campaign milestone as {@link CampaignCoordinationFlow}'s milestone phase reads it: before
 * launch (its Spotify item does not exist yet) or live (done milestones included, so the item
 * stays stable). Immutable.
 *
 * @param campaign the campaign
 * @param milestone the milestone
 * @param itemName the released episode's (or track's) name on Spotify, once it is live
 * @param link its open.spotify.com link, once it is live
 */
record MilestoneRelease(Campaign campaign, Milestone milestone, Optional<String> itemName, Optional<String> link) {

  MilestoneRelease {
    Objects.requireNonNull(campaign, "campaign");
    Objects.requireNonNull(milestone, "milestone");
    Objects.requireNonNull(itemName, "itemName");
    Objects.requireNonNull(link, "link");
    if (itemName.isPresent() != link.isPresent()) {
      throw new IllegalArgumentException("a live milestone has both an item name and a link");
    }
  }

  /** A milestone whose Spotify item is live as {@code itemName} at {@code link}. */
  static MilestoneRelease live(Campaign campaign, Milestone milestone, String itemName, String link) {
    return new MilestoneRelease(campaign, milestone, Optional.of(itemName), Optional.of(link));
  }

  /** A milestone before launch: its Spotify item does not exist yet. */
  static MilestoneRelease beforeLaunch(Campaign campaign, Milestone milestone) {
    return new MilestoneRelease(campaign, milestone, Optional.empty(), Optional.empty());
  }

  /** Whether its Spotify item exists. */
  boolean isLive() {
    return link.isPresent();
  }

  /** The stable source key: {@code tradinggrid:campaign:<id>:milestone:<id>}. */
  String key() {
    return "tradinggrid:campaign:" + campaign.id() + ":milestone:" + milestone.id();
  }
}
