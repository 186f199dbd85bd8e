package io.gridcast.spotify.feed;

import static io.gridcast.testkit.SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.core.Secret;
import io.gridcast.core.auth.AccessToken;
import io.gridcast.core.auth.AccessTokenProvider;
import io.gridcast.spotify.ContractValidatingInterceptor;
import io.gridcast.spotify.SandboxMode;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.spotify.SpotifyUri;
import io.gridcast.spotify.model.SimplifiedEpisode;
import io.gridcast.testkit.SpotifySandbox;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The release watcher end to end: an item is written to a feed, the sandbox ingests the feed as
 * Spotify would, and the watcher finds the episode. Time is fake; nothing waits for real.
 */
@ParameterizedClass
@EnumSource(SandboxMode.class)
class ReleaseWatcherSandboxTest {

  @Parameter
  SandboxMode mode;

  private static final Instant PUBLISHED = Instant.parse("2026-03-02T09:00:00Z");

  @TempDir Path dir;

  private SpotifySandbox sandbox;
  private SpotifyClient spotify;
  private final AtomicInteger episodePageRequests = new AtomicInteger();
  private FakeTime time;
  private ContractValidatingInterceptor contract;

  @BeforeEach
  void start() {
    // Ingestion only when the test says so (ingestNow), never by the wall clock.
    sandbox = mode.sandbox().ingestionDelay(Duration.ofHours(1)).build();
    contract = mode.contract();
    spotify = SpotifyClient.builder()
        .addInterceptor(contract)
        .baseUrl(sandbox.apiBaseUri().toString())
        .tokenProvider(AccessTokenProvider.fixed(
            new AccessToken(Secret.of(sandbox.clientAccessToken()), Instant.now().plus(Duration.ofHours(1)), null, null)))
        .addInterceptor(chain -> {
          if (chain.request().url().encodedPath().endsWith("/episodes")) {
            episodePageRequests.incrementAndGet();
          }
          return chain.proceed(chain.request());
        })
        .build();
    time = new FakeTime(PUBLISHED.plusSeconds(60));
  }

  @AfterEach
  void stop() {
    spotify.close();
    sandbox.close();
    assertThat(contract.violations()).as("violations of Spotify's OpenAPI document in %s", contract.exchanges()).isEmpty();
  }

  private FeedItem publish(String guid, String title) throws IOException {
    FileSystemFeedSink sink = FileSystemFeedSink.create(dir.resolve("feed.xml"),
        URI.create("https://podcasts.example.com/feed.xml"), FeedSamples.channel());
    FeedItem item = FeedSamples.item(guid, title, PUBLISHED);
    sink.upsert(item);
    sandbox.registerFeed(SHOW_TRADING_GRID_WEEKLY, sink.file().toUri());
    return item;
  }

  private ReleaseWatcher.Builder watcher() {
    return ReleaseWatcher.builder(spotify).clock(time).sleeper(time);
  }

