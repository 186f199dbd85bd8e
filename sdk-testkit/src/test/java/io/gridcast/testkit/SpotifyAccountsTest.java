package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SpotifyContractChecked
class SpotifyAccountsTest {

  /** RFC 7636, Appendix B. */
  private static final String RFC_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  private static final String RFC_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
  private static final String REDIRECT = "http://127.0.0.1:8888/callback";

  private SpotifySandbox spotify;
  private String token;
  private String api;
  private String basic;

  @BeforeEach
  void start() {
    spotify = SpotifySandbox.builder().build();
    token = spotify.tokenUri().toString();
    api = spotify.apiBaseUri().toString();
    basic = spotify.clientId() + ":" + spotify.clientSecret();
  }

  @AfterEach
  void stop() {
    spotify.close();
  }

  @Test
  void s256OfTheRfcVerifierIsTheRfcChallenge() {
    assertThat(SpotifyAccounts.s256(RFC_VERIFIER)).isEqualTo(RFC_CHALLENGE);
    assertThat(SpotifyAccounts.s256(RFC_VERIFIER)).isNotEqualTo("E9Melhoa2OwvjrpgVkAicUSOZ1O_XhYS7aRzYsGbdQA");
  }

  @Test
  void clientCredentialsGiveABearerTokenThatTheApiAccepts() {
    Http.Reply reply = Http.form(token, basic, "grant_type=client_credentials");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asInt()).isEqualTo(3600);
    assertThat(body.has("refresh_token")).isFalse();
    assertThat(Http.get(api + "/shows/" + SpotifyDemoData.SHOW_CADENA_AL_DIA, body.get("access_token").asText()).status()).isEqualTo(200);
  }

  @Test
  void clientCredentialsAlsoWorkWithCredentialsInTheBody() {
    Http.Reply reply = Http.form(token, null,
        "grant_type=client_credentials&client_id=" + spotify.clientId() + "&client_secret=" + spotify.clientSecret());

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void aWrongSecretIsInvalidClient() {
    Http.Reply basicAuth = Http.form(token, spotify.clientId() + ":wrong", "grant_type=client_credentials");
    Http.Reply bodyAuth = Http.form(token, null, "grant_type=client_credentials&client_id=" + spotify.clientId() + "&client_secret=wrong");

    assertThat(basicAuth.status()).isEqualTo(401);
    assertThat(basicAuth.json().get("error").asText()).isEqualTo("invalid_client");
    assertThat(basicAuth.json().get("error_description").asText()).isNotBlank();
    assertThat(bodyAuth.status()).isEqualTo(400);
    assertThat(bodyAuth.json().get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void aMissingOrUnknownGrantTypeIsUnsupported() {
    assertThat(Http.form(token, basic, "").json().get("error").asText()).isEqualTo("unsupported_grant_type");
    assertThat(Http.form(token, basic, "grant_type=password").json().get("error").asText()).isEqualTo("unsupported_grant_type");
  }

  @Test
  void exchangesAPkceCodeOnlyWithTheMatchingVerifier() {
    String code = spotify.issueAuthorizationCode(spotify.clientId(), REDIRECT, RFC_CHALLENGE, Set.of("user-read-email", "user-library-read"));
    Http.Reply wrong = Http.form(token, null, pkceForm(code, "wrong-verifier-wrong-verifier-wrong-verifier-00"));

    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_grant");

    String second = spotify.issueAuthorizationCode(spotify.clientId(), REDIRECT, RFC_CHALLENGE, Set.of("user-read-email", "user-library-read"));
    Http.Reply right = Http.form(token, null, pkceForm(second, RFC_VERIFIER));

    assertThat(right.status()).isEqualTo(200);
    JsonNode body = right.json();
    assertThat(body.get("scope").asText()).isEqualTo("user-library-read user-read-email");
    assertThat(body.get("refresh_token").asText()).isNotBlank();
    assertThat(Http.get(api + "/me", body.get("access_token").asText()).json().get("email").asText()).isEqualTo("demo@gridcast.example");
  }

  @Test
  void codesAreSingleUse() {
    String code = spotify.issueAuthorizationCode(spotify.clientId(), REDIRECT, RFC_CHALLENGE, Set.of());
    assertThat(Http.form(token, null, pkceForm(code, RFC_VERIFIER)).status()).isEqualTo(200);

    Http.Reply again = Http.form(token, null, pkceForm(code, RFC_VERIFIER));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void theRedirectUriMustMatch() {
    String code = spotify.issueAuthorizationCode(spotify.clientId(), REDIRECT, RFC_CHALLENGE, Set.of());
    Http.Reply reply = Http.form(token, null, "grant_type=authorization_code&code=" + code + "&redirect_uri=" + enc("http://127.0.0.1:9999/other")
        + "&client_id=" + spotify.clientId() + "&code_verifier=" + RFC_VERIFIER);

    assertThat(reply.json().get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void confidentialClientsExchangeCodesWithTheirSecret() {
    String code = spotify.issueAuthorizationCode(spotify.clientId(), REDIRECT, null, Set.of("playlist-modify-private"));
    Http.Reply reply = Http.form(token, basic, "grant_type=authorization_code&code=" + code + "&redirect_uri=" + enc(REDIRECT));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("scope").asText()).isEqualTo("playlist-modify-private");
  }

  @Test
  void refreshTokensRotateAndTheOldOneIsRevoked() {
    String code = spotify.issueAuthorizationCode(spotify.clientId(), REDIRECT, RFC_CHALLENGE, Set.of("user-read-private"));
    String first = Http.form(token, null, pkceForm(code, RFC_VERIFIER)).json().get("refresh_token").asText();

    Http.Reply refreshed = Http.form(token, null, "grant_type=refresh_token&refresh_token=" + first + "&client_id=" + spotify.clientId());
    assertThat(refreshed.status()).isEqualTo(200);
    String second = refreshed.json().get("refresh_token").asText();
    assertThat(second).isNotEqualTo(first);
    assertThat(refreshed.json().get("scope").asText()).isEqualTo("user-read-private");

    Http.Reply reused = Http.form(token, null, "grant_type=refresh_token&refresh_token=" + first + "&client_id=" + spotify.clientId());
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.json().get("error").asText()).isEqualTo("invalid_grant");

    assertThat(Http.form(token, basic, "grant_type=refresh_token&refresh_token=" + second).status()).isEqualTo(200);
    assertThat(Http.form(token, basic, "grant_type=refresh_token&refresh_token=unknown").json().get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void authorizeRedirectsWithACodeAndTheState() {
    String url = spotify.authorizeUri() + "?client_id=" + spotify.clientId() + "&response_type=code&redirect_uri=" + enc(REDIRECT)
        + "&code_challenge_method=S256&code_challenge=" + RFC_CHALLENGE + "&scope=user-read-email%20user-read-private&state=xyz";
    Http.Reply redirect = Http.get(url, null);

    assertThat(redirect.status()).isEqualTo(302);
    URI location = URI.create(redirect.header("Location"));
    assertThat(location.toString()).startsWith(REDIRECT + "?code=").endsWith("&state=xyz");
    String code = location.getQuery().replaceAll(".*code=([^&]+).*", "$1");
    Http.Reply exchanged = Http.form(token, null, pkceForm(code, RFC_VERIFIER));
    assertThat(exchanged.json().get("scope").asText()).isEqualTo("user-read-email user-read-private");
  }

  @Test
  void authorizeRejectsUnknownClients() {
    Http.Reply reply = Http.get(spotify.authorizeUri() + "?client_id=nope&response_type=code&redirect_uri=" + enc(REDIRECT), null);

    assertThat(reply.status()).isEqualTo(400);
  }

  @Test
  void expiredTokensAreRejected() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    Clock clock = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    };
    try (SpotifySandbox timed = SpotifySandbox.builder().clock(clock).tokenLifetime(Duration.ofMinutes(5)).build()) {
      String access = timed.userAccessToken();
      assertThat(Http.get(timed.apiBaseUri() + "/me", access).status()).isEqualTo(200);
      now.set(now.get().plus(Duration.ofMinutes(6)));
      Http.Reply expired = Http.get(timed.apiBaseUri() + "/me", access);
      assertThat(expired.status()).isEqualTo(401);
      assertThat(expired.json().at("/error/message").asText()).isEqualTo("The access token expired");
    }
  }

  @Test
  void issuingACodeForAnotherClientFailsFast() {
    assertThatThrownBy(() -> spotify.issueAuthorizationCode("someone-else", REDIRECT, null, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private String pkceForm(String code, String verifier) {
    return "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(REDIRECT) + "&client_id=" + spotify.clientId()
        + "&code_verifier=" + enc(verifier);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
