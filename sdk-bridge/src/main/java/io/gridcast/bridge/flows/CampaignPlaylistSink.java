package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Sink;
import io.gridcast.bridge.WriteResult;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.core.GridcastJson;
import io.gridcast.core.LogSafe;
import io.gridcast.core.errors.NotFoundException;
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
 * sync items (to an empty list too) → write the name and the playlist reference to the campaign
 * ({@code If-Match}, re-read once on 412). Each step compares first, so a repeat after a crash
 * writes only what is missing. Only a playlist the current user owns is adopted: a campaign
 * linked to someone else's playlist gets its own one, and a WARN says so. Keeps the synced name
 * in the ledger entry's attributes. Thread-safe.
 */
final class CampaignPlaylistSink implements Sink<CampaignPlaylistSpec> {

  private static final Logger LOG = LoggerFactory.getLogger(CampaignPlaylistSink.class);
  private static final String KEY_PREFIX = "tradinggrid:campaign:";

  private final SpotifyClient spotify;
  private final TradingGridClient tradingGrid;
  private final boolean publicPlaylists;
  private final Consumer<SettledConflict> conflicts;
  private final CurrentUser me;

  CampaignPlaylistSink(SpotifyClient spotify, TradingGridClient tradingGrid, boolean publicPlaylists,
      Consumer<SettledConflict> conflicts) {
    this.spotify = spotify;
    this.tradingGrid = tradingGrid;
    this.publicPlaylists = publicPlaylists;
    this.conflicts = conflicts;
    this.me = new CurrentUser(spotify);
  }

  @Override
  public WriteResult create(String sourceKey, CampaignPlaylistSpec item, String idempotencyKey, String externalRef, RunContext run) {
    return apply(null, item, false); // findByExternalRef found nothing just before
  }

  @Override
  public WriteResult update(LedgerEntry existing, CampaignPlaylistSpec item, RunContext run) {
    return apply(existing.targetId(), item, true);
  }

  @Override
  public Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
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
      List<String> foreign = foreignPlaylists(campaign);
      if (!foreign.isEmpty()) {
        LOG.warn("campaign {} links {}, owned by another Spotify user, which the flow cannot change;"
            + " created its own playlist {} instead", spec.campaignId(), LogSafe.text(foreign.toString()), id);
      } else {
        LOG.info("created playlist {} for campaign {}", id, spec.campaignId());
      }
    }
    PlaylistSync.items(spotify, id, spec.items()); // an empty list empties the playlist
    String gone = knownId != null && !knownId.equals(id) ? "spotify:playlist:" + knownId : null; // deleted or no longer ours
    updateCampaign(campaign, spec.name(), "spotify:playlist:" + id, gone);
    if (spec.conflict() != null) {
      SettledConflict c = spec.conflict();
      LOG.warn("campaign {}: {} changed on both sides (Spotify \"{}\", Trading Grid \"{}\"); settled for {}: {}",
          c.campaignId(), c.field(), LogSafe.text(c.spotifyValue()), LogSafe.text(c.tradingGridValue()), c.winner(),
          LogSafe.text(c.reason()));
      conflicts.accept(c);
    }
    return WriteResult.of(id, null)
        .withAttributes(GridcastJson.newObjectMapper().createObjectNode().put("name", spec.name()).toString());
  }

  /**
   * Names the campaign and links it to its playlist, dropping the links to its earlier
   * playlists: those of this flow, and {@code goneRef} (the one the ledger knew, now gone).
   */
  private void updateCampaign(Campaign before, String name, String playlistUri, String goneRef) {
    // a campaign edited meanwhile is read again and the change worked out on the latest (412 rule)
    tradingGrid.campaigns().update(before, campaign -> {
      boolean named = campaign.name().equals(name);
      boolean linked = campaign.spotifyRefs().contains(playlistUri)
          && (goneRef == null || !campaign.spotifyRefs().contains(goneRef));
      if (named && linked) {
        return Optional.empty();
      }
      CampaignUpdate.Builder body = CampaignUpdate.builder();
      if (!named) {
        body.name(name);
      }
      if (!linked) {
        List<String> refs = new ArrayList<>(campaign.spotifyRefs());
        String campaignId = campaign.id();
        refs.removeIf(r -> r.startsWith("spotify:playlist:") && !r.equals(playlistUri) && (r.equals(goneRef) || ours(r, campaignId)));
        if (!refs.contains(playlistUri)) {
          refs.add(playlistUri);
        }
        body.spotifyRefs(refs);
      }
      return Optional.of(body.build());
    });
  }

  /**
   * The campaign's playlist made by this flow, from the campaign's references or by marker;
   * only one the current user owns.
   */
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
    String user = me.id();
    for (SimplifiedPlaylist p : spotify.playlists().mine()) {
      if (p.owner().id().equals(user) && p.description().orElse("").contains(marker)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private boolean ours(String playlistRef, String campaignId) {
    return read(SpotifyUri.parse(playlistRef).id(), campaignId).isPresent();
  }

  /** The playlist if it exists, belongs to the current user and carries the campaign's marker. */
  private Optional<PlaylistBase> read(String playlistId, String campaignId) {
    try {
      Playlist p = spotify.playlists().get(playlistId);
      boolean ours = p.owner().id().equals(me.id()) && p.description().orElse("").contains(CampaignPlaylistSpec.marker(campaignId));
      return ours ? Optional.of(p) : Optional.empty();
    } catch (NotFoundException e) {
      return Optional.empty(); // deleted on Spotify, or never there
    }
  }

  /** The campaign's playlist references that exist but belong to another user. */
  private List<String> foreignPlaylists(Campaign campaign) {
    List<String> out = new ArrayList<>();
    for (String ref : campaign.spotifyRefs()) {
      if (ref.startsWith("spotify:playlist:")) {
        try {
          if (!spotify.playlists().get(SpotifyUri.parse(ref).id()).owner().id().equals(me.id())) {
            out.add(ref);
          }
        } catch (NotFoundException | IllegalArgumentException e) {
          // gone or not a playlist id: nothing to report
        }
      }
    }
    return out;
  }
}
