package io.gridcast.spotify;

import static io.gridcast.testkit.SpotifyDemoData.CURRENT_USER_ID;
import static io.gridcast.testkit.SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.core.Secret;
import io.gridcast.core.auth.AccessToken;
import io.gridcast.core.auth.TokenStore;
import io.gridcast.core.errors.OAuthException;
import io.gridcast.testkit.SpotifySandbox;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Client credentials and the authorization-code flow with PKCE against the sandbox's accounts service. */
class SpotifyAuthorizationTest {

  private static final String REDIRECT = "https://app.example.com/callback";

  private static SpotifySandbox sandbox;
  private static final ContractValidatingInterceptor contract = ContractValidatingInterceptor.requestsAndResponses();

  @AfterEach
  void everyExchangeFollowedSpotifysContract() {
    List<String> violations = List.copyOf(contract.violations());
    contract.clear();
    assertThat(violations).as("violations of Spotify's OpenAPI document").isEmpty();
  }

  @BeforeAll
  static void start() {
    sandbox = SpotifySandbox.builder().build();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** A token store that counts saves, as a durable store would see them. */
  private static final class RecordingStore implements TokenStore {
    private final TokenStore delegate = TokenStore.inMemory(null);
    final AtomicInteger saves = new AtomicInteger();

    @Override
    public Optional<Secret> loadRefreshToken() {
      return delegate.loadRefreshToken();
    }

    @Override
    public void saveRefreshToken(Secret refreshToken) {
      saves.incrementAndGet();
      delegate.saveRefreshToken(refreshToken);
    }

    String current() {
      return loadRefreshToken().map(Secret::reveal).orElse(null);
    }
  }

  private static SpotifyAuthorization.Builder authorization(TokenStore store) {
    return SpotifyAuthorization.builder()
        .accountsUrl(sandbox.baseUri() + "/")
        .clientId(sandbox.clientId())
        .redirectUri(REDIRECT)
        .tokenStore(store);
  }

  private static SpotifyClient clientFor(SpotifyAuthorization auth) {
    return SpotifyClient.builder().baseUrl(sandbox.apiBaseUri().toString()).tokenProvider(auth.tokenProvider())
        .addInterceptor(contract).build();
  }

  /** Follows the authorize URL as a browser would, stopping at the redirect back to the app. */
  private static HttpUrl approve(HttpUrl authorizeUrl) throws IOException {
    OkHttpClient browser = new OkHttpClient.Builder().followRedirects(false).build();
    try (Response response = browser.newCall(new Request.Builder().url(authorizeUrl).build()).execute()) {
      assertThat(response.code()).isBetween(300, 399);
      return HttpUrl.get(response.header("Location"));
    } finally {
      browser.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void theClientCredentialsGrantAuthorizesCatalogReads() {
    try (SpotifyClient client = SpotifyClient.builder()
        .baseUrl(sandbox.apiBaseUri().toString())
        .tokenUrl(sandbox.tokenUri().toString())
        .clientCredentials(sandbox.clientId(), Secret.of(sandbox.clientSecret()))
        .addInterceptor(contract)
        .build()) {
      assertThat(client.shows().get(SHOW_TRADING_GRID_WEEKLY).name()).isEqualTo("Trading Grid Weekly");
    }
  }

  @Test
  void aWrongClientSecretIsAnInvalidClientOAuthError() {
    try (SpotifyClient client = SpotifyClient.builder()
        .baseUrl(sandbox.apiBaseUri().toString())
        .tokenUrl(sandbox.tokenUri().toString())
        .clientCredentials(sandbox.clientId(), Secret.of("not-the-secret"))
        .addInterceptor(contract)
        .build()) {
      assertThatThrownBy(() -> client.shows().get(SHOW_TRADING_GRID_WEEKLY))
          .isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e.isInvalidClient()).isTrue();
            assertThat(e.isInvalidGrant()).isFalse();
            assertThat(e.getMessage()).doesNotContain("not-the-secret");
          });
    }
  }

  @Test
  void theS256ChallengeMatchesRfc7636AppendixB() {
    PkceChallenge pkce = PkceChallenge.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

    assertThat(pkce.challenge()).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    assertThat(pkce.method()).isEqualTo("S256");
    assertThat(pkce.toString()).doesNotContain("dBjftJeZ4CVP");
  }

  @Test
  void aGeneratedVerifierIsValidAndFresh() {
    PkceChallenge a = PkceChallenge.generate();
    PkceChallenge b = PkceChallenge.generate();

    assertThat(a.verifier()).matches("[A-Za-z0-9_-]{64}");
    assertThat(PkceChallenge.of(a.verifier()).challenge()).isEqualTo(a.challenge());
    assertThat(a.verifier()).isNotEqualTo(b.verifier());
  }

