package io.gridcast.testkit;

import io.gridcast.testkit.SpotifyCatalog.Episode;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stateful emulator of Spotify's Web API and accounts service on a loopback port.
 *
 * <p>It speaks Spotify's JSON for shows, episodes, the user's library, playlists (read and
 * write), search and the current user, requires bearer tokens from its own {@code /api/token}
 * (client credentials, authorization code with PKCE, refresh-token rotation), starts with the
 * {@linkplain SpotifyDemoData demo data}, emulates podcast ingestion from RSS feeds ({@link
 * #registerFeed(String, URI)}), injects faults ({@link #faults(FaultProfile)}), can keep its
 * mutable state in a directory so that runs build on each other, and starts afresh on {@link
 * #reset()}. At {@code /} it serves a read-only web view of its shows, episodes, feeds and
 * playlists.
 *
 * <p>It is strict by default: every response is one that Spotify's OpenAPI document (version
 * 2026.5.31) accepts. The ways in which the live API breaks that document (nulls where it allows
 * none, older payloads without newer required fields...) are {@linkplain SpotifyQuirk quirks}
 * that a test switches on by name, or all at once with {@link SpotifyQuirk#REAL_WORLD}.
 *
 * <p>Point a client at {@link #apiBaseUri()} for the Web API and {@link #tokenUri()} for tokens.
 * Thread-safe; close it to free the port.
 *
 * <pre>{@code
 * try (SpotifySandbox spotify = SpotifySandbox.builder().build()) {
 *   String token = spotify.userAccessToken();
 *   // GET spotify.apiBaseUri() + "/shows/" + SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY + "/episodes"
 * }
 * // answering as the live API does, nulls and all:
 * SpotifySandbox quirky = SpotifySandbox.builder().quirks(SpotifyQuirk.REAL_WORLD).build();
 * }</pre>
 */
public final class SpotifySandbox implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SpotifySandbox.class);

  private final SpotifyCatalog catalog = new SpotifyCatalog();
  private final SpotifyAccounts accounts;
  private final FeedIngestion ingestion;
  private final SpotifyStateStore store;
  private final AtomicLong sequence = new AtomicLong();
  private final SandboxServer server;
  private final String clientId;
  private final String clientSecret;
  private final Set<SpotifyQuirk> quirks;
  private final List<String> routes;
  private final Map<String, Integer> syntheticShows;

  private SpotifySandbox(Builder b) {
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.quirks = b.quirks;
    this.syntheticShows = new LinkedHashMap<>(b.syntheticShows);
    seed();
    this.accounts = new SpotifyAccounts(b.clientId, b.clientSecret, catalog.currentUserId, b.clock, b.tokenLifetime);
    this.ingestion = new FeedIngestion(b.clock, b.ingestionDelay, b.feedPollInterval, this::persistLocked);
    this.store = b.stateDir == null ? null : new SpotifyStateStore(b.stateDir);
    if (store != null) {
      store.load().ifPresent(state -> {
        SpotifyStateStore.restore(state, catalog);
        sequence.set(state.sequence());
        state.feeds().forEach((show, uri) -> ingestion.register(show, URI.create(uri)));
        log.debug("restored Spotify sandbox state from {}", store.file());
      });
    }
    SpotifyApi api = new SpotifyApi(catalog, accounts, ingestion, b.playlistFieldNames, b.quirks, b.itemsForOwnersOnly, b.clock,
        b.seed, this::persistLocked, sequence::getAndIncrement);
    SandboxRouter router = api.routes();
    this.routes = router.templates();
    this.server = SandboxServer.builder()
        .name("spotify")
        .bind(b.bind)
        .port(b.port)
        .threads(b.threads)
        .router(new SpotifyView(catalog, ingestion).addTo(router))
        .errorFormat(SandboxErrorFormat.STATUS_AND_MESSAGE)
        .faults(b.faults)
        .start();
  }

  /** A builder; see {@link Builder} for the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The server root, e.g. {@code http://127.0.0.1:41234}; the token endpoint lives here too. */
  public URI baseUri() {
    return server.baseUri();
  }

  /** The Web API base, e.g. {@code http://127.0.0.1:41234/v1} (Spotify's {@code https://api.spotify.com/v1}). */
  public URI apiBaseUri() {
    return URI.create(server.baseUri() + "/v1");
  }

  /** The token endpoint (Spotify's {@code https://accounts.spotify.com/api/token}). */
  public URI tokenUri() {
    return URI.create(server.baseUri() + "/api/token");
  }

  /**
   * The authorize endpoint (Spotify's {@code https://accounts.spotify.com/authorize}); it approves
   * at once and redirects to {@code redirect_uri} with {@code code} and {@code state}.
   */
  public URI authorizeUri() {
    return URI.create(server.baseUri() + "/authorize");
  }

  /** The bound port. */
  public int port() {
    return server.port();
  }

  /** Client id of the sandbox app. */
  public String clientId() {
    return clientId;
  }

  /** Client secret of the sandbox app (a test credential). */
  public String clientSecret() {
    return clientSecret;
  }

  /** Replaces the fault profile while running; the fault sequence restarts. */
  public void faults(FaultProfile profile) {
    server.faults(profile);
  }

  /**
   * Reports every request this sandbox answers from now on, with the fault it injected and
   * when it arrived and was answered ({@code null} stops reporting); see {@link
   * SandboxServer#observer}.
   */
  public void observer(java.util.function.Consumer<SandboxExchange> observer) {
    server.observer(observer);
  }

  /** The fault profile in force. */
  public FaultProfile faults() {
    return server.faults();
  }

  /** Every route served, as {@code METHOD template} (for tests that cover them all). */
  List<String> routes() {
    return routes;
  }

  /** The quirks this sandbox reproduces; empty (the default) when it answers strictly by the document. */
  public Set<SpotifyQuirk> quirks() {
    return quirks;
  }

  /** A fresh client-credentials access token (no user: {@code /me} endpoints answer 401). */
  public String clientAccessToken() {
    return accounts.issueClientToken().value();
  }

  /**
   * A fresh user access token for {@link SpotifyDemoData#CURRENT_USER_ID}.
   *
   * @param scopes the granted scopes; none means every scope the sandbox knows
   */
  public String userAccessToken(String... scopes) {
    Set<String> granted = scopes.length == 0 ? SpotifyAccounts.ALL_SCOPES : new LinkedHashSet<>(Arrays.asList(scopes));
    return accounts.issueUserToken(granted).value();
  }

  /**
   * Issues an authorization code as if the user approved the app, for testing the code exchange
   * without a browser. The code is single-use and valid for 10 minutes.
   *
   * @param codeChallenge the PKCE S256 challenge, or {@code null} for a confidential client
   * @throws IllegalArgumentException if {@code clientId} is not the sandbox app's
   */
  public String issueAuthorizationCode(String clientId, String redirectUri, String codeChallenge, Set<String> scopes) {
    Objects.requireNonNull(redirectUri, "redirectUri");
    return accounts.issueAuthorizationCode(clientId, redirectUri, codeChallenge, scopes);
  }

  /**
   * Registers an RSS 2.0 podcast feed ({@code file:}, {@code http:} or {@code https:}) for a show.
   * Items whose guid the show has not seen become episodes after the ingestion delay; the feed is
   * read when requests touch the show (at most once per poll interval) or on {@link #ingestNow()}.
   *
   * @throws IllegalArgumentException if the show does not exist or the URL scheme is unsupported
   */
  public void registerFeed(String showId, URI feedUrl) {
    synchronized (catalog) {
      if (!catalog.shows.containsKey(showId)) {
        throw new IllegalArgumentException("no show " + showId + " in the sandbox; use an id from SpotifyDemoData");
      }
    }
    ingestion.register(showId, feedUrl);
    persist();
  }

  /**
   * Reads every registered feed now and turns every new item into an episode at once, ignoring
   * the ingestion delay.
   *
   * @return ids of the episodes created, in feed order
   */
  public List<String> ingestNow() {
    ingestion.pollAll();
    synchronized (catalog) {
      return ingestion.materialize(catalog, true).stream().map(Episode::id).toList();
    }
  }

  /** The id of the episode ingested from the feed item with {@code guid}, once it exists. */
  public Optional<String> episodeIdForGuid(String showId, String guid) {
    synchronized (catalog) {
      return catalog.episodeByGuid(showId, guid).map(Episode::id);
    }
  }

  /** The number of episodes a show has now. */
  public int episodeCount(String showId) {
    synchronized (catalog) {
      List<Episode> episodes = catalog.episodesByShow.get(showId);
      if (episodes == null) {
        throw new IllegalArgumentException("no show " + showId + " in the sandbox");
      }
      return episodes.size();
    }
  }

  /**
   * Deletes a playlist as its owner would on Spotify (test helper): afterwards reading it answers
   * 404 and it is no longer among the current user's playlists. Its items, images and followers
   * go with it.
   *
   * @throws IllegalArgumentException if the sandbox holds no playlist with this id
   */
  public void deletePlaylist(String playlistId) {
    Objects.requireNonNull(playlistId, "playlistId");
    synchronized (catalog) {
      if (catalog.playlists.remove(playlistId) == null) {
        throw new IllegalArgumentException("no playlist " + playlistId + " in the sandbox");
      }
      catalog.userPlaylistIds.remove(playlistId);
      persistLocked();
    }
  }

  /**
   * Throws every change away and starts again from the demo data and the configured synthetic
   * shows: playlists, the library, feed-ingested episodes, uploaded images and registered feeds
   * are as on a first start, also in the state directory. Issued tokens and authorization codes
   * stay valid and the fault profile stays in force.
   */
  public void reset() {
    synchronized (catalog) {
      catalog.clear();
      ingestion.clear();
      seed();
      sequence.set(0);
      persistLocked();
    }
  }

  private void seed() {
    SpotifyDemoData.seed(catalog);
    syntheticShows.forEach((showId, episodes) -> addSyntheticShow(catalog, showId, episodes));
  }

  /** The state file, when the sandbox keeps state in a directory. */
  public Optional<Path> stateFile() {
    return Optional.ofNullable(store).map(SpotifyStateStore::file);
  }

  /** Stops the server. State is already saved after every change. */
  @Override
  public void close() {
    server.close();
  }

  private void persist() {
    synchronized (catalog) {
      persistLocked();
    }
  }

  private void persistLocked() {
    if (store != null) {
      Map<String, URI> feeds = ingestion.feeds();
      store.save(catalog, sequence.get(), feeds);
    }
  }

  @Override
  public String toString() {
    return "SpotifySandbox{" + server.baseUri() + (quirks.isEmpty() ? "" : ", quirks=" + quirks) + "}";
  }

  /** Generated like the demo shows, but sorted once: adding one by one re-sorts every time. */
  private static void addSyntheticShow(SpotifyCatalog c, String showId, int count) {
    c.addShow(new SpotifyCatalog.Show(showId, "Synthetic Show " + showId, "Gridcast Synthetic Media",
        "A generated show with " + count + " episodes for load tests.", "<p>A generated show with " + count + " episodes.</p>",
        false, List.of("en", "de", "es", "fr", "ja"), null, SpotifyDemoData.images("show:" + showId), null, true));
    String[][] notes = {
        {"en", "Partners from the network on onboarding, EDI changes and the invoices that bounce."},
        {"de", "Partnerstimmen zu Lieferavis, Rechnungsprüfung und Stammdaten-Qualität – mit Grüßen nach Köln."},
        {"es", "Hablamos de aduanas, facturación electrónica y pronósticos con socios de Bogotá y Veracruz."},
        {"fr", "Séance consacrée aux préférences douanières et à la qualité des données de référence."},
        {"ja", "トレーディングパートナー向けに、出荷通知と請求書の確認について解説します。"}};
    LocalDate newest = LocalDate.of(2026, 1, 1);
    List<Episode> list = c.episodesByShow.get(showId);
    for (int n = count - 1; n >= 0; n--) {
      String[] note = notes[n % notes.length];
      String text = "Episode " + (n + 1) + ". " + note[1] + " " + note[1];
      String id = SpotifyDemoData.episodeId(showId, n);
      Episode e = new Episode(id, showId, "Episode " + (n + 1) + " (" + note[0] + ")", text, "<p>" + text + "</p>",
          600_000 + SpotifyIds.pick(id, 3_000_000), n % 7 == 0, note[0], List.of(note[0]),
          newest.minusDays(count - 1L - n).toString(), "day", null, SpotifyDemoData.images("episode:" + id), null, null);
      c.episodes.put(id, e);
      list.add(e); // newest first, as addEpisode would sort them
    }
  }

  /**
   * Configures a {@link SpotifySandbox}. Defaults: loopback ({@code 127.0.0.1}), ephemeral port,
   * seed 0, in-memory state, the {@linkplain SpotifyDemoData#CLIENT_ID demo credentials}, system
   * UTC clock, tokens valid for 1 hour, ingestion delay 2 seconds, feed poll interval 500 ms, no
   * faults, playlist fields {@link PlaylistFieldNames#CURRENT_AND_DEPRECATED}, no {@linkplain
   * SpotifyQuirk quirks} (strict), playlist items readable by everyone who can read the playlist,
   * {@code max(8, 4 × processors)} worker threads, no {@linkplain #syntheticShow synthetic shows}.
   * Not thread-safe.
   */
  public static final class Builder {
    private InetAddress bind = InetAddress.getLoopbackAddress();
    private int port;
    private long seed;
    private Path stateDir;
    private String clientId = SpotifyDemoData.CLIENT_ID;
    private String clientSecret = SpotifyDemoData.CLIENT_SECRET;
    private Clock clock = Clock.systemUTC();
    private Duration tokenLifetime = Duration.ofHours(1);
    private Duration ingestionDelay = Duration.ofSeconds(2);
    private Duration feedPollInterval = Duration.ofMillis(500);
    private FaultProfile faults = FaultProfile.none();
    private PlaylistFieldNames playlistFieldNames = PlaylistFieldNames.CURRENT_AND_DEPRECATED;
    private Set<SpotifyQuirk> quirks = SpotifyQuirk.NONE;
    private boolean itemsForOwnersOnly;
    private int threads = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    private final Map<String, Integer> syntheticShows = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a show with {@code episodes} generated episodes, beside the demo data, for load tests
     * and benchmarks. Everything is derived from the show id, so two sandboxes serve identical
     * JSON: episode {@code n} (0 = oldest) has the id {@link SpotifyDemoData#episodeId(String,
     * int) episodeId(showId, n)}, is released {@code episodes - 1 - n} days before 2026-01-01,
     * has release notes in English, German, Spanish, French or Japanese (by {@code n % 5}) and
     * is explicit when {@code n % 7 == 0}. The show has no market list. May be called for
     * several shows. Default: none.
     *
     * @param showId a 22-character base-62 id that no demo show uses
     * @param episodes 1 to 1,000,000
     * @throws IllegalArgumentException if the id is malformed or taken, or the count out of range
     */
    public Builder syntheticShow(String showId, int episodes) {
      if (!SpotifyIds.isValid(showId) || SpotifyDemoData.SHOWS.contains(showId)) {
        throw new IllegalArgumentException("syntheticShow needs a 22-character base-62 id no demo show uses, was: " + showId);
      }
      if (episodes < 1 || episodes > 1_000_000) {
        throw new IllegalArgumentException("syntheticShow episodes must be between 1 and 1,000,000, was " + episodes);
      }
      this.syntheticShows.put(showId, episodes);
      return this;
    }

    /**
     * The address to listen on. Default loopback ({@code 127.0.0.1}): only this machine can
     * connect. {@code 0.0.0.0} listens on every interface (a sandbox in a container); the
     * sandbox speaks plain HTTP with published test credentials, so only on a network you trust.
     */
    public Builder bind(InetAddress address) {
      this.bind = Objects.requireNonNull(address, "address");
      return this;
    }

    /** Port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Seed for ids of created playlists and for snapshot ids. Default 0. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Keeps mutable state (playlists, ingested episodes, registered feeds, uploaded images) as
     * JSON in {@code dir}, saved after every change and loaded on start. Default: in memory.
     */
    public Builder stateDir(Path dir) {
      this.stateDir = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /** The sandbox app's credentials. Default {@link SpotifyDemoData#CLIENT_ID} / {@link SpotifyDemoData#CLIENT_SECRET}. */
    public Builder credentials(String clientId, String clientSecret) {
      if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
        throw new IllegalArgumentException("clientId and clientSecret must not be blank");
      }
      this.clientId = clientId;
      this.clientSecret = clientSecret;
      return this;
    }

    /** Clock for token expiry, ingestion delays and added-at times. Default system UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Lifetime of access tokens ({@code expires_in}). Default 1 hour. */
    public Builder tokenLifetime(Duration lifetime) {
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("tokenLifetime must be positive, was " + lifetime);
      }
      this.tokenLifetime = lifetime;
      return this;
    }

    /** How long after the sandbox first sees a feed item it becomes an episode. Default 2 s. */
    public Builder ingestionDelay(Duration delay) {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("ingestionDelay must not be negative, was " + delay);
      }
      this.ingestionDelay = delay;
      return this;
    }

    /** Minimum time between two reads of the same feed. Default 500 ms. */
    public Builder feedPollInterval(Duration interval) {
      if (interval.isNegative()) {
        throw new IllegalArgumentException("feedPollInterval must not be negative, was " + interval);
      }
      this.feedPollInterval = interval;
      return this;
    }

    /** The initial fault profile. Default none. */
    public Builder faults(FaultProfile faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /** Which playlist field names to send. Default {@link PlaylistFieldNames#CURRENT_AND_DEPRECATED}. */
    public Builder playlistFieldNames(PlaylistFieldNames names) {
      this.playlistFieldNames = Objects.requireNonNull(names, "names");
      return this;
    }

    /**
     * Which deviations of the live API from Spotify's OpenAPI document to reproduce, e.g. {@link
     * SpotifyQuirk#REAL_WORLD}; replaces any set before. Default {@link SpotifyQuirk#NONE}: every
     * response is one the document accepts.
     */
    public Builder quirks(Set<SpotifyQuirk> quirks) {
      Objects.requireNonNull(quirks, "quirks");
      quirks.forEach(q -> Objects.requireNonNull(q, "quirks must not contain null"));
      this.quirks = quirks.isEmpty() ? SpotifyQuirk.NONE : Collections.unmodifiableSet(EnumSet.copyOf(quirks));
      return this;
    }

    /** The given quirks and no others; see {@link #quirks(Set)}. Default none. */
    public Builder quirks(SpotifyQuirk... quirks) {
      return quirks(new LinkedHashSet<>(Arrays.asList(quirks)));
    }

    /**
     * Applies Spotify's rule that only a playlist's owner and its collaborators see its items:
     * for anyone else {@code GET /playlists/{id}} carries neither {@code items} nor {@code
     * tracks}, and {@code GET /playlists/{id}/items} answers 403. Default {@code false}: whoever
     * can read a playlist reads its items too (responses the document accepts as well).
     */
    public Builder itemsForOwnersOnly(boolean ownersOnly) {
      this.itemsForOwnersOnly = ownersOnly;
      return this;
    }

    /** Worker threads of the HTTP server. */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /**
     * Seeds the demo data, loads saved state if any, and starts the server.
     *
     * @throws java.io.UncheckedIOException if the port cannot be bound or the state cannot be read
     */
    public SpotifySandbox build() {
      return new SpotifySandbox(this);
    }
  }
}
