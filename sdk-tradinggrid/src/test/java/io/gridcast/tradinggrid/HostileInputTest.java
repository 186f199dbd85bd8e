package io.gridcast.tradinggrid;

import static io.gridcast.core.testing.HostileCategories.*;
import static io.gridcast.core.testing.HostileCase.refused;
import static io.gridcast.core.testing.HostileCase.tolerated;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.core.testing.HostileCase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.core.GridcastJson;
import io.gridcast.core.Secret;
import io.gridcast.core.auth.AccessToken;
import io.gridcast.core.auth.AccessTokenProvider;
import io.gridcast.core.errors.ConflictException;
import io.gridcast.core.errors.GridcastException;
import io.gridcast.core.errors.OAuthException;
import io.gridcast.core.errors.RateLimitedException;
import io.gridcast.core.errors.RedirectRefusedException;
import io.gridcast.core.errors.ResponseTooLargeException;
import io.gridcast.core.errors.UnparseableResponseException;
import io.gridcast.core.http.TransportConfig;
import io.gridcast.core.resilience.ResilienceConfig;
import io.gridcast.core.testing.HostileCase.Expectation;
import io.gridcast.tradinggrid.WebhookSignatureException.Reason;
import io.gridcast.tradinggrid.model.CursorPage;
import io.gridcast.tradinggrid.model.Document;
import io.gridcast.tradinggrid.model.Event;
import io.gridcast.tradinggrid.model.EventType;
import io.gridcast.tradinggrid.model.Issue;
import io.gridcast.tradinggrid.model.IssueSeverity;
import io.gridcast.tradinggrid.model.IssueStatus;
import io.gridcast.tradinggrid.model.PartnerGroupCreate;
import io.gridcast.tradinggrid.model.Post;
import io.gridcast.tradinggrid.model.PostKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of malformed and hostile inputs fed to {@link TradingGridClient} and
 * {@link WebhookVerifier}: broken response bodies from a {@link MockWebServer}, cursor loops,
 * redirects to another host, Retry-After values of non-ASCII digits, bad ids, keys and arguments
 * from callers, unsafe base URLs, CR LF header injection, and forged,
 * malformed, expired and replayed webhook deliveries. Every case ends in a tolerant decode (and
 * says what was tolerated) or in a typed error, within {@value HostileCase#DEADLINE_SECONDS}
 * seconds, and no exception message carries the bearer token or the webhook secret.
 */
class HostileInputTest {

  private static final String TOKEN = "tg-hostile-bearer-Zk41Wq";
  private static final String CLIENT_SECRET = "tg-hostile-client-secret-9Hs2";
  private static final String WEBHOOK_SECRET = "whsec_hostile_suite_5Fz0Nq";
  private static final Secret SECRET = Secret.of(WEBHOOK_SECRET);
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final long T = NOW.getEpochSecond();
  private static final String EVENT = "{\"id\":\"ev_1\",\"type\":\"issue.resolved\",\"occurredAt\":\"2026-01-01T00:00:00Z\","
      + "\"resourceType\":\"issue\",\"resourceId\":\"i_1\",\"data\":{\"id\":\"i_1\"}}";
  private static final String INJECTED = "X-Injected";
  private static final int TEN_MB = 10_000_000;
  private static final ObjectMapper JSON = GridcastJson.newObjectMapper();

  private static final String HOSTILE_SERVER = "hostile server answer";
  private static final String FORGED = "forged or tampered webhook";
  private static final String MALFORMED = "malformed webhook header";
  private static final String STALE = "expired, future or replayed webhook";
  private static final String WEBHOOK_BODY = "hostile webhook body";

  private MockWebServer server;
  /** "Another host" for redirects: a second server, addressed as 127.0.0.1 (the client's is localhost); started on demand. */
  private MockWebServer other;
  private TradingGridClient tg;
  private WebhookVerifier verifier;
  private final List<TradingGridClient> extraClients = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    tg = builder().build();
    verifier = WebhookVerifier.builder(SECRET).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  }

  @AfterEach
  void stop() {
    extraClients.forEach(TradingGridClient::close);
    tg.close();
    server.close();
    if (other != null) {
      other.close();
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("corpus")
  void eachHostileInputEndsInATolerantDecodeOrATypedError(HostileCase<HostileInputTest> hostile) {
    hostile.assertHandled(this, TOKEN, CLIENT_SECRET, WEBHOOK_SECRET);
  }

  static Stream<HostileCase<HostileInputTest>> corpus() {
    return Stream.of(responseBodies(), hostileServers(), redirects(), callerInput(), baseUrls(), headerInjection(), webhooks())
        .flatMap(s -> s);
  }

  // ---------------------------------------------------------------- response bodies

  private static Stream<HostileCase<HostileInputTest>> responseBodies() {
    return Stream.of(
        getPost(TRUNCATED, "a post cut off halfway", t -> t.respond(200, half(post(p -> { }))),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        hostile(TRUNCATED, "a list page cut off after its first item", t -> {
          String page = "{\"items\":[" + post(p -> { }) + "," + post(p -> { });
          t.respond(200, page.substring(0, page.length() - 20));
          return t.tg.posts().list().stream().toList();
        }, refused(UnparseableResponseException.class, "not the expected JSON")),
        getPost(WRONG_TYPE, "a word where the version number belongs", t -> t.respond(200, post(p -> p.put("version", "one"))),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        getPost(WRONG_TYPE, "a string where the tags list belongs", t -> t.respond(200, post(p -> p.put("tags", "news"))),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        getPost(WRONG_TYPE, "an array where the audience object belongs", t -> t.respond(200, post(p -> p.putArray("audience").add("g_1"))),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        hostile(WRONG_TYPE, "an object where nextCursor belongs", t -> {
          t.respond(200, "{\"items\":[],\"nextCursor\":{\"offset\":2}}");
          return t.tg.posts().list().stream().toList();
        }, refused(UnparseableResponseException.class, "not the expected JSON")),
        hostile(WRONG_TYPE, "an object where the items list belongs", t -> {
          t.respond(200, "{\"items\":{\"0\":" + post(p -> { }) + "},\"nextCursor\":null}");
          return t.tg.posts().list().stream().toList();
        }, refused(UnparseableResponseException.class, "not the expected JSON")),
        getPost(NULL_LIST, "tags, links and attachments: null", t -> t.respond(200, post(p -> {
          p.putNull("tags");
          p.putNull("links");
          p.putNull("attachments");
        })), decodedPost(post -> {
          assertThat(post.tags()).isEmpty();
          assertThat(post.links()).isEmpty();
          assertThat(post.attachments()).isEmpty();
        })),
        getPost(NULL_LIST, "audience.groupIds: null", t -> t.respond(200, post(p -> p.withObjectProperty("audience").putNull("groupIds"))),
            decodedPost(post -> assertThat(post.audience().groupIds()).isEmpty())),
        hostile(NULL_LIST, "a list page whose items are null", t -> {
          t.respond(200, "{\"items\":null,\"nextCursor\":null}");
          return t.tg.posts().list().stream().toList();
        }, tolerated(items -> assertThat((List<?>) items).isEmpty())),
        getPost(UNKNOWN_ENUM, "post kind \"podcast_teaser\"", t -> t.respond(200, post(p -> p.put("kind", "podcast_teaser"))),
            decodedPost(post -> assertThat(post.kind()).isEqualTo(PostKind.UNKNOWN))),
        hostile(UNKNOWN_ENUM, "issue status \"escalated\" and severity \"apocalyptic\"", t -> {
          t.respond(200, issue(i -> i.put("status", "escalated").put("severity", "apocalyptic")));
          return t.tg.issues().get("i_1");
        }, tolerated(i -> {
          assertThat(((Issue) i).status()).isEqualTo(IssueStatus.UNKNOWN);
          assertThat(((Issue) i).severity()).isEqualTo(IssueSeverity.UNKNOWN);
        })),
        hostile(UNKNOWN_ENUM, "event type \"partner.teleported\"", t -> {
          t.respond(200, "{\"items\":[" + EVENT.replace("issue.resolved", "partner.teleported") + "],\"nextCursor\":\"e2\"}");
          return t.tg.events().page(null, null);
        }, tolerated(page -> assertThat(((CursorPage<?>) page).items()).singleElement()
            .satisfies(e -> assertThat(((Event) e).type()).isEqualTo(EventType.UNKNOWN)))),
        getPost(HUGE_STRING, "a 10 MB post body", t -> t.respond(200, post(p -> p.put("body", "b".repeat(TEN_MB)))),
            decodedPost(post -> assertThat(post.body()).hasSize(TEN_MB))),
        hostile(HUGE_STRING, "a 10 MB event cursor", t -> {
          t.respond(200, "{\"items\":[],\"nextCursor\":\"" + "c".repeat(TEN_MB) + "\"}");
          return t.tg.events().page(null, null);
        }, tolerated(page -> assertThat(((CursorPage<?>) page).nextCursor()).hasValueSatisfying(c -> assertThat(c).hasSize(TEN_MB)))),
        getPost(DEEP, "100,000 '[' as the body", t -> t.respond(200, "[".repeat(100_000)),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        hostile(DEEP, "event data nested 100,000 objects deep", t -> {
          t.respond(200, "{\"items\":[" + EVENT.replace("{\"id\":\"i_1\"}", "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000))
              + "],\"nextCursor\":null}");
          return t.tg.events().page(null, null);
        }, refused(UnparseableResponseException.class, "not the expected JSON")),
        getPost(ODD_BODY, "an empty body with 200", t -> t.respond(200, ""),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        getPost(ODD_BODY, "an HTML page with 200", t -> t.server.enqueue(new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "text/html").body("<!DOCTYPE html><title>Gateway login</title>").build()),
            refused(UnparseableResponseException.class, "<!DOCTYPE html>")),
        getPost(ODD_BODY, "the JSON literal null with 200", t -> t.respond(200, "null"),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        hostile(ODD_BODY, "the JSON literal null as a list page", t -> {
          t.respond(200, "null");
          return t.tg.posts().list().stream().toList();
        }, refused(UnparseableResponseException.class, "not the expected JSON")),
        getPost(ODD_BODY, "stray continuation bytes that are not UTF-8", t -> t.respondBytes(200,
                post(p -> p.put("title", "@@")).replace("@@", "\u0080\u0081").getBytes(StandardCharsets.ISO_8859_1)),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        getPost(HUGE_NUMBER, "a version of 1e400", t -> t.respond(200, post(p -> p.put("version", 0)).replace("\"version\":0", "\"version\":1e400")),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        getPost(HUGE_NUMBER, "a version one past Long.MAX_VALUE",
            t -> t.respond(200, post(p -> p.put("version", 0)).replace("\"version\":0", "\"version\":9223372036854775808")),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        hostile(HUGE_NUMBER, "a document size of 5,000 digits", t -> {
          t.respond(200, document("d_1", "00").replace("\"size\":2", "\"size\":" + "7".repeat(5_000)));
          return t.tg.documents().get("d_1");
        }, refused(UnparseableResponseException.class, "not the expected JSON")),
        getPost(DUPLICATES, "the kind given twice", t -> t.respond(200, post(p -> { }).replaceFirst("\\{", "{\"kind\":\"training\",")),
            decodedPost(post -> assertThat(post.kind()).as("the last value wins").isEqualTo(PostKind.ANNOUNCEMENT))),
        getPost(BOM, "a UTF-8 byte order mark before the JSON", t -> t.respondBytes(200,
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, post(p -> { }).getBytes(StandardCharsets.UTF_8))),
            decodedPost(post -> assertThat(post.id()).isEqualTo("post_1"))),
        hostile(SIZE_CAP, "a post whose Content-Length is over the client's cap", t -> {
          t.respond(200, post(p -> p.put("body", "b".repeat(100_000))));
          return t.smallCapClient().posts().get("post_1");
        }, refused(ResponseTooLargeException.class, "65536-byte cap")),
        hostile(SIZE_CAP, "a chunked document download growing past the cap", t -> {
          t.respond(200, document("d_1", "00"));
          t.server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
              .chunkedBody("x".repeat(200_000), 8192).build());
          return t.smallCapClient().documents().download("d_1");
        }, refused(ResponseTooLargeException.class, "65536-byte cap")));
  }

  // ---------------------------------------------------------------- hostile servers: cursors, ids, errors, tokens

  private static Stream<HostileCase<HostileInputTest>> hostileServers() {
    return Stream.of(
        hostile(PAGING, "cursors that cycle A, B, A", t -> {
          t.respond(200, "{\"items\":[" + post(p -> { }) + "],\"nextCursor\":\"A\"}");
          t.respond(200, "{\"items\":[" + post(p -> { }) + "],\"nextCursor\":\"B\"}");
          t.respond(200, "{\"items\":[" + post(p -> { }) + "],\"nextCursor\":\"A\"}");
          return t.tg.posts().list().stream().toList();
        }, refused(GridcastException.class, "sent before")).andThen(t ->
            assertThat(t.server.getRequestCount()).as("no page beyond the cycle").isEqualTo(3)),
        hostile(PAGING, "the same cursor answered forever", t -> {
          for (int i = 0; i < 3; i++) {
            t.respond(200, "{\"items\":[" + post(p -> { }) + "],\"nextCursor\":\"again\"}");
          }
          return t.tg.posts().list().stream().count();
        }, refused(GridcastException.class, "sent before")),
        hostile(HOSTILE_SERVER, "document metadata whose id is a path traversal", t -> {
          byte[] content = "report".getBytes(StandardCharsets.UTF_8);
          t.respond(200, document("../../admin", DocumentsApi.sha256(content)));
          t.respondBytes(200, content);
          return t.tg.documents().download("d_1");
        }, tolerated(bytes -> assertThat(new String((byte[]) bytes, StandardCharsets.UTF_8)).isEqualTo("report")))
            .andThen(t -> assertThat(t.takeAll()).extracting(r -> r.getUrl().encodedPath()).containsExactly(
                "/activecommunity/v1/communities/c_main/documents/d_1",
                "/activecommunity/v1/communities/c_main/documents/d_1/content")),
        hostile(HOSTILE_SERVER, "document metadata without a sha256", t -> {
          t.respond(200, document("d_1", "00").replace(",\"sha256\":\"00\"", ""));
          return t.tg.documents().download("d_1");
        }, refused(UnparseableResponseException.class, "not the expected JSON")),
        getPost(HOSTILE_SERVER, "409 whose error is a number, not an object", t -> t.respond(409, "{\"error\":409}"),
            refused(ConflictException.class, "HTTP 409", e -> assertThat(((ConflictException) e).errorCode()).isEmpty())),
        getPost(HOSTILE_SERVER, "429 whose Retry-After is an HTTP date in the year 9999",
            t -> t.server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT").build()),
            refused(RateLimitedException.class, "HTTP 429", e -> assertThat(((RateLimitedException) e).retryAfter())
                .hasValueSatisfying(d -> assertThat(d).isPositive()))),
        hostile(HOSTILE_SERVER, "a token endpoint answering a negative expires_in", t -> {
          t.respond(200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":-5}");
          t.respond(200, post(p -> { }));
          return t.clientWithItsOwnTokens().posts().get("post_1");
        }, decodedPost(post -> assertThat(post.id()).isEqualTo("post_1"))));
  }

  // ---------------------------------------------------------------- redirects and Retry-After

  private static Stream<HostileCase<HostileInputTest>> redirects() {
    return Stream.of(
        hostile(REDIRECT, "a partner group POST answered 307 to another host", t -> {
          t.redirect(307, t.otherHost("/activecommunity/v1/communities/c_main/partner-groups"));
          return t.tg.partnerGroups().create(group(), "key-1");
        }, refused(RedirectRefusedException.class, "a POST is never re-sent to a redirect's target",
            e -> assertThat(((RedirectRefusedException) e).target()).hasValueSatisfying(
                target -> assertThat(target).startsWith("http://127.0.0.1:"))))
            .andThen(HostileInputTest::theOtherHostReceivedNothing),
        getPost(REDIRECT, "a post GET answered 302 to another host",
            t -> t.redirect(302, t.otherHost("/activecommunity/v1/communities/c_main/posts/post_1")),
            refused(RedirectRefusedException.class, "it leads to another scheme, host or port"))
            .andThen(HostileInputTest::theOtherHostReceivedNothing),
        hostile(REDIRECT, "a document download answered 302 to another host", t -> {
          t.respond(200, document("d_1", "00"));
          t.redirect(302, t.otherHost("/bucket/d_1"));
          return t.tg.documents().download("d_1");
        }, refused(RedirectRefusedException.class, "it leads to another scheme, host or port"))
            .andThen(HostileInputTest::theOtherHostReceivedNothing),
        hostile(REDIRECT, "a token endpoint answering 307 to another host", t -> {
          t.redirect(307, t.otherHost("/tenants/acme/oauth2/token"));
          return t.clientWithItsOwnTokens().posts().get("post_1");
        }, refused(OAuthException.class, "credentials are never re-sent to a redirect's target")).andThen(t -> {
          theOtherHostReceivedNothing(t);
          assertThat(t.server.getRequestCount()).as("only the token request was sent, once").isEqualTo(1);
        }),
        getPost(RETRY_AFTER_DIGITS, "429 with a Retry-After of Arabic-Indic digits",
            t -> t.server.enqueue(new MockResponse.Builder().code(429).addHeaderLenient("Retry-After", "\u0663\u0660").build()),
            refused(RateLimitedException.class, "HTTP 429", e -> assertThat(((RateLimitedException) e).retryAfter())
                .as("'\u0663\u0660' is not 30 seconds").isEmpty())),
        getPost(RETRY_AFTER_DIGITS, "429 with a Retry-After of Devanagari digits",
            t -> t.server.enqueue(new MockResponse.Builder().code(429).addHeaderLenient("Retry-After", "\u0969\u0966").build()),
            refused(RateLimitedException.class, "HTTP 429", e -> assertThat(((RateLimitedException) e).retryAfter())
                .as("'\u0969\u0966' is not 30 seconds").isEmpty())));
  }

  // ---------------------------------------------------------------- caller input

  private static Stream<HostileCase<HostileInputTest>> callerInput() {
    return Stream.of(
        postId(INVALID_ID, "null", null, "post id must be 1-64 characters of A-Z a-z 0-9 _ -, was: null"),
        postId(INVALID_ID, "empty", "", "post id must be"),
        postId(INVALID_ID, "blank", "   ", "post id must be"),
        postId(INVALID_ID, "a 10 MB string, echoed truncated", "p".repeat(TEN_MB), "…"),
        postId(INVALID_ID, "a query string smuggled in", "post_1?admin=true", "post id must be"),
        postId(INVALID_ID, "a fragment smuggled in", "post_1#x", "post id must be"),
        postId(UNICODE_ID, "Latin letters with diacritics", "pöst_1", "post id must be"),
        postId(UNICODE_ID, "full-width digits", "post_\uff11", "post id must be"),
        postId(UNICODE_ID, "a zero-width space", "post\u200b_1", "post id must be"),
        postId(TRAVERSAL_ID, "%2e%2e", "%2e%2e", "post id must be"),
        postId(TRAVERSAL_ID, "a/b", "a/b", "post id must be"),
        postId(TRAVERSAL_ID, "..\\..\\partners", "..\\..\\partners", "post id must be"),
        hostile(TRAVERSAL_ID, "a tenant of ../admin", t -> TradingGridClient.builder().tenant("../admin"),
            refused(IllegalArgumentException.class, "tenant id must be")),
        hostile(TRAVERSAL_ID, "a community with a NUL byte", t -> TradingGridClient.builder().community("c_main\u0000"),
            refused(IllegalArgumentException.class, "community id must be")),
        hostile(BAD_ARGUMENT, "a version of Long.MIN_VALUE", t -> t.tg.posts().update("post_1", null, Long.MIN_VALUE),
            refused(IllegalArgumentException.class, "version must be >= 1")).andThen(HostileInputTest::nothingWasSent),
        hostile(BAD_ARGUMENT, "a null create body", t -> t.tg.posts().create(null, "key-1"),
            refused(IllegalArgumentException.class, "Body parameter value must not be null. (parameter 'body')"))
            .andThen(HostileInputTest::nothingWasSent),
        hostile(BAD_ARGUMENT, "a null onboarding stage", t -> t.tg.partners().atStage(null),
            refused(IllegalArgumentException.class, "onboarding stage is missing")),
        hostile(BAD_ARGUMENT, "a blank filter value", t -> t.tg.posts().list(ListQuery.create().with("kind", " \t ")),
            refused(IllegalArgumentException.class, "filter kind must not be blank")),
        hostile(BAD_ARGUMENT, "an externalRef of 600 characters", t -> t.tg.posts().findByExternalRef("spotify:episode:" + "e".repeat(584)),
            refused(IllegalArgumentException.class, "externalRef must be at most 512 characters")),
        hostile(BAD_ARGUMENT, "a 10 MB upload file name", t -> t.tg.documents().upload(new byte[] {1}, "f".repeat(TEN_MB),
                "application/pdf", null, null),
            refused(IllegalArgumentException.class, "fileName must be 1-255 characters")),
        hostile(BAD_ARGUMENT, "null upload bytes", t -> t.tg.documents().upload((byte[]) null, "a.pdf", "application/pdf", null, null),
            refused(IllegalArgumentException.class, "document bytes are missing")),
        hostile(BAD_ARGUMENT, "an idempotency key of 256 characters", t -> t.tg.partnerGroups().create(group(), "k".repeat(256)),
            refused(IllegalArgumentException.class, "idempotency key must be 1-255 visible ASCII characters")),
        hostile(BAD_ARGUMENT, "an idempotency key with a non-ASCII letter", t -> t.tg.partnerGroups().create(group(), "clé-1"),
            refused(IllegalArgumentException.class, "idempotency key must be 1-255 visible ASCII characters")));
  }

  // ---------------------------------------------------------------- base URLs

  private static Stream<HostileCase<HostileInputTest>> baseUrls() {
    return Stream.of(
        hostile(BASE_URL, "http:// to a private address", t -> TradingGridClient.builder().baseUrl("http://192.168.1.10/activecommunity/v1"),
            refused(IllegalArgumentException.class, "baseUrl must use https")),
        hostile(BASE_URL, "http:// to an IPv6 address that is not loopback",
            t -> TradingGridClient.builder().baseUrl("http://[2001:db8::1]/activecommunity/v1"),
            refused(IllegalArgumentException.class, "baseUrl must use https")),
        hostile(BASE_URL, "an auth base URL over plain http", t -> TradingGridClient.builder().authBaseUrl("http://auth.example.com/"),
            refused(IllegalArgumentException.class, "authBaseUrl must use https")),
        hostile(BASE_URL, "a token URL over plain http", t -> TradingGridClient.builder().tokenUrl("http://auth.example.com/token"),
            refused(IllegalArgumentException.class, "tokenUrl must use https")),
        hostile(BASE_URL, "gopher://", t -> TradingGridClient.builder().baseUrl("gopher://gateway.example.com/"),
            refused(IllegalArgumentException.class, "baseUrl is not a valid http(s) URL")),
        hostile(BASE_URL, "an unclosed IPv6 bracket", t -> TradingGridClient.builder().baseUrl("https://[::1/activecommunity"),
            refused(IllegalArgumentException.class, "baseUrl is not a valid http(s) URL")),
        hostile(BASE_URL, "user info with a password", t -> TradingGridClient.builder().baseUrl("https://ops:s3cr3t-pw@gateway.example.com/v1"),
            refused(IllegalArgumentException.class, "baseUrl must not carry user info",
                e -> assertThat(e.getMessage()).doesNotContain("s3cr3t-pw"))),
        hostile(BASE_URL, "plain http from the environment", t -> TradingGridClient.builder().fromEnvironment(Map.of(
                "TRADINGGRID_BASE_URL", "http://gateway.example.com/activecommunity/v1", "TRADINGGRID_TENANT", "acme",
                "TRADINGGRID_COMMUNITY", "c_main", "TRADINGGRID_CLIENT_ID", "id", "TRADINGGRID_CLIENT_SECRET", CLIENT_SECRET)),
            refused(IllegalArgumentException.class, "baseUrl must use https")));
  }

  // ---------------------------------------------------------------- CR LF header injection

  private static Stream<HostileCase<HostileInputTest>> headerInjection() {
    return Stream.of(
        hostile(CRLF, "an idempotency key carrying CR LF and a header",
            t -> t.tg.partnerGroups().create(group(), "key-1\r\n" + INJECTED + ": yes"),
            refused(IllegalArgumentException.class, "idempotency key must be 1-255 visible ASCII characters"))
            .andThen(HostileInputTest::nothingWasSent),
        hostile(CRLF, "an upload idempotency key carrying a bare LF",
            t -> t.tg.documents().upload(new byte[] {1}, "a.pdf", "application/pdf", null, "key-1\n" + INJECTED + ": yes"),
            refused(IllegalArgumentException.class, "idempotency key must be 1-255 visible ASCII characters"))
            .andThen(HostileInputTest::nothingWasSent),
        hostile(CRLF, "a token provider whose token carries CR LF and a header", t -> t.clientWith(
                b -> b.tokenProvider(fixedToken(TOKEN + "\r\n" + INJECTED + ": yes"))).posts().get("post_1"),
            refused(GridcastException.class, "not allowed in an HTTP header")).andThen(HostileInputTest::nothingWasSent),
        hostile(CRLF, "a token endpoint whose access_token carries CR LF", t -> {
          t.respond(200, "{\"access_token\":\"" + TOKEN + "\\r\\n" + INJECTED + ": yes\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
          return t.clientWithItsOwnTokens().posts().get("post_1");
        }, refused(GridcastException.class, "not allowed in an HTTP header")).andThen(t -> {
          assertThat(t.server.getRequestCount()).as("only the token request was sent").isEqualTo(1);
          assertThat(t.takeAll()).noneMatch(r -> r.getHeaders().get(INJECTED) != null);
        }),
        hostile(CRLF, "a content type carrying CR LF", t -> t.tg.documents().upload(new byte[] {1}, "a.pdf",
                "application/pdf\r\n" + INJECTED + ": yes", null, null),
            refused(IllegalArgumentException.class, "contentType must be a media type")).andThen(HostileInputTest::nothingWasSent),
        hostile(CRLF, "a User-Agent carrying CR LF", t -> t.clientWith(b -> b.transport(
                TransportConfig.builder().userAgent("gridcast\r\n" + INJECTED + ": yes").build())).posts().get("post_1"),
            refused(IllegalArgumentException.class, "userAgent")).andThen(HostileInputTest::nothingWasSent),
        hostile(CRLF, "a filter value carrying CR LF stays in the query string", t -> {
          t.respond(200, "{\"items\":[],\"nextCursor\":null}");
          return t.tg.posts().list(ListQuery.create().externalRef("ref\r\n" + INJECTED + ": yes")).stream().toList();
        }, tolerated(items -> assertThat((List<?>) items).isEmpty())).andThen(t -> {
          RecordedRequest sent = t.takeAll().get(0);
          assertThat(sent.getHeaders().get(INJECTED)).isNull();
          assertThat(sent.getUrl().queryParameter("externalRef")).isEqualTo("ref\r\n" + INJECTED + ": yes");
        }),
        hostile(CRLF, "an upload file name carrying CR LF is escaped in its part header", t -> {
          byte[] content = {1, 2, 3};
          t.respond(201, document("d_9", DocumentsApi.sha256(content)));
          return t.tg.documents().upload(content, "a.pdf\r\n" + INJECTED + ": yes", "application/pdf", null, "key-9");
        }, tolerated(doc -> assertThat(((Document) doc).id()).isEqualTo("d_9"))).andThen(t -> {
          RecordedRequest sent = t.takeAll().get(0);
          assertThat(sent.getHeaders().get(INJECTED)).isNull();
          assertThat(sent.getBody().utf8()).doesNotContain("\r\n" + INJECTED + ": yes\"").contains("filename=\"a.pdf%0D%0A");
        }));
  }

  // ---------------------------------------------------------------- webhooks

  private static Stream<HostileCase<HostileInputTest>> webhooks() {
    String valid = signed(EVENT, NOW);
    String signature = valid.substring(valid.indexOf("v1=") + 3);
    return Stream.of(
        verify(FORGED, "a random v1 signature", EVENT, "t=" + T + ",v1=" + "ab".repeat(32), Reason.SIGNATURE_MISMATCH),
        verify(FORGED, "signed with a different secret", EVENT,
            WebhookVerifier.generateSignatureHeader(Secret.of(WEBHOOK_SECRET + "x"), EVENT, NOW), Reason.SIGNATURE_MISMATCH),
        verify(FORGED, "the body with one trailing space", EVENT + " ", valid, Reason.SIGNATURE_MISMATCH),
        verify(FORGED, "the body re-serialised with the same content", reserialised(EVENT), valid, Reason.SIGNATURE_MISMATCH),
        verify(FORGED, "the signature moved to the next second", EVENT, "t=" + (T + 1) + ",v1=" + signature, Reason.SIGNATURE_MISMATCH),
        verify(FORGED, "100 wrong v1 entries and no right one", EVENT,
            "t=" + T + ",v1=" + String.join(",v1=", Collections.nCopies(100, "cd".repeat(32))), Reason.SIGNATURE_MISMATCH),
        verify(FORGED, "v1 values that are not hex", EVENT, "t=" + T + ",v1=zz" + signature.substring(2) + ",v1=\u00e9\u00e9",
            Reason.SIGNATURE_MISMATCH),
        verify(MALFORMED, "a null header", EVENT, null, Reason.MISSING_HEADER),
        verify(MALFORMED, "t= with nothing after it", EVENT, "t=,v1=" + signature, Reason.MALFORMED_HEADER),
        verify(MALFORMED, "no v1 at all, only v0", EVENT, "t=" + T + ",v0=" + signature, Reason.MALFORMED_HEADER),
        verify(MALFORMED, "a timestamp with letters", EVENT, "t=" + T + "abc,v1=" + signature, Reason.MALFORMED_HEADER),
        verify(MALFORMED, "a timestamp of Arabic-Indic digits, correctly signed", EVENT,
            "t=" + arabicIndic(T) + ",v1=" + signature, Reason.MALFORMED_HEADER),
        verify(MALFORMED, "a 20-digit timestamp", EVENT, "t=99999999999999999999,v1=" + signature, Reason.MALFORMED_HEADER),
        verify(MALFORMED, "a negative timestamp", EVENT, "t=-" + T + ",v1=" + signature, Reason.MALFORMED_HEADER),
        verify(MALFORMED, "a megabyte of commas", EVENT, ",".repeat(1 << 20), Reason.MALFORMED_HEADER),
        verify(MALFORMED, "elements without '='", EVENT, "t" + T + ",v1" + signature, Reason.MALFORMED_HEADER),
        hostile(MALFORMED, "CR LF folded between the elements of a valid header", t -> {
          t.verifier.verify(EVENT, "t=" + T + "\r\n,\r\n v1=" + signature);
          return "accepted";
        }, tolerated(r -> assertThat(r).isEqualTo("accepted"))),
        verify(STALE, "signed 301 seconds ago, beyond the tolerance", EVENT, signed(EVENT, NOW.minusSeconds(301)), Reason.TIMESTAMP_TOO_OLD),
        verify(STALE, "signed at the Unix epoch", EVENT, signed(EVENT, Instant.EPOCH), Reason.TIMESTAMP_TOO_OLD),
        verify(STALE, "signed 301 seconds in the future", EVENT, signed(EVENT, NOW.plusSeconds(301)), Reason.TIMESTAMP_IN_FUTURE),
        verify(STALE, "signed with the largest 18-digit timestamp", EVENT,
            signedAt(EVENT, 999_999_999_999_999_999L), Reason.TIMESTAMP_IN_FUTURE),
        hostile(STALE, "the same delivery twice", t -> {
          t.verifier.verify(EVENT, valid);
          t.verifier.verify(EVENT, valid);
          return "accepted twice";
        }, rejected(Reason.REPLAYED)),
        hostile(STALE, "a replay with the signatures reordered and padded", t -> {
          t.verifier.verify(EVENT, valid);
          t.verifier.verify(EVENT, " v1=" + signature.toUpperCase() + " , t=" + T + " ");
          return "accepted twice";
        }, rejected(Reason.REPLAYED)),
        hostile(WEBHOOK_BODY, "the right v1 after 100 wrong ones", t -> {
          t.verifier.verify(EVENT, "t=" + T + String.join("", Collections.nCopies(100, ",v1=" + "cd".repeat(32))) + ",v1=" + signature);
          return "accepted";
        }, tolerated(r -> assertThat(r).isEqualTo("accepted"))),
        hostile(WEBHOOK_BODY, "an empty body, correctly signed, as an event", t -> t.verifier.constructEvent("", signed("", NOW)),
            refused(IllegalArgumentException.class, "not an Active Community event")),
        hostile(WEBHOOK_BODY, "the JSON literal null, correctly signed, as an event", t -> t.verifier.constructEvent("null", signed("null", NOW)),
            refused(IllegalArgumentException.class, "not an Active Community event")),
        hostile(WEBHOOK_BODY, "100,000 '[', correctly signed, as an event", t -> {
          String body = "[".repeat(100_000);
          return t.verifier.constructEvent(body, signed(body, NOW));
        }, refused(IllegalArgumentException.class, "not an Active Community event")),
        hostile(WEBHOOK_BODY, "an event whose data is a 10 MB string, correctly signed", t -> {
          String body = EVENT.replace("{\"id\":\"i_1\"}", "\"" + "d".repeat(TEN_MB) + "\"");
          return t.verifier.constructEvent(body, signed(body, NOW));
        }, tolerated(e -> assertThat(((Event) e).data().asText()).hasSize(TEN_MB))),
        hostile(WEBHOOK_BODY, "an event of an unknown type, correctly signed", t -> {
          String body = EVENT.replace("issue.resolved", "site.demolished");
          return t.verifier.constructEvent(body, signed(body, NOW));
        }, tolerated(e -> assertThat(((Event) e).type()).isEqualTo(EventType.UNKNOWN))),
        hostile(WEBHOOK_BODY, "a null payload", t -> {
          t.verifier.verify((String) null, valid);
          return "accepted";
        }, refused(NullPointerException.class, "payload")));
  }

  // ---------------------------------------------------------------- case builders

  private static HostileCase<HostileInputTest> hostile(String category, String name, HostileCase.Call<HostileInputTest> call,
      Expectation expectation) {
    return HostileCase.of(category, name, call, expectation);
  }

  private static HostileCase<HostileInputTest> getPost(String category, String name, Consumer<HostileInputTest> respond,
      Expectation expectation) {
    return hostile(category, name, t -> {
      respond.accept(t);
      return t.tg.posts().get("post_1");
    }, expectation);
  }

  private static HostileCase<HostileInputTest> postId(String category, String name, String id, String messagePart) {
    return hostile(category, name, t -> t.tg.posts().get(id), refused(IllegalArgumentException.class, messagePart,
        e -> assertThat(e.getMessage()).as("the echo of the id is bounded").hasSizeLessThan(200)))
        .andThen(HostileInputTest::nothingWasSent);
  }

  private static HostileCase<HostileInputTest> verify(String category, String name, String body, String header, Reason reason) {
    return hostile(category, name, t -> {
      t.verifier.verify(body, header);
      return "accepted";
    }, rejected(reason));
  }

  private static Expectation rejected(Reason reason) {
    return refused(WebhookSignatureException.class, "",
        e -> assertThat(((WebhookSignatureException) e).reason()).isEqualTo(reason));
  }

  private static Expectation decodedPost(Consumer<Post> check) {
    return tolerated(result -> check.accept((Post) result));
  }

  // ---------------------------------------------------------------- fixture

  private TradingGridClient.Builder builder() {
    return TradingGridClient.builder()
        .baseUrl(server.url("/activecommunity/v1/").toString())
        .community("c_main")
        .tokenProvider(fixedToken(TOKEN))
        .resilience(ResilienceConfig.disabled());
  }

  private TradingGridClient clientWith(Consumer<TradingGridClient.Builder> settings) {
    TradingGridClient.Builder b = builder();
    settings.accept(b);
    return closedAfterwards(b.build());
  }

  /** A client that fetches its own token from the mock server's {@code /tenants/acme/oauth2/token}. */
  private TradingGridClient clientWithItsOwnTokens() {
    return closedAfterwards(TradingGridClient.builder()
        .baseUrl(server.url("/activecommunity/v1/").toString())
        .tenant("acme")
        .community("c_main")
        .clientCredentials("hostile-suite", Secret.of(CLIENT_SECRET))
        .resilience(ResilienceConfig.disabled())
        .build());
  }

  private TradingGridClient closedAfterwards(TradingGridClient client) {
    extraClients.add(client);
    return client;
  }

  private TradingGridClient smallCapClient() {
    return clientWith(b -> b.transport(TransportConfig.builder().maxResponseBytes(64 * 1024).build()));
  }

  private static AccessTokenProvider fixedToken(String value) {
    return AccessTokenProvider.fixed(new AccessToken(Secret.of(value), Instant.now().plus(Duration.ofHours(1)), null, null));
  }

  /** A URL on "another host": the second server, as 127.0.0.1 where the client calls localhost. */
  private HttpUrl otherHost(String path) {
    if (other == null) {
      other = new MockWebServer();
      try {
        other.start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return other.url(path).newBuilder().host("127.0.0.1").build();
  }

  private void redirect(int code, HttpUrl location) {
    server.enqueue(new MockResponse.Builder().code(code).setHeader("Location", location.toString()).build());
  }

  private static void theOtherHostReceivedNothing(HostileInputTest t) {
    assertThat(t.other.getRequestCount()).as("the other host received nothing").isZero();
  }

  private void respond(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build());
  }

  private void respondBytes(int code, byte[] body) {
    server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .body(new Buffer().write(body)).build());
  }

  /** Every request the mock server has received and not yet handed out. */
  private List<RecordedRequest> takeAll() {
    List<RecordedRequest> all = new ArrayList<>();
    try {
      RecordedRequest r;
      while ((r = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
        all.add(r);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while reading the recorded requests", e);
    }
    return all;
  }

  private static void nothingWasSent(HostileInputTest t) {
    assertThat(t.server.getRequestCount()).as("refused before anything was sent").isZero();
  }

  private static String post(Consumer<ObjectNode> change) {
    ObjectNode post = JSON.createObjectNode()
        .put("id", "post_1").put("kind", "announcement").put("title", "Episode 44").put("body", "Out now");
    post.putArray("links").addObject().put("rel", "episode").put("url", "https://open.spotify.com/episode/5Xt5DXGzch68nYYamXrNxZ");
    post.putObject("metadata").put("show", "Trading Grid Weekly");
    ObjectNode audience = post.putObject("audience");
    audience.putArray("groupIds").add("g_active");
    audience.putArray("partnerIds");
    post.putArray("attachments");
    post.putArray("tags").add("episode");
    post.put("version", 1).put("createdAt", "2026-10-05T08:00:00Z").put("updatedAt", "2026-10-05T08:00:00Z");
    change.accept(post);
    return post.toString();
  }

  private static String issue(Consumer<ObjectNode> change) {
    ObjectNode issue = JSON.createObjectNode()
        .put("id", "i_1").put("type", "trading_issue").put("status", "open").put("severity", "high")
        .put("title", "ASN rejected").put("description", "d").put("version", 3)
        .put("createdAt", "2025-12-30T00:00:00Z").put("updatedAt", "2026-01-01T00:00:00Z");
    change.accept(issue);
    return issue.toString();
  }

  private static String document(String id, String sha256) {
    return "{\"id\":\"" + id + "\",\"fileName\":\"report.pdf\",\"contentType\":\"application/pdf\",\"size\":2"
        + ",\"sha256\":\"" + sha256 + "\",\"createdAt\":\"2026-01-01T00:00:00Z\"}";
  }

  private static PartnerGroupCreate group() {
    return PartnerGroupCreate.builder().name("Certified partners").build();
  }

  private static String signed(String body, Instant at) {
    return WebhookVerifier.generateSignatureHeader(SECRET, body, at);
  }

  /** Signs at a Unix second that {@link Instant} cannot represent. */
  private static String signedAt(String body, long unixSeconds) {
    return "t=" + unixSeconds + ",v1="
        + HexFormat.of().formatHex(WebhookVerifier.hmac(SECRET, unixSeconds, body.getBytes(StandardCharsets.UTF_8)));
  }

  private static String reserialised(String json) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String arabicIndic(long value) {
    StringBuilder sb = new StringBuilder();
    for (char c : Long.toString(value).toCharArray()) {
      sb.append((char) ('\u0660' + (c - '0')));
    }
    return sb.toString();
  }

  private static String half(String s) {
    return s.substring(0, s.length() / 2);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
