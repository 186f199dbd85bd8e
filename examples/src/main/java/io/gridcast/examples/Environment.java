package io.gridcast.examples;

import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.state.JdbcStateStore;
import io.gridcast.bridge.state.StateStore;
import io.gridcast.core.Secret;
import io.gridcast.core.auth.AccessTokenProvider;
import io.gridcast.core.auth.OAuth2TokenProvider;
import io.gridcast.core.auth.TokenStore;
import io.gridcast.spotify.PkceChallenge;
import io.gridcast.spotify.SpotifyAuthorization;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.testkit.SpotifySandbox;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.tradinggrid.TradingGridClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where an example runs: on the embedded default (both sandboxes in-process, their state and
 * the H2 state store kept together in one local folder, so that runs build on each other), or
 * against the real platforms when credentials are in the environment.
 *
 * <p>Real platforms are used when {@code SPOTIFY_CLIENT_ID} is set: Spotify from
 * {@code SPOTIFY_CLIENT_ID}/{@code SPOTIFY_CLIENT_SECRET}, Trading Grid from
 * {@code TRADINGGRID_BASE_URL}, {@code TRADINGGRID_TENANT}, {@code TRADINGGRID_COMMUNITY},
 * {@code TRADINGGRID_CLIENT_ID} and {@code TRADINGGRID_CLIENT_SECRET}. The flows that write
 * playlists (business music, campaigns) need a user: set {@code SPOTIFY_REFRESH_TOKEN} from a
 * one-time authorization-code login ({@code SpotifyAuthorization}). State still lives in the
 * local folder's H2 database.
 */
public final class Environment implements AutoCloseable {

  /** What the examples ask the Spotify user for: reading the library, writing playlists and covers. */
  static final Set<String> SCOPES = Set.of("user-library-read", "user-read-playback-position",
      "playlist-read-private", "playlist-modify-private", "playlist-modify-public", "ugc-image-upload");

  private final Path dir;
  private final SpotifySandbox spotifySandbox;
  private final TradingGridSandbox tradingGridSandbox;
  private final SpotifyClient spotify;
  private final TradingGridClient tradingGrid;
  private final StateStore store;
  private PostTemplates templates = PostTemplates.english();

  private Environment(Path dir, SpotifySandbox ss, TradingGridSandbox ts, SpotifyClient spotify,
      TradingGridClient tradingGrid, StateStore store) {
    this.dir = dir;
    this.spotifySandbox = ss;
    this.tradingGridSandbox = ts;
    this.spotify = spotify;
    this.tradingGrid = tradingGrid;
    this.store = store;
  }

  /**
   * Opens the environment in {@code dir}.
   *
   * @param reset wipe the folder first (sandbox state and ledger together, so they never disagree)
   */
  public static Environment open(Path dir, boolean reset, Map<String, String> env) {
    PostTemplates templates = templates(env); // a wrong locale or folder fails before anything starts
    Environment environment = openPlatforms(dir, reset, env);
    environment.templates = templates;
    return environment;
  }

  /**
   * The post templates: {@code GRIDCAST_LOCALE} (a language tag such as {@code de}; default
   * English) and {@code GRIDCAST_TEMPLATES} (a folder of the host's own templates; optional).
   */
  static PostTemplates templates(Map<String, String> env) {
    String tag = env.get("GRIDCAST_LOCALE");
    String folder = env.get("GRIDCAST_TEMPLATES");
    if ((tag == null || tag.isBlank()) && (folder == null || folder.isBlank())) {
      return PostTemplates.english();
    }
    PostTemplates.Builder b = PostTemplates.builder();
    if (tag != null && !tag.isBlank()) {
      Locale locale = Locale.forLanguageTag(tag.strip());
      if (locale.getLanguage().isEmpty()) {
        throw new IllegalArgumentException("GRIDCAST_LOCALE (--locale) must be a language tag such as de or de-DE, was '" + tag + "'");
      }
      b.locale(locale);
    }
    if (folder != null && !folder.isBlank()) {
      b.folder(Path.of(folder.strip()));
    }
    return b.build();
  }

