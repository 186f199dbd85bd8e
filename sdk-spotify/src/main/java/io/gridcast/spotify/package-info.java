/**
 * Gridcast's Spotify module: identifiers ({@link io.gridcast.spotify.SpotifyId}, {@link
 * io.gridcast.spotify.SpotifyUri}) here, the Web API models in {@code
 * io.gridcast.spotify.model}, podcast feed publishing in {@code io.gridcast.spotify.feed} and
 * analytics import in {@code io.gridcast.spotify.analytics}.
 *
 * <p>Start with {@link io.gridcast.spotify.SpotifyClient} (shows, episodes, playlists, search, the
 * user) and {@link io.gridcast.spotify.SpotifyAuthorization} (authorization code with PKCE).
 * Internal: {@code io.gridcast.spotify.internal} (the Retrofit interface and error parser) and the
 * package-private classes here.
 */
package io.gridcast.spotify;
