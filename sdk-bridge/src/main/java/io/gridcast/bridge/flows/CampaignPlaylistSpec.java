package io.gridcast.bridge.flows;

import java.util.List;
import java.util.Objects;

/**
 * What a campaign's playlist and name should be after a sync. Immutable.
 *
 * @param campaignId the campaign
 * @param name the name both the campaign and its playlist carry
 * @param description the playlist description, ending with {@link #marker}
 * @param items the released milestone items, in due-date order
 * @param conflict the conflict settled to reach {@code name}, or {@code null}
 * @param playlistMissing whether the playlist the last sync made is gone from Spotify (so this
 *     sync makes it again even though nothing else changed)
 */
record CampaignPlaylistSpec(String campaignId, String name, String description, List<String> items,
    SettledConflict conflict, boolean playlistMissing) {

  public CampaignPlaylistSpec {
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    items = List.copyOf(items);
  }

  /** The tag in the playlist description that ties it to its campaign (found again after a crash). */
  public static String marker(String campaignId) {
    return "[gridcast:campaign:" + campaignId + "]";
  }

  /**
   * The fingerprint ignores how the name was reached: a settled conflict is not a change. A
   * missing playlist is one, so the item is not skipped as unchanged while its playlist is gone.
   */
  String fingerprint() {
    return io.gridcast.bridge.Flow.jsonFingerprint(playlistMissing
        ? List.of(campaignId, name, description, items, "playlist-missing")
        : List.of(campaignId, name, description, items));
  }
}