  @Test
  void aVerifierOutsideRfc7636IsRefused() {
    assertThatThrownBy(() -> PkceChallenge.of("too-short")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PkceChallenge.of("x".repeat(43) + "!")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theAuthorizeUrlCarriesClientRedirectChallengeStateAndScopes() {
    try (SpotifyAuthorization auth = authorization(TokenStore.inMemory(null)).build()) {
      PkceChallenge pkce = PkceChallenge.generate();

      HttpUrl url = auth.authorizeUrl(List.of("playlist-modify-private", "user-read-email"), "state-1234", pkce);

      assertThat(url.encodedPath()).isEqualTo("/authorize");
      assertThat(url.queryParameter("client_id")).isEqualTo(sandbox.clientId());
      assertThat(url.queryParameter("response_type")).isEqualTo("code");
      assertThat(url.queryParameter("redirect_uri")).isEqualTo(REDIRECT);
      assertThat(url.queryParameter("code_challenge_method")).isEqualTo("S256");
      assertThat(url.queryParameter("code_challenge")).isEqualTo(pkce.challenge());
      assertThat(url.queryParameter("state")).isEqualTo("state-1234");
      assertThat(url.queryParameter("scope")).isEqualTo("playlist-modify-private user-read-email");
      assertThat(url.toString()).doesNotContain(pkce.verifier());
    }
  }

  @Test
  void theFullPkceFlowExchangesTheCodeAndRotatesTheRefreshTokenIntoTheStore() throws IOException {
    RecordingStore store = new RecordingStore();
    try (SpotifyAuthorization auth = authorization(store).build(); SpotifyClient client = clientFor(auth)) {
      PkceChallenge pkce = PkceChallenge.generate();
      HttpUrl back = approve(auth.authorizeUrl(List.of("user-read-private", "user-read-email"), "state-5678", pkce));
      assertThat(back.queryParameter("state")).isEqualTo("state-5678");

      AccessToken first = auth.exchangeCode(back.queryParameter("code"), pkce);
      String firstRefresh = store.current();

      assertThat(firstRefresh).isNotBlank();
      assertThat(client.me().id()).isEqualTo(CURRENT_USER_ID);

      AccessToken second = auth.tokenProvider().refresh(first);

      assertThat(second.value().reveal()).isNotEqualTo(first.value().reveal());
      assertThat(store.current()).isNotBlank().isNotEqualTo(firstRefresh);
      assertThat(store.saves.get()).isEqualTo(2);
      assertThat(client.me().email()).contains("demo@gridcast.example");
    }
  }

  @Test
  void aCodeIssuedByTheSandboxHelperExchangesLikeABrowserCode() {
    try (SpotifyAuthorization auth = authorization(TokenStore.inMemory(null)).build(); SpotifyClient client = clientFor(auth)) {
      PkceChallenge pkce = PkceChallenge.generate();
      String code = sandbox.issueAuthorizationCode(sandbox.clientId(), REDIRECT, pkce.challenge(), Set.of("user-read-private"));

      auth.exchangeCode(code, pkce);

      assertThat(client.me().country()).contains("DE");
    }
  }

  @Test
  void aCodeUsedTwiceIsAnInvalidGrant() {
    try (SpotifyAuthorization auth = authorization(TokenStore.inMemory(null)).build()) {
      PkceChallenge pkce = PkceChallenge.generate();
      String code = sandbox.issueAuthorizationCode(sandbox.clientId(), REDIRECT, pkce.challenge(), Set.of());
      auth.exchangeCode(code, pkce);

      assertThatThrownBy(() -> auth.exchangeCode(code, pkce)).isInstanceOfSatisfying(OAuthException.class, e -> {
        assertThat(e.isInvalidGrant()).isTrue();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).doesNotContain(code);
      });
    }
  }

  @Test
  void aVerifierThatDoesNotMatchTheChallengeIsAnInvalidGrant() {
    try (SpotifyAuthorization auth = authorization(TokenStore.inMemory(null)).build()) {
      PkceChallenge issued = PkceChallenge.generate();
      String code = sandbox.issueAuthorizationCode(sandbox.clientId(), REDIRECT, issued.challenge(), Set.of());

      assertThatThrownBy(() -> auth.exchangeCode(code, PkceChallenge.generate()))
          .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.isInvalidGrant()).isTrue());
    }
  }

  @Test
  void anUnknownClientIdIsAnInvalidClient() {
    try (SpotifyAuthorization auth = authorization(TokenStore.inMemory(null)).clientId("00000000000000000000000000000000").build()) {
      PkceChallenge pkce = PkceChallenge.generate();
      String code = sandbox.issueAuthorizationCode(sandbox.clientId(), REDIRECT, pkce.challenge(), Set.of());

      assertThatThrownBy(() -> auth.exchangeCode(code, pkce))
          .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.isInvalidClient()).isTrue());
    }
  }

  @Test
  void aSpentRefreshTokenIsAnInvalidGrant() throws IOException {
    RecordingStore store = new RecordingStore();
    try (SpotifyAuthorization auth = authorization(store).build()) {
      PkceChallenge pkce = PkceChallenge.generate();
      AccessToken first = auth.exchangeCode(
          sandbox.issueAuthorizationCode(sandbox.clientId(), REDIRECT, pkce.challenge(), Set.of()), pkce);
      String spent = store.current();
      auth.tokenProvider().refresh(first);
      store.saveRefreshToken(Secret.of(spent)); // a stale copy restored from an old backup

      assertThatThrownBy(() -> auth.tokenProvider().refresh(auth.tokenProvider().token()))
          .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.isInvalidGrant()).isTrue());
    }
  }
}
