package io.gridcast.spotify;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.core.Secret;
import io.gridcast.core.auth.AccessToken;
import io.gridcast.core.auth.AccessTokenProvider;
import io.gridcast.core.resilience.ResilienceConfig;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract check the sandbox tests rely on does catch what breaks Spotify's OpenAPI document. */
class ContractValidatingInterceptorTest {

  private static final String EPISODE_ID = "5Xt5DXGzch68nYYamXrNxZ";
  /** An EpisodeObject without the required {@code audio_preview_url} and {@code html_description}. */
  private static final String EPISODE_MISSING_REQUIRED_FIELDS = "{\"description\":\"d\",\"duration_ms\":1000,\"explicit\":false,"
      + "\"external_urls\":{},\"href\":\"h\",\"id\":\"" + EPISODE_ID + "\",\"images\":[],\"is_externally_hosted\":false,"
      + "\"is_playable\":true,\"languages\":[\"en\"],\"name\":\"n\",\"release_date\":\"2026\",\"release_date_precision\":\"year\","
      + "\"type\":\"episode\",\"uri\":\"spotify:episode:" + EPISODE_ID + "\",\"show\":{\"available_markets\":[\"DE\"],"
      + "\"copyrights\":[],\"description\":\"s\",\"html_description\":\"<p>s</p>\",\"explicit\":false,\"external_urls\":{},"
      + "\"href\":\"h\",\"id\":\"38bS44xjbVVZ3No3ByF1dJ\",\"images\":[],\"is_externally_hosted\":false,\"languages\":[\"en\"],"
      + "\"media_type\":\"audio\",\"name\":\"s\",\"publisher\":\"p\",\"total_episodes\":1,\"type\":\"show\","
      + "\"uri\":\"spotify:show:38bS44xjbVVZ3No3ByF1dJ\"}}";

  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private SpotifyClient client(ContractValidatingInterceptor contract) {
    return SpotifyClient.builder()
        .baseUrl(server.url("/v1/").toString())
        .tokenProvider(AccessTokenProvider.fixed(
            new AccessToken(Secret.of("test-token"), Instant.now().plus(Duration.ofHours(1)), null, null)))
        .resilience(ResilienceConfig.disabled())
        .addInterceptor(contract)
        .build();
  }

  private void respond(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build());
  }

  @Test
  void aResponseMissingRequiredFieldsIsAViolationNamingThem() {
    ContractValidatingInterceptor contract = ContractValidatingInterceptor.requestsAndResponses();
    respond(200, EPISODE_MISSING_REQUIRED_FIELDS);

    try (SpotifyClient client = client(contract)) {
      client.episodes().get(EPISODE_ID);
    }

    assertThat(contract.violations()).anySatisfy(v -> assertThat(v).contains("-> 200").contains("audio_preview_url"));
    assertThat(contract.violations()).anySatisfy(v -> assertThat(v).contains("html_description"));
  }

  @Test
  void requestsOnlyLetsTheSameResponsePass() {
    ContractValidatingInterceptor contract = ContractValidatingInterceptor.requestsOnly();
    respond(200, EPISODE_MISSING_REQUIRED_FIELDS);

    try (SpotifyClient client = client(contract)) {
      client.episodes().get(EPISODE_ID);
    }

    assertThat(contract.violations()).isEmpty();
    assertThat(contract.exchanges()).containsExactly("GET /v1/episodes/" + EPISODE_ID + " 200");
  }

  @Test
  void anErrorStatusTheOperationDoesNotListIsJudgedAsSpotifysErrorObject() {
    ContractValidatingInterceptor contract = ContractValidatingInterceptor.requestsAndResponses();
    respond(404, "{\"error\":{\"status\":404,\"message\":\"Non existing id\"}}");
    respond(404, "{\"message\":\"Non existing id\"}");

    try (SpotifyClient client = client(contract)) {
      for (int i = 0; i < 2; i++) {
        try {
          client.episodes().get(EPISODE_ID);
        } catch (RuntimeException expected) {
          // both are 404s; only the second body is not Spotify's error object
        }
      }
    }

    assertThat(contract.violations()).isNotEmpty().allSatisfy(v -> assertThat(v).contains("-> 404"));
    assertThat(contract.violations()).noneSatisfy(v -> assertThat(v).contains("status.unknown"));
  }
}
