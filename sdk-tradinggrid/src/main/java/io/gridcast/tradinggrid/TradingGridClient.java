package io.gridcast.tradinggrid;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.core.GridcastJson;
import io.gridcast.core.Secret;
import io.gridcast.core.auth.AccessTokenProvider;
import io.gridcast.core.auth.ClientAuthMethod;
import io.gridcast.core.auth.OAuth2TokenProvider;
import io.gridcast.core.http.BaseUrls;
import io.gridcast.core.http.GridcastHttp;
import io.gridcast.core.http.TransportConfig;
import io.gridcast.core.resilience.ResilienceConfig;
import io.gridcast.tradinggrid.internal.ActiveCommunityErrorBodyParser;
import io.gridcast.tradinggrid.internal.ActiveCommunityService;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A typed client of OpenText Active Community on Trading Grid, following Gridcast's own
 * contract ({@link ActiveCommunityContract}): OpenText publishes no public REST reference, so
 * the contract is explicit, and the base URL and token URL are configuration so that a
 * tenant's gateway can be pointed at.
 *
 * <pre>{@code
 * try (TradingGridClient tg = TradingGridClient.builder()
 *     .baseUrl("https://gateway.example.com/activecommunity/v1")
 *     .tenant("acme")                       // token URL: <authBaseUrl>/tenants/acme/oauth2/token
 *     .community("c_main")
 *     .clientCredentials("gridcast-bridge", Secret.of(System.getenv("TRADINGGRID_CLIENT_SECRET")))
 *     .build()) {
 *   Post post = tg.posts().create(PostCreate.builder()...build(), "my-idempotency-key");
 *   for (Partner p : tg.partners().atStage(OnboardingStage.CERTIFIED)) { ... }
 * }
 * }</pre>
 *
 * <p>Every call is scoped to the configured community. Lists page lazily; creates take an
 * idempotency key; updates take the resource's {@code version} ({@code If-Match}); failures
 * raise {@link io.gridcast.core.errors.GridcastException} subtypes (a stale version:
 * {@link io.gridcast.core.errors.PreconditionFailedException}).
 *
 * <p>Defaults: the auth base URL is the API base URL's origin; page size 100 (the contract's
 * maximum); {@link TransportConfig} defaults except a 26 MiB response cap (documents of up to
 * 25 MiB download whole); {@link ResilienceConfig} defaults. Immutable,
 * thread-safe, closeable.
 */
public final class TradingGridClient implements AutoCloseable {

  private final OkHttpClient http;
  private final AutoCloseable ownedTokens;
  /** The token endpoint's client: same transport, resilience and interceptors, no bearer auth. */
  private final OkHttpClient tokenHttp;
  private final HttpUrl baseUrl;
  private final String tenantId;
  private final TradingGridContext ctx;
  private final CommunitiesApi communities;
  private final PartnersApi partners;
  private final PartnerGroupsApi partnerGroups;
  private final PostsApi posts;
  private final DocumentsApi documents;
  private final AssignmentsApi assignments;
  private final ThreadsApi threads;
  private final IssuesApi issues;
  private final FormsApi forms;
  private final ApprovalsApi approvals;
  private final CampaignsApi campaigns;
  private final SitesApi sites;
  private final SiteRequestsApi siteRequests;
  private final EventsApi events;
  private final WebhooksApi webhooks;

  private TradingGridClient(Builder b) {
    this.baseUrl = b.baseUrl;
    this.tenantId = b.tenantId;
    AccessTokenProvider tokens = b.tokens;
    AutoCloseable owned = null;
    OkHttpClient tokenHttp = null;
    if (tokens == null) {
      HttpUrl authBase = b.authBaseUrl != null ? b.authBaseUrl : b.baseUrl.resolve("/");
      String tokenUrl = b.tokenUrl != null ? b.tokenUrl
          : authBase.newBuilder().addPathSegment("tenants").addPathSegment(b.tenantId)
              .addPathSegment("oauth2").addPathSegment("token").build().toString();
      tokenHttp = GridcastHttp.newOkHttpClient(b.transport, b.resilience, null, b.interceptors);
      OAuth2TokenProvider.Builder tb = OAuth2TokenProvider.builder()
          .tokenUrl(tokenUrl).clientId(b.clientId).clientSecret(b.clientSecret)
          .clientAuth(b.clientAuth).clock(b.clock).httpClient(tokenHttp);
      if (b.username != null) {
        tb.password(b.username, b.password);
      } else {
        tb.clientCredentials();
      }
      OAuth2TokenProvider provider = tb.build();
      tokens = provider;
      owned = provider;
    }
    this.ownedTokens = owned;
    this.tokenHttp = tokenHttp;
    this.http = GridcastHttp.newOkHttpClient(b.transport, b.resilience, tokens, b.interceptors);
    ActiveCommunityService service = GridcastHttp.newRetrofit(b.baseUrl, http, b.mapper,
        new ActiveCommunityErrorBodyParser(), b.clock).create(ActiveCommunityService.class);
    this.ctx = new TradingGridContext(service, b.communityId, b.pageSize, b.mapper);
    this.communities = new CommunitiesApi(ctx);
    this.partners = new PartnersApi(ctx);
    this.partnerGroups = new PartnerGroupsApi(ctx);
    this.posts = new PostsApi(ctx);
    this.documents = new DocumentsApi(ctx);
    this.assignments = new AssignmentsApi(ctx);
    this.threads = new ThreadsApi(ctx);
    this.issues = new IssuesApi(ctx);
    this.forms = new FormsApi(ctx);
    this.approvals = new ApprovalsApi(ctx);
    this.campaigns = new CampaignsApi(ctx);
    this.sites = new SitesApi(ctx);
    this.siteRequests = new SiteRequestsApi(ctx);
    this.events = new EventsApi(ctx);
    this.webhooks = new WebhooksApi(ctx);
  }

