package io.gridcast.spotify;

import io.gridcast.core.Secret;
import io.gridcast.core.auth.AccessToken;
import io.gridcast.core.auth.AccessTokenProvider;
import io.gridcast.core.resilience.ResilienceConfig;
import io.gridcast.testkit.SpotifySandbox;
import java.time.Duration;
import java.time.Instant;

/** Clients pointed at a {@link SpotifySandbox}, with fast retries so that fault tests stay quick. */
final class TestClients {

  static final ResilienceConfig FAST_RETRIES = ResilienceConfig.builder()
      .baseDelay(Duration.ofMillis(5)).maxDelay(Duration.ofMillis(40)).maxRetries(6).build();

  private TestClients() {}

  /**
   * App-only access through the sandbox's client-credentials grant; each interceptor (a {@link
   * RequestLog}, a {@link ContractValidatingInterceptor}) sees every attempt.
   */
  static SpotifyClient app(SpotifySandbox sandbox, int pageSize, okhttp3.Interceptor... interceptors) {
    SpotifyClient.Builder b = SpotifyClient.builder()
        .baseUrl(sandbox.apiBaseUri().toString())
        .tokenUrl(sandbox.tokenUri().toString())
        .clientCredentials(sandbox.clientId(), Secret.of(sandbox.clientSecret()))
        .resilience(FAST_RETRIES)
        .pageSize(pageSize);
    for (okhttp3.Interceptor i : interceptors) {
      b.addInterceptor(i);
    }
    return b.build();
  }

  /** Acting as the sandbox's demo user, with every scope; see {@link #app} for the interceptors. */
  static SpotifyClient user(SpotifySandbox sandbox, int pageSize, okhttp3.Interceptor... interceptors) {
    SpotifyClient.Builder b = SpotifyClient.builder()
        .baseUrl(sandbox.apiBaseUri().toString())
        .tokenProvider(userTokens(sandbox))
        .resilience(FAST_RETRIES)
        .pageSize(pageSize);
    for (okhttp3.Interceptor i : interceptors) {
      b.addInterceptor(i);
    }
    return b.build();
  }

  static AccessTokenProvider userTokens(SpotifySandbox sandbox) {
    return AccessTokenProvider.fixed(new AccessToken(
        Secret.of(sandbox.userAccessToken()), Instant.now().plus(Duration.ofHours(1)), null, null));
  }
}
