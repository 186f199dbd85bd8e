package io.gridcast.provingground.faults;

import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.core.Secret;
import io.gridcast.core.auth.AccessToken;
import io.gridcast.core.auth.AccessTokenProvider;
import io.gridcast.core.http.TransportConfig;
import io.gridcast.core.resilience.ResilienceConfig;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.testkit.FaultProfile;
import io.gridcast.testkit.SandboxExchange;
import io.gridcast.testkit.SpotifySandbox;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.tradinggrid.TradingGridClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A Spotify and a Trading Grid sandbox in-process (same seeds as every other pair), clients on
 * them with the given resilience and transport settings (every attempt {@linkplain CallTags
 * tagged} with its call), a bridge on an in-memory state store, and a folder for the flows'
 * files (feeds, media, documents). Both sandboxes report their exchanges to this pair once
 * {@link #observe()} was called. Not thread-safe: one flow drives one pair.
 */
final class SandboxPair implements AutoCloseable {

  /** The Spotify sandbox's token endpoint, never faulted (Trading Grid's is exempted by its builder). */
  static final String SPOTIFY_TOKEN_PATH = "/api/token";

  final Path dir;
  final SpotifySandbox spotifySandbox;
  final TradingGridSandbox tradingGridSandbox;
  final SpotifyClient spotify;
  final TradingGridClient tradingGrid;
  final Bridge bridge;
  /** A user token of the Spotify sandbox with every scope, for reading its state directly. */
  final String spotifyUserToken;
  private final Queue<SandboxExchange> exchanges = new ConcurrentLinkedQueue<>();
  private final CallTags spotifyTags = new CallTags("spotify");
  private final CallTags tradingGridTags = new CallTags("tradinggrid");

  private SandboxPair(Path dir, ResilienceConfig resilience, TransportConfig transport) {
    this.dir = dir;
    this.spotifySandbox = SpotifySandbox.builder().tokenLifetime(Duration.ofHours(12)).build();
    this.tradingGridSandbox = TradingGridSandbox.builder().tokenLifetime(Duration.ofHours(12))
        .exemptTokenEndpointFromFaults().start();
    this.spotifyUserToken = spotifySandbox.userAccessToken();
    this.spotify = SpotifyClient.builder()
        .baseUrl(spotifySandbox.apiBaseUri().toString())
        .tokenProvider(AccessTokenProvider.fixed(new AccessToken(Secret.of(spotifySandbox.userAccessToken()),
            Instant.now().plus(Duration.ofHours(12)), null, null)))
        .resilience(resilience)
        .transport(transport)
        .addInterceptor(spotifyTags)
        .build();
    this.tradingGrid = TradingGridClient.builder()
        .baseUrl(tradingGridSandbox.baseUrl().toString())
        .tenant(TradingGridSandbox.DEFAULT_TENANT_ID)
        .community(TradingGridSandbox.DEFAULT_COMMUNITY_ID)
        .clientCredentials(TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET))
        .resilience(resilience)
        .transport(transport)
        .addInterceptor(tradingGridTags)
        .build();
    this.bridge = Bridge.builder().stateStore(new InMemoryStateStore()).build();
  }

  /** Starts a fresh pair whose flow files live in {@code dir} (created if missing). */
  static SandboxPair start(Path dir, ResilienceConfig resilience, TransportConfig transport) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    return new SandboxPair(dir, resilience, transport);
  }

  /** Turns {@code profile} on in both sandboxes (the token endpoints stay exempt). */
  void faults(FaultProfile profile) {
    spotifySandbox.faults(profile.toBuilder().exemptPath(SPOTIFY_TOKEN_PATH).build());
    tradingGridSandbox.faults(profile);
  }

  /** Records every exchange of both sandboxes from now on. */
  void observe() {
    spotifySandbox.observer(exchanges::add);
    tradingGridSandbox.observer(exchanges::add);
  }

  /** Stops recording exchanges (what was recorded stays). */
  void stopObserving() {
    spotifySandbox.observer(null);
    tradingGridSandbox.observer(null);
  }

  /** The exchanges recorded so far, in the order they were reported. */
  List<SandboxExchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** When one of this pair's clients had the answer to {@code attempt} (a {@link CallTags#ATTEMPT} tag). */
  OptionalLong answeredAt(String attempt) {
    OptionalLong spotify = spotifyTags.answeredAt(attempt);
    return spotify.isPresent() ? spotify : tradingGridTags.answeredAt(attempt);
  }

  @Override
  public void close() {
    spotify.close();
    tradingGrid.close();
    spotifySandbox.close();
    tradingGridSandbox.close();
  }
}