  /** A new builder; base URL, tenant, community and credentials are required (see {@link Builder}). */
  public static Builder builder() {
    return new Builder();
  }

  /** The communities the credentials can see. */
  public CommunitiesApi communities() {
    return communities;
  }

  /** Trading partners of the community. */
  public PartnersApi partners() {
    return partners;
  }

  /** Partner groups of the community. */
  public PartnerGroupsApi partnerGroups() {
    return partnerGroups;
  }

  /** Posts: announcements, trainings, audio updates, reports and service notices. */
  public PostsApi posts() {
    return posts;
  }

  /** Documents: upload with a size cap and SHA-256 check, and download. */
  public DocumentsApi documents() {
    return documents;
  }

  /** Assignments of posts to partner groups or partners, with due dates. */
  public AssignmentsApi assignments() {
    return assignments;
  }

  /** Discussion threads and their messages. */
  public ThreadsApi threads() {
    return threads;
  }

  /** The trading-issue log: trading issues, process changes, feedback and support cases. */
  public IssuesApi issues() {
    return issues;
  }

  /** Forms and their submissions. */
  public FormsApi forms() {
    return forms;
  }

  /** Approval requests for content packages, role decisions and the audit trail. */
  public ApprovalsApi approvals() {
    return approvals;
  }

  /** Campaign workspaces. */
  public CampaignsApi campaigns() {
    return campaigns;
  }

  /** Business-music sites. */
  public SitesApi sites() {
    return sites;
  }

  /** Requests about sites: new site, playlist change, licence, support. */
  public SiteRequestsApi siteRequests() {
    return siteRequests;
  }

  /** The community's change feed. */
  public EventsApi events() {
    return events;
  }

  /** Webhook registrations. */
  public WebhooksApi webhooks() {
    return webhooks;
  }

  /** The community every call is scoped to. */
  public String communityId() {
    return ctx.communityId;
  }

  /** The tenant the client authenticates against. */
  public String tenantId() {
    return tenantId;
  }

  /** The API base URL this client talks to. */
  public HttpUrl baseUrl() {
    return baseUrl;
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
    return "TradingGridClient{baseUrl=" + baseUrl + ", tenant=" + tenantId + ", community=" + ctx.communityId + '}';
  }

  /**
   * Builds a {@link TradingGridClient}. Required: {@code baseUrl}, {@code tenant},
   * {@code community} and credentials ({@link #clientCredentials}, {@link #password},
   * {@link #tokenProvider} or {@link #fromEnvironment}). Not thread-safe.
   */
  public static final class Builder {
    private HttpUrl baseUrl;
    private HttpUrl authBaseUrl;
    private String tokenUrl;
    private String tenantId;
    private String communityId;
    private String clientId;
    private Secret clientSecret;
    private ClientAuthMethod clientAuth = ClientAuthMethod.BASIC;
    private String username;
    private Secret password;
    private AccessTokenProvider tokens;
    // documents of up to 25 MiB can be uploaded, so they must come back down too
    private TransportConfig transport = TransportConfig.builder()
        .maxResponseBytes(DocumentsApi.MAX_UPLOAD_BYTES + 1024 * 1024).build();
    private ResilienceConfig resilience = ResilienceConfig.builder().build();
    private ObjectMapper mapper = GridcastJson.newObjectMapper();
    private int pageSize = 100;
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

    /** The API base URL, e.g. a tenant gateway's {@code https://…/activecommunity/v1}; https unless loopback. */
    public Builder baseUrl(String url) {
      this.baseUrl = BaseUrls.require("baseUrl", url);
      return this;
    }

    /** Where {@code /tenants/{tenantId}/oauth2/token} lives, when not under the API base URL. */
    public Builder authBaseUrl(String url) {
      this.authBaseUrl = BaseUrls.require("authBaseUrl", url);
      return this;
    }

    /** The full token URL, overriding the tenant-derived one. */
    public Builder tokenUrl(String url) {
      BaseUrls.requireEndpoint("tokenUrl", url);
      this.tokenUrl = url;
      return this;
    }

