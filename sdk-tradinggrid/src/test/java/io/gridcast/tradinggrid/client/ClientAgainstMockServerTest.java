package io.gridcast.tradinggrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.core.Secret;
import io.gridcast.core.auth.AccessToken;
import io.gridcast.core.auth.AccessTokenProvider;
import io.gridcast.core.errors.ApiException;
import io.gridcast.core.errors.BadRequestException;
import io.gridcast.core.errors.ConflictException;
import io.gridcast.core.errors.ForbiddenException;
import io.gridcast.core.errors.GridcastException;
import io.gridcast.core.errors.NotFoundException;
import io.gridcast.core.errors.PreconditionFailedException;
import io.gridcast.core.errors.RateLimitedException;
import io.gridcast.core.errors.ServerException;
import io.gridcast.core.errors.UnauthorizedException;
import io.gridcast.core.errors.UnparseableResponseException;
import io.gridcast.core.resilience.ResilienceConfig;
import io.gridcast.tradinggrid.DocumentsApi;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Audience;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The client's HTTP behaviour against scripted answers: error bodies become typed errors, 429
 * waits as long as {@code Retry-After} asks, idempotent creates are retried with the same key,
 * and the bearer token never reaches an exception message.
 */
class ClientAgainstMockServerTest {

  private static final String TOKEN = "tg-access-token-7f3c9a1e5b";
  private static final String COMMUNITY = "c_main";
  private static final String POST_JSON = "{\"id\":\"post_1\",\"kind\":\"announcement\",\"title\":\"Episode 44\",\"body\":\"Out now\","
      + "\"links\":[],\"metadata\":{},\"audience\":{\"groupIds\":[\"g_active\"],\"partnerIds\":[]},\"attachments\":[],"
      + "\"tags\":[],\"version\":1,\"createdAt\":\"2026-10-05T08:00:00Z\",\"updatedAt\":\"2026-10-05T08:00:00Z\"}";

  private final MockWebServer server = new MockWebServer();
  private TradingGridClient tg;

  @BeforeEach
  void start() throws Exception {
    server.start();
    tg = client(ResilienceConfig.builder().maxRetries(2).baseDelay(Duration.ofMillis(5)).maxDelay(Duration.ofMillis(20)).build());
  }

  @AfterEach
  void stop() {
    tg.close();
    server.close();
  }

  private TradingGridClient client(ResilienceConfig resilience) {
    return TradingGridClient.builder()
        .baseUrl(server.url("/activecommunity/v1/").toString())
        .tenant("acme")
        .community(COMMUNITY)
        .tokenProvider(AccessTokenProvider.fixed(new AccessToken(Secret.of(TOKEN), Instant.parse("2100-01-01T00:00:00Z"), null, null)))
        .resilience(resilience)
        .build();
  }

  private void enqueue(int code, String body, String... headers) {
    MockResponse.Builder b = new MockResponse.Builder().code(code).body(body).addHeader("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      b.addHeader(headers[i], headers[i + 1]);
    }
    server.enqueue(b.build());
  }

  private static String error(String code, String message, String requestId) {
    return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"requestId\":\"" + requestId + "\"}}";
  }

