package io.gridcast.spotify;

import static io.gridcast.core.testing.HostileCategories.*;
import static io.gridcast.core.testing.HostileCase.refused;
import static io.gridcast.core.testing.HostileCase.tolerated;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.core.testing.HostileCase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.core.GridcastJson;
import io.gridcast.core.Secret;
import io.gridcast.core.auth.AccessToken;
import io.gridcast.core.auth.AccessTokenProvider;
import io.gridcast.core.errors.GridcastException;
import io.gridcast.core.errors.OAuthException;
import io.gridcast.core.errors.RateLimitedException;
import io.gridcast.core.errors.RedirectRefusedException;
import io.gridcast.core.errors.ResponseTooLargeException;
import io.gridcast.core.errors.ServerException;
import io.gridcast.core.errors.UnparseableResponseException;
import io.gridcast.core.http.TransportConfig;
import io.gridcast.core.resilience.ResilienceConfig;
import io.gridcast.core.testing.HostileCase.Expectation;
import io.gridcast.spotify.feed.FeedItem;
import io.gridcast.spotify.feed.FeedLimitExceededException;
import io.gridcast.spotify.feed.FeedReader;
import io.gridcast.spotify.model.AlbumType;
import io.gridcast.spotify.model.Playlist;
import io.gridcast.spotify.model.ReleaseDatePrecision;
import io.gridcast.spotify.model.Show;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
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
 * A corpus of malformed and hostile inputs fed to {@link SpotifyClient}: broken response bodies
 * from a {@link MockWebServer}, hostile token endpoints and paging links, redirects to another
 * host, Retry-After values of non-ASCII digits, bad ids and arguments from callers, unsafe base
 * URLs and CR LF header injection; and hostile feeds fed to {@link FeedReader}. Every case ends in a tolerant decode
 * (and says what was tolerated) or in a typed error, within {@value HostileCase#DEADLINE_SECONDS}
 * seconds, and no exception message carries the bearer token or the client secret.
 */
class HostileInputTest {

  private static final String TOKEN = "hostile-suite-bearer-Q7x2Lp9";
  private static final String CLIENT_SECRET = "hostile-suite-client-secret-3Vd8";
  private static final String SHOW_ID = "O3TrIIEy1ONnaFblwySw0I";
  private static final String PLAYLIST_ID = "3cEYpjA9oz9GiPac4AsH4n";
  private static final String EPISODE_ID = "5Xt5DXGzch68nYYamXrNxZ";
  private static final String INJECTED = "X-Injected";
  private static final int TEN_MB = 10_000_000;
  private static final ObjectMapper JSON = GridcastJson.newObjectMapper();

  private static final String ERROR_BODY = "hostile error response";
  private static final String TOKEN_ENDPOINT = "hostile token endpoint";

  private MockWebServer server;
  /** "Another host" for redirects: a second server, addressed as 127.0.0.1 (the client's is localhost); started on demand. */
  private MockWebServer other;
  private SpotifyClient client;
  private final List<SpotifyClient> extraClients = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client = builder().build();
  }

  @AfterEach
  void stop() {
    extraClients.forEach(SpotifyClient::close);
    client.close();
    server.close();
    if (other != null) {
      other.close();
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("corpus")
  void eachHostileInputEndsInATolerantDecodeOrATypedError(HostileCase<HostileInputTest> hostile) {
    hostile.assertHandled(this, TOKEN, CLIENT_SECRET);
  }

  static Stream<HostileCase<HostileInputTest>> corpus() {
    return Stream.of(responseBodies(), paging(), errorsAndTokens(), redirects(), callerInput(), baseUrls(), headerInjection(),
        feeds()).flatMap(s -> s);
  }

  // ---------------------------------------------------------------- response bodies

  private static Stream<HostileCase<HostileInputTest>> responseBodies() {
    return Stream.of(
        getShow(TRUNCATED, "a show cut off halfway", t -> t.respond(200, half(showJson())),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        getShow(TRUNCATED, "a show cut off inside a string", t -> {
          String json = showJson();
          t.respond(200, json.substring(0, json.indexOf("Archive Sessions") + 7));
        }, refused(UnparseableResponseException.class, "returned HTTP 200")),
        getShow(WRONG_TYPE, "a string where the episodes object belongs",
            t -> t.respond(200, show(s -> s.put("episodes", "none"))),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        getShow(WRONG_TYPE, "an object where the name string belongs",
            t -> t.respond(200, show(s -> s.putObject("name").put("en", "Archive"))),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        getShow(WRONG_TYPE, "words where duration_ms belongs",
            t -> t.respond(200, show(s -> firstEpisode(s).put("duration_ms", "forty minutes"))),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        getShow(WRONG_TYPE, "an array where the show object belongs", t -> t.respond(200, "[1,2,3]"),
            refused(UnparseableResponseException.class, "[1,2,3]")),
        getShow(WRONG_TYPE, "a number where the images list belongs",
            t -> t.respond(200, show(s -> s.put("images", 42))),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        getShow(NULL_LIST, "images: null", t -> t.respond(200, show(s -> s.putNull("images"))),
            decodedShow(show -> assertThat(show.images()).isEmpty())),
        getShow(NULL_LIST, "episodes.items: null", t -> t.respond(200, show(s -> ((ObjectNode) s.get("episodes")).putNull("items"))),
            decodedShow(show -> {
              assertThat(show.episodes().items()).isEmpty();
              assertThat(show.episodes().total()).isEqualTo(3);
            })),
        getShow(NULL_LIST, "languages, copyrights and an episode's images: null", t -> t.respond(200, show(s -> {
          s.putNull("languages");
          s.putNull("copyrights");
          firstEpisode(s).putNull("images");
        })), decodedShow(show -> {
          assertThat(show.languages()).isEmpty();
          assertThat(show.copyrights()).isEmpty();
          assertThat(show.episodes().items().get(0).images()).isEmpty();
        })),
        getShow(NULL_LIST, "a null entry inside the images list",
            t -> t.respond(200, show(s -> ((ArrayNode) s.get("images")).addNull())),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        getShow(UNKNOWN_ENUM, "release_date_precision \"decade\"",
            t -> t.respond(200, show(s -> firstEpisode(s).put("release_date_precision", "decade"))),
            decodedShow(show -> assertThat(show.episodes().items().get(0).releaseDatePrecision())
                .as("the precision is read from the date's own form").isEqualTo(ReleaseDatePrecision.MONTH))),
        hostile(UNKNOWN_ENUM, "a playlist item of type \"audiobook\"", t -> {
          t.respond(200, playlist(p -> firstItem(p).withObjectProperty("item").put("type", "audiobook")));
          return t.client.playlists().get(PLAYLIST_ID);
        }, tolerated(p -> assertThat(((Playlist) p).items().items().get(0).item())
            .as("an unknown item type becomes an empty item").isEmpty())),
        hostile(UNKNOWN_ENUM, "album_type \"mixtape\"", t -> {
          t.respond(200, playlist(p -> firstItem(p).withObjectProperty("item").withObjectProperty("album").put("album_type", "mixtape")));
          return t.client.playlists().get(PLAYLIST_ID);
        }, tolerated(p -> assertThat(((Playlist) p).items().items().get(0).track().orElseThrow().album().orElseThrow().albumType())
            .hasValue(AlbumType.UNKNOWN))),
        getShow(HUGE_STRING, "a 10 MB description", t -> t.respond(200, show(s -> s.put("description", "d".repeat(TEN_MB)))),
            decodedShow(show -> assertThat(show.description()).hasSize(TEN_MB))),
        getShow(HUGE_STRING, "a 10 MB unknown field", t -> t.respond(200, show(s -> s.put("x_padding", "p".repeat(TEN_MB)))),
            decodedShow(show -> assertThat(show.id()).isEqualTo(SHOW_ID))),
        getShow(DEEP, "100,000 '[' as the body", t -> t.respond(200, "[".repeat(100_000)),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        getShow(DEEP, "100,000 nested objects in an unknown field",
            t -> t.respond(200, showJson().replaceFirst("\\{", "{\"x\":" + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000) + ",")),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        hostile(DEEP, "100,000 '[' through the asynchronous call", t -> {
          t.respond(200, "{\"images\":" + "[".repeat(100_000));
          return joined(() -> t.client.shows().getAsync(SHOW_ID, null).join());
        }, refused(UnparseableResponseException.class, "not the expected JSON")),
        getShow(ODD_BODY, "an empty body with 200", t -> t.respond(200, ""),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        getShow(ODD_BODY, "an HTML page with 200",
            t -> t.server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<html><body>Sign in to the Wi-Fi</body></html>").build()),
            refused(UnparseableResponseException.class, "<html>")),
        getShow(ODD_BODY, "the JSON literal null with 200", t -> t.respond(200, "null"),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        hostile(ODD_BODY, "the JSON literal null as a page of episodes", t -> {
          t.respond(200, "null");
          return t.client.shows().episodes(SHOW_ID, null).stream().toList();
        }, refused(UnparseableResponseException.class, "not the expected JSON")),
        getShow(ODD_BODY, "Latin-1 bytes inside a string", t -> t.respondBytes(200,
                show(s -> s.put("name", "@@@")).replace("@@@", "Caf\u00e9").getBytes(StandardCharsets.ISO_8859_1)),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        getShow(ODD_BODY, "the show encoded as UTF-16", t -> t.respondBytes(200, showJson().getBytes(StandardCharsets.UTF_16BE)),
            decodedShow(show -> assertThat(show.name()).isEqualTo("Archive Sessions"))),
        getShow(ODD_BODY, "escaped NUL and control characters in the name",
            t -> t.respond(200, show(s -> s.put("name", "A\u0000B\u001b[31m"))),
            decodedShow(show -> assertThat(show.name()).isEqualTo("A\u0000B\u001b[31m"))),
        getShow(HUGE_NUMBER, "duration_ms 1e400", t -> t.respond(200, show(s -> firstEpisode(s).put("duration_ms", 0))
                .replace("\"duration_ms\":0", "\"duration_ms\":1e400")),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        getShow(HUGE_NUMBER, "a total of 5,000 digits", t -> t.respond(200, show(s -> ((ObjectNode) s.get("episodes")).put("total", 0))
                .replace("\"total\":0", "\"total\":" + "9".repeat(5_000))),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        getShow(HUGE_NUMBER, "a total just past Integer.MAX_VALUE",
            t -> t.respond(200, show(s -> ((ObjectNode) s.get("episodes")).put("total", 2_147_483_648L))),
            refused(UnparseableResponseException.class, "not the expected JSON")),
        getShow(DUPLICATES, "the name given twice", t -> t.respond(200, showJson().replaceFirst("\\{", "{\"name\":\"First\",")),
            decodedShow(show -> assertThat(show.name()).as("the last value wins").isEqualTo("Archive Sessions"))),
        getShow(BOM, "a UTF-8 byte order mark before the JSON",
            t -> t.respondBytes(200, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, showJson().getBytes(StandardCharsets.UTF_8))),
            decodedShow(show -> assertThat(show.id()).isEqualTo(SHOW_ID))),
        hostile(SIZE_CAP, "a Content-Length over the client's cap", t -> {
          t.respond(200, show(s -> s.put("description", "d".repeat(100_000))));
          return t.smallCapClient().shows().get(SHOW_ID);
        }, refused(ResponseTooLargeException.class, "65536-byte cap")),
        hostile(SIZE_CAP, "a chunked body without a length growing past the cap", t -> {
          t.server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
              .chunkedBody(show(s -> s.put("description", "d".repeat(100_000))), 4096).build());
          return t.smallCapClient().shows().get(SHOW_ID);
        }, refused(ResponseTooLargeException.class, "65536-byte cap")));
  }

  // ---------------------------------------------------------------- paging links

  private static Stream<HostileCase<HostileInputTest>> paging() {
    return Stream.of(
        hostile(PAGING, "a next link to another host", t -> {
          t.respond(200, t.episodePage("https://attacker.example/v1/shows/" + SHOW_ID + "/episodes?offset=1"));
          return t.client.shows().episodes(SHOW_ID, null).stream().toList();
        }, refused(GridcastException.class, "refusing to follow a paging link")).andThen(t ->
            assertThat(t.server.getRequestCount()).as("only the first page was fetched").isEqualTo(1)),
        hostile(PAGING, "a next link that is not a URL", t -> {
          t.respond(200, t.episodePage("javascript:alert(1)"));
          return t.client.shows().episodes(SHOW_ID, null).stream().toList();
        }, refused(GridcastException.class, "unparseable link")),
        hostile(PAGING, "a next link pointing back at the same page, forever", t -> {
          String self = t.server.url("/v1/shows/" + SHOW_ID + "/episodes?offset=1&limit=50").toString();
          for (int i = 0; i < 3; i++) {
            t.respond(200, t.episodePage(self));
          }
          return t.client.shows().episodes(SHOW_ID, null).stream().toList();
        }, refused(GridcastException.class, "sent before")),
        hostile(PAGING, "a search answer without the section asked for", t -> {
          t.respond(200, "{\"episodes\":" + t.episodePage(null) + "}");
          return t.client.search().shows("grid", null).stream().toList();
        }, refused(GridcastException.class, "has no shows section")));
  }

  // ---------------------------------------------------------------- error responses and token endpoints

  private static Stream<HostileCase<HostileInputTest>> errorsAndTokens() {
    return Stream.of(
        getShow(ERROR_BODY, "429 with a Retry-After that is neither seconds nor a date",
            t -> t.server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "soon; 99999999999999999999999").build()),
            refused(RateLimitedException.class, "HTTP 429")),
        getShow(ERROR_BODY, "500 with a 100,000-deep error body",
            t -> t.respond(500, "{\"error\":" + "[".repeat(100_000)),
            refused(ServerException.class, "HTTP 500")),
        hostile(TOKEN_ENDPOINT, "an HTML page with 200 instead of a token", t -> {
          t.server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html").body("<html>login</html>").build());
          return t.appClient().shows().get(SHOW_ID);
        }, refused(UnparseableResponseException.class, "token endpoint body withheld")),
        hostile(TOKEN_ENDPOINT, "an access_token that is a number", t -> {
          t.respond(200, "{\"access_token\":12345,\"token_type\":\"Bearer\",\"expires_in\":3600}");
          return t.appClient().shows().get(SHOW_ID);
        }, refused(UnparseableResponseException.class, "token endpoint body withheld")),
        hostile(TOKEN_ENDPOINT, "an expires_in of 1e30 seconds", t -> {
          t.respond(200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":1e30}");
          t.respond(200, showJson());
          return t.appClient().shows().get(SHOW_ID);
        }, decodedShow(show -> assertThat(show.id()).isEqualTo(SHOW_ID))));
  }

  // ---------------------------------------------------------------- redirects and Retry-After

  private static Stream<HostileCase<HostileInputTest>> redirects() {
    return Stream.of(
        hostile(REDIRECT, "a playlist POST answered 307 to another host", t -> {
          t.redirect(307, t.otherHost("/v1/me/playlists"));
          return t.client.playlists().create("Archive picks", "secret plans", false, false);
        }, refused(RedirectRefusedException.class, "a POST is never re-sent to a redirect's target",
            e -> assertThat(((RedirectRefusedException) e).target()).hasValueSatisfying(
                target -> assertThat(target).startsWith("http://127.0.0.1:"))))
            .andThen(HostileInputTest::theOtherHostReceivedNothing),
        getShow(REDIRECT, "a show GET answered 302 to another host", t -> t.redirect(302, t.otherHost("/v1/shows/" + SHOW_ID)),
            refused(RedirectRefusedException.class, "it leads to another scheme, host or port"))
            .andThen(HostileInputTest::theOtherHostReceivedNothing),
        hostile(REDIRECT, "a show GET answered 301 to another host, asynchronously", t -> {
          t.redirect(301, t.otherHost("/v1/shows/" + SHOW_ID));
          return joined(() -> t.client.shows().getAsync(SHOW_ID, null).join());
        }, refused(RedirectRefusedException.class, "it leads to another scheme, host or port"))
            .andThen(HostileInputTest::theOtherHostReceivedNothing),
        hostile(REDIRECT, "a token endpoint answering 307 to another host", t -> {
          t.redirect(307, t.otherHost("/api/token"));
          return t.appClient().shows().get(SHOW_ID);
        }, refused(OAuthException.class, "credentials are never re-sent to a redirect's target")).andThen(t -> {
          theOtherHostReceivedNothing(t);
          assertThat(t.server.getRequestCount()).as("only the token request was sent, once").isEqualTo(1);
        }),
        getShow(RETRY_AFTER_DIGITS, "429 with a Retry-After of Arabic-Indic digits",
            t -> t.server.enqueue(new MockResponse.Builder().code(429).addHeaderLenient("Retry-After", "\u0663\u0660").build()),
            refused(RateLimitedException.class, "HTTP 429", e -> assertThat(((RateLimitedException) e).retryAfter())
                .as("'\u0663\u0660' is not 30 seconds").isEmpty())),
        getShow(RETRY_AFTER_DIGITS, "429 with a Retry-After of full-width digits",
            t -> t.server.enqueue(new MockResponse.Builder().code(429).addHeaderLenient("Retry-After", "\uff13\uff10").build()),
            refused(RateLimitedException.class, "HTTP 429", e -> assertThat(((RateLimitedException) e).retryAfter())
                .as("'\uff13\uff10' is not 30 seconds").isEmpty())));
  }

  // ---------------------------------------------------------------- caller input

  private static Stream<HostileCase<HostileInputTest>> callerInput() {
    return Stream.of(
        showId(INVALID_ID, "null", null, "show id is missing"),
        showId(INVALID_ID, "empty", "", "Not a Spotify id: ''"),
        showId(INVALID_ID, "22 spaces", " ".repeat(22), "Not a Spotify id"),
        showId(INVALID_ID, "21 characters", SHOW_ID.substring(1), "exactly 22 characters"),
        showId(INVALID_ID, "a 10 MB string, echoed truncated", "a".repeat(TEN_MB), "(truncated, 10000000 characters)"),
        showId(INVALID_ID, "CR LF inside, echoed escaped", "O3TrIIEy1ONnaFbl\r\nX-1", "\\u000d\\u000a"),
        showId(INVALID_ID, "an episode URI where a show is expected", "spotify:episode:" + EPISODE_ID, "expected a show"),
        showId(UNICODE_ID, "22 full-width letters", "\uff21".repeat(22), "Not a Spotify id"),
        showId(UNICODE_ID, "Arabic-Indic digits", "\u0661".repeat(22), "Not a Spotify id"),
        showId(UNICODE_ID, "a right-to-left override and an emoji", "O3TrIIEy1ONnaFblwyS\u202e\ud83d\ude00", "Not a Spotify id"),
        showId(TRAVERSAL_ID, "../../me", "../../me", "Not a Spotify URI or link"),
        showId(TRAVERSAL_ID, "%2e%2e%2fme", "%2e%2e%2fme", "Not a Spotify id"),
        showId(TRAVERSAL_ID, "a/b", "a/b", "Not a Spotify URI or link"),
        showId(TRAVERSAL_ID, "spotify:show:../../me", "spotify:show:../../me", "Not a Spotify URI or link"),
        showId(TRAVERSAL_ID, "an open.spotify.com link with ../", "https://open.spotify.com/show/../me/" + SHOW_ID, "Not a Spotify URI or link"),
        hostile(BAD_ARGUMENT, "getMany(null)", t -> t.client.shows().getMany(null, null),
            refused(IllegalArgumentException.class, "show ids are missing")),
        hostile(BAD_ARGUMENT, "getMany with a null among valid ids", t -> t.client.episodes().getMany(Arrays.asList(EPISODE_ID, null), null),
            refused(IllegalArgumentException.class, "episode id is missing")).andThen(HostileInputTest::nothingWasSent),
        hostile(BAD_ARGUMENT, "addItems with a null list", t -> t.client.playlists().addItems(PLAYLIST_ID, null, null),
            refused(IllegalArgumentException.class, "no items given")),
        hostile(BAD_ARGUMENT, "a null search query", t -> t.client.search().shows(null, null),
            refused(IllegalArgumentException.class, "search query is missing")),
        hostile(BAD_ARGUMENT, "a 10 MB search query", t -> t.client.search().episodes("q".repeat(TEN_MB), null),
            refused(IllegalArgumentException.class, "longer than 500 characters")),
        hostile(BAD_ARGUMENT, "a market of ../", t -> Market.of("../"),
            refused(IllegalArgumentException.class, "market must be an ISO 3166-1 alpha-2 code")),
        hostile(BAD_ARGUMENT, "a null cover image", t -> {
          t.client.playlists().uploadCover(PLAYLIST_ID, null);
          return null;
        }, refused(IllegalArgumentException.class, "cover image must be a JPEG")));
  }

  // ---------------------------------------------------------------- base URLs

  private static Stream<HostileCase<HostileInputTest>> baseUrls() {
    return Stream.of(
        baseUrl("http:// to a public host", "http://api.example.com/v1/", "baseUrl must use https"),
        baseUrl("http:// to a private address", "http://10.0.0.1:8080/v1/", "baseUrl must use https"),
        baseUrl("http:// to a host that merely starts with localhost", "http://localhost.attacker.example/v1/", "baseUrl must use https"),
        baseUrl("http:// to a host that merely starts with 127.0.0.1", "http://127.0.0.1.nip.io/v1/", "baseUrl must use https"),
        baseUrl("ftp://", "ftp://api.example.com/v1/", "baseUrl is not a valid http(s) URL"),
        baseUrl("file://", "file:///etc/passwd", "baseUrl is not a valid http(s) URL"),
        baseUrl("garbage", "::not a url::", "baseUrl is not a valid http(s) URL"),
        baseUrl("blank", "   ", "baseUrl is missing"),
        baseUrl("user info with a password", "https://admin:hunter2@api.example.com/v1/", "baseUrl must not carry user info"),
        hostile(BASE_URL, "a token URL over plain http", t -> SpotifyClient.builder().tokenUrl("http://accounts.example.com/api/token"),
            refused(IllegalArgumentException.class, "tokenUrl must use https")));
  }

  // ---------------------------------------------------------------- CR LF header injection

  private static Stream<HostileCase<HostileInputTest>> headerInjection() {
    return Stream.of(
        hostile(CRLF, "a token provider whose token carries CR LF and a header", t -> t.clientWith(
                b -> b.tokenProvider(fixedToken(TOKEN + "\r\n" + INJECTED + ": yes"))).shows().get(SHOW_ID),
            refused(GridcastException.class, "not allowed in an HTTP header")).andThen(HostileInputTest::nothingWasSent),
        hostile(CRLF, "a token provider whose token carries a bare LF, asynchronously", t -> joined(() -> t.clientWith(
                b -> b.tokenProvider(fixedToken(TOKEN + "\n" + INJECTED + ": yes"))).shows().getAsync(SHOW_ID, null).join()),
            refused(GridcastException.class, "not allowed in an HTTP header")).andThen(HostileInputTest::nothingWasSent),
        hostile(CRLF, "a token endpoint whose access_token carries CR LF", t -> {
          t.respond(200, "{\"access_token\":\"" + TOKEN + "\\r\\n" + INJECTED + ": yes\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
          return t.appClient().shows().get(SHOW_ID);
        }, refused(GridcastException.class, "not allowed in an HTTP header")).andThen(t -> {
          assertThat(t.server.getRequestCount()).as("only the token request was sent").isEqualTo(1);
          assertThat(t.takeAll()).noneMatch(r -> r.getHeaders().get(INJECTED) != null);
        }),
        hostile(CRLF, "a User-Agent carrying CR LF", t -> t.clientWith(b -> b.transport(
                TransportConfig.builder().userAgent("gridcast\r\n" + INJECTED + ": yes").build())).shows().get(SHOW_ID),
            refused(IllegalArgumentException.class, "userAgent")).andThen(HostileInputTest::nothingWasSent),
        hostile(CRLF, "a search query carrying CR LF stays in the query string", t -> {
          t.respond(200, "{\"shows\":{\"href\":\"h\",\"items\":[],\"limit\":10,\"offset\":0,\"total\":0}}");
          return t.client.search().shows("grid\r\n" + INJECTED + ": yes", null).stream().toList();
        }, tolerated(found -> assertThat((List<?>) found).isEmpty())).andThen(t -> {
          RecordedRequest sent = t.takeAll().get(0);
          assertThat(sent.getHeaders().get(INJECTED)).isNull();
          assertThat(sent.getUrl().queryParameter("q")).isEqualTo("grid\r\n" + INJECTED + ": yes");
        }));
  }

  // ---------------------------------------------------------------- feeds

  private static Stream<HostileCase<HostileInputTest>> feeds() {
    return Stream.of(
        readFeed("200,000 elements nested inside an item", itemHolding("<x>".repeat(200_000) + "</x>".repeat(200_000)),
            refused(FeedLimitExceededException.class, "nest deeper than 64 (the reader's maxDepth limit)")),
        readFeed("200,000 nested elements never closed", itemHolding("<x>".repeat(200_000)),
            refused(FeedLimitExceededException.class, "maxDepth")),
        readFeed("elements nested to the depth limit, 64", itemHolding("<x>".repeat(61) + "</x>".repeat(61)),
            tolerated(items -> assertThat((List<?>) items).singleElement()
                .satisfies(item -> assertThat(((FeedItem) item).guid()).isEqualTo("hostile-ep-1")))),
        readFeed("an element with 9,999 attributes", itemHolding("<x" + attributes(" a%d=\"\"", 9_999) + "/>"),
            refused(FeedLimitExceededException.class, "more than 256 (the reader's maxAttributes limit)")),
        readFeed("an element with 9,999 namespace declarations", itemHolding("<x" + attributes(" xmlns:n%1$d=\"urn:n%1$d\"", 9_999) + "/>"),
            refused(FeedLimitExceededException.class, "maxAttributes")),
        hostile(FEED_LIMITS, "a feed that never ends", t -> new FeedReader().readItems(new EndlessReader()),
            refused(FeedLimitExceededException.class, "longer than 33554432 characters (the reader's maxChars limit)")),
        readFeed("a 2 MB feed for a reader capped at 1 MB", itemHolding("<x>" + "p".repeat(2_000_000) + "</x>"),
            FeedReader.builder().maxChars(1 << 20).build(), refused(FeedLimitExceededException.class, "maxChars(n)")));
  }

  // ---------------------------------------------------------------- case builders

  private static HostileCase<HostileInputTest> hostile(String category, String name, HostileCase.Call<HostileInputTest> call,
      Expectation expectation) {
    return HostileCase.of(category, name, call, expectation);
  }

  private static HostileCase<HostileInputTest> getShow(String category, String name, Consumer<HostileInputTest> respond,
      Expectation expectation) {
    return hostile(category, name, t -> {
      respond.accept(t);
      return t.client.shows().get(SHOW_ID);
    }, expectation);
  }

  private static HostileCase<HostileInputTest> showId(String category, String name, String id, String messagePart) {
    return hostile(category, name, t -> t.client.shows().get(id), refused(IllegalArgumentException.class, messagePart,
        e -> assertThat(e.getMessage()).as("the echo of the id is bounded").hasSizeLessThan(500)))
        .andThen(HostileInputTest::nothingWasSent);
  }

  private static HostileCase<HostileInputTest> baseUrl(String name, String url, String messagePart) {
    return hostile(BASE_URL, name, t -> SpotifyClient.builder().baseUrl(url), refused(IllegalArgumentException.class,
        messagePart, e -> assertThat(e.getMessage()).as("a password in the URL is not echoed").doesNotContain("hunter2")));
  }

  private static HostileCase<HostileInputTest> readFeed(String name, String xml, Expectation expectation) {
    return readFeed(name, xml, new FeedReader(), expectation);
  }

  private static HostileCase<HostileInputTest> readFeed(String name, String xml, FeedReader reader, Expectation expectation) {
    return hostile(FEED_LIMITS, name, t -> reader.readItems(new StringReader(xml)), expectation);
  }

  private static Expectation decodedShow(Consumer<Show> check) {
    return tolerated(result -> check.accept((Show) result));
  }

  // ---------------------------------------------------------------- fixture

  private SpotifyClient.Builder builder() {
    return SpotifyClient.builder()
        .baseUrl(server.url("/v1/").toString())
        .tokenProvider(fixedToken(TOKEN))
        .resilience(ResilienceConfig.disabled());
  }

  private SpotifyClient clientWith(Consumer<SpotifyClient.Builder> settings) {
    SpotifyClient.Builder b = builder();
    settings.accept(b);
    SpotifyClient built = b.build();
    extraClients.add(built);
    return built;
  }

  /** A client that refuses response bodies over 64 KiB. */
  private SpotifyClient smallCapClient() {
    return clientWith(b -> b.transport(TransportConfig.builder().maxResponseBytes(64 * 1024).build()));
  }

  /** A client that fetches its own token from the mock server's token endpoint. */
  private SpotifyClient appClient() {
    return clientWith(b -> b.tokenUrl(server.url("/api/token").toString())
        .clientCredentials("hostile-suite-client", Secret.of(CLIENT_SECRET)));
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

  private String episodePage(String next) {
    ObjectNode page = (ObjectNode) readWire("show-old-payload.json").get("episodes");
    page.put("href", server.url("/v1/shows/" + SHOW_ID + "/episodes").toString());
    page.put("next", next);
    return page.toString();
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

  /** Runs an asynchronous call to completion, rethrowing what the future failed with. */
  private static Object joined(Callable<Object> async) throws Throwable {
    try {
      return async.call();
    } catch (CompletionException e) {
      throw e.getCause();
    }
  }

  private static String showJson() {
    return readWire("show-old-payload.json").toString();
  }

  private static String show(Consumer<ObjectNode> change) {
    ObjectNode show = readWire("show-old-payload.json");
    change.accept(show);
    return show.toString();
  }

  private static String playlist(Consumer<ObjectNode> change) {
    ObjectNode playlist = readWire("playlist-new-shape.json");
    change.accept(playlist);
    return playlist.toString();
  }

  private static ObjectNode firstEpisode(ObjectNode show) {
    return (ObjectNode) show.get("episodes").get("items").get(0);
  }

  private static ObjectNode firstItem(ObjectNode playlist) {
    return (ObjectNode) playlist.get("items").get("items").get(0);
  }

  private static ObjectNode readWire(String resource) {
    try (InputStream in = HostileInputTest.class.getResourceAsStream("/wire/" + resource)) {
      JsonNode node = JSON.readTree(in);
      return (ObjectNode) node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A valid one-item RSS feed whose item also holds {@code hostile}. */
  private static String itemHolding(String hostile) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Hostile</title>"
        + "<link>https://podcast.example/</link><description>d</description><item><guid isPermaLink=\"false\">hostile-ep-1</guid>"
        + "<title>One</title><pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate>"
        + "<enclosure url=\"https://cdn.example/1.mp3\" length=\"1\" type=\"audio/mpeg\"/>" + hostile
        + "</item></channel></rss>";
  }

  private static String attributes(String format, int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      sb.append(String.format(format, i));
    }
    return sb.toString();
  }

  /** A feed that never ends: spaces, forever. */
  private static final class EndlessReader extends Reader {
    @Override
    public int read(char[] buffer, int offset, int length) {
      Arrays.fill(buffer, offset, offset + length, ' ');
      return length;
    }

    @Override
    public void close() {}
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
