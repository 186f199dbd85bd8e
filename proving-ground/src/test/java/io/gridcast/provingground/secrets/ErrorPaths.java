package io.gridcast.provingground.secrets;

import io.gridcast.bridge.flows.EpisodeAnnouncementsConfig;
import io.gridcast.bridge.flows.EpisodeAnnouncementsFlow;
import io.gridcast.core.Secret;
import io.gridcast.core.auth.AccessToken;
import io.gridcast.core.auth.AccessTokenProvider;
import io.gridcast.core.auth.ClientAuthMethod;
import io.gridcast.core.auth.OAuth2TokenProvider;
import io.gridcast.core.auth.TokenStore;
import io.gridcast.core.http.TransportConfig;
import io.gridcast.spotify.PkceChallenge;
import io.gridcast.spotify.SpotifyAuthorization;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.testkit.FaultProfile;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Post;
import io.gridcast.tradinggrid.model.PostUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Provokes every kind of failure a user could see and keeps what is thrown: token endpoints
 * refusing a wrong client secret, a wrong password, a spent authorization code and a wrong PKCE
 * verifier; forged tokens refused after their one refresh; unknown resources and stale
 * versions; and, with retries off, each injected fault (5xx, 429, reset, malformed body) on API
 * calls and on token endpoints, an open circuit and an oversized response.
 */
final class ErrorPaths {

  private static final String NO_SUCH_SHOW = "0000000000000000000000";

  private final HygieneEnvironment env;
  private final Evidence evidence;

  ErrorPaths(HygieneEnvironment env) {
    this.env = env;
    this.evidence = env.evidence;
  }

  void provokeAll() {
    refusedCredentials();
    refusedTokens();
    refusedRequests();
    injectedFaultsOnApiCalls();
    injectedFaultsOnTokenEndpoints();
  }

