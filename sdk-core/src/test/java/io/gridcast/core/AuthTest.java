package io.gridcast.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.core.auth.ClientAuthMethod;
import io.gridcast.core.auth.OAuth2TokenProvider;
import io.gridcast.core.auth.TokenStore;
import io.gridcast.core.errors.OAuthException;
import io.gridcast.core.errors.UnauthorizedException;
import io.gridcast.core.http.TransportConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthTest {

  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final AtomicInteger apiRequests = new AtomicInteger();
  private final List<String> tokenBodies = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile boolean apiAlways401;
  private volatile int tokenDelayMillis;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        if (request.getUrl().encodedPath().equals("/token")) {
          int n = tokenRequests.incrementAndGet();
          tokenBodies.add(request.getBody().utf8());
          Thread.sleep(tokenDelayMillis);
          return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
              .body("{\"access_token\":\"tok-" + n + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                  + "\"refresh_token\":\"refresh-" + n + "\"}").build();
        }
        apiRequests.incrementAndGet();
        String auth = request.getHeaders().get("Authorization");
        if (apiAlways401 || auth == null || !auth.startsWith("Bearer tok-")) {
          return new MockResponse.Builder().code(401).body("{\"error\":{\"code\":\"unauthorized\",\"message\":\"bad token\"}}").build();
        }
        return new MockResponse.Builder().code(200).body("{\"name\":\"" + auth.substring(7) + "\"}").build();
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OAuth2TokenProvider.Builder provider() {
    return OAuth2TokenProvider.builder()
        .tokenUrl(server.url("/token").toString())
        .clientId("client-1")
        .clientSecret(Secret.of("client-secret-value"));
  }

  @Test
  void fiveConcurrentCallersCauseOneTokenRequest() throws Exception {
    tokenDelayMillis = 300;
    OAuth2TokenProvider tokens = provider().clientCredentials().build();
    ExecutorService pool = Executors.newFixedThreadPool(5);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      results.add(pool.submit(() -> {
        go.await();
        return tokens.token().value().reveal();
      }));
    }
    go.countDown();
    for (Future<String> f : results) {
      assertThat(f.get()).isEqualTo("tok-1");
    }
    pool.shutdown();
    assertThat(tokenRequests).hasValue(1);
  }

  @Test
  void cachesTheTokenUntilTheRefreshSkewBeforeExpiry() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    OAuth2TokenProvider tokens = provider().clientCredentials().clock(clock).refreshSkew(Duration.ofSeconds(60)).build();

    assertThat(tokens.token().value().reveal()).isEqualTo("tok-1");
    clock.now = clock.now.plusSeconds(3600 - 61);
    assertThat(tokens.token().value().reveal()).isEqualTo("tok-1");
    clock.now = clock.now.plusSeconds(2);
    assertThat(tokens.token().value().reveal()).isEqualTo("tok-2");
  }

  @Test
  void aPersistent401RefreshesExactlyOnceThenRaisesUnauthorized() {
    apiAlways401 = true;
    TestStack stack = new TestStack(server, TransportConfig.builder().build(), TestStack.fastRetries().build(),
        provider().clientCredentials().build());

    assertThatThrownBy(() -> stack.api.get("a"))
        .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
          assertThat(e.status()).isEqualTo(401);
          assertThat(e.errorCode()).contains("unauthorized");
        });
    assertThat(tokenRequests).hasValue(2);
    assertThat(apiRequests).hasValue(2);
  }

  @Test
  void sendsTheBearerTokenAndSucceedsWithoutARefresh() {
    TestStack stack = new TestStack(server, TransportConfig.builder().build(), TestStack.fastRetries().build(),
        provider().clientCredentials().build());

    assertThat(stack.api.get("a").name).isEqualTo("tok-1");
    assertThat(stack.api.get("b").name).isEqualTo("tok-1");
    assertThat(tokenRequests).hasValue(1);
  }

  @Test
  void authenticatesTheClientWithHttpBasicByDefaultAndInTheFormOnRequest() throws Exception {
    provider().clientCredentials().build().token();
    RecordedRequest basic = server.takeRequest();
    assertThat(basic.getHeaders().get("Authorization")).startsWith("Basic ");
    assertThat(basic.getBody().utf8()).isEqualTo("grant_type=client_credentials");

    provider().clientCredentials().clientAuth(ClientAuthMethod.FORM).build().token();
    RecordedRequest form = server.takeRequest();
    assertThat(form.getHeaders().get("Authorization")).isNull();
    assertThat(form.getBody().utf8()).contains("client_id=client-1").contains("client_secret=client-secret-value");
  }

  @Test
  void passwordGrantSendsTheUserCredentials() {
    provider().password("ops@example.com", Secret.of("pw-123")).scopes(List.of("posts", "issues")).build().token();

    assertThat(tokenBodies.get(0)).contains("grant_type=password").contains("username=ops%40example.com")
        .contains("password=pw-123").contains("scope=posts+issues");
  }

  @Test
  void refreshGrantRotatesTheRefreshTokenIntoTheStore() {
    TokenStore store = TokenStore.inMemory(Secret.of("refresh-0"));
    OAuth2TokenProvider tokens = provider().refreshToken(store).build();

    tokens.token();
    assertThat(tokenBodies.get(0)).contains("grant_type=refresh_token").contains("refresh_token=refresh-0");
    assertThat(store.loadRefreshToken()).map(Secret::reveal).contains("refresh-1");

    tokens.refresh(tokens.token());
    assertThat(tokenBodies.get(1)).contains("refresh_token=refresh-1");
    assertThat(store.loadRefreshToken()).map(Secret::reveal).contains("refresh-2");
  }

  @Test
  void tokenEndpointErrorsBecomeTypedOAuthErrors() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(400)
            .body("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid refresh token\"}").build();
      }
    });
    OAuth2TokenProvider tokens = provider().refreshToken(TokenStore.inMemory(Secret.of("stale"))).build();

    assertThatThrownBy(tokens::token).isInstanceOfSatisfying(OAuthException.class, e -> {
      assertThat(e.isInvalidGrant()).isTrue();
      assertThat(e.errorMessage()).contains("Invalid refresh token");
      assertThat(e.getMessage()).doesNotContain("stale");
    });
  }

  @Test
  void refusesToBuildWithoutTheSettingsItNeeds() {
    assertThatThrownBy(() -> OAuth2TokenProvider.builder().clientId("c").clientCredentials().build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenUrl");
    assertThatThrownBy(() -> provider().build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grant");
    assertThatThrownBy(() -> OAuth2TokenProvider.builder().tokenUrl("https://a.example/token").clientId("c").clientCredentials().build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientSecret");
  }

  static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
