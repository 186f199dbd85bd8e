package io.gridcast.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.core.auth.AccessToken;
import io.gridcast.core.auth.AccessTokenProvider;
import io.gridcast.core.auth.OAuth2TokenProvider;
import io.gridcast.core.errors.OAuthException;
import io.gridcast.core.errors.RedirectRefusedException;
import io.gridcast.core.http.TransportConfig;
import io.gridcast.core.resilience.ResilienceConfig;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Credentials never follow a redirect: token requests follow none, API calls follow only GET and
 * HEAD redirects to the same scheme, host and port. {@code server} is the configured platform;
 * {@code other} is where a hostile or misconfigured redirect points, reached through a different
 * host name ({@code 127.0.0.1} instead of {@code localhost}) and port.
 */
class RedirectsTest {

  private static final String CLIENT_SECRET = "redirect-suite-client-secret-7Hq";
  private static final String PASSWORD = "redirect-suite-password-2Wm";
  private static final String TOKEN = "redirect-suite-bearer-9Kc";

  private final MockWebServer server = new MockWebServer();
  private final MockWebServer other = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
    other.start();
  }

  @AfterEach
  void stop() {
    server.close();
    other.close();
  }

  // ---------------------------------------------------------------- token endpoint

  @Test
  void aTokenEndpointRedirectToAnotherHostSendsTheOtherHostNothing() {
    server.enqueue(redirect(307, otherHost("/token").toString()));
    OAuth2TokenProvider tokens = provider().clientCredentials().build();

    assertThatThrownBy(tokens::token)
        .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.status()).isEqualTo(307))
        .hasMessageContaining("the token endpoint answered a redirect to http://127.0.0.1:" + other.getPort())
        .hasMessageContaining("credentials are never re-sent")
        .hasMessageNotContaining(CLIENT_SECRET)
        .hasMessageNotContaining("/token?"); // the target's path and query are not quoted
    assertThat(other.getRequestCount()).as("the other host received nothing").isZero();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aTokenEndpointRedirectIsRefusedOnAGivenClientThatFollowsRedirects() {
    server.enqueue(redirect(308, otherHost("/token").toString()));
    OkHttpClient followsEverything = new OkHttpClient.Builder().followRedirects(true).followSslRedirects(true).build();
    OAuth2TokenProvider tokens = provider().password("alice", Secret.of(PASSWORD)).httpClient(followsEverything).build();

    assertThatThrownBy(tokens::token).isInstanceOf(OAuthException.class)
        .hasMessageContaining("the token endpoint answered a redirect to http://127.0.0.1:" + other.getPort())
        .hasMessageNotContaining(PASSWORD);
    assertThat(other.getRequestCount()).as("the password was not re-sent").isZero();
  }

  @Test
  void aTokenEndpointRedirectToItsOwnHostIsNotFollowedEither() {
    server.enqueue(redirect(307, "/oauth2/token"));
    OAuth2TokenProvider tokens = provider().clientCredentials().build();

    assertThatThrownBy(tokens::token).isInstanceOf(OAuthException.class)
        .hasMessageContaining("the token endpoint answered a redirect to http://" + server.getHostName() + ':' + server.getPort());
    assertThat(server.getRequestCount()).as("the form was sent once, to the configured URL").isEqualTo(1);
  }

  @Test
  void aTokenEndpointRedirectWithoutALocationIsRefused() {
    server.enqueue(new MockResponse.Builder().code(302).build());
    OAuth2TokenProvider tokens = provider().clientCredentials().build();

    assertThatThrownBy(tokens::token).isInstanceOf(OAuthException.class)
        .hasMessageContaining("the token endpoint answered a redirect to no usable location");
  }

  // ---------------------------------------------------------------- API calls

  @Test
  void anApiPostRedirectedToAnotherHostSendsTheOtherHostNothing() {
    server.enqueue(redirect(307, otherHost("/things").toString()));
    TestStack stack = stack();

    assertThatThrownBy(() -> stack.api.create(new TestApi.Thing("secret plans"), "key-1"))
        .isInstanceOfSatisfying(RedirectRefusedException.class, e -> {
          assertThat(e.status()).isEqualTo(307);
          assertThat(e.method()).isEqualTo("POST");
          assertThat(e.target()).hasValue("http://127.0.0.1:" + other.getPort());
        })
        .hasMessageContaining("a POST is never re-sent to a redirect's target");
    assertThat(other.getRequestCount()).as("the other host received nothing").isZero();
  }

  @Test
  void anApiPostRedirectedWithinTheSameHostIsNotReSent() {
    server.enqueue(redirect(308, "/things-v2"));
    TestStack stack = stack();

    assertThatThrownBy(() -> stack.api.create(new TestApi.Thing("a"), "key-1")).isInstanceOf(RedirectRefusedException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aGetRedirectedWithinTheSameHostIsFollowedAndCarriesTheToken() throws Exception {
    server.enqueue(redirect(302, "/things/b"));
    server.enqueue(json("{\"name\":\"b\"}"));
    TestStack stack = stack();

    assertThat(stack.api.get("a").name).isEqualTo("b");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/things/a");
    RecordedRequest hop = server.takeRequest();
    assertThat(hop.getUrl().encodedPath()).isEqualTo("/things/b");
    assertThat(hop.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void aGetRedirectedToAnotherHostIsNotFollowedAndTheOtherHostReceivesNothing() {
    server.enqueue(redirect(301, otherHost("/things/a").toString()));
    TestStack stack = stack();

    assertThatThrownBy(() -> stack.api.get("a"))
        .isInstanceOfSatisfying(RedirectRefusedException.class,
            e -> assertThat(e.target()).hasValue("http://127.0.0.1:" + other.getPort()))
        .hasMessageContaining("it leads to another scheme, host or port")
        .hasMessageNotContaining(TOKEN);
    assertThat(other.getRequestCount()).as("no request, so no Authorization header, reached the other host").isZero();
  }

  @Test
  void aGetRedirectedToAnotherPortOfTheSameHostIsNotFollowed() {
    server.enqueue(redirect(302, other.url("/things/a").toString()));
    TestStack stack = stack();

    assertThatThrownBy(() -> stack.api.get("a")).isInstanceOf(RedirectRefusedException.class)
        .hasMessageContaining("another scheme, host or port");
    assertThat(other.getRequestCount()).isZero();
  }

  @Test
  void aGetRedirectedFromHttpToHttpsOnTheSameHostIsNotFollowed() {
    server.enqueue(redirect(302, server.url("/things/a").newBuilder().scheme("https").build().toString()));
    TestStack stack = stack();

    assertThatThrownBy(() -> stack.api.get("a")).isInstanceOf(RedirectRefusedException.class)
        .hasMessageContaining("another scheme, host or port");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anAsynchronousGetRedirectedToAnotherHostFailsWithTheSameTypedError() {
    server.enqueue(redirect(307, otherHost("/things/a").toString()));
    TestStack stack = stack();

    assertThatThrownBy(() -> stack.api.getAsync("a").join())
        .isInstanceOf(CompletionException.class).cause().isInstanceOf(RedirectRefusedException.class);
    assertThat(other.getRequestCount()).isZero();
  }

  @Test
  void followsAtMostFiveRedirectsInARow() {
    for (int i = 1; i <= 6; i++) {
      server.enqueue(redirect(302, "/things/hop-" + i));
    }
    TestStack stack = stack();

    assertThatThrownBy(() -> stack.api.get("a")).isInstanceOf(RedirectRefusedException.class)
        .hasMessageContaining("more than 5 in a row");
    assertThat(server.getRequestCount()).as("the first call and five hops").isEqualTo(6);
  }

  // ---------------------------------------------------------------- fixture

  private OAuth2TokenProvider.Builder provider() {
    return OAuth2TokenProvider.builder()
        .tokenUrl(server.url("/token").toString())
        .clientId("client-1")
        .clientSecret(Secret.of(CLIENT_SECRET));
  }

  private TestStack stack() {
    AccessTokenProvider tokens = AccessTokenProvider.fixed(
        new AccessToken(Secret.of(TOKEN), Instant.now().plusSeconds(3600), null, null));
    return new TestStack(server, TransportConfig.builder().build(), ResilienceConfig.disabled(), tokens);
  }

  /** The other server under a different host name than the configured one ({@code 127.0.0.1}, not {@code localhost}). */
  private HttpUrl otherHost(String path) {
    return other.url(path).newBuilder().host("127.0.0.1").build();
  }

  private static MockResponse redirect(int code, String location) {
    return new MockResponse.Builder().code(code).setHeader("Location", location).build();
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
  }
}