  private static Environment openPlatforms(Path dir, boolean reset, Map<String, String> env) {
    try {
      if (reset) {
        deleteRecursively(dir);
      }
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + dir, e);
    }
    StateStore store = JdbcStateStore.h2File(dir.resolve("state"));
    if (env.get("SPOTIFY_CLIENT_ID") != null) {
      SpotifyClient spotify = env.get("SPOTIFY_REFRESH_TOKEN") == null
          ? SpotifyClient.builder().fromEnvironment(env).build()
          : SpotifyClient.builder().tokenProvider(userTokens(env)).build();
      TradingGridClient tg = TradingGridClient.builder().fromEnvironment(env).build();
      return new Environment(dir, null, null, spotify, tg, store);
    }
    SpotifySandbox ss = SpotifySandbox.builder().stateDir(dir.resolve("spotify-sandbox")).build();
    TradingGridSandbox ts = TradingGridSandbox.builder().stateDir(dir.resolve("tradinggrid-sandbox")).start();
    // a user token through the real PKCE flow, as an app acting for its owner would get one
    SpotifyAuthorization auth = SpotifyAuthorization.builder()
        .accountsUrl(ss.baseUri().toString())
        .clientId(ss.clientId())
        .redirectUri("http://127.0.0.1/callback")
        .tokenStore(TokenStore.inMemory(null))
        .build();
    PkceChallenge pkce = PkceChallenge.generate();
    String code = ss.issueAuthorizationCode(ss.clientId(), "http://127.0.0.1/callback", pkce.challenge(), SCOPES);
    auth.exchangeCode(code, pkce);
    SpotifyClient spotify = SpotifyClient.builder()
        .baseUrl(ss.apiBaseUri().toString())
        .tokenProvider(auth.tokenProvider())
        .build();
    TradingGridClient tg = TradingGridClient.builder()
        .baseUrl(ts.baseUrl().toString())
        .tenant(TradingGridSandbox.DEFAULT_TENANT_ID)
        .community(TradingGridSandbox.DEFAULT_COMMUNITY_ID)
        .clientCredentials(TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET))
        .build();
    return new Environment(dir, ss, ts, spotify, tg, store);
  }

  /**
   * A user's tokens for the examples that write playlists, from the refresh token a one-time
   * authorization-code login produced ({@code SPOTIFY_REFRESH_TOKEN}); rotated refresh tokens
   * are kept for the rest of the run.
   */
  private static AccessTokenProvider userTokens(Map<String, String> env) {
    String secret = env.get("SPOTIFY_CLIENT_SECRET");
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("Spotify client secret is missing: set SPOTIFY_CLIENT_SECRET");
    }
    return OAuth2TokenProvider.builder()
        .tokenUrl(SpotifyClient.DEFAULT_TOKEN_URL)
        .clientId(env.get("SPOTIFY_CLIENT_ID"))
        .clientSecret(Secret.of(secret))
        .refreshToken(TokenStore.inMemory(Secret.of(env.get("SPOTIFY_REFRESH_TOKEN"))))
        .build();
  }

  /** The templates every example's flow writes its posts with ({@code --locale}, {@code --templates}). */
  public PostTemplates templates() {
    return templates;
  }

  public Path dir() {
    return dir;
  }

  /** Whether this runs on the in-process sandboxes. */
  public boolean embedded() {
    return spotifySandbox != null;
  }

  public SpotifyClient spotify() {
    return spotify;
  }

  public TradingGridClient tradingGrid() {
    return tradingGrid;
  }

  public StateStore stateStore() {
    return store;
  }

  /** The Spotify sandbox, on the embedded default. @throws IllegalStateException otherwise */
  public SpotifySandbox spotifySandbox() {
    if (spotifySandbox == null) {
      throw new IllegalStateException("this example runs against the real Spotify: no sandbox to drive");
    }
    return spotifySandbox;
  }

  /** The Trading Grid sandbox, on the embedded default. @throws IllegalStateException otherwise */
  public TradingGridSandbox tradingGridSandbox() {
    if (tradingGridSandbox == null) {
      throw new IllegalStateException("this example runs against the real Trading Grid: no sandbox to drive");
    }
    return tradingGridSandbox;
  }

  @Override
  public void close() {
    for (AutoCloseable c : List.<AutoCloseable>of(spotify, tradingGrid, store)) {
      try {
        c.close();
      } catch (Exception e) {
        // closing is best effort at exit
      }
    }
    if (spotifySandbox != null) {
      spotifySandbox.close();
    }
    if (tradingGridSandbox != null) {
      tradingGridSandbox.close();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
