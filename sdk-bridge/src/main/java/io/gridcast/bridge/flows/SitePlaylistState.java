package io.gridcast.bridge.flows;

import io.gridcast.spotify.model.Playlist;
import io.gridcast.tradinggrid.model.Site;
import java.util.Objects;

/**
 * A managed site's playlist as it is on Spotify now, as {@link BusinessMusicFlow}'s notice
 * phase reads it. Immutable.
 *
 * @param site the site
 * @param playlist its playlist (with the first page of items and the total count)
 */
public record SitePlaylistState(Site site, Playlist playlist) {

  public SitePlaylistState {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(playlist, "playlist");
  }

  /** The stable source key: the playlist's URI. */
  public String key() {
    return "spotify:playlist:" + playlist.id();
  }
}
