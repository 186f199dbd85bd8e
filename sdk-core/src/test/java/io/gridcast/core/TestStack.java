package io.gridcast.core;

import io.gridcast.core.auth.AccessTokenProvider;
import io.gridcast.core.errors.ErrorBodyParser;
import io.gridcast.core.errors.ErrorDetails;
import io.gridcast.core.http.GridcastHttp;
import io.gridcast.core.http.TransportConfig;
import io.gridcast.core.resilience.ResilienceConfig;
import java.time.Clock;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;

/** Builds a {@link TestApi} on the real Gridcast stack against a MockWebServer. */
final class TestStack {

  /** Reads {"error":{"code","message","requestId"}} like Active Community does. */
  static final ErrorBodyParser PARSER = (status, type, body) -> {
    try {
      var n = GridcastJson.newObjectMapper().readTree(body).path("error");
      return ErrorDetails.of(n.path("code").asText(null), n.path("message").asText(null), n.path("requestId").asText(null));
    } catch (Exception e) {
      return ErrorDetails.none();
    }
  };

  final OkHttpClient http;
  final TestApi api;

  TestStack(MockWebServer server, TransportConfig transport, ResilienceConfig resilience, AccessTokenProvider tokens) {
    this(server, transport, resilience, tokens, Clock.systemUTC());
  }

  TestStack(MockWebServer server, TransportConfig transport, ResilienceConfig resilience,
      AccessTokenProvider tokens, Clock clock) {
    http = GridcastHttp.newOkHttpClient(transport, resilience, tokens);
    api = GridcastHttp.newRetrofit(server.url("/"), http, GridcastJson.newObjectMapper(), PARSER, clock)
        .create(TestApi.class);
  }

  static ResilienceConfig.Builder fastRetries() {
    return ResilienceConfig.builder().baseDelay(java.time.Duration.ofMillis(10)).maxDelay(java.time.Duration.ofMillis(50));
  }
}
