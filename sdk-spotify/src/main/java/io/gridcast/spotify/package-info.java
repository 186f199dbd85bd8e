/**
 * Gridcast's Spotify module: identifiers ({@link io.gridcast.spotify.SpotifyId}, {@link
 * io.gridcast.spotify.SpotifyUri}) here, the Web API models in {@code
 * io.gridcast.spotify.model}, podcast feed publishing in {@code io.gridcast.spotify.feed} and
 * analytics import in {@code io.gridcast.spotify.analytics}.
 */
package io.gridcast.spotify;
