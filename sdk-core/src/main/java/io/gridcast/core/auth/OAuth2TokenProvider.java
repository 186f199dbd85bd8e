package io.gridcast.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.core.GridcastJson;
import io.gridcast.core.LogSafe;
import io.gridcast.core.Secret;
import io.gridcast.core.errors.ErrorDetails;
import io.gridcast.core.errors.OAuthException;
import io.gridcast.core.errors.RedirectRefusedException;
import io.gridcast.core.errors.ServerException;
import io.gridcast.core.errors.TransportException;
import io.gridcast.core.errors.UnparseableResponseException;
import io.gridcast.core.http.BaseUrls;
import io.gridcast.core.http.GridcastHttp;
import io.gridcast.core.http.GridcastIOException;
import io.gridcast.core.http.Redaction;
import io.gridcast.core.http.TransportConfig;
import io.gridcast.core.resilience.ResilienceConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth2 access tokens from a token endpoint: client credentials, password grant, or refresh
 * token (with rotation reported to a {@link TokenStore}).
 *
 * <pre>{@code
 * OAuth2TokenProvider tokens = OAuth2TokenProvider.builder()
 *     .tokenUrl("https://accounts.spotify.com/api/token")
 *     .clientId(System.getenv("SPOTIFY_CLIENT_ID"))
 *     .clientSecret(Secret.of(System.getenv("SPOTIFY_CLIENT_SECRET")))
 *     .clientCredentials()
 *     .build();
 * }</pre>
 *
 * <p>Tokens are cached and refreshed {@code refreshSkew} (default 60 s) before they expire.
 * Concurrent callers that find no valid token share one token request: the first fetches, the
 * others wait for its result. Thread-safe. Token endpoint errors raise {@link OAuthException}
 * (4xx) or {@link ServerException} (5xx, after retries of idempotent-safe calls only: token
 * requests are POSTs without an idempotency key, so they are not retried). Token requests never
 * follow a redirect, whatever HTTP client they run on: a 3xx answer raises an
 * {@link OAuthException} and nothing is sent to the redirect's target.
 */
