package io.gridcast.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.core.errors.ApiException;
import io.gridcast.core.errors.BadRequestException;
import io.gridcast.core.errors.ConflictException;
import io.gridcast.core.errors.ForbiddenException;
import io.gridcast.core.errors.NotFoundException;
import io.gridcast.core.errors.PreconditionFailedException;
import io.gridcast.core.errors.ResponseTooLargeException;
import io.gridcast.core.errors.UnparseableResponseException;
import io.gridcast.core.http.BaseUrls;
import io.gridcast.core.http.TransportConfig;
import java.util.concurrent.CompletionException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponsesTest {

  private final MockWebServer server = new MockWebServer();
  private TestStack stack;

  @BeforeEach
  void start() throws Exception {
    server.start();
    stack = new TestStack(server, TransportConfig.builder().maxResponseBytes(1024).build(),
        TestStack.fastRetries().maxRetries(0).build(), null);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void enqueue(int code, String body, String... headers) {
    MockResponse.Builder b = new MockResponse.Builder().code(code).body(body);
    for (int i = 0; i < headers.length; i += 2) {
      b.setHeader(headers[i], headers[i + 1]);
    }
    server.enqueue(b.build());
  }

  @ParameterizedTest
  @CsvSource({
    "400, io.gridcast.core.errors.BadRequestException",
    "422, io.gridcast.core.errors.BadRequestException",
    "401, io.gridcast.core.errors.UnauthorizedException",
    "403, io.gridcast.core.errors.ForbiddenException",
    "404, io.gridcast.core.errors.NotFoundException",
    "409, io.gridcast.core.errors.ConflictException",
    "412, io.gridcast.core.errors.PreconditionFailedException",
    "429, io.gridcast.core.errors.RateLimitedException",
    "500, io.gridcast.core.errors.ServerException",
    "413, io.gridcast.core.errors.ApiException"
  })
  void mapsEachStatusToItsTypedError(int status, Class<?> type) {
    enqueue(status, "{\"error\":{\"code\":\"c\",\"message\":\"m\"}}");

    assertThatThrownBy(() -> stack.api.get("a")).isExactlyInstanceOf(type);
  }

  @Test
  void anErrorCarriesStatusMethodUrlPlatformCodeMessageAndRequestId() {
    enqueue(404, "{\"error\":{\"code\":\"post_not_found\",\"message\":\"No post p1\"}}", "X-Request-Id", "req-77");

    assertThatThrownBy(() -> stack.api.get("p1")).isInstanceOfSatisfying(NotFoundException.class, e -> {
      assertThat(e.status()).isEqualTo(404);
      assertThat(e.method()).isEqualTo("GET");
      assertThat(e.url()).endsWith("/things/p1");
      assertThat(e.errorCode()).contains("post_not_found");
      assertThat(e.errorMessage()).contains("No post p1");
      assertThat(e.requestId()).contains("req-77");
      assertThat(e.getMessage()).contains("404").contains("post_not_found").contains("req-77");
    });
  }

  @Test
  void aStaleVersionIsAConflict() {
    enqueue(412, "{\"error\":{\"code\":\"version_conflict\",\"message\":\"stale\"}}");

    assertThatThrownBy(() -> stack.api.get("a")).isInstanceOf(ConflictException.class)
        .isInstanceOf(PreconditionFailedException.class);
  }

  @Test
  void aMalformedJsonBodyRaisesUnparseableResponseWithStatusAndSnippet() {
    enqueue(200, "{\"name\": \"trunc");

    assertThatThrownBy(() -> stack.api.get("a")).isInstanceOfSatisfying(UnparseableResponseException.class, e -> {
      assertThat(e.status()).isEqualTo(200);
      assertThat(e.snippet()).isEqualTo("{\"name\": \"trunc");
      assertThat(e.getMessage()).contains("HTTP 200").contains("{\"name\": \"trunc");
    });
  }

  @Test
  void theSnippetIsShort() {
    enqueue(200, "<html>" + "x".repeat(800) + "</html>");

    assertThatThrownBy(() -> stack.api.get("a")).isInstanceOfSatisfying(UnparseableResponseException.class,
        e -> assertThat(e.snippet()).hasSizeLessThanOrEqualTo(UnparseableResponseException.SNIPPET_LENGTH + 1));
  }

  @Test
  void refusesABodyOverTheCapByContentLength() {
    enqueue(200, "{\"name\":\"" + "x".repeat(2000) + "\"}");

    assertThatThrownBy(() -> stack.api.get("a")).isInstanceOfSatisfying(ResponseTooLargeException.class,
        e -> assertThat(e.limitBytes()).isEqualTo(1024));
  }

  @Test
  void refusesAChunkedBodyOverTheCapWhileReading() {
    server.enqueue(new MockResponse.Builder().code(200).chunkedBody("{\"name\":\"" + "x".repeat(5000) + "\"}", 256).build());

    assertThatThrownBy(() -> stack.api.get("a")).isInstanceOf(ResponseTooLargeException.class);
  }

  @Test
  void theAsyncFormFailsWithTheSameTypedError() {
    enqueue(403, "{\"error\":{\"code\":\"forbidden\"}}");

    assertThatThrownBy(() -> stack.api.getAsync("a").join())
        .isInstanceOf(CompletionException.class).hasCauseInstanceOf(ForbiddenException.class);
  }

  @Test
  void theAsyncFormDecodesSuccess() {
    enqueue(200, "{\"name\":\"async\"}");

    assertThat(stack.api.getAsync("a").join().name).isEqualTo("async");
  }

  @Test
  void anUnknownErrorBodyStillTypesTheErrorByStatus() {
    enqueue(400, "<html>oops</html>");

    assertThatThrownBy(() -> stack.api.get("a")).isInstanceOfSatisfying(BadRequestException.class,
        e -> assertThat(e.errorCode()).isEmpty());
  }

  @Test
  void refusesPlainHttpToANonLoopbackHost() {
    assertThatThrownBy(() -> BaseUrls.require("baseUrl", "http://api.example.com/v1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl must use https");
    assertThatThrownBy(() -> BaseUrls.require("baseUrl", "http://10.0.0.5/"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BaseUrls.require("baseUrl", "ftp://example.com/"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid");
    assertThatThrownBy(() -> BaseUrls.require("baseUrl", " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl is missing");
  }

  @Test
  void allowsHttpsAnywhereAndPlainHttpOnLoopback() {
    assertThat(BaseUrls.require("baseUrl", "https://api.example.com/v1").toString()).isEqualTo("https://api.example.com/v1/");
    assertThat(BaseUrls.require("baseUrl", "http://localhost:8080").isHttps()).isFalse();
    assertThat(BaseUrls.require("baseUrl", "http://127.0.0.1:9/x/").toString()).isEqualTo("http://127.0.0.1:9/x/");
    assertThat(BaseUrls.require("baseUrl", "http://[::1]:9/").host()).isEqualTo("::1");
  }

  @Test
  void apiExceptionIsTheCommonSupertype() {
    enqueue(500, "");
    assertThatThrownBy(() -> stack.api.get("a")).isInstanceOf(ApiException.class);
  }
}
