package io.gridcast.bridge.flows;

import io.gridcast.bridge.Sink;
import io.gridcast.bridge.WriteResult;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.core.GridcastJson;
import io.gridcast.core.errors.NotFoundException;
import io.gridcast.core.errors.PreconditionFailedException;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.spotify.SpotifyUri;
import io.gridcast.spotify.model.Playlist;
import io.gridcast.spotify.model.PlaylistBase;
import io.gridcast.spotify.model.SimplifiedPlaylist;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Campaign;
import io.gridcast.tradinggrid.model.CampaignUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a campaign's playlist and name to a {@link CampaignPlaylistSpec}: find the playlist
 * (the ledger's, else a {@code spotify:playlist:} reference on the campaign or a playlist of
 * the current user carrying the campaign's marker, else create it once) → rename / describe →
 * sync items → write the name and the playlist reference to the campaign ({@code If-Match},
 * re-read once on 412). Each step compares first, so a repeat after a crash writes only what is
 * missing. Keeps the synced name in the ledger entry's attributes. Thread-safe.
 */
final class CampaignPlaylistSink implements Sink<CampaignPlaylistSpec> {

  private static final Logger LOG = LoggerFactory.getLogger(CampaignPlaylistSink.class);
  private static final String KEY_PREFIX = "tradinggrid:campaign:";

  private final SpotifyClient spotify;
  private final TradingGridClient tradingGrid;
  private final boolean publicPlaylists;
  private final Consumer<SettledConflict> conflicts;

  CampaignPlaylistSink(SpotifyClient spotify, TradingGridClient tradingGrid, boolean publicPlaylists,
      Consumer<SettledConflict> conflicts) {
    this.spotify = spotify;
    this.tradingGrid = tradingGrid;
    this.publicPlaylists = publicPlaylists;
    this.conflicts = conflicts;
  }

  @Override
  public WriteResult create(String sourceKey, CampaignPlaylistSpec item, String idempotencyKey, String externalRef) {
    return apply(null, item, false); // findByExternalRef found nothing just before
  }

  @Override
  public WriteResult update(LedgerEntry existing, CampaignPlaylistSpec item) {
    return apply(existing.targetId(), item, true);
  }

  @Override
  public Optional<WriteResult> findByExternalRef(String externalRef) {
    if (!externalRef.startsWith(KEY_PREFIX)) {
      return Optional.empty();
    }
    return find(tradingGrid.campaigns().get(externalRef.substring(KEY_PREFIX.length())))
        .map(p -> WriteResult.found(p.id(), null, null));
  }

  private WriteResult apply(String knownId, CampaignPlaylistSpec spec, boolean search) {
    Campaign campaign = tradingGrid.campaigns().get(spec.campaignId());
    PlaylistBase playlist = knownId == null ? null : read(knownId, spec.campaignId()).orElse(null);
    if (playlist == null && search) {
      playlist = find(campaign).orElse(null);
    }
    String id = PlaylistSync.details(spotify, playlist, spec.name(), spec.description(), publicPlaylists);
    if (playlist == null) {
      LOG.info("created playlist {} for campaign {}", id, spec.campaignId());
    }
    if (!spec.items().isEmpty()) {
      PlaylistSync.items(spotify, id, spec.items());
    }
    updateCampaign(campaign, spec.name(), "spotify:playlist:" + id);
    if (spec.conflict() != null) {
      SettledConflict c = spec.conflict();
      LOG.warn("campaign {}: {} changed on both sides (Spotify \"{}\", Trading Grid \"{}\"); settled for {}: {}",
          c.campaignId(), c.field(), c.spotifyValue(), c.tradingGridValue(), c.winner(), c.reason());
      conflicts.accept(c);
    }
    return WriteResult.of(id, null)
        .withAttributes(GridcastJson.newObjectMapper().createObjectNode().put("name", spec.name()).toString());
  }

  private void updateCampaign(Campaign campaign, String name, String playlistUri) {
    for (int attempt = 0; ; attempt++) {
      boolean named = campaign.name().equals(name);
      boolean linked = campaign.spotifyRefs().contains(playlistUri);
      if (named && linked) {
        return;
      }
      CampaignUpdate.Builder body = CampaignUpdate.builder();
      if (!named) {
        body.name(name);
      }
      if (!linked) {
        List<String> refs = new ArrayList<>(campaign.spotifyRefs());
        String campaignId = campaign.id();
        refs.removeIf(r -> r.startsWith("spotify:playlist:") && !r.equals(playlistUri) && ours(r, campaignId));
        refs.add(playlistUri);
        body.spotifyRefs(refs);
      }
      try {
        tradingGrid.campaigns().update(campaign.id(), body.build(), campaign.version());
        return;
      } catch (PreconditionFailedException e) {
        if (attempt > 0) {
          throw e;
        }
        campaign = tradingGrid.campaigns().get(campaign.id());
      }
    }
  }

  /** The campaign's playlist made by this flow, from the campaign's references or by marker. */
  Optional<PlaylistBase> find(Campaign campaign) {
    for (String ref : campaign.spotifyRefs()) {
      if (ref.startsWith("spotify:playlist:")) {
        Optional<PlaylistBase> p = read(SpotifyUri.parse(ref).id(), campaign.id());
        if (p.isPresent()) {
          return p;
        }
      }
    }
    String marker = CampaignPlaylistSpec.marker(campaign.id());
    String me = spotify.me().id();
    for (SimplifiedPlaylist p : spotify.playlists().mine()) {
      if (p.owner().id().equals(me) && p.description().orElse("").contains(marker)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private boolean ours(String playlistRef, String campaignId) {
    return read(SpotifyUri.parse(playlistRef).id(), campaignId).isPresent();
  }

  private Optional<PlaylistBase> read(String playlistId, String campaignId) {
    try {
      Playlist p = spotify.playlists().get(playlistId);
      return p.description().orElse("").contains(CampaignPlaylistSpec.marker(campaignId)) ? Optional.of(p) : Optional.empty();
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }
}