  private static PostCreate post() {
    return PostCreate.builder().kind(PostKind.ANNOUNCEMENT).title("Episode 44").body("Out now")
        .audience(Audience.builder().addGroupIds("g_active").build()).build();
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "400, invalid_request, BadRequestException",
      "403, forbidden, ForbiddenException",
      "404, not_found, NotFoundException",
      "409, idempotency_key_in_use, ConflictException",
      "412, version_conflict, PreconditionFailedException",
      "413, payload_too_large, ApiException",
      "422, validation_failed, BadRequestException",
  })
  void mapsTheErrorBodyToATypedErrorWithCodeMessageAndRequestId(int status, String code, String type) {
    enqueue(status, error(code, "What went wrong.", "req_" + status));

    assertThatThrownBy(() -> tg.posts().get("post_1"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.getClass().getSimpleName()).isEqualTo(type);
          assertThat(e.status()).isEqualTo(status);
          assertThat(e.method()).isEqualTo("GET");
          assertThat(e.url()).endsWith("/activecommunity/v1/communities/c_main/posts/post_1");
          assertThat(e.errorCode()).contains(code);
          assertThat(e.errorMessage()).contains("What went wrong.");
          assertThat(e.requestId()).contains("req_" + status);
        })
        .hasMessageContaining("HTTP " + status + " [" + code + "]: What went wrong. (request id req_" + status + ")");
  }

  @Test
  void aStaleVersionRaisesAPreconditionFailedConflict() {
    enqueue(412, error("version_conflict", "If-Match is 1 but the current version is 2.", "req_1"));

    assertThatThrownBy(() -> tg.posts().update("post_1", io.gridcast.tradinggrid.model.PostUpdate.builder().title("x").build(), 1))
        .isInstanceOf(PreconditionFailedException.class)
        .isInstanceOf(ConflictException.class);
    assertThat(takeRequest().getHeaders().get("If-Match")).isEqualTo("1");
  }

  @Test
  void takesTheRequestIdFromTheHeaderWhenTheBodyHasNone() {
    enqueue(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"No post post_9.\"}}", "X-Request-Id", "req_from_header");

    assertThatThrownBy(() -> tg.posts().get("post_9"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.requestId()).contains("req_from_header"));
  }

  @Test
  void aServerErrorIsRetriedThenRaised() {
    for (int i = 0; i < 3; i++) {
      enqueue(500, error("internal_error", "Boom.", "req_500_" + i));
    }

    assertThatThrownBy(() -> tg.posts().get("post_1"))
        .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.requestId()).contains("req_500_2"));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aBodyThatIsNotTheContractsJsonIsUnparseable() {
    enqueue(200, "<html>gateway maintenance</html>");

    assertThatThrownBy(() -> tg.posts().get("post_1")).isInstanceOf(UnparseableResponseException.class);
  }

  @Test
  void waitsAsLongAsRetryAfterAsksBeforeSendingAgain() {
    enqueue(429, error("rate_limited", "Slow down.", "req_429"), "Retry-After", "1");
    enqueue(200, POST_JSON);

    long start = System.nanoTime();
    assertThat(tg.posts().get("post_1").id()).isEqualTo("post_1");
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aRetryAfterLongerThanTheClientWaitsSurfacesAsRateLimited() {
    enqueue(429, error("rate_limited", "Daily quota used.", "req_quota"), "Retry-After", "3600");

    assertThatThrownBy(() -> tg.posts().get("post_1"))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.retryAfter()).contains(Duration.ofHours(1));
          assertThat(e.errorCode()).contains("rate_limited");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retriesAnIdempotentCreateWithTheSameKeyAndBody() {
    enqueue(503, error("service_unavailable", "Try again.", "req_503"));
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    enqueue(201, POST_JSON);

    assertThat(tg.posts().create(post(), "announce-ep44").id()).isEqualTo("post_1");

    List<RecordedRequest> sent = List.of(takeRequest(), takeRequest(), takeRequest());
    assertThat(sent).extracting(r -> r.getHeaders().get("Idempotency-Key")).containsOnly("announce-ep44");
    assertThat(sent).extracting(r -> r.getBody().utf8()).containsOnly(sent.get(0).getBody().utf8());
    assertThat(sent.get(0).getMethod()).isEqualTo("POST");
  }

  @Test
  void neverRetriesACreateWithoutAnIdempotencyKey() {
    enqueue(503, error("service_unavailable", "Try again.", "req_503"));

    assertThatThrownBy(() -> tg.posts().create(post(), null)).isInstanceOf(ServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(takeRequest().getHeaders().get("Idempotency-Key")).isNull();
  }

  @Test
  void theBearerTokenNeverAppearsInAnExceptionMessage() {
    List<GridcastException> failures = new ArrayList<>();
    enqueue(401, error("unauthorized", "Token expired.", "req_401a"));
    enqueue(401, error("unauthorized", "Token expired.", "req_401b"));
    failures.add(catchFailure(() -> tg.posts().get("post_1"), UnauthorizedException.class));
    enqueue(403, error("forbidden", "No access.", "req_403"));
    failures.add(catchFailure(() -> tg.posts().get("post_1"), ForbiddenException.class));
    enqueue(400, "{\"error\":{\"code\":\"invalid_request\",\"message\":\"Bad header Authorization\"}}");
    failures.add(catchFailure(() -> tg.posts().create(post(), null), BadRequestException.class));
    enqueue(200, "not json");
    failures.add(catchFailure(() -> tg.posts().get("post_1"), UnparseableResponseException.class));

    assertThat(takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(failures).hasSize(4).allSatisfy(f -> {
      for (Throwable t = f; t != null; t = t.getCause()) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN).doesNotContain("Bearer");
        assertThat(t.toString()).doesNotContain(TOKEN);
      }
    });
  }

  @Test
  void aDownloadWhoseBytesDoNotMatchTheSha256IsRefused() {
    enqueue(200, "{\"id\":\"d_1\",\"fileName\":\"a.txt\",\"contentType\":\"text/plain\",\"size\":5,"
        + "\"sha256\":\"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\",\"createdAt\":\"2026-10-05T08:00:00Z\"}");
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain").body("HELLO").build());

    assertThatThrownBy(() -> tg.documents().download("d_1"))
        .isInstanceOf(DocumentsApi.DocumentIntegrityException.class)
        .hasMessageContaining("downloaded content of document d_1 hashes to")
        .hasMessageContaining("but the document's SHA-256 is 2cf24dba");
  }

  @Test
  void anUploadStoredWithOtherBytesIsReported() {
    enqueue(201, "{\"id\":\"d_2\",\"fileName\":\"a.txt\",\"contentType\":\"text/plain\",\"size\":5,"
        + "\"sha256\":\"0000000000000000000000000000000000000000000000000000000000000000\",\"createdAt\":\"2026-10-05T08:00:00Z\"}");

    assertThatThrownBy(() -> tg.documents().upload("hello".getBytes(StandardCharsets.UTF_8), "a.txt", "text/plain", null, null))
        .isInstanceOf(DocumentsApi.DocumentIntegrityException.class)
        .hasMessageContaining("upload it again");
    RecordedRequest upload = takeRequest();
    assertThat(upload.getHeaders().get("Content-Type")).startsWith("multipart/form-data; boundary=");
    assertThat(upload.getBody().utf8()).contains("name=\"file\"; filename=\"a.txt\"").contains("name=\"contentType\"");
  }

  private static GridcastException catchFailure(Runnable call, Class<? extends GridcastException> expected) {
    try {
      call.run();
    } catch (GridcastException e) {
      assertThat(e).isInstanceOf(expected);
      return e;
    }
    throw new AssertionError("expected " + expected.getSimpleName());
  }

  private RecordedRequest takeRequest() {
    try {
      return server.takeRequest();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
