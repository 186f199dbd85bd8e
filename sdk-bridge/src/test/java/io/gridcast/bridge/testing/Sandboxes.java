package io.gridcast.bridge.testing;

import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.state.StateStore;
import io.gridcast.core.Secret;
import io.gridcast.core.auth.AccessToken;
import io.gridcast.core.auth.AccessTokenProvider;
import io.gridcast.core.resilience.ResilienceConfig;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.testkit.FaultProfile;
import io.gridcast.testkit.SpotifySandbox;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.tradinggrid.TradingGridClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Both sandboxes in-process, with clients and a bridge on them: what every flow test starts
 * from. Spotify is reached with a user token (all scopes), Trading Grid with the sandbox
 * tenant's client credentials. Retries are fast so fault-profile tests stay quick.
 */
public final class Sandboxes implements AutoCloseable {

  public final SpotifySandbox spotifySandbox;
  public final TradingGridSandbox tradingGridSandbox;
  public final SpotifyClient spotify;
  public final TradingGridClient tradingGrid;

  private Sandboxes(SpotifySandbox ss, TradingGridSandbox ts) {
    this.spotifySandbox = ss;
    this.tradingGridSandbox = ts;
    ResilienceConfig fast = ResilienceConfig.builder()
        .maxRetries(6).baseDelay(Duration.ofMillis(5)).maxDelay(Duration.ofMillis(50))
        .maxRetryAfter(Duration.ofSeconds(5)).breakerFailureThreshold(1000).build();
    String userToken = ss.userAccessToken();
    this.spotify = SpotifyClient.builder()
        .baseUrl(ss.apiBaseUri().toString())
        .tokenProvider(AccessTokenProvider.fixed(
            new AccessToken(Secret.of(userToken), Instant.now().plus(Duration.ofHours(12)), null, null)))
        .resilience(fast)
        .build();
    this.tradingGrid = TradingGridClient.builder()
        .baseUrl(ts.baseUrl().toString())
        .tenant(TradingGridSandbox.DEFAULT_TENANT_ID)
        .community(TradingGridSandbox.DEFAULT_COMMUNITY_ID)
        .clientCredentials(TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET))
        .resilience(fast)
        .build();
  }

  /** Fresh, seeded sandboxes in memory. */
  public static Sandboxes start() {
    return new Sandboxes(SpotifySandbox.builder().tokenLifetime(Duration.ofHours(12)).build(),
        TradingGridSandbox.builder().tokenLifetime(Duration.ofHours(12)).start());
  }

  /** Fresh, seeded sandboxes in memory, the Spotify one given more (synthetic shows, a clock). */
  public static Sandboxes start(java.util.function.Consumer<SpotifySandbox.Builder> spotify) {
    SpotifySandbox.Builder b = SpotifySandbox.builder().tokenLifetime(Duration.ofHours(12));
    spotify.accept(b);
    return new Sandboxes(b.build(), TradingGridSandbox.builder().tokenLifetime(Duration.ofHours(12)).start());
  }

  /** Sandboxes keeping their state in {@code dir} (a restart with the same dir sees it again). */
  public static Sandboxes start(Path dir) {
    return new Sandboxes(
        SpotifySandbox.builder().tokenLifetime(Duration.ofHours(12)).stateDir(dir.resolve("spotify")).build(),
        TradingGridSandbox.builder().tokenLifetime(Duration.ofHours(12)).stateDir(dir.resolve("tradinggrid")).start());
  }

  /** Turns on the same fault profile on both sandboxes (token endpoints exempt). */
  public Sandboxes faults(FaultProfile profile) {
    spotifySandbox.faults(profile);
    tradingGridSandbox.faults(profile);
    return this;
  }

  /** 5 % 5xx and 5 % 429 (Retry-After 0 s), deterministic under {@code seed}. */
  public static FaultProfile flaky(long seed) {
    return FaultProfile.builder().seed(seed).serverErrorRate(0.05).rateLimitRate(0.05).retryAfterSeconds(0)
        .exemptPath("/api/token").exemptPath("/tenants/").build();
  }

  /** A bridge on these clients and the given store. */
  public Bridge bridge(StateStore store) {
    return Bridge.builder().stateStore(store).build();
  }

  /** A bridge on these clients and a new in-memory store. */
  public Bridge bridge() {
    return bridge(new InMemoryStateStore());
  }

  @Override
  public void close() {
    spotify.close();
    tradingGrid.close();
    spotifySandbox.close();
    tradingGridSandbox.close();
  }
}
