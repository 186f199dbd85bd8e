package io.gridcast.bridge.flows;

import io.gridcast.spotify.SpotifyClient;
import java.util.Objects;

/**
 * The id of the Spotify user a client acts for, read once ({@code GET /me}) on first use and
 * then remembered: what the playlist sinks compare playlist owners with. Thread-safe.
 */
final class CurrentUser {

  private final SpotifyClient spotify;
  private volatile String id;

  CurrentUser(SpotifyClient spotify) {
    this.spotify = Objects.requireNonNull(spotify, "spotify");
  }

  String id() {
    String known = id;
    if (known == null) {
      known = spotify.me().id();
      id = known;
    }
    return known;
  }
}