public final class OAuth2TokenProvider implements AccessTokenProvider, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OAuth2TokenProvider.class);
  private static final ObjectMapper MAPPER = GridcastJson.newObjectMapper();
  private static final OAuthErrorBodyParser ERRORS = new OAuthErrorBodyParser();

  private enum Grant { CLIENT_CREDENTIALS, PASSWORD, REFRESH_TOKEN }

  private final HttpUrl tokenUrl;
  private final String clientId;
  private final Secret clientSecret;
  private final ClientAuthMethod clientAuth;
  private final Grant grant;
  private final String username;
  private final Secret password;
  private final TokenStore tokenStore;
  private final List<String> scopes;
  private final Map<String, String> extraParams;
  private final Duration refreshSkew;
  private final Clock clock;
  private final OkHttpClient http;
  private final boolean ownsHttp;

  private final Object lock = new Object();
  private volatile AccessToken current;
  private volatile Duration currentSkew = Duration.ZERO;

  private OAuth2TokenProvider(Builder b) {
    this.tokenUrl = b.tokenUrl;
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.clientAuth = b.clientAuth;
    this.grant = b.grant;
    this.username = b.username;
    this.password = b.password;
    this.tokenStore = b.tokenStore;
    this.scopes = List.copyOf(b.scopes);
    this.extraParams = Map.copyOf(b.extraParams);
    this.refreshSkew = b.refreshSkew;
    this.clock = b.clock;
    this.ownsHttp = b.http == null;
    OkHttpClient base = b.http != null ? b.http
        : GridcastHttp.newOkHttpClient(TransportConfig.builder().build(), ResilienceConfig.builder().build(), null);
    // whatever client was given: a token request is never re-sent to a redirect's target
    this.http = base.newBuilder().followRedirects(false).followSslRedirects(false).build();
  }

  /** A new builder; not thread-safe. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public AccessToken token() {
    AccessToken t = current;
    if (isFresh(t)) {
      return t;
    }
    synchronized (lock) {
      t = current;
      if (isFresh(t)) {
        return t; // another caller fetched while we waited
      }
      return fetchForGrant(); // requestToken made it current
    }
  }

  @Override
  public AccessToken refresh(AccessToken rejected) {
    synchronized (lock) {
      AccessToken t = current;
      if (t != null && t != rejected && isFresh(t)) {
        return t;
      }
      return fetchForGrant();
    }
  }

  private boolean isFresh(AccessToken t) {
    return t != null && clock.instant().plus(t == current ? currentSkew : refreshSkew).isBefore(t.expiresAt());
  }

  /**
   * The skew for a token of this lifetime: a token living no longer than twice the configured
   * skew would be stale on arrival and refetched on every call, so it counts as fresh for the
   * first half of its life instead.
   */
  private Duration skewFor(AccessToken t) {
    Duration half = Duration.between(clock.instant(), t.expiresAt()).dividedBy(2);
    return half.compareTo(refreshSkew) < 0 ? half : refreshSkew;
  }

  private AccessToken fetchForGrant() {
    Map<String, String> form = new LinkedHashMap<>();
    switch (grant) {
      case CLIENT_CREDENTIALS:
        form.put("grant_type", "client_credentials");
        break;
      case PASSWORD:
        form.put("grant_type", "password");
        form.put("username", username);
        form.put("password", password.reveal());
        break;
      case REFRESH_TOKEN:
        Secret refresh = tokenStore.loadRefreshToken().orElseThrow(() -> new IllegalStateException(
            "no refresh token in the token store: complete the authorization-code flow first"));
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refresh.reveal());
        break;
      default:
        throw new IllegalStateException("unknown grant " + grant);
    }
    if (!scopes.isEmpty() && grant != Grant.REFRESH_TOKEN) {
      form.put("scope", String.join(" ", scopes));
    }
    form.putAll(extraParams);
    return requestToken(form);
  }

  /**
   * Sends one token request with the given form parameters (plus client authentication) and
   * returns the issued token, which also becomes the token this provider hands out. A refresh
   * token in the answer is saved to the token store, when one is configured, before this
   * method returns. Used for grants Gridcast drives itself, such
   * as the authorization-code exchange.
   *
   * @throws OAuthException when the endpoint refuses (e.g. {@code invalid_grant})
   */
  public AccessToken requestToken(Map<String, String> form) {
    FormBody.Builder body = new FormBody.Builder(StandardCharsets.UTF_8);
    form.forEach(body::add);
    Request.Builder request = new Request.Builder().url(tokenUrl).header("Accept", "application/json");
    switch (clientAuth) {
      case BASIC:
        request.header("Authorization", Credentials.basic(clientId, clientSecret.reveal(), StandardCharsets.UTF_8));
        break;
      case FORM:
        body.add("client_id", clientId).add("client_secret", clientSecret.reveal());
        break;
      case NONE:
        body.add("client_id", clientId);
        break;
      default:
        throw new IllegalStateException();
    }
    String url = Redaction.url(tokenUrl);
    try (Response response = http.newCall(request.post(body.build()).build()).execute()) {
      if (response.isRedirect()) {
        String location = response.header("Location");
        HttpUrl target = location == null ? null : tokenUrl.resolve(location);
        throw redirected(response.code(), url, target == null ? null : target.scheme() + "://" + target.host() + ':' + target.port());
      }
      ResponseBody rb = response.body();
      String text = rb.string();
      if (!response.isSuccessful()) {
        ErrorDetails details = ERRORS.parse(response.code(), null, text)
            .withRequestIdIfAbsent(response.header("X-Request-Id"));
        if (response.code() >= 500) {
          throw new ServerException(response.code(), "POST", url, details);
        }
        throw new OAuthException(response.code(), "POST", url, details);
      }
      AccessToken token = parse(response.code(), url, text);
      token.refreshToken().ifPresent(r -> {
        if (tokenStore != null) {
          tokenStore.saveRefreshToken(r);
        }
      });
      synchronized (lock) {
        currentSkew = skewFor(token);
        current = token; // whatever grant produced it, it is now this provider's token
      }
      LOG.debug("obtained an access token from {} expiring at {}", url, token.expiresAt());
      return token;
    } catch (GridcastIOException e) {
      if (e.unwrap() instanceof RedirectRefusedException r) {
        throw redirected(r.status(), url, r.target().orElse(null));
      }
      throw e.unwrap();
    } catch (IOException e) {
      throw new TransportException("token request to " + url + " failed: " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * A token endpoint that redirects: the credentials in the form (client secret, password,
   * refresh token, code) are never re-sent to the redirect's target, whatever its host.
   */
  private static OAuthException redirected(int status, String url, String targetOrigin) {
    return new OAuthException(status, "POST", url, ErrorDetails.of(null, "the token endpoint answered a redirect to "
        + (targetOrigin == null ? "no usable location" : LogSafe.text(targetOrigin))
        + "; credentials are never re-sent to a redirect's target, so no token was requested there."
        + " If the new address is the real token endpoint, configure it as the token URL", null));
  }

  private AccessToken parse(int status, String url, String text) {
    JsonNode n;
    try {
      n = MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UnparseableResponseException(status, "POST", url, TOKEN_BODY_WITHHELD, e);
    }
    if (n == null || !n.path("access_token").isTextual() || n.path("access_token").asText().isBlank()) {
      throw new UnparseableResponseException(status, "POST", url, TOKEN_BODY_WITHHELD,
          new IllegalStateException("token response has no access_token"));
    }
    // clamped: a hostile or broken endpoint's 1e30 would overflow Instant arithmetic, and a
    // negative value would make no sense; a token that dies early is refreshed on its 401 anyway
    long expiresIn = Math.max(0, Math.min(n.path("expires_in").asLong(3600), MAX_EXPIRES_IN_SECONDS));
    Instant expiresAt = clock.instant().plusSeconds(expiresIn);
    Secret refresh = n.path("refresh_token").isTextual() && !n.path("refresh_token").asText().isBlank()
        ? Secret.of(n.path("refresh_token").asText()) : null;
    return new AccessToken(Secret.of(n.path("access_token").asText()), expiresAt, refresh,
        n.path("scope").isTextual() ? n.path("scope").asText() : null);
  }

  /** The longest lifetime believed from a token response's {@code expires_in}: one year. */
  private static final long MAX_EXPIRES_IN_SECONDS = 365L * 24 * 60 * 60;

  /** Token bodies may hold tokens even when malformed (JSON or form-encoded): never quote them. */
  private static final String TOKEN_BODY_WITHHELD = "(token endpoint body withheld: it may contain credentials)";


  /** Closes the token client when this provider created it. */
  @Override
  public void close() {
    if (ownsHttp) {
      GridcastHttp.close(http);
    }
  }

  @Override
  public String toString() {
    return "OAuth2TokenProvider{tokenUrl=" + Redaction.url(tokenUrl) + ", grant=" + grant + '}';
  }

  /**
   * Builds an {@link OAuth2TokenProvider}. Required: {@code tokenUrl}, {@code clientId}, a
   * grant, and {@code clientSecret} unless {@code clientAuth(NONE)}. Defaults: client auth by
   * HTTP Basic; no scopes; {@code refreshSkew} 60 s; the system UTC clock; a token HTTP client
   * with default transport and resilience settings. Not thread-safe.
   */
  public static final class Builder {
    private HttpUrl tokenUrl;
    private String clientId;
    private Secret clientSecret;
    private ClientAuthMethod clientAuth = ClientAuthMethod.BASIC;
    private Grant grant;
    private String username;
    private Secret password;
    private TokenStore tokenStore;
    private final List<String> scopes = new ArrayList<>();
    private final Map<String, String> extraParams = new LinkedHashMap<>();
    private Duration refreshSkew = Duration.ofSeconds(60);
    private Clock clock = Clock.systemUTC();
    private OkHttpClient http;

    private Builder() {}

    /** The token endpoint; {@code https} unless loopback. */
    public Builder tokenUrl(String url) {
      this.tokenUrl = BaseUrls.requireEndpoint("tokenUrl", url);
      return this;
    }

    /**
     * The OAuth2 client id (required).
     *
     * @throws IllegalArgumentException if {@code clientId} is null or blank
     */
    public Builder clientId(String clientId) {
      if (clientId == null || clientId.isBlank()) {
        throw new IllegalArgumentException("clientId is missing: pass the OAuth2 client id");
      }
      this.clientId = clientId;
      return this;
    }

    /**
     * The client secret; required unless {@code clientAuth(ClientAuthMethod.NONE)}.
     *
     * @throws NullPointerException if {@code clientSecret} is null
     */
    public Builder clientSecret(Secret clientSecret) {
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
      return this;
    }

    /** How the client authenticates at the token endpoint; default {@link ClientAuthMethod#BASIC}. */
    public Builder clientAuth(ClientAuthMethod method) {
      this.clientAuth = Objects.requireNonNull(method, "clientAuth");
      return this;
    }

    /** Use the client-credentials grant. */
    public Builder clientCredentials() {
      this.grant = Grant.CLIENT_CREDENTIALS;
      return this;
    }

    /** Use the resource-owner password grant (where a tenant requires it). */
    public Builder password(String username, Secret password) {
      if (username == null || username.isBlank()) {
        throw new IllegalArgumentException("username is missing for the password grant");
      }
      this.grant = Grant.PASSWORD;
      this.username = username;
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * Use the refresh-token grant, reading the refresh token from {@code store} and saving
     * rotated ones back to it.
     */
    public Builder refreshToken(TokenStore store) {
      this.grant = Grant.REFRESH_TOKEN;
      this.tokenStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /** A store that receives any refresh token issued, whatever the grant. */
    public Builder tokenStore(TokenStore store) {
      this.tokenStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * The scopes to request, sent space-separated (not with the refresh-token grant); replaces any
     * earlier ones; default none.
     *
     * @throws NullPointerException if {@code scopes} is null
     */
    public Builder scopes(List<String> scopes) {
      this.scopes.clear();
      this.scopes.addAll(scopes);
      return this;
    }

    /** An extra form parameter sent with every token request (e.g. {@code audience}). */
    public Builder extraParam(String name, String value) {
      this.extraParams.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
      return this;
    }

    /** How long before expiry a token is replaced; default 60 s. */
    public Builder refreshSkew(Duration skew) {
      if (skew.isNegative()) {
        throw new IllegalArgumentException("refreshSkew must not be negative");
      }
      this.refreshSkew = skew;
      return this;
    }

    /**
     * The clock token expiry is measured against; default {@link Clock#systemUTC()}.
     *
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The HTTP client for token requests; it must not carry a bearer-auth interceptor. Its
     * redirect settings are overridden: token requests never follow redirects.
     */
    public Builder httpClient(OkHttpClient http) {
      this.http = Objects.requireNonNull(http, "http");
      return this;
    }

    /** @throws IllegalArgumentException naming the first missing setting */
    public OAuth2TokenProvider build() {
      if (tokenUrl == null) {
        throw new IllegalArgumentException("tokenUrl is missing: call tokenUrl(...)");
      }
      if (clientId == null) {
        throw new IllegalArgumentException("clientId is missing: call clientId(...)");
      }
      if (clientSecret == null && clientAuth != ClientAuthMethod.NONE) {
        throw new IllegalArgumentException(
            "clientSecret is missing: call clientSecret(...) or clientAuth(ClientAuthMethod.NONE) for a public client");
      }
      if (grant == null) {
        throw new IllegalArgumentException(
            "no grant chosen: call clientCredentials(), password(...) or refreshToken(...)");
      }
      return new OAuth2TokenProvider(this);
    }
  }

}
