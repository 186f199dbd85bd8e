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
 * @param recordedPlaylistId the playlist the ledger recorded for the campaign at the last sync,
 *     if there was one
 */
record CampaignState(Campaign campaign, Optional<Playlist> playlist, List<String> releasedItems,
    Optional<String> lastSyncedName, Optional<String> recordedPlaylistId) {

  public CampaignState {
    Objects.requireNonNull(campaign, "campaign");
    Objects.requireNonNull(playlist, "playlist");
    releasedItems = List.copyOf(releasedItems);
    Objects.requireNonNull(lastSyncedName, "lastSyncedName");
    Objects.requireNonNull(recordedPlaylistId, "recordedPlaylistId");
  }

  /**
   * Whether the campaign's playlist existed at the last sync but is gone now (deleted or
   * unfollowed on Spotify, or no longer the current user's): the sync must make it again.
   */
  public boolean playlistMissing() {
    return recordedPlaylistId.isPresent() && playlist.isEmpty();
  }

  /** The snapshot id of the campaign's playlist as read now, if it exists. */
  public Optional<String> playlistSnapshotId() {
    return playlist.map(Playlist::snapshotId);
  }

  /** The stable source key: {@code tradinggrid:campaign:<id>}. */
  public String key() {
    return "tradinggrid:campaign:" + campaign.id();
  }
}
