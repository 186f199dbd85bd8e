package io.gridcast.spotify.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.core.Secret;
import io.gridcast.core.auth.AccessToken;
import io.gridcast.core.auth.AccessTokenProvider;
import io.gridcast.core.errors.ForbiddenException;
import io.gridcast.core.errors.NotFoundException;
import io.gridcast.core.resilience.ResilienceConfig;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.spotify.model.SimplifiedEpisode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failures while polling: transient ones (server errors, rate limits, broken connections) are
 * polled through until the deadline; the rest end the wait at once. The client's own retries are
 * off here so that each failure reaches the watcher.
 */
class ReleaseWatcherPollingErrorsTest {

  private static final String SHOW_ID = "5THq5Er5bWp62qwOg6niTM";
  private static final Instant PUBLISHED = Instant.parse("2026-03-02T09:00:00Z");
  private static final FeedItem ITEM = FeedSamples.item("gridcast-issue-4711", "Resolved: ASN mismatch", PUBLISHED);

  private MockWebServer server;
  private SpotifyClient spotify;
  private FakeTime time;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    spotify = SpotifyClient.builder()
        .baseUrl(server.url("/v1/").toString())
        .tokenProvider(AccessTokenProvider.fixed(
            new AccessToken(Secret.of("test-token"), Instant.now().plus(Duration.ofHours(1)), null, null)))
        .resilience(ResilienceConfig.disabled())
        .build();
    time = new FakeTime(PUBLISHED);
  }

  @AfterEach
  void stop() {
    spotify.close();
    server.close();
  }

  private ReleaseWatcher watcher() {
    return ReleaseWatcher.builder(spotify).clock(time).sleeper(time).build();
  }

  private static String episodeJson(String id, String name, String releaseDate, long durationMs) {
    return "{\"description\":\"d\",\"duration_ms\":" + durationMs + ",\"href\":\"https://api.spotify.com/v1/episodes/" + id
        + "\",\"id\":\"" + id + "\",\"images\":[],\"languages\":[\"en\"],\"name\":\"" + name + "\",\"release_date\":\""
        + releaseDate + "\",\"release_date_precision\":\"day\",\"type\":\"episode\",\"uri\":\"spotify:episode:" + id + "\"}";
  }

  private void respondWithEpisodes(String... episodes) {
    String body = "{\"href\":\"" + server.url("/v1/shows/" + SHOW_ID + "/episodes") + "\",\"limit\":50,\"next\":null,"
        + "\"offset\":0,\"previous\":null,\"total\":" + episodes.length + ",\"items\":[" + String.join(",", episodes) + "]}";
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build());
  }

  private void respondWithError(int code, String retryAfter) {
    MockResponse.Builder b = new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .body("{\"error\":{\"status\":" + code + ",\"message\":\"failed\"}}");
    if (retryAfter != null) {
      b.addHeader("Retry-After", retryAfter);
    }
    server.enqueue(b.build());
  }

  @Test
  void serverErrorsAndRateLimitsArePolledThroughHonouringRetryAfter() throws Exception {
    respondWithError(503, null);
    respondWithError(429, "7");
    respondWithEpisodes(
        episodeJson("512ojhOuo1ktJprKbVcKyQ", "Resolved: ASN mismatch", "2026-03-02", ITEM.duration().toMillis()),
        episodeJson("5Xt5DXGzch68nYYamXrNxZ", "Older", "2026-02-23", 1_000_000));

    SimplifiedEpisode found = watcher().await(SHOW_ID, ITEM);

    assertThat(found.id()).isEqualTo("512ojhOuo1ktJprKbVcKyQ");
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(7)); // 7 s asked, > the 3 s backoff
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aBrokenConnectionIsPolledThrough() throws Exception {
    server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    respondWithEpisodes(episodeJson("512ojhOuo1ktJprKbVcKyQ", "Resolved: ASN mismatch", "2026-03-02", 0));

    assertThat(watcher().await(SHOW_ID, ITEM).id()).isEqualTo("512ojhOuo1ktJprKbVcKyQ");
    assertThat(time.sleeps()).hasSize(1);
  }

  @Test
  void anUnknownShowEndsTheWaitAtOnce() {
    respondWithError(404, null);

    assertThatThrownBy(() -> watcher().await(SHOW_ID, ITEM)).isInstanceOf(NotFoundException.class);
    assertThat(time.sleeps()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aForbiddenAnswerEndsTheAsyncWaitWithTheSameError() {
    respondWithError(403, null);

    assertThatThrownBy(() -> watcher().awaitAsync(SHOW_ID, ITEM).join()).hasCauseInstanceOf(ForbiddenException.class);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void anEpisodeWithTheTitleButAnotherDateIsNotTheItem() {
    for (int i = 0; i < 10; i++) {
      respondWithEpisodes(episodeJson("512ojhOuo1ktJprKbVcKyQ", "Resolved: ASN mismatch", "2026-03-09", 0));
    }
    ReleaseWatcher watcher = ReleaseWatcher.builder(spotify).clock(time).sleeper(time).deadline(Duration.ofSeconds(10)).build();

    assertThatThrownBy(() -> watcher.await(SHOW_ID, ITEM))
        .isInstanceOfSatisfying(ReleaseTimeoutException.class, e -> assertThat(e.attempts()).isEqualTo(5)); // at 0, 2, 5, 9.5 and 10 s
  }

  @Test
  void aCustomMatcherDecidesWhichEpisodeIsTheItems() throws Exception {
    respondWithEpisodes(
        episodeJson("5Xt5DXGzch68nYYamXrNxZ", "Renamed by the host #4711", "2026-03-02", 0),
        episodeJson("512ojhOuo1ktJprKbVcKyQ", "Resolved: ASN mismatch", "2026-03-02", 0));
    EpisodeMatcher byIssueNumber = (item, episode) -> episode.name().endsWith("#" + item.guid().replaceAll("\\D", ""));

    SimplifiedEpisode found = ReleaseWatcher.builder(spotify).clock(time).sleeper(time).matcher(byIssueNumber).build()
        .await(SHOW_ID, ITEM);

    assertThat(found.id()).isEqualTo("5Xt5DXGzch68nYYamXrNxZ");
  }
}
