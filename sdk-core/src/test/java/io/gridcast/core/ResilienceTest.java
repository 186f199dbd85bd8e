package io.gridcast.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.core.errors.CircuitOpenException;
import io.gridcast.core.errors.RateLimitedException;
import io.gridcast.core.errors.ServerException;
import io.gridcast.core.http.GridcastHttp;
import io.gridcast.core.http.TransportConfig;
import io.gridcast.core.resilience.ResilienceConfig;
import io.gridcast.core.resilience.ResilienceInterceptor;
import io.gridcast.core.resilience.ResilienceListener;
import io.gridcast.core.resilience.ResilienceListener.CircuitState;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
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

class ResilienceTest {

  private final MockWebServer server = new MockWebServer();
  private final List<Long> arrivals = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<MockResponse> script = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        arrivals.add(System.nanoTime());
        MockResponse next = script.poll();
        return next != null ? next : ok();
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body("{\"name\":\"ok\"}").build();
  }

  private static MockResponse status(int code, String... headers) {
    MockResponse.Builder b = new MockResponse.Builder().code(code).body("{\"error\":{\"code\":\"e\",\"message\":\"m\"}}");
    for (int i = 0; i < headers.length; i += 2) {
      b.setHeader(headers[i], headers[i + 1]);
    }
    return b.build();
  }

  private long gapMillis(int from, int to) {
    return Duration.ofNanos(arrivals.get(to) - arrivals.get(from)).toMillis();
  }

  @Test
  void retriesNoSoonerThanRetryAfterInSecondsAsks() {
    script.add(status(429, "Retry-After", "1"));
    List<Duration> delays = new CopyOnWriteArrayList<>();
    ResilienceListener listener = new ResilienceListener() {
      @Override
      public void onRetry(String method, String url, int attempt, Duration delay, String reason) {
        delays.add(delay);
      }
    };
    TestStack stack = new TestStack(server, TransportConfig.builder().build(),
        TestStack.fastRetries().listener(listener).build(), null);

    assertThat(stack.api.get("a").name).isEqualTo("ok");

    assertThat(arrivals).hasSize(2);
    assertThat(delays).containsExactly(Duration.ofSeconds(1));
    assertThat(gapMillis(0, 1)).isGreaterThanOrEqualTo(1000);
  }

  @Test
  void retriesNoSoonerThanRetryAfterAsAnHttpDateAsks() {
    Instant now = Instant.parse("2026-11-27T10:00:00Z");
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(2).atOffset(ZoneOffset.UTC));
    script.add(status(503, "Retry-After", date));
    List<Duration> delays = new CopyOnWriteArrayList<>();
    ResilienceListener listener = new ResilienceListener() {
      @Override
      public void onRetry(String method, String url, int attempt, Duration delay, String reason) {
        delays.add(delay);
      }
    };
    TestStack stack = new TestStack(server, TransportConfig.builder().build(),
        TestStack.fastRetries().clock(clock).listener(listener).build(), null, clock);

    assertThat(stack.api.get("a").name).isEqualTo("ok");

    assertThat(delays).containsExactly(Duration.ofSeconds(2));
    assertThat(gapMillis(0, 1)).isGreaterThanOrEqualTo(2000);
  }

  @Test
  void surfacesRateLimitedWithRetryAfterWhenTheWaitExceedsTheMaximum() {
    script.add(status(429, "Retry-After", "120"));
    TestStack stack = new TestStack(server, TransportConfig.builder().build(),
        TestStack.fastRetries().maxRetryAfter(Duration.ofSeconds(30)).build(), null);

    assertThatThrownBy(() -> stack.api.get("a"))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
          assertThat(e.status()).isEqualTo(429);
        });
    assertThat(arrivals).hasSize(1);
  }

  @Test
  void holdsBackTheClientsNextCallUntilTheRetryAfterOfAnEarlierOneHasPassed() {
    script.add(status(429, "Retry-After", "1"));
    TestStack stack = new TestStack(server, TransportConfig.builder().build(),
        TestStack.fastRetries().maxRetries(0).build(), null);

    assertThatThrownBy(() -> stack.api.get("a")).isInstanceOf(RateLimitedException.class);
    assertThat(stack.api.get("b").name).isEqualTo("ok");

    assertThat(arrivals).hasSize(2);
    assertThat(gapMillis(0, 1)).isGreaterThanOrEqualTo(1000);
  }

  @Test
  void refusesWithoutSendingWhileAnEarlierRetryAfterLongerThanTheMaximumRuns() {
    script.add(status(429, "Retry-After", "120"));
    TestStack stack = new TestStack(server, TransportConfig.builder().build(),
        TestStack.fastRetries().maxRetryAfter(Duration.ofSeconds(30)).build(), null);
    assertThatThrownBy(() -> stack.api.get("a")).isInstanceOf(RateLimitedException.class);

    assertThatThrownBy(() -> stack.api.get("b"))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofSeconds(100)));
          assertThat(e.getMessage()).contains("not sent");
        });
    assertThat(arrivals).hasSize(1);
  }

  @Test
  void retriesAPostWithoutAnIdempotencyKeyAfterA429BecauseThePlatformDidNotProcessIt() {
    script.add(status(429, "Retry-After", "0"));
    TestStack stack = new TestStack(server, TransportConfig.builder().build(), TestStack.fastRetries().build(), null);

    assertThat(stack.api.create(new TestApi.Thing("x"), null).name).isEqualTo("ok");
    assertThat(arrivals).hasSize(2);
  }

  @Test
  void retriesServerErrorsOnGetWithBackoff() {
    script.add(status(500));
    script.add(status(502));
    TestStack stack = new TestStack(server, TransportConfig.builder().build(), TestStack.fastRetries().build(), null);

    assertThat(stack.api.get("a").name).isEqualTo("ok");
    assertThat(arrivals).hasSize(3);
  }

  @Test
  void raisesServerExceptionOnceRetriesAreExhausted() {
    for (int i = 0; i < 4; i++) {
      script.add(status(500));
    }
    TestStack stack = new TestStack(server, TransportConfig.builder().build(), TestStack.fastRetries().maxRetries(3).build(), null);

    assertThatThrownBy(() -> stack.api.get("a")).isInstanceOf(ServerException.class);
    assertThat(arrivals).hasSize(4);
  }

  @Test
  void doesNotRetryAPostWithoutAnIdempotencyKey() {
    script.add(status(500));
    TestStack stack = new TestStack(server, TransportConfig.builder().build(), TestStack.fastRetries().build(), null);

    assertThatThrownBy(() -> stack.api.create(new TestApi.Thing("x"), null)).isInstanceOf(ServerException.class);
    assertThat(arrivals).hasSize(1);
  }

  @Test
  void retriesAPostThatCarriesAnIdempotencyKey() throws Exception {
    script.add(status(500));
    TestStack stack = new TestStack(server, TransportConfig.builder().build(), TestStack.fastRetries().build(), null);

    assertThat(stack.api.create(new TestApi.Thing("x"), "key-1").name).isEqualTo("ok");
    assertThat(arrivals).hasSize(2);
    assertThat(server.takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo("key-1");
    assertThat(server.takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo("key-1");
  }

  @Test
  void retriesAPutBecausePutIsIdempotent() throws Exception {
    script.add(status(503));
    script.add(status(500));
    TestStack stack = new TestStack(server, TransportConfig.builder().build(), TestStack.fastRetries().build(), null);

    assertThat(stack.api.replace("a", new TestApi.Thing("x")).name).isEqualTo("ok");
    assertThat(arrivals).hasSize(3);
    for (int i = 0; i < 3; i++) {
      RecordedRequest sent = server.takeRequest();
      assertThat(sent.getMethod()).isEqualTo("PUT");
      assertThat(sent.getBody().utf8()).isEqualTo("{\"name\":\"x\"}");
    }
  }

  @Test
  void raisesServerExceptionOnceThePutsRetriesAreExhausted() {
    for (int i = 0; i < 3; i++) {
      script.add(status(503));
    }
    TestStack stack = new TestStack(server, TransportConfig.builder().build(), TestStack.fastRetries().maxRetries(2).build(), null);

    assertThatThrownBy(() -> stack.api.replace("a", new TestApi.Thing("x"))).isInstanceOf(ServerException.class);
    assertThat(arrivals).hasSize(3);
  }

  @Test
  void sendsACallMarkedNoRetryOnceWhateverItsMethodAndWithoutTheMarker() throws Exception {
    script.add(status(503));
    OkHttpClient http = GridcastHttp.newOkHttpClient(TransportConfig.builder().build(), TestStack.fastRetries().build(), null);
    Request put = new Request.Builder().url(server.url("/things/a"))
        .put(RequestBody.create(new byte[0])).header(ResilienceInterceptor.NO_RETRY, "true").build();
    try {
      try (Response response = http.newCall(put).execute()) {
        assertThat(response.code()).isEqualTo(503);
      }
      assertThat(arrivals).hasSize(1);
      assertThat(server.takeRequest().getHeaders().get(ResilienceInterceptor.NO_RETRY)).isNull();
    } finally {
      GridcastHttp.close(http);
    }
  }

  @Test
  void retriesAnAttemptThatTimesOut() {
    script.add(new MockResponse.Builder().code(200).body("{\"name\":\"late\"}").headersDelay(1500, TimeUnit.MILLISECONDS).build());
    TestStack stack = new TestStack(server, TransportConfig.builder().build(),
        TestStack.fastRetries().attemptTimeout(Duration.ofMillis(500)).build(), null);

    assertThat(stack.api.get("a").name).isEqualTo("ok");
    assertThat(arrivals).hasSize(2);
  }

  @Test
  void opensTheBreakerAfterItsThresholdAndHalfOpensAfterItsDelay() throws Exception {
    for (int i = 0; i < 3; i++) {
      script.add(status(500));
    }
    List<CircuitState> states = new CopyOnWriteArrayList<>();
    ResilienceListener listener = new ResilienceListener() {
      @Override
      public void onCircuitStateChange(CircuitState from, CircuitState to) {
        states.add(to);
      }
    };
    TestStack stack = new TestStack(server, TransportConfig.builder().build(),
        ResilienceConfig.builder().maxRetries(0).breakerFailureThreshold(3)
            .breakerDelay(Duration.ofMillis(300)).listener(listener).build(), null);

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> stack.api.get("a")).isInstanceOf(ServerException.class);
    }
    assertThat(states).containsExactly(CircuitState.OPEN);
    assertThatThrownBy(() -> stack.api.get("a")).isInstanceOf(CircuitOpenException.class);
    assertThat(arrivals).as("an open breaker sends nothing").hasSize(3);

    Thread.sleep(400);
    assertThat(stack.api.get("a").name).isEqualTo("ok");
    assertThat(arrivals).hasSize(4);
    assertThat(states).containsExactly(CircuitState.OPEN, CircuitState.HALF_OPEN, CircuitState.CLOSED);
  }

  @Test
  void aDisabledBreakerLetsEveryCallThroughHoweverManyFail() {
    for (int i = 0; i < 8; i++) {
      script.add(status(500));
    }
    TestStack stack = new TestStack(server, TransportConfig.builder().build(),
        ResilienceConfig.builder().maxRetries(0).breakerEnabled(false).breakerFailureThreshold(3).build(), null);

    for (int i = 0; i < 8; i++) {
      assertThatThrownBy(() -> stack.api.get("a")).isInstanceOf(ServerException.class);
    }
    assertThat(stack.api.get("a").name).isEqualTo("ok");
    assertThat(arrivals).as("every call reached the server").hasSize(9);
  }

  @Test
  void disabledResilienceHasNoBreaker() {
    for (int i = 0; i < 6; i++) {
      script.add(status(500));
    }
    TestStack stack = new TestStack(server, TransportConfig.builder().build(), ResilienceConfig.disabled(), null);

    for (int i = 0; i < 6; i++) {
      assertThatThrownBy(() -> stack.api.get("a")).isInstanceOf(ServerException.class);
    }
    assertThat(stack.api.get("a").name).isEqualTo("ok");
    assertThat(ResilienceConfig.disabled().breakerEnabled()).isFalse();
  }

  @Test
  void refusesABreakerThresholdOverTheMaximumAndSaysHowToTurnTheBreakerOff() {
    assertThatThrownBy(() -> ResilienceConfig.builder().breakerFailureThreshold(Integer.MAX_VALUE).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("breakerFailureThreshold must be between 1 and 1000000, was 2147483647")
        .hasMessageContaining("breakerEnabled(false)");
  }

  @Test
  void acceptsABreakerThresholdAtTheMaximum() {
    assertThat(ResilienceConfig.builder().breakerFailureThreshold(ResilienceConfig.MAX_BREAKER_FAILURE_THRESHOLD).build()
        .breakerFailureThreshold()).isEqualTo(1_000_000);
  }

  @Test
  void disabledResilienceBuildsClientsInA64MegabyteHeap() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
        SmallHeapClientsMain.class.getName()).redirectErrorStream(true).start();
    String output;
    try (InputStream in = child.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child JVM finished").isTrue();

    assertThat(child.exitValue()).as("exit code; output:%n%s", output).isZero();
    assertThat(output).contains("built " + SmallHeapClientsMain.CLIENTS + " clients").doesNotContain("OutOfMemoryError");
  }

  @Test
  void retriesConnectionFailures() {
    AtomicInteger calls = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        arrivals.add(System.nanoTime());
        if (calls.getAndIncrement() == 0) {
          return new MockResponse.Builder().onResponseStart(new mockwebserver3.SocketEffect.CloseSocket()).build();
        }
        return ok();
      }
    });
    TestStack stack = new TestStack(server, TransportConfig.builder().build(), TestStack.fastRetries().build(), null);

    assertThat(stack.api.get("a").name).isEqualTo("ok");
    assertThat(arrivals).hasSize(2);
  }
}
