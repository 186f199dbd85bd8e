package io.gridcast.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.core.auth.OAuth2TokenProvider;
import io.gridcast.core.errors.OAuthException;
import io.gridcast.core.http.TransportConfig;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What clients do with unusual answers of the token endpoint: short lifetimes and errors. */
class TokenEndpointTest {

  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final AtomicInteger apiRequests = new AtomicInteger();
  private volatile String tokenBody = "{\"access_token\":\"t\",\"expires_in\":3600}";
  private volatile int tokenStatus = 200;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().equals("/token")) {
          tokenRequests.incrementAndGet();
          return new MockResponse.Builder().code(tokenStatus).body(tokenBody).build();
        }
        apiRequests.incrementAndGet();
        return new MockResponse.Builder().code(200).body("{\"name\":\"ok\"}").build();
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OAuth2TokenProvider tokens() {
    return OAuth2TokenProvider.builder().tokenUrl(server.url("/token").toString()).clientId("c")
        .clientSecret(Secret.of("s")).clientCredentials().build();
  }

  @Test
  void aTokenThatLivesShorterThanTheRefreshSkewIsNotFetchedForEveryCall() {
    tokenBody = "{\"access_token\":\"short\",\"expires_in\":40}";
    OAuth2TokenProvider tokens = tokens(); // default skew 60 s

    tokens.token();
    tokens.token();
    tokens.token();

    assertThat(tokenRequests).hasValue(1);
  }

  @Test
  void anAsyncCallFailsWithTheTokenEndpointsTypedErrorAndSendsNoApiRequest() {
    tokenStatus = 401;
    tokenBody = "{\"error\":\"invalid_client\"}";
    TestStack stack = new TestStack(server, TransportConfig.builder().build(), TestStack.fastRetries().build(), tokens());

    assertThatThrownBy(() -> stack.api.getAsync("a").join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(OAuthException.class);
    assertThat(apiRequests).hasValue(0);
  }
}
