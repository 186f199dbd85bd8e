package io.gridcast.spotify;

import static io.gridcast.testkit.SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.core.Secret;
import io.gridcast.core.resilience.ResilienceConfig;
import io.gridcast.core.resilience.ResilienceListener;
import io.gridcast.spotify.model.SimplifiedEpisode;
import io.gridcast.testkit.FaultProfile;
import io.gridcast.testkit.SpotifySandbox;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client rides out the sandbox's injected 5xx and 429 answers without the caller noticing. */
class FaultToleranceSandboxTest {

  private SpotifySandbox sandbox;
  private SpotifyClient client;
  private final List<String> retryReasons = new CopyOnWriteArrayList<>();
  private final List<Duration> retryDelays = new CopyOnWriteArrayList<>();
  private final RequestLog log = new RequestLog();
  /** Injected faults break responses on purpose: only the client's requests are held to Spotify's document. */
  private final ContractValidatingInterceptor contract = ContractValidatingInterceptor.requestsOnly();

  @BeforeEach
  void start() {
    sandbox = SpotifySandbox.builder().build();
    ResilienceListener listener = new ResilienceListener() {
      @Override
      public void onRetry(String method, String url, int attempt, Duration delay, String reason) {
        retryReasons.add(reason);
        retryDelays.add(delay);
      }
    };
    client = SpotifyClient.builder()
        .baseUrl(sandbox.apiBaseUri().toString())
        .tokenUrl(sandbox.tokenUri().toString())
        .clientCredentials(sandbox.clientId(), Secret.of(sandbox.clientSecret()))
        .resilience(ResilienceConfig.builder().from(TestClients.FAST_RETRIES).maxRetries(8).breakerFailureThreshold(1000).listener(listener).build())
        .pageSize(5)
        .addInterceptor(log)
        .addInterceptor(contract)
        .build();
  }

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
    assertThat(contract.violations()).as("requests breaking Spotify's OpenAPI document").isEmpty();
  }

  @Test
  void serverErrorsAreRetriedTransparently() {
    sandbox.faults(FaultProfile.builder().seed(7).serverErrorRate(0.4).exemptPath("/api/token").build());

    List<SimplifiedEpisode> all = client.shows().episodes(SHOW_TRADING_GRID_WEEKLY, null).stream().toList();

    assertThat(all).hasSize(60).doesNotHaveDuplicates();
    assertThat(retryReasons).isNotEmpty().allSatisfy(r -> assertThat(r).matches("HTTP 5\\d\\d"));
    assertThat(log.size()).isEqualTo(12 + retryReasons.size());
  }

  @Test
  void rateLimitedAnswersAreRetriedAfterTheDelayRetryAfterAsks() {
    sandbox.faults(FaultProfile.builder().seed(11).rateLimitRate(0.25).retryAfterSeconds(1).exemptPath("/api/token").build());

    List<SimplifiedEpisode> all = client.shows().episodes(SHOW_TRADING_GRID_WEEKLY, null).stream().toList();

    assertThat(all).hasSize(60).doesNotHaveDuplicates();
    assertThat(retryReasons).isNotEmpty().allSatisfy(r -> assertThat(r).isEqualTo("HTTP 429"));
    assertThat(retryDelays).allSatisfy(d -> assertThat(d).isEqualTo(Duration.ofSeconds(1)));
  }
}
