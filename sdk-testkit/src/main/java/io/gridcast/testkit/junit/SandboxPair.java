package io.gridcast.testkit.junit;

import io.gridcast.testkit.SpotifyQuirk;
import io.gridcast.testkit.SpotifySandbox;
import io.gridcast.testkit.TradingGridSandbox;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Spotify and one Trading Grid sandbox with the clients made for them on first request.
 * Closing closes the clients, then the sandboxes; idempotent. Thread-safe.
 */
final class SandboxPair implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SandboxPair.class);

  private final SpotifySandbox spotify;
  private final TradingGridSandbox tradingGrid;
  private final ConcurrentMap<String, AutoCloseable> clients = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private SandboxPair(SpotifySandbox spotify, TradingGridSandbox tradingGrid) {
    this.spotify = spotify;
    this.tradingGrid = tradingGrid;
  }

  /**
   * Starts both sandboxes with {@code seed}, the Spotify sandbox with {@code spotifyQuirks}, in
   * memory, on loopback, on free ports.
   */
  static SandboxPair start(long seed, Set<SpotifyQuirk> spotifyQuirks) {
    SpotifySandbox spotify = SpotifySandbox.builder().seed(seed).quirks(spotifyQuirks).build();
    try {
      SandboxPair pair = new SandboxPair(spotify, TradingGridSandbox.builder().seed(seed).start());
      log.debug("started {} and {} for tests", pair.spotify, pair.tradingGrid);
      return pair;
    } catch (RuntimeException e) {
      spotify.close();
      throw e;
    }
  }

  SpotifySandbox spotify() {
    return spotify;
  }

  TradingGridSandbox tradingGrid() {
    return tradingGrid;
  }

  /** The sandbox or client of the type named {@code typeName} (one the extension injects). */
  Object get(String typeName) {
    if (typeName.equals(SpotifySandbox.class.getName())) {
      return spotify;
    }
    if (typeName.equals(TradingGridSandbox.class.getName())) {
      return tradingGrid;
    }
    if (closed) {
      throw new IllegalStateException("the sandboxes are closed");
    }
    return clients.computeIfAbsent(typeName, name -> name.equals(GridcastSandboxExtension.SPOTIFY_CLIENT)
        ? SandboxClients.spotify(spotify) : SandboxClients.tradingGrid(tradingGrid));
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (AutoCloseable client : clients.values()) {
      try {
        client.close();
      } catch (Exception e) {
        log.warn("closing {} failed", client, e);
      }
    }
    spotify.close();
    tradingGrid.close();
  }
}
