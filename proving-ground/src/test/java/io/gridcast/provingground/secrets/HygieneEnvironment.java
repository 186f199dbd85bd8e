package io.gridcast.provingground.secrets;

import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.state.JdbcStateStore;
import io.gridcast.core.Secret;
import io.gridcast.core.auth.AccessToken;
import io.gridcast.core.auth.ClientAuthMethod;
import io.gridcast.core.auth.TokenStore;
import io.gridcast.core.http.TransportConfig;
import io.gridcast.core.resilience.ResilienceConfig;
import io.gridcast.spotify.PkceChallenge;
import io.gridcast.spotify.SpotifyAuthorization;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.spotify.feed.ReleaseWatcher;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.SpotifySandbox;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.tradinggrid.TradingGridClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Both sandboxes in-process with short-lived tokens, and clients on the real auth flows: a
 * Spotify user logged in through authorization code with PKCE (a confidential client, so its
 * secret travels in a Basic header; refresh tokens rotate into a recording token store), a
 * Spotify app on client credentials, and Trading Grid on client credentials (Basic) and on the
 * password grant (client secret and password in the form). Every credential is harvested as it
 * is configured or crosses the wire. State lives in an H2 file store, as for the examples.
 */
final class HygieneEnvironment implements AutoCloseable {

  /**
   * Short enough that tokens are refreshed every two seconds of a run (clients renew at half
   * their life), long enough that a request on a busy machine still arrives with a valid one.
   */
  static final Duration TOKEN_LIFETIME = Duration.ofSeconds(4);
  static final String REDIRECT_URI = "http://127.0.0.1/callback";
  /** What the flows ask the Spotify user for, as the examples do. */
  static final List<String> SCOPES = List.of("user-library-read", "user-read-playback-position",
      "playlist-read-private", "playlist-modify-private", "playlist-modify-public", "ugc-image-upload");
  private static final SecureRandom RANDOM = new SecureRandom();

  final Path dir;
  final HarvestedSecrets secrets = new HarvestedSecrets();
  final Evidence evidence = new Evidence();
  final WireTally spotifyWire = new WireTally();
  final WireTally tradingGridWire = new WireTally();
  /** The Spotify sandbox's clock: moving it expires every Spotify token at once. */
  final ShiftableClock spotifyClock = new ShiftableClock();
  /** Credentials the error paths send on purpose; they must not leak either. */
  final String wrongClientSecret = random("wrong-secret-");
  final String wrongPassword = random("wrong-password-");
  final String forgedToken = random("forged-");
  final String webhookSecret = random("whsec-");

  final SpotifySandbox spotifySandbox;
  final TradingGridSandbox tradingGridSandbox;
  final TransportConfig transport = TransportConfig.builder().build();
  final PkceChallenge pkce = PkceChallenge.generate();
  final SpotifyAuthorization login;
  final String authorizationCode;
  final SpotifyClient spotify;
  final SpotifyClient spotifyApp;
  final TradingGridClient tradingGrid;
  final TradingGridClient tradingGridUser;
  final JdbcStateStore store;
  /** For flows on the Spotify user and Trading Grid on client credentials ({@link #spotify}, {@link #tradingGrid}). */
  final Bridge bridge;
  /** For flows on the Spotify user and Trading Grid on the password grant ({@link #spotify}, {@link #tradingGridUser}). */
  final Bridge userBridge;
  /**
   * For flows on the Spotify app (client credentials, for flows that only read Spotify) and Trading
   * Grid on client credentials ({@link #spotifyApp}, {@link #tradingGrid}).
   */
  final Bridge appBridge;

