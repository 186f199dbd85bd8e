package io.gridcast.core.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.core.auth.AccessTokenProvider;
import io.gridcast.core.auth.BearerAuthInterceptor;
import io.gridcast.core.errors.ErrorBodyParser;
import io.gridcast.core.resilience.ResilienceConfig;
import io.gridcast.core.resilience.ResilienceInterceptor;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import retrofit2.Retrofit;

/**
 * Builds the OkHttp clients and Retrofit instances every Gridcast client runs on.
 *
 * <p>Each client gets its own dispatcher (closed with the client; at most 64 concurrent
 * asynchronous calls, 16 per host) and shares one JVM-wide
 * connection pool (up to 16 idle connections kept 5 minutes). Interceptors, outermost first:
 * redirects (only {@code GET} and {@code HEAD}, only to the same scheme, host and port, at most 5
 * in a row; any other redirect raises a {@link io.gridcast.core.errors.RedirectRefusedException}
 * without contacting its target); {@code User-Agent}; resilience ({@link ResilienceInterceptor}:
 * retries, circuit breaker, rate limiter, per-attempt timeout); bearer auth
 * ({@link BearerAuthInterceptor}, when a token provider is given, inside the retries so that each
 * attempt and each redirect hop carries a current token); the response size cap; and, on the
 * network, {@link LoggingInterceptor}. OkHttp's own redirect following is off.
 */
public final class GridcastHttp {

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private static final ConnectionPool SHARED_POOL = new ConnectionPool(16, 5, TimeUnit.MINUTES);

  private GridcastHttp() {}

  /**
   * A new OkHttp client.
   *
   * @param tokens the bearer token source, or {@code null} for unauthenticated calls (token
   *     endpoints, public feeds)
   */
  public static OkHttpClient newOkHttpClient(
      TransportConfig transport, ResilienceConfig resilience, AccessTokenProvider tokens) {
    return newOkHttpClient(transport, resilience, tokens, java.util.List.of());
  }

  /**
   * A new OkHttp client with extra network interceptors (observation points such as metrics
   * or contract validation), run after Gridcast's own logging interceptor on every attempt.
   * They see the real {@code Authorization} header: they must never log it.
   */
  public static OkHttpClient newOkHttpClient(TransportConfig transport, ResilienceConfig resilience,
      AccessTokenProvider tokens, java.util.List<okhttp3.Interceptor> networkInterceptors) {
    OkHttpClient.Builder b = new OkHttpClient.Builder()
        .connectionPool(SHARED_POOL)
        .dispatcher(dispatcher())
        .connectTimeout(transport.connectTimeout())
        .readTimeout(transport.readTimeout())
        .writeTimeout(transport.writeTimeout())
        .callTimeout(transport.callTimeout())
        // OkHttp would re-send a 307'd POST body (a token request's client secret) to any host
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false) // the resilience policy decides
        .addInterceptor(new SameOriginRedirectInterceptor())
        .addInterceptor(new UserAgentInterceptor(transport.userAgent()))
        .addInterceptor(new ResilienceInterceptor(resilience));
    if (tokens != null) {
      b.addInterceptor(new BearerAuthInterceptor(tokens));
    }
    b.addInterceptor(new ResponseSizeCapInterceptor(transport.maxResponseBytes()));
    b.addNetworkInterceptor(new LoggingInterceptor());
    networkInterceptors.forEach(b::addNetworkInterceptor);
    return b.build();
  }

  /**
   * A Retrofit instance whose interface methods return plain values (blocking) or
   * {@code CompletableFuture}s, raising Gridcast's typed errors.
   */
  public static Retrofit newRetrofit(
      HttpUrl baseUrl, OkHttpClient client, ObjectMapper mapper, ErrorBodyParser errors, Clock clock) {
    return new Retrofit.Builder()
        .baseUrl(baseUrl)
        .client(client)
        .addConverterFactory(new JacksonRequestConverterFactory(mapper))
        .addCallAdapterFactory(new GridcastCallAdapterFactory(mapper, errors, clock))
        .build();
  }

  /** Up to 64 concurrent calls, 16 per host (OkHttp's default of 5 per host would throttle bulk reads). */
  private static Dispatcher dispatcher() {
    Dispatcher d = new Dispatcher();
    d.setMaxRequests(64);
    d.setMaxRequestsPerHost(16);
    return d;
  }

  /**
   * A request body of JSON bytes as every Gridcast client sends them ({@code application/json;
   * charset=utf-8}): what a {@code @Body} value is encoded to, for calls that send bytes encoded
   * ahead.
   */
  public static RequestBody jsonBody(byte[] json) {
    return RequestBody.create(json, JSON);
  }

  /** Releases a client's threads and idle connections it owns; safe to call twice. */
  public static void close(OkHttpClient client) {
    client.dispatcher().executorService().shutdown();
  }
}
