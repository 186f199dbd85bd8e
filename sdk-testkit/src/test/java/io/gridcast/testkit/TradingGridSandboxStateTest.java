package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradingGridSandboxStateTest {

  @TempDir
  Path dir;

  @Test
  void stateSurvivesARestartFromTheStateDirectory() {
    String postId;
    String documentId;
    byte[] content = {10, 20, 30, 40, 50};
    try (TradingGridSandbox first = TradingGridSandbox.builder().stateDir(dir).start()) {
      TgTestClient tg = new TgTestClient(first);
      postId = tg.post("posts", Map.of("kind", "report", "title", "Kept", "body", "", "externalRef", "ref-kept",
          "audience", Map.of("groupIds", List.of(), "partnerIds", List.of())), "key-kept").json().path("id").asText();
      documentId = tg.upload("kept.bin", "application/octet-stream", content, null, null).json().path("id").asText();
      first.movePartnerToStage(TradingGridDemoData.PARTNER_DUNMORE, "certified");
      assertThat(first.stateFile()).hasValueSatisfying(f -> assertThat(f).exists());
    }
    try (TradingGridSandbox second = TradingGridSandbox.builder().stateDir(dir).start()) {
      TgTestClient tg = new TgTestClient(second);
      Http.Reply replay = tg.post("posts", Map.of("kind", "report", "title", "Kept", "body", "", "externalRef", "ref-kept",
          "audience", Map.of("groupIds", List.of(), "partnerIds", List.of())), "key-kept");

      assertThat(tg.get("posts/" + postId).json().path("title").asText()).isEqualTo("Kept");
      assertThat(replay.json().path("id").asText()).as("idempotency records survive").isEqualTo(postId);
      assertThat(second.countPostsByExternalRef("ref-kept")).isEqualTo(1);
      assertThat(tg.get("documents/" + documentId + "/content").raw().body()).isEqualTo(content);
      assertThat(tg.get("partners/" + TradingGridDemoData.PARTNER_DUNMORE).json().path("onboardingStage").asText()).isEqualTo("certified");
      assertThat(second.events()).extracting(e -> e.path("type").asText()).containsExactly("post.created", "document.uploaded", "partner.updated");
      JsonNode created = tg.post("threads", Map.of("title", "After restart")).json();
      assertThat(created.path("id").asText()).isNotIn(postId, documentId);
    }
  }

  @Test
  void resetStartsAgainFromTheDemoDataAndExpiresEventCursors() {
    try (TradingGridSandbox sandbox = TradingGridSandbox.builder().stateDir(dir).start()) {
      TgTestClient tg = new TgTestClient(sandbox);
      tg.post("threads", Map.of("title", "Gone after reset", "externalRef", "ref-reset"));
      String cursor = tg.get("events").json().path("nextCursor").asText();

      sandbox.reset();

      assertThat(sandbox.countByExternalRef(TradingGridResource.THREADS, "ref-reset")).isZero();
      assertThat(sandbox.resources(TradingGridResource.PARTNERS)).hasSize(40);
      Http.Reply expired = tg.get("events?cursor=" + cursor);
      assertThat(expired.status()).isEqualTo(410);
      assertThat(expired.json().at("/error/code").asText()).isEqualTo("cursor_expired");
    }
  }

  @Test
  void theFaultProfileIsDeterministicUnderItsSeed() {
    FaultProfile profile = FaultProfile.builder().seed(11).serverErrorRate(0.2).rateLimitRate(0.1).retryAfterSeconds(2).build();
    List<Integer> first = statuses(profile);
    List<Integer> second = statuses(profile);

    assertThat(second).isEqualTo(first);
    assertThat(first).contains(200, 429).anyMatch(s -> s >= 500);
  }

  private static List<Integer> statuses(FaultProfile profile) {
    try (TradingGridSandbox sandbox = TradingGridSandbox.builder().faults(profile).exemptTokenEndpointFromFaults().start()) {
      TgTestClient tg = new TgTestClient(sandbox);
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        Http.Reply reply = tg.get("partners?limit=1");
        statuses.add(reply.status());
        if (reply.status() == 429) {
          assertThat(reply.header("Retry-After")).isEqualTo("2");
          assertThat(reply.json().at("/error/code").asText()).isEqualTo("rate_limited");
        }
        if (reply.status() == 503) {
          assertThat(reply.json().at("/error/code").asText()).isEqualTo("service_unavailable");
        }
        if (reply.status() != 200) {
          assertThat(reply.json().at("/error/requestId").asText()).isEqualTo(reply.header("X-Request-Id"));
        }
      }
      return statuses;
    }
  }

  @Test
  void theTokenEndpointCanBeExemptFromFaults() {
    try (TradingGridSandbox sandbox = TradingGridSandbox.builder().faults(FaultProfile.builder().serverErrorRate(1).build())
        .exemptTokenEndpointFromFaults().start()) {
      for (int i = 0; i < 5; i++) {
        assertThat(TgTestClient.requestToken(sandbox, TradingGridSandbox.DEFAULT_TENANT_ID, TradingGridSandbox.DEFAULT_CLIENT_ID,
            TradingGridSandbox.DEFAULT_CLIENT_SECRET)).startsWith("tgs_");
      }
      assertThat(Http.get(sandbox.baseUrl() + "communities", sandbox.accessToken()).status()).isGreaterThanOrEqualTo(500);
    }
  }

  @Test
  void theStandaloneMainAnswers() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        TradingGridSandboxMain.class.getName(), "--port", "0", "--seed", "3", "--state-dir", dir.resolve("main").toString())
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      assertThat(first).startsWith("Trading Grid sandbox listening on http://127.0.0.1:");
      String baseUrl = first.substring(first.indexOf("http://"));
      String tokenLine = out.readLine();
      String tokenUrl = tokenLine.substring(tokenLine.indexOf("http://"));
      Http.Reply token = Http.form(tokenUrl, TradingGridSandbox.DEFAULT_CLIENT_ID + ":" + TradingGridSandbox.DEFAULT_CLIENT_SECRET,
          "grant_type=client_credentials");
      Http.Reply partners = Http.get(baseUrl + "communities/" + TradingGridSandbox.DEFAULT_COMMUNITY_ID + "/partners?limit=3",
          token.json().path("access_token").asText());

      assertThat(baseUrl).endsWith("/activecommunity/v1/");
      assertThat(partners.status()).isEqualTo(200);
      assertThat(partners.json().path("items")).hasSize(3);
    } finally {
      process.destroy();
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
