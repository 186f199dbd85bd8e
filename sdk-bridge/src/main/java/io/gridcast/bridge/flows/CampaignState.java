package io.gridcast.bridge.flows;

import io.gridcast.spotify.model.Playlist;
import io.gridcast.tradinggrid.model.Campaign;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A campaign with its Spotify side as {@link CampaignCoordinationFlow}'s playlist phase reads
 * it. Immutable.
 *
 * @param campaign the Trading Grid campaign
 * @param playlist its campaign playlist, once the flow made one
 * @param releasedItems the Spotify items its milestones reference that exist, by due date
 * @param lastSyncedName the name both sides carried after the last sync, if there was one
 */
public record CampaignState(Campaign campaign, Optional<Playlist> playlist, List<String> releasedItems,
    Optional<String> lastSyncedName) {

  public CampaignState {
    Objects.requireNonNull(campaign, "campaign");
    Objects.requireNonNull(playlist, "playlist");
    releasedItems = List.copyOf(releasedItems);
    Objects.requireNonNull(lastSyncedName, "lastSyncedName");
  }

  /** The stable source key: {@code tradinggrid:campaign:<id>}. */
  public String key() {
    return "tradinggrid:campaign:" + campaign.id();
  }
}
