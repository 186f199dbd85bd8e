/**
 * Internal: the Retrofit interface of the Spotify Web API and the parser of Spotify's error
 * JSON. Public only because Retrofit and {@code SpotifyClient} need them; not API, not
 * documented in the Javadoc, and free to change in any release. Use {@code
 * io.gridcast.spotify.SpotifyClient} instead.
 */
package io.gridcast.spotify.internal;