  @Test
  void awaitReturnsTheEpisodeOnceSpotifyHasIngestedTheItem() throws Exception {
    FeedItem item = publish("gridcast-issue-4711", "Resolved: ASN mismatch at Rotterdam DC");
    time.onSleep(sandbox::ingestNow);

    SimplifiedEpisode episode = watcher().build().await(SHOW_TRADING_GRID_WEEKLY, item);

    assertThat(episode.id()).isEqualTo(sandbox.episodeIdForGuid(SHOW_TRADING_GRID_WEEKLY, item.guid()).orElseThrow());
    assertThat(episode.name()).isEqualTo(item.title());
    assertThat(SpotifyUri.parse(episode.uri()).type()).isEqualTo(SpotifyUri.Type.EPISODE);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2)); // not there at the first poll, found at the second
  }

  @Test
  void awaitAsyncCompletesWithTheEpisode() throws Exception {
    FeedItem item = publish("gridcast-issue-4712", "Process change: new ASN cut-off");
    time.onSleep(sandbox::ingestNow);

    SimplifiedEpisode episode = watcher().build().awaitAsync(SHOW_TRADING_GRID_WEEKLY, item).get(30, TimeUnit.SECONDS);

    assertThat(episode.name()).isEqualTo("Process change: new ASN cut-off");
  }

  @Test
  void anItemThatNeverAppearsTimesOutWithTheShowGuidAttemptsAndElapsedTime() throws Exception {
    FeedItem item = FeedSamples.item("never-published", "An episode nobody wrote", PUBLISHED);
    ReleaseWatcher watcher = watcher().deadline(Duration.ofMinutes(1)).build();

    assertThatThrownBy(() -> watcher.await(SHOW_TRADING_GRID_WEEKLY, item))
        .isInstanceOfSatisfying(ReleaseTimeoutException.class, e -> {
          assertThat(e.showId()).isEqualTo(SHOW_TRADING_GRID_WEEKLY);
          assertThat(e.guid()).isEqualTo("never-published");
          assertThat(e.attempts()).isEqualTo(8);
          assertThat(e.elapsed()).isEqualTo(Duration.ofMinutes(1));
          assertThat(e.getMessage()).contains("never-published").contains(SHOW_TRADING_GRID_WEEKLY);
        });
  }

  @Test
  void waitsGrowByTheMultiplierUpToTheMaxDelayAndNeverPastTheDeadline() {
    FeedItem item = FeedSamples.item("never-published", "An episode nobody wrote", PUBLISHED);
    ReleaseWatcher watcher = watcher().deadline(Duration.ofMinutes(1)).build();

    assertThatThrownBy(() -> watcher.await(SHOW_TRADING_GRID_WEEKLY, item)).isInstanceOf(ReleaseTimeoutException.class);

    assertThat(time.sleeps()).containsExactly(
        Duration.ofMillis(2_000), Duration.ofMillis(3_000), Duration.ofMillis(4_500), Duration.ofMillis(6_750),
        Duration.ofMillis(10_125), Duration.ofMillis(15_187).plusNanos(500_000),
        Duration.ofMillis(18_437).plusNanos(500_000)); // the rest of the minute, not the 22.8 s the backoff asks
  }

  @Test
  void theBackoffIsCappedAtTheMaxDelay() {
    FeedItem item = FeedSamples.item("never-published", "An episode nobody wrote", PUBLISHED);
    ReleaseWatcher watcher = watcher().initialDelay(Duration.ofSeconds(20)).multiplier(2).maxDelay(Duration.ofSeconds(30))
        .deadline(Duration.ofSeconds(100)).build();

    assertThatThrownBy(() -> watcher.await(SHOW_TRADING_GRID_WEEKLY, item)).isInstanceOf(ReleaseTimeoutException.class);

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(30),
        Duration.ofSeconds(20));
  }

  @Test
  void eachPollReadsOnlyTheNewestEpisodesDownToTheItemsDate() {
    // The show's newest episodes are from 2026-01-01, 2025-12-25 and 2025-12-18: the last one ends the scan.
    FeedItem item = FeedSamples.item("not-yet", "Not yet", Instant.parse("2025-12-20T10:00:00Z"));
    try (SpotifyClient small = SpotifyClient.builder()
        .baseUrl(sandbox.apiBaseUri().toString())
        .tokenProvider(AccessTokenProvider.fixed(
            new AccessToken(Secret.of(sandbox.clientAccessToken()), Instant.now().plus(Duration.ofHours(1)), null, null)))
        .pageSize(2)
        .addInterceptor(chain -> {
          episodePageRequests.incrementAndGet();
          return chain.proceed(chain.request());
        })
        .build()) {
      ReleaseWatcher watcher = ReleaseWatcher.builder(small).clock(time).sleeper(time)
          .initialDelay(Duration.ofSeconds(5)).maxDelay(Duration.ofSeconds(5)).deadline(Duration.ofSeconds(5)).build();

      assertThatThrownBy(() -> watcher.await(SHOW_TRADING_GRID_WEEKLY, item))
          .isInstanceOfSatisfying(ReleaseTimeoutException.class, e -> assertThat(e.attempts()).isEqualTo(2));
      assertThat(episodePageRequests.get()).isEqualTo(4); // two polls of two pages of two episodes, out of 60
    }
  }

  @Test
  void aBadShowIdIsRefusedBeforeAnyRequest() {
    FeedItem item = FeedSamples.item("x", "X", PUBLISHED);
    ReleaseWatcher watcher = watcher().build();

    assertThatThrownBy(() -> watcher.await("spotify:episode:512ojhOuo1ktJprKbVcKyQ", item))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> watcher.awaitAsync("not an id", item)).isInstanceOf(IllegalArgumentException.class);
    assertThat(episodePageRequests.get()).isZero();
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void builderRefusesSettingsThatCannotWork() {
    assertThatThrownBy(() -> watcher().multiplier(0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> watcher().deadline(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> watcher().initialDelay(Duration.ofSeconds(60)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDelay");
    assertThat(List.of(watcher().build().toString())).singleElement().asString().contains("deadline=PT15M");
  }
}
