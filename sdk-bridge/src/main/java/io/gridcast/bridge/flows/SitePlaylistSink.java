package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.gridcast.tradinggrid.model.Site;
import io.gridcast.tradinggrid.model.SiteRequestStatus;
import io.gridcast.tradinggrid.model.SiteRequestUpdate;
import io.gridcast.tradinggrid.model.SiteStatus;
import io.gridcast.tradinggrid.model.SiteUpdate;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a site's Spotify playlist to its {@link SitePlaylistSpec} and records it on the site.
 *
 * <p>Steps, each comparing with the current state first so that a repeat writes nothing: find
 * the playlist (the ledger's, else the site's {@code playlistUri} or a playlist of the current
 * user whose description carries the site's {@link SitePlaylistSpec#marker}, else create one:
 * Spotify's create has no idempotency key, so the marker is what lets a run that crashed right
 * after creating find it again) → rename / describe → remove, add and reorder items → upload the
 * cover when the playlist is new or the cover's hash differs from the one kept in the ledger
 * entry's attributes (a playlist deleted on Spotify is made again the same way) → point the
 * site at the playlist and set it live ({@code If-Match}) → mark the carried-out requests done.
 * Thread-safe.
 */
final class SitePlaylistSink implements Sink<SitePlaylistSpec> {

  private static final Logger LOG = LoggerFactory.getLogger(SitePlaylistSink.class);
  private static final ObjectMapper JSON = GridcastJson.newObjectMapper();
  private static final String KEY_PREFIX = "tradinggrid:site:";

  private final SpotifyClient spotify;
  private final TradingGridClient tradingGrid;
  private final BusinessMusicConfig config;
  private final CurrentUser me;

  SitePlaylistSink(SpotifyClient spotify, TradingGridClient tradingGrid, BusinessMusicConfig config) {
    this.spotify = spotify;
    this.tradingGrid = tradingGrid;
    this.config = config;
    this.me = new CurrentUser(spotify);
  }

  @Override
  public WriteResult create(String sourceKey, SitePlaylistSpec item, String idempotencyKey, String externalRef, RunContext run) {
    // the bridge calls create only after findByExternalRef found nothing: create straight away
    return apply(null, item, null, false);
  }

  @Override
  public WriteResult update(LedgerEntry existing, SitePlaylistSpec item, RunContext run) {
    return apply(existing.targetId(), item, coverOf(existing.attributes()), true);
  }

  @Override
  public Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
    if (!externalRef.startsWith(KEY_PREFIX)) {
      return Optional.empty();
    }
    return findOwned(externalRef.substring(KEY_PREFIX.length())).map(p -> WriteResult.found(p.id(), null, null));
  }

  private WriteResult apply(String knownPlaylistId, SitePlaylistSpec spec, String previousCover, boolean search) {
    PlaylistBase playlist = knownPlaylistId == null ? null : readOwned(knownPlaylistId, spec.siteId()).orElse(null);
    if (playlist == null && search) {
      playlist = findOwned(spec.siteId()).orElse(null);
    }
    String id = PlaylistSync.details(spotify, playlist, spec.name(), spec.description(), config.publicPlaylists());
    boolean created = playlist == null;
    if (created) {
      LOG.info("created playlist {} for site {}", id, spec.siteId());
    }
    PlaylistSync.items(spotify, id, spec.items());
    String cover = spec.coverSha256();
    if (cover != null && (created || !cover.equals(previousCover))) {
      spotify.playlists().uploadCover(id, config.coverJpeg().orElseThrow());
    }
    linkSite(spec.siteId(), "spotify:playlist:" + id);
    for (String requestId : spec.requestIds()) {
      markDone(requestId);
    }
    return WriteResult.of(id, null).withAttributes(attributes(cover));
  }

  private void linkSite(String siteId, String playlistUri) {
    Site before = tradingGrid.sites().get(siteId);
    before.playlistUri().filter(old -> !old.equals(playlistUri))
        .ifPresent(old -> LOG.info("site {} moves from playlist {} to {}", siteId, LogSafe.text(old), playlistUri));
    tradingGrid.sites().update(before, site -> site.playlistUri().filter(playlistUri::equals).isPresent()
        && site.status() == SiteStatus.LIVE
        ? Optional.empty()
        : Optional.of(SiteUpdate.builder().playlistUri(playlistUri).status(SiteStatus.LIVE).build()));
  }

  private void markDone(String requestId) {
    SiteRequestUpdate done = SiteRequestUpdate.builder().status(SiteRequestStatus.DONE).build();
    tradingGrid.siteRequests().update(requestId,
        request -> request.status() == SiteRequestStatus.ACCEPTED ? Optional.of(done) : Optional.empty());
  }

  /** The site's playlist made by this flow: from the site record, else by marker among the user's playlists. */
  Optional<PlaylistBase> findOwned(String siteId) {
    Site site = tradingGrid.sites().get(siteId);
    Optional<String> linked = site.playlistUri().map(u -> SpotifyUri.parse(u).id());
    if (linked.isPresent()) {
      Optional<PlaylistBase> p = readOwned(linked.get(), siteId);
      if (p.isPresent()) {
        return p;
      }
    }
    String marker = SitePlaylistSpec.marker(siteId);
    String user = me.id();
    for (SimplifiedPlaylist p : spotify.playlists().mine()) {
      if (p.owner().id().equals(user) && p.description().orElse("").contains(marker)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The playlist if it exists, belongs to the current user and carries the site's marker. */
  private Optional<PlaylistBase> readOwned(String playlistId, String siteId) {
    try {
      Playlist p = spotify.playlists().get(playlistId);
      boolean ours = p.owner().id().equals(me.id()) && p.description().orElse("").contains(SitePlaylistSpec.marker(siteId));
      return ours ? Optional.of(p) : Optional.empty();
    } catch (NotFoundException e) {
      return Optional.empty(); // deleted on Spotify, or never there: a new one is made
    }
  }

  private static String attributes(String cover) {
    return JSON.createObjectNode().put("coverSha256", cover).toString();
  }

  private static String coverOf(Optional<String> attributes) {
    if (attributes.isEmpty()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(attributes.get()).path("coverSha256");
      return node.isTextual() ? node.asText() : null;
    } catch (java.io.IOException e) {
      return null; // unreadable: upload the cover again, which is harmless
    }
  }

  @Override
  public String toString() {
    return "SitePlaylistSink{" + Objects.toString(config.flowName()) + "}";
  }
}
