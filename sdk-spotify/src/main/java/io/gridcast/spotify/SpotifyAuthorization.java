package io.gridcast.spotify;

import io.gridcast.core.Secret;
import io.gridcast.core.auth.AccessToken;
import io.gridcast.core.auth.AccessTokenProvider;
import io.gridcast.core.auth.ClientAuthMethod;
import io.gridcast.core.auth.OAuth2TokenProvider;
import io.gridcast.core.auth.TokenStore;
import io.gridcast.core.http.BaseUrls;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Spotify's authorization-code flow with PKCE, for acting on behalf of a user.
 *
 * <pre>{@code
 * SpotifyAuthorization auth = SpotifyAuthorization.builder()
 *     .clientId("…").redirectUri("https://app.example.com/callback")
 *     .tokenStore(myDurableStore)            // receives rotated refresh tokens
 *     .build();
 * PkceChallenge pkce = PkceChallenge.generate();
 * String state = …;                           // random, kept in the user's session
 * HttpUrl url = auth.authorizeUrl(List.of("playlist-modify-private"), state, pkce);
 * // … the user approves; Spotify redirects back with ?code=…&state=…
 * auth.exchangeCode(code, pkce);
 * SpotifyClient client = SpotifyClient.builder().tokenProvider(auth.tokenProvider()).build();
 * }</pre>
 *
 * <p>After the exchange, {@link #tokenProvider()} hands out the access token and refreshes it
 * with the refresh token held in the {@link TokenStore}; each rotated refresh token is saved
 * there before use. Token endpoint errors ({@code invalid_client}, {@code invalid_grant}, …)
 * raise {@link io.gridcast.core.errors.OAuthException}. Thread-safe.
 *
 * <p>Defaults: accounts service {@code https://accounts.spotify.com/}; a public client (no
 * secret; PKCE proves possession) unless {@code clientSecret} is given, then HTTP Basic; an
 * in-memory token store.
 */
public final class SpotifyAuthorization implements AutoCloseable {

  private final HttpUrl accountsUrl;
  private final String clientId;
  private final String redirectUri;
  private final OAuth2TokenProvider tokens;

  private SpotifyAuthorization(Builder b) {
    this.accountsUrl = b.accountsUrl;
    this.clientId = b.clientId;
    this.redirectUri = b.redirectUri;
    OAuth2TokenProvider.Builder tb = OAuth2TokenProvider.builder()
        .tokenUrl(accountsUrl.resolve("api/token").toString())
        .clientId(clientId)
        .refreshToken(b.tokenStore);
    if (b.clientSecret != null) {
      tb.clientSecret(b.clientSecret).clientAuth(ClientAuthMethod.BASIC);
    } else {
      tb.clientAuth(ClientAuthMethod.NONE);
    }
    this.tokens = tb.build();
  }

  /** A new builder; client id and redirect URI are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The URL to send the user to.
   *
   * @param state an unguessable value you check when Spotify redirects back (CSRF protection)
   */
  public HttpUrl authorizeUrl(List<String> scopes, String state, PkceChallenge pkce) {
    if (state == null || state.length() < 8) {
      throw new IllegalArgumentException("state must be an unguessable value of at least 8 characters");
    }
    Objects.requireNonNull(pkce, "pkce");
    HttpUrl.Builder url = accountsUrl.resolve("authorize").newBuilder()
        .addQueryParameter("client_id", clientId)
        .addQueryParameter("response_type", "code")
        .addQueryParameter("redirect_uri", redirectUri)
        .addQueryParameter("code_challenge_method", pkce.method())
        .addQueryParameter("code_challenge", pkce.challenge())
        .addQueryParameter("state", state);
    if (scopes != null && !scopes.isEmpty()) {
      url.addQueryParameter("scope", String.join(" ", scopes));
    }
    return url.build();
  }

  /**
   * Exchanges the code from the redirect for tokens; the refresh token goes to the token store.
   *
   * @throws io.gridcast.core.errors.OAuthException e.g. {@code invalid_grant} for a used or
   *     expired code, or a verifier that does not match the challenge
   */
  public AccessToken exchangeCode(String code, PkceChallenge pkce) {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("authorization code is missing: pass the code from the redirect");
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    form.put("code_verifier", pkce.verifier());
    return tokens.requestToken(form);
  }

  /** Tokens for a {@link SpotifyClient}: the exchanged one, then refreshed ones. */
  public AccessTokenProvider tokenProvider() {
    return tokens;
  }

  @Override
  public void close() {
    tokens.close();
  }

  /** Builds a {@link SpotifyAuthorization}; client id and redirect URI are required. Not thread-safe. */
  public static final class Builder {
    private HttpUrl accountsUrl = HttpUrl.get("https://accounts.spotify.com/");
    private String clientId;
    private Secret clientSecret;
    private String redirectUri;
    private TokenStore tokenStore = TokenStore.inMemory(null);

    private Builder() {}

    /** The accounts service; default {@code https://accounts.spotify.com/} (the sandbox's for tests). */
    public Builder accountsUrl(String url) {
      this.accountsUrl = BaseUrls.require("accountsUrl", url);
      return this;
    }

    /**
     * The Spotify app's client id (required).
     *
     * @throws IllegalArgumentException if {@code clientId} is null or blank
     */
    public Builder clientId(String clientId) {
      if (clientId == null || clientId.isBlank()) {
        throw new IllegalArgumentException("Spotify client id is missing: set SPOTIFY_CLIENT_ID or call clientId(...)");
      }
      this.clientId = clientId;
      return this;
    }

    /** Only for confidential clients; PKCE does not need it. */
    public Builder clientSecret(Secret clientSecret) {
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
      return this;
    }

    /**
     * The redirect URI registered for the app, sent with the authorization URL and the code
     * exchange (required).
     *
     * @throws IllegalArgumentException if it is not an http(s) URL
     */
    public Builder redirectUri(String redirectUri) {
      if (redirectUri == null || HttpUrl.parse(redirectUri) == null) {
        throw new IllegalArgumentException("redirectUri must be an http(s) URL registered for the Spotify app");
      }
      this.redirectUri = redirectUri;
      return this;
    }

    /**
     * Where the refresh token is kept and each rotated one saved; default an in-memory store.
     *
     * @throws NullPointerException if {@code store} is null
     */
    public Builder tokenStore(TokenStore store) {
      this.tokenStore = Objects.requireNonNull(store, "tokenStore");
      return this;
    }

    /**
     * Builds the authorization.
     *
     * @throws IllegalArgumentException when the client id or the redirect URI is missing
     */
    public SpotifyAuthorization build() {
      if (clientId == null) {
        throw new IllegalArgumentException("Spotify client id is missing: set SPOTIFY_CLIENT_ID or call clientId(...)");
      }
      if (redirectUri == null) {
        throw new IllegalArgumentException("redirectUri is missing: call redirectUri(...)");
      }
      return new SpotifyAuthorization(this);
    }
  }

  /** The accounts URL, client id and redirect URI; never a secret, code or token. */
  @Override
  public String toString() {
    return "SpotifyAuthorization{accounts=" + accountsUrl + ", clientId=" + clientId + ", redirectUri=" + redirectUri + "}";
  }
}