  HygieneEnvironment(Path dir) throws IOException, InterruptedException {
    this.dir = dir;
    secrets.add(SecretKind.CLIENT_SECRET, SpotifyDemoData.CLIENT_SECRET);
    secrets.add(SecretKind.CLIENT_SECRET, TradingGridSandbox.DEFAULT_CLIENT_SECRET);
    secrets.add(SecretKind.CLIENT_SECRET, wrongClientSecret);
    secrets.add(SecretKind.PASSWORD, TradingGridSandbox.DEFAULT_PASSWORD);
    secrets.add(SecretKind.PASSWORD, wrongPassword);
    secrets.add(SecretKind.WEBHOOK_SECRET, webhookSecret);
    secrets.add(SecretKind.PKCE_VERIFIER, pkce.verifier());

    spotifySandbox = SpotifySandbox.builder().clock(spotifyClock).tokenLifetime(TOKEN_LIFETIME).build();
    tradingGridSandbox = TradingGridSandbox.builder().tokenLifetime(TOKEN_LIFETIME)
        .webhookRetries(1, Duration.ofMillis(50), Duration.ofSeconds(2)).start();
    spotifySandbox.observer(e -> {
      secrets.fromExchange(SecretKind.SPOTIFY_ACCESS_TOKEN, e);
      spotifyWire.add(e);
    });
    tradingGridSandbox.observer(e -> {
      secrets.fromExchange(SecretKind.TRADING_GRID_ACCESS_TOKEN, e);
      tradingGridWire.add(e);
    });

    login = login(secrets.recording(TokenStore.inMemory(null)));
    String state = random("state-");
    authorizationCode = approve(login.authorizeUrl(SCOPES, state, pkce), state);
    secrets.add(SecretKind.AUTHORIZATION_CODE, authorizationCode);
    AccessToken first = login.exchangeCode(authorizationCode, pkce);
    secrets.add(SecretKind.SPOTIFY_ACCESS_TOKEN, first.value().reveal());

    spotify = spotifyClient("spotify user").tokenProvider(login.tokenProvider()).build();
    spotifyApp = spotifyClient("spotify app")
        .clientCredentials(SpotifyDemoData.CLIENT_ID, Secret.of(SpotifyDemoData.CLIENT_SECRET)).build();
    tradingGrid = tradingGridClient("trading grid client")
        .clientCredentials(TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET))
        .build();
    tradingGridUser = tradingGridClient("trading grid user")
        .password(TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET),
            TradingGridSandbox.DEFAULT_USERNAME, Secret.of(TradingGridSandbox.DEFAULT_PASSWORD))
        .clientAuth(ClientAuthMethod.FORM)
        .build();
    store = JdbcStateStore.h2File(dir.resolve("state"));
    bridge = Bridge.builder().stateStore(store)
        .listener(evidence.reportKeeper()).instanceId("hygiene-client").build();
    userBridge = Bridge.builder().stateStore(store)
        .listener(evidence.reportKeeper()).instanceId("hygiene-user").build();
    appBridge = Bridge.builder().stateStore(store)
        .listener(evidence.reportKeeper()).instanceId("hygiene-app").build();
  }

  /**
   * Expires every Spotify token (the sandbox's clock jumps) and revokes every Trading Grid token,
   * twice, with a call of each client after each time. The first calls may find their client's
   * token old enough to renew it before sending; the second calls carry the token just issued,
   * so each client is refused with 401, refreshes its token and retries.
   */
  void expireEveryToken() {
    for (int i = 0; i < 2; i++) {
      spotifyClock.advance(TOKEN_LIFETIME.multipliedBy(2));
      tradingGridSandbox.revokeAccessTokens();
      spotify.me();
      spotifyApp.shows().get(SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY);
      tradingGrid.posts().get(TradingGridDemoData.POST_WELCOME);
      tradingGridUser.posts().get(TradingGridDemoData.POST_WELCOME);
    }
  }

  /** A confidential-client login at the Spotify sandbox, keeping refresh tokens in {@code tokens}. */
  SpotifyAuthorization login(TokenStore tokens) {
    return SpotifyAuthorization.builder()
        .accountsUrl(spotifySandbox.baseUri().toString())
        .clientId(SpotifyDemoData.CLIENT_ID)
        .clientSecret(Secret.of(SpotifyDemoData.CLIENT_SECRET))
        .redirectUri(REDIRECT_URI)
        .tokenStore(tokens)
        .build();
  }

  /** Quick retries, a breaker that never opens in a run, and a listener that keeps each retry. */
  ResilienceConfig.Builder resilience(String client) {
    return ResilienceConfig.builder()
        .maxRetries(6).baseDelay(Duration.ofMillis(5)).maxDelay(Duration.ofMillis(50))
        .maxRetryAfter(Duration.ofSeconds(5)).breakerFailureThreshold(1000)
        .listener(evidence.retryKeeper(client));
  }

  /** A Spotify client builder on the sandbox with a token-endpoint tap; credentials still to set. */
  SpotifyClient.Builder spotifyClient(String name) {
    return SpotifyClient.builder()
        .baseUrl(spotifySandbox.apiBaseUri().toString())
        .tokenUrl(spotifySandbox.tokenUri().toString())
        .transport(transport)
        .resilience(resilience(name).build())
        .addInterceptor(secrets.tokenEndpointTap(SecretKind.SPOTIFY_ACCESS_TOKEN));
  }

  /** A Trading Grid client builder on the sandbox's demo community with a token-endpoint tap; credentials still to set. */
  TradingGridClient.Builder tradingGridClient(String name) {
    return TradingGridClient.builder()
        .baseUrl(tradingGridSandbox.baseUrl().toString())
        .tenant(TradingGridSandbox.DEFAULT_TENANT_ID)
        .community(TradingGridSandbox.DEFAULT_COMMUNITY_ID)
        .transport(transport)
        .resilience(resilience(name).build())
        .addInterceptor(secrets.tokenEndpointTap(SecretKind.TRADING_GRID_ACCESS_TOKEN));
  }

  /** A release watcher whose "sleep" has the sandbox ingest its feeds at once. */
  ReleaseWatcher ingestingWatcher(SpotifyClient client) {
    return ReleaseWatcher.builder(client)
        .initialDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(1)).deadline(Duration.ofSeconds(20))
        .sleeper(d -> spotifySandbox.ingestNow())
        .build();
  }

  /**
   * What the user's browser does: opens the authorize URL, which the sandbox approves at once,
   * and brings back the code from the redirect after checking its state.
   */
  private static String approve(HttpUrl authorizeUrl, String state) throws IOException, InterruptedException {
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<Void> answer = browser.send(HttpRequest.newBuilder(authorizeUrl.uri()).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    HttpUrl back = HttpUrl.get(answer.headers().firstValue("Location")
        .orElseThrow(() -> new IllegalStateException("the authorize endpoint answered " + answer.statusCode()
            + " without a redirect")));
    if (!state.equals(back.queryParameter("state"))) {
      throw new IllegalStateException("the redirect carried another state");
    }
    String code = back.queryParameter("code");
    if (code == null) {
      throw new IllegalStateException("the redirect carried no code but error=" + back.queryParameter("error"));
    }
    return code;
  }

  static String random(String prefix) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public void close() {
    for (AutoCloseable c : List.<AutoCloseable>of(spotify, spotifyApp, tradingGrid, tradingGridUser, login, store,
        spotifySandbox, tradingGridSandbox)) {
      try {
        c.close();
      } catch (Exception e) {
        evidence.thrown("closing " + c.getClass().getSimpleName(), e);
      }
    }
  }
}
