package io.gridcast.bridge.flows;

import io.gridcast.bridge.policy.ConflictPolicy;
import java.util.Objects;

/**
 * A field edited on both sides since the last sync, and how the {@link ConflictPolicy} settled
 * it: handed to the conflict listener of {@link CampaignCoordinationFlow#create(io.gridcast.spotify.SpotifyClient,
 * io.gridcast.tradinggrid.TradingGridClient, CampaignCoordinationConfig, java.util.function.Consumer)}, and logged
 * at WARN. Immutable.
 *
 * @param campaignId the campaign
 * @param field the field, e.g. {@code name}
 * @param spotifyValue the value on Spotify before settling
 * @param tradingGridValue the value in Trading Grid before settling
 * @param winner the side whose value both now carry
 * @param reason the policy's reason
 */
public record SettledConflict(String campaignId, String field, String spotifyValue, String tradingGridValue,
    ConflictPolicy.Side winner, String reason) {

  public SettledConflict {
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(winner, "winner");
  }
}