    /**
     * The tenant whose token endpoint ({@code <authBaseUrl>/tenants/<tenant>/oauth2/token}) issues
     * tokens; required unless a token provider or token URL is given.
     *
     * @throws IllegalArgumentException if missing or not 1-64 characters of {@code A-Z a-z 0-9 _ -}
     */
    public Builder tenant(String tenantId) {
      this.tenantId = TradingGridContext.id("tenant id", requireText("tenant", tenantId,
          "set TRADINGGRID_TENANT or call tenant(...)"));
      return this;
    }

    /**
     * The community every call is scoped to (required).
     *
     * @throws IllegalArgumentException if missing or not 1-64 characters of {@code A-Z a-z 0-9 _ -}
     */
    public Builder community(String communityId) {
      this.communityId = TradingGridContext.id("community id", requireText("community", communityId,
          "set TRADINGGRID_COMMUNITY or call community(...)"));
      return this;
    }

    /**
     * Authenticate with the client-credentials grant (replacing an earlier {@link #password}
     * grant).
     *
     * @throws IllegalArgumentException if {@code clientId} is null or blank
     * @throws NullPointerException if {@code clientSecret} is null
     */
    public Builder clientCredentials(String clientId, Secret clientSecret) {
      this.clientId = requireText("client id", clientId, "set TRADINGGRID_CLIENT_ID or call clientCredentials(...)");
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
      this.username = null;
      return this;
    }

    /** The password grant, for tenants that require it. */
    public Builder password(String clientId, Secret clientSecret, String username, Secret password) {
      clientCredentials(clientId, clientSecret);
      this.username = requireText("username", username, "pass the Active Community user name");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /** How the client authenticates at the token endpoint; default HTTP Basic. */
    public Builder clientAuth(ClientAuthMethod method) {
      this.clientAuth = Objects.requireNonNull(method, "clientAuth");
      return this;
    }

    /**
     * Any token source; when set, it is used instead of the built-in OAuth2 grants.
     *
     * @throws NullPointerException if {@code tokens} is null
     */
    public Builder tokenProvider(AccessTokenProvider tokens) {
      this.tokens = Objects.requireNonNull(tokens, "tokens");
      return this;
    }

    /**
     * Everything from the environment: {@code TRADINGGRID_BASE_URL}, {@code TRADINGGRID_TENANT},
     * {@code TRADINGGRID_COMMUNITY}, {@code TRADINGGRID_CLIENT_ID},
     * {@code TRADINGGRID_CLIENT_SECRET}, and optionally {@code TRADINGGRID_AUTH_BASE_URL}.
     *
     * @throws IllegalArgumentException naming the first variable that is missing
     */
    public Builder fromEnvironment(Map<String, String> env) {
      baseUrl(requireText("TRADINGGRID_BASE_URL", env.get("TRADINGGRID_BASE_URL"), "set TRADINGGRID_BASE_URL"));
      if (env.get("TRADINGGRID_AUTH_BASE_URL") != null) {
        authBaseUrl(env.get("TRADINGGRID_AUTH_BASE_URL"));
      }
      tenant(env.get("TRADINGGRID_TENANT"));
      community(env.get("TRADINGGRID_COMMUNITY"));
      String secret = requireText("TRADINGGRID_CLIENT_SECRET", env.get("TRADINGGRID_CLIENT_SECRET"),
          "set TRADINGGRID_CLIENT_SECRET");
      return clientCredentials(env.get("TRADINGGRID_CLIENT_ID"), Secret.of(secret));
    }

    /**
     * Timeouts, response cap and User-Agent, for API and token requests; default
     * {@code TransportConfig} defaults except a 26 MiB response cap.
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

    /**
     * Replaces the JSON mapper; it must be configured like {@link GridcastJson#newObjectMapper()}.
     *
     * @throws NullPointerException if {@code mapper} is null
     */
    public Builder objectMapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /** Items per page request, 1 to 100; default 100. */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > 100) {
        throw new IllegalArgumentException("pageSize must be between 1 and 100, was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * The clock that built-in token expiry and HTTP-date {@code Retry-After} headers are measured
     * against; default {@link Clock#systemUTC()}.
     *
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** @throws IllegalArgumentException naming the first missing setting */
    public TradingGridClient build() {
      if (baseUrl == null) {
        throw new IllegalArgumentException("Trading Grid base URL is missing: set TRADINGGRID_BASE_URL or call baseUrl(...)");
      }
      if (tenantId == null && tokens == null && tokenUrl == null) {
        throw new IllegalArgumentException("Trading Grid tenant is missing: set TRADINGGRID_TENANT or call tenant(...)");
      }
      if (communityId == null) {
        throw new IllegalArgumentException("Trading Grid community is missing: set TRADINGGRID_COMMUNITY or call community(...)");
      }
      if (tokens == null && clientId == null) {
        throw new IllegalArgumentException("Trading Grid credentials are missing: call clientCredentials(...), "
            + "password(...), tokenProvider(...) or fromEnvironment(System.getenv())");
      }
      return new TradingGridClient(this);
    }

    private static String requireText(String what, String value, String fix) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("Trading Grid " + what + " is missing: " + fix);
      }
      return value;
    }
  }
}
