package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultProfileTest {

  private static final FaultProfile MIXED = FaultProfile.builder()
      .seed(42)
      .serverErrorRate(0.1)
      .rateLimitRate(0.1)
      .retryAfterSeconds(3)
      .connectionResetRate(0.1)
      .malformedBodyRate(0.1)
      .exemptPath("/api/token")
      .build();

  @Test
  void theSameSeedAndRequestSequenceGiveTheSameFaults() {
    List<String> first = outcomes(MIXED, 200);
    List<String> second = outcomes(MIXED, 200);

    assertThat(second).isEqualTo(first);
    assertThat(first).contains("reset", "malformed", "429", "ok");
    assertThat(first).anyMatch(o -> o.startsWith("5"));
  }

  @Test
  void anotherSeedGivesOtherFaults() {
    assertThat(outcomes(MIXED.toBuilder().seed(7).build(), 200)).isNotEqualTo(outcomes(MIXED, 200));
  }

  @Test
  void ratesAreRoughlyHonoured() {
    List<String> outcomes = outcomes(FaultProfile.builder().seed(1).serverErrorRate(0.25).build(), 400);
    long errors = outcomes.stream().filter(o -> o.startsWith("5")).count();

    assertThat(errors).isBetween(60L, 140L);
  }

  @Test
  void rateLimitedResponsesCarryRetryAfterAndSpotifysErrorBody() {
    try (SandboxServer server = echoServer(FaultProfile.builder().rateLimitRate(1).retryAfterSeconds(3).build())) {
      Http.Reply reply = Http.json("POST", server.baseUri() + "/echo", null, Map.of("a", 1));

      assertThat(reply.status()).isEqualTo(429);
      assertThat(reply.header("Retry-After")).isEqualTo("3");
      assertThat(reply.json().at("/error/status").asInt()).isEqualTo(429);
    }
  }

  @Test
  void exemptPathsNeverFail() {
    try (SandboxServer server = echoServer(FaultProfile.builder().serverErrorRate(1).exemptPath("/api/token").build())) {
      for (int i = 0; i < 20; i++) {
        assertThat(Http.json("POST", server.baseUri() + "/api/token", null, Map.of("i", i)).status()).isEqualTo(200);
      }
      assertThat(Http.json("POST", server.baseUri() + "/echo", null, Map.of()).status()).isBetween(500, 503);
    }
  }

  @Test
  void malformedBodiesAreTruncatedJson() {
    try (SandboxServer server = echoServer(FaultProfile.builder().malformedBodyRate(1).build())) {
      Http.Reply reply = Http.json("POST", server.baseUri() + "/echo", null, Map.of("name", "a fairly long value"));

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.text()).startsWith("{\"name\"").doesNotEndWith("}");
      assertThatThrownBy(reply::json).isInstanceOf(UncheckedIOException.class);
    }
  }

  @Test
  void latencyDelaysResponses() {
    try (SandboxServer server = echoServer(FaultProfile.builder().latency(Duration.ofMillis(150), Duration.ZERO).build())) {
      long started = System.nanoTime();
      Http.json("POST", server.baseUri() + "/echo", null, Map.of());
      assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(150);
    }
  }

  @Test
  void profilesCanBeSwappedOnARunningServer() {
    try (SandboxServer server = echoServer(FaultProfile.none())) {
      String url = server.baseUri() + "/echo";
      assertThat(Http.json("POST", url, null, Map.of()).status()).isEqualTo(200);

      server.faults(FaultProfile.builder().serverErrorRate(1).build());
      assertThat(Http.json("POST", url, null, Map.of()).status()).isBetween(500, 503);

      server.faults(FaultProfile.none());
      assertThat(Http.json("POST", url, null, Map.of()).status()).isEqualTo(200);
    }
  }

  @Test
  void rejectsRatesThatCannotAddUp() {
    assertThatThrownBy(() -> FaultProfile.builder().serverErrorRate(0.6).rateLimitRate(0.6).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not exceed 1");
    assertThatThrownBy(() -> FaultProfile.builder().connectionResetRate(1.5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noneIsTheDefaultAndInjectsNothing() {
    assertThat(FaultProfile.none().isNone()).isTrue();
    assertThat(MIXED.isNone()).isFalse();
    assertThat(MIXED.toBuilder().build()).isEqualTo(MIXED);
  }

  private static SandboxServer echoServer(FaultProfile profile) {
    var router = new SandboxRouter()
        .post("/echo", req -> SandboxResponse.json(200, req.bodyJson()))
        .post("/api/token", req -> SandboxResponse.json(200, Map.of("access_token", "t")));
    return SandboxServer.builder().router(router).faults(profile).start();
  }

  private static List<String> outcomes(FaultProfile profile, int requests) {
    var outcomes = new ArrayList<String>();
    try (SandboxServer server = echoServer(profile)) {
      for (int i = 0; i < requests; i++) {
        if (i % 10 == 0) {
          // Exempt requests in between must not shift the fault sequence.
          Http.json("POST", server.baseUri() + "/api/token", null, Map.of());
        }
        try {
          Http.Reply reply = Http.json("POST", server.baseUri() + "/echo", null, Map.of("i", i));
          if (reply.status() != 200) {
            outcomes.add(Integer.toString(reply.status()));
          } else {
            outcomes.add(reply.text().endsWith("}") ? "ok" : "malformed");
          }
        } catch (UncheckedIOException e) {
          outcomes.add("reset");
        }
      }
    }
    return outcomes;
  }
}
