package io.gridcast.spotify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.core.GridcastJson;
import io.gridcast.core.Secret;
import io.gridcast.core.auth.AccessTokenProvider;
import io.gridcast.core.auth.OAuth2TokenProvider;
import io.gridcast.core.http.BaseUrls;
import io.gridcast.core.http.GridcastHttp;
import io.gridcast.core.http.TransportConfig;
import io.gridcast.core.resilience.ResilienceConfig;
import io.gridcast.spotify.internal.SpotifyErrorBodyParser;
import io.gridcast.spotify.internal.SpotifyService;
import io.gridcast.spotify.model.User;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A typed client of Spotify's Web API.
 *
 * <pre>{@code
 * try (SpotifyClient spotify = SpotifyClient.builder()
 *     .clientCredentials(System.getenv("SPOTIFY_CLIENT_ID"),
 *                        Secret.of(System.getenv("SPOTIFY_CLIENT_SECRET")))
 *     .defaultMarket(Market.of("DE"))
 *     .build()) {
 *   Show show = spotify.shows().get("5CfCWKI5pZ28U0uOzXkDHe");
 *   for (SimplifiedEpisode e : spotify.shows().episodes(show.id(), null)) {   // pages lazily
 *     System.out.println(e.name() + " " + e.releaseDate());
 *   }
 * }
 * }</pre>
 *
 * <p>Sub-APIs: {@link #shows()}, {@link #episodes()}, {@link #playlists()}, {@link #search()},
 * and {@link #me()}. Every call has a blocking form; single-object reads also have a
 * {@code CompletableFuture} form; lists are lazy {@link io.gridcast.core.paging.Paginator}s
 * holding one page at a time. Failures raise {@link io.gridcast.core.errors.GridcastException}
 * subtypes; 429 with {@code Retry-After} and 5xx are retried by the core resilience policy.
 *
 * <p>Defaults: base URL {@code https://api.spotify.com/v1/}; accounts token URL
 * {@code https://accounts.spotify.com/api/token}; page size 50; 8 concurrent requests for
 * {@code getMany}; no default market; {@link TransportConfig} and {@link ResilienceConfig}
 * defaults. Immutable, thread-safe and closeable: close it to release its threads.
 */
public final class SpotifyClient implements AutoCloseable {

  /** Spotify's Web API. */
  public static final String DEFAULT_BASE_URL = "https://api.spotify.com/v1/";
  /** Spotify's accounts service token endpoint. */
  public static final String DEFAULT_TOKEN_URL = "https://accounts.spotify.com/api/token";

  private final OkHttpClient http;
  private final AutoCloseable ownedTokens;
  /** The token endpoint's client: same transport, resilience and interceptors, no bearer auth. */
  private final OkHttpClient tokenHttp;
  private final SpotifyContext ctx;
  private final ShowsApi shows;
  private final EpisodesApi episodes;
  private final PlaylistsApi playlists;
  private final SearchApi search;

  private SpotifyClient(Builder b) {
    AccessTokenProvider tokens = b.tokens;
    AutoCloseable owned = null;
    OkHttpClient tokenHttp = null;
    if (tokens == null) {
      tokenHttp = GridcastHttp.newOkHttpClient(b.transport, b.resilience, null, b.interceptors);
      OAuth2TokenProvider cc = OAuth2TokenProvider.builder()
          .tokenUrl(b.tokenUrl).clientId(b.clientId).clientSecret(b.clientSecret).clientCredentials()
          .clock(b.clock).httpClient(tokenHttp).build();
      tokens = cc;
      owned = cc;
    }
    this.ownedTokens = owned;
    this.tokenHttp = tokenHttp;
    this.http = GridcastHttp.newOkHttpClient(b.transport, b.resilience, tokens, b.interceptors);
    SpotifyService service = GridcastHttp.newRetrofit(b.baseUrl, http, b.mapper, new SpotifyErrorBodyParser(), b.clock)
        .create(SpotifyService.class);
    this.ctx = new SpotifyContext(service, b.baseUrl, b.defaultMarket, b.pageSize, b.maxConcurrency);
    this.shows = new ShowsApi(ctx);
    this.episodes = new EpisodesApi(ctx);
    this.playlists = new PlaylistsApi(ctx);
    this.search = new SearchApi(ctx);
  }

  /** A new builder; credentials are required (see {@link Builder}). */
  public static Builder builder() {
    return new Builder();
  }

  /** Podcast shows and their episodes. */
  public ShowsApi shows() {
    return shows;
  }

  /** Podcast episodes. */
  public EpisodesApi episodes() {
    return episodes;
  }

  /** Playlists: read, create and edit (writes need a user token). */
  public PlaylistsApi playlists() {
    return playlists;
  }

  /** Catalogue search by type, paged lazily. */
  public SearchApi search() {
    return search;
  }

  /** The current user's profile (needs a user token; private fields need their scopes). */
  public User me() {
    return ctx.service.me();
  }

  /** The API base URL this client talks to. */
  public HttpUrl baseUrl() {
    return ctx.baseUrl;
  }

  @Override
  public void close() {
    GridcastHttp.close(http);
    if (tokenHttp != null) {
      GridcastHttp.close(tokenHttp);
    }
    if (ownedTokens != null) {
      try {
        ownedTokens.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing the token provider failed", e);
      }
    }
  }

  @Override
  public String toString() {
    return "SpotifyClient{baseUrl=" + ctx.baseUrl + '}';
  }

  /**
   * Builds a {@link SpotifyClient}. Credentials are required: {@link #clientCredentials},
   * {@link #tokenProvider} (e.g. from {@link SpotifyAuthorization}) or {@link #fromEnvironment}.
   * Not thread-safe.
   */
  public static final class Builder {
    private HttpUrl baseUrl = HttpUrl.get(DEFAULT_BASE_URL);
    private String tokenUrl = DEFAULT_TOKEN_URL;
    private String clientId;
    private Secret clientSecret;
    private AccessTokenProvider tokens;
    private TransportConfig transport = TransportConfig.builder().build();
    private ResilienceConfig resilience = ResilienceConfig.builder().build();
    private ObjectMapper mapper = GridcastJson.newObjectMapper();
    private Market defaultMarket;
    private int pageSize = 50;
    private int maxConcurrency = 8;
    private Clock clock = Clock.systemUTC();
    private final java.util.List<okhttp3.Interceptor> interceptors = new java.util.ArrayList<>();

    private Builder() {}

    /**
     * Adds an OkHttp network interceptor that observes every HTTP attempt (metrics, tracing,
     * contract validation in tests). It sees the {@code Authorization} header and must never
     * log it.
     */
    public Builder addInterceptor(okhttp3.Interceptor interceptor) {
      this.interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /** The Web API base URL; {@code https} unless loopback (the sandbox). */
    public Builder baseUrl(String url) {
      this.baseUrl = BaseUrls.require("baseUrl", url);
      return this;
    }

    /** The accounts token endpoint used by {@link #clientCredentials}. */
    public Builder tokenUrl(String url) {
      BaseUrls.requireEndpoint("tokenUrl", url);
      this.tokenUrl = url;
      return this;
    }

    /** App-only access through the client-credentials grant (no user data). */
    public Builder clientCredentials(String clientId, Secret clientSecret) {
      if (clientId == null || clientId.isBlank()) {
        throw new IllegalArgumentException("Spotify client id is missing: set SPOTIFY_CLIENT_ID or call clientCredentials(...)");
      }
      this.clientId = clientId;
      this.clientSecret = Objects.requireNonNull(clientSecret,
          "Spotify client secret is missing: set SPOTIFY_CLIENT_SECRET or call clientCredentials(...)");
      this.tokens = null;
      return this;
    }

    /**
     * Client credentials from {@code SPOTIFY_CLIENT_ID} and {@code SPOTIFY_CLIENT_SECRET}.
     *
     * @throws IllegalArgumentException naming the variable that is missing
     */
    public Builder fromEnvironment(Map<String, String> env) {
      String id = env.get("SPOTIFY_CLIENT_ID");
      String secret = env.get("SPOTIFY_CLIENT_SECRET");
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("Spotify client id is missing: set SPOTIFY_CLIENT_ID or call clientCredentials(...)");
      }
      if (secret == null || secret.isBlank()) {
        throw new IllegalArgumentException("Spotify client secret is missing: set SPOTIFY_CLIENT_SECRET or call clientCredentials(...)");
      }
      return clientCredentials(id, Secret.of(secret));
    }

    /** Any token source, e.g. {@link SpotifyAuthorization#tokenProvider()} for user tokens. */
    public Builder tokenProvider(AccessTokenProvider tokens) {
      this.tokens = Objects.requireNonNull(tokens, "tokens");
      return this;
    }

    /**
     * Timeouts, response cap and User-Agent, for API and token requests; default
     * {@code TransportConfig.builder().build()}.
     *
     * @throws NullPointerException if {@code transport} is null
     */
    public Builder transport(TransportConfig transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /**
     * Retries, circuit breaker, rate limit and attempt timeout, for API and token requests; default
     * {@code ResilienceConfig.builder().build()}.
     *
     * @throws NullPointerException if {@code resilience} is null
     */
    public Builder resilience(ResilienceConfig resilience) {
      this.resilience = Objects.requireNonNull(resilience, "resilience");
      return this;
    }

    /** Replaces the JSON mapper; it must be configured like {@link GridcastJson#newObjectMapper()}. */
    public Builder objectMapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /** The market used when a call passes {@code null}; default none. */
    public Builder defaultMarket(Market market) {
      this.defaultMarket = market;
      return this;
    }

    /** Items per page request, 1 to 50; default 50. */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > 50) {
        throw new IllegalArgumentException("pageSize must be between 1 and 50, was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /** Concurrent requests of {@code getMany}; default 8. */
    public Builder maxConcurrency(int maxConcurrency) {
      if (maxConcurrency < 1 || maxConcurrency > 64) {
        throw new IllegalArgumentException("maxConcurrency must be between 1 and 64, was " + maxConcurrency);
      }
      this.maxConcurrency = maxConcurrency;
      return this;
    }

    /**
     * The clock that client-credentials token expiry and HTTP-date {@code Retry-After} headers are
     * measured against; default {@link Clock#systemUTC()}.
     *
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** @throws IllegalArgumentException when no credentials were given */
    public SpotifyClient build() {
      if (tokens == null && clientId == null) {
        throw new IllegalArgumentException("Spotify credentials are missing: call clientCredentials(id, secret), "
            + "fromEnvironment(System.getenv()) or tokenProvider(...)");
      }
      return new SpotifyClient(this);
    }
  }
}
