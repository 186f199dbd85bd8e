package io.gridcast.provingground;

import io.gridcast.core.Secret;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.SpotifySandboxMain;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.testkit.TradingGridSandboxMain;
import io.gridcast.tradinggrid.TradingGridClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Both sandboxes as standalone processes ({@link SpotifySandboxMain}, {@link
 * TradingGridSandboxMain}), the way crash tests need them: they outlive every worker that is
 * killed. Their addresses are read from what the mains print.
 */
public final class StandaloneSandboxes implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final ChildJvm spotify;
  private final ChildJvm tradingGrid;
  /** e.g. {@code http://127.0.0.1:40001}: the Spotify sandbox's root (API under /v1/, token at /api/token). */
  public final String spotifyBase;
  /** e.g. {@code http://127.0.0.1:40002/activecommunity/v1/}. */
  public final String tradingGridApi;

  private StandaloneSandboxes(ChildJvm spotify, ChildJvm tradingGrid) throws InterruptedException {
    this.spotify = spotify;
    this.tradingGrid = tradingGrid;
    this.spotifyBase = after(spotify.awaitLine(l -> l.startsWith("Spotify sandbox listening on "), START_TIMEOUT),
        "Spotify sandbox listening on ");
    this.tradingGridApi = after(tradingGrid.awaitLine(l -> l.startsWith("Trading Grid sandbox listening on "),
        START_TIMEOUT), "Trading Grid sandbox listening on ");
  }

  /**
   * Starts both sandboxes.
   *
   * @param name a label for the log files
   * @param spotifyArgs extra {@link SpotifySandboxMain} options, e.g. {@code --synthetic-show ID=2000}
   * @param tradingGridArgs extra {@link TradingGridSandboxMain} options
   */
  public static StandaloneSandboxes start(String name, List<String> spotifyArgs, List<String> tradingGridArgs)
      throws InterruptedException {
    List<String> jvm = List.of("-Xmx1g");
    ChildJvm spotify = ChildJvm.start(name + "-spotify", SpotifySandboxMain.class, jvm, spotifyArgs);
    ChildJvm tradingGrid = null;
    try {
      List<String> tgArgs = new ArrayList<>(tradingGridArgs);
      tgArgs.addAll(List.of("--token-ttl-seconds", "43200"));
      tradingGrid = ChildJvm.start(name + "-tradinggrid", TradingGridSandboxMain.class, jvm, tgArgs);
      return new StandaloneSandboxes(spotify, tradingGrid);
    } catch (RuntimeException | InterruptedException | Error e) {
      spotify.close();
      if (tradingGrid != null) {
        tradingGrid.close();
      }
      throw e;
    }
  }

  private static String after(String line, String prefix) {
    String trimmed = line.trim();
    return trimmed.substring(trimmed.indexOf(prefix.trim()) + prefix.trim().length()).trim();
  }

  /** A Spotify client on these sandboxes; see {@link #spotifyClientAt}. */
  public SpotifyClient spotifyClient() {
    return spotifyClientAt(spotifyBase);
  }

  /** A Trading Grid client on these sandboxes; see {@link #tradingGridClientAt}. */
  public TradingGridClient tradingGridClient() {
    return tradingGridClientAt(tradingGridApi);
  }

  /** A Spotify client on the sandbox at {@code root}, with the demo app's client credentials. */
  public static SpotifyClient spotifyClientAt(String root) {
    return SpotifyClient.builder().baseUrl(root + "/v1/").tokenUrl(root + "/api/token")
        .clientCredentials(SpotifyDemoData.CLIENT_ID, Secret.of(SpotifyDemoData.CLIENT_SECRET))
        .build();
  }

  /** A Trading Grid client on the sandbox API at {@code api}, its default tenant and community. */
  public static TradingGridClient tradingGridClientAt(String api) {
    return tradingGridClientAt(api, chain -> chain.proceed(chain.request()));
  }

  /** The same, with {@code interceptor} around every call. */
  public static TradingGridClient tradingGridClientAt(String api, okhttp3.Interceptor interceptor) {
    return TradingGridClient.builder().baseUrl(api).tenant(TradingGridSandbox.DEFAULT_TENANT_ID)
        .community(TradingGridSandbox.DEFAULT_COMMUNITY_ID)
        .clientCredentials(TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET))
        .addInterceptor(interceptor)
        .build();
  }

  /** The arguments that point a {@link SyncWorker} at these sandboxes. */
  public List<String> workerArgs() {
    return List.of("--spotify", spotifyBase, "--tradinggrid", tradingGridApi);
  }

  @Override
  public void close() throws InterruptedException {
    try {
      spotify.close();
    } finally {
      tradingGrid.close();
    }
  }
}
