package io.gridcast.examples;

import io.gridcast.core.auth.TokenStore;
import io.gridcast.spotify.PkceChallenge;
import io.gridcast.spotify.SpotifyAuthorization;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.testkit.SpotifySandbox;
import java.util.Set;

/**
 * A Spotify client for the examples that write playlists: a user token with the playlist and
 * cover scopes, through the PKCE flow as an app acting for its owner gets one.
 */
final class PlaylistEditor {

  static final Set<String> SCOPES = Set.of("playlist-modify-private", "playlist-modify-public", "ugc-image-upload");

  private PlaylistEditor() {}

  /** A client on the embedded Spotify sandbox acting as its demo user with {@link #SCOPES}; close it after use. */
  static SpotifyClient client(SpotifySandbox ss) {
    String redirect = "http://127.0.0.1/callback";
    SpotifyAuthorization auth = SpotifyAuthorization.builder()
        .accountsUrl(ss.baseUri().toString()).clientId(ss.clientId()).redirectUri(redirect)
        .tokenStore(TokenStore.inMemory(null)).build();
    PkceChallenge pkce = PkceChallenge.generate();
    auth.exchangeCode(ss.issueAuthorizationCode(ss.clientId(), redirect, pkce.challenge(), SCOPES), pkce);
    return SpotifyClient.builder().baseUrl(ss.apiBaseUri().toString()).tokenProvider(auth.tokenProvider()).build();
  }
}