  /** Token endpoints refuse a wrong client secret, a wrong password, a spent code and a wrong verifier. */
  private void refusedCredentials() {
    try (TradingGridClient wrongSecret = env.tradingGridClient("wrong secret")
        .clientCredentials(TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(env.wrongClientSecret)).build()) {
      evidence.printed("TradingGridClient with a wrong secret", wrongSecret);
      evidence.expectFailure("Trading Grid, wrong client secret (Basic)", () -> wrongSecret.posts().get(TradingGridDemoData.POST_WELCOME));
    }
    try (TradingGridClient wrongPassword = env.tradingGridClient("wrong password")
        .password(TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET),
            TradingGridSandbox.DEFAULT_USERNAME, Secret.of(env.wrongPassword))
        .clientAuth(ClientAuthMethod.FORM).build()) {
      evidence.expectFailure("Trading Grid, wrong password", () -> wrongPassword.partners().list().iterator().next());
    }
    try (OAuth2TokenProvider wrongInForm = OAuth2TokenProvider.builder()
        .tokenUrl(env.tradingGridSandbox.tokenUrl().toString())
        .clientId(TradingGridSandbox.DEFAULT_CLIENT_ID).clientSecret(Secret.of(env.wrongClientSecret))
        .clientAuth(ClientAuthMethod.FORM).clientCredentials().build()) {
      evidence.printed("OAuth2TokenProvider", wrongInForm);
      evidence.expectFailure("Trading Grid, wrong client secret (form)", wrongInForm::token);
    }
    try (OAuth2TokenProvider passwordGrant = OAuth2TokenProvider.builder()
        .tokenUrl(env.tradingGridSandbox.tokenUrl().toString())
        .clientId(TradingGridSandbox.DEFAULT_CLIENT_ID).clientSecret(Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET))
        .password(TradingGridSandbox.DEFAULT_USERNAME, Secret.of(TradingGridSandbox.DEFAULT_PASSWORD)).build()) {
      AccessToken token = passwordGrant.token();
      env.secrets.add(SecretKind.TRADING_GRID_ACCESS_TOKEN, token.value().reveal());
      evidence.printed("OAuth2TokenProvider (password grant)", passwordGrant);
      evidence.printed("AccessToken (password grant)", token);
    }
    try (SpotifyClient wrongSecret = env.spotifyClient("spotify wrong secret")
        .clientCredentials(SpotifyDemoData.CLIENT_ID, Secret.of(env.wrongClientSecret)).build()) {
      evidence.expectFailure("Spotify, wrong client secret", () -> wrongSecret.shows().get(SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY));
    }
    evidence.expectFailure("Spotify, a spent authorization code", () -> env.login.exchangeCode(env.authorizationCode, env.pkce));
    try (SpotifyAuthorization otherDevice = env.login(env.secrets.recording(TokenStore.inMemory(null)))) {
      String code = env.spotifySandbox.issueAuthorizationCode(SpotifyDemoData.CLIENT_ID, HygieneEnvironment.REDIRECT_URI,
          env.pkce.challenge(), Set.copyOf(HygieneEnvironment.SCOPES));
      PkceChallenge wrong = PkceChallenge.generate();
      env.secrets.add(SecretKind.AUTHORIZATION_CODE, code);
      env.secrets.add(SecretKind.PKCE_VERIFIER, wrong.verifier());
      evidence.printed("PkceChallenge", wrong);
      evidence.expectFailure("Spotify, a wrong PKCE verifier", () -> otherDevice.exchangeCode(code, wrong));
    }
  }

  /** A token the platform does not know is refused, refreshed once (to itself) and refused again. */
  private void refusedTokens() {
    AccessTokenProvider forged = AccessTokenProvider.fixed(
        new AccessToken(Secret.of(env.forgedToken), Instant.now().plus(Duration.ofHours(1)), null, null));
    evidence.printed("AccessToken (forged)", forged.token());
    try (SpotifyClient spotify = env.spotifyClient("spotify forged token").tokenProvider(forged).build()) {
      evidence.expectFailure("Spotify, a forged token", () -> spotify.shows().get(SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY));
    }
    try (TradingGridClient tg = env.tradingGridClient("trading grid forged token").tokenProvider(forged).build()) {
      evidence.expectFailure("Trading Grid, a forged token", () -> tg.posts().get(TradingGridDemoData.POST_WELCOME));
    }
  }

  /** Unknown resources, a stale version, a run stopped by an unknown show, an oversized answer. */
  private void refusedRequests() {
    evidence.expectFailure("Spotify, an unknown show", () -> env.spotify.shows().get(NO_SUCH_SHOW));
    evidence.expectFailure("Spotify, an unknown show (async)", () -> env.spotify.shows().getAsync(NO_SUCH_SHOW, null).join());
    evidence.expectFailure("Trading Grid, an unknown post", () -> env.tradingGrid.posts().get("post_that_never_was"));
    Post post = env.tradingGrid.posts().get(TradingGridDemoData.POST_WELCOME);
    env.tradingGrid.posts().update(post.id(), PostUpdate.builder().title(post.title() + " (FY27)").build(), post.version());
    evidence.expectFailure("Trading Grid, a stale version", () -> env.tradingGrid.posts()
        .update(post.id(), PostUpdate.builder().title("an edit based on an old copy").build(), post.version()));
    evidence.printed("RunReport of an unknown show", env.bridge.run(EpisodeAnnouncementsFlow.create(env.spotify,
        env.tradingGrid, EpisodeAnnouncementsConfig.builder().addShowIds(NO_SUCH_SHOW).build())));
    try (SpotifyClient capped = env.spotifyClient("spotify capped").tokenProvider(env.login.tokenProvider())
        .transport(TransportConfig.builder().maxResponseBytes(64).build()).build()) {
      evidence.expectFailure("Spotify, an answer over the size cap", () -> capped.shows().get(SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY));
    }
    evidence.expectFailure("a client without credentials", () -> SpotifyClient.builder().build());
  }

  /** With retries off, each fault on an API call surfaces as its typed exception; two 5xx open a circuit. */
  private void injectedFaultsOnApiCalls() {
    UnaryOperator<FaultProfile.Builder> spareTokens = b -> b.exemptPath("/api/token").exemptPath("/tenants/");
    try (SpotifyClient spotify = env.spotifyClient("spotify fragile").tokenProvider(env.login.tokenProvider())
        .resilience(env.resilience("spotify fragile").maxRetries(0).build()).build();
        TradingGridClient tg = env.tradingGridClient("trading grid fragile")
            .clientCredentials(TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET))
            .resilience(env.resilience("trading grid fragile").maxRetries(0).breakerFailureThreshold(2).build()).build()) {
      withFaults(spareTokens.apply(FaultProfile.builder().serverErrorRate(1.0)), () -> {
        evidence.expectFailure("Spotify, 5xx", () -> spotify.shows().get(SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY));
        evidence.expectFailure("Trading Grid, 5xx", () -> tg.posts().get(TradingGridDemoData.POST_WELCOME));
        evidence.expectFailure("Trading Grid, 5xx again", () -> tg.posts().get(TradingGridDemoData.POST_WELCOME));
        evidence.expectFailure("Trading Grid, open circuit", () -> tg.posts().get(TradingGridDemoData.POST_WELCOME));
      });
      withFaults(spareTokens.apply(FaultProfile.builder().rateLimitRate(1.0).retryAfterSeconds(1)), () ->
          evidence.expectFailure("Spotify, 429", () -> spotify.shows().get(SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY)));
      withFaults(spareTokens.apply(FaultProfile.builder().connectionResetRate(1.0)), () ->
          evidence.expectFailure("Spotify, connection reset", () -> spotify.shows().get(SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY)));
      withFaults(spareTokens.apply(FaultProfile.builder().malformedBodyRate(1.0)), () -> {
        evidence.expectFailure("Spotify, malformed body", () -> spotify.shows().get(SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY));
        evidence.expectFailure("Spotify, malformed page", () -> spotify.playlists().mine().iterator().next());
      });
    }
  }

  /** Token requests are not retried: each fault on a token endpoint surfaces from the first call. */
  private void injectedFaultsOnTokenEndpoints() {
    forEachFault((fault, profile) -> withFaults(profile, () -> {
      try (TradingGridClient tg = env.tradingGridClient("trading grid, token endpoint " + fault)
          .clientCredentials(TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET)).build();
          TradingGridClient user = env.tradingGridClient("trading grid user, token endpoint " + fault)
              .password(TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET),
                  TradingGridSandbox.DEFAULT_USERNAME, Secret.of(TradingGridSandbox.DEFAULT_PASSWORD)).build();
          SpotifyClient app = env.spotifyClient("spotify app, token endpoint " + fault)
              .clientCredentials(SpotifyDemoData.CLIENT_ID, Secret.of(SpotifyDemoData.CLIENT_SECRET)).build()) {
        evidence.expectFailure("Trading Grid token endpoint, " + fault, () -> tg.posts().get(TradingGridDemoData.POST_WELCOME));
        evidence.expectFailure("Trading Grid token endpoint (password grant), " + fault,
            () -> user.posts().get(TradingGridDemoData.POST_WELCOME));
        evidence.expectFailure("Spotify token endpoint, " + fault, () -> app.shows().get(SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY));
      }
      try (SpotifyAuthorization otherDevice = env.login(env.secrets.recording(TokenStore.inMemory(null)))) {
        PkceChallenge pkce = PkceChallenge.generate();
        String code = env.spotifySandbox.issueAuthorizationCode(SpotifyDemoData.CLIENT_ID, HygieneEnvironment.REDIRECT_URI,
            pkce.challenge(), Set.copyOf(HygieneEnvironment.SCOPES));
        env.secrets.add(SecretKind.AUTHORIZATION_CODE, code);
        env.secrets.add(SecretKind.PKCE_VERIFIER, pkce.verifier());
        evidence.expectFailure("Spotify code exchange, " + fault, () -> otherDevice.exchangeCode(code, pkce));
      }
    }));
  }

  private static void forEachFault(java.util.function.BiConsumer<String, FaultProfile.Builder> action) {
    action.accept("5xx", FaultProfile.builder().serverErrorRate(1.0));
    action.accept("429", FaultProfile.builder().rateLimitRate(1.0).retryAfterSeconds(1));
    action.accept("connection reset", FaultProfile.builder().connectionResetRate(1.0));
    action.accept("malformed body", FaultProfile.builder().malformedBodyRate(1.0));
  }

  private void withFaults(FaultProfile.Builder profile, Runnable during) {
    FaultProfile faults = profile.build();
    env.spotifySandbox.faults(faults);
    env.tradingGridSandbox.faults(faults);
    try {
      during.run();
    } finally {
      env.spotifySandbox.faults(FaultProfile.none());
      env.tradingGridSandbox.faults(FaultProfile.none());
    }
  }
}
