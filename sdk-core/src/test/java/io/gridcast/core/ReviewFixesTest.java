package io.gridcast.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.core.auth.OAuth2TokenProvider;
import io.gridcast.core.errors.GridcastException;
import io.gridcast.core.errors.OAuthException;
import io.gridcast.core.errors.ServerException;
import io.gridcast.core.http.GridcastHttp;
import io.gridcast.core.http.TransportConfig;
import io.gridcast.core.paging.Page;
import io.gridcast.core.paging.Paginator;
import io.gridcast.core.resilience.ResilienceConfig;
import io.gridcast.core.resilience.ResilienceInterceptor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviours added after the review of sdk-core. */
class ReviewFixesTest {

  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final AtomicInteger apiRequests = new AtomicInteger();
  private final List<String> apiHeaders = new CopyOnWriteArrayList<>();
  private volatile String tokenBody = "{\"access_token\":\"t\",\"expires_in\":3600}";
  private volatile int tokenStatus = 200;
  private volatile long firstApiDelayMillis;
  private volatile int apiStatus = 200;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().equals("/token")) {
          tokenRequests.incrementAndGet();
          return new MockResponse.Builder().code(tokenStatus).body(tokenBody).build();
        }
        int n = apiRequests.incrementAndGet();
        apiHeaders.add(request.getHeaders().toString());
        MockResponse.Builder b = new MockResponse.Builder().code(apiStatus).body("{\"name\":\"ok\"}");
        if (n == 1 && firstApiDelayMillis > 0) {
          b.headersDelay(firstApiDelayMillis, TimeUnit.MILLISECONDS);
        }
        return b.build();
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
  void anAsyncCallFailsWithTheTokenEndpointsTypedError() {
    tokenStatus = 401;
    tokenBody = "{\"error\":\"invalid_client\"}";
    TestStack stack = new TestStack(server, TransportConfig.builder().build(), TestStack.fastRetries().build(), tokens());

    assertThatThrownBy(() -> stack.api.getAsync("a").join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(OAuthException.class);
    assertThat(apiRequests).hasValue(0);
  }

  @Test
  void anAttemptThatTimesOutIsRetried() {
    firstApiDelayMillis = 1500;
    TestStack stack = new TestStack(server, TransportConfig.builder().build(),
        TestStack.fastRetries().attemptTimeout(Duration.ofMillis(500)).build(), null);

    assertThat(stack.api.get("a").name).isEqualTo("ok");
    assertThat(apiRequests).hasValue(2);
  }

  @Test
  void aTokenThatLivesShorterThanTheSkewIsNotFetchedForEveryCall() {
    tokenBody = "{\"access_token\":\"short\",\"expires_in\":40}";
    OAuth2TokenProvider tokens = tokens(); // default skew 60 s

    tokens.token();
    tokens.token();
    tokens.token();

    assertThat(tokenRequests).hasValue(1);
  }

  @Test
  void aNoRetryCallIsSentOnceAndWithoutTheMarkerHeader() throws Exception {
    apiStatus = 503;
    OkHttpClient http = GridcastHttp.newOkHttpClient(TransportConfig.builder().build(),
        ResilienceConfig.builder().baseDelay(Duration.ofMillis(5)).maxDelay(Duration.ofMillis(10)).build(), null);
    Request put = new Request.Builder().url(server.url("/things/a"))
        .put(RequestBody.create(new byte[0])).header(ResilienceInterceptor.NO_RETRY, "true").build();

    try (Response r = http.newCall(put).execute()) {
      assertThat(r.code()).isEqualTo(503);
    }
    assertThat(apiRequests).hasValue(1);
    assertThat(apiHeaders.get(0)).doesNotContain(ResilienceInterceptor.NO_RETRY);
    GridcastHttp.close(http);
  }

  @Test
  void anIdempotentPutIsStillRetried() {
    apiStatus = 503;
    TestStack stack = new TestStack(server, TransportConfig.builder().build(), TestStack.fastRetries().maxRetries(2).build(), null);

    assertThatThrownBy(() -> stack.api.get("a")).isInstanceOf(ServerException.class);
    assertThat(apiRequests).hasValue(3);
  }

  @Test
  void aCursorCycleIsRefusedRatherThanPagedForever() {
    Paginator<Integer> cycling = Paginator.cursor(c -> Page.of(List.of(1), c == null ? "A" : c.equals("A") ? "B" : "A", null));

    assertThatThrownBy(() -> cycling.forEach(i -> { })).isInstanceOf(GridcastException.class)
        .hasMessageContaining("sent before");
  }
}
